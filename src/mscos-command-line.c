/* mscos-command-line.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The command line: the options, and the modes that print something and exit without a
 * window (--version, --validate, --search). A mode reads files and prints; it never changes
 * the user's library, which it opens read-only (it may run beside the app, or be given a
 * library that the app must set aside itself, telling the user). A new mode is an option in
 * the table below and a function beside the others, called from
 * mscos_command_line_run_local_mode(). */

#define G_LOG_DOMAIN "mscos-command-line"

#include "config.h"

#include "mscos-command-line.h"

#include <glib/gi18n.h>

#include "mscos-content-pack.h"
#include "mscos-library-indexer.h"
#include "mscos-library.h"
#include "mscos-search-index.h"

static const GOptionEntry option_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check content pack files and print every problem found"), NULL },
  { "content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read this content pack instead of the built-in one"), N_("FILE") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Search the content and your notes, print the results best first and exit"),
    N_("QUERY") },
  { "review", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Review this revision of the content pack: what changed, with comments"), N_("NEW.json") },
  { "base", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --review: compare with this revision instead of the pack in use"), N_("OLD.json") },
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
          g_print (_("%s: ok: %u outcomes, %u items\n"), filenames[i],
                   g_list_model_get_n_items (mscos_content_pack_get_outcomes (pack)),
                   mscos_content_pack_get_n_items (pack));
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
          g_print (_("%s: cannot be read: %s\n"), filenames[i], error->message);
        }
    }

  return status;
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

/* Adds the user's notes on items of @index's pack to it; a library that cannot be read adds
 * none. */
static void
add_library_notes (MscosSearchIndex *index)
{
  g_autoptr (GFile) file = g_file_new_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                                                      "library.json", NULL);
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (MscosLibraryIndexer) indexer = NULL;
  gboolean done = FALSE;

  if (!g_file_query_exists (file, NULL))
    return;

  library = mscos_library_new_read_only (file);
  mscos_library_load_async (library, NULL, library_loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  indexer = mscos_library_indexer_new (library);
  mscos_library_indexer_set_index (indexer, index);
}

/* Prints the results for @query, best first, one a line: ITEM-ID, OUTCOME-ID, KIND, EXCERPT,
 * separated by tabs. */
static int
search (const char *query,
        const char *content)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (MscosSearchIndex) index = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;

  if (content != NULL)
    file = g_file_new_for_commandline_arg (content);
  else
    file = g_file_new_for_uri (MSCOS_DEFAULT_CONTENT_URI);
  pack = mscos_content_pack_load (file, NULL, &error);
  if (pack == NULL)
    {
      g_printerr (_("%s cannot be read:\n%s\n"), content ? content : "The built-in content",
                  error->message);
      return EXIT_FAILURE;
    }

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
  const char *query = NULL;

  g_return_val_if_fail (options != NULL, 2);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("mscos-outcomes %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (g_variant_dict_contains (options, "validate"))
    return validate_files (remaining);

  if (g_variant_dict_lookup (options, "search", "&s", &query))
    {
      const char *content = NULL;

      g_variant_dict_lookup (options, "content", "^&ay", &content);
      return search (query, content);
    }

  if (remaining != NULL && remaining[0] != NULL)
    {
      g_printerr (_("Unexpected argument: %s (to check packs, use --validate)\n"), remaining[0]);
      return 2;
    }

  return -1;
}
