/* mscos-page-model-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-page-model.h"
#include "mscos-pack-change.h"
#include "mscos-pack-diff.h"

G_BEGIN_DECLS

/* Rows are made and changed only by their model (mscos-page-model.c). */
struct _MscosPageRow
{
  GObject           parent_instance;

  /* Not a reference: the model owns its rows, and clears this when it goes. */
  MscosPageModel   *model;
  MscosPageRowKind  kind;
  MscosOutcome     *outcome;
  MscosSection     *section;
  MscosItem        *item;
  MscosBlock       *block;
  /* The open item this row is part of; NULL for a row of the page itself. */
  MscosPageRow     *owner;
  /* The item rows whose cards this row is drawn in, outermost first. */
  MscosPageRow     *frames[MSCOS_PAGE_ROW_MAX_FRAMES];
  /* What is shown while this item is open, made the first time it is. */
  GPtrArray        *children;
  /* Where the row is in the model, or G_MAXUINT while it is hidden in a closed item. */
  guint             position;
  guint8            level;
  guint8            n_frames;
  /* Bit N: the row is the last of the card of frames[N]. */
  guint8            last_mask;
  guint             expandable : 1;
  guint             expanded : 1;
  guint             highlighted : 1;
  /* Whether the page's feed (mscos-page-feed.c) has given the row to its view yet. */
  guint             fed : 1;
  /* While reviewing: whether Show Only Changes hides the row. */
  guint             hidden : 1;
  /* While reviewing: what changed in the row's item, or NULL. A removed item's row shows the
   * base pack's item, and a removed section's row the base pack's section. */
  MscosPackChange  *change;
  /* While reviewing a changed text, for a block row: how its block differs from the base
   * pack's, and for a changed block the base pack's version. A removed block's row shows the
   * base pack's block. */
  MscosBlock       *old_block;
  MscosBlockChange  block_change;
};

GPtrArray    *mscos_page_model_get_shown       (MscosPageModel   *self);
void          mscos_page_rows_insert           (GPtrArray        *array,
                                                guint             index,
                                                gpointer         *rows,
                                                guint             n_rows);
gboolean      mscos_page_row_is_shown          (MscosPageRow     *self);
MscosPackDiff *mscos_page_row_get_model_diff   (MscosPageRow     *self);

MscosPageRow *mscos_page_row_new               (MscosPageModel   *model,
                                                MscosPageRowKind  kind,
                                                MscosPageRow     *owner);
void          mscos_page_row_update_last_mask  (MscosPageRow     *self,
                                                guint8            mask);
void          mscos_page_row_update_expanded   (MscosPageRow     *self,
                                                gboolean          expanded);
void          mscos_page_row_update_highlighted (MscosPageRow    *self,
                                                 gboolean         highlighted);

G_END_DECLS
