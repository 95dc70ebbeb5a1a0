/* test-library.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mscos-content-pack.h"
#include "mscos-library.h"

#define PACK_ID "test.every-kind"
#define QUOTE_ID "safety.quote-keith"
#define RESOURCE_ID "safety.beyond-survival"
#define NESTED_QUOTE_ID "safety.beyond-survival.quote"
#define RECOMMENDATION_ID "safety.beyond-survival.recs.nrm-reform.1"
#define AUDIO_ID "safety.audio-keith"
#define TEXT_ID "safety.helpline-steps"

/* Helpers -------------------------------------------------------------------------------- */

static char *
read_test_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static MscosContentPack *
load_pack_text (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  MscosContentPack *pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static MscosContentPack *
load_pack (void)
{
  g_autofree char *text = read_test_data ("every-kind.json");

  return load_pack_text (text);
}

/* Loads every-kind.json with @from replaced by @to. */
static MscosContentPack *
load_changed_pack (const char *from,
                   const char *to)
{
  g_autofree char *text = read_test_data ("every-kind.json");
  g_autoptr (GString) changed = g_string_new (text);

  g_assert_cmpuint (g_string_replace (changed, from, to, 0), ==, 1);

  return load_pack_text (changed->str);
}

static MscosItem *
get_item (MscosContentPack *pack,
          const char       *id)
{
  MscosItem *item = mscos_content_pack_lookup_item (pack, id);

  g_assert_nonnull (item);

  return item;
}

static char *
dup_library_folder (void)
{
  const char *root = g_getenv ("MSCOS_TEST_LIBRARY_ROOT");

  return g_build_filename (root != NULL ? root : g_get_user_data_dir (),
                           "uk.co.mscos.Outcomes", NULL);
}

static char *
dup_library_path (void)
{
  g_autofree char *folder = dup_library_folder ();

  return g_build_filename (folder, "library.json", NULL);
}

static char *
dup_backup_path (void)
{
  g_autofree char *folder = dup_library_folder ();

  return g_build_filename (folder, "library.json.backup", NULL);
}

static void
write_library_file (const char *contents)
{
  g_autofree char *folder = dup_library_folder ();
  g_autofree char *path = dup_library_path ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
read_library_file (void)
{
  g_autofree char *path = dup_library_path ();

  return read_file (path);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);

  return G_SOURCE_REMOVE;
}

static void
iterate_until (const gboolean *done,
               const char     *what)
{
  guint timeout = g_timeout_add_seconds (20, timed_out_cb, (gpointer) what);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  iterate_until (&done, "a pause");
}

/* Runs the main loop while mscos_library_get_saving() is @saving. */
static void
iterate_while_saving (MscosLibrary *library,
                      gboolean      saving)
{
  guint timeout = g_timeout_add_seconds (20, timed_out_cb, (gpointer) "a save to start or end");

  while (mscos_library_get_saving (library) == saving)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout);
}

static void
count_saves_cb (MscosLibrary *library,
                guint        *count)
{
  (*count)++;
}

static guint *
watch_saves (MscosLibrary *library)
{
  guint *count = g_new0 (guint, 1);

  g_object_set_data_full (G_OBJECT (library), "test-saves", count, g_free);
  g_signal_connect (library, "saved", G_CALLBACK (count_saves_cb), count);

  return count;
}

static void
saved_cb (MscosLibrary *library,
          gboolean     *done)
{
  *done = TRUE;
}

static void
wait_for_save (MscosLibrary *library)
{
  gboolean done = FALSE;
  gulong handler = g_signal_connect (library, "saved", G_CALLBACK (saved_cb), &done);

  iterate_until (&done, "a save");
  g_signal_handler_disconnect (library, handler);
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             gboolean   *done)
{
  *done = TRUE;
}

static void
wait_for_save_error (MscosLibrary *library)
{
  gboolean done = mscos_library_get_save_error (library) != NULL;
  gulong handler = g_signal_connect (library, "notify::save-error", G_CALLBACK (notified_cb),
                                     &done);

  iterate_until (&done, "a save error");
  g_signal_handler_disconnect (library, handler);
  g_assert_nonnull (mscos_library_get_save_error (library));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (mscos_library_load_finish (MSCOS_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
load_library (MscosLibrary *library)
{
  gboolean done = FALSE;

  mscos_library_load_async (library, NULL, loaded_cb, &done);
  iterate_until (&done, "the library to load");
  g_assert_true (mscos_library_get_loaded (library));
}

static MscosLibrary *
new_library (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return mscos_library_new (file);
}

static MscosLibrary *
new_loaded_library (void)
{
  MscosLibrary *library = new_library ();

  load_library (library);

  return library;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static guint
count_files_with_prefix (const char *folder,
                         const char *prefix)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;

  return n;
}

static guint
n_entries (MscosLibrary *library)
{
  return g_list_model_get_n_items (mscos_library_get_entries (library));
}

static void
assert_times_equal (GDateTime *a,
                    GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (g_date_time_equal (a, b));
}

/* Tests ---------------------------------------------------------------------------------- */

static void
test_missing_file (void)
{
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autofree char *folder = dup_library_folder ();

  /* An empty library, no problem, and nothing on disk until there is something to keep. */
  g_assert_cmpuint (n_entries (library), ==, 0);
  g_assert_null (mscos_library_get_load_problem (library));
  g_assert_null (mscos_library_get_moved_aside_file (library));
  g_assert_null (mscos_library_get_save_error (library));
  g_assert_false (mscos_library_get_has_unsaved_changes (library));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_many_short_entries (void)
{
  g_autoptr (GString) text = g_string_new ("{\"format\":\"mscos-library\",\"version\":1,\"entries\":[");
  g_autoptr (MscosLibrary) library = NULL;

  /* Thousands of bookmarks on items with short titles, written without white space: the
   * densest file the app itself writes must never be refused as too large for its size. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text,
                            "%s{\"pack\":\"uk.co.mscos.content\",\"item\":\"safety.r%u\","
                            "\"outcome\":\"safety\",\"kind\":\"recommendation\",\"title\":\"R\","
                            "\"excerpt\":\"S\",\"digest\":\"%064u\","
                            "\"bookmark\":{\"created\":\"2026-11-28T10:15:00.123456Z\"}}",
                            i == 0 ? "" : ",", i, i);
  g_string_append (text, "]}");
  write_library_file (text->str);

  library = new_loaded_library ();

  g_assert_null (mscos_library_get_load_problem (library));
  g_assert_null (mscos_library_get_moved_aside_file (library));
  g_assert_cmpuint (n_entries (library), ==, 3000);
}

static void
test_round_trip (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (MscosLibrary) again = NULL;
  MscosItem *quote = get_item (pack, QUOTE_ID);
  MscosItem *resource = get_item (pack, RESOURCE_ID);
  const char *note = "First line, with “quotes” and a \"straight\" one\n\tindented \\ line\n";
  MscosLibraryEntry *entry, *loaded;
  guint *saves = watch_saves (library);

  mscos_library_set_bookmarked (library, PACK_ID, quote, TRUE);
  mscos_library_set_note (library, PACK_ID, quote, note);
  mscos_library_set_bookmarked (library, PACK_ID, resource, TRUE);
  g_assert_true (mscos_library_get_has_unsaved_changes (library));
  wait_for_save (library);
  g_assert_cmpuint (*saves, ==, 1);
  g_assert_false (mscos_library_get_has_unsaved_changes (library));

  entry = mscos_library_lookup (library, PACK_ID, QUOTE_ID);
  g_assert_nonnull (entry);
  g_assert_cmpstr (mscos_library_entry_get_item_title (entry), ==,
                   "“You have to feel able to trust in the police — and café owners.” — Keith");
  g_assert_cmpstr (mscos_library_entry_get_excerpt (entry), ==,
                   "You have to feel able to trust in the police — and café owners.");
  g_assert_cmpstr (mscos_library_entry_get_outcome_id (entry), ==, "safety");
  g_assert_cmpstr (mscos_library_entry_get_item_kind (entry), ==, "quote");

  again = new_loaded_library ();
  g_assert_cmpuint (n_entries (again), ==, 2);
  g_assert_null (mscos_library_get_load_problem (again));
  g_assert_false (mscos_library_get_has_unsaved_changes (again));

  loaded = mscos_library_lookup (again, PACK_ID, QUOTE_ID);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (mscos_library_entry_get_pack_id (loaded), ==, PACK_ID);
  g_assert_cmpstr (mscos_library_entry_get_item_id (loaded), ==, QUOTE_ID);
  g_assert_cmpstr (mscos_library_entry_get_outcome_id (loaded), ==, "safety");
  g_assert_cmpstr (mscos_library_entry_get_item_kind (loaded), ==, "quote");
  g_assert_cmpstr (mscos_library_entry_get_item_title (loaded), ==,
                   mscos_library_entry_get_item_title (entry));
  g_assert_cmpstr (mscos_library_entry_get_excerpt (loaded), ==,
                   mscos_library_entry_get_excerpt (entry));
  g_assert_cmpstr (mscos_library_entry_get_digest (loaded), ==,
                   mscos_library_entry_get_digest (entry));
  g_assert_cmpuint (strlen (mscos_library_entry_get_digest (loaded)), ==, 64);
  g_assert_true (mscos_library_entry_get_bookmarked (loaded));
  g_assert_cmpstr (mscos_library_entry_get_note (loaded), ==, note);
  assert_times_equal (mscos_library_entry_get_bookmark_created (loaded),
                      mscos_library_entry_get_bookmark_created (entry));
  assert_times_equal (mscos_library_entry_get_note_created (loaded),
                      mscos_library_entry_get_note_created (entry));
  assert_times_equal (mscos_library_entry_get_note_modified (loaded),
                      mscos_library_entry_get_note_modified (entry));
  assert_times_equal (mscos_library_entry_get_modified (loaded),
                      mscos_library_entry_get_modified (entry));
  g_assert_cmpint (mscos_library_entry_get_status (loaded, pack), ==,
                   MSCOS_LIBRARY_ENTRY_PRESENT);

  loaded = mscos_library_lookup (again, PACK_ID, RESOURCE_ID);
  g_assert_nonnull (loaded);
  g_assert_true (mscos_library_entry_get_bookmarked (loaded));
  g_assert_null (mscos_library_entry_get_note (loaded));
  g_assert_cmpstr (mscos_library_entry_get_excerpt (loaded), ==,
                   "The report looks at where the response falls short.");
}

static void
test_note_removal_keeps_bookmark (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (MscosLibrary) again = NULL;
  MscosItem *quote = get_item (pack, QUOTE_ID);
  MscosLibraryEntry *entry;

  mscos_library_set_bookmarked (library, PACK_ID, quote, TRUE);
  mscos_library_set_note (library, PACK_ID, quote, "A note");
  mscos_library_set_note (library, PACK_ID, quote, "");

  entry = mscos_library_lookup (library, PACK_ID, QUOTE_ID);
  g_assert_nonnull (entry);
  g_assert_true (mscos_library_entry_get_bookmarked (entry));
  g_assert_null (mscos_library_entry_get_note (entry));
  g_assert_null (mscos_library_entry_get_note_created (entry));
  g_assert_cmpuint (n_entries (library), ==, 1);
  g_assert_true (mscos_library_flush (library, NULL));

  again = new_loaded_library ();
  entry = mscos_library_lookup (again, PACK_ID, QUOTE_ID);
  g_assert_nonnull (entry);
  g_assert_true (mscos_library_entry_get_bookmarked (entry));
  g_assert_null (mscos_library_entry_get_note (entry));
}

static void
test_empty_entry_leaves_model (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (MscosLibrary) again = NULL;
  g_autoptr (MscosLibraryEntry) held = NULL;
  MscosItem *quote = get_item (pack, QUOTE_ID);

  mscos_library_set_note (library, PACK_ID, quote, "A note");
  mscos_library_set_bookmarked (library, PACK_ID, quote, TRUE);
  held = g_object_ref (mscos_library_lookup (library, PACK_ID, QUOTE_ID));
  g_assert_cmpuint (n_entries (library), ==, 1);

  mscos_library_set_note (library, PACK_ID, quote, NULL);
  g_assert_cmpuint (n_entries (library), ==, 1);
  mscos_library_set_bookmarked (library, PACK_ID, quote, FALSE);
  g_assert_cmpuint (n_entries (library), ==, 0);
  g_assert_null (mscos_library_lookup (library, PACK_ID, QUOTE_ID));
  /* A row still showing the entry sees it emptied. */
  g_assert_false (mscos_library_entry_get_bookmarked (held));
  g_assert_null (mscos_library_entry_get_modified (held));

  /* Removing what is not there changes nothing. */
  mscos_library_set_bookmarked (library, PACK_ID, quote, FALSE);
  mscos_library_set_note (library, PACK_ID, quote, NULL);
  g_assert_true (mscos_library_flush (library, NULL));

  again = new_loaded_library ();
  g_assert_cmpuint (n_entries (again), ==, 0);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

static void
test_notify_only_on_change (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  MscosItem *quote = get_item (pack, QUOTE_ID);
  MscosLibraryEntry *entry;
  guint64 changes;

  mscos_library_set_note (library, PACK_ID, quote, "One");
  entry = mscos_library_lookup (library, PACK_ID, QUOTE_ID);
  g_signal_connect (entry, "notify", G_CALLBACK (count_notify_cb), names);
  changes = mscos_library_get_change_count (library);

  mscos_library_set_note (library, PACK_ID, quote, "One");
  mscos_library_set_bookmarked (library, PACK_ID, quote, FALSE);
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_cmpuint (mscos_library_get_change_count (library), ==, changes);

  mscos_library_set_note (library, PACK_ID, quote, "One more");
  g_assert_true (names_contain (names, "note"));
  g_assert_false (names_contain (names, "bookmarked"));
  g_assert_false (names_contain (names, "item-title"));
  g_assert_false (names_contain (names, "note-created"));
  g_assert_cmpuint (mscos_library_get_change_count (library), ==, changes + 1);

  g_ptr_array_set_size (names, 0);
  mscos_library_set_bookmarked (library, PACK_ID, quote, TRUE);
  mscos_library_set_bookmarked (library, PACK_ID, quote, TRUE);
  g_assert_true (names_contain (names, "bookmarked"));
  g_assert_true (names_contain (names, "bookmark-created"));
  g_assert_false (names_contain (names, "note"));
  g_assert_cmpuint (names->len, ==, 3);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} RowChange;

static void
record_row_change_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GArray     *changes)
{
  RowChange change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_one_change (GArray *changes,
                   guint   position,
                   guint   removed,
                   guint   added)
{
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, RowChange, 0).position, ==, position);
  g_assert_cmpuint (g_array_index (changes, RowChange, 0).removed, ==, removed);
  g_assert_cmpuint (g_array_index (changes, RowChange, 0).added, ==, added);
  g_array_set_size (changes, 0);
}

/* A changed entry is one changed row of the model, at its place, so that the filter and sort
 * models the pages show look again at that row only. */
static void
test_row_changes (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (RowChange));
  GListModel *entries = mscos_library_get_entries (library);
  g_autoptr (MscosLibraryEntry) second = NULL;

  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "One");
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RESOURCE_ID), TRUE);
  g_signal_connect (entries, "items-changed", G_CALLBACK (record_row_change_cb), changes);

  mscos_library_set_note (library, PACK_ID, get_item (pack, RESOURCE_ID), "Two");
  assert_one_change (changes, 1, 1, 1);
  second = g_list_model_get_item (entries, 1);
  g_assert_cmpstr (mscos_library_entry_get_note (second), ==, "Two");

  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "One more");
  assert_one_change (changes, 0, 1, 1);

  /* Emptied, the first leaves, and the second takes its place. */
  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), NULL);
  assert_one_change (changes, 0, 1, 0);
  g_clear_object (&second);
  second = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (mscos_library_entry_get_note (second), ==, "Two");
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RESOURCE_ID), FALSE);
  assert_one_change (changes, 0, 1, 1);

  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, QUOTE_ID), TRUE);
  assert_one_change (changes, 1, 0, 1);
}

static void
test_restore (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (MscosLibraryEntry) snapshot = NULL;
  MscosItem *quote = get_item (pack, QUOTE_ID);
  MscosLibraryEntry *entry;

  mscos_library_set_bookmarked (library, PACK_ID, quote, TRUE);
  mscos_library_set_note (library, PACK_ID, quote, "Worth keeping");
  entry = mscos_library_lookup (library, PACK_ID, QUOTE_ID);
  snapshot = mscos_library_entry_copy (entry);

  /* Deleting the entry leaves the snapshot as it was. */
  mscos_library_set_note (library, PACK_ID, quote, NULL);
  mscos_library_set_bookmarked (library, PACK_ID, quote, FALSE);
  g_assert_cmpuint (n_entries (library), ==, 0);
  g_assert_cmpstr (mscos_library_entry_get_note (snapshot), ==, "Worth keeping");

  mscos_library_restore (library, snapshot);
  g_assert_cmpuint (n_entries (library), ==, 1);
  entry = mscos_library_lookup (library, PACK_ID, QUOTE_ID);
  g_assert_nonnull (entry);
  g_assert_true (entry != snapshot);
  g_assert_cmpstr (mscos_library_entry_get_note (entry), ==, "Worth keeping");
  g_assert_true (mscos_library_entry_get_bookmarked (entry));
  assert_times_equal (mscos_library_entry_get_note_created (entry),
                      mscos_library_entry_get_note_created (snapshot));
  assert_times_equal (mscos_library_entry_get_bookmark_created (entry),
                      mscos_library_entry_get_bookmark_created (snapshot));
  g_assert_true (mscos_library_get_has_unsaved_changes (library));
}

static void
check_moved_aside (MscosLibrary *library,
                   const char   *original,
                   const char   *words)
{
  GFile *moved = mscos_library_get_moved_aside_file (library);
  g_autofree char *moved_path = NULL;
  g_autofree char *moved_contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = dup_library_folder ();
  g_autofree char *folder_of_moved = NULL;
  const char *problem = mscos_library_get_load_problem (library);

  g_assert_nonnull (moved);
  moved_path = g_file_get_path (moved);
  name = g_file_get_basename (moved);
  folder_of_moved = g_path_get_dirname (moved_path);
  g_assert_cmpstr (folder_of_moved, ==, folder);
  g_assert_true (g_regex_match_simple ("^library\\.json\\.[0-9]{8}-[0-9]{6}(-[0-9]+)?\\.unreadable$",
                                       name, 0, 0));

  /* The words in it are all still there, exactly. */
  moved_contents = read_file (moved_path);
  g_assert_cmpstr (moved_contents, ==, original);

  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, name));
  g_assert_nonnull (strstr (problem, words));
}

static void
test_corrupt (gconstpointer data)
{
  const char *contents = data;
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (MscosLibrary) again = NULL;
  g_autofree char *path = dup_library_path ();

  write_library_file (contents);

  library = new_loaded_library ();
  check_moved_aside (library, contents, "could not be read");
  g_assert_cmpuint (n_entries (library), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (mscos_library_get_has_unsaved_changes (library));

  /* The new library is saved beside the old file, which stays as it was. */
  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "New");
  g_assert_true (mscos_library_flush (library, NULL));
  check_moved_aside (library, contents, "could not be read");

  again = new_loaded_library ();
  g_assert_null (mscos_library_get_load_problem (again));
  g_assert_cmpuint (n_entries (again), ==, 1);
}

static const char *bad_entries =
  "{\n"
  "  \"format\": \"mscos-library\",\n"
  "  \"version\": 1,\n"
  "  \"entries\": [\n"
  "    { \"pack\": \"test.every-kind\", \"item\": \"safety.quote-keith\",\n"
  "      \"note\": { \"text\": \"Good one\", \"created\": \"2026-11-28T10:15:00Z\",\n"
  "                \"modified\": \"2026-11-28T10:16:00Z\" } },\n"
  "    { \"pack\": \"Not An Id\", \"item\": \"x\", \"bookmark\": { \"created\": \"2026-11-28T10:15:00Z\" } },\n"
  "    { \"pack\": \"test.every-kind\", \"item\": \"safety.audio-keith\",\n"
  "      \"title\": 42,\n"
  "      \"bookmark\": { \"created\": \"yesterday\" },\n"
  "      \"note\": { \"text\": 7, \"created\": \"2026-11-28T10:15:00Z\",\n"
  "                \"modified\": \"2026-11-28T10:15:00Z\" } },\n"
  "    \"not an entry\",\n"
  "    { \"pack\": \"test.every-kind\", \"item\": \"safety.shandra\",\n"
  "      \"note\": { \"text\": \"Tab\\there, and\\u0001 a control character\", \"created\": \"2026-11-28T10:15:00+01:00\",\n"
  "                \"modified\": \"2026-11-28T11:15:00+01:00\" } }\n"
  "  ]\n"
  "}\n";

static void
test_bad_entry_among_good (void)
{
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (MscosLibrary) again = NULL;
  g_autoptr (GDateTime) expected = NULL;
  MscosLibraryEntry *entry;
  const char *problem;

  write_library_file (bad_entries);

  library = new_loaded_library ();
  check_moved_aside (library, bad_entries, "Part of the library file");
  problem = mscos_library_get_load_problem (library);
  g_assert_nonnull (strstr (problem, "entries[1].pack"));

  /* Everything readable was kept: two notes, and a bookmark whose note was unreadable. */
  g_assert_cmpuint (n_entries (library), ==, 3);
  entry = mscos_library_lookup (library, PACK_ID, QUOTE_ID);
  g_assert_cmpstr (mscos_library_entry_get_note (entry), ==, "Good one");
  entry = mscos_library_lookup (library, PACK_ID, AUDIO_ID);
  g_assert_true (mscos_library_entry_get_bookmarked (entry));
  g_assert_null (mscos_library_entry_get_note (entry));
  entry = mscos_library_lookup (library, PACK_ID, "safety.shandra");
  g_assert_cmpstr (mscos_library_entry_get_note (entry), ==,
                   "Tab\there, and\001 a control character");
  expected = g_date_time_new_utc (2026, 11, 28, 9, 15, 0);
  assert_times_equal (mscos_library_entry_get_note_created (entry), expected);

  /* …and they are written to a new file. */
  g_assert_true (mscos_library_get_has_unsaved_changes (library));
  wait_for_save (library);
  check_moved_aside (library, bad_entries, "Part of the library file");

  again = new_loaded_library ();
  g_assert_null (mscos_library_get_load_problem (again));
  g_assert_cmpuint (n_entries (again), ==, 3);
  entry = mscos_library_lookup (again, PACK_ID, "safety.shandra");
  g_assert_cmpstr (mscos_library_entry_get_note (entry), ==,
                   "Tab\there, and\001 a control character");
}

static const char *duplicate_entries =
  "{ \"format\": \"mscos-library\", \"version\": 1, \"entries\": [\n"
  "  { \"pack\": \"test.every-kind\", \"item\": \"safety.quote-keith\",\n"
  "    \"note\": { \"text\": \"First copy\", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\" } },\n"
  "  { \"pack\": \"test.every-kind\", \"item\": \"safety.quote-keith\",\n"
  "    \"bookmark\": { \"created\": \"2026-01-02T00:00:00Z\" },\n"
  "    \"note\": { \"text\": \"Second copy\", \"created\": \"2026-01-02T00:00:00Z\", \"modified\": \"2026-01-02T00:00:00Z\" } }\n"
  "] }\n";

static void
test_duplicate_entries (void)
{
  g_autoptr (MscosLibrary) library = NULL;
  MscosLibraryEntry *entry;

  write_library_file (duplicate_entries);

  /* Both copies' words are kept, in one entry. */
  library = new_loaded_library ();
  check_moved_aside (library, duplicate_entries, "entries[1]: a second entry for the same item");
  g_assert_cmpuint (n_entries (library), ==, 1);
  entry = mscos_library_lookup (library, PACK_ID, QUOTE_ID);
  g_assert_cmpstr (mscos_library_entry_get_note (entry), ==,
                   "First copy\n\n——— From a second copy of this entry ———\n\nSecond copy");
  g_assert_true (mscos_library_entry_get_bookmarked (entry));
  g_assert_true (mscos_library_get_has_unsaved_changes (library));
}

static void
test_unreadable_twice (void)
{
  g_autofree char *folder = dup_library_folder ();
  g_autoptr (MscosLibrary) first = NULL;
  g_autoptr (MscosLibrary) second = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *first_contents = NULL;

  write_library_file ("first garbage");
  first = new_loaded_library ();
  write_library_file ("second garbage");
  second = new_loaded_library ();

  /* Two bad files in the same second are both kept. */
  first_path = g_file_get_path (mscos_library_get_moved_aside_file (first));
  second_path = g_file_get_path (mscos_library_get_moved_aside_file (second));
  g_assert_cmpstr (first_path, !=, second_path);
  first_contents = read_file (first_path);
  g_assert_cmpstr (first_contents, ==, "first garbage");
  check_moved_aside (second, "second garbage", "could not be read");
  g_assert_cmpuint (count_files_with_prefix (folder, "library.json."), ==, 2);
}

/* Every file of the library's folder with its contents, one "NAME\tCONTENTS" a line, sorted. */
static char *
describe_folder (void)
{
  g_autofree char *folder = dup_library_folder ();
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;

      g_file_get_contents (path, &contents, NULL, NULL);
      g_ptr_array_add (lines, g_strdup_printf ("%s\t%s", name, contents ? contents : "(unreadable)"));
    }
  g_ptr_array_sort_values (lines, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

static const char *newer_library =
  "{ \"format\": \"mscos-library\", \"version\": 2, \"tags\": [\"work\"], \"entries\": [\n"
  "  { \"pack\": \"test.every-kind\", \"item\": \"safety.quote-keith\", \"tags\": [\"work\"],\n"
  "    \"note\": { \"text\": \"Written by version two\", \"created\": \"2026-01-01T00:00:00Z\",\n"
  "              \"modified\": \"2026-01-02T00:00:00Z\", \"colour\": \"red\" } },\n"
  "  { \"pack\": \"test.every-kind\", \"item\": \"safety.beyond-survival\",\n"
  "    \"bookmark\": { \"created\": \"2026-01-03T00:00:00Z\" } }\n"
  "] }\n";

static void
test_newer_version (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (MscosLibrary) upgraded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *problem;

  write_library_file (newer_library);
  before = describe_folder ();

  /* What this version understands is shown, and the file stays where and as it is. */
  library = new_loaded_library ();
  g_assert_true (mscos_library_get_newer_version (library));
  g_assert_null (mscos_library_get_moved_aside_file (library));
  problem = mscos_library_get_load_problem (library);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "newer version"));
  g_assert_nonnull (strstr (problem, "cannot save changes"));
  g_assert_cmpuint (n_entries (library), ==, 2);
  g_assert_cmpstr (mscos_library_entry_get_note (mscos_library_lookup (library, PACK_ID, QUOTE_ID)),
                   ==, "Written by version two");
  g_assert_true (mscos_library_entry_get_bookmarked (mscos_library_lookup (library, PACK_ID,
                                                                           RESOURCE_ID)));

  /* Changes stay in memory: nothing is written, on a save, a flush or at the end. */
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, AUDIO_ID), TRUE);
  g_assert_true (mscos_library_get_has_unsaved_changes (library));
  g_assert_false (mscos_library_get_saving (library));
  g_assert_false (mscos_library_flush (library, &error));
  g_assert_error (error, MSCOS_LIBRARY_ERROR, MSCOS_LIBRARY_ERROR_READ_ONLY);
  g_clear_object (&library);
  after = describe_folder ();
  g_assert_cmpstr (after, ==, before);

  /* The newer version, run again, finds its file as it left it. */
  upgraded = new_loaded_library ();
  g_assert_true (mscos_library_get_newer_version (upgraded));
  g_clear_pointer (&after, g_free);
  after = read_library_file ();
  g_assert_cmpstr (after, ==, newer_library);
}

static void
test_newer_version_start_new (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (MscosLibrary) again = NULL;
  g_autoptr (GFile) destination = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kept_path = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *kept_folder = NULL;

  write_library_file (newer_library);
  library = new_loaded_library ();
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, AUDIO_ID), TRUE);

  /* The user is told where the file will stay before choosing. */
  destination = mscos_library_dup_newer_version_destination (library);
  g_assert_nonnull (destination);
  kept_path = g_file_get_path (destination);
  kept_name = g_file_get_basename (destination);
  folder = dup_library_folder ();
  kept_folder = g_path_get_dirname (kept_path);
  g_assert_cmpstr (kept_folder, ==, folder);
  g_assert_true (g_regex_match_simple ("^library\\.json\\.[0-9]{8}-[0-9]{6}(-[0-9]+)?\\.newer-version$",
                                       kept_name, 0, 0));
  g_assert_false (g_file_test (kept_path, G_FILE_TEST_EXISTS));

  g_assert_true (mscos_library_start_new (library, destination, &error));
  g_assert_no_error (error);
  g_assert_false (mscos_library_get_newer_version (library));
  g_assert_null (mscos_library_get_load_problem (library));
  kept = read_file (kept_path);
  g_assert_cmpstr (kept, ==, newer_library);

  /* The new library holds what was shown. */
  wait_for_save (library);
  g_clear_object (&library);
  again = new_loaded_library ();
  g_assert_false (mscos_library_get_newer_version (again));
  g_assert_cmpuint (n_entries (again), ==, 3);
  g_assert_cmpstr (mscos_library_entry_get_note (mscos_library_lookup (again, PACK_ID, QUOTE_ID)),
                   ==, "Written by version two");
}

static void
test_read_only (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = dup_library_folder ();
  g_autofree char *path = dup_library_path ();
  g_autofree char *backup = dup_backup_path ();
  g_autofree char *stale = g_build_filename (folder, "library.json.Ab3xYz", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A broken file, what a killed save left, and a backup: a read-only library changes none. */
  write_library_file ("{ \"format\": \"mscos-library\", \"version\": 1, \"entr");
  g_assert_true (g_file_set_contents (stale, "half a fi", -1, NULL));
  g_assert_true (g_file_set_contents (backup,
                                      "{ \"format\": \"mscos-library\", \"version\": 1, \"entries\": [\n"
                                      "  { \"pack\": \"test.every-kind\", \"item\": \"safety.quote-keith\",\n"
                                      "    \"note\": { \"text\": \"From the backup\", \"created\": \"2026-01-01T00:00:00Z\",\n"
                                      "              \"modified\": \"2026-01-01T00:00:00Z\" } } ] }\n",
                                      -1, NULL));
  before = describe_folder ();

  file = g_file_new_for_path (path);
  library = mscos_library_new_read_only (file);
  load_library (library);
  g_assert_null (mscos_library_get_moved_aside_file (library));
  g_assert_nonnull (mscos_library_get_load_problem (library));
  g_assert_cmpstr (mscos_library_entry_get_note (mscos_library_lookup (library, PACK_ID, QUOTE_ID)),
                   ==, "From the backup");

  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, AUDIO_ID), TRUE);
  g_assert_false (mscos_library_flush (library, &error));
  g_assert_error (error, MSCOS_LIBRARY_ERROR, MSCOS_LIBRARY_ERROR_READ_ONLY);
  g_clear_object (&library);

  after = describe_folder ();
  g_assert_cmpstr (after, ==, before);

  /* A good file is read, and neither it nor the folder is touched. */
  write_library_file ("{ \"format\": \"mscos-library\", \"version\": 1, \"entries\": [] }");
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = describe_folder ();
  library = mscos_library_new_read_only (file);
  load_library (library);
  g_assert_null (mscos_library_get_load_problem (library));
  g_clear_object (&library);
  after = describe_folder ();
  g_assert_cmpstr (after, ==, before);
}

static void
test_restored_from_backup (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (MscosLibrary) again = NULL;
  MscosItem *quote = get_item (pack, QUOTE_ID);

  mscos_library_set_note (library, PACK_ID, quote, "Version one");
  g_assert_true (mscos_library_flush (library, NULL));
  mscos_library_set_note (library, PACK_ID, quote, "Version one, then two");
  g_assert_true (mscos_library_flush (library, NULL));
  g_clear_object (&library);

  /* Something outside the app broke the file: the backup has the save before. */
  write_library_file ("{\"format\": \"mscos-library\", \"version\": 1, \"entr");
  again = new_loaded_library ();
  check_moved_aside (again, "{\"format\": \"mscos-library\", \"version\": 1, \"entr",
                     "restored from the backup");
  g_assert_cmpstr (mscos_library_entry_get_note (mscos_library_lookup (again, PACK_ID, QUOTE_ID)),
                   ==, "Version one");
  g_assert_true (mscos_library_get_has_unsaved_changes (again));
}

static void
test_backup (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autofree char *backup_path = dup_backup_path ();
  g_autofree char *backup = NULL;
  g_autofree char *current = NULL;
  MscosItem *quote = get_item (pack, QUOTE_ID);

  mscos_library_set_note (library, PACK_ID, quote, "Version one");
  g_assert_true (mscos_library_flush (library, NULL));
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));

  mscos_library_set_note (library, PACK_ID, quote, "Version one, two");
  wait_for_save (library);
  backup = read_file (backup_path);
  g_assert_nonnull (strstr (backup, "\"Version one\""));
  g_clear_pointer (&backup, g_free);

  mscos_library_set_note (library, PACK_ID, quote, "Version one, two, three");
  g_assert_true (mscos_library_flush (library, NULL));
  backup = read_file (backup_path);
  current = read_library_file ();
  g_assert_nonnull (strstr (backup, "\"Version one, two\""));
  g_assert_nonnull (strstr (current, "\"Version one, two, three\""));
  json_node_unref (parse_json (backup));
}

/* Deleted words do not outlive the save that deleted them in the backup: a deleted note, a
 * removed bookmark, words cut from a note. */
static void
test_backup_forgets_deleted (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autofree char *backup_path = dup_backup_path ();
  g_autofree char *backup = NULL;
  g_autofree char *current = NULL;
  MscosItem *quote = get_item (pack, QUOTE_ID);

  mscos_library_set_note (library, PACK_ID, quote, "Private words");
  mscos_library_set_note (library, PACK_ID, get_item (pack, TEXT_ID), "Kept words");
  g_assert_true (mscos_library_flush (library, NULL));
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RESOURCE_ID), TRUE);
  g_assert_true (mscos_library_flush (library, NULL));

  mscos_library_set_note (library, PACK_ID, quote, NULL);
  wait_for_save (library);
  backup = read_file (backup_path);
  g_assert_null (strstr (backup, "Private words"));
  g_assert_nonnull (strstr (backup, "Kept words"));
  json_node_unref (parse_json (backup));
  g_clear_pointer (&backup, g_free);

  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RESOURCE_ID), FALSE);
  g_assert_true (mscos_library_flush (library, NULL));
  backup = read_file (backup_path);
  g_assert_null (strstr (backup, RESOURCE_ID));
  g_clear_pointer (&backup, g_free);

  mscos_library_set_note (library, PACK_ID, get_item (pack, TEXT_ID), "Kept");
  g_assert_true (mscos_library_flush (library, NULL));
  backup = read_file (backup_path);
  current = read_library_file ();
  g_assert_null (strstr (backup, "Kept words"));
  g_assert_cmpstr (backup, ==, current);
  g_clear_pointer (&backup, g_free);

  /* After that, the backup is again the save before. */
  mscos_library_set_note (library, PACK_ID, get_item (pack, TEXT_ID), "Kept, and more");
  g_assert_true (mscos_library_flush (library, NULL));
  backup = read_file (backup_path);
  g_assert_cmpstr (backup, ==, current);
}

static void
test_file_mode (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = NULL;
  g_autofree char *folder = dup_library_folder ();
  g_autofree char *path = dup_library_path ();
  g_autofree char *backup_path = dup_backup_path ();
  GStatBuf buf;

  library = new_loaded_library ();
  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "Private");
  wait_for_save (library);

  g_assert_cmpint (g_stat (folder, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* A file someone made readable to others becomes private again. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "Still private");
  wait_for_save (library);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (backup_path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
}

static void
test_temporary_files_removed (void)
{
  g_autofree char *folder = dup_library_folder ();
  g_autofree char *stale = g_build_filename (folder, "library.json.Ab3xYz", NULL);
  g_autofree char *stale_backup = g_build_filename (folder, "library.json.backup.Qw12Er", NULL);
  g_autofree char *backup = dup_backup_path ();
  g_autofree char *other = g_build_filename (folder, "library.json.notes", NULL);
  g_autoptr (MscosLibrary) library = NULL;

  write_library_file ("{ \"format\": \"mscos-library\", \"version\": 1, \"entries\": [] }");
  g_assert_true (g_file_set_contents (stale, "half a fi", -1, NULL));
  g_assert_true (g_file_set_contents (stale_backup, "half", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));

  library = new_loaded_library ();

  /* What a killed save left behind goes; everything else stays. */
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_null (mscos_library_get_load_problem (library));
}

static void
test_orphaned_notes (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosContentPack) next = NULL;
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (MscosLibrary) again = NULL;
  g_autofree char *markdown = NULL;
  MscosLibraryEntry *entry;

  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "About Keith's words");
  mscos_library_set_bookmarked (library, "another.pack", get_item (pack, AUDIO_ID), TRUE);
  g_assert_true (mscos_library_flush (library, NULL));

  /* The next revision of the pack no longer has the quotation. */
  next = load_changed_pack ("\"id\": \"safety.quote-keith\"", "\"id\": \"safety.quote-keith-2\"");
  again = new_loaded_library ();
  g_assert_cmpuint (n_entries (again), ==, 2);
  entry = mscos_library_lookup (again, PACK_ID, QUOTE_ID);
  g_assert_cmpint (mscos_library_entry_get_status (entry, next), ==, MSCOS_LIBRARY_ENTRY_MISSING);
  g_assert_cmpint (mscos_library_entry_get_status (entry, pack), ==, MSCOS_LIBRARY_ENTRY_PRESENT);
  g_assert_cmpstr (mscos_library_entry_get_note (entry), ==, "About Keith's words");
  g_assert_cmpstr (mscos_library_entry_get_excerpt (entry), ==,
                   "You have to feel able to trust in the police — and café owners.");
  entry = mscos_library_lookup (again, "another.pack", AUDIO_ID);
  g_assert_cmpint (mscos_library_entry_get_status (entry, pack), ==, MSCOS_LIBRARY_ENTRY_MISSING);

  markdown = mscos_library_export_markdown (again, next);
  g_assert_nonnull (strstr (markdown, "\n## Not in this content pack\n\n### Safety - Keith\n"));
  g_assert_nonnull (strstr (markdown,
                            "**Bookmarked**\n\n"
                            "### “You have to feel able to trust in the police — and café owners.” — Keith\n\n"
                            "> You have to feel able to trust in the police — and café owners.\n\n"
                            "**Note:**\n\n"
                            "About Keith's words\n"));
  g_assert_nonnull (strstr (markdown,
                            "### Safety - Keith\n\n"
                            "*From the content pack “another.pack”.*\n\n"
                            "Keith describes not being believed.\n\n"
                            "**Bookmarked**\n"));
}

static void
test_changed_since (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosContentPack) next = NULL;
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autofree char *markdown = NULL;
  MscosLibraryEntry *quote, *resource;

  mscos_library_set_note (library, PACK_ID, get_item (pack, NESTED_QUOTE_ID), "Noted");
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RESOURCE_ID), TRUE);
  quote = mscos_library_lookup (library, PACK_ID, NESTED_QUOTE_ID);
  resource = mscos_library_lookup (library, PACK_ID, RESOURCE_ID);
  g_assert_cmpint (mscos_library_entry_get_status (quote, pack), ==, MSCOS_LIBRARY_ENTRY_PRESENT);

  next = load_changed_pack ("Living free, not in survival mode.",
                            "Living free, and not in survival mode.");
  g_assert_cmpint (mscos_library_entry_get_status (quote, next), ==, MSCOS_LIBRARY_ENTRY_CHANGED);
  /* The resource's own text did not change. */
  g_assert_cmpint (mscos_library_entry_get_status (resource, next), ==,
                   MSCOS_LIBRARY_ENTRY_PRESENT);

  markdown = mscos_library_export_markdown (library, next);
  g_assert_nonnull (strstr (markdown,
                            "> Living free, and not in survival mode.\n>\n> — A survivor\n\n"
                            "**This item has changed since the note was written.**\n\n"
                            "**Note:**\n\nNoted\n"));

  /* Writing the note again, having read the new text, makes it current. */
  mscos_library_set_note (library, PACK_ID, get_item (next, NESTED_QUOTE_ID), "Noted again");
  g_assert_cmpint (mscos_library_entry_get_status (quote, next), ==, MSCOS_LIBRARY_ENTRY_PRESENT);
}

static void
test_rapid_edits (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *contents = NULL;
  MscosItem *quote = get_item (pack, QUOTE_ID);
  guint *saves = watch_saves (library);

  /* Typing faster than anyone can: 500 changes, then quiet. One save holds them all, and
   * leaves nothing to save after it. */
  for (guint i = 0; i < 500; i++)
    {
      g_string_append_c (text, 'a' + i % 26);
      mscos_library_set_note (library, PACK_ID, quote, text->str);
    }
  wait_for_save (library);
  g_assert_cmpuint (*saves, ==, 1);
  contents = read_library_file ();
  g_assert_nonnull (strstr (contents, text->str));
  g_assert_false (mscos_library_get_has_unsaved_changes (library));
}

typedef struct
{
  MscosLibrary *library;
  MscosItem    *item;
  GString      *text;
  const guint  *saves;
  gboolean      done;
} Typist;

/* Types one more character, until the library has been saved three times. */
static gboolean
type_one_cb (gpointer user_data)
{
  Typist *typist = user_data;

  g_string_append_c (typist->text, 'x');
  mscos_library_set_note (typist->library, PACK_ID, typist->item, typist->text->str);
  typist->done = *typist->saves >= 3;

  return typist->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
test_continuous_edits (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *contents = NULL;
  guint *saves = watch_saves (library);
  Typist typist = { library, get_item (pack, QUOTE_ID), text, saves, FALSE };

  /* Scaled down: quiet 250 ms, at most 300 ms. Someone types a key every 5 ms, never pausing
   * long enough for a quiet save: the words are saved all the same, at most 300 ms after the
   * first change not saved yet. (Were this machine to stall for longer than the quiet delay,
   * a quiet save would come instead; the test waits for saves, never for a time.) */
  mscos_library_set_save_delays (library, 250, 300);
  g_timeout_add (5, type_one_cb, &typist);
  iterate_until (&typist.done, "three saves while typing");

  /* Then a pause saves the rest. */
  while (mscos_library_get_has_unsaved_changes (library))
    wait_for_save (library);
  contents = read_library_file ();
  g_assert_nonnull (strstr (contents, text->str));
}

static void
test_flush (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autofree char *contents = NULL;
  guint *saves = watch_saves (library);

  /* Nothing to write. */
  g_assert_true (mscos_library_flush (library, NULL));
  g_assert_cmpuint (*saves, ==, 0);

  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "Written on quit");
  g_assert_true (mscos_library_flush (library, NULL));
  g_assert_cmpuint (*saves, ==, 1);
  g_assert_false (mscos_library_get_has_unsaved_changes (library));
  contents = read_library_file ();
  g_assert_nonnull (strstr (contents, "Written on quit"));

  /* The save that was due is not made again. */
  iterate_for (700);
  g_assert_cmpuint (*saves, ==, 1);
}

static void
test_flush_during_save (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (MscosLibrary) again = NULL;
  g_autofree char *contents = NULL;
  MscosItem *quote = get_item (pack, QUOTE_ID);

  mscos_library_set_save_delays (library, 0, 0);
  mscos_library_set_note (library, PACK_ID, quote, "Saved by the thread");
  /* Start the save in its thread, then change and flush while it is under way. */
  iterate_while_saving (library, FALSE);
  g_assert_true (mscos_library_get_saving (library));
  mscos_library_set_note (library, PACK_ID, quote, "Saved by the flush");
  g_assert_true (mscos_library_flush (library, NULL));
  iterate_while_saving (library, TRUE);

  contents = read_library_file ();
  g_assert_nonnull (strstr (contents, "Saved by the flush"));
  g_assert_false (mscos_library_get_has_unsaved_changes (library));
  again = new_loaded_library ();
  g_assert_cmpstr (mscos_library_entry_get_note (mscos_library_lookup (again, PACK_ID, QUOTE_ID)),
                   ==, "Saved by the flush");
}

static void
test_edits_before_load (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) first = new_loaded_library ();
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (MscosLibrary) again = NULL;
  MscosLibraryEntry *entry;

  mscos_library_set_note (first, PACK_ID, get_item (pack, QUOTE_ID), "Saved last time");
  mscos_library_set_bookmarked (first, PACK_ID, get_item (pack, AUDIO_ID), TRUE);
  g_assert_true (mscos_library_flush (first, NULL));
  g_clear_object (&first);

  /* The user acts before the file has been read. */
  library = new_library ();
  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "Typed at once");
  mscos_library_set_note (library, PACK_ID, get_item (pack, TEXT_ID), "Also at once");
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RESOURCE_ID), TRUE);
  g_assert_false (mscos_library_get_loaded (library));
  load_library (library);

  g_assert_cmpuint (n_entries (library), ==, 4);
  entry = mscos_library_lookup (library, PACK_ID, QUOTE_ID);
  g_assert_cmpstr (mscos_library_entry_get_note (entry), ==,
                   "Saved last time\n\n——— Written while the library was loading ———\n\n"
                   "Typed at once");
  g_assert_true (mscos_library_entry_get_bookmarked (mscos_library_lookup (library, PACK_ID,
                                                                           AUDIO_ID)));
  wait_for_save (library);

  again = new_loaded_library ();
  g_assert_cmpuint (n_entries (again), ==, 4);
  g_assert_cmpstr (mscos_library_entry_get_note (mscos_library_lookup (again, PACK_ID, TEXT_ID)),
                   ==, "Also at once");
}

static void
test_flush_before_load (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) first = new_loaded_library ();
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (MscosLibrary) again = NULL;

  mscos_library_set_note (first, PACK_ID, get_item (pack, QUOTE_ID), "Saved last time");
  g_assert_true (mscos_library_flush (first, NULL));
  g_clear_object (&first);

  /* Quitting at once reads the file first rather than write over it. */
  library = new_library ();
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RESOURCE_ID), TRUE);
  g_assert_true (mscos_library_flush (library, NULL));
  g_assert_true (mscos_library_get_loaded (library));
  g_clear_object (&library);

  again = new_loaded_library ();
  g_assert_cmpuint (n_entries (again), ==, 2);
  g_assert_cmpstr (mscos_library_entry_get_note (mscos_library_lookup (again, PACK_ID, QUOTE_ID)),
                   ==, "Saved last time");
}

static void
populate (MscosLibrary     *library,
          MscosContentPack *pack)
{
  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID),
                          "# heading\n*stars* and _under_ [link](x) <b> & co\n1. not a list\n"
                          "- nor this\n    not code\n\nSecond paragraph");
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RESOURCE_ID), TRUE);
  mscos_library_set_note (library, PACK_ID, get_item (pack, RECOMMENDATION_ID), "Agreed.");
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RECOMMENDATION_ID), TRUE);
  mscos_library_set_note (library, PACK_ID, get_item (pack, AUDIO_ID), "Listen again");
}

static gssize
find_line (char       **lines,
           const char  *line)
{
  for (gssize i = 0; lines[i] != NULL; i++)
    if (strcmp (lines[i], line) == 0)
      return i;

  g_test_message ("Line not found: “%s”", line);
  g_test_fail ();

  return -1;
}

static void
test_export_markdown (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%-d %B %Y");
  g_autofree char *about = NULL;
  g_autofree char *markdown = NULL;
  g_auto (GStrv) lines = NULL;
  gssize outcome, quote, audio, resource, recommendation;

  populate (library, pack);
  markdown = mscos_library_export_markdown (library, pack);
  lines = g_strsplit (markdown, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "# Bookmarks and notes: Every kind of item");
  about = g_strdup_printf ("Content pack “Every kind of item”, revision 7 of 2026-11-28. "
                           "Exported on %s.", today);
  g_assert_cmpstr (lines[2], ==, about);

  /* Outcomes and items in the pack's order. */
  outcome = find_line (lines, "## Safety from any trafficker or other abusers");
  quote = find_line (lines, "### “You have to feel able to trust in the police — and café owners.” — Keith");
  audio = find_line (lines, "### Safety - Keith");
  resource = find_line (lines, "### Beyond Survival");
  recommendation = find_line (lines, "### 1. Create localised multi-agency pathways.");
  g_assert_cmpint (outcome, >, 0);
  g_assert_cmpint (outcome, <, quote);
  g_assert_cmpint (quote, <, audio);
  g_assert_cmpint (audio, <, resource);
  g_assert_cmpint (resource, <, recommendation);
  g_assert_null (strstr (markdown, "## First outcome"));
  g_assert_null (strstr (markdown, "Not in this content pack"));

  /* The quotation with its attribution, then the note, escaped so that it stays text. */
  g_assert_nonnull (strstr (markdown,
                            "> You have to feel able to trust in the police — and café owners.\n"
                            ">\n"
                            "> — Keith, MSCOS Research Advisory Board\n"
                            "\n"
                            "**Note:**\n"
                            "\n"
                            "\\# heading  \n"
                            "\\*stars\\* and \\_under\\_ \\[link\\](x) \\<b\\> \\& co  \n"
                            "1\\. not a list  \n"
                            "\\- nor this  \n"
                            "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0not code\n"
                            "\n"
                            "Second paragraph\n"));
  g_assert_nonnull (strstr (markdown,
                            "### Beyond Survival\n\n"
                            "The report looks at where the response falls short.\n\n"
                            "**Bookmarked**\n"));
  g_assert_nonnull (strstr (markdown,
                            "### 1. Create localised multi-agency pathways.\n\n"
                            "1\\. Create localised multi-agency pathways.\n\n"
                            "**Bookmarked**\n\n"
                            "**Note:**\n\n"
                            "Agreed.\n"));
  g_assert_true (g_str_has_suffix (markdown, "Agreed.\n"));
}

/* A quotation the source attributes to nobody says so in the export, as on its card, and
 * names nobody. */
static void
test_export_markdown_unattributed (void)
{
  g_autofree char *text = read_test_data ("format-13.json");
  g_autoptr (MscosContentPack) pack = load_pack_text (text);
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autofree char *markdown = NULL;

  mscos_library_set_bookmarked (library, "test.format-13", get_item (pack, "safety.unattributed"),
                                TRUE);
  markdown = mscos_library_export_markdown (library, pack);

  g_assert_nonnull (strstr (markdown,
                            "> Safety from any trafficker or other abuser is important becasue it "
                            "is the start.\n"
                            ">\n"
                            "> Quoted on the MSCOS page, not attributed\n"));
  g_assert_null (strstr (markdown, "> —"));
}

static void
test_export_import (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (MscosLibrary) other = NULL;
  g_autoptr (GFile) other_file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *saved = NULL;
  MscosLibraryImportReport report;

  populate (library, pack);
  mscos_library_set_note (library, "another.pack", get_item (pack, QUOTE_ID), "Elsewhere");
  json = mscos_library_export_json (library);

  /* The export is the library file. */
  g_assert_true (mscos_library_flush (library, NULL));
  saved = read_library_file ();
  g_assert_cmpstr (json, ==, saved);

  other_path = g_build_filename (g_get_user_data_dir (), "other", "library.json", NULL);
  other_file = g_file_new_for_path (other_path);
  other = mscos_library_new (other_file);
  load_library (other);
  bytes = g_bytes_new (json, strlen (json));
  g_assert_true (mscos_library_import_json (other, bytes, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.bookmarks_added, ==, 2);
  g_assert_cmpuint (report.notes_added, ==, 4);
  g_assert_cmpuint (report.notes_merged, ==, 0);
  g_assert_cmpuint (report.duplicates, ==, 0);

  copy = mscos_library_export_json (other);
  g_assert_cmpstr (copy, ==, json);
}

static const char *import_json =
  "{ \"format\": \"mscos-library\", \"version\": 1, \"entries\": [\n"
  "  { \"pack\": \"test.every-kind\", \"item\": \"safety.quote-keith\",\n"
  "    \"note\": { \"text\": \"Theirs\", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-02T00:00:00Z\" } },\n"
  "  { \"pack\": \"test.every-kind\", \"item\": \"safety.beyond-survival\",\n"
  "    \"bookmark\": { \"created\": \"2026-01-01T00:00:00Z\" } },\n"
  "  { \"pack\": \"test.every-kind\", \"item\": \"safety.audio-keith\",\n"
  "    \"note\": { \"text\": \"Same words\", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\" } },\n"
  "  { \"pack\": \"test.every-kind\", \"item\": \"safety.helpline-steps\", \"title\": \"When you call the helpline\",\n"
  "    \"bookmark\": { \"created\": \"2026-01-03T00:00:00Z\" },\n"
  "    \"note\": { \"text\": \"New to me\", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\" } }\n"
  "] }\n";

static void
test_import_merge (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (GBytes) bytes = g_bytes_new_static (import_json, strlen (import_json));
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *merged = NULL;
  g_autoptr (GDateTime) expected = NULL;
  MscosLibraryImportReport report;
  MscosLibraryEntry *entry;

  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "Mine");
  mscos_library_set_bookmarked (library, PACK_ID, get_item (pack, RESOURCE_ID), TRUE);
  mscos_library_set_note (library, PACK_ID, get_item (pack, AUDIO_ID), "Same words");

  g_assert_true (mscos_library_import_json_full (library, bytes, "colleague.json", &report,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.bookmarks_added, ==, 1);
  g_assert_cmpuint (report.notes_added, ==, 1);
  g_assert_cmpuint (report.notes_merged, ==, 1);
  g_assert_cmpuint (report.duplicates, ==, 2);
  g_assert_cmpuint (n_entries (library), ==, 4);

  merged = g_strdup_printf ("Mine\n\n——— Imported from colleague.json on %s ———\n\nTheirs", today);
  entry = mscos_library_lookup (library, PACK_ID, QUOTE_ID);
  g_assert_cmpstr (mscos_library_entry_get_note (entry), ==, merged);
  entry = mscos_library_lookup (library, PACK_ID, TEXT_ID);
  g_assert_cmpstr (mscos_library_entry_get_note (entry), ==, "New to me");
  g_assert_true (mscos_library_entry_get_bookmarked (entry));
  expected = g_date_time_new_utc (2026, 1, 3, 0, 0, 0);
  assert_times_equal (mscos_library_entry_get_bookmark_created (entry), expected);
  assert_times_equal (mscos_library_entry_get_modified (entry), expected);

  /* Importing the same file again adds nothing. */
  g_assert_true (mscos_library_import_json (library, bytes, &report, &error));
  g_assert_cmpuint (report.bookmarks_added, ==, 0);
  g_assert_cmpuint (report.notes_added, ==, 0);
  g_assert_cmpuint (report.notes_merged, ==, 0);
  g_assert_cmpuint (report.duplicates, ==, 5);
  g_assert_cmpstr (mscos_library_entry_get_note (mscos_library_lookup (library, PACK_ID,
                                                                       QUOTE_ID)), ==, merged);
}

/* A note is already there only when its whole text is: a shorter note that the library's
 * note happens to contain is someone else's words, and is kept. */
static void
test_import_whole_note (void)
{
  static const char *short_note =
    "{ \"format\": \"mscos-library\", \"version\": 1, \"entries\": [\n"
    "  { \"pack\": \"test.every-kind\", \"item\": \"safety.quote-keith\",\n"
    "    \"note\": { \"text\": \"Call\", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\" } },\n"
    "  { \"pack\": \"test.every-kind\", \"item\": \"safety.audio-keith\",\n"
    "    \"note\": { \"text\": \"Ask Wendy first\", \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\" } }\n"
    "] }\n";
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autoptr (GBytes) bytes = g_bytes_new_static (short_note, strlen (short_note));
  g_autoptr (GError) error = NULL;
  MscosLibraryImportReport report;
  const char *note;

  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "Call the helpline");
  mscos_library_set_note (library, PACK_ID, get_item (pack, AUDIO_ID), "Wendy");

  g_assert_true (mscos_library_import_json_full (library, bytes, "short.json", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.notes_merged, ==, 2);
  g_assert_cmpuint (report.duplicates, ==, 0);
  note = mscos_library_entry_get_note (mscos_library_lookup (library, PACK_ID, QUOTE_ID));
  g_assert_true (g_str_has_prefix (note, "Call the helpline\n\n——— Imported from short.json on "));
  g_assert_true (g_str_has_suffix (note, " ———\n\nCall"));
  note = mscos_library_entry_get_note (mscos_library_lookup (library, PACK_ID, AUDIO_ID));
  g_assert_true (g_str_has_suffix (note, " ———\n\nAsk Wendy first"));

  /* Both are now held whole: importing again adds nothing. */
  g_assert_true (mscos_library_import_json (library, bytes, &report, &error));
  g_assert_cmpuint (report.notes_merged, ==, 0);
  g_assert_cmpuint (report.duplicates, ==, 2);
}

static void
test_import_invalid (void)
{
  static const struct {
    const char *json;
    int code;
    const char *message;
  } cases[] = {
    { "not json at all", MSCOS_LIBRARY_ERROR_INVALID, "line 1" },
    { "{ \"format\": \"mscos-content-pack\", \"version\": 1 }", MSCOS_LIBRARY_ERROR_INVALID,
      "format: this is not a library file" },
    { "{ \"format\": \"mscos-library\", \"version\": 1, \"entries\": [ { \"pack\": \"p\", "
      "\"item\": \"i\", \"note\": { \"text\": 42, \"created\": \"2026-01-01T00:00:00Z\", "
      "\"modified\": \"2026-01-01T00:00:00Z\" } } ] }",
      MSCOS_LIBRARY_ERROR_INVALID, "entries[0].note.text: expected a string" },
    { "{ \"format\": \"mscos-library\", \"version\": 1, \"entries\": [ { \"pack\": \"p\", "
      "\"item\": \"i\", \"bookmark\": { \"created\": \"2026-01-01T00:00:00Z\" } }, "
      "{ \"pack\": \"p\", \"item\": \"j\", \"bookmark\": { \"created\": \"soon\" } } ] }",
      MSCOS_LIBRARY_ERROR_INVALID, "entries[1].bookmark.created: expected a date and time" },
    { "{ \"format\": \"mscos-library\", \"version\": 3, \"entries\": [] }",
      MSCOS_LIBRARY_ERROR_NEWER_VERSION, "newer version" },
  };
  g_autoptr (MscosContentPack) pack = load_pack ();
  g_autoptr (MscosLibrary) library = new_loaded_library ();
  g_autofree char *before = NULL;
  guint64 changes;

  populate (library, pack);
  before = mscos_library_export_json (library);
  changes = mscos_library_get_change_count (library);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr (GError) error = NULL;
      g_autofree char *after = NULL;
      MscosLibraryImportReport report = { 7, 7, 7, 7 };

      g_assert_false (mscos_library_import_json (library, bytes, &report, &error));
      g_assert_error (error, MSCOS_LIBRARY_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));

      /* The library is as it was: the good entry of a bad file was not taken either. */
      after = mscos_library_export_json (library);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (mscos_library_get_change_count (library), ==, changes);
    }
}

/* Failures to save ----------------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

/* Runs the current test in a subprocess whose library lives under a folder of its own. */
static void
run_in_subprocess (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("mscos-test-library-XXXXXX", &error);
  g_autofree char *parent = NULL;
  g_auto (GStrv) envp = NULL;
  GStatBuf buf;

  g_assert_no_error (error);
  /* Others may pass through, so a process that gives up root can reach its folder. */
  parent = g_path_get_dirname (root);
  g_assert_cmpint (g_stat (parent, &buf), ==, 0);
  g_assert_cmpint (g_chmod (parent, (buf.st_mode & 07777) | 0111), ==, 0);
  g_assert_cmpint (g_chmod (root, 0711), ==, 0);

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "MSCOS_TEST_LIBRARY_ROOT", root, TRUE);
  g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 60 * G_USEC_PER_SEC,
                                    G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                    G_TEST_SUBPROCESS_INHERIT_STDERR);
  remove_tree (root);
  /* The subprocess shares this test's folder and removed it on exit; GLib removes it again. */
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_test_trap_assert_passed ();
}

static void
assert_no_temporary_files (void)
{
  g_autofree char *folder = dup_library_folder ();
  /* library.json, library.json.backup, and nothing else. */
  g_assert_cmpuint (count_files_with_prefix (folder, "library.json"), <=, 2);
  g_assert_cmpuint (count_files_with_prefix (folder, "library.json.backup."), ==, 0);
}

/* Saves a first version of the library, and returns the file's text. */
static char *
save_first_version (MscosContentPack *pack)
{
  g_autoptr (MscosLibrary) library = new_loaded_library ();

  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "On disk");
  g_assert_true (mscos_library_flush (library, NULL));

  return read_library_file ();
}

static void
test_read_only_folder (void)
{
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *contents = NULL;
  gboolean was_root;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  pack = load_pack ();
  folder = dup_library_folder ();
  path = dup_library_path ();
  backup = dup_backup_path ();
  original = save_first_version (pack);

  /* Root writes anywhere, so become someone else: the folder belongs to them and they cannot
   * write in it. */
  was_root = geteuid () == 0;
  if (was_root)
    {
      g_assert_cmpint (chown (folder, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
    }
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  if (was_root)
    {
      g_assert_cmpint (setegid (65534), ==, 0);
      g_assert_cmpint (seteuid (65534), ==, 0);
    }
  g_assert_cmpint (faccessat (AT_FDCWD, folder, W_OK, AT_EACCESS), !=, 0);

  library = new_loaded_library ();
  g_assert_null (mscos_library_get_load_problem (library));
  g_assert_cmpuint (n_entries (library), ==, 1);
  mscos_library_set_note (library, PACK_ID, get_item (pack, QUOTE_ID), "Kept in memory");
  wait_for_save_error (library);
  g_test_message ("%s", mscos_library_get_save_error (library));
  g_assert_true (g_str_has_prefix (mscos_library_get_save_error (library),
                                   "Your notes could not be saved: Permission denied."));

  /* The user notices nothing lost: the note is there, the file is as it was. */
  g_assert_true (mscos_library_get_has_unsaved_changes (library));
  g_assert_cmpstr (mscos_library_entry_get_note (mscos_library_lookup (library, PACK_ID,
                                                                       QUOTE_ID)),
                   ==, "Kept in memory");
  unchanged = read_file (path);
  g_assert_cmpstr (unchanged, ==, original);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  assert_no_temporary_files ();
  g_assert_false (mscos_library_flush (library, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);

  /* The folder can be written again: the next retry, without any change, saves. */
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  wait_for_save (library);
  g_assert_null (mscos_library_get_save_error (library));
  g_assert_false (mscos_library_get_has_unsaved_changes (library));
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "Kept in memory"));

  /* Root again, to clean up. */
  g_clear_object (&library);
  if (was_root)
    {
      g_assert_cmpint (seteuid (0), ==, 0);
      g_assert_cmpint (setegid (0), ==, 0);
    }
}

static void
test_full_disk (void)
{
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (GString) long_note = NULL;
  g_autofree char *original = NULL;
  g_autofree char *path = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *contents = NULL;
  struct rlimit limit, small;
  MscosItem *quote;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  pack = load_pack ();
  quote = get_item (pack, QUOTE_ID);
  path = dup_library_path ();
  original = save_first_version (pack);
  library = new_loaded_library ();
  mscos_library_set_save_delays (library, 50, 200);

  /* No file may grow past 4 KB: writes fail as on a full disk. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  small = limit;
  small.rlim_cur = 4096;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);

  long_note = g_string_new (NULL);
  for (guint i = 0; i < 1000; i++)
    g_string_append (long_note, "words ");
  mscos_library_set_note (library, PACK_ID, quote, long_note->str);
  wait_for_save_error (library);
  g_test_message ("%s", mscos_library_get_save_error (library));
  g_assert_true (g_str_has_prefix (mscos_library_get_save_error (library),
                                   "Your notes could not be saved: File too large."));
  unchanged = read_file (path);
  g_assert_cmpstr (unchanged, ==, original);
  assert_no_temporary_files ();

  /* More typing fails too, and loses nothing. */
  g_string_append (long_note, "and more");
  mscos_library_set_note (library, PACK_ID, quote, long_note->str);
  iterate_for (300);
  g_assert_nonnull (mscos_library_get_save_error (library));
  g_clear_pointer (&unchanged, g_free);
  unchanged = read_file (path);
  g_assert_cmpstr (unchanged, ==, original);
  assert_no_temporary_files ();

  /* Space comes back; the next change saves everything. */
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_string_append (long_note, ", done");
  mscos_library_set_note (library, PACK_ID, quote, long_note->str);
  while (mscos_library_get_has_unsaved_changes (library))
    wait_for_save (library);
  g_assert_null (mscos_library_get_save_error (library));
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "and more, done"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/library/missing-file", test_missing_file);
  g_test_add_func ("/core/library/many-short-entries", test_many_short_entries);
  g_test_add_func ("/core/library/round-trip", test_round_trip);
  g_test_add_func ("/core/library/note-removal-keeps-bookmark", test_note_removal_keeps_bookmark);
  g_test_add_func ("/core/library/empty-entry-leaves-model", test_empty_entry_leaves_model);
  g_test_add_func ("/core/library/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/core/library/row-changes", test_row_changes);
  g_test_add_func ("/core/library/restore", test_restore);
  g_test_add_data_func ("/core/library/corrupt/garbage",
                        "this is not JSON {", test_corrupt);
  g_test_add_data_func ("/core/library/corrupt/truncated",
                        "{\n  \"format\": \"mscos-library\",\n  \"version\": 1,\n  \"entries\": [\n"
                        "    {\n      \"pack\": \"test.every-kind\",\n      \"item\": \"saf",
                        test_corrupt);
  g_test_add_data_func ("/core/library/corrupt/wrong-types",
                        "{ \"format\": \"mscos-library\", \"version\": \"1\", \"entries\": {} }",
                        test_corrupt);
  g_test_add_data_func ("/core/library/corrupt/not-a-library",
                        "[ \"format\", \"mscos-library\" ]", test_corrupt);
  g_test_add_data_func ("/core/library/corrupt/empty", "", test_corrupt);
  g_test_add_func ("/core/library/corrupt/bad-entry-among-good", test_bad_entry_among_good);
  g_test_add_func ("/core/library/corrupt/duplicate-entries", test_duplicate_entries);
  g_test_add_func ("/core/library/corrupt/twice", test_unreadable_twice);
  g_test_add_func ("/core/library/corrupt/restored-from-backup", test_restored_from_backup);
  g_test_add_func ("/core/library/newer-version", test_newer_version);
  g_test_add_func ("/core/library/newer-version/start-new", test_newer_version_start_new);
  g_test_add_func ("/core/library/read-only", test_read_only);
  g_test_add_func ("/core/library/backup", test_backup);
  g_test_add_func ("/core/library/backup-forgets-deleted", test_backup_forgets_deleted);
  g_test_add_func ("/core/library/file-mode", test_file_mode);
  g_test_add_func ("/core/library/temporary-files-removed", test_temporary_files_removed);
  g_test_add_func ("/core/library/orphaned-notes", test_orphaned_notes);
  g_test_add_func ("/core/library/changed-since", test_changed_since);
  g_test_add_func ("/core/library/rapid-edits", test_rapid_edits);
  g_test_add_func ("/core/library/continuous-edits", test_continuous_edits);
  g_test_add_func ("/core/library/flush", test_flush);
  g_test_add_func ("/core/library/flush-during-save", test_flush_during_save);
  g_test_add_func ("/core/library/flush-before-load", test_flush_before_load);
  g_test_add_func ("/core/library/edits-before-load", test_edits_before_load);
  g_test_add_func ("/core/library/export-markdown", test_export_markdown);
  g_test_add_func ("/core/library/export-markdown-unattributed", test_export_markdown_unattributed);
  g_test_add_func ("/core/library/export-import", test_export_import);
  g_test_add_func ("/core/library/import-merge", test_import_merge);
  g_test_add_func ("/core/library/import-whole-note", test_import_whole_note);
  g_test_add_func ("/core/library/import-invalid", test_import_invalid);
  g_test_add_func ("/core/library/save-fails/read-only-folder", test_read_only_folder);
  g_test_add_func ("/core/library/save-fails/full-disk", test_full_disk);

  return g_test_run ();
}
