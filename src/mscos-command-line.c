/* mscos-command-line.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The command line: the options, and the modes that print or write something and exit without
 * a window (--version, --validate, --search, --export-pdf, --diff, --merge-reviews). A mode
 * reads files and prints, or writes the one file it was asked for, private to the user (0600);
 * it never changes the user's library, which it opens read-only (it may run beside the app, or
 * be given a library that the app must set aside itself, telling the user). None needs a
 * display. A new mode is an option in the table below and a function beside the others, called
 * from mscos_command_line_run_local_mode().
 *
 * Exit statuses: 0 done, 1 a file could not be read, written or used, 2 the command line
 * itself is wrong; --diff follows diff(1) instead: 0 same, 1 different, 2 trouble. */

#define G_LOG_DOMAIN "mscos-command-line"

#include "config.h"

#include "mscos-command-line.h"

#include <glib/gi18n.h>

#include "mscos-content-pack.h"
#include "mscos-library-indexer.h"
#include "mscos-library.h"
#include "mscos-pack-diff.h"
#include "mscos-print-pdf.h"
#include "mscos-review-merge.h"
#include "mscos-search-index.h"

static const GOptionEntry option_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check content pack files and print every problem found"), NULL },
  { "content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read this content pack (its file, or its folder with its audio) instead of the "
       "built-in one"), N_("PATH") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Search the content and your notes, print the results best first and exit"),
    N_("QUERY") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a PDF of the whole pack, or of what --outcome, --library and --review ask for, "
       "and exit"), N_("FILE.pdf") },
  { "outcome", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --export-pdf: print this outcome (repeat for more, in the order given)"),
    N_("ID") },
  { "library", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: print your bookmarks and notes"), NULL },
  /* Without --export-pdf, the app opens NEW.json for review (mscos-application.c). */
  { "review", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Review this revision of the content pack, against the pack in use or --base; with "
       "--export-pdf, print the consultation table of this review file instead"),
    N_("FILE") },
  { "base", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --review: compare with this revision instead of the pack in use"), N_("OLD.json") },
  { "diff", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Compare two content packs, OLD.json NEW.json: one change a line; exit 0 if the same, "
       "1 if not"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --diff: print the changes as one JSON object"), NULL },
  { "merge-reviews", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Merge review files, A.jsonld B.jsonld…, into one consultation table: see --output"),
    NULL },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --merge-reviews: the table to write; its extension, .csv, .md or .jsonld, says "
       "the format"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* Prints one line per problem of each pack, and returns the exit status. */
static int
validate_files (const char * const *filenames)
{
  int status = EXIT_SUCCESS;

  if (filenames == NULL || filenames[0] == NULL)
    {
      g_printerr (_("--validate needs at least one content pack file\n"));
      return 2;
    }

  for (guint i = 0; filenames[i] != NULL; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (filenames[i]);
      g_autoptr (MscosContentPack) pack = NULL;
      g_autoptr (GError) error = NULL;

      pack = mscos_content_pack_load (file, NULL, &error);
      if (pack != NULL)
        {
          guint n_outcomes = g_list_model_get_n_items (mscos_content_pack_get_outcomes (pack));
          guint n_items = mscos_content_pack_get_n_items (pack);
          g_autofree char *outcomes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "%u outcome", "%u outcomes",
                                                                    n_outcomes),
                                                       n_outcomes);
          g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item",
                                                                 "%u items", n_items),
                                                    n_items);

          /* Translators: --validate's line for a good pack: its file name, then the counts
           * "12 outcomes" and "80 items" */
          g_print (_("%s: ok: %s, %s\n"), filenames[i], outcomes, items);
          continue;
        }

      status = EXIT_FAILURE;
      if (g_error_matches (error, MSCOS_CONTENT_ERROR, MSCOS_CONTENT_ERROR_INVALID)
          || g_error_matches (error, MSCOS_CONTENT_ERROR, MSCOS_CONTENT_ERROR_NEWER_VERSION))
        {
          g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);

          for (guint j = 0; lines[j] != NULL; j++)
            g_print ("%s: %s\n", filenames[i], lines[j]);
        }
      else
        {
          /* Translators: a file name, then why it cannot be read */
          g_print (_("%s: cannot be read: %s\n"), filenames[i], error->message);
        }
    }

  return status;
}

/* Reads the pack named by --content, or the built-in one; says why not on stderr. */
static MscosContentPack *
load_pack (const char *content)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  MscosContentPack *pack;

  if (content != NULL)
    file = g_file_new_for_commandline_arg (content);
  else
    file = g_file_new_for_uri (MSCOS_DEFAULT_CONTENT_URI);
  pack = mscos_content_pack_load (file, NULL, &error);
  if (pack == NULL)
    /* Translators: a file name (or "The built-in content"), then why it cannot be read */
    g_printerr (_("%s cannot be read:\n%s\n"), content ? content : _("The built-in content"),
                error->message);

  return pack;
}

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;

  mscos_library_load_finish (MSCOS_LIBRARY (object), result, NULL);
  *done = TRUE;
}

/* Returns the user's library, read-only and loaded; one that cannot be read, or is not there,
 * is empty. */
static MscosLibrary *
open_library (void)
{
  g_autoptr (GFile) file = g_file_new_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                                                      "library.json", NULL);
  MscosLibrary *library = mscos_library_new_read_only (file);
  gboolean done = FALSE;

  if (!g_file_query_exists (file, NULL))
    return library;

  mscos_library_load_async (library, NULL, library_loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  return library;
}

/* Adds the user's notes on items of @index's pack to it; a library that cannot be read adds
 * none. */
static void
add_library_notes (MscosSearchIndex *index)
{
  g_autoptr (MscosLibrary) library = open_library ();
  g_autoptr (MscosLibraryIndexer) indexer = mscos_library_indexer_new (library);

  mscos_library_indexer_set_index (indexer, index);
}

/* Prints the results for @query, best first, one a line: ITEM-ID, OUTCOME-ID, KIND, EXCERPT,
 * separated by tabs. */
static int
search (const char *query,
        const char *content)
{
  g_autoptr (MscosContentPack) pack = load_pack (content);
  g_autoptr (MscosSearchIndex) index = NULL;
  g_autoptr (GPtrArray) results = NULL;

  if (pack == NULL)
    return EXIT_FAILURE;

  index = mscos_search_index_new (pack);
  add_library_notes (index);
  results = mscos_search_index_query (index, query, 0);

  for (guint i = 0; i < results->len; i++)
    {
      MscosSearchResult *result = g_ptr_array_index (results, i);
      g_autofree char *excerpt = g_strdup (mscos_search_result_get_excerpt (result));

      g_strdelimit (excerpt, "\t\n\r", ' ');
      g_print ("%s\t%s\t%s\t%s\n",
               mscos_search_result_get_item_id (result),
               mscos_search_result_get_outcome_id (result),
               mscos_item_kind_to_string (mscos_search_result_get_kind (result)),
               excerpt);
    }

  return EXIT_SUCCESS;
}

/* Prints each line of @message on stderr after "@name: ", as --validate prints a pack's
 * problems: one a line, each with its place in the file. */
static void
print_problems (const char *name,
                const char *message)
{
  g_auto (GStrv) lines = g_strsplit (message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_printerr ("%s: %s\n", name, lines[i]);
}

/* Reads the review file @path and returns its consultation table, for --export-pdf --review. */
static MscosPrintTable *
load_review_table (const char       *path,
                   MscosContentPack *pack)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (MscosReview) review = NULL;
  g_autoptr (GError) error = NULL;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    review = mscos_review_new_from_bytes (bytes, &error);
  if (review == NULL)
    {
      if (g_error_matches (error, MSCOS_REVIEW_ERROR, MSCOS_REVIEW_ERROR_INVALID))
        g_printerr (_("%s is not a review file this app reads:\n"), path);
      print_problems (path, error->message);
      return NULL;
    }

  return mscos_print_table_new_for_review (review, pack);
}

/* The ids of the outcomes of @pack, separated by commas, to say what --outcome takes. */
static char *
dup_outcome_ids (MscosContentPack *pack)
{
  GListModel *outcomes = mscos_content_pack_get_outcomes (pack);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);

      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, mscos_outcome_get_id (outcome));
    }

  return g_string_free (ids, FALSE);
}

/* --export-pdf: writes the PDF through the same function as the window's Export as PDF… does,
 * private (0600), complete or absent. */
static int
export_pdf (const char         *path,
            const char         *content,
            const char * const *outcome_ids,
            gboolean            with_library,
            const char         *review_path)
{
  g_autoptr (MscosContentPack) pack = load_pack (content);
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (MscosPrintTable) table = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  MscosPrintOptions options = { 0, };

  if (pack == NULL)
    return EXIT_FAILURE;

  if (review_path != NULL && (table = load_review_table (review_path, pack)) == NULL)
    return EXIT_FAILURE;
  if (with_library)
    library = open_library ();

  options.paper = MSCOS_PAPER_DEFAULT;
  options.outcome_ids = outcome_ids;
  options.library = with_library;
  options.table = table;

  file = g_file_new_for_commandline_arg (path);
  if (mscos_print_export_pdf (pack, library, &options, file, NULL, &error))
    return EXIT_SUCCESS;

  if (g_error_matches (error, MSCOS_PRINT_ERROR, MSCOS_PRINT_ERROR_UNKNOWN_OUTCOME))
    {
      g_autofree char *ids = dup_outcome_ids (pack);

      /* Translators: the first %s is why, the second the list of outcome ids */
      g_printerr (_("%s. The outcomes are: %s\n"), error->message, ids);
    }
  else
    {
      g_printerr (_("The PDF could not be written: %s\n"), error->message);
    }

  return EXIT_FAILURE;
}

/* --diff OLD NEW: the changes one a line, or as JSON; the exit status as diff(1)'s. A pack
 * that is not valid gets the validator's messages, each with its path. */
static int
diff_packs (const char * const *paths,
            gboolean            json)
{
  g_autoptr (MscosContentPack) old_pack = NULL;
  g_autoptr (MscosContentPack) new_pack = NULL;
  MscosContentPack **packs[] = { &old_pack, &new_pack };
  g_autoptr (MscosPackDiff) diff = NULL;
  g_autofree char *output = NULL;

  if (paths == NULL || g_strv_length ((char **) paths) != 2)
    {
      g_printerr (_("--diff needs two content pack files: OLD.json NEW.json\n"));
      return 2;
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr (GError) error = NULL;

      *packs[i] = mscos_content_pack_load (file, NULL, &error);
      if (*packs[i] == NULL)
        {
          if (!g_error_matches (error, MSCOS_CONTENT_ERROR, MSCOS_CONTENT_ERROR_INVALID)
              && !g_error_matches (error, MSCOS_CONTENT_ERROR,
                                   MSCOS_CONTENT_ERROR_NEWER_VERSION))
            g_printerr (_("%s: cannot be read: %s\n"), paths[i], error->message);
          else
            print_problems (paths[i], error->message);
          return 2;
        }
    }

  diff = mscos_pack_diff_new (old_pack, new_pack);
  if (json)
    {
      output = mscos_pack_diff_format_json (diff);
      g_print ("%s\n", output);
    }
  else
    {
      output = mscos_pack_diff_format_lines (diff);
      g_print ("%s", output);
    }

  return mscos_pack_diff_is_empty (diff) ? EXIT_SUCCESS : 1;
}

/* --merge-reviews A.jsonld B.jsonld… --output TABLE: writes the merged table, private
 * (0600), and says on stderr what the merge did: which comments were the same, which of two
 * versions it kept. */
static int
merge_reviews (const char * const *paths,
               const char         *output,
               const char         *content)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GBytes) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("--merge-reviews needs at least one review file\n"));
      return 2;
    }
  if (output == NULL)
    {
      g_printerr (_("--merge-reviews needs --output TABLE.csv, .md or .jsonld\n"));
      return 2;
    }

  /* For the titles of outcomes and sections in the table; without them, it shows ids. */
  pack = load_pack (content);
  if (pack == NULL)
    return EXIT_FAILURE;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (inputs, g_file_new_for_commandline_arg (paths[i]));

  table = mscos_review_merge_files ((GFile **) inputs->pdata, inputs->len, output, pack,
                                    &report, NULL, &error);
  /* Each line of the message starts with the name of the file it is about. */
  if (table == NULL)
    {
      g_printerr ("%s\n", error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ? 2 : EXIT_FAILURE;
    }

  /* The table holds what the reviewers wrote: it is private, as every export is. */
  if (!g_file_set_contents_full (output, g_bytes_get_data (table, NULL),
                                 g_bytes_get_size (table), G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_printerr ("%s", report);

  return EXIT_SUCCESS;
}

/**
 * mscos_command_line_get_options:
 *
 * Returns: (transfer none): the program's options, for g_application_add_main_option_entries()
 */
const GOptionEntry *
mscos_command_line_get_options (void)
{
  return option_entries;
}

/**
 * mscos_command_line_run_local_mode:
 * @options: the options parsed from the command line
 *
 * Runs the mode the options ask for, in this process, without a window.
 *
 * Returns: the exit status, or -1 when no such mode was asked for and the app starts
 */
int
mscos_command_line_run_local_mode (GVariantDict *options)
{
  g_autofree const char **remaining = NULL;
  g_autofree const char **outcome_ids = NULL;
  const char *query = NULL;
  const char *content = NULL;
  const char *output = NULL;
  const char *pdf_path = NULL;
  gboolean with_library;

  g_return_val_if_fail (options != NULL, 2);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("mscos-outcomes %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);
  g_variant_dict_lookup (options, "content", "^&ay", &content);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "outcome", "^a&s", &outcome_ids);
  with_library = g_variant_dict_contains (options, "library");

  if (g_variant_dict_contains (options, "validate"))
    return validate_files (remaining);

  if (g_variant_dict_lookup (options, "export-pdf", "^&ay", &pdf_path))
    {
      const char *review_path = NULL;

      if (remaining != NULL && remaining[0] != NULL)
        {
          g_printerr (_("Unexpected argument: %s (--export-pdf takes one file)\n"), remaining[0]);
          return 2;
        }
      g_variant_dict_lookup (options, "review", "^&ay", &review_path);
      return export_pdf (pdf_path, content, outcome_ids, with_library, review_path);
    }

  if (outcome_ids != NULL || with_library)
    {
      g_printerr (_("--outcome and --library go with --export-pdf FILE.pdf\n"));
      return 2;
    }

  if (g_variant_dict_contains (options, "diff"))
    return diff_packs (remaining, g_variant_dict_contains (options, "json"));

  if (g_variant_dict_contains (options, "json"))
    {
      g_printerr (_("--json goes with --diff OLD.json NEW.json\n"));
      return 2;
    }

  if (g_variant_dict_contains (options, "merge-reviews"))
    return merge_reviews (remaining, output, content);

  if (output != NULL)
    {
      g_printerr (_("--output goes with --merge-reviews\n"));
      return 2;
    }

  if (g_variant_dict_lookup (options, "search", "&s", &query))
    return search (query, content);

  if (remaining != NULL && remaining[0] != NULL)
    {
      g_printerr (_("Unexpected argument: %s (to check packs, use --validate)\n"), remaining[0]);
      return 2;
    }

  return -1;
}
