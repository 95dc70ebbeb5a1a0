/* test-pack-diff.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "mscos-pack-diff.h"

/* The comparison of two packs: each test edits a copy of tests/data/good/every-kind.json
 * with json-glib, writes it to another folder (so that audio file paths resolve to other
 * URIs, as for a revision opened from elsewhere), and checks that the comparison finds that
 * edit and nothing else. The last tests compare the built-in pack with the revision that
 * tests/data/review/make-revision.py makes of it at build time. */

static char *
every_kind_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "good", "every-kind.json", NULL);
}

static JsonNode *
parse_file (const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* Returns the node at @path ("outcomes[1].sections[0].items[2]", or "" for the root). */
static JsonNode *
node_at (JsonNode   *root,
         const char *path)
{
  g_auto (GStrv) steps = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; steps[i] != NULL && *path != '\0'; i++)
    {
      g_autofree char *name = g_strdup (steps[i]);
      char *bracket = strchr (name, '[');
      JsonObject *object;

      if (bracket != NULL)
        *bracket = '\0';

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      object = json_node_get_object (node);
      g_assert_true (json_object_has_member (object, name));
      node = json_object_get_member (object, name);

      for (char *index = bracket; index != NULL; index = strchr (index + 1, '['))
        {
          guint64 position = g_ascii_strtoull (index + 1, NULL, 10);

          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          g_assert_cmpuint (position, <, json_array_get_length (json_node_get_array (node)));
          node = json_array_get_element (json_node_get_array (node), position);
        }
    }

  return node;
}

static JsonNode *
parse_value (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);

  return node;
}

/* Sets (or with @json %NULL, removes) the member @name of the object at @path. */
static void
set_member (JsonNode   *root,
            const char *path,
            const char *name,
            const char *json)
{
  JsonObject *object = json_node_get_object (node_at (root, path));

  if (json == NULL)
    json_object_remove_member (object, name);
  else
    json_object_set_member (object, name, parse_value (json));
}

/* Moves element @from_index of the array at @from_path to @to_index of the array at
 * @to_path (G_MAXUINT: the end). */
static void
move_element (JsonNode   *root,
              const char *from_path,
              guint       from_index,
              const char *to_path,
              guint       to_index)
{
  JsonArray *from = json_node_get_array (node_at (root, from_path));
  g_autoptr (JsonNode) element = json_node_copy (json_array_get_element (from, from_index));
  g_autoptr (JsonArray) rebuilt = json_array_new ();
  JsonArray *to;
  guint n;

  json_array_remove_element (from, from_index);

  to = json_node_get_array (node_at (root, to_path));
  n = json_array_get_length (to);
  if (to_index > n)
    to_index = n;

  for (guint i = 0; i <= n; i++)
    {
      if (i == to_index)
        json_array_add_element (rebuilt, json_node_copy (element));
      if (i < n)
        json_array_add_element (rebuilt, json_node_copy (json_array_get_element (to, i)));
    }

  while (json_array_get_length (to) > 0)
    json_array_remove_element (to, 0);
  for (guint i = 0; i < json_array_get_length (rebuilt); i++)
    json_array_add_element (to, json_node_copy (json_array_get_element (rebuilt, i)));
}

static void
remove_element (JsonNode   *root,
                const char *path,
                guint       index)
{
  json_array_remove_element (json_node_get_array (node_at (root, path)), index);
}

static MscosContentPack *
load_pack (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  MscosContentPack *pack = mscos_content_pack_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

/* Writes @root into a folder of its own and loads it. */
static MscosContentPack *
load_edited (JsonNode *root)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "revision", NULL);
  g_autofree char *path = g_build_filename (folder, "pack.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = json_to_string (root, TRUE);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return load_pack (path);
}

static MscosPackDiff *
diff_edited (JsonNode *edited)
{
  g_autofree char *base_path = every_kind_path ();
  g_autoptr (MscosContentPack) old_pack = load_pack (base_path);
  g_autoptr (MscosContentPack) new_pack = load_edited (edited);

  return mscos_pack_diff_new (old_pack, new_pack);
}

static MscosPackChange *
get_change (MscosPackDiff *diff,
            guint          position)
{
  MscosPackChange *change;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (G_LIST_MODEL (diff)));
  change = g_list_model_get_item (G_LIST_MODEL (diff), position);
  g_object_unref (change);

  return change;
}

static char *
join_members (MscosPackChange *change)
{
  return g_strjoinv (",", (char **) mscos_pack_change_get_members (change));
}

static void
assert_change (MscosPackChange *change,
               MscosChangeType  type,
               const char      *id,
               const char      *members)
{
  g_autofree char *joined = join_members (change);

  g_assert_cmpstr (mscos_change_type_to_string (mscos_pack_change_get_change_type (change)), ==,
                   mscos_change_type_to_string (type));
  g_assert_cmpstr (mscos_pack_change_get_id (change), ==, id);
  g_assert_cmpstr (joined, ==, members);
}

static void
test_same_pack (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosPackDiff) diff = diff_edited (root);
  g_autofree char *lines = mscos_pack_diff_format_lines (diff);
  g_autofree char *json = mscos_pack_diff_format_json (diff);
  g_autoptr (JsonNode) parsed = parse_value (json);
  JsonObject *object;

  /* The same pack read from another folder: its audio file resolves to another URI. */
  g_assert_true (mscos_pack_diff_is_empty (diff));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 0);
  g_assert_cmpstr (lines, ==, "");
  object = json_node_get_object (parsed);
  g_assert_true (json_object_get_boolean_member (object, "same"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "changes")), ==,
                    0);
}

/* The same pack opened as its folder: its audio paths are relative to that folder. */
static void
test_same_pack_as_folder (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosContentPack) old_pack = load_pack (path);
  g_autoptr (MscosContentPack) written = load_edited (root);
  g_autoptr (GFile) folder = g_file_get_parent (mscos_content_pack_get_file (written));
  g_autoptr (MscosContentPack) new_pack = mscos_content_pack_load (folder, NULL, NULL);
  g_autoptr (MscosPackDiff) diff = NULL;

  g_assert_nonnull (new_pack);
  diff = mscos_pack_diff_new (old_pack, new_pack);
  g_assert_true (mscos_pack_diff_is_empty (diff));
}

typedef struct
{
  const char *path;
  const char *member;
  /* NULL removes the member */
  const char *value;
  const char *id;
  MscosPackPart part;
  const char *kind;
  const char *members;
} MemberEdit;

static const MemberEdit member_edits[] = {
  { "pack", "title", "\"Every kind, revised\"", NULL, MSCOS_PACK_PART_PACK, "pack", "title" },
  { "pack", "description", NULL, NULL, MSCOS_PACK_PART_PACK, "pack", "description" },
  { "pack", "language", "\"en-US\"", NULL, MSCOS_PACK_PART_PACK, "pack", "language" },
  { "outcomes[1]", "title", "\"Safety\"", "safety", MSCOS_PACK_PART_OUTCOME, "outcome", "title" },
  { "outcomes[1]", "group", "\"related-framework\"", "safety", MSCOS_PACK_PART_OUTCOME, "outcome",
    "group" },
  { "outcomes[1]", "summary", "\"Freedom.\"", "safety", MSCOS_PACK_PART_OUTCOME, "outcome",
    "summary" },
  { "outcomes[1]", "strapline", NULL, "safety", MSCOS_PACK_PART_OUTCOME, "outcome", "strapline" },
  { "outcomes[1]", "descriptor", "[{\"type\": \"paragraph\", \"text\": \"New.\"}]", "safety",
    MSCOS_PACK_PART_OUTCOME, "outcome", "descriptor" },
  { "outcomes[1].link", "uri", "\"https://www.mscos.co.uk/safety.html\"", "safety",
    MSCOS_PACK_PART_OUTCOME, "outcome", "link" },
  { "outcomes[1].sections[0]", "title", "\"Survivors' voices\"", "safety.voices",
    MSCOS_PACK_PART_SECTION, "section", "title" },
  { "outcomes[1].sections[0]", "intro", NULL, "safety.voices", MSCOS_PACK_PART_SECTION,
    "section", "intro" },
  { "outcomes[1].sections[0].items[0]", "text", "\"You have to feel able to trust.\"",
    "safety.quote-keith", MSCOS_PACK_PART_ITEM, "quote", "text" },
  { "outcomes[1].sections[0].items[0]", "speaker", "\"Keith Lewis\"", "safety.quote-keith",
    MSCOS_PACK_PART_ITEM, "quote", "speaker" },
  { "outcomes[1].sections[0].items[0]", "role", NULL, "safety.quote-keith",
    MSCOS_PACK_PART_ITEM, "quote", "role" },
  { "outcomes[1].sections[0].items[1]", "title", "\"Keith on safety\"", "safety.audio-keith",
    MSCOS_PACK_PART_ITEM, "audio", "title" },
  { "outcomes[1].sections[0].items[1]", "description", "\"Keith speaks.\"", "safety.audio-keith",
    MSCOS_PACK_PART_ITEM, "audio", "description" },
  { "outcomes[1].sections[0].items[1]", "transcript", NULL, "safety.audio-keith",
    MSCOS_PACK_PART_ITEM, "audio", "transcript" },
  { "outcomes[1].sections[0].items[1].sources[0]", "path", "\"audio/other.ogg\"",
    "safety.audio-keith", MSCOS_PACK_PART_ITEM, "audio", "sources" },
  { "outcomes[1].sections[0].items[1].sources[1]", "title", "\"Listen\"",
    "safety.audio-keith", MSCOS_PACK_PART_ITEM, "audio", "sources" },
  { "outcomes[1].sections[0].items[3]", "name", "\"Shandra W.\"", "safety.shandra",
    MSCOS_PACK_PART_ITEM, "profile", "name" },
  { "outcomes[1].sections[0].items[3]", "role", "\"Survivor leader\"", "safety.shandra",
    MSCOS_PACK_PART_ITEM, "profile", "role" },
  { "outcomes[1].sections[0].items[3].body[0]", "text", "\"Shandra founded a programme.\"",
    "safety.shandra", MSCOS_PACK_PART_ITEM, "profile", "body" },
  { "outcomes[1].sections[0].items[3].links[0]", "title", "\"Write\"", "safety.shandra",
    MSCOS_PACK_PART_ITEM, "profile", "links" },
  { "outcomes[1].sections[1].items[0]", "title", "\"Beyond Survival (2024)\"",
    "safety.beyond-survival", MSCOS_PACK_PART_ITEM, "resource", "title" },
  { "outcomes[1].sections[1].items[0]", "organisation", NULL, "safety.beyond-survival",
    MSCOS_PACK_PART_ITEM, "resource", "organisation" },
  { "outcomes[1].sections[1].items[0]", "type", "\"guidance\"", "safety.beyond-survival",
    MSCOS_PACK_PART_ITEM, "resource", "type" },
  { "outcomes[1].sections[1].items[0]", "summary", "\"Where the response falls short.\"",
    "safety.beyond-survival", MSCOS_PACK_PART_ITEM, "resource", "summary" },
  /* A label in a nested list of the body */
  { "outcomes[1].sections[1].items[0].body[1].items[1]", "label", "\"6.\"",
    "safety.beyond-survival", MSCOS_PACK_PART_ITEM, "resource", "body" },
  { "outcomes[1].sections[1].items[0].body[1]", "start", "4", "safety.beyond-survival",
    MSCOS_PACK_PART_ITEM, "resource", "body" },
  { "outcomes[1].sections[1].items[0].links[0]", "uri", "\"https://hopeforjustice.org/report\"",
    "safety.beyond-survival", MSCOS_PACK_PART_ITEM, "resource", "links" },
  { "outcomes[1].sections[1].items[0].items[1]", "title", "\"What must change\"",
    "safety.beyond-survival.recs", MSCOS_PACK_PART_ITEM, "recommendations", "title" },
  { "outcomes[1].sections[1].items[0].items[1]", "source", "\"HfJ\"",
    "safety.beyond-survival.recs", MSCOS_PACK_PART_ITEM, "recommendations", "source" },
  { "outcomes[1].sections[1].items[0].items[1]", "intro", NULL,
    "safety.beyond-survival.recs", MSCOS_PACK_PART_ITEM, "recommendations", "intro" },
  /* A group without an id, paired by its place */
  { "outcomes[1].sections[1].items[0].items[1].groups[0]", "title", "\"Identifying victims\"",
    NULL, MSCOS_PACK_PART_ITEM, "group", "title" },
  { "outcomes[1].sections[1].items[0].items[1].groups[1]", "intro", NULL,
    "safety.beyond-survival.recs.top", MSCOS_PACK_PART_ITEM, "group", "intro" },
  { "outcomes[1].sections[1].items[0].items[1].groups[0].items[0]", "text",
    "\"First Responders: accredit the role.\"", "safety.beyond-survival.recs.first-responders",
    MSCOS_PACK_PART_ITEM, "recommendation", "text" },
  { "outcomes[1].sections[1].items[0].items[1].groups[0].items[0]", "label", "\"A.\"",
    "safety.beyond-survival.recs.first-responders", MSCOS_PACK_PART_ITEM, "recommendation",
    "label" },
  /* Nested two levels under a recommendation */
  { "outcomes[1].sections[1].items[0].items[1].groups[0].items[1].items[1].items[0]", "text",
    "\"Nested deeply.\"", "safety.beyond-survival.recs.nrm-reform.2.a", MSCOS_PACK_PART_ITEM,
    "recommendation", "text" },
  { "outcomes[1].sections[1].items[0].items[1].groups[1].items[1]", "label", "\"9.\"",
    "safety.beyond-survival.recs.top.8", MSCOS_PACK_PART_ITEM, "recommendation", "label" },
  { "outcomes[1].sections[1].items[1]", "title", NULL, "safety.helpline-steps",
    MSCOS_PACK_PART_ITEM, "text", "title" },
  { "outcomes[1].sections[1].items[1]", "body", "[{\"type\": \"paragraph\", \"text\": \"Call.\"}]",
    "safety.helpline-steps", MSCOS_PACK_PART_ITEM, "text", "body" },
  { "outcomes[1].sections[1].items[1]", "links", NULL, "safety.helpline-steps",
    MSCOS_PACK_PART_ITEM, "text", "links" },
};

/* Each member of each kind, changed alone, is found alone and named as the pack names it. */
static void
test_every_member (void)
{
  g_autofree char *path = every_kind_path ();

  for (guint i = 0; i < G_N_ELEMENTS (member_edits); i++)
    {
      const MemberEdit *edit = &member_edits[i];
      g_autoptr (JsonNode) root = parse_file (path);
      g_autoptr (MscosPackDiff) diff = NULL;
      MscosPackChange *change;

      g_test_message ("%s.%s", edit->path, edit->member);
      set_member (root, edit->path, edit->member, edit->value);
      diff = diff_edited (root);

      g_assert_false (mscos_pack_diff_is_empty (diff));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 1);
      change = get_change (diff, 0);
      assert_change (change, MSCOS_CHANGE_CHANGED, edit->id, edit->members);
      g_assert_cmpint (mscos_pack_change_get_part (change), ==, edit->part);
      g_assert_cmpstr (mscos_pack_change_get_kind_name (change), ==, edit->kind);
      if (edit->id != NULL)
        {
          JsonNode *node = node_at (root, mscos_pack_change_get_path (change));

          g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "id"), ==,
                           edit->id);
        }
      else
        {
          g_assert_true (g_str_has_prefix (edit->path, mscos_pack_change_get_path (change)));
        }
      g_assert_cmpuint (mscos_pack_diff_count (diff, edit->part, MSCOS_CHANGE_CHANGED), ==, 1);
      if (edit->id != NULL)
        g_assert_true (mscos_pack_diff_lookup (diff, edit->id) == change);
    }
}

static void
test_paths (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (MscosContentPack) pack = load_pack (path);
  g_autoptr (MscosPackOutline) outline = mscos_pack_outline_new (pack);
  g_autofree char *keith = mscos_pack_outline_dup_path (outline, "safety.quote-keith");
  const char *deep = "safety.beyond-survival.recs.nrm-reform.2.a";
  g_autofree char *nested = mscos_pack_outline_dup_path (outline, deep);
  g_autofree char *group = mscos_pack_outline_dup_path (outline, "safety.beyond-survival.recs.top");
  g_autofree char *section = mscos_pack_outline_dup_path (outline, "safety.practice");
  g_autofree char *outcome = mscos_pack_outline_dup_path (outline, "children");
  g_autofree char *missing = mscos_pack_outline_dup_path (outline, "no.such.item");

  g_assert_cmpstr (keith, ==, "outcomes[1].sections[0].items[0]");
  g_assert_cmpstr (nested, ==, "outcomes[1].sections[1].items[0].items[1].groups[0].items[1]"
                               ".items[1].items[0]");
  g_assert_cmpstr (group, ==, "outcomes[1].sections[1].items[0].items[1].groups[1]");
  g_assert_cmpstr (section, ==, "outcomes[1].sections[1]");
  g_assert_cmpstr (outcome, ==, "outcomes[2]");
  g_assert_null (missing);

  g_assert_cmpstr (mscos_pack_outline_get_outcome_id (outline, "safety.quote-keith"), ==, "safety");
  g_assert_cmpstr (mscos_pack_outline_get_section_id (outline,
                                                      "safety.beyond-survival.recs.nrm-reform.2.a"),
                   ==, "safety.practice");
  /* A recommendation in a group without an id is held by the set. */
  g_assert_cmpstr (mscos_pack_outline_get_parent_id (outline,
                                                     "safety.beyond-survival.recs.nrm-reform"),
                   ==, "safety.beyond-survival.recs");
  g_assert_cmpstr (mscos_pack_outline_get_parent_id (outline,
                                                     "safety.beyond-survival.recs.nrm-reform.2.a"),
                   ==, "safety.beyond-survival.recs.nrm-reform.2");
  g_assert_cmpstr (mscos_pack_outline_get_parent_id (outline, "safety.quote-keith"), ==,
                   "safety.voices");
  g_assert_cmpstr (mscos_pack_outline_get_parent_id (outline, "safety.voices"), ==, "safety");
  g_assert_null (mscos_pack_outline_get_parent_id (outline, "safety"));
  g_assert_null (mscos_pack_outline_get_section_id (outline, "safety"));
  g_assert_cmpint (mscos_pack_outline_get_part (outline, "safety.voices"), ==,
                   MSCOS_PACK_PART_SECTION);
  g_assert_true (MSCOS_IS_ITEM (mscos_pack_outline_lookup (outline, "safety.shandra")));
}

static void
test_kind_changed (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosPackDiff) diff = NULL;
  const char *item = "outcomes[1].sections[0].items[0]";

  set_member (root, item, "kind", "\"text\"");
  set_member (root, item, "text", NULL);
  set_member (root, item, "speaker", NULL);
  set_member (root, item, "role", NULL);
  set_member (root, item, "body", "[{\"type\": \"paragraph\", \"text\": \"Trust.\"}]");
  diff = diff_edited (root);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 1);
  assert_change (get_change (diff, 0), MSCOS_CHANGE_CHANGED, "safety.quote-keith",
                 "kind,text,speaker,role,body");
  g_assert_cmpint (mscos_pack_change_get_item_kind (get_change (diff, 0)), ==, MSCOS_ITEM_TEXT);
  g_assert_cmpuint (mscos_pack_diff_count_items (diff, MSCOS_ITEM_TEXT, MSCOS_CHANGE_CHANGED), ==,
                    1);
}

/* A numbered group made bulleted: the group's style changed, and the recommendation the app
 * numbered has lost its number; the one the source numbered keeps its own. */
static void
test_renumbering (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosPackDiff) diff = NULL;

  set_member (root, "outcomes[1].sections[1].items[0].items[1].groups[1]", "style",
              "\"bulleted\"");
  diff = diff_edited (root);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 2);
  assert_change (get_change (diff, 0), MSCOS_CHANGE_CHANGED, "safety.beyond-survival.recs.top",
                 "style");
  assert_change (get_change (diff, 1), MSCOS_CHANGE_CHANGED, "safety.beyond-survival.recs.top.1",
                 "label");
  g_assert_cmpuint (mscos_pack_diff_count_items (diff, MSCOS_ITEM_RECOMMENDATION,
                                                 MSCOS_CHANGE_CHANGED), ==, 1);
  g_assert_cmpuint (mscos_pack_diff_count_items (diff, MSCOS_ITEM_GROUP, MSCOS_CHANGE_CHANGED), ==,
                    1);
}

/* One item put first among its neighbours is one move, not a shift of all the others. */
static void
test_reordered (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosPackDiff) diff = NULL;
  MscosPackChange *change;
  g_autofree char *summary = NULL;

  move_element (root, "outcomes[1].sections[0].items", 3, "outcomes[1].sections[0].items", 0);
  diff = diff_edited (root);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 1);
  change = get_change (diff, 0);
  assert_change (change, MSCOS_CHANGE_MOVED, "safety.shandra", "");
  g_assert_cmpstr (mscos_pack_change_get_path (change), ==, "outcomes[1].sections[0].items[0]");
  g_assert_cmpstr (mscos_pack_change_get_old_path (change), ==, "outcomes[1].sections[0].items[3]");
  g_assert_cmpstr (mscos_pack_change_get_old_parent_id (change), ==, "safety.voices");
  g_assert_cmpstr (mscos_pack_change_get_parent_id (change), ==, "safety.voices");
  summary = mscos_pack_change_dup_summary (change);
  g_assert_cmpstr (summary, ==, "profile; from outcomes[1].sections[0].items[3] in safety.voices");
}

static void
test_moved_to_another_outcome (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosPackDiff) diff = NULL;
  MscosPackChange *change;

  set_member (root, "outcomes[2]", "sections", "[{\"id\": \"children.steps\", \"items\": []}]");
  move_element (root, "outcomes[1].sections[1].items", 1, "outcomes[2].sections[0].items", 0);
  set_member (root, "outcomes[2].sections[0].items[0]", "title", "\"Calling the helpline\"");
  diff = diff_edited (root);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 2);
  assert_change (get_change (diff, 0), MSCOS_CHANGE_NEW, "children.steps", "");
  change = get_change (diff, 1);
  assert_change (change, MSCOS_CHANGE_MOVED, "safety.helpline-steps", "title");
  g_assert_cmpstr (mscos_pack_change_get_outcome_id (change), ==, "children");
  g_assert_cmpstr (mscos_pack_change_get_section_id (change), ==, "children.steps");
  g_assert_cmpstr (mscos_pack_change_get_old_outcome_id (change), ==, "safety");
  g_assert_cmpstr (mscos_pack_change_get_old_section_id (change), ==, "safety.practice");
  g_assert_cmpstr (mscos_pack_change_get_path (change), ==, "outcomes[2].sections[0].items[0]");

  /* The sidebar counts it in both outcomes. */
  g_assert_cmpuint (mscos_pack_diff_count_in_outcome (diff, "children"), ==, 1);
  g_assert_cmpuint (mscos_pack_diff_count_in_outcome (diff, "safety"), ==, 1);
  g_assert_cmpuint (mscos_pack_diff_count_in_outcome (diff, "first"), ==, 0);
  g_assert_cmpuint (mscos_pack_diff_count (diff, MSCOS_PACK_PART_SECTION, MSCOS_CHANGE_NEW), ==, 1);
}

/* A recommendation moved from a group without an id to the next group is a move out of the
 * set (what held it) into that group; landing first in a numbered group renumbers it and
 * the one after it. */
static void
test_moved_between_groups (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosPackDiff) diff = NULL;
  MscosPackChange *change;

  move_element (root, "outcomes[1].sections[1].items[0].items[1].groups[0].items", 0,
                "outcomes[1].sections[1].items[0].items[1].groups[1].items", 0);
  diff = diff_edited (root);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 2);
  change = get_change (diff, 0);
  assert_change (change, MSCOS_CHANGE_MOVED, "safety.beyond-survival.recs.first-responders",
                 "label");
  g_assert_cmpstr (mscos_pack_change_get_old_parent_id (change), ==, "safety.beyond-survival.recs");
  g_assert_cmpstr (mscos_pack_change_get_parent_id (change), ==, "safety.beyond-survival.recs.top");
  assert_change (get_change (diff, 1), MSCOS_CHANGE_CHANGED, "safety.beyond-survival.recs.top.1",
                 "label");
}

static void
test_removed_where_it_was (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosPackDiff) diff = NULL;
  MscosPackChange *change;

  /* The audio clip after Keith's quote, and the profile, last of the section; and a change
   * to the clip between them, to see the order. */
  remove_element (root, "outcomes[1].sections[0].items", 3);
  remove_element (root, "outcomes[1].sections[0].items", 1);
  set_member (root, "outcomes[1].sections[0].items[1]", "title", "\"Wendy\"");
  diff = diff_edited (root);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 3);
  change = get_change (diff, 0);
  assert_change (change, MSCOS_CHANGE_REMOVED, "safety.audio-keith", "");
  g_assert_cmpstr (mscos_pack_change_get_anchor_id (change), ==, "safety.quote-keith");
  g_assert_cmpstr (mscos_pack_change_get_path (change), ==, "outcomes[1].sections[0].items[1]");
  g_assert_null (mscos_pack_change_get_new_object (change));
  g_assert_true (MSCOS_IS_ITEM (mscos_pack_change_get_old_object (change)));
  g_assert_cmpstr (mscos_pack_change_get_section_id (change), ==, "safety.voices");
  assert_change (get_change (diff, 1), MSCOS_CHANGE_CHANGED, "safety.audio-wendy", "title");
  g_assert_cmpstr (mscos_pack_change_get_path (get_change (diff, 1)), ==,
                   "outcomes[1].sections[0].items[1]");
  g_assert_cmpstr (mscos_pack_change_get_old_path (get_change (diff, 1)), ==,
                   "outcomes[1].sections[0].items[2]");
  change = get_change (diff, 2);
  assert_change (change, MSCOS_CHANGE_REMOVED, "safety.shandra", "");
  g_assert_cmpstr (mscos_pack_change_get_anchor_id (change), ==, "safety.audio-wendy");
  g_assert_cmpuint (mscos_pack_diff_count_items (diff, MSCOS_ITEM_AUDIO, MSCOS_CHANGE_REMOVED), ==,
                    1);
  g_assert_cmpuint (mscos_pack_diff_count_items (diff, MSCOS_ITEM_PROFILE, MSCOS_CHANGE_REMOVED),
                    ==, 1);
}

static void
test_removed_with_what_it_holds (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosPackDiff) diff = NULL;
  const char * const expected[] = {
    "safety.voices", "safety.quote-keith", "safety.audio-keith", "safety.audio-wendy",
    "safety.shandra",
  };

  remove_element (root, "outcomes[1].sections", 0);
  diff = diff_edited (root);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_change (get_change (diff, i), MSCOS_CHANGE_REMOVED, expected[i], "");
  /* The section was first in its outcome; its items are inside it. */
  g_assert_null (mscos_pack_change_get_anchor_id (get_change (diff, 0)));
  g_assert_cmpint (mscos_pack_change_get_part (get_change (diff, 0)), ==, MSCOS_PACK_PART_SECTION);
  g_assert_cmpuint (mscos_pack_diff_count_in_outcome (diff, "safety"), ==, 4);
}

static void
test_format (void)
{
  g_autofree char *path = every_kind_path ();
  g_autoptr (JsonNode) root = parse_file (path);
  g_autoptr (MscosPackDiff) diff = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *json = NULL;
  g_autoptr (JsonNode) parsed = NULL;
  JsonObject *object, *change;

  set_member (root, "pack", "revision", "\"8\"");
  set_member (root, "outcomes[1].sections[0].items[0]", "role", "\"Survivor\"");
  set_member (root, "outcomes[1].sections[1].items[0].items[1].groups[0]", "title", "\"Finding\"");
  move_element (root, "outcomes[1].sections[0].items", 3, "outcomes[1].sections[0].items", 0);
  diff = diff_edited (root);

  lines = mscos_pack_diff_format_lines (diff);
  g_assert_cmpstr (lines, ==,
                   "changed\t-\tpack\tpack; changed revision\n"
                   "moved\tsafety.shandra\toutcomes[1].sections[0].items[0]\tprofile; from "
                   "outcomes[1].sections[0].items[3] in safety.voices\n"
                   "changed\tsafety.quote-keith\toutcomes[1].sections[0].items[1]\tquote; changed "
                   "role\n"
                   "changed\t-\toutcomes[1].sections[1].items[0].items[1].groups[0]\tgroup; "
                   "changed title\n");

  json = mscos_pack_diff_format_json (diff);
  parsed = parse_value (json);
  object = json_node_get_object (parsed);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "mscos-pack-diff");
  g_assert_false (json_object_get_boolean_member (object, "same"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "old"),
                                                  "revision"), ==, "7");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "new"),
                                                  "revision"), ==, "8");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_object_get_object_member (object, "counts"), "changed"), "quote"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_object_get_object_member (object, "counts"), "moved"), "profile"), ==, 1);
  change = json_array_get_object_element (json_object_get_array_member (object, "changes"), 1);
  g_assert_cmpstr (json_object_get_string_member (change, "change"), ==, "moved");
  g_assert_cmpstr (json_object_get_string_member (change, "old_path"), ==,
                   "outcomes[1].sections[0].items[3]");
  g_assert_cmpstr (json_object_get_string_member (change, "section"), ==, "safety.voices");
  change = json_array_get_object_element (json_object_get_array_member (object, "changes"), 3);
  g_assert_true (json_object_get_null_member (change, "id"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (change, "members"),
                                                  0),
                   ==, "title");
}

/* --- The built-in pack and the revision made of it at build time ------------------------- */

static char *
revision_path (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, "core", name, NULL);
}

static const char *
get_optional_string (JsonObject *object,
                     const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static void
test_real_revision (void)
{
  g_autofree char *base_path = g_build_filename (SOURCE_ROOT, "resources", "content", "mscos.json",
                                                 NULL);
  g_autofree char *new_path = revision_path ("mscos-revision.json");
  g_autofree char *expected_path = revision_path ("mscos-revision-expected.json");
  g_autoptr (MscosContentPack) old_pack = load_pack (base_path);
  g_autoptr (MscosContentPack) new_pack = load_pack (new_path);
  g_autoptr (MscosPackDiff) diff = mscos_pack_diff_new (old_pack, new_pack);
  g_autoptr (JsonNode) expected = parse_file (expected_path);
  g_autoptr (JsonNode) old_json = parse_file (base_path);
  g_autoptr (JsonNode) new_json = parse_file (new_path);
  JsonArray *entries = json_node_get_array (expected);
  guint n_changes = g_list_model_get_n_items (G_LIST_MODEL (diff));

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *id = get_optional_string (entry, "id");
      const char *type = json_object_get_string_member (entry, "change");
      JsonArray *members = json_object_get_array_member (entry, "members");
      MscosPackChange *change;
      g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
      g_autoptr (GPtrArray) wanted = g_ptr_array_new ();
      const char *value;

      g_test_message ("%s: %s %s", json_object_get_string_member (entry, "edit"), type, id);
      change = id != NULL ? mscos_pack_diff_lookup (diff, id) : get_change (diff, 0);
      g_assert_nonnull (change);
      g_assert_cmpstr (mscos_change_type_to_string (mscos_pack_change_get_change_type (change)),
                       ==, type);

      for (const char * const *m = mscos_pack_change_get_members (change); *m != NULL; m++)
        g_ptr_array_add (sorted, (gpointer) *m);
      g_ptr_array_sort_values (sorted, (GCompareFunc) g_strcmp0);
      for (guint j = 0; j < json_array_get_length (members); j++)
        g_ptr_array_add (wanted, (gpointer) json_array_get_string_element (members, j));
      g_assert_cmpuint (sorted->len, ==, wanted->len);
      for (guint j = 0; j < sorted->len; j++)
        g_assert_cmpstr (g_ptr_array_index (sorted, j), ==, g_ptr_array_index (wanted, j));

      if ((value = get_optional_string (entry, "old_section")) != NULL)
        g_assert_cmpstr (mscos_pack_change_get_old_section_id (change), ==, value);
      if ((value = get_optional_string (entry, "old_outcome")) != NULL)
        g_assert_cmpstr (mscos_pack_change_get_old_outcome_id (change), ==, value);
      if ((value = get_optional_string (entry, "section")) != NULL)
        g_assert_cmpstr (mscos_pack_change_get_section_id (change), ==, value);

      /* The path leads to the item in the pack's own JSON. */
      if (id != NULL)
        {
          JsonNode *document = mscos_pack_change_get_change_type (change) == MSCOS_CHANGE_REMOVED
                               ? old_json : new_json;
          JsonNode *node = node_at (document, mscos_pack_change_get_path (change));

          g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "id"), ==,
                           id);
          if (mscos_pack_change_get_old_path (change) != NULL)
            {
              node = node_at (old_json, mscos_pack_change_get_old_path (change));
              g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "id"),
                               ==, id);
            }
        }
    }

  /* Nothing else changed: the items after the new, removed and moved ones have other paths,
   * and are the same. */
  g_assert_cmpuint (n_changes, ==, json_array_get_length (entries));
}

/* The revision against itself, and the built-in pack against itself. */
static void
test_real_revision_same (void)
{
  g_autofree char *new_path = revision_path ("mscos-revision.json");
  g_autoptr (MscosContentPack) a = load_pack (new_path);
  g_autoptr (MscosContentPack) b = load_pack (new_path);
  g_autoptr (MscosPackDiff) diff = mscos_pack_diff_new (a, b);

  g_assert_true (mscos_pack_diff_is_empty (diff));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/pack-diff/same-pack", test_same_pack);
  g_test_add_func ("/core/pack-diff/same-pack-as-folder", test_same_pack_as_folder);
  g_test_add_func ("/core/pack-diff/every-member", test_every_member);
  g_test_add_func ("/core/pack-diff/paths", test_paths);
  g_test_add_func ("/core/pack-diff/kind-changed", test_kind_changed);
  g_test_add_func ("/core/pack-diff/renumbering", test_renumbering);
  g_test_add_func ("/core/pack-diff/reordered", test_reordered);
  g_test_add_func ("/core/pack-diff/moved-to-another-outcome", test_moved_to_another_outcome);
  g_test_add_func ("/core/pack-diff/moved-between-groups", test_moved_between_groups);
  g_test_add_func ("/core/pack-diff/removed-where-it-was", test_removed_where_it_was);
  g_test_add_func ("/core/pack-diff/removed-with-what-it-holds", test_removed_with_what_it_holds);
  g_test_add_func ("/core/pack-diff/format", test_format);
  g_test_add_func ("/core/pack-diff/real-revision", test_real_revision);
  g_test_add_func ("/core/pack-diff/real-revision-same", test_real_revision_same);

  return g_test_run ();
}
