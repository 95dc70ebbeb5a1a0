/* mscos-print-pdf.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-print-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "mscos-print-pdf.h"

/* Writes a print document as a PDF: the same layout as the print dialog's, into a private file
 * (0600) that is complete or absent — never half-written. The command line's --export-pdf and
 * the window's Export as PDF… both come here. */

/* cairo writes in small pieces. */
#define WRITE_BUFFER_SIZE (64 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

typedef struct
{
  MscosPageFormat  format;
  GFile           *file;
} WriteJob;

G_DEFINE_QUARK (mscos-print-error-quark, mscos_print_error)

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static PangoContext *
create_context (void)
{
  g_autoptr (PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);

  /* Points: the units of a PDF surface. */
  pango_cairo_context_set_resolution (context, 72);
  mscos_print_context_prepare (context);

  return context;
}

/* Draws every page of @layout on a PDF surface that writes to @sink. */
static gboolean
draw_pdf (MscosPrintLayout  *layout,
          Sink              *sink,
          GError           **error)
{
  MscosPrintDocument *document = mscos_print_layout_get_document (layout);
  guint n_pages = mscos_print_layout_get_n_pages (layout);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  mscos_print_layout_get_page_size (layout, 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  mscos_print_document_get_title (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  mscos_print_document_get_pack_title (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, _("MSCOS Outcomes"));
  cr = cairo_create (surface);

  for (guint page = 0; page < n_pages && sink->error == NULL; page++)
    {
      if (g_cancellable_set_error_if_cancelled (sink->cancellable, &sink->error))
        break;

      mscos_print_layout_get_page_size (layout, page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      mscos_print_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }

  if (sink->error == NULL)
    mscos_print_layout_add_outline (layout, surface);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MSCOS_PRINT_ERROR, MSCOS_PRINT_ERROR_FAILED,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (mscos_print_document_write_pdf (source_object, &job->format, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_job_free (WriteJob *job)
{
  g_object_unref (job->file);
  g_free (job);
}

/**
 * mscos_print_document_new_for_options:
 * @pack: the content pack
 * @library: (nullable): the user's library, loaded; needed when @options asks for it
 * @options: what to print
 * @error: the error, %MSCOS_PRINT_ERROR_UNKNOWN_OUTCOME
 *
 * Returns: (transfer full) (nullable): the document, or %NULL if an outcome asked for is not
 *   in @pack
 */
MscosPrintDocument *
mscos_print_document_new_for_options (MscosContentPack         *pack,
                                      MscosLibrary             *library,
                                      const MscosPrintOptions  *options,
                                      GError                  **error)
{
  g_autoptr (MscosPrintDocument) document = NULL;
  gboolean nothing;

  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (library == NULL || MSCOS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (!options->library || library != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = mscos_print_document_new (pack);
  nothing = (options->outcome_ids == NULL || options->outcome_ids[0] == NULL)
            && !options->library && options->table == NULL;

  if (options->whole_pack || nothing)
    {
      GListModel *outcomes = mscos_content_pack_get_outcomes (pack);
      guint n = g_list_model_get_n_items (outcomes);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);

          mscos_print_document_add_outcome (document, outcome);
        }
    }
  else
    {
      for (guint i = 0; options->outcome_ids != NULL && options->outcome_ids[i] != NULL; i++)
        {
          MscosOutcome *outcome = mscos_content_pack_lookup_outcome (pack, options->outcome_ids[i]);

          if (outcome == NULL)
            {
              g_set_error (error, MSCOS_PRINT_ERROR, MSCOS_PRINT_ERROR_UNKNOWN_OUTCOME,
                           _("There is no outcome “%s” in this content pack"),
                           options->outcome_ids[i]);
              return NULL;
            }

          mscos_print_document_add_outcome (document, outcome);
        }
    }

  if (options->library)
    mscos_print_document_add_library (document, library);

  if (options->table != NULL)
    mscos_print_document_add_table (document, options->table);

  return g_steal_pointer (&document);
}

/**
 * mscos_print_document_write_pdf:
 * @document: what to print
 * @format: the paper, margins and text size
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: the error
 *
 * Lays @document out and writes it to @file as a PDF whose title and creator are set, with
 * an outline of its headings and live links. The file is private to the user (0600); it
 * replaces an earlier file only once complete, and a failed or cancelled export leaves nothing
 * behind but what was there before. Runs in any thread: it has its own fonts.
 *
 * Returns: %TRUE when the PDF is written
 */
gboolean
mscos_print_document_write_pdf (MscosPrintDocument     *document,
                                const MscosPageFormat  *format,
                                GFile                  *file,
                                GCancellable           *cancellable,
                                GError                **error)
{
  g_autoptr (MscosPrintLayout) layout = NULL;
  PangoContext *context;
  g_autoptr (GFileOutputStream) output = NULL;
  g_autoptr (GOutputStream) buffered = NULL;
  g_autoptr (GCancellable) abandon = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean paginated;
  gboolean existed;
  Sink sink = { NULL, };

  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Laid out before the file is opened, so that a cancelled export never touches it. */
  layout = mscos_print_layout_new (document, format);
  context = create_context ();
  paginated = mscos_print_layout_paginate (layout, context, cancellable, error);
  /* The layout keeps its own reference. */
  g_object_unref (context);
  if (!paginated)
    return FALSE;

  /* A new file is written in place, an existing one through a temporary file renamed over it
   * when closed; a new one that fails is deleted. */
  existed = g_file_query_exists (file, cancellable);
  output = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (output == NULL)
    return FALSE;

  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (output), WRITE_BUFFER_SIZE);
  sink.stream = buffered;
  sink.cancellable = cancellable;

  if (draw_pdf (layout, &sink, &local_error)
      && g_output_stream_close (buffered, cancellable, &local_error))
    return TRUE;

  /* Closing with a cancelled cancellable drops the temporary file of a replacement. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (buffered, abandon, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);

  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/**
 * mscos_print_document_write_pdf_async:
 *
 * Like mscos_print_document_write_pdf(), in a worker thread: the document must not change
 * until @callback runs.
 */
void
mscos_print_document_write_pdf_async (MscosPrintDocument    *document,
                                      const MscosPageFormat *format,
                                      GFile                 *file,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (MSCOS_IS_PRINT_DOCUMENT (document));
  g_return_if_fail (format != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (WriteJob, 1);
  job->format = *format;
  job->file = g_object_ref (file);

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, mscos_print_document_write_pdf_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
mscos_print_document_write_pdf_finish (MscosPrintDocument  *document,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mscos_print_export_pdf:
 * @pack: the content pack
 * @library: (nullable): the user's library, loaded; needed when @options asks for it
 * @options: what to print, on which paper
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: the error
 *
 * Writes a PDF of what @options asks for, as mscos_print_document_write_pdf() does: the
 * command line's --export-pdf.
 *
 * Returns: %TRUE when the PDF is written
 */
gboolean
mscos_print_export_pdf (MscosContentPack         *pack,
                        MscosLibrary             *library,
                        const MscosPrintOptions  *options,
                        GFile                    *file,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  g_autoptr (MscosPrintDocument) document = NULL;
  MscosPageFormat format;

  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = mscos_print_document_new_for_options (pack, library, options, error);
  if (document == NULL)
    return FALSE;

  mscos_page_format_init (&format, options->paper);
  if (options->text_size > 0)
    format.text_size = options->text_size;

  return mscos_print_document_write_pdf (document, &format, file, cancellable, error);
}
