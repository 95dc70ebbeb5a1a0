/* mscos-library.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-content-pack.h"
#include "mscos-durable-store.h"
#include "mscos-library-entry.h"

G_BEGIN_DECLS

#define MSCOS_LIBRARY_ERROR (mscos_library_error_quark ())

typedef enum
{
  /* The JSON is not a library file; the message names the JSON path of each problem. */
  MSCOS_LIBRARY_ERROR_INVALID,
  /* The file was written by a newer version of the app. */
  MSCOS_LIBRARY_ERROR_NEWER_VERSION,
  /* An earlier library file could not be read nor moved aside, so nothing is written over it. */
  MSCOS_LIBRARY_ERROR_BLOCKED,
  /* The library does not write: it was opened read-only, or a newer version wrote its file. */
  MSCOS_LIBRARY_ERROR_READ_ONLY,
} MscosLibraryError;

#define MSCOS_LIBRARY_FORMAT "mscos-library"
#define MSCOS_LIBRARY_VERSION 1

typedef struct
{
  guint bookmarks_added;
  guint notes_added;
  guint notes_merged;
  /* Bookmarks and notes the library already had. */
  guint duplicates;
} MscosLibraryImportReport;

typedef void (*MscosLibraryVisitFunc) (MscosOutcome      *outcome,
                                       MscosItem         *item,
                                       MscosLibraryEntry *entry,
                                       gboolean           first,
                                       gpointer           user_data);

#define MSCOS_TYPE_LIBRARY (mscos_library_get_type ())

G_DECLARE_FINAL_TYPE (MscosLibrary, mscos_library, MSCOS, LIBRARY, MscosDurableStore)

GQuark             mscos_library_error_quark               (void);
MscosLibrary      *mscos_library_new                       (GFile                     *file);
MscosLibrary      *mscos_library_new_read_only             (GFile                     *file);
GListModel        *mscos_library_get_entries               (MscosLibrary              *self);
MscosLibraryEntry *mscos_library_lookup                    (MscosLibrary              *self,
                                                            const char                *pack_id,
                                                            const char                *item_id);
void               mscos_library_set_bookmarked            (MscosLibrary              *self,
                                                            const char                *pack_id,
                                                            MscosItem                 *item,
                                                            gboolean                   bookmarked);
void               mscos_library_set_note                  (MscosLibrary              *self,
                                                            const char                *pack_id,
                                                            MscosItem                 *item,
                                                            const char                *text);
void               mscos_library_restore                   (MscosLibrary              *self,
                                                            MscosLibraryEntry         *snapshot);
gboolean           mscos_library_flush                     (MscosLibrary              *self,
                                                            GError                   **error);
void               mscos_library_foreach_in_pack_order     (MscosLibrary              *self,
                                                            MscosContentPack          *pack,
                                                            MscosLibraryVisitFunc      func,
                                                            gpointer                   user_data);
char              *mscos_library_export_markdown           (MscosLibrary              *self,
                                                            MscosContentPack          *pack);
char              *mscos_library_export_json               (MscosLibrary              *self);
gboolean           mscos_library_import_json               (MscosLibrary              *self,
                                                            GBytes                    *bytes,
                                                            MscosLibraryImportReport  *report,
                                                            GError                   **error);
gboolean           mscos_library_import_json_full          (MscosLibrary              *self,
                                                            GBytes                    *bytes,
                                                            const char                *source_name,
                                                            MscosLibraryImportReport  *report,
                                                            GError                   **error);

/* What the library's file does is MscosDurableStore's; these say it in the library's words. */
static inline GFile *
mscos_library_get_file (MscosLibrary *self)
{
  return mscos_durable_store_get_file (MSCOS_DURABLE_STORE (self));
}

static inline void
mscos_library_load_async (MscosLibrary        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  mscos_durable_store_load_async (MSCOS_DURABLE_STORE (self), cancellable, callback, user_data);
}

static inline gboolean
mscos_library_load_finish (MscosLibrary  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return mscos_durable_store_load_finish (MSCOS_DURABLE_STORE (self), result, error);
}

static inline gboolean
mscos_library_get_loaded (MscosLibrary *self)
{
  return mscos_durable_store_get_loaded (MSCOS_DURABLE_STORE (self));
}

static inline gboolean
mscos_library_get_saving (MscosLibrary *self)
{
  return mscos_durable_store_get_saving (MSCOS_DURABLE_STORE (self));
}

static inline gboolean
mscos_library_get_newer_version (MscosLibrary *self)
{
  return mscos_durable_store_get_newer_version (MSCOS_DURABLE_STORE (self));
}

static inline GFile *
mscos_library_dup_newer_version_destination (MscosLibrary *self)
{
  return mscos_durable_store_dup_newer_version_destination (MSCOS_DURABLE_STORE (self));
}

static inline gboolean
mscos_library_start_new (MscosLibrary  *self,
                         GFile         *destination,
                         GError       **error)
{
  return mscos_durable_store_start_new (MSCOS_DURABLE_STORE (self), destination, error);
}

static inline const char *
mscos_library_get_save_error (MscosLibrary *self)
{
  return mscos_durable_store_get_save_error (MSCOS_DURABLE_STORE (self));
}

static inline gboolean
mscos_library_get_has_unsaved_changes (MscosLibrary *self)
{
  return mscos_durable_store_get_has_unsaved_changes (MSCOS_DURABLE_STORE (self));
}

static inline GFile *
mscos_library_get_moved_aside_file (MscosLibrary *self)
{
  return mscos_durable_store_get_moved_aside_file (MSCOS_DURABLE_STORE (self));
}

static inline const char *
mscos_library_get_load_problem (MscosLibrary *self)
{
  return mscos_durable_store_get_load_problem (MSCOS_DURABLE_STORE (self));
}

static inline guint64
mscos_library_get_change_count (MscosLibrary *self)
{
  return mscos_durable_store_get_change_count (MSCOS_DURABLE_STORE (self));
}

static inline guint64
mscos_library_get_saved_change_count (MscosLibrary *self)
{
  return mscos_durable_store_get_saved_change_count (MSCOS_DURABLE_STORE (self));
}

static inline void
mscos_library_set_save_delays (MscosLibrary *self,
                               guint         quiet_ms,
                               guint         max_ms)
{
  mscos_durable_store_set_save_delays (MSCOS_DURABLE_STORE (self), quiet_ms, max_ms);
}

G_END_DECLS
