/* test-print-operation.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The print dialog's path: MscosPrintOperation, exported by GTK to a PDF as a print to a file
 * would be, prints the same pages with the same words as the PDF writer of the command line,
 * a table's pages turned across. Needs a display, for GTK. */

#include "config.h"

#include <string.h>

#include "mscos-print-operation.h"

#define BUILT_IN_PACK SOURCE_ROOT "/resources/content/mscos.json"

static char *
run_ok (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* The letters and digits of a PDF, in order. */
static char *
dup_alnum_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_ok (argv);
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  GString *result = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (result, g_utf8_get_char (p));

  return g_string_free (result, FALSE);
}

/* pdfinfo's "Page N size:" lines. */
static char *
dup_page_sizes (const char *path)
{
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "10000", path, NULL };
  g_autofree char *info = run_ok (argv);
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);
  GString *sizes = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Page ") && strstr (lines[i], " size: ") != NULL)
      {
        /* Without "(A4)", which only an upright page gets. */
        char *paren = strchr (lines[i], '(');

        if (paren != NULL)
          *paren = '\0';
        g_string_append (sizes, g_strstrip (lines[i]));
        g_string_append_c (sizes, '\n');
      }

  return g_string_free (sizes, FALSE);
}

static void
test_dialog_prints_as_the_pdf_writer (void)
{
  g_autoptr (GFile) pack_file = g_file_new_for_path (BUILT_IN_PACK);
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = mscos_content_pack_load (pack_file, NULL, &error);
  g_autoptr (MscosPrintDocument) document = NULL;
  g_autoptr (MscosPrintOperation) operation = NULL;
  g_autoptr (MscosPrintTable) table = NULL;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *dialog_path = g_build_filename (g_get_tmp_dir (), "dialog.pdf", NULL);
  g_autofree char *writer_path = g_build_filename (g_get_tmp_dir (), "writer.pdf", NULL);
  g_autoptr (GFile) writer_file = g_file_new_for_path (writer_path);
  g_autofree char *dialog_words = NULL;
  g_autofree char *writer_words = NULL;
  g_autofree char *dialog_sizes = NULL;
  g_autofree char *writer_sizes = NULL;
  MscosPageFormat format;
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  document = mscos_print_document_new (pack);
  mscos_print_document_add_outcome (document, mscos_content_pack_lookup_outcome (pack, "safety"));
  table = mscos_print_table_new ("Consultation table");
  mscos_print_table_add_column (table, "Item", 1);
  mscos_print_table_add_column (table, "Comment", 3);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *comment = g_strdup_printf ("Comment %u on the wording of this item.", i);
      const char *cells[] = { "safety.quote", comment, NULL };

      mscos_print_table_add_row (table, cells);
    }
  mscos_print_document_add_table (document, table);

  /* Through the print operation, as the dialog draws. */
  operation = mscos_print_operation_new (document);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), dialog_path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* Through the writer of the command line. */
  mscos_page_format_init (&format, MSCOS_PAPER_A4);
  g_assert_true (mscos_print_document_write_pdf (document, &format, writer_file, NULL, &error));
  g_assert_no_error (error);

  dialog_words = dup_alnum_text (dialog_path);
  writer_words = dup_alnum_text (writer_path);
  g_assert_cmpuint (strlen (dialog_words), >, 10000);
  if (strcmp (dialog_words, writer_words) != 0)
    {
      gsize i = 0;

      while (dialog_words[i] == writer_words[i])
        i++;
      g_error ("The dialog's pages differ from the PDF writer's after “%.60s”: “%.60s” against “%.60s”",
               dialog_words + (i > 60 ? i - 60 : 0), dialog_words + i, writer_words + i);
    }

  dialog_sizes = dup_page_sizes (dialog_path);
  writer_sizes = dup_page_sizes (writer_path);
  g_assert_cmpstr (dialog_sizes, ==, writer_sizes);
  g_assert_nonnull (strstr (writer_sizes, "595.276 x 841.89"));
  g_assert_nonnull (strstr (writer_sizes, "841.89 x 595.276"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/print/operation/prints-as-the-pdf-writer", test_dialog_prints_as_the_pdf_writer);

  return g_test_run ();
}
