/* test-page-model-review.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mscos-content-pack.h"
#include "mscos-pack-diff.h"
#include "mscos-page-model.h"

/* An outcome page while a revision is reviewed: its rows carry their changes, the removed
 * items are rows where they were, and Show Only Changes hides the rest. */

#define PACK_HEAD \
  "{\"format\": \"mscos-content-pack\", \"version\": 1," \
  " \"pack\": {\"id\": \"test.review\", \"title\": \"Test\", \"revision\": \"%s\"," \
  "           \"date\": \"2026-11-28\", \"language\": \"en-GB\"}," \
  " \"outcomes\": [{\"id\": \"o\", \"group\": \"core-outcome\", \"title\": \"Outcome\"," \
  "   \"summary\": \"Sum\", \"descriptor\": [{\"type\": \"paragraph\", \"text\": \"D\"}]," \
  "   \"sections\": ["

static const char base_json[] =
  "{\"id\": \"o.s\", \"title\": \"First\", \"items\": ["
  "  {\"id\": \"q1\", \"kind\": \"quote\", \"text\": \"One\", \"speaker\": \"A\"},"
  "  {\"id\": \"t1\", \"kind\": \"text\", \"title\": \"Gone\", \"body\": [{\"type\": \"paragraph\", \"text\": \"G\"}]},"
  "  {\"id\": \"r1\", \"kind\": \"resource\", \"title\": \"Report\", \"type\": \"report\", \"summary\": \"S\","
  "   \"items\": [{\"id\": \"r1.q\", \"kind\": \"quote\", \"text\": \"Two\", \"speaker\": \"B\"},"
  "             {\"id\": \"r1.t\", \"kind\": \"quote\", \"text\": \"Three\", \"speaker\": \"C\"}]},"
  "  {\"id\": \"s1\", \"kind\": \"recommendations\", \"title\": \"Set\", \"groups\": ["
  "    {\"style\": \"numbered\", \"items\": ["
  "      {\"id\": \"s1.a\", \"label\": \"1.\", \"text\": \"Keep every survivor safe\"},"
  "      {\"id\": \"s1.b\", \"label\": \"2.\", \"text\": \"Listen\"},"
  "      {\"id\": \"s1.c\", \"label\": \"3.\", \"text\": \"Follow up\"}]}]},"
  "  {\"id\": \"q2\", \"kind\": \"quote\", \"text\": \"Four\", \"speaker\": \"D\"}]},"
  "{\"id\": \"o.t\", \"title\": \"Second\", \"items\": ["
  "  {\"id\": \"m1\", \"kind\": \"text\", \"title\": \"Mover\", \"body\": [{\"type\": \"paragraph\", \"text\": \"M\"}]},"
  "  {\"id\": \"t9\", \"kind\": \"text\", \"title\": \"Stays\", \"body\": [{\"type\": \"paragraph\", \"text\": \"T\"}]}]}"
  "]}]}";

/* q1 as it was; a new quote after it; t1 removed; r1 without its first quote; in s1 the first
 * recommendation reworded, the second removed and the third renumbered; q2 as it was; m1
 * moved here from the second section, where t9 stays. */
static const char revision_json[] =
  "{\"id\": \"o.s\", \"title\": \"First\", \"items\": ["
  "  {\"id\": \"q1\", \"kind\": \"quote\", \"text\": \"One\", \"speaker\": \"A\"},"
  "  {\"id\": \"n1\", \"kind\": \"quote\", \"text\": \"New words\", \"speaker\": \"E\"},"
  "  {\"id\": \"r1\", \"kind\": \"resource\", \"title\": \"Report\", \"type\": \"report\", \"summary\": \"S\","
  "   \"items\": [{\"id\": \"r1.t\", \"kind\": \"quote\", \"text\": \"Three\", \"speaker\": \"C\"}]},"
  "  {\"id\": \"s1\", \"kind\": \"recommendations\", \"title\": \"Set\", \"groups\": ["
  "    {\"style\": \"numbered\", \"items\": ["
  "      {\"id\": \"s1.a\", \"label\": \"1.\", \"text\": \"Keep all survivors safe\"},"
  "      {\"id\": \"s1.c\", \"label\": \"2.\", \"text\": \"Follow up\"}]}]},"
  "  {\"id\": \"q2\", \"kind\": \"quote\", \"text\": \"Four\", \"speaker\": \"D\"},"
  "  {\"id\": \"m1\", \"kind\": \"text\", \"title\": \"Mover\", \"body\": [{\"type\": \"paragraph\", \"text\": \"M\"}]}]},"
  "{\"id\": \"o.t\", \"title\": \"Second\", \"items\": ["
  "  {\"id\": \"t9\", \"kind\": \"text\", \"title\": \"Stays\", \"body\": [{\"type\": \"paragraph\", \"text\": \"T\"}]}]}"
  "]}]}";

typedef struct
{
  MscosContentPack *base;
  MscosContentPack *revision;
  MscosPackDiff    *diff;
  MscosPageModel   *model;
} Fixture;

static MscosContentPack *
load_pack (const char *revision,
           const char *sections)
{
  g_autofree char *json = g_strdup_printf (PACK_HEAD "%s", revision, sections);
  g_autoptr (GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = NULL;

  pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&pack);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->base = load_pack ("1", base_json);
  fixture->revision = load_pack ("2", revision_json);
  fixture->diff = mscos_pack_diff_new (fixture->base, fixture->revision);
  fixture->model = mscos_page_model_new_for_review (
    mscos_content_pack_lookup_outcome (fixture->revision, "o"), fixture->diff);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->diff);
  g_clear_object (&fixture->revision);
  g_clear_object (&fixture->base);
}

static MscosPageRow *
row_at (Fixture *fixture,
        guint    position)
{
  g_autoptr (MscosPageRow) row = g_list_model_get_item (G_LIST_MODEL (fixture->model), position);

  g_assert_nonnull (row);
  return row;
}

static MscosPageRow *
row_of (Fixture    *fixture,
        const char *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));

  for (guint i = 0; i < n; i++)
    {
      MscosPageRow *row = row_at (fixture, i);
      MscosItem *item = mscos_page_row_get_item (row);

      if (item != NULL && g_strcmp0 (mscos_item_get_id (item), id) == 0
          && mscos_page_row_get_kind (row) != MSCOS_PAGE_ROW_BLOCK)
        return row;
    }

  return NULL;
}

/* The rows shown, one word each: the kind's letter (H header, S section, I item, R
 * recommendation), the id, and the change: + new, - removed, ~ changed, > moved. */
static char *
dup_rows (Fixture *fixture)
{
  g_autoptr (GString) shape = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));

  for (guint i = 0; i < n; i++)
    {
      MscosPageRow *row = row_at (fixture, i);
      MscosPackChange *change = mscos_page_row_get_change (row);
      const char *marks = "+-~>";

      if (shape->len > 0)
        g_string_append_c (shape, ' ');
      switch (mscos_page_row_get_kind (row))
        {
        case MSCOS_PAGE_ROW_HEADER:
          g_string_append_c (shape, 'H');
          continue;
        case MSCOS_PAGE_ROW_SECTION:
          g_string_append_printf (shape, "S:%s", mscos_section_get_id (mscos_page_row_get_section (row)));
          break;
        case MSCOS_PAGE_ROW_RECOMMENDATION:
          g_string_append_printf (shape, "R:%s", mscos_item_get_id (mscos_page_row_get_item (row)));
          break;
        case MSCOS_PAGE_ROW_ITEM:
          g_string_append_printf (shape, "I:%s", mscos_item_get_id (mscos_page_row_get_item (row)));
          break;
        case MSCOS_PAGE_ROW_BLOCK:
        case MSCOS_PAGE_ROW_LINKS:
        case MSCOS_PAGE_ROW_SET_INTRO:
        case MSCOS_PAGE_ROW_GROUP:
        default:
          g_string_append_c (shape, '?');
          break;
        }
      if (change != NULL)
        g_string_append_c (shape, marks[mscos_pack_change_get_change_type (change)]);
    }

  return g_string_free (g_steal_pointer (&shape), FALSE);
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *rows = dup_rows (fixture);

  g_assert_cmpstr (rows, ==, "H S:o.s I:q1 I:t1- I:n1+ I:r1 I:s1 I:q2 I:m1> S:o.t I:t9");
}

static void
test_removed_row (Fixture       *fixture,
                  gconstpointer  data)
{
  MscosPageRow *row = row_of (fixture, "t1");

  /* The base pack's item, closed for good. */
  g_assert_true (mscos_page_row_is_removed (row));
  g_assert_true (mscos_content_pack_lookup_item (fixture->base, "t1") == mscos_page_row_get_item (row));
  g_assert_false (mscos_page_row_get_expandable (row));
  g_assert_null (mscos_page_row_get_old_item (row));
  g_assert_true (mscos_page_row_get_diff (row) == fixture->diff);
  /* Nothing to bookmark, note or open: Tab goes past it. */
  g_assert_false (mscos_page_row_has_controls (row));
}

static void
test_moved_row (Fixture       *fixture,
                gconstpointer  data)
{
  MscosPackChange *change = mscos_page_row_get_change (row_of (fixture, "m1"));

  g_assert_cmpstr (mscos_pack_change_get_old_section_id (change), ==, "o.t");
  g_assert_true (mscos_page_row_get_old_item (row_of (fixture, "m1"))
                 == mscos_content_pack_lookup_item (fixture->base, "m1"));
}

static void
test_open_items (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *rows = NULL;
  MscosPageRow *recommendation;

  mscos_page_model_set_expanded (fixture->model, row_of (fixture, "r1"), TRUE);
  mscos_page_model_set_expanded (fixture->model, row_of (fixture, "s1"), TRUE);
  rows = dup_rows (fixture);
  /* The removed quote first in the resource, where it was; in the set the removed
   * recommendation between the reworded one and the renumbered one. */
  g_assert_cmpstr (rows, ==,
                   "H S:o.s I:q1 I:t1- I:n1+ I:r1 I:r1.q- I:r1.t I:s1 R:s1.a~ R:s1.b- R:s1.c~"
                   " I:q2 I:m1> S:o.t I:t9");

  recommendation = row_of (fixture, "s1.c");
  g_assert_true (mscos_pack_change_has_member (mscos_page_row_get_change (recommendation), "label"));
  g_assert_cmpstr (mscos_item_get_label (mscos_page_row_get_old_item (recommendation)), ==, "3.");
  g_assert_cmpstr (mscos_item_get_text (mscos_page_row_get_old_item (row_of (fixture, "s1.a"))), ==,
                   "Keep every survivor safe");
  /* A removed recommendation has nothing to bookmark. */
  g_assert_false (mscos_page_row_has_controls (row_of (fixture, "s1.b")));
}

static void
test_only_changes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *only = NULL;
  g_autofree char *all = NULL;
  g_autofree char *open = NULL;

  mscos_page_model_set_only_changes (fixture->model, TRUE);
  only = dup_rows (fixture);
  /* The resource and the set hold changes; the second section has none left. */
  g_assert_cmpstr (only, ==, "H S:o.s I:t1- I:n1+ I:r1 I:s1 I:m1>");

  mscos_page_model_set_expanded (fixture->model, row_of (fixture, "s1"), TRUE);
  open = dup_rows (fixture);
  g_assert_cmpstr (open, ==, "H S:o.s I:t1- I:n1+ I:r1 I:s1 R:s1.a~ R:s1.b- R:s1.c~ I:m1>");

  mscos_page_model_set_only_changes (fixture->model, FALSE);
  all = dup_rows (fixture);
  g_assert_cmpstr (all, ==,
                   "H S:o.s I:q1 I:t1- I:n1+ I:r1 I:s1 R:s1.a~ R:s1.b- R:s1.c~ I:q2 I:m1> S:o.t I:t9");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->model)); i++)
    g_assert_cmpuint (mscos_page_model_get_position (fixture->model, row_at (fixture, i)), ==, i);
}

/* Jumping to an item Show Only Changes hides shows the whole page again. */
static void
test_reveal_hidden (Fixture       *fixture,
                    gconstpointer  data)
{
  MscosItem *q2 = mscos_content_pack_lookup_item (fixture->revision, "q2");
  MscosPageRow *row;

  mscos_page_model_set_only_changes (fixture->model, TRUE);
  row = mscos_page_model_reveal (fixture->model, q2);
  g_assert_false (mscos_page_model_get_only_changes (fixture->model));
  g_assert_cmpuint (mscos_page_model_get_position (fixture->model, row), !=, G_MAXUINT);
}

/* Not reviewing: no changes, and Show Only Changes does nothing. */
static void
test_not_reviewing (void)
{
  g_autoptr (MscosContentPack) pack = load_pack ("1", base_json);
  g_autoptr (MscosPageModel) model = mscos_page_model_new (mscos_content_pack_lookup_outcome (pack, "o"));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  mscos_page_model_set_only_changes (model, TRUE);
  g_assert_false (mscos_page_model_get_only_changes (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosPageRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_null (mscos_page_row_get_change (row));
      g_assert_null (mscos_page_row_get_diff (row));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/page-model-review/rows", test_rows);
  ADD ("/core/page-model-review/removed-row", test_removed_row);
  ADD ("/core/page-model-review/moved-row", test_moved_row);
  ADD ("/core/page-model-review/open-items", test_open_items);
  ADD ("/core/page-model-review/only-changes", test_only_changes);
  ADD ("/core/page-model-review/reveal-hidden", test_reveal_hidden);
#undef ADD
  g_test_add_func ("/core/page-model-review/not-reviewing", test_not_reviewing);

  return g_test_run ();
}
