/* print-driver.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a PDF through mscos_print_export_pdf(), the function behind the command line's
 * --export-pdf, without a display:
 *
 *   print-driver [--pack FILE] [--library-dir DIR] [--outcome ID…] [--library] [--whole-pack]
 *                [--table-rows N] [--paper a4|letter] [--text-size POINTS] OUTPUT.pdf
 *
 * The built-in pack is read from the source tree unless --pack names another. The library is
 * DIR/library.json, opened as the command line opens it. --table-rows N adds a made-up
 * consultation table of N rows, as a review will give one. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "mscos-print-pdf.h"

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!mscos_library_load_finish (MSCOS_LIBRARY (object), result, &error))
    g_printerr ("The library cannot be read: %s\n", error->message);
  *(gboolean *) user_data = TRUE;
}

static MscosPrintTable *
make_table (guint n_rows)
{
  MscosPrintTable *table = mscos_print_table_new ("Consultation table");

  mscos_print_table_add_column (table, "Item", 2);
  mscos_print_table_add_column (table, "Type", 1);
  mscos_print_table_add_column (table, "Comment", 4);
  mscos_print_table_add_column (table, "Reviewer", 1.2);
  mscos_print_table_add_column (table, "Response", 3);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *item = g_strdup_printf ("safety.recommendation-%u", i + 1);
      g_autofree char *comment = g_strdup_printf ("Row %u: the wording of this recommendation "
                                                  "should match the statutory guidance “as "
                                                  "published”; see https://www.gov.uk/government/"
                                                  "publications/modern-slavery-how-to-identify-"
                                                  "and-support-victims/row-%u", i + 1, i + 1);
      const char *cells[] = {
        item,
        i % 2 ? "Correction" : "Question",
        comment,
        "Reviewer Ö",
        i % 3 == 0 ? "Accepted; the text now follows the guidance." : "",
        NULL,
      };

      mscos_print_table_add_row (table, cells);
    }

  return table;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pack_path = NULL;
  g_autofree char *library_dir = NULL;
  g_auto (GStrv) outcome_ids = NULL;
  g_auto (GStrv) rest = NULL;
  g_autofree char *paper = NULL;
  gboolean library_wanted = FALSE;
  gboolean whole_pack = FALSE;
  int table_rows = -1;
  double text_size = 0;
  GOptionEntry entries[] = {
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &pack_path, "The content pack", "FILE" },
    { "library-dir", 0, 0, G_OPTION_ARG_FILENAME, &library_dir, "The folder of library.json", "DIR" },
    { "outcome", 0, 0, G_OPTION_ARG_STRING_ARRAY, &outcome_ids, "An outcome to print", "ID" },
    { "library", 0, 0, G_OPTION_ARG_NONE, &library_wanted, "Print the library", NULL },
    { "whole-pack", 0, 0, G_OPTION_ARG_NONE, &whole_pack, "Print every outcome", NULL },
    { "table-rows", 0, 0, G_OPTION_ARG_INT, &table_rows, "Print a made-up table", "N" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, "a4 or letter", "PAPER" },
    { "text-size", 0, 0, G_OPTION_ARG_DOUBLE, &text_size, "Body text size", "POINTS" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "OUTPUT.pdf" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (MscosPrintTable) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) pack_file = NULL;
  g_autoptr (GFile) output = NULL;
  MscosPrintOptions options = { 0, };

  setlocale (LC_ALL, "");

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rest == NULL || rest[1] != NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "One output file is needed");
      return 2;
    }

  pack_file = g_file_new_for_path (pack_path != NULL ? pack_path
                                                     : SOURCE_ROOT "/resources/content/mscos.json");
  pack = mscos_content_pack_load (pack_file, NULL, &error);
  if (pack == NULL)
    {
      g_printerr ("The pack cannot be read: %s\n", error->message);
      return 1;
    }

  if (library_dir != NULL)
    {
      g_autoptr (GFile) file = g_file_new_build_filename (library_dir, "library.json", NULL);
      gboolean done = FALSE;

      /* As the command line opens it: nothing is written back. */
      library = mscos_library_new_read_only (file);
      mscos_library_load_async (library, NULL, library_loaded_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }

  if (table_rows >= 0)
    table = make_table (table_rows);

  if (g_strcmp0 (paper, "letter") == 0)
    options.paper = MSCOS_PAPER_LETTER;
  else if (g_strcmp0 (paper, "a4") == 0)
    options.paper = MSCOS_PAPER_A4;
  options.text_size = text_size;
  options.outcome_ids = (const char * const *) outcome_ids;
  options.whole_pack = whole_pack;
  options.library = library_wanted && library != NULL;
  options.table = table;

  output = g_file_new_for_commandline_arg (rest[0]);
  if (!mscos_print_export_pdf (pack, library, &options, output, NULL, &error))
    {
      g_printerr ("No PDF: %s\n", error->message);
      return 1;
    }

  return 0;
}
