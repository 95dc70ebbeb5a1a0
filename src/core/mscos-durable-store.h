/* mscos-durable-store.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MSCOS_DURABLE_STORE_ERROR (mscos_durable_store_error_quark ())

typedef enum
{
  /* An earlier file could not be read nor moved aside, so nothing is written over it. */
  MSCOS_DURABLE_STORE_ERROR_BLOCKED,
  /* The store does not write: it was opened read-only, or a newer version wrote its file. */
  MSCOS_DURABLE_STORE_ERROR_READ_ONLY,
} MscosDurableStoreError;

/* What a subclass's parse function made of a file. */
typedef enum
{
  /* Everything was read. */
  MSCOS_DURABLE_READ_OK,
  /* Some of it was read (the document, if any, holds it); the problem says what was not. */
  MSCOS_DURABLE_READ_PARTIAL,
  /* The file as a whole could not be read; the problem says why. */
  MSCOS_DURABLE_READ_FAILED,
  /* A newer version wrote the file: the document holds what this version understands. */
  MSCOS_DURABLE_READ_NEWER,
} MscosDurableRead;

/* The situations a store tells the user about, worded by the subclass (see describe). */
typedef enum
{
  /* A newer version wrote the file; it is kept as it is and not written to. */
  MSCOS_DURABLE_PROBLEM_NEWER_VERSION,
  /* The file could not be read (@reason); a read-only store leaves it alone. */
  MSCOS_DURABLE_PROBLEM_UNREADABLE_LEFT,
  /* The file could not be read (@reason) nor set aside (@detail): nothing is written. */
  MSCOS_DURABLE_PROBLEM_UNREADABLE_BLOCKED,
  /* Part of the file could not be read (@reason); it was kept as @detail and what could be read
   * is saved in a new file. */
  MSCOS_DURABLE_PROBLEM_PARTIAL,
  /* The file could not be read (@reason), was kept as @detail, and the backup was read. */
  MSCOS_DURABLE_PROBLEM_RESTORED,
  /* The file could not be read (@reason) and was kept as @detail. */
  MSCOS_DURABLE_PROBLEM_UNREADABLE,
  /* A save failed (@reason); it is tried again. */
  MSCOS_DURABLE_PROBLEM_SAVE_FAILED,
  /* Nothing can be saved, as the file could not be read nor set aside. */
  MSCOS_DURABLE_PROBLEM_SAVE_BLOCKED,
} MscosDurableProblem;

#define MSCOS_TYPE_DURABLE_STORE (mscos_durable_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (MscosDurableStore, mscos_durable_store, MSCOS, DURABLE_STORE, GObject)

/**
 * MscosDurableStoreClass:
 * @parse: reads the bytes of a file into a new document. Runs in a worker thread, so it must
 *   not touch the store. Sets @document (%NULL when nothing was kept) and, for
 *   %MSCOS_DURABLE_READ_PARTIAL and %MSCOS_DURABLE_READ_FAILED, @problem: one sentence.
 * @free_document: frees what @parse returned.
 * @apply_document: on the main thread, takes the document read (%NULL for a missing file or
 *   one that could not be read), merging it with changes made before it was read. Returns
 *   %TRUE when the store now holds something the file does not, so that it is saved.
 * @snapshot: on the main thread, returns what a save writes, cheaply: the state as it is now.
 *   It must stay good until the save is done (@save_finished), the store's state changing
 *   meanwhile.
 * @free_snapshot: frees a snapshot, on any thread.
 * @save_finished: (nullable): on the main thread, after a save in a worker thread, written or
 *   not: what the subclass kept for its snapshot can go.
 * @serialise: returns the bytes of the file for a snapshot; runs in a worker thread.
 * @describe: returns a sentence for the user about @problem; @reason and @detail are as
 *   #MscosDurableProblem says.
 */
struct _MscosDurableStoreClass
{
  GObjectClass parent_class;

  MscosDurableRead  (*parse)          (GBytes               *contents,
                                       gpointer             *document,
                                       char                **problem);
  void              (*free_document)  (gpointer              document);
  gboolean          (*apply_document) (MscosDurableStore    *self,
                                       gpointer              document);
  gpointer          (*snapshot)       (MscosDurableStore    *self);
  void              (*free_snapshot)  (gpointer              snapshot);
  GBytes           *(*serialise)      (gpointer              snapshot);
  void              (*save_finished)  (MscosDurableStore    *self);
  char             *(*describe)       (MscosDurableStore    *self,
                                       MscosDurableProblem   problem,
                                       const char           *reason,
                                       const char           *detail);
};

GQuark    mscos_durable_store_error_quark                  (void);
GFile    *mscos_durable_store_get_file                     (MscosDurableStore    *self);
gboolean  mscos_durable_store_get_read_only                (MscosDurableStore    *self);
void      mscos_durable_store_load_async                   (MscosDurableStore    *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean  mscos_durable_store_load_finish                  (MscosDurableStore    *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
gboolean  mscos_durable_store_get_loaded                   (MscosDurableStore    *self);
gboolean  mscos_durable_store_flush                        (MscosDurableStore    *self,
                                                            GError              **error);
gboolean  mscos_durable_store_get_saving                   (MscosDurableStore    *self);
gboolean  mscos_durable_store_get_newer_version            (MscosDurableStore    *self);
GFile    *mscos_durable_store_dup_newer_version_destination (MscosDurableStore   *self);
gboolean  mscos_durable_store_start_new                    (MscosDurableStore    *self,
                                                            GFile                *destination,
                                                            GError              **error);
const char *mscos_durable_store_get_save_error             (MscosDurableStore    *self);
gboolean  mscos_durable_store_get_has_unsaved_changes      (MscosDurableStore    *self);
GFile    *mscos_durable_store_get_moved_aside_file         (MscosDurableStore    *self);
const char *mscos_durable_store_get_load_problem           (MscosDurableStore    *self);
guint64   mscos_durable_store_get_change_count             (MscosDurableStore    *self);
guint64   mscos_durable_store_get_saved_change_count       (MscosDurableStore    *self);
void      mscos_durable_store_set_save_delays              (MscosDurableStore    *self,
                                                            guint                 quiet_ms,
                                                            guint                 max_ms);

/* For subclasses. */
void      mscos_durable_store_note_change                  (MscosDurableStore    *self,
                                                            gboolean              deletes);
void      mscos_durable_store_ensure_loading               (MscosDurableStore    *self);

G_END_DECLS
