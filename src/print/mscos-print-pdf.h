/* mscos-print-pdf.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-content-pack.h"
#include "mscos-library.h"
#include "mscos-print-document.h"
#include "mscos-print-layout.h"
#include "mscos-print-table.h"

G_BEGIN_DECLS

#define MSCOS_PRINT_ERROR (mscos_print_error_quark ())

typedef enum
{
  /* An outcome asked for is not in the pack. */
  MSCOS_PRINT_ERROR_UNKNOWN_OUTCOME,
  /* Cairo could not make the PDF; the message says why. */
  MSCOS_PRINT_ERROR_FAILED,
} MscosPrintError;

/* What to print, for the command line's --export-pdf. Asking for nothing prints the whole
 * pack. */
typedef struct
{
  MscosPaper           paper;
  /* The body text size in points; 0 for MSCOS_PRINT_TEXT_SIZE. */
  double               text_size;
  /* Outcomes by id, in the order given; NULL-terminated, or NULL for none. */
  const char * const  *outcome_ids;
  /* Every outcome of the pack, in its order. */
  gboolean             whole_pack;
  /* The bookmarks and notes of the library passed along. */
  gboolean             library;
  /* A table to print after them, landscape: a review's consultation table. */
  MscosPrintTable     *table;
} MscosPrintOptions;

GQuark              mscos_print_error_quark               (void);
MscosPrintDocument *mscos_print_document_new_for_options  (MscosContentPack         *pack,
                                                           MscosLibrary             *library,
                                                           const MscosPrintOptions  *options,
                                                           GError                  **error);
gboolean            mscos_print_document_write_pdf        (MscosPrintDocument       *document,
                                                           const MscosPageFormat    *format,
                                                           GFile                    *file,
                                                           GCancellable             *cancellable,
                                                           GError                  **error);
void                mscos_print_document_write_pdf_async  (MscosPrintDocument       *document,
                                                           const MscosPageFormat    *format,
                                                           GFile                    *file,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data);
gboolean            mscos_print_document_write_pdf_finish (MscosPrintDocument       *document,
                                                           GAsyncResult             *result,
                                                           GError                  **error);
gboolean            mscos_print_export_pdf                (MscosContentPack         *pack,
                                                           MscosLibrary             *library,
                                                           const MscosPrintOptions  *options,
                                                           GFile                    *file,
                                                           GCancellable             *cancellable,
                                                           GError                  **error);

G_END_DECLS
