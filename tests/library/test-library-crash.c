/* test-library-crash.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Kills the library driver (library-driver.c) with SIGKILL at random moments while it edits
 * and saves, and checks each time that the library file and its backup are whole, that they
 * hold exactly the state after some edit, and that every edit the driver saw saved is there.
 * The same for the review file of comments (review-driver.c), which has the same store. */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "crash-model.h"
#include "mscos-review.h"

#define N_RUNS 100

static const char *driver_path;
static const char *review_driver_path;

/* Checks a file after a kill and returns the edit it holds the state after. */
typedef guint64 (*CheckFunc) (const char *path,
                              const char *what);

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
sleep_in_loop (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Parses a library file and checks it holds exactly the state after some edit, which it
 * returns. */
static guint64
check_library_file (const char *path,
                    const char *what)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) bookmarks = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *entries;
  guint64 state = 0;
  guint n;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("The %s cannot be parsed after a kill: %s", what, error->message);
  if (json_parser_get_root (parser) == NULL)
    g_error ("The %s is empty after a kill", what);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "mscos-library");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  entries = json_object_get_array_member (root, "entries");

  n = json_array_get_length (entries);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *item = json_object_get_string_member (entry, "item");

      g_assert_cmpstr (json_object_get_string_member (entry, "pack"), ==, CRASH_PACK_ID);
      if (json_object_has_member (entry, "note"))
        {
          JsonObject *note = json_object_get_object_member (entry, "note");
          const char *text = json_object_get_string_member (note, "text");

          g_hash_table_insert (notes, (gpointer) item, (gpointer) text);
          state = MAX (state, crash_note_edit (text));
        }
      if (json_object_has_member (entry, "bookmark"))
        g_hash_table_add (bookmarks, (gpointer) item);
    }

  /* The file is the library after edit `state`, exactly: no edit half there, none lost. */
  for (guint k = 0; k < CRASH_N_ITEMS; k++)
    {
      g_autofree char *id = crash_item_id (k);
      guint64 last = crash_last_note_edit (k, state);
      const char *text = g_hash_table_lookup (notes, id);

      if (last == 0)
        {
          g_assert_null (text);
        }
      else
        {
          g_autofree char *expected = crash_note_text (last);

          g_assert_cmpstr (text, ==, expected);
        }
      g_assert_cmpint (g_hash_table_contains (bookmarks, id), ==,
                       crash_bookmarked_after (k, state));
    }

  return state;
}

static guint
count_unreadable_files (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".unreadable"))
      n++;

  return n;
}

/* Starts @driver with @argument, kills it at a random moment, checks @path and @backup with
 * @check; a hundred times. */
static void
run_kills (const char *driver_program,
           const char *argument,
           const char *folder,
           const char *path,
           const char *backup,
           CheckFunc   check)
{
  guint64 reported = 0;
  guint64 state = 0;
  guint verified = 0;
  guint mid_write = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr (GSubprocess) driver = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) output = NULL;
      g_auto (GStrv) lines = NULL;
      guint64 reported_before = reported;
      guint ms = g_test_rand_int_range (50, 1501);
      guint n_saved = 0;

      driver = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                 driver_program, argument, NULL);
      g_assert_no_error (error);

      sleep_in_loop (ms);
      g_subprocess_send_signal (driver, SIGKILL);
      g_subprocess_communicate (driver, NULL, NULL, &output, NULL, &error);
      g_assert_no_error (error);

      /* It died of the kill, not of anything else. */
      g_assert_true (g_subprocess_get_if_signaled (driver));
      g_assert_cmpint (g_subprocess_get_term_sig (driver), ==, SIGKILL);

      /* Only whole lines: the last one may have been cut by the kill. */
      lines = g_strsplit (g_bytes_get_data (output, NULL) != NULL
                            ? (const char *) g_bytes_get_data (output, NULL) : "",
                          "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          guint64 n;

          g_assert_true (g_str_has_prefix (lines[i], "saved "));
          n = g_ascii_strtoull (lines[i] + strlen ("saved "), NULL, 10);
          g_assert_cmpuint (n, >=, reported);
          reported = n;
          n_saved++;
        }

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          guint64 now = check (path, "file");

          /* Everything reported saved is there, and the file never goes back. */
          g_assert_cmpuint (now, >=, reported);
          g_assert_cmpuint (now, >=, state);
          /* Saved, but killed before it could say so. */
          if (now > reported)
            mid_write++;
          state = now;
        }
      else
        {
          g_assert_cmpuint (reported, ==, 0);
        }

      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        g_assert_cmpuint (check (backup, "backup"), <=, state);

      g_assert_cmpuint (count_unreadable_files (folder), ==, 0);

      g_test_message ("run %u: killed after %u ms, %u saves reported, up to edit %"
                      G_GUINT64_FORMAT " (was %" G_GUINT64_FORMAT "); the file holds edit %"
                      G_GUINT64_FORMAT, run + 1, ms, n_saved, reported, reported_before, state);
      verified += n_saved;
    }

  g_test_message ("%u kills; %u saves reported and verified on disk; the file ended at edit %"
                  G_GUINT64_FORMAT "; %u times it held a save the driver had no time to report",
                  N_RUNS, verified, state, mid_write);
  g_assert_cmpuint (verified, >, N_RUNS);
}

static void
test_kill (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "uk.co.mscos.Outcomes",
                                              NULL);
  g_autofree char *path = g_build_filename (folder, "library.json", NULL);
  g_autofree char *backup = g_build_filename (folder, "library.json.backup", NULL);

  run_kills (driver_path, path, folder, path, backup, check_library_file);
}

/* Parses a review file as the app reads it, and checks it holds exactly the comments after
 * some edit, which it returns. */
static guint64
check_review_file (const char *path,
                   const char *what)
{
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (MscosReview) review = NULL;
  g_autoptr (GError) error = NULL;
  guint64 edits[CRASH_N_COMMENTS] = { 0 };
  guint64 state = 0;
  guint n, n_expected = 0;

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  review = mscos_review_new_from_bytes (bytes, &error);
  if (review == NULL)
    g_error ("The review %s cannot be read after a kill: %s", what, error->message);

  n = g_list_model_get_n_items (G_LIST_MODEL (review));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosReviewComment) comment = g_list_model_get_item (G_LIST_MODEL (review), i);
      const char *text = mscos_review_comment_get_text (comment);
      g_autofree char *expected = NULL;
      guint k;
      guint64 edit = crash_comment_edit (text, &k);

      g_assert_cmpuint (edit, >, 0);
      g_assert_cmpuint (k, <, CRASH_N_COMMENTS);
      /* One comment an item, whole. */
      g_assert_cmpuint (edits[k], ==, 0);
      expected = crash_comment_text (k, edit);
      g_assert_cmpstr (text, ==, expected);
      edits[k] = edit;
      state = MAX (state, edit);
    }

  /* The file is the review after edit `state`, exactly: no edit half there, none lost. */
  for (guint k = 0; k < CRASH_N_COMMENTS; k++)
    {
      g_assert_cmpuint (edits[k], ==, crash_last_comment_edit (k, state));
      if (edits[k] != 0)
        n_expected++;
    }
  g_assert_cmpuint (n, ==, n_expected);

  return state;
}

static void
test_review_kill (void)
{
  g_autofree char *reviews = g_build_filename (g_get_user_data_dir (), "uk.co.mscos.Outcomes",
                                               "reviews", NULL);
  g_autofree char *folder = g_build_filename (reviews, CRASH_PACK_ID, NULL);
  g_autofree char *path = g_build_filename (folder, "1.jsonld", NULL);
  g_autofree char *backup = g_build_filename (folder, "1.jsonld.backup", NULL);

  run_kills (review_driver_path, reviews, folder, path, backup, check_review_file);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  driver_path = argc > 1 ? argv[1] : g_getenv ("MSCOS_LIBRARY_DRIVER");
  review_driver_path = argc > 2 ? argv[2] : g_getenv ("MSCOS_REVIEW_DRIVER");
  if (driver_path == NULL || review_driver_path == NULL)
    g_error ("Usage: %s LIBRARY-DRIVER REVIEW-DRIVER", argv[0]);

  g_test_add_func ("/library/crash/sigkill", test_kill);
  g_test_add_func ("/library/crash/review-sigkill", test_review_kill);

  return g_test_run ();
}
