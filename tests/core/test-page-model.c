/* test-page-model.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mscos-content-pack.h"
#include "mscos-page-feed.h"
#include "mscos-page-model.h"

/* A page with a quote, a resource that holds a quote and a set with nested recommendations, a
 * set of its own and a closing quote. */
static const char page_json[] =
  "{\"format\": \"mscos-content-pack\", \"version\": 1,"
  " \"pack\": {\"id\": \"test.page\", \"title\": \"Test\", \"revision\": \"1\", \"date\": \"2026-11-28\","
  "           \"language\": \"en-GB\"},"
  " \"outcomes\": [{\"id\": \"o\", \"group\": \"core-outcome\", \"title\": \"Outcome\", \"summary\": \"Sum\", \"descriptor\": [{\"type\": \"paragraph\", \"text\": \"D\"}],"
  "   \"link\": {\"title\": \"Web\", \"uri\": \"https://example.org/\"},"
  "   \"sections\": [{\"id\": \"o.s\", \"title\": \"Section\", \"items\": ["
  "     {\"id\": \"q1\", \"kind\": \"quote\", \"text\": \"One\", \"speaker\": \"A\"},"
  "     {\"id\": \"r1\", \"kind\": \"resource\", \"title\": \"Report\", \"type\": \"report\", \"summary\": \"S\","
  "      \"body\": [{\"type\": \"paragraph\", \"text\": \"P1\"}, {\"type\": \"paragraph\", \"text\": \"P2\"}],"
  "      \"links\": [{\"title\": \"L\", \"uri\": \"https://example.org/l\"}],"
  "      \"items\": [{\"id\": \"r1.q\", \"kind\": \"quote\", \"text\": \"Two\", \"speaker\": \"B\"},"
  "                {\"id\": \"r1.set\", \"kind\": \"recommendations\", \"title\": \"Recs\", \"groups\": ["
  "                  {\"title\": \"Group\", \"style\": \"numbered\", \"items\": ["
  "                    {\"id\": \"r1.a\", \"text\": \"A\", \"style\": \"bulleted\", \"items\": [{\"id\": \"r1.a.1\", \"text\": \"A1\"}]},"
  "                    {\"id\": \"r1.b\", \"text\": \"B\"}]}]}]},"
  "     {\"id\": \"s1\", \"kind\": \"recommendations\", \"title\": \"Set\", \"source\": \"Org\", \"groups\": ["
  "       {\"style\": \"numbered\", \"items\": [{\"id\": \"s1.a\", \"text\": \"SA\"}, {\"id\": \"s1.b\", \"text\": \"SB\"}]}]},"
  "     {\"id\": \"q2\", \"kind\": \"quote\", \"text\": \"Three\", \"speaker\": \"C\"}]}]}]}";

typedef struct
{
  MscosContentPack *pack;
  MscosPageModel   *model;
  /* The rows as the model's items-changed signals say they are. */
  GPtrArray        *mirror;
  guint             n_changes;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->n_changes++;
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (page_json, sizeof page_json - 1);
  g_autoptr (GError) error = NULL;
  MscosOutcome *outcome;
  guint n;

  fixture->pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  outcome = mscos_content_pack_lookup_outcome (fixture->pack, "o");
  fixture->model = mscos_page_model_new (outcome);
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);

  n = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (fixture->mirror, g_list_model_get_item (G_LIST_MODEL (fixture->model), i));
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->mirror, g_ptr_array_unref);
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->pack);
}

static MscosPageRow *
row_at (Fixture *fixture,
        guint    position)
{
  g_autoptr (MscosPageRow) row = g_list_model_get_item (G_LIST_MODEL (fixture->model), position);

  g_assert_nonnull (row);
  return row;
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
}

static MscosPageRow *
row_of (Fixture    *fixture,
        const char *item_id)
{
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      MscosPageRow *row = row_at (fixture, i);
      MscosItem *item = mscos_page_row_get_item (row);

      if (item != NULL && g_strcmp0 (mscos_item_get_id (item), item_id) == 0
          && (mscos_page_row_get_kind (row) == MSCOS_PAGE_ROW_ITEM
              || mscos_page_row_get_kind (row) == MSCOS_PAGE_ROW_RECOMMENDATION))
        return row;
    }

  return NULL;
}

/* The signals told the whole story, and every row knows where it is. */
static void
assert_consistent (Fixture *fixture)
{
  g_assert_cmpuint (fixture->mirror->len, ==, n_rows (fixture));
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      MscosPageRow *row = row_at (fixture, i);

      g_assert_true (g_ptr_array_index (fixture->mirror, i) == row);
      g_assert_cmpuint (mscos_page_model_get_position (fixture->model, row), ==, i);
    }
}

/* The kinds of the rows shown, as letters: H header, S section, I item, B block, L links,
 * T set intro, G group, R recommendation. */
static char *
dup_shape (Fixture *fixture)
{
  GString *shape = g_string_new (NULL);

  for (guint i = 0; i < n_rows (fixture); i++)
    g_string_append_c (shape, "HSIBLTGR"[mscos_page_row_get_kind (row_at (fixture, i))]);

  return g_string_free (shape, FALSE);
}

static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *shape = dup_shape (fixture);
  MscosPageRow *q1 = row_of (fixture, "q1");

  g_assert_cmpstr (shape, ==, "HSIIII");
  g_assert_true (mscos_page_row_get_outcome (row_at (fixture, 0)) == mscos_page_model_get_outcome (fixture->model));
  g_assert_cmpstr (mscos_section_get_title (mscos_page_row_get_section (row_at (fixture, 1))), ==, "Section");
  g_assert_cmpuint (mscos_page_row_get_n_frames (row_at (fixture, 1)), ==, 0);
  g_assert_cmpuint (mscos_page_row_get_n_frames (q1), ==, 1);
  g_assert_true (mscos_page_row_get_frame_first (q1, 0));
  g_assert_true (mscos_page_row_get_frame_last (q1, 0));
  g_assert_false (mscos_page_row_get_expandable (q1));
  g_assert_true (mscos_page_row_get_expandable (row_of (fixture, "r1")));
  g_assert_true (mscos_page_row_get_expandable (row_of (fixture, "s1")));
  assert_consistent (fixture);
}

static void
test_expand_resource (Fixture       *fixture,
                      gconstpointer  data)
{
  MscosPageRow *r1 = row_of (fixture, "r1");
  MscosPageRow *set;
  g_autofree char *shape = NULL;

  mscos_page_row_set_expanded (r1, TRUE);
  shape = dup_shape (fixture);
  g_assert_cmpstr (shape, ==, "HSIIBBLIIII");
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_true (mscos_page_row_get_expanded (r1));
  assert_consistent (fixture);

  /* The resource's card now runs from its row to the set it holds. */
  g_assert_false (mscos_page_row_get_frame_last (r1, 0));
  set = row_of (fixture, "r1.set");
  g_assert_cmpuint (mscos_page_row_get_n_frames (set), ==, 2);
  g_assert_true (mscos_page_row_get_frame_item (set, 0) == mscos_page_row_get_item (r1));
  g_assert_true (mscos_page_row_get_frame_first (set, 1));
  g_assert_true (mscos_page_row_get_frame_last (set, 1));
  g_assert_true (mscos_page_row_get_frame_last (set, 0));
  g_assert_cmpstr (mscos_block_get_text (mscos_page_row_get_block (row_at (fixture, 4))), ==, "P1");
  g_assert_false (mscos_page_row_get_frame_last (row_at (fixture, 6), 0));
}

static void
test_nested_set (Fixture       *fixture,
                 gconstpointer  data)
{
  MscosPageRow *r1 = row_of (fixture, "r1");
  MscosPageRow *set, *a1, *b;
  g_autofree char *shape = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *reopened = NULL;

  mscos_page_row_set_expanded (r1, TRUE);
  set = row_of (fixture, "r1.set");
  mscos_page_row_set_expanded (set, TRUE);
  shape = dup_shape (fixture);
  g_assert_cmpstr (shape, ==, "HSIIBBLIIGRRRII");
  assert_consistent (fixture);

  a1 = row_of (fixture, "r1.a.1");
  b = row_of (fixture, "r1.b");
  g_assert_cmpuint (mscos_page_row_get_level (row_of (fixture, "r1.a")), ==, 0);
  g_assert_cmpuint (mscos_page_row_get_level (a1), ==, 1);
  g_assert_cmpuint (mscos_page_row_get_n_frames (a1), ==, 2);
  g_assert_false (mscos_page_row_get_frame_last (set, 1));
  g_assert_false (mscos_page_row_get_frame_last (set, 0));
  g_assert_true (mscos_page_row_get_frame_last (b, 1));
  g_assert_true (mscos_page_row_get_frame_last (b, 0));
  g_assert_false (mscos_page_row_get_frame_last (a1, 1));

  /* Closing the resource hides the open set too, which stays open for next time. */
  mscos_page_row_set_expanded (r1, FALSE);
  closed = dup_shape (fixture);
  g_assert_cmpstr (closed, ==, "HSIIII");
  g_assert_true (mscos_page_row_get_frame_last (r1, 0));
  g_assert_cmpuint (mscos_page_model_get_position (fixture->model, a1), ==, G_MAXUINT);
  g_assert_true (mscos_page_row_get_expanded (set));
  assert_consistent (fixture);

  mscos_page_row_set_expanded (r1, TRUE);
  reopened = dup_shape (fixture);
  g_assert_cmpstr (reopened, ==, shape);
  g_assert_true (row_of (fixture, "r1.a.1") == a1);
  assert_consistent (fixture);
}

static void
test_expand_all (Fixture       *fixture,
                 gconstpointer  data)
{
  MscosPageRow *q2 = row_of (fixture, "q2");
  g_autofree char *shape = NULL;
  g_autofree char *closed = NULL;
  guint changes;

  mscos_page_model_set_all_expanded (fixture->model, TRUE);
  shape = dup_shape (fixture);
  g_assert_cmpstr (shape, ==, "HSIIBBLIIGRRRITRRI");
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_true (mscos_page_row_get_expanded (row_of (fixture, "r1.set")));
  g_assert_true (mscos_page_row_get_expanded (row_of (fixture, "s1")));
  /* The rows around the change are the same objects. */
  g_assert_true (row_of (fixture, "q2") == q2);
  assert_consistent (fixture);

  changes = fixture->n_changes;
  mscos_page_model_set_all_expanded (fixture->model, TRUE);
  g_assert_cmpuint (fixture->n_changes, ==, changes);

  mscos_page_model_set_all_expanded (fixture->model, FALSE);
  closed = dup_shape (fixture);
  g_assert_cmpstr (closed, ==, "HSIIII");
  g_assert_false (mscos_page_row_get_expanded (row_of (fixture, "r1")));
  g_assert_true (mscos_page_row_get_frame_last (row_of (fixture, "s1"), 0));
  assert_consistent (fixture);

  /* Collapse All closed the nested set as well. */
  mscos_page_row_set_expanded (row_of (fixture, "r1"), TRUE);
  g_assert_false (mscos_page_row_get_expanded (row_of (fixture, "r1.set")));
  assert_consistent (fixture);
}

static void
test_reveal (Fixture       *fixture,
             gconstpointer  data)
{
  MscosItem *item = mscos_content_pack_lookup_item (fixture->pack, "r1.a.1");
  MscosPageRow *row = mscos_page_model_reveal (fixture->model, item);
  guint position;

  g_assert_nonnull (row);
  g_assert_true (mscos_page_row_get_item (row) == item);
  position = mscos_page_model_get_position (fixture->model, row);
  g_assert_cmpuint (position, <, n_rows (fixture));
  g_assert_true (row_at (fixture, position) == row);
  g_assert_true (mscos_page_row_get_expanded (row_of (fixture, "r1")));
  g_assert_true (mscos_page_row_get_expanded (row_of (fixture, "r1.set")));
  g_assert_false (mscos_page_row_get_expanded (row_of (fixture, "s1")));
  assert_consistent (fixture);

  /* A recommendation of a group without a heading, which has no row of its own. */
  item = mscos_content_pack_lookup_item (fixture->pack, "s1.b");
  row = mscos_page_model_reveal (fixture->model, item);
  g_assert_nonnull (row);
  g_assert_true (mscos_page_row_get_item (row) == item);
  g_assert_true (mscos_page_row_get_expanded (row_of (fixture, "s1")));
  assert_consistent (fixture);

  /* An item of the page itself needs nothing opened. */
  item = mscos_content_pack_lookup_item (fixture->pack, "q2");
  g_assert_true (mscos_page_model_reveal (fixture->model, item) == row_of (fixture, "q2"));
}

static void
test_controls (Fixture       *fixture,
               gconstpointer  data)
{
  guint q1 = mscos_page_model_get_position (fixture->model, row_of (fixture, "q1"));
  guint r1 = mscos_page_model_get_position (fixture->model, row_of (fixture, "r1"));
  guint links;

  /* The header has the page's link; the section heading has no control. */
  g_assert_true (mscos_page_row_has_controls (row_at (fixture, 0)));
  g_assert_false (mscos_page_row_has_controls (row_at (fixture, 1)));
  g_assert_cmpuint (mscos_page_model_find_control_row (fixture->model, G_MAXUINT, TRUE), ==, 0);
  g_assert_cmpuint (mscos_page_model_find_control_row (fixture->model, 0, TRUE), ==, q1);
  g_assert_cmpuint (mscos_page_model_find_control_row (fixture->model, q1, FALSE), ==, 0);
  g_assert_cmpuint (mscos_page_model_find_control_row (fixture->model, 0, FALSE), ==, G_MAXUINT);
  g_assert_cmpuint (mscos_page_model_find_control_row (fixture->model, G_MAXUINT, FALSE), ==,
                    n_rows (fixture) - 1);

  /* Tab goes past the resource's paragraphs to its links. */
  mscos_page_row_set_expanded (row_of (fixture, "r1"), TRUE);
  links = mscos_page_model_find_control_row (fixture->model, r1, TRUE);
  g_assert_cmpint (mscos_page_row_get_kind (row_at (fixture, links)), ==, MSCOS_PAGE_ROW_LINKS);
  g_assert_cmpuint (mscos_page_model_find_control_row (fixture->model, links, FALSE), ==, r1);
  g_assert_cmpuint (mscos_page_model_find_control_row (fixture->model, n_rows (fixture) - 1, TRUE), ==,
                    G_MAXUINT);
}

static void
test_highlight (Fixture       *fixture,
                gconstpointer  data)
{
  MscosPageRow *q1 = row_of (fixture, "q1");
  MscosPageRow *q2 = row_of (fixture, "q2");

  mscos_page_model_set_highlighted (fixture->model, q1);
  g_assert_true (mscos_page_row_get_highlighted (q1));
  mscos_page_model_set_highlighted (fixture->model, q2);
  g_assert_false (mscos_page_row_get_highlighted (q1));
  g_assert_true (mscos_page_row_get_highlighted (q2));
  mscos_page_model_set_highlighted (fixture->model, NULL);
  g_assert_false (mscos_page_row_get_highlighted (q2));
}

/* A row a list item still holds after the page has gone can be toggled without harm. */
static void
test_outlives_model (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (MscosPageRow) r1 = g_object_ref (row_of (fixture, "r1"));

  g_clear_pointer (&fixture->mirror, g_ptr_array_unref);
  g_clear_object (&fixture->model);
  mscos_page_row_set_expanded (r1, TRUE);
  g_assert_true (mscos_page_row_get_expanded (r1));
}

/* The feed's own rows, as its signals say they are. */
typedef struct
{
  MscosPageFeed *feed;
  GPtrArray     *mirror;
  guint          n_changes;
} FeedWatch;

static void
feed_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 FeedWatch  *watch)
{
  watch->n_changes++;
  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
feed_watch_init (FeedWatch *watch,
                 Fixture   *fixture)
{
  watch->feed = mscos_page_feed_new (fixture->model);
  watch->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  watch->n_changes = 0;
  g_signal_connect (watch->feed, "items-changed", G_CALLBACK (feed_changed_cb), watch);
}

static void
feed_watch_clear (FeedWatch *watch)
{
  g_clear_object (&watch->feed);
  g_clear_pointer (&watch->mirror, g_ptr_array_unref);
}

/* The feed holds what its signals said, and once caught up, every row of the model. */
static void
assert_feed (FeedWatch *watch,
             Fixture   *fixture)
{
  GListModel *feed = G_LIST_MODEL (watch->feed);

  g_assert_cmpuint (watch->mirror->len, ==, g_list_model_get_n_items (feed));
  for (guint i = 0; i < watch->mirror->len; i++)
    {
      g_autoptr (GObject) row = g_list_model_get_item (feed, i);

      g_assert_true (g_ptr_array_index (watch->mirror, i) == row);
    }

  if (mscos_page_feed_is_caught_up (watch->feed))
    {
      g_assert_cmpuint (g_list_model_get_n_items (feed), ==, n_rows (fixture));
      for (guint i = 0; i < n_rows (fixture); i++)
        g_assert_true (g_ptr_array_index (watch->mirror, i) == row_at (fixture, i));
    }
}

static guint
feed_position (FeedWatch    *watch,
               MscosPageRow *row)
{
  for (guint i = 0; i < watch->mirror->len; i++)
    if (g_ptr_array_index (watch->mirror, i) == row)
      return i;

  g_assert_not_reached ();
}

static void
test_feed_fills (Fixture       *fixture,
                 gconstpointer  data)
{
  FeedWatch watch;
  guint steps = 0;

  feed_watch_init (&watch, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (watch.feed)), ==, 0);
  g_assert_false (mscos_page_feed_is_caught_up (watch.feed));

  while (!mscos_page_feed_is_caught_up (watch.feed))
    {
      guint before = g_list_model_get_n_items (G_LIST_MODEL (watch.feed));

      g_assert_cmpuint (mscos_page_feed_step (watch.feed, 0, 2), <=, 2);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (watch.feed)), <=, before + 2);
      assert_feed (&watch, fixture);
      g_assert_cmpuint (++steps, <, 10);
    }
  g_assert_cmpuint (steps, ==, 3);
  assert_feed (&watch, fixture);
  feed_watch_clear (&watch);
}

static void
test_feed_follows (Fixture       *fixture,
                   gconstpointer  data)
{
  FeedWatch watch;

  feed_watch_init (&watch, fixture);
  mscos_page_feed_catch_up (watch.feed);
  assert_feed (&watch, fixture);
  g_assert_cmpuint (watch.n_changes, ==, 1);

  /* Opening the resource and its set: thirteen rows, given two a step in the page's order. */
  mscos_page_row_set_expanded (row_of (fixture, "r1"), TRUE);
  mscos_page_row_set_expanded (row_of (fixture, "r1.set"), TRUE);
  g_assert_false (mscos_page_feed_is_caught_up (watch.feed));
  g_assert_cmpuint (mscos_page_feed_step (watch.feed, 0, 2), ==, 2);
  assert_feed (&watch, fixture);
  g_assert_true (g_ptr_array_index (watch.mirror, 4) == row_at (fixture, 4));
  while (mscos_page_feed_step (watch.feed, 0, 2) > 0)
    assert_feed (&watch, fixture);
  g_assert_true (mscos_page_feed_is_caught_up (watch.feed));
  assert_feed (&watch, fixture);

  /* Closing removes rows the same way. */
  mscos_page_row_set_expanded (row_of (fixture, "r1"), FALSE);
  g_assert_cmpuint (mscos_page_feed_step (watch.feed, 0, 3), ==, 3);
  assert_feed (&watch, fixture);
  while (mscos_page_feed_step (watch.feed, 0, 3) > 0)
    assert_feed (&watch, fixture);
  g_assert_true (mscos_page_feed_is_caught_up (watch.feed));
  assert_feed (&watch, fixture);
  feed_watch_clear (&watch);
}

static void
test_feed_from (Fixture       *fixture,
                gconstpointer  data)
{
  FeedWatch watch;
  MscosPageRow *above;
  guint s1, changes;

  feed_watch_init (&watch, fixture);
  mscos_page_feed_catch_up (watch.feed);

  /* With the screen beginning at the second set, its rows come first; the resource's, above,
   * wait until the feed catches up. */
  mscos_page_model_set_all_expanded (fixture->model, TRUE);
  s1 = feed_position (&watch, row_of (fixture, "s1"));
  g_assert_cmpuint (mscos_page_feed_step (watch.feed, s1, 100), ==, 3);
  assert_feed (&watch, fixture);
  g_assert_cmpuint (mscos_page_feed_step (watch.feed, s1, 100), ==, 0);
  g_assert_false (mscos_page_feed_is_caught_up (watch.feed));
  g_assert_cmpuint (watch.mirror->len, ==, 9);

  changes = watch.n_changes;
  mscos_page_feed_catch_up (watch.feed);
  g_assert_cmpuint (watch.n_changes, ==, changes + 1);
  g_assert_true (mscos_page_feed_is_caught_up (watch.feed));
  assert_feed (&watch, fixture);

  /* With the screen beginning inside the resource, closing it takes the rows from there on
   * first, then those above. */
  s1 = feed_position (&watch, row_of (fixture, "r1.set"));
  above = g_ptr_array_index (watch.mirror, s1 - 1);
  mscos_page_model_set_all_expanded (fixture->model, FALSE);
  g_assert_cmpuint (mscos_page_feed_step (watch.feed, s1, 2), ==, 2);
  assert_feed (&watch, fixture);
  g_assert_true (g_ptr_array_index (watch.mirror, s1 - 1) == above);
  while (mscos_page_feed_step (watch.feed, s1, 2) > 0)
    assert_feed (&watch, fixture);
  /* The page's six rows and the four of the resource above where the screen begins. */
  g_assert_cmpuint (watch.mirror->len, ==, 10);
  g_assert_false (mscos_page_feed_is_caught_up (watch.feed));
  mscos_page_feed_catch_up (watch.feed);
  assert_feed (&watch, fixture);
  g_assert_true (mscos_page_feed_is_caught_up (watch.feed));
  feed_watch_clear (&watch);
}

/* A page of @n_sets sets of ten recommendations. */
static MscosContentPack *
new_sets_pack (guint n_sets)
{
  g_autoptr (GString) json = g_string_new (
    "{\"format\": \"mscos-content-pack\", \"version\": 1,"
    " \"pack\": {\"id\": \"test.sets\", \"title\": \"Test\", \"revision\": \"1\", \"date\": \"2026-11-28\","
    "           \"language\": \"en-GB\"},"
    " \"outcomes\": [{\"id\": \"o\", \"group\": \"core-outcome\", \"title\": \"Outcome\", \"summary\": \"Sum\","
    "   \"descriptor\": [{\"type\": \"paragraph\", \"text\": \"D\"}],"
    "   \"sections\": [{\"id\": \"o.s\", \"title\": \"Section\", \"items\": [");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  MscosContentPack *pack;

  for (guint i = 0; i < n_sets; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"s%u\", \"kind\": \"recommendations\", \"title\": \"Set %u\","
                              " \"groups\": [{\"style\": \"numbered\", \"items\": [",
                              i > 0 ? ", " : "", i, i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (json, "%s{\"id\": \"s%u.%u\", \"text\": \"R\"}", j > 0 ? ", " : "", i, j);
      g_string_append (json, "]}]}");
    }
  g_string_append (json, "]}]}]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return pack;
}

/* Closing every set of a long page: the rows past what the view binds go first, at once, then
 * those in it from the bottom up, so that every row that comes up into view stays. Given in
 * the page's order, a few a step, the view bound rows of the sets below only for them to go
 * the next step. */
static void
test_feed_closes (void)
{
  /* As mscos-page-feed.c's VIEW_ROWS: the rows from where the screen begins the view binds. */
  const guint view_rows = 40;
  g_autoptr (MscosContentPack) pack = new_sets_pack (30);
  g_autoptr (MscosPageModel) model = mscos_page_model_new (mscos_content_pack_lookup_outcome (pack, "o"));
  g_autoptr (MscosPageFeed) feed = mscos_page_feed_new (model);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n_steps = 0;

  mscos_page_model_set_all_expanded (model, TRUE);
  mscos_page_feed_catch_up (feed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (feed)), ==, 2 + 30 * 11);

  mscos_page_model_set_all_expanded (model, FALSE);
  while (!mscos_page_feed_is_caught_up (feed))
    {
      GListModel *rows = G_LIST_MODEL (feed);

      g_assert_cmpuint (mscos_page_feed_step (feed, 0, 2), >, 0);
      g_assert_cmpuint (++n_steps, <, view_rows);
      for (guint i = 0; i < MIN (view_rows, g_list_model_get_n_items (rows)); i++)
        {
          g_autoptr (MscosPageRow) row = g_list_model_get_item (rows, i);

          g_hash_table_add (seen, row);
        }
    }

  /* What the view held: the rows it had, and those that came up into it, which stay. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (feed)), ==, 2 + 30);
  g_assert_cmpuint (g_hash_table_size (seen), <=, view_rows + 2 + 30);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/page-model/closed", test_closed);
  ADD ("/core/page-model/expand-resource", test_expand_resource);
  ADD ("/core/page-model/nested-set", test_nested_set);
  ADD ("/core/page-model/expand-all", test_expand_all);
  ADD ("/core/page-model/reveal", test_reveal);
  ADD ("/core/page-model/controls", test_controls);
  ADD ("/core/page-model/highlight", test_highlight);
  ADD ("/core/page-model/outlives-model", test_outlives_model);
  ADD ("/core/page-feed/fills", test_feed_fills);
  ADD ("/core/page-feed/follows", test_feed_follows);
  ADD ("/core/page-feed/from", test_feed_from);
#undef ADD
  g_test_add_func ("/core/page-feed/closes", test_feed_closes);

  return g_test_run ();
}
