/* mscos-print-operation.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-print-operation.h"

struct _MscosPrintOperation
{
  GtkPrintOperation   parent_instance;

  MscosPrintDocument *document;
  MscosPrintLayout   *layout;
  GTask              *task;
};

G_DEFINE_FINAL_TYPE (MscosPrintOperation, mscos_print_operation, GTK_TYPE_PRINT_OPERATION)

/* What the user chose in the print dialog, for the next print of this session only. */
static GtkPrintSettings *session_settings;

/* The page as the dialog set it up, with margins no narrower than the layout's own. */
static void
format_from_page_setup (GtkPageSetup    *setup,
                        MscosPageFormat *format)
{
  mscos_page_format_init (format, MSCOS_PAPER_DEFAULT);

  format->width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  format->height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  if (gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_LANDSCAPE
      || gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE)
    {
      double width = format->width;

      format->width = format->height;
      format->height = width;
    }

  /* The printer's margins, where it cannot print, widen the layout's if need be. */
  format->margin_top = MAX (format->margin_top, gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS));
  format->margin_bottom = MAX (format->margin_bottom, gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS));
  format->margin_left = MAX (format->margin_left, gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS));
  format->margin_right = MAX (format->margin_right, gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS));
}

static void
mscos_print_operation_begin_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  MscosPrintOperation *self = MSCOS_PRINT_OPERATION (operation);
  g_autoptr (GError) error = NULL;
  PangoContext *pango_context;
  MscosPageFormat format;

  format_from_page_setup (gtk_print_context_get_page_setup (context), &format);
  g_clear_object (&self->layout);
  self->layout = mscos_print_layout_new (self->document, &format);

  /* The units of the context are points (see init). */
  pango_context = gtk_print_context_create_pango_context (context);
  mscos_print_context_prepare (pango_context);
  if (!mscos_print_layout_paginate (self->layout, pango_context, NULL, &error))
    g_warning ("Could not lay the pages out: %s", error->message);
  g_object_unref (pango_context);

  gtk_print_operation_set_n_pages (operation, MAX (1, mscos_print_layout_get_n_pages (self->layout)));
}

static void
mscos_print_operation_request_page_setup (GtkPrintOperation *operation,
                                          GtkPrintContext   *context,
                                          int                page_nr,
                                          GtkPageSetup      *setup)
{
  MscosPrintOperation *self = MSCOS_PRINT_OPERATION (operation);

  if (self->layout == NULL || page_nr >= (int) mscos_print_layout_get_n_pages (self->layout))
    return;

  /* A table's pages are turned across; the others stay as the dialog set them up. */
  if (mscos_print_layout_is_landscape (self->layout, page_nr)
      && gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_PORTRAIT)
    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
}

static void
mscos_print_operation_draw_page (GtkPrintOperation *operation,
                                 GtkPrintContext   *context,
                                 int                page_nr)
{
  MscosPrintOperation *self = MSCOS_PRINT_OPERATION (operation);

  if (self->layout == NULL || page_nr >= (int) mscos_print_layout_get_n_pages (self->layout))
    return;

  mscos_print_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
mscos_print_operation_done (GtkPrintOperation       *operation,
                            GtkPrintOperationResult  result)
{
  MscosPrintOperation *self = MSCOS_PRINT_OPERATION (operation);
  g_autoptr (GTask) task = g_steal_pointer (&self->task);
  GError *error = NULL;

  g_clear_object (&self->layout);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&session_settings, gtk_print_operation_get_print_settings (operation));

  if (task == NULL)
    return;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      g_task_return_boolean (task, TRUE);
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Printing was cancelled"));
      break;

    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        error = g_error_new_literal (MSCOS_PRINT_ERROR, MSCOS_PRINT_ERROR_FAILED, _("Printing failed"));
      g_task_return_error (task, error);
      break;

    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      g_task_return_boolean (task, TRUE);
    }
}

static void
mscos_print_operation_dispose (GObject *object)
{
  MscosPrintOperation *self = MSCOS_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (mscos_print_operation_parent_class)->dispose (object);
}

static void
mscos_print_operation_class_init (MscosPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = mscos_print_operation_dispose;

  operation_class->begin_print = mscos_print_operation_begin_print;
  operation_class->request_page_setup = mscos_print_operation_request_page_setup;
  operation_class->draw_page = mscos_print_operation_draw_page;
  operation_class->done = mscos_print_operation_done;
}

static void
mscos_print_operation_init (MscosPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The layout draws the whole page, margins included, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);
}

/**
 * mscos_print_operation_new:
 * @document: what to print
 *
 * Returns: (transfer full): a print operation for @document
 */
MscosPrintOperation *
mscos_print_operation_new (MscosPrintDocument *document)
{
  MscosPrintOperation *self;

  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (document), NULL);

  self = g_object_new (MSCOS_TYPE_PRINT_OPERATION, NULL);
  self->document = g_object_ref (document);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    mscos_print_document_get_title (document));

  return self;
}

/**
 * mscos_print_operation_get_document:
 *
 * Returns: (transfer none): the document printed
 */
MscosPrintDocument *
mscos_print_operation_get_document (MscosPrintOperation *self)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}

/**
 * mscos_print_operation_run_async:
 * @parent: (nullable): the window the dialog belongs to
 * @cancellable: (nullable): cancels the print job
 *
 * Shows the print dialog, and prints what the user asks for. Finishes with
 * %G_IO_ERROR_CANCELLED when the user cancels.
 */
void
mscos_print_operation_run_async (MscosPrintOperation *self,
                                 GtkWindow           *parent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (MSCOS_IS_PRINT_OPERATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, mscos_print_operation_run_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_print_operation_cancel),
                             self, G_CONNECT_SWAPPED);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);

  /* GTK emits ::done itself, except when it fails before the dialog. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->task != NULL)
    {
      g_autoptr (GTask) task = g_steal_pointer (&self->task);

      g_task_return_error (task, g_steal_pointer (&error));
    }
}

gboolean
mscos_print_operation_run_finish (MscosPrintOperation  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_OPERATION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mscos_print_get_session_format:
 * @format: (out caller-allocates): the format to fill
 *
 * Fills @format for the paper chosen in the print dialog earlier in the session, or else the
 * locale's paper.
 */
void
mscos_print_get_session_format (MscosPageFormat *format)
{
  GtkPaperSize *paper = session_settings != NULL ? gtk_print_settings_get_paper_size (session_settings)
                                                 : NULL;

  g_return_if_fail (format != NULL);

  mscos_page_format_init (format, MSCOS_PAPER_DEFAULT);
  if (paper != NULL)
    {
      format->width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
      format->height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
      gtk_paper_size_free (paper);
    }
}

/* Export as PDF… ------------------------------------------------------------------------ */

static void
pdf_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!mscos_print_document_write_pdf_finish (MSCOS_PRINT_DOCUMENT (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (g_task_get_task_data (task)), g_object_unref);
}

static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GFile) file = NULL;
  GError *error = NULL;
  MscosPageFormat format;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  mscos_print_get_session_format (&format);
  mscos_print_document_write_pdf_async (g_task_get_source_object (task), &format, file,
                                        g_task_get_cancellable (task), pdf_written_cb,
                                        g_object_ref (task));
}

/**
 * mscos_print_export_pdf_with_dialog:
 * @parent: (nullable): the window the dialog belongs to
 * @document: what to export
 * @cancellable: (nullable): a #GCancellable
 *
 * Asks where to save a PDF of @document, then writes it in a worker thread as the command
 * line does: a private file, complete or absent. Finishes with %GTK_DIALOG_ERROR_DISMISSED
 * when the user closes the dialog.
 */
void
mscos_print_export_pdf_with_dialog (GtkWindow           *parent,
                                    MscosPrintDocument  *document,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = NULL;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (MSCOS_IS_PRINT_DOCUMENT (document));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, mscos_print_export_pdf_with_dialog);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  g_list_store_append (filters, filter);

  /* A file name cannot hold a slash. */
  name = g_strconcat (mscos_print_document_get_title (document), ".pdf", NULL);
  g_strdelimit (name, "/", '-');

  gtk_file_dialog_set_title (dialog, _("Export as PDF"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, parent, cancellable, save_dialog_done_cb, task);
}

/**
 * mscos_print_export_pdf_with_dialog_finish:
 *
 * Returns: (transfer full) (nullable): the PDF written
 */
GFile *
mscos_print_export_pdf_with_dialog_finish (GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mscos_print_export_pdf_with_dialog, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
