/* test-review-session.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mscos-review-session.h"

/* A review under way: the built-in pack against the revision made of it at build time
 * (tests/data/review/make-revision.py), its banner and counts, and its file of comments kept
 * as the library's is: saved, read again, a corrupt one set aside. */

static MscosContentPack *
load_pack (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  MscosContentPack *pack = mscos_content_pack_load (file, NULL, &error);

  g_assert_no_error (error);

  return pack;
}

typedef struct
{
  MscosContentPack *base;
  MscosContentPack *pack;
  char             *folder_path;
  GFile            *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *base_path = g_build_filename (SOURCE_ROOT, "resources", "content",
                                                 "mscos.json", NULL);
  g_autofree char *new_path = g_test_build_filename (G_TEST_BUILT, "core", "mscos-revision.json",
                                                     NULL);
  g_autoptr (GError) error = NULL;

  fixture->base = load_pack (base_path);
  fixture->pack = load_pack (new_path);
  fixture->folder_path = g_dir_make_tmp ("review-session-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->folder = g_file_new_for_path (fixture->folder_path);
}

static gboolean
remove_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (file, "standard::name",
                                                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                    NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr (GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }

  return g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_clear_object (&fixture->folder);
  g_clear_pointer (&fixture->folder_path, g_free);
  g_clear_object (&fixture->pack);
  g_clear_object (&fixture->base);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (mscos_durable_store_load_finish (MSCOS_DURABLE_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static MscosReviewSession *
open_session (Fixture *fixture)
{
  MscosReviewSession *session = mscos_review_session_new (fixture->base, fixture->pack,
                                                          fixture->folder);
  gboolean done = FALSE;

  mscos_durable_store_load_async (MSCOS_DURABLE_STORE (session), NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  return session;
}

static void
test_title_and_counts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (MscosReviewSession) session = open_session (fixture);
  g_autofree char *title = mscos_review_session_dup_title (session);
  g_autofree char *summary = mscos_review_session_dup_summary (session, NULL);
  g_autofree char *safety = mscos_review_session_dup_summary (session, "safety");
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("Reviewing %s against %s",
                              mscos_content_pack_get_revision (fixture->pack),
                              mscos_content_pack_get_revision (fixture->base));
  g_assert_cmpstr (title, ==, expected);

  /* make-revision.py's edits: something of every type of change. */
  g_test_message ("%s; safety: %s", summary, safety);
  g_assert_true (g_regex_match_simple ("^[0-9]+ changed, [0-9]+ new, [0-9]+ removed, "
                                       "[0-9]+ moved$", summary, 0, 0));
  g_assert_true (g_str_match_string ("changed", safety, FALSE));
  g_assert_true (g_str_match_string ("removed", safety, FALSE));
  g_assert_cmpuint (mscos_pack_diff_count_in_outcome (mscos_review_session_get_diff (session),
                                                      "safety"), >, 0);
}

static void
test_same_pack (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (MscosReviewSession) session = mscos_review_session_new (fixture->base, fixture->base,
                                                                     fixture->folder);
  g_autofree char *summary = mscos_review_session_dup_summary (session, NULL);

  g_assert_cmpstr (summary, ==, "No changes");
}

/* The file is one a revision, under the folder, whatever the revision's label holds. */
static void
test_file_name (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GFile) file = mscos_review_session_dup_file_for (fixture->folder, fixture->pack);
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autoptr (GFile) grandparent = g_file_get_parent (parent);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *expected = g_strconcat (mscos_content_pack_get_revision (fixture->pack),
                                           ".jsonld", NULL);

  g_assert_true (g_file_equal (grandparent, fixture->folder));
  g_assert_cmpstr (name, ==, expected);
}

/* The first item the revision under review changed. */
static const char *
first_changed_item (MscosReviewSession *session)
{
  GListModel *changes = G_LIST_MODEL (mscos_review_session_get_diff (session));

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (MscosPackChange) change = g_list_model_get_item (changes, i);

      if (mscos_pack_change_get_part (change) == MSCOS_PACK_PART_ITEM
          && mscos_pack_change_get_change_type (change) == MSCOS_CHANGE_CHANGED)
        return mscos_pack_change_get_id (change);
    }

  g_assert_not_reached ();
}

/* A comment is saved, private, and read again with its quote; the review keeps its id. */
static void
test_saved_and_read (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (MscosReviewSession) session = open_session (fixture);
  g_autoptr (MscosReviewSession) again = NULL;
  g_autoptr (MscosReviewQuote) quote = mscos_review_quote_new ("kept", "words ", " here");
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *review_id = NULL;
  g_autofree char *comment_id = NULL;
  MscosReviewComment *comment;
  MscosReviewComment *read;
  GFile *file;

  comment = mscos_review_session_add_comment (session, first_changed_item (session),
                                              MSCOS_COMMENT_CHANGE_REQUEST, "Say who.",
                                              "Ana Silva", quote);
  mscos_review_session_add_comment (session, NULL, MSCOS_COMMENT_QUESTION, "Why now?",
                                    "Ana Silva", NULL);
  g_assert_nonnull (mscos_review_comment_get_outcome_id (comment));
  g_assert_true (mscos_durable_store_get_has_unsaved_changes (MSCOS_DURABLE_STORE (session)));
  g_assert_true (mscos_durable_store_flush (MSCOS_DURABLE_STORE (session), &error));
  g_assert_no_error (error);

  file = mscos_durable_store_get_file (MSCOS_DURABLE_STORE (session));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0777,
                    ==, 0600);

  review_id = g_strdup (mscos_review_get_id (mscos_review_session_get_review (session)));
  comment_id = g_strdup (mscos_review_comment_get_id (comment));
  g_clear_object (&session);

  again = open_session (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mscos_review_session_get_review (again))),
                    ==, 2);
  g_assert_cmpstr (mscos_review_get_id (mscos_review_session_get_review (again)), ==, review_id);
  read = mscos_review_lookup (mscos_review_session_get_review (again),
                              comment_id);
  g_assert_nonnull (read);
  g_assert_cmpstr (mscos_review_comment_get_text (read), ==, "Say who.");
  g_assert_cmpstr (mscos_review_quote_get_exact (mscos_review_comment_get_quote (read)), ==,
                   "kept");
  g_assert_false (mscos_durable_store_get_has_unsaved_changes (MSCOS_DURABLE_STORE (again)));
}

/* A file that is not a review is set aside, reported, and a new one started. */
static void
test_corrupt_set_aside (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GFile) file = mscos_review_session_dup_file_for (fixture->folder, fixture->pack);
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autoptr (MscosReviewSession) session = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;
  GFile *moved;

  g_assert_true (g_file_make_directory_with_parents (parent, NULL, &error));
  g_assert_true (g_file_set_contents (g_file_peek_path (file), "{\"not\": \"a review\"", -1,
                                      &error));

  session = open_session (fixture);
  moved = mscos_durable_store_get_moved_aside_file (MSCOS_DURABLE_STORE (session));
  g_assert_nonnull (moved);
  g_assert_true (g_file_get_contents (g_file_peek_path (moved), &kept, NULL, &error));
  g_assert_cmpstr (kept, ==, "{\"not\": \"a review\"");
  g_assert_true (g_str_match_string ("review file could not be read",
                                     mscos_durable_store_get_load_problem (MSCOS_DURABLE_STORE (session)),
                                     FALSE));

  mscos_review_session_add_comment (session, NULL, MSCOS_COMMENT_COMMENT, "Fine.", "Ana", NULL);
  g_assert_true (mscos_durable_store_flush (MSCOS_DURABLE_STORE (session), &error));
  g_assert_no_error (error);
}

/* Other reviewers' files merge in; a comment already here is not doubled. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (MscosReviewSession) session = open_session (fixture);
  MscosReview *review = mscos_review_session_get_review (session);
  const char *names[] = { "review-ana.jsonld", "review-team.jsonld" };
  GBytes *files[2];
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  guint n_merged;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "review", names[i],
                                                     NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);

      files[i] = g_file_load_bytes (file, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  g_assert_true (mscos_review_session_merge (session, files, names, 2, &report, &error));
  g_assert_no_error (error);
  g_test_message ("%s", report);
  n_merged = g_list_model_get_n_items (G_LIST_MODEL (review));
  g_assert_cmpuint (n_merged, ==, 3);
  g_assert_true (g_str_has_prefix (report, "Merged 2 files: 3 comments added, 0 updated, 0 "
                                           "already here.\n"));
  g_assert_true (g_str_match_string ("kept the newer version", report, FALSE));

  /* Again: nothing doubled. */
  g_clear_pointer (&report, g_free);
  g_assert_true (mscos_review_session_merge (session, files, names, 2, &report, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (review)), ==, n_merged);
  g_assert_true (g_str_has_prefix (report, "Merged 2 files: 0 comments added, 0 updated, 3 "
                                           "already here."));

  for (guint i = 0; i < 2; i++)
    g_bytes_unref (files[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/review-session/title-and-counts", test_title_and_counts);
  ADD ("/core/review-session/same-pack", test_same_pack);
  ADD ("/core/review-session/file-name", test_file_name);
  ADD ("/core/review-session/saved-and-read", test_saved_and_read);
  ADD ("/core/review-session/corrupt-set-aside", test_corrupt_set_aside);
  ADD ("/core/review-session/merge", test_merge);
#undef ADD

  return g_test_run ();
}
