/* mscos-item.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-block.h"

G_BEGIN_DECLS

typedef enum
{
  MSCOS_ITEM_QUOTE,
  MSCOS_ITEM_AUDIO,
  MSCOS_ITEM_RESOURCE,
  MSCOS_ITEM_RECOMMENDATIONS,
  MSCOS_ITEM_PROFILE,
  MSCOS_ITEM_TEXT,
  /* A group of a recommendation set: a heading and the recommendations under it. */
  MSCOS_ITEM_GROUP,
  /* One recommendation of a set, with the recommendations nested under it. */
  MSCOS_ITEM_RECOMMENDATION,
} MscosItemKind;

typedef enum
{
  MSCOS_AUDIO_SOURCE_FILE,
  MSCOS_AUDIO_SOURCE_PAGE,
} MscosAudioSourceType;

typedef struct
{
  char *title;
  char *uri;
} MscosLink;

typedef struct
{
  MscosAudioSourceType type;
  /* For a file: its absolute URI, resolved against the pack's folder. */
  char *uri;
  char *title;
  /* For a file: whether it was there to read when the pack was read. It may not be: not
   * copied with the pack, or not granted to the app (a pack file opened on its own through
   * the document portal shows the app its folder with that one file in it). */
  gboolean reachable;
} MscosAudioSource;

/* A change the pack's editors made to the source's text, recorded so that a reader can see
 * every place where the pack's words differ from the source. */
typedef struct
{
  char *original;
  char *corrected;
  /* (nullable): why */
  char *note;
} MscosCorrection;

typedef struct
{
  char *title;
  /* As the pack writes it: digits, spaces, '+', '(', ')' and '-'. */
  char *number;
} MscosPhone;

#define MSCOS_TYPE_ITEM (mscos_item_get_type ())

G_DECLARE_FINAL_TYPE (MscosItem, mscos_item, MSCOS, ITEM, GObject)

MscosItemKind  mscos_item_get_kind               (MscosItem     *self);
const char    *mscos_item_kind_to_string         (MscosItemKind  kind);
const char    *mscos_item_get_id                 (MscosItem     *self);
const char    *mscos_item_get_outcome_id         (MscosItem     *self);
MscosItem     *mscos_item_get_parent             (MscosItem     *self);
const char    *mscos_item_get_title              (MscosItem     *self);
char          *mscos_item_dup_display_title      (MscosItem     *self);
const char    *mscos_item_get_resource_type_name (const char    *type);
const char    *mscos_item_get_text               (MscosItem     *self);
const char    *mscos_item_get_speaker            (MscosItem     *self);
const char    *mscos_item_get_role               (MscosItem     *self);
const char    *mscos_item_get_organisation       (MscosItem     *self);
const char    *mscos_item_get_resource_type      (MscosItem     *self);
const char    *mscos_item_get_summary            (MscosItem     *self);
const char    *mscos_item_get_label              (MscosItem     *self);
MscosListStyle mscos_item_get_style              (MscosItem     *self);
GPtrArray     *mscos_item_get_blocks             (MscosItem     *self);
GPtrArray     *mscos_item_get_intro              (MscosItem     *self);
GPtrArray     *mscos_item_get_links              (MscosItem     *self);
GPtrArray     *mscos_item_get_audio_sources      (MscosItem     *self);
GListModel    *mscos_item_get_children           (MscosItem     *self);
guint          mscos_item_get_n_recommendations  (MscosItem     *self);
GPtrArray     *mscos_item_get_corrections        (MscosItem     *self);
GPtrArray     *mscos_item_get_phones             (MscosItem     *self);
char          *mscos_item_dup_attribution        (MscosItem     *self);
char          *mscos_item_dup_quote_credit       (MscosItem     *self);
char          *mscos_item_dup_plain_text         (MscosItem     *self);
char          *mscos_item_dup_digest             (MscosItem     *self);
const char    *mscos_item_get_digest             (MscosItem     *self);
gboolean       mscos_item_is_bookmarkable        (MscosItem     *self);
MscosItem     *mscos_item_get_container          (MscosItem     *self);

G_END_DECLS
