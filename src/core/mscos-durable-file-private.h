/* mscos-durable-file-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-durable-store.h"

G_BEGIN_DECLS

/* The file of a MscosDurableStore, on disk: reading it once with recovery, and writing it
 * atomically with a whole-file backup. Shared between the main thread and the threads that
 * read and write, hence the atomic reference count and the locks. */
typedef struct _MscosDurableFile MscosDurableFile;

typedef MscosDurableRead (*MscosDurableParseFunc) (GBytes    *contents,
                                                   gpointer  *document,
                                                   char     **problem);

/* What reading the file found. */
typedef struct
{
  /* What the parse function kept, or NULL. */
  gpointer             document;
  /* Set when there is something to tell the user, with the reason and detail for it. */
  gboolean             has_problem;
  MscosDurableProblem  problem;
  char                *reason;
  char                *detail;
  GFile               *moved_aside;
  /* The file was moved aside but some of it, or its backup, was read: write a new one. */
  gboolean             rewrite;
  /* The file could not be read nor moved aside: nothing may be written over it. */
  gboolean             blocked;
  /* A newer version wrote the file: it is kept as it is and not written to. */
  gboolean             newer;
} MscosDurableLoad;

MscosDurableFile *mscos_durable_file_new              (const char             *path,
                                                       gboolean                read_only,
                                                       MscosDurableParseFunc   parse,
                                                       GDestroyNotify          free_document);
MscosDurableFile *mscos_durable_file_ref              (MscosDurableFile       *file);
void              mscos_durable_file_unref            (MscosDurableFile       *file);
const char       *mscos_durable_file_get_path         (MscosDurableFile       *file);
MscosDurableLoad *mscos_durable_file_load             (MscosDurableFile       *file);
void              mscos_durable_file_forget_load      (MscosDurableFile       *file);
gboolean          mscos_durable_file_write            (MscosDurableFile       *file,
                                                       GBytes                 *contents,
                                                       guint64                 change_count,
                                                       guint64                 last_removal,
                                                       GError                **error);
char             *mscos_durable_file_find_aside_path  (MscosDurableFile       *file,
                                                       const char             *suffix);
gboolean          mscos_durable_file_set_aside        (MscosDurableFile       *file,
                                                       const char             *target,
                                                       GError                **error);
char             *mscos_durable_describe_error        (const GError           *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MscosDurableFile, mscos_durable_file_unref)

G_END_DECLS
