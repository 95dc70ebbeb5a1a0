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

/* The base pack's and the revision's sections, a test's data. */
typedef struct
{
  const char *base;
  const char *revision;
} Packs;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Packs *packs = data;

  fixture->base = load_pack ("1", packs->base);
  fixture->revision = load_pack ("2", packs->revision);
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

/* A removed item opened from the Changes page is shown itself, where it was: one of the page,
 * one in a resource, which opens, and one in a set. */
static void
test_reveal_removed (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *ids[] = { "t1", "r1.q", "s1.b" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      MscosItem *old = mscos_content_pack_lookup_item (fixture->base, ids[i]);
      MscosPageRow *row = mscos_page_model_reveal (fixture->model, old);

      g_assert_nonnull (row);
      g_assert_true (mscos_page_row_get_item (row) == old);
      g_assert_true (mscos_page_row_is_removed (row));
      g_assert_cmpuint (mscos_page_model_get_position (fixture->model, row), !=, G_MAXUINT);
    }
}

/* A second pair of revisions, for what changed in texts and sections: a resource's full text
 * with a paragraph reworded, one removed and one added; a section's heading reworded; a
 * section removed with its items. */
static const char texts_base_json[] =
  "{\"id\": \"o.a\", \"title\": \"Alpha\", \"items\": ["
  "  {\"id\": \"r2\", \"kind\": \"resource\", \"title\": \"Report\", \"type\": \"report\", \"summary\": \"S\","
  "   \"body\": [{\"type\": \"paragraph\", \"text\": \"The first paragraph stays.\"},"
  "            {\"type\": \"paragraph\", \"text\": \"Every survivor is kept safe here.\"},"
  "            {\"type\": \"paragraph\", \"text\": \"This paragraph goes away entirely.\"}]}]},"
  "{\"id\": \"o.b\", \"title\": \"Beta words\", \"items\": ["
  "  {\"id\": \"x1\", \"kind\": \"quote\", \"text\": \"X\", \"speaker\": \"A\"}]},"
  "{\"id\": \"o.c\", \"title\": \"Gone section\", \"items\": ["
  "  {\"id\": \"g1\", \"kind\": \"quote\", \"text\": \"G1\", \"speaker\": \"B\"},"
  "  {\"id\": \"g2\", \"kind\": \"text\", \"title\": \"G2\", \"body\": [{\"type\": \"paragraph\", \"text\": \"G\"}]}]},"
  "{\"id\": \"o.d\", \"title\": \"Delta\", \"items\": ["
  "  {\"id\": \"d1\", \"kind\": \"quote\", \"text\": \"D1\", \"speaker\": \"C\"},"
  "  {\"id\": \"r3\", \"kind\": \"resource\", \"title\": \"Holder\", \"type\": \"report\", \"summary\": \"S\","
  "   \"items\": [{\"id\": \"r3.q\", \"kind\": \"quote\", \"text\": \"Q\", \"speaker\": \"D\"}]}]}"
  "]}]}";

static const char texts_revision_json[] =
  "{\"id\": \"o.a\", \"title\": \"Alpha\", \"items\": ["
  "  {\"id\": \"r2\", \"kind\": \"resource\", \"title\": \"Report\", \"type\": \"report\", \"summary\": \"S\","
  "   \"body\": [{\"type\": \"paragraph\", \"text\": \"The first paragraph stays.\"},"
  "            {\"type\": \"paragraph\", \"text\": \"All survivors are kept safe here.\"},"
  "            {\"type\": \"paragraph\", \"text\": \"A brand new closing sentence appears.\"}]}]},"
  "{\"id\": \"o.b\", \"title\": \"Beta new words\", \"items\": ["
  "  {\"id\": \"x1\", \"kind\": \"quote\", \"text\": \"X\", \"speaker\": \"A\"}]},"
  "{\"id\": \"o.d\", \"title\": \"Delta\", \"items\": ["
  "  {\"id\": \"d1\", \"kind\": \"quote\", \"text\": \"D1\", \"speaker\": \"C\"},"
  "  {\"id\": \"r3\", \"kind\": \"resource\", \"title\": \"Holder\", \"type\": \"report\", \"summary\": \"S\"}]}"
  "]}]}";

/* Each block of the changed full text, compared with the base pack's: the same, changed
 * (with its old version), removed (the base pack's block) and added. */
static void
test_changed_text (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct { MscosBlockChange change; const char *text; const char *old_text; } expected[] = {
    { MSCOS_BLOCK_CHANGE_NONE, "The first paragraph stays.", NULL },
    { MSCOS_BLOCK_CHANGE_CHANGED, "All survivors are kept safe here.", "Every survivor is kept safe here." },
    { MSCOS_BLOCK_CHANGE_REMOVED, "This paragraph goes away entirely.", NULL },
    { MSCOS_BLOCK_CHANGE_ADDED, "A brand new closing sentence appears.", NULL },
  };
  MscosPageRow *resource = row_of (fixture, "r2");
  guint position;

  mscos_page_model_set_expanded (fixture->model, resource, TRUE);
  position = mscos_page_model_get_position (fixture->model, resource);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      MscosPageRow *row = row_at (fixture, position + 1 + i);
      MscosBlock *old = mscos_page_row_get_old_block (row);

      g_assert_cmpint (mscos_page_row_get_kind (row), ==, MSCOS_PAGE_ROW_BLOCK);
      g_assert_cmpint (mscos_page_row_get_block_change (row), ==, expected[i].change);
      g_assert_cmpstr (mscos_block_get_text (mscos_page_row_get_block (row)), ==, expected[i].text);
      g_assert_cmpstr (old ? mscos_block_get_text (old) : NULL, ==, expected[i].old_text);
      g_assert_false (mscos_page_row_has_controls (row));
    }
}

/* A reworded heading knows its old version; a removed section is shown where it was, its
 * items removed under it. */
static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *rows = dup_rows (fixture);
  g_autofree char *only = NULL;
  MscosSection *old = NULL;
  MscosPageRow *removed = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->model));

  g_assert_cmpstr (rows, ==, "H S:o.a I:r2~ S:o.b~ I:x1 S:o.c- I:g1- I:g2- S:o.d I:d1 I:r3");

  for (guint i = 0; i < n; i++)
    {
      MscosPageRow *row = row_at (fixture, i);
      MscosSection *section = mscos_page_row_get_section (row);

      if (section != NULL && g_str_equal (mscos_section_get_id (section), "o.b"))
        old = mscos_page_row_get_old_section (row);
      if (section != NULL && g_str_equal (mscos_section_get_id (section), "o.c"))
        removed = row;
    }
  g_assert_nonnull (old);
  g_assert_cmpstr (mscos_section_get_title (old), ==, "Beta words");
  g_assert_nonnull (removed);
  g_assert_true (mscos_page_row_is_removed (removed));
  g_assert_cmpstr (mscos_section_get_title (mscos_page_row_get_section (removed)), ==, "Gone section");
  g_assert_null (mscos_page_row_get_old_section (removed));
  /* Its items are the base pack's, closed, with nothing to bookmark. */
  g_assert_true (mscos_page_row_get_item (row_of (fixture, "g2"))
                 == mscos_content_pack_lookup_item (fixture->base, "g2"));
  g_assert_false (mscos_page_row_get_expandable (row_of (fixture, "g2")));
  g_assert_false (mscos_page_row_has_controls (row_of (fixture, "g2")));

  mscos_page_model_set_only_changes (fixture->model, TRUE);
  only = dup_rows (fixture);
  g_assert_cmpstr (only, ==, "H S:o.a I:r2~ S:o.b~ S:o.c- I:g1- I:g2- S:o.d I:r3");

  /* Opened from the Changes page, an item of the removed section is shown. */
  mscos_page_model_set_only_changes (fixture->model, FALSE);
  g_assert_true (mscos_page_model_reveal (fixture->model,
                                          mscos_content_pack_lookup_item (fixture->base, "g1"))
                 == row_of (fixture, "g1"));
}

/* Opened from the Changes page, a section is shown by its heading: a reworded one, a removed
 * one where it was, and one Show Only Changes hid, which brings the page back. */
static void
test_reveal_section (Fixture       *fixture,
                     gconstpointer  data)
{
  MscosPageRow *reworded = mscos_page_model_reveal_section (fixture->model, "o.b");
  MscosPageRow *removed = mscos_page_model_reveal_section (fixture->model, "o.c");

  g_assert_nonnull (reworded);
  g_assert_cmpint (mscos_page_row_get_kind (reworded), ==, MSCOS_PAGE_ROW_SECTION);
  g_assert_cmpstr (mscos_section_get_title (mscos_page_row_get_old_section (reworded)), ==, "Beta words");
  g_assert_nonnull (removed);
  g_assert_true (mscos_page_row_is_removed (removed));
  g_assert_cmpstr (mscos_section_get_title (mscos_page_row_get_section (removed)), ==, "Gone section");
  g_assert_cmpuint (mscos_page_model_get_position (fixture->model, removed), !=, G_MAXUINT);
  g_assert_null (mscos_page_model_reveal_section (fixture->model, "o.nowhere"));
}

static void
test_reveal_hidden_section (Fixture       *fixture,
                            gconstpointer  data)
{
  MscosPageRow *row;

  mscos_page_model_set_only_changes (fixture->model, TRUE);
  row = mscos_page_model_reveal_section (fixture->model, "o.t");
  g_assert_nonnull (row);
  g_assert_false (mscos_page_model_get_only_changes (fixture->model));
  g_assert_cmpuint (mscos_page_model_get_position (fixture->model, row), !=, G_MAXUINT);
}

/* A resource that holds nothing now but what the revision removed opens to show it. */
static void
test_holds_only_removed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *rows = NULL;
  MscosPageRow *holder = row_of (fixture, "r3");

  g_assert_true (mscos_page_row_get_expandable (holder));
  mscos_page_model_set_expanded (fixture->model, holder, TRUE);
  rows = dup_rows (fixture);
  g_assert_true (g_str_has_suffix (rows, "S:o.d I:d1 I:r3 I:r3.q-"));
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

  static const Packs items = { base_json, revision_json };
  static const Packs texts = { texts_base_json, texts_revision_json };

#define ADD(path, func) g_test_add (path, Fixture, &items, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/page-model-review/rows", test_rows);
  ADD ("/core/page-model-review/removed-row", test_removed_row);
  ADD ("/core/page-model-review/moved-row", test_moved_row);
  ADD ("/core/page-model-review/open-items", test_open_items);
  ADD ("/core/page-model-review/only-changes", test_only_changes);
  ADD ("/core/page-model-review/reveal-hidden", test_reveal_hidden);
  ADD ("/core/page-model-review/reveal-removed", test_reveal_removed);
  ADD ("/core/page-model-review/reveal-hidden-section", test_reveal_hidden_section);
#undef ADD
#define ADD(path, func) g_test_add (path, Fixture, &texts, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/page-model-review/changed-text", test_changed_text);
  ADD ("/core/page-model-review/sections", test_sections);
  ADD ("/core/page-model-review/holds-only-removed", test_holds_only_removed);
  ADD ("/core/page-model-review/reveal-section", test_reveal_section);
#undef ADD
  g_test_add_func ("/core/page-model-review/not-reviewing", test_not_reviewing);

  return g_test_run ();
}
