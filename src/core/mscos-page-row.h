/* mscos-page-row.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-block.h"
#include "mscos-item.h"
#include "mscos-outcome.h"
#include "mscos-pack-change.h"
#include "mscos-pack-diff.h"
#include "mscos-section.h"

G_BEGIN_DECLS

typedef enum
{
  /* The outcome's title, summary, study descriptor and link. */
  MSCOS_PAGE_ROW_HEADER,
  /* A section's heading and intro. */
  MSCOS_PAGE_ROW_SECTION,
  /* An item's card, or its first part while the item is open. */
  MSCOS_PAGE_ROW_ITEM,
  /* One block of an open item's full text. */
  MSCOS_PAGE_ROW_BLOCK,
  /* An open item's links. */
  MSCOS_PAGE_ROW_LINKS,
  /* Who made an open set of recommendations, and its intro. */
  MSCOS_PAGE_ROW_SET_INTRO,
  /* A group of an open set: its heading and intro. */
  MSCOS_PAGE_ROW_GROUP,
  /* One recommendation of an open set; those nested under it follow, one level deeper. */
  MSCOS_PAGE_ROW_RECOMMENDATION,
} MscosPageRowKind;

/* How many cards can hold one another: a resource holds a set, which holds its
 * recommendations. */
#define MSCOS_PAGE_ROW_MAX_FRAMES 2

#define MSCOS_TYPE_PAGE_ROW (mscos_page_row_get_type ())

G_DECLARE_FINAL_TYPE (MscosPageRow, mscos_page_row, MSCOS, PAGE_ROW, GObject)

MscosPageRowKind  mscos_page_row_get_kind          (MscosPageRow *self);
MscosOutcome     *mscos_page_row_get_outcome       (MscosPageRow *self);
MscosSection     *mscos_page_row_get_section       (MscosPageRow *self);
MscosItem        *mscos_page_row_get_item          (MscosPageRow *self);
MscosBlock       *mscos_page_row_get_block         (MscosPageRow *self);
guint             mscos_page_row_get_level         (MscosPageRow *self);
gboolean          mscos_page_row_get_expandable    (MscosPageRow *self);
gboolean          mscos_page_row_get_expanded      (MscosPageRow *self);
void              mscos_page_row_set_expanded      (MscosPageRow *self,
                                                    gboolean      expanded);
gboolean          mscos_page_row_get_highlighted   (MscosPageRow *self);
gboolean          mscos_page_row_has_controls      (MscosPageRow *self);
guint             mscos_page_row_get_n_frames      (MscosPageRow *self);
MscosItem        *mscos_page_row_get_frame_item    (MscosPageRow *self,
                                                    guint         frame);
MscosPageRow     *mscos_page_row_get_frame_row     (MscosPageRow *self,
                                                    guint         frame);
gboolean          mscos_page_row_get_frame_first   (MscosPageRow *self,
                                                    guint         frame);
gboolean          mscos_page_row_get_frame_last    (MscosPageRow *self,
                                                    guint         frame);
MscosPackDiff    *mscos_page_row_get_diff          (MscosPageRow *self);
MscosPackChange  *mscos_page_row_get_change        (MscosPageRow *self);
gboolean          mscos_page_row_is_removed        (MscosPageRow *self);
MscosItem        *mscos_page_row_get_old_item      (MscosPageRow *self);
MscosSection     *mscos_page_row_get_old_section   (MscosPageRow *self);
MscosBlockChange  mscos_page_row_get_block_change  (MscosPageRow *self);
MscosBlock       *mscos_page_row_get_old_block     (MscosPageRow *self);

G_END_DECLS
