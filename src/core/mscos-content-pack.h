/* mscos-content-pack.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-item.h"
#include "mscos-outcome.h"
#include "mscos-section.h"

G_BEGIN_DECLS

#define MSCOS_CONTENT_ERROR (mscos_content_error_quark ())

typedef enum
{
  /* The pack has problems; the message lists them, one a line, as "PATH: message". */
  MSCOS_CONTENT_ERROR_INVALID,
  /* The pack is of a newer format version than this app reads. */
  MSCOS_CONTENT_ERROR_NEWER_VERSION,
} MscosContentError;

#define MSCOS_CONTENT_FORMAT "mscos-content-pack"
#define MSCOS_CONTENT_VERSION 1
/* The name of the pack file in a pack folder that holds more than one .json file. */
#define MSCOS_CONTENT_PACK_FOLDER_FILE "pack.json"

#define MSCOS_TYPE_CONTENT_PACK (mscos_content_pack_get_type ())

G_DECLARE_FINAL_TYPE (MscosContentPack, mscos_content_pack, MSCOS, CONTENT_PACK, GObject)

GQuark            mscos_content_error_quark           (void);
MscosContentPack *mscos_content_pack_new_from_bytes   (GBytes               *bytes,
                                                       GFile                *base,
                                                       GError              **error);
void              mscos_content_pack_load_async       (GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
MscosContentPack *mscos_content_pack_load_finish      (GAsyncResult         *result,
                                                       GError              **error);
MscosContentPack *mscos_content_pack_load             (GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
const char       *mscos_content_pack_get_id           (MscosContentPack     *self);
const char       *mscos_content_pack_get_title        (MscosContentPack     *self);
const char       *mscos_content_pack_get_revision     (MscosContentPack     *self);
const char       *mscos_content_pack_get_date         (MscosContentPack     *self);
const char       *mscos_content_pack_get_language     (MscosContentPack     *self);
const char       *mscos_content_pack_get_description  (MscosContentPack     *self);
GFile            *mscos_content_pack_get_file         (MscosContentPack     *self);
GFile            *mscos_content_pack_get_folder       (MscosContentPack     *self);
GListModel       *mscos_content_pack_get_outcomes     (MscosContentPack     *self);
guint             mscos_content_pack_get_n_items      (MscosContentPack     *self);
MscosOutcome     *mscos_content_pack_lookup_outcome   (MscosContentPack     *self,
                                                       const char           *id);
MscosItem        *mscos_content_pack_lookup_item      (MscosContentPack     *self,
                                                       const char           *id);
void              mscos_content_pack_foreach_item     (MscosContentPack     *self,
                                                       GFunc                 func,
                                                       gpointer              user_data);

G_END_DECLS
