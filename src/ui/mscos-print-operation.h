/* mscos-print-operation.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-print-pdf.h"

G_BEGIN_DECLS

/* Print… and Export as PDF… for a print document (src/print/): the print dialog draws each
 * page through the same layout as the PDF writer, which the export and the command line's
 * --export-pdf use. The print settings chosen in the dialog are kept in memory for the rest
 * of the session, and nothing else about printing is remembered. */

#define MSCOS_TYPE_PRINT_OPERATION (mscos_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (MscosPrintOperation, mscos_print_operation, MSCOS, PRINT_OPERATION, GtkPrintOperation)

MscosPrintOperation *mscos_print_operation_new             (MscosPrintDocument   *document);
MscosPrintDocument  *mscos_print_operation_get_document    (MscosPrintOperation  *self);
void                 mscos_print_operation_run_async       (MscosPrintOperation  *self,
                                                            GtkWindow            *parent,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean             mscos_print_operation_run_finish      (MscosPrintOperation  *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

void                 mscos_print_export_pdf_with_dialog    (GtkWindow            *parent,
                                                            MscosPrintDocument   *document,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GFile               *mscos_print_export_pdf_with_dialog_finish (GAsyncResult     *result,
                                                            GError              **error);
void                 mscos_print_get_session_format        (MscosPageFormat      *format);

G_END_DECLS
