/* test-content-pack.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mscos-content-pack.h"

static MscosContentPack *
load_test_pack (const char  *path,
                GError     **error)
{
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "data", path, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (filename);

  return mscos_content_pack_load (file, NULL, error);
}

static MscosContentPack *
parse_string (const char  *json,
              gsize        length,
              GError     **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (json, length);

  return mscos_content_pack_new_from_bytes (bytes, NULL, error);
}

static MscosItem *
child (MscosItem *item,
       guint      index)
{
  GListModel *children = mscos_item_get_children (item);
  MscosItem *result;

  g_assert_cmpuint (index, <, g_list_model_get_n_items (children));
  result = g_list_model_get_item (children, index);
  g_object_unref (result);

  return result;
}

static void
test_every_kind (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = load_test_pack ("good/every-kind.json", &error);
  g_autofree char *attribution = NULL;
  g_autofree char *digest = NULL;
  MscosOutcome *outcome;
  MscosItem *item, *set, *group, *rec;
  MscosAudioSource *source;
  MscosBlock *list, *entry;
  GPtrArray *blocks;

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  g_assert_cmpstr (mscos_content_pack_get_id (pack), ==, "test.every-kind");
  g_assert_cmpstr (mscos_content_pack_get_title (pack), ==, "Every kind of item");
  g_assert_cmpstr (mscos_content_pack_get_revision (pack), ==, "7");
  g_assert_cmpstr (mscos_content_pack_get_date (pack), ==, "2026-11-28");
  g_assert_cmpstr (mscos_content_pack_get_language (pack), ==, "en-GB");
  g_assert_cmpuint (g_list_model_get_n_items (mscos_content_pack_get_outcomes (pack)), ==, 3);

  outcome = mscos_content_pack_lookup_outcome (pack, "safety");
  g_assert_nonnull (outcome);
  g_assert_cmpstr (mscos_outcome_get_title (outcome), ==, "Safety from any trafficker or other abusers");
  g_assert_cmpint (mscos_outcome_get_group (outcome), ==, MSCOS_OUTCOME_GROUP_CORE);
  g_assert_cmpstr (mscos_outcome_get_strapline (outcome), ==, "Sharing perspectives, connecting practice");
  g_assert_cmpstr (mscos_outcome_get_link (outcome)->uri, ==,
                   "https://www.mscos.co.uk/safety-from-any-trafficker-or-other-abusers.html");
  blocks = mscos_outcome_get_descriptor (outcome);
  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpstr (mscos_block_get_text (g_ptr_array_index (blocks, 0)), ==,
                   "This outcome includes a safe rescue process.\nAnd ongoing safety.");
  g_assert_cmpint (mscos_block_get_block_type (g_ptr_array_index (blocks, 1)), ==, MSCOS_BLOCK_HEADING);
  g_assert_cmpstr (mscos_block_get_label (g_ptr_array_index (blocks, 2)), ==, "A survivor");

  /* Groups rank by their first outcome, so the sidebar keeps the pack's order. */
  g_assert_cmpuint (mscos_outcome_get_group_rank (outcome), ==, 1);
  g_assert_cmpuint (mscos_outcome_get_group_rank (mscos_content_pack_lookup_outcome (pack, "first")), ==, 0);
  g_assert_cmpuint (mscos_outcome_get_group_rank (mscos_content_pack_lookup_outcome (pack, "children")), ==, 2);

  /* quote */
  item = mscos_content_pack_lookup_item (pack, "safety.quote-keith");
  g_assert_nonnull (item);
  g_assert_cmpint (mscos_item_get_kind (item), ==, MSCOS_ITEM_QUOTE);
  g_assert_cmpstr (mscos_item_get_text (item), ==, "You have to feel able to trust in the police — and café owners.");
  g_assert_cmpstr (mscos_item_get_speaker (item), ==, "Keith");
  attribution = mscos_item_dup_attribution (item);
  g_assert_cmpstr (attribution, ==, "Keith, MSCOS Research Advisory Board");
  g_assert_cmpstr (mscos_item_get_outcome_id (item), ==, "safety");
  g_assert_null (mscos_item_get_parent (item));

  /* audio, with a file resolved against the pack's folder */
  item = mscos_content_pack_lookup_item (pack, "safety.audio-keith");
  g_assert_cmpint (mscos_item_get_kind (item), ==, MSCOS_ITEM_AUDIO);
  g_assert_cmpstr (mscos_item_get_title (item), ==, "Safety - Keith");
  g_assert_cmpstr (mscos_item_get_summary (item), ==, "Keith describes not being believed.");
  g_assert_cmpuint (mscos_item_get_audio_sources (item)->len, ==, 2);
  source = g_ptr_array_index (mscos_item_get_audio_sources (item), 0);
  g_assert_cmpint (source->type, ==, MSCOS_AUDIO_SOURCE_FILE);
  g_assert_true (g_str_has_prefix (source->uri, "file:///"));
  g_assert_true (g_str_has_suffix (source->uri, "/tests/data/good/audio/clip.ogg"));
  g_assert_true (source->reachable);
  source = g_ptr_array_index (mscos_item_get_audio_sources (item), 1);
  g_assert_cmpint (source->type, ==, MSCOS_AUDIO_SOURCE_PAGE);
  g_assert_cmpstr (source->uri, ==, "https://example.org/keith");
  g_assert_cmpstr (source->title, ==, "Listen online");
  g_assert_cmpuint (mscos_item_get_blocks (item)->len, ==, 1);
  item = mscos_content_pack_lookup_item (pack, "safety.audio-wendy");
  g_assert_cmpuint (mscos_item_get_audio_sources (item)->len, ==, 0);

  /* profile */
  item = mscos_content_pack_lookup_item (pack, "safety.shandra");
  g_assert_cmpint (mscos_item_get_kind (item), ==, MSCOS_ITEM_PROFILE);
  g_assert_cmpstr (mscos_item_get_title (item), ==, "Shandra Woworuntu");
  g_assert_cmpstr (mscos_item_get_role (item), ==, "International survivor leader");
  g_assert_cmpstr (((MscosLink *) g_ptr_array_index (mscos_item_get_links (item), 0))->uri, ==,
                   "mailto:info@example.org");

  /* resource, with its full text, links and items */
  item = mscos_content_pack_lookup_item (pack, "safety.beyond-survival");
  g_assert_cmpint (mscos_item_get_kind (item), ==, MSCOS_ITEM_RESOURCE);
  g_assert_cmpstr (mscos_item_get_organisation (item), ==, "Hope for Justice");
  g_assert_cmpstr (mscos_item_get_resource_type (item), ==, "report");
  g_assert_cmpuint (mscos_item_get_blocks (item)->len, ==, 2);
  list = g_ptr_array_index (mscos_item_get_blocks (item), 1);
  g_assert_cmpint (mscos_block_get_style (list), ==, MSCOS_LIST_NUMBERED);
  g_assert_cmpuint (mscos_block_get_n_children (list), ==, 3);
  /* Numbered from "start", except where the source gave its own number. */
  g_assert_cmpstr (mscos_block_get_label (mscos_block_get_child (list, 0)), ==, "3.");
  g_assert_cmpstr (mscos_block_get_label (mscos_block_get_child (list, 1)), ==, "5.");
  g_assert_cmpstr (mscos_block_get_label (mscos_block_get_child (list, 2)), ==, "5.");
  entry = mscos_block_get_child (list, 1);
  g_assert_cmpuint (mscos_block_get_n_children (entry), ==, 1);
  g_assert_cmpuint (mscos_block_get_n_children (mscos_block_get_child (entry, 0)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (mscos_item_get_children (item)), ==, 2);

  /* recommendations: groups, order, numbering and nesting kept */
  set = mscos_content_pack_lookup_item (pack, "safety.beyond-survival.recs");
  g_assert_cmpint (mscos_item_get_kind (set), ==, MSCOS_ITEM_RECOMMENDATIONS);
  g_assert_true (mscos_item_get_parent (set) == item);
  g_assert_cmpstr (mscos_item_get_organisation (set), ==, "Hope for Justice");
  g_assert_cmpuint (mscos_item_get_n_recommendations (set), ==, 7);
  group = child (set, 0);
  g_assert_cmpint (mscos_item_get_kind (group), ==, MSCOS_ITEM_GROUP);
  g_assert_cmpstr (mscos_item_get_title (group), ==, "Identification");
  g_assert_false (mscos_item_is_bookmarkable (group));
  rec = child (group, 1);
  g_assert_cmpstr (mscos_item_get_id (rec), ==, "safety.beyond-survival.recs.nrm-reform");
  g_assert_null (mscos_item_get_label (rec));
  g_assert_cmpint (mscos_item_get_style (rec), ==, MSCOS_LIST_NUMBERED);
  g_assert_cmpstr (mscos_item_get_label (child (rec, 0)), ==, "1.");
  g_assert_cmpstr (mscos_item_get_label (child (rec, 1)), ==, "2.");
  rec = mscos_content_pack_lookup_item (pack, "safety.beyond-survival.recs.nrm-reform.2.a");
  g_assert_nonnull (rec);
  g_assert_true (mscos_item_get_container (rec) == item);
  g_assert_cmpstr (mscos_item_get_outcome_id (rec), ==, "safety");
  group = child (set, 1);
  g_assert_null (mscos_item_get_title (group));
  g_assert_cmpuint (mscos_item_get_intro (group)->len, ==, 1);
  g_assert_cmpstr (mscos_item_get_label (child (group, 0)), ==, "1.");
  g_assert_cmpstr (mscos_item_get_label (child (group, 1)), ==, "8.");

  /* text */
  item = mscos_content_pack_lookup_item (pack, "safety.helpline-steps");
  g_assert_cmpint (mscos_item_get_kind (item), ==, MSCOS_ITEM_TEXT);
  g_assert_cmpstr (mscos_item_get_title (item), ==, "When you call the helpline");

  /* 4 voices, the resource, its quote, its set, 7 recommendations and the text: groups are
   * not items. */
  g_assert_cmpuint (mscos_content_pack_get_n_items (pack), ==, 15);
  g_assert_cmpuint (mscos_outcome_get_n_items (outcome), ==, 15);

  digest = mscos_item_dup_digest (set);
  g_assert_cmpuint (strlen (digest), ==, 64);
}

static MscosCorrection *
correction (MscosItem *item,
            guint      index)
{
  GPtrArray *corrections = mscos_item_get_corrections (item);

  g_assert_cmpuint (index, <, corrections->len);

  return g_ptr_array_index (corrections, index);
}

/* docs/content-pack.md as changed for issue 13: quotations without a speaker, corrections,
 * the descriptor's source and telephone numbers. */
static void
test_format_13 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = load_test_pack ("good/format-13.json", &error);
  g_autofree char *credit = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  MscosItem *item;
  MscosPhone *phone;

  g_assert_no_error (error);

  /* Nobody is named where the source names nobody. */
  item = mscos_content_pack_lookup_item (pack, "safety.unattributed");
  g_assert_null (mscos_item_get_speaker (item));
  g_assert_null (mscos_item_get_role (item));
  g_assert_null (mscos_item_dup_attribution (item));
  credit = mscos_item_dup_quote_credit (item);
  g_assert_cmpstr (credit, ==, "Quoted on the MSCOS page, not attributed");
  title = mscos_item_dup_display_title (item);
  g_assert_cmpstr (title, ==, "“Safety from any trafficker or other abuser is important becasue it is the start.”");
  g_assert_cmpuint (mscos_item_get_corrections (item)->len, ==, 0);
  g_clear_pointer (&credit, g_free);
  g_clear_pointer (&title, g_free);

  item = mscos_content_pack_lookup_item (pack, "safety.keith");
  credit = mscos_item_dup_quote_credit (item);
  g_assert_cmpstr (credit, ==, "Keith, MSCOS Research Advisory Board");
  title = mscos_item_dup_display_title (item);
  g_assert_cmpstr (title, ==, "“You have to feel able to trust.” — Keith");
  g_clear_pointer (&credit, g_free);
  g_clear_pointer (&title, g_free);

  /* A text without a title is named by its first words, not its kind. */
  item = mscos_content_pack_lookup_item (pack, "safety.steps");
  title = mscos_item_dup_display_title (item);
  g_assert_cmpstr (title, ==, "When you call the helpline, a trained adviser answers.");
  g_clear_pointer (&title, g_free);
  item = mscos_content_pack_lookup_item (pack, "safety.list-only");
  title = mscos_item_dup_display_title (item);
  g_assert_cmpstr (title, ==, "Call the police.");
  g_clear_pointer (&title, g_free);
  g_assert_null (mscos_item_dup_quote_credit (item));

  /* Corrections, each on its own item, in the pack's order. */
  item = mscos_content_pack_lookup_item (pack, "safety.steps");
  g_assert_cmpuint (mscos_item_get_corrections (item)->len, ==, 1);
  g_assert_cmpstr (correction (item, 0)->original, ==, "Reponders");
  g_assert_cmpstr (correction (item, 0)->corrected, ==, "Responders");
  g_assert_cmpstr (correction (item, 0)->note, ==, "A typing error on the page.");
  item = mscos_content_pack_lookup_item (pack, "safety.helpline");
  g_assert_cmpstr (correction (item, 0)->corrected, ==, "every day");
  g_assert_null (correction (item, 0)->note);
  item = mscos_content_pack_lookup_item (pack, "safety.helpline.recs");
  g_assert_cmpuint (mscos_item_get_corrections (item)->len, ==, 2);
  g_assert_cmpstr (correction (item, 1)->corrected, ==, "Identification");
  item = mscos_content_pack_lookup_item (pack, "safety.helpline.recs.1");
  g_assert_cmpstr (correction (item, 1)->corrected, ==, "(i)");
  item = mscos_content_pack_lookup_item (pack, "safety.helpline.audio");
  g_assert_cmpuint (mscos_item_get_corrections (item)->len, ==, 2);
  item = mscos_content_pack_lookup_item (pack, "safety.helpline.shandra");
  g_assert_cmpstr (correction (item, 0)->original, ==, "internationl");

  /* Telephone numbers, as the pack writes them, in the item's text. */
  item = mscos_content_pack_lookup_item (pack, "safety.steps");
  g_assert_cmpuint (mscos_item_get_phones (item)->len, ==, 2);
  phone = g_ptr_array_index (mscos_item_get_phones (item), 0);
  g_assert_cmpstr (phone->title, ==, "UK Modern Slavery & Exploitation Helpline");
  g_assert_cmpstr (phone->number, ==, "08000 121 700");
  phone = g_ptr_array_index (mscos_item_get_phones (item), 1);
  g_assert_cmpstr (phone->number, ==, "+44 (0)20 7946-0000");
  text = mscos_item_dup_plain_text (item);
  g_assert_nonnull (strstr (text, "08000 121 700"));
  item = mscos_content_pack_lookup_item (pack, "safety.helpline");
  g_assert_cmpuint (mscos_item_get_phones (item)->len, ==, 1);
  g_assert_cmpuint (mscos_item_get_phones (mscos_content_pack_lookup_item (pack, "safety.keith"))->len, ==, 0);

  /* The descriptor is the editors' summary unless the pack says it is the study's. */
  g_assert_cmpint (mscos_outcome_get_descriptor_source (mscos_content_pack_lookup_outcome (pack, "safety")), ==,
                   MSCOS_DESCRIPTOR_SOURCE_STUDY);
  g_assert_cmpint (mscos_outcome_get_descriptor_source (mscos_content_pack_lookup_outcome (pack, "housing")), ==,
                   MSCOS_DESCRIPTOR_SOURCE_SUMMARY);
}

/* A text without a title was listed (Library, exports, GNOME Shell) as "text", the untranslated
 * name of its kind. */
static void
test_display_title_of_untitled_text (void)
{
  const char *json =
    "{\"format\": \"mscos-content-pack\", \"version\": 1,"
    " \"pack\": {\"id\": \"p\", \"title\": \"P\", \"revision\": \"1\", \"date\": \"2026-01-01\", \"language\": \"en\"},"
    " \"outcomes\": [{\"id\": \"o\", \"title\": \"O\", \"group\": \"core-outcome\", \"summary\": \"s\","
    "   \"descriptor\": [{\"type\": \"paragraph\", \"text\": \"d\"}], \"sections\": [{\"id\": \"o.s\", \"items\": ["
    "     {\"id\": \"o.words\", \"kind\": \"text\", \"body\": [{\"type\": \"heading\", \"text\": \"Before you call\"}]}"
    "   ]}]}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = parse_string (json, strlen (json), &error);
  g_autofree char *words = NULL;

  g_assert_no_error (error);
  words = mscos_item_dup_display_title (mscos_content_pack_lookup_item (pack, "o.words"));
  g_assert_cmpstr (words, ==, "Before you call");
}

static void
test_digest_follows_text (void)
{
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "data", "good", "every-kind.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *changed = NULL;
  g_autoptr (MscosContentPack) a = NULL;
  g_autoptr (MscosContentPack) b = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) parts = NULL;
  const char *ids[] = { "safety.quote-keith", "safety.beyond-survival", "safety.beyond-survival.recs",
                        "safety.beyond-survival.recs.nrm-reform", "safety.beyond-survival.recs.nrm-reform.2.a" };
  /* The nested recommendation changes; everything that holds it in its text changes too. */
  gboolean expect_changed[] = { FALSE, FALSE, TRUE, TRUE, TRUE };

  g_assert_true (g_file_get_contents (filename, &json, NULL, NULL));
  parts = g_strsplit (json, "Deeply nested.", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv ("Deeply nested, reworded.", parts);

  a = parse_string (json, strlen (json), &error);
  g_assert_no_error (error);
  b = parse_string (changed, strlen (changed), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *da = mscos_item_dup_digest (mscos_content_pack_lookup_item (a, ids[i]));
      g_autofree char *db = mscos_item_dup_digest (mscos_content_pack_lookup_item (b, ids[i]));

      g_test_message ("%s", ids[i]);
      if (expect_changed[i])
        g_assert_cmpstr (da, !=, db);
      else
        g_assert_cmpstr (da, ==, db);
    }
}

/* Whether @message holds a control character other than the line breaks between problems: the
 * message goes to a terminal with --validate, where an escape sequence would act. */
static gboolean
holds_control_character (const char *message)
{
  for (const char *p = message; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

static void
test_malformed (gconstpointer data)
{
  const char *line = data;
  g_auto (GStrv) parts = g_strsplit (line, "\t", 2);
  g_autofree char *path = g_build_filename ("bad", parts[0], NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = load_test_pack (path, &error);

  int code = strstr (parts[0], "newer-version") ? MSCOS_CONTENT_ERROR_NEWER_VERSION
                                                : MSCOS_CONTENT_ERROR_INVALID;

  g_assert_null (pack);
  g_assert_error (error, MSCOS_CONTENT_ERROR, code);
  g_test_message ("%s", error->message);
  /* Shown to people as it is: json-glib cuts quoted text at a byte count, not a character. */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_false (holds_control_character (error->message));
  g_assert_nonnull (strstr (error->message, parts[1]));
}

static void
test_all_problems_reported (void)
{
  const char *json =
    "{\"format\": \"mscos-content-pack\", \"version\": 1, \"extra\": true,"
    " \"pack\": {\"id\": \"p\", \"title\": \"\", \"revision\": \"1\", \"date\": \"2026-01-01\", \"language\": \"en\"},"
    " \"outcomes\": [{\"id\": \"o\", \"title\": 5, \"group\": \"core-outcome\", \"summary\": \"s\","
    "   \"descriptor\": [{\"type\": \"paragraph\", \"text\": \"d\"}], \"sections\": [],"
    "   \"link\": {\"title\": \"t\", \"uri\": \"ftp://example.org/\"}}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = parse_string (json, strlen (json), &error);
  g_auto (GStrv) lines = NULL;

  g_assert_null (pack);
  g_assert_nonnull (error);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "unknown member \"extra\"");
  g_assert_cmpstr (lines[1], ==, "pack.title: must not be empty");
  g_assert_cmpstr (lines[2], ==, "outcomes[0].title: expected a string, found a number");
  g_assert_cmpstr (lines[3], ==, "outcomes[0].link.uri: only https, http and mailto links are allowed");
}

static void
test_problems_are_capped (void)
{
  GString *json = g_string_new ("{\"format\": \"mscos-content-pack\", \"version\": 1, "
                                "\"pack\": {\"id\": \"p\", \"title\": \"t\", \"revision\": \"1\", "
                                "\"date\": \"2026-01-01\", \"language\": \"en\"}, \"outcomes\": [");
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = NULL;
  g_auto (GStrv) lines = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append (json, i ? ", 1" : "1");
  g_string_append (json, "]}");

  pack = parse_string (json->str, json->len, &error);
  g_assert_null (pack);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 501);
  g_assert_cmpstr (lines[499], ==, "outcomes[499]: expected an object, found a number");
  /* Checking stops there: the rest is neither counted nor looked at. */
  g_assert_cmpstr (lines[500], ==, "…and more problems; only the first 500 are listed");
  g_string_free (json, TRUE);
}

/* A million empty outcomes make a 3 MB file that json-glib would hold in hundreds of MB: such a
 * file is refused before it is parsed. (tests/perf/bench-loader-memory measures the memory.) */
static void
test_too_many_values (void)
{
  const guint n = 1000000;
  GString *json = g_string_new ("{\"format\": \"mscos-content-pack\", \"version\": 1, "
                                "\"pack\": {\"id\": \"p\", \"title\": \"t\", \"revision\": \"1\", "
                                "\"date\": \"2026-01-01\", \"language\": \"en\"}, \"outcomes\": [");
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append (json, i ? ",{}" : "{}");
  g_string_append (json, "]}");

  pack = parse_string (json->str, json->len, &error);
  g_assert_null (pack);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "line 1, column "));
  g_assert_nonnull (strstr (error->message, ": the file holds more values than a pack of its size can need"));
  g_assert_null (strchr (error->message, '\n'));
  g_string_free (json, TRUE);
}

/* Gives every "id" under @node the suffix @suffix. */
static void
rename_ids (JsonNode   *node,
            const char *suffix)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);

          if (strcmp (l->data, "id") == 0)
            {
              g_autofree char *id = g_strconcat (json_node_get_string (member), suffix, NULL);

              json_object_set_string_member (object, "id", id);
            }
          else
            {
              rename_ids (member, suffix);
            }
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        rename_ids (json_array_get_element (array, i), suffix);
    }
}

/* The limit on values leaves room for real packs: twenty times the built-in pack's outcomes,
 * written without any white space (3 MB), are read. */
static void
test_large_real_pack (void)
{
  g_autofree char *filename = g_build_filename (SOURCE_ROOT, "resources", "content", "mscos.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonArray) outcomes = json_array_new ();
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *root;
  JsonArray *original;
  gsize length;

  g_assert_true (json_parser_load_from_file (parser, filename, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint k = 0; k < 20; k++)
    {
      /* json_node_copy() would share the objects: each copy is parsed anew. */
      g_autoptr (JsonParser) copy = json_parser_new ();
      g_autofree char *suffix = g_strdup_printf ("-copy%u", k);

      g_assert_true (json_parser_load_from_file (copy, filename, &error));
      rename_ids (json_parser_get_root (copy), suffix);
      original = json_object_get_array_member (json_node_get_object (json_parser_get_root (copy)),
                                               "outcomes");
      for (guint i = 0; i < json_array_get_length (original); i++)
        json_array_add_element (outcomes, json_array_dup_element (original, i));
    }
  json_object_set_array_member (root, "outcomes", g_steal_pointer (&outcomes));
  json = json_to_string (json_parser_get_root (parser), FALSE);
  length = strlen (json);
  g_test_message ("%" G_GSIZE_FORMAT " bytes", length);
  g_assert_cmpuint (length, >, 2 * 1000 * 1000);

  pack = parse_string (json, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
}

static void
test_byte_order_mark (void)
{
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "data", "good", "every-kind.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *with_bom = NULL;
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (filename, &json, NULL, NULL));
  with_bom = g_strconcat ("\xef\xbb\xbf", json, NULL);
  pack = parse_string (with_bom, strlen (with_bom), &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
}

static void
test_deep_nesting (void)
{
  const gsize depth = 300000;
  g_autofree char *json = g_malloc (2 * depth + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = NULL;

  memset (json, '[', depth);
  memset (json + depth, ']', depth);
  json[2 * depth] = '\0';

  pack = parse_string (json, 2 * depth, &error);
  g_assert_null (pack);
  g_assert_nonnull (strstr (error->message, "nested more than 1023 levels deep"));
}

static void
test_huge_string (void)
{
  const gsize size = 30 * 1024 * 1024;
  GString *json = g_string_sized_new (size + 512);
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = NULL;

  g_string_append (json, "{\"format\": \"mscos-content-pack\", \"version\": 1, "
                         "\"pack\": {\"id\": \"p\", \"title\": \"");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (json, 'a' + i % 26);
  g_string_append (json, "\", \"revision\": \"1\", \"date\": \"2026-01-01\", \"language\": \"en\"}, "
                         "\"outcomes\": []}");

  pack = parse_string (json->str, json->len, &error);
  g_assert_null (pack);
  g_assert_nonnull (strstr (error->message, "pack.title: is longer than 65536 bytes"));
  g_string_free (json, TRUE);
}

/* Text may hold line breaks: a long run of them is checked in one pass, not one per break. */
static void
test_huge_text_of_line_breaks (void)
{
  const gsize n_breaks = 4 * 1024 * 1024;
  GString *json = g_string_sized_new (2 * n_breaks + 512);
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = NULL;

  g_string_append (json, "{\"format\": \"mscos-content-pack\", \"version\": 1, "
                         "\"pack\": {\"id\": \"p\", \"title\": \"P\", \"revision\": \"1\", "
                         "\"date\": \"2026-01-01\", \"language\": \"en\"}, "
                         "\"outcomes\": [{\"id\": \"o\", \"title\": \"O\", \"group\": \"core-outcome\", "
                         "\"summary\": \"S\", \"descriptor\": [{\"type\": \"paragraph\", \"text\": \"");
  for (gsize i = 0; i < n_breaks; i++)
    g_string_append (json, "\\n");
  g_string_append (json, "\"}], \"sections\": []}]}");

  pack = parse_string (json->str, json->len, &error);
  g_assert_null (pack);
  g_assert_nonnull (strstr (error->message, "outcomes[0].descriptor[0].text: is longer than 65536 bytes"));
  g_string_free (json, TRUE);
}

static void
test_random_bytes (void)
{
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "data", "good", "every-kind.json", NULL);
  g_autofree char *json = NULL;
  gsize length;
  GRand *rand = g_rand_new_with_seed (20261128);

  g_assert_true (g_file_get_contents (filename, &json, &length, NULL));

  /* Flip bytes of a good pack: every result is either a pack or a clean refusal. */
  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *copy = g_memdup2 (json, length);
      g_autoptr (GError) error = NULL;
      g_autoptr (MscosContentPack) pack = NULL;
      guint flips = g_rand_int_range (rand, 1, 8);

      for (guint i = 0; i < flips; i++)
        copy[g_rand_int_range (rand, 0, length)] = g_rand_int_range (rand, 0, 256);

      pack = parse_string (copy, length, &error);
      g_assert_true ((pack == NULL) != (error == NULL));
    }

  g_rand_free (rand);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MscosContentPack **pack = user_data;
  g_autoptr (GError) error = NULL;

  *pack = mscos_content_pack_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "data", "good", "every-kind.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (filename);
  g_autoptr (MscosContentPack) pack = NULL;

  mscos_content_pack_load_async (file, NULL, loaded_cb, &pack);
  while (pack == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (mscos_content_pack_get_n_items (pack), ==, 15);
  g_assert_true (g_file_equal (mscos_content_pack_get_file (pack), file));
}

static void
test_missing_file (void)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/pack.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = mscos_content_pack_load (file, NULL, &error);

  g_assert_null (pack);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* --- Pack folders and audio the app cannot reach ------------------------------------------ */

/* A new folder NAME in the test's own data folder. */
static GFile *
make_folder (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  return g_file_new_for_path (path);
}

static void
copy_test_file (const char *from,
                GFile      *folder,
                const char *to)
{
  g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "data", from, NULL);
  g_autoptr (GFile) source = g_file_new_for_path (source_path);
  g_autoptr (GFile) target = g_file_resolve_relative_path (folder, to);
  g_autoptr (GFile) parent = g_file_get_parent (target);
  g_autoptr (GError) error = NULL;

  if (!g_file_query_exists (parent, NULL))
    g_assert_true (g_file_make_directory_with_parents (parent, NULL, &error));
  g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
write_file (GFile      *folder,
            const char *name,
            const char *text)
{
  g_autoptr (GFile) file = g_file_get_child (folder, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Keith's recording in every-kind.json: its file source. */
static const MscosAudioSource *
keith_file_source (MscosContentPack *pack)
{
  MscosItem *item = mscos_content_pack_lookup_item (pack, "safety.audio-keith");
  const MscosAudioSource *source;

  g_assert_nonnull (item);
  source = g_ptr_array_index (mscos_item_get_audio_sources (item), 0);
  g_assert_cmpint (source->type, ==, MSCOS_AUDIO_SOURCE_FILE);

  return source;
}

static void
assert_source_in (const MscosAudioSource *source,
                  GFile                  *folder)
{
  g_autoptr (GFile) expected = g_file_resolve_relative_path (folder, "audio/clip.ogg");
  g_autofree char *expected_uri = g_file_get_uri (expected);

  g_assert_cmpstr (source->uri, ==, expected_uri);
}

/* A folder opened as a pack reads the pack file in it, and its audio plays from beside it. */
static void
test_folder_with_audio (void)
{
  g_autoptr (GFile) folder = make_folder ("Révision 2026.2 du pack");
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;
  const MscosAudioSource *source;

  copy_test_file ("good/every-kind.json", folder, "mscos-2026.2.json");
  copy_test_file ("good/audio/clip.ogg", folder, "audio/clip.ogg");
  write_file (folder, "README.txt", "Not a pack.");

  pack = mscos_content_pack_load (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_true (g_file_equal (mscos_content_pack_get_file (pack), folder));
  g_assert_true (g_file_equal (mscos_content_pack_get_folder (pack), folder));

  source = keith_file_source (pack);
  assert_source_in (source, folder);
  g_assert_true (source->reachable);
}

/* A pack file opened on its own: its folder is the one it is in. */
static void
test_file_folder (void)
{
  g_autoptr (GFile) folder = make_folder ("pack");
  g_autoptr (GFile) file = g_file_get_child (folder, "every-kind.json");
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;

  copy_test_file ("good/every-kind.json", folder, "every-kind.json");
  pack = mscos_content_pack_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (mscos_content_pack_get_file (pack), file));
  g_assert_true (g_file_equal (mscos_content_pack_get_folder (pack), folder));
}

/* Which .json file of a folder is the pack: pack.json among several, or the only one. */
static void
test_folder_choice (void)
{
  g_autoptr (GFile) several = make_folder ("several");
  g_autoptr (GFile) named = make_folder ("named");
  g_autoptr (GFile) empty = make_folder ("empty");
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;

  copy_test_file ("good/every-kind.json", named, MSCOS_CONTENT_PACK_FOLDER_FILE);
  write_file (named, "notes.json", "not a pack");
  write_file (named, "zzz.json", "not a pack either");
  pack = mscos_content_pack_load (named, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mscos_content_pack_lookup_item (pack, "safety.audio-keith"));
  g_clear_object (&pack);

  copy_test_file ("good/every-kind.json", several, "a.json");
  copy_test_file ("good/every-kind.json", several, "b.json");
  pack = mscos_content_pack_load (several, NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "pack.json"));
  g_clear_error (&error);

  write_file (empty, "README.txt", "No pack here.");
  pack = mscos_content_pack_load (empty, NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, ".json"));
}

/* A pack file whose recordings are not beside it, as the document portal shows a pack file
 * opened on its own (its folder holds that one file): each recording says it is not there,
 * with the place it was looked for; once the recording is there, it is. */
static void
test_audio_unreachable (void)
{
  g_autoptr (GFile) folder = make_folder ("portal-document");
  g_autoptr (GFile) file = g_file_get_child (folder, "pack.json");
  g_autoptr (GFile) audio = g_file_resolve_relative_path (folder, "audio/clip.ogg");
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;
  const MscosAudioSource *source;

  copy_test_file ("good/every-kind.json", folder, "pack.json");
  pack = mscos_content_pack_load (file, NULL, &error);
  g_assert_no_error (error);
  source = keith_file_source (pack);
  assert_source_in (source, folder);
  g_assert_false (source->reachable);
  g_clear_object (&pack);

  /* A folder where the recording should be is no recording. */
  g_assert_true (g_file_make_directory_with_parents (audio, NULL, &error));
  pack = mscos_content_pack_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (keith_file_source (pack)->reachable);
  g_clear_object (&pack);
  g_assert_true (g_file_delete (audio, NULL, &error));

  copy_test_file ("good/audio/clip.ogg", folder, "audio/clip.ogg");
  pack = mscos_content_pack_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (keith_file_source (pack)->reachable);
  g_clear_object (&pack);

  /* One the app may not read (root reads everything: not checked as root). */
  if (getuid () != 0)
    {
      g_autofree char *path = g_file_get_path (audio);

      g_assert_cmpint (g_chmod (path, 0), ==, 0);
      pack = mscos_content_pack_load (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (keith_file_source (pack)->reachable);
    }
}

/* A pack read from bytes with no folder has no file to play. */
static void
test_audio_without_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "every-kind.json",
                                                 NULL);
  g_autofree char *text = NULL;
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  pack = parse_string (text, length, &error);
  g_assert_no_error (error);
  g_assert_null (mscos_content_pack_get_folder (pack));
  g_assert_null (keith_file_source (pack)->uri);
  g_assert_false (keith_file_source (pack)->reachable);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *expected_path = NULL;
  g_autofree char *expected = NULL;
  g_auto (GStrv) lines = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/content-pack/every-kind", test_every_kind);
  g_test_add_func ("/core/content-pack/digest-follows-text", test_digest_follows_text);
  g_test_add_func ("/core/content-pack/format-13", test_format_13);
  g_test_add_func ("/core/content-pack/display-title/untitled-text", test_display_title_of_untitled_text);
  g_test_add_func ("/core/content-pack/all-problems-reported", test_all_problems_reported);
  g_test_add_func ("/core/content-pack/problems-are-capped", test_problems_are_capped);
  g_test_add_func ("/core/content-pack/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/core/content-pack/robust/too-many-values", test_too_many_values);
  g_test_add_func ("/core/content-pack/robust/large-real-pack", test_large_real_pack);
  g_test_add_func ("/core/content-pack/robust/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/content-pack/robust/huge-string", test_huge_string);
  g_test_add_func ("/core/content-pack/robust/huge-text-of-line-breaks", test_huge_text_of_line_breaks);
  g_test_add_func ("/core/content-pack/robust/random-bytes", test_random_bytes);
  g_test_add_func ("/core/content-pack/load-async", test_load_async);
  g_test_add_func ("/core/content-pack/missing-file", test_missing_file);
  g_test_add_func ("/core/content-pack/folder/audio-beside-it", test_folder_with_audio);
  g_test_add_func ("/core/content-pack/folder/of-a-file", test_file_folder);
  g_test_add_func ("/core/content-pack/folder/which-json", test_folder_choice);
  g_test_add_func ("/core/content-pack/audio/unreachable", test_audio_unreachable);
  g_test_add_func ("/core/content-pack/audio/without-folder", test_audio_without_folder);

  expected_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "EXPECTED", NULL);
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *test_path = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      name = g_strndup (lines[i], strcspn (lines[i], "."));
      test_path = g_strdup_printf ("/core/content-pack/rejects/%s", name);
      g_test_add_data_func_full (test_path, g_strdup (lines[i]), test_malformed, g_free);
    }

  return g_test_run ();
}
