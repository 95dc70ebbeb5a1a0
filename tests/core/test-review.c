/* test-review.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "mscos-review-merge.h"

/* Review comments, their W3C Web Annotation JSON-LD, the consultation table and the merge of
 * several reviewers' files. Times in the tables are local: the tests run in UTC. */

static MscosContentPack *
load_every_kind (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "every-kind.json",
                                                 NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  MscosContentPack *pack = mscos_content_pack_load (file, NULL, &error);

  g_assert_no_error (error);

  return pack;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

static MscosReview *
parse_string (const char  *json,
              GError     **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (json, strlen (json));

  return mscos_review_new_from_bytes (bytes, error);
}

static MscosReviewComment *
get_comment (GListModel *model,
             guint       position)
{
  MscosReviewComment *comment;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  comment = g_list_model_get_item (model, position);
  g_object_unref (comment);

  return comment;
}

/* A review of every-kind.json with three comments: a change request quoting words of a
 * quote, a comment on the pack as a whole that looks like a spreadsheet formula, and an
 * answered question on a nested recommendation. */
static MscosReview *
make_review (MscosContentPack *pack)
{
  g_autoptr (MscosPackOutline) outline = mscos_pack_outline_new (pack);
  MscosReview *review = mscos_review_new_for_pack (pack, NULL);
  g_autoptr (MscosReviewComment) quoted = NULL;
  g_autoptr (MscosReviewComment) whole = NULL;
  g_autoptr (MscosReviewComment) question = NULL;
  g_autoptr (MscosReviewQuote) quote = NULL;
  MscosItem *keith = mscos_content_pack_lookup_item (pack, "safety.quote-keith");
  const char *text = mscos_item_get_text (keith);
  const char *words = strstr (text, "trust in the police");

  mscos_review_set_base_revision (review, "6");

  quoted = mscos_review_comment_new_for_item (outline, "safety.quote-keith",
                                              MSCOS_COMMENT_CHANGE_REQUEST,
                                              "Say \"trust\", not belief, here.", "Ana Silva");
  quote = mscos_review_quote_new_from_selection (text, words - text,
                                                 words - text + strlen ("trust in the police"));
  mscos_review_comment_set_quote (quoted, quote);

  whole = mscos_review_comment_new_for_item (outline, NULL, MSCOS_COMMENT_COMMENT,
                                             "=HYPERLINK(\"https://example.org\")", "@reviewer");

  question = mscos_review_comment_new_for_item (outline,
                                                "safety.beyond-survival.recs.nrm-reform.2.a",
                                                MSCOS_COMMENT_QUESTION,
                                                "Line one,\nline two | with *stars* and <b>",
                                                "Łukasz Żółć");
  mscos_review_comment_set_status (question, MSCOS_COMMENT_REJECTED);
  mscos_review_comment_set_response (question, "-1: we keep it.\n\n# Not a heading");

  mscos_review_add (review, quoted);
  mscos_review_add (review, whole);
  mscos_review_add (review, question);

  return review;
}

/* --- Comments ---------------------------------------------------------------------------- */

static void
test_comment_new (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosPackOutline) outline = mscos_pack_outline_new (pack);
  g_autoptr (MscosReviewComment) comment = NULL;
  g_autoptr (MscosReviewComment) whole = NULL;
  const char *id;

  comment = mscos_review_comment_new_for_item (outline,
                                               "safety.beyond-survival.recs.nrm-reform.2.a",
                                               MSCOS_COMMENT_QUESTION, "Why?", "  Ana\nSilva ");
  id = mscos_review_comment_get_id (comment);
  g_assert_true (g_str_has_prefix (id, "urn:uuid:"));
  g_assert_true (g_uuid_string_is_valid (id + strlen ("urn:uuid:")));
  g_assert_cmpstr (mscos_review_comment_get_pack_id (comment), ==, "test.every-kind");
  g_assert_cmpstr (mscos_review_comment_get_revision (comment), ==, "7");
  g_assert_cmpstr (mscos_review_comment_get_item_path (comment), ==,
                   "outcomes[1].sections[1].items[0].items[1].groups[0].items[1].items[1]"
                   ".items[0]");
  g_assert_cmpstr (mscos_review_comment_get_item_kind (comment), ==, "recommendation");
  g_assert_cmpstr (mscos_review_comment_get_outcome_id (comment), ==, "safety");
  g_assert_cmpstr (mscos_review_comment_get_section_id (comment), ==, "safety.practice");
  g_assert_cmpstr (mscos_review_comment_get_language (comment), ==, "en-GB");
  /* A name is one line. */
  g_assert_cmpstr (mscos_review_comment_get_reviewer (comment), ==, "Ana Silva");
  g_assert_cmpint (mscos_review_comment_get_status (comment), ==, MSCOS_COMMENT_OPEN);
  g_assert_null (mscos_review_comment_get_response (comment));
  g_assert_true (g_date_time_equal (mscos_review_comment_get_created (comment),
                                    mscos_review_comment_get_modified (comment)));

  whole = mscos_review_comment_new_for_item (outline, NULL, MSCOS_COMMENT_COMMENT, "", "Ana");
  g_assert_null (mscos_review_comment_get_item_id (whole));
  g_assert_null (mscos_review_comment_get_item_path (whole));
  g_assert_cmpstr (mscos_review_comment_get_id (whole), !=, id);

  g_assert_null (mscos_review_comment_new_for_item (outline, "no.such.item", MSCOS_COMMENT_COMMENT,
                                                    "", "Ana"));
}

static void
changed_cb (MscosReviewComment *comment,
            guint              *count)
{
  (*count)++;
}

static void
test_comment_changes (void)
{
  g_autoptr (MscosReviewComment) comment = mscos_review_comment_new ("test.pack", "1", "an.item",
                                                                     MSCOS_COMMENT_COMMENT,
                                                                     "First", "Ana");
  g_autoptr (GDateTime) created = g_date_time_ref (mscos_review_comment_get_created (comment));
  guint changes = 0;

  g_signal_connect (comment, "changed", G_CALLBACK (changed_cb), &changes);

  mscos_review_comment_set_text (comment, "Second\r\nline\tend\x01");
  g_assert_cmpstr (mscos_review_comment_get_text (comment), ==, "Second\nline end ");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (g_date_time_compare (mscos_review_comment_get_modified (comment), created), >=,
                   0);

  /* The same text again is no change. */
  mscos_review_comment_set_text (comment, "Second\nline end ");
  g_assert_cmpuint (changes, ==, 1);

  mscos_review_comment_set_status (comment, MSCOS_COMMENT_ACCEPTED);
  mscos_review_comment_set_response (comment, "Done in the next revision.");
  mscos_review_comment_set_comment_type (comment, MSCOS_COMMENT_CHANGE_REQUEST);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_true (g_date_time_equal (mscos_review_comment_get_created (comment), created));

  /* Text too long for the file is cut at a character boundary. */
  {
    g_autoptr (GString) huge = g_string_new (NULL);
    const char *text;

    for (guint i = 0; i < 30000; i++)
      g_string_append (huge, "é");
    mscos_review_comment_set_text (comment, huge->str);
    text = mscos_review_comment_get_text (comment);
    g_assert_cmpuint (strlen (text), <=, 65536);
    g_assert_true (g_utf8_validate (text, -1, NULL));
  }
}

/* --- Quotes ------------------------------------------------------------------------------ */

static void
test_quote (void)
{
  const char *text = "Survivors said: the café was safe. Later, the café closed, and the "
                     "café’s owner moved to Zürich.";
  const char *second = strstr (strstr (text, "café") + 1, "café");
  g_autoptr (MscosReviewQuote) quote = NULL;
  g_autoptr (MscosReviewQuote) edge = NULL;
  gsize start, end;

  quote = mscos_review_quote_new_from_selection (text, second - text,
                                                 second - text + strlen ("café closed"));
  g_assert_cmpstr (mscos_review_quote_get_exact (quote), ==, "café closed");
  g_assert_cmpuint (g_utf8_strlen (mscos_review_quote_get_prefix (quote), -1), <=,
                    MSCOS_REVIEW_QUOTE_CONTEXT);
  g_assert_true (g_str_has_suffix (mscos_review_quote_get_prefix (quote), "Later, the "));
  g_assert_true (g_str_has_prefix (mscos_review_quote_get_suffix (quote), ", and the"));
  g_assert_true (g_utf8_validate (mscos_review_quote_get_prefix (quote), -1, NULL));
  g_assert_true (g_utf8_validate (mscos_review_quote_get_suffix (quote), -1, NULL));

  /* Found again in a later revision that added words before it. */
  g_assert_true (mscos_review_quote_find (quote, "New words. Survivors said: the café was safe. "
                                          "Later, the café closed, and so on.", &start, &end));
  g_assert_cmpuint (end - start, ==, strlen ("café closed"));

  /* Where the words occur twice, the prefix and suffix choose. */
  {
    g_autoptr (MscosReviewQuote) twice = mscos_review_quote_new ("the café", "Later, ", ", and");
    const char *later = "At first the café, and then. Later, the café, and after.";

    g_assert_true (mscos_review_quote_find (twice, later, &start, &end));
    g_assert_cmpuint (start, ==, strstr (later, "Later, the café") + strlen ("Later, ") - later);
  }

  g_assert_false (mscos_review_quote_find (quote, "Nothing like it.", NULL, NULL));

  /* At the very start, and with a combining mark after the selection's end. */
  edge = mscos_review_quote_new_from_selection ("cafe\xcc\x81 au lait", 0, 4);
  g_assert_cmpstr (mscos_review_quote_get_prefix (edge), ==, "");
  g_assert_true (g_utf8_validate (mscos_review_quote_get_suffix (edge), -1, NULL));
  g_assert_null (mscos_review_quote_new_from_selection ("text", 2, 2));
}

/* A changed item's label shows the deleted words among the revision's (struck through): a
 * quote of words selected in it is of the revision's text alone, whatever the selection
 * begins or ends in. */
static void
test_quote_shown (void)
{
  /* As the label shows "Le café fermé rouvre à Zürich": "fermé" deleted, and the space put
   * between it and the inserted "rouvre", neither of them the revision's. */
  const char *text = "Le café rouvre à Zürich, dit l’équipe.";
  const char *shown = "Le café fermé rouvre à Zürich, dit l’équipe.";
  const char *deleted = strstr (shown, "fermé");
  const char *inserted = strstr (shown, "rouvre");
  g_autoptr (GArray) gaps = g_array_new (FALSE, FALSE, sizeof (MscosReviewQuoteGap));
  MscosReviewQuoteGap gap = { deleted - shown, inserted - shown };
  gsize found_start, found_end;

  g_array_append_val (gaps, gap);

  /* Across the deleted word: the revision's words, as they are in its text. */
  {
    g_autoptr (MscosReviewQuote) quote =
      mscos_review_quote_new_from_shown (shown, gaps, strstr (shown, "café") - shown,
                                         strstr (shown, "à") - shown + strlen ("à"));

    g_assert_cmpstr (mscos_review_quote_get_exact (quote), ==, "café rouvre à");
    g_assert_cmpstr (mscos_review_quote_get_prefix (quote), ==, "Le ");
    g_assert_cmpstr (mscos_review_quote_get_suffix (quote), ==, " Zürich, dit l’équipe.");
    g_assert_true (mscos_review_quote_find (quote, text, &found_start, &found_end));
    g_assert_cmpuint (found_start, ==, strstr (text, "café") - text);
  }

  /* Beginning inside the deleted word, after its first accented letters. */
  {
    g_autoptr (MscosReviewQuote) quote =
      mscos_review_quote_new_from_shown (shown, gaps, deleted + strlen ("fer") - shown,
                                         strstr (shown, "Zürich") + strlen ("Zürich") - shown);

    g_assert_cmpstr (mscos_review_quote_get_exact (quote), ==, "rouvre à Zürich");
    g_assert_cmpstr (mscos_review_quote_get_prefix (quote), ==, "Le café ");
  }

  /* Ending inside it: the space before it is the prefix's, not the quote's. */
  {
    g_autoptr (MscosReviewQuote) quote =
      mscos_review_quote_new_from_shown (shown, gaps, 0, deleted + strlen ("fe") - shown);

    g_assert_cmpstr (mscos_review_quote_get_exact (quote), ==, "Le café");
    g_assert_true (g_str_has_prefix (mscos_review_quote_get_suffix (quote), " rouvre à Zürich"));
    g_assert_true (mscos_review_quote_find (quote, text, &found_start, &found_end));
    g_assert_cmpuint (found_start, ==, 0);
  }

  /* Only deleted words selected: nothing of the revision to quote. */
  g_assert_null (mscos_review_quote_new_from_shown (shown, gaps, deleted - shown,
                                                    inserted - shown));

  /* Without gaps, the text shown is the revision's. */
  {
    g_autoptr (GArray) none = g_array_new (FALSE, FALSE, sizeof (MscosReviewQuoteGap));
    g_autoptr (MscosReviewQuote) quote =
      mscos_review_quote_new_from_shown (text, none, strstr (text, "Zürich") - text,
                                         strstr (text, ",") - text);

    g_assert_cmpstr (mscos_review_quote_get_exact (quote), ==, "Zürich");
    g_assert_cmpstr (mscos_review_quote_get_prefix (quote), ==, "Le café rouvre à ");
  }
}

/* --- The model --------------------------------------------------------------------------- */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->count++;
}

static void
test_model (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosReview) review = make_review (pack);
  GListModel *model = G_LIST_MODEL (review);
  MscosReviewComment *second = get_comment (model, 1);
  g_autofree char *id = g_strdup (mscos_review_comment_get_id (second));
  ItemsChanged seen = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (g_list_model_get_item_type (model) == MSCOS_TYPE_REVIEW_COMMENT);
  g_signal_connect (review, "items-changed", G_CALLBACK (items_changed_cb), &seen);

  /* A changed comment is one changed row. */
  mscos_review_comment_set_status (second, MSCOS_COMMENT_ACCEPTED);
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_cmpuint (seen.position, ==, 1);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 1);

  g_assert_true (mscos_review_lookup (review, id) == second);
  g_assert_true (mscos_review_remove (review, id));
  g_assert_cmpuint (seen.count, ==, 2);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 0);
  g_assert_null (mscos_review_lookup (review, id));
  g_assert_false (mscos_review_remove (review, id));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

/* --- JSON-LD ----------------------------------------------------------------------------- */

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, name)));

  return json_object_get_object_member (object, name);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);

  return json_node_get_string (node);
}

static void
assert_time (JsonObject *object,
             const char *name)
{
  const char *text = get_string (object, name);
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (time);
  /* In UTC, as the model asks. */
  g_assert_true (g_str_has_suffix (text, "Z"));
}

/* Every annotation has what the Web Annotation Data Model requires (§3.1: @context naming
 * the anno.jsonld context, an IRI id, the type Annotation, a target) and what this app's
 * profile gives each: a motivation, a TextualBody (§3.2.4) in plain text, the creator's
 * name, creation and modification times, a SpecificResource target naming pack, revision
 * and item, and a TextQuoteSelector (§4.2.4) for quoted words. */
static void
test_jsonld_members (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosReview) review = make_review (pack);
  g_autoptr (GBytes) bytes = mscos_review_to_bytes (review);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = json_from_string (text, &error);
  const char * const motivations[] = { "editing", "commenting", "questioning" };
  JsonObject *collection, *page;
  JsonArray *items;

  g_assert_no_error (error);
  collection = json_node_get_object (root);
  g_assert_cmpstr (get_string (collection, "type"), ==, "AnnotationCollection");
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 3);
  g_assert_cmpstr (get_string (collection, "mscos:pack"), ==, "test.every-kind");
  g_assert_cmpstr (get_string (collection, "mscos:revision"), ==, "7");
  page = get_object (collection, "first");
  g_assert_cmpstr (get_string (page, "type"), ==, "AnnotationPage");
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *annotation = json_array_get_object_element (items, i);
      JsonArray *context = json_object_get_array_member (annotation, "@context");
      JsonObject *body = get_object (annotation, "body");
      JsonObject *target = get_object (annotation, "target");
      JsonObject *creator = get_object (annotation, "creator");
      const char *id = get_string (annotation, "id");
      const char *source = get_string (target, "source");

      g_assert_cmpstr (json_array_get_string_element (context, 0), ==,
                       "http://www.w3.org/ns/anno.jsonld");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (context, 1),
                                                      "mscos"), ==, MSCOS_REVIEW_NAMESPACE);
      g_assert_true (g_str_has_prefix (id, "urn:uuid:"));
      g_assert_true (g_uuid_string_is_valid (id + strlen ("urn:uuid:")));
      g_assert_cmpstr (get_string (annotation, "type"), ==, "Annotation");
      g_assert_cmpstr (get_string (annotation, "motivation"), ==, motivations[i]);
      assert_time (annotation, "created");
      assert_time (annotation, "modified");
      g_assert_cmpstr (get_string (creator, "type"), ==, "Person");
      g_assert_nonnull (get_string (creator, "name"));
      g_assert_cmpstr (get_string (body, "type"), ==, "TextualBody");
      g_assert_nonnull (get_string (body, "value"));
      g_assert_cmpstr (get_string (body, "format"), ==, "text/plain");
      g_assert_cmpstr (get_string (body, "language"), ==, "en-GB");
      g_assert_cmpstr (get_string (target, "type"), ==, "SpecificResource");
      g_assert_true (g_str_has_prefix (source, "tag:mscos.co.uk,2026:pack/test.every-kind/7"));
      g_assert_nonnull (get_string (annotation, "mscos:status"));
    }

  /* The quote, the item and where it is. */
  {
    JsonObject *annotation = json_array_get_object_element (items, 0);
    JsonObject *target = get_object (annotation, "target");
    JsonObject *selector = get_object (target, "selector");

    g_assert_cmpstr (get_string (target, "source"), ==,
                     "tag:mscos.co.uk,2026:pack/test.every-kind/7/safety.quote-keith");
    g_assert_cmpstr (get_string (target, "mscos:path"), ==, "outcomes[1].sections[0].items[0]");
    g_assert_cmpstr (get_string (target, "mscos:kind"), ==, "quote");
    g_assert_cmpstr (get_string (target, "mscos:outcome"), ==, "safety");
    g_assert_cmpstr (get_string (target, "mscos:section"), ==, "safety.voices");
    g_assert_cmpstr (get_string (selector, "type"), ==, "TextQuoteSelector");
    g_assert_cmpstr (get_string (selector, "exact"), ==, "trust in the police");
    g_assert_cmpstr (get_string (selector, "prefix"), ==, "You have to feel able to ");
    g_assert_nonnull (get_string (selector, "suffix"));
  }

  /* The pack as a whole, and the team's answer. */
  g_assert_cmpstr (get_string (get_object (json_array_get_object_element (items, 1), "target"),
                               "source"), ==, "tag:mscos.co.uk,2026:pack/test.every-kind/7");
  g_assert_cmpstr (get_string (json_array_get_object_element (items, 2), "mscos:status"), ==,
                   "rejected");
  g_assert_cmpstr (get_string (json_array_get_object_element (items, 2), "mscos:response"), ==,
                   "-1: we keep it.\n\n# Not a heading");
}

static void
assert_same_reviews (MscosReview *a,
                     MscosReview *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpstr (mscos_review_get_id (a), ==, mscos_review_get_id (b));
  g_assert_cmpstr (mscos_review_get_pack_id (a), ==, mscos_review_get_pack_id (b));
  g_assert_cmpstr (mscos_review_get_revision (a), ==, mscos_review_get_revision (b));
  g_assert_cmpstr (mscos_review_get_base_revision (a), ==, mscos_review_get_base_revision (b));
  g_assert_cmpstr (mscos_review_get_label (a), ==, mscos_review_get_label (b));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (mscos_review_comment_equal (get_comment (G_LIST_MODEL (a), i),
                                               get_comment (G_LIST_MODEL (b), i)));
}

static void
test_jsonld_round_trip (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosReview) review = make_review (pack);
  g_autoptr (MscosReview) read = NULL;
  g_autoptr (GBytes) bytes = mscos_review_to_bytes (review);
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;
  const MscosReviewQuote *quote;

  read = mscos_review_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  assert_same_reviews (review, read);
  quote = mscos_review_comment_get_quote (get_comment (G_LIST_MODEL (read), 0));
  g_assert_cmpstr (mscos_review_quote_get_exact (quote), ==, "trust in the police");

  /* And the file it writes is the same file. */
  again = mscos_review_to_bytes (read);
  g_assert_true (g_bytes_equal (bytes, again));

  /* A revision label that needs encoding in the target's IRI. */
  {
    g_autoptr (MscosReview) odd = mscos_review_new ("test.pack", "2026.2 draft/2 (ü)");
    g_autoptr (MscosReviewComment) comment = mscos_review_comment_new ("test.pack",
                                                                       "2026.2 draft/2 (ü)",
                                                                       "an.item",
                                                                       MSCOS_COMMENT_COMMENT,
                                                                       "Text", "Ana");
    g_autoptr (GBytes) odd_bytes = NULL;
    g_autoptr (MscosReview) odd_read = NULL;

    mscos_review_add (odd, comment);
    odd_bytes = mscos_review_to_bytes (odd);
    odd_read = mscos_review_new_from_bytes (odd_bytes, &error);
    g_assert_no_error (error);
    assert_same_reviews (odd, odd_read);
  }
}

/* What other tools write, within the model: a bare annotation, an array of them, a page, the
 * bodyValue shorthand, arrays of motivations, bodies and targets, and a target that is only
 * its IRI. */
static void
test_jsonld_other_forms (void)
{
  const char *single =
    "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": "
    "\"urn:uuid:4b1d0bd6-5e2b-4f37-9f7c-2c8e3b1f0a11\","
    " \"type\": \"Annotation\", \"motivation\": [\"bookmarking\", \"questioning\"],"
    " \"created\": \"2026-12-01T10:00:00+01:00\", \"creator\": [{\"name\": \"Ana\"}],"
    " \"bodyValue\": \"Why here?\","
    " \"target\": \"tag:mscos.co.uk,2026:pack/test.pack/1/an.item\"}";
  const char *page =
    "{\"@context\": [\"http://www.w3.org/ns/anno.jsonld\"], \"type\": \"AnnotationPage\", "
    "\"items\": ["
    " {\"id\": \"https://example.org/anno/1\", \"type\": [\"Annotation\"], \"created\": "
    "\"2026-12-01T10:00:00Z\","
    "  \"creator\": {\"type\": \"Person\", \"name\": \"Bo\"},"
    "  \"body\": [{\"type\": \"TextualBody\", \"value\": \"First\"}],"
    "  \"target\": [{\"source\": \"tag:mscos.co.uk,2026:pack/test.pack/1\","
    "    \"selector\": [{\"type\": \"TextPositionSelector\", \"start\": 1, \"end\": 4},"
    "                   {\"type\": \"TextQuoteSelector\", \"exact\": \"abc\"}]}],"
    "  \"unknown\": {\"kept\": \"out of the way\"}}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosReview) review = parse_string (single, &error);
  g_autoptr (MscosReview) paged = NULL;
  g_autofree char *array = NULL;
  g_autoptr (MscosReview) from_array = NULL;
  MscosReviewComment *comment;

  g_assert_no_error (error);
  comment = get_comment (G_LIST_MODEL (review), 0);
  g_assert_cmpint (mscos_review_comment_get_comment_type (comment), ==, MSCOS_COMMENT_QUESTION);
  g_assert_cmpstr (mscos_review_comment_get_text (comment), ==, "Why here?");
  g_assert_cmpstr (mscos_review_comment_get_item_id (comment), ==, "an.item");
  g_assert_cmpstr (mscos_review_get_pack_id (review), ==, "test.pack");
  g_assert_cmpint (g_date_time_get_hour (mscos_review_comment_get_created (comment)), ==, 9);
  g_assert_true (g_date_time_equal (mscos_review_comment_get_created (comment),
                                    mscos_review_comment_get_modified (comment)));

  paged = parse_string (page, &error);
  g_assert_no_error (error);
  comment = get_comment (G_LIST_MODEL (paged), 0);
  g_assert_cmpstr (mscos_review_comment_get_id (comment), ==, "https://example.org/anno/1");
  g_assert_null (mscos_review_comment_get_item_id (comment));
  g_assert_cmpstr (mscos_review_quote_get_exact (mscos_review_comment_get_quote (comment)), ==,
                   "abc");
  g_assert_cmpint (mscos_review_comment_get_status (comment), ==, MSCOS_COMMENT_OPEN);

  array = g_strdup_printf ("[%s]", single);
  from_array = parse_string (array, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from_array)), ==, 1);
}

#define GOOD_ANNOTATION(members) \
  "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\"," \
  " \"id\": \"urn:uuid:00000000-0000-4000-8000-000000000001\"," \
  " \"created\": \"2026-12-01T10:00:00Z\"," \
  " \"creator\": {\"name\": \"Ana\"}, \"body\": {\"type\": \"TextualBody\", \"value\": \"Text\"}," \
  " \"target\": {\"source\": \"tag:mscos.co.uk,2026:pack/test.pack/1/an.item\"}" members "}"

typedef struct
{
  const char *name;
  const char *json;
  const char *message;
} Malformed;

/* Later members of an object win in json-glib; each edit below replaces one member. */
static const Malformed malformed[] = {
  { "not-json", "{\"@context\": ", NULL },
  { "not-an-object", "\"a string\"", "expected an object, found a string" },
  { "no-type", "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\"}",
    "this is not a review: expected a W3C Web Annotation, AnnotationPage or AnnotationCollection" },
  { "no-context", "{\"type\": \"Annotation\"}", "the required member \"@context\" is missing" },
  { "other-context", GOOD_ANNOTATION (", \"@context\": \"https://schema.org/\""),
    "[\"@context\"]: this is not a W3C Web Annotation: the context must name "
    "\"http://www.w3.org/ns/anno.jsonld\"" },
  { "other-namespace",
    GOOD_ANNOTATION (", \"@context\": [\"http://www.w3.org/ns/anno.jsonld\", {\"mscos\": "
                     "\"https://evil.example/\"}]"),
    "[\"@context\"][1]: mscos: must be \"" MSCOS_REVIEW_NAMESPACE "\"" },
  { "no-target", "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\","
    " \"id\": \"urn:uuid:00000000-0000-4000-8000-000000000001\", \"created\": "
    "\"2026-12-01T10:00:00Z\","
    " \"creator\": {\"name\": \"Ana\"}, \"bodyValue\": \"Text\"}", "the required member \"target\" "
                                                                   "is missing" },
  { "foreign-target", GOOD_ANNOTATION (", \"target\": {\"source\": \"https://example.org/page\"}"),
    "target.source: not a pack or an item of MSCOS Outcomes: expected "
    "tag:mscos.co.uk,2026:pack/PACK-ID/REVISION/ITEM-ID" },
  { "bad-item-id", GOOD_ANNOTATION (", \"target\": {\"source\": "
                                    "\"tag:mscos.co.uk,2026:pack/test.pack/1/Bad Item\"}"),
    "target.source: not a pack or an item of MSCOS Outcomes" },
  { "html-body", GOOD_ANNOTATION (", \"body\": {\"type\": \"TextualBody\", \"value\": "
                                  "\"<b>x</b>\", \"format\": \"text/html\"}"),
    "body.format: only text/plain bodies are read, not text/html" },
  { "no-textual-body", GOOD_ANNOTATION (", \"body\": {\"id\": \"https://example.org/\"}"),
    "body: expected a TextualBody with the comment's text" },
  { "number-value", GOOD_ANNOTATION (", \"body\": {\"type\": \"TextualBody\", \"value\": 3}"),
    "body.value: expected a string, found a number" },
  { "control-character",
    GOOD_ANNOTATION (", \"body\": {\"type\": \"TextualBody\", \"value\": \"a\\u0007b\"}"),
    "body.value: holds a control character (U+0007)" },
  { "other-motivation", GOOD_ANNOTATION (", \"motivation\": \"bookmarking\""),
    "motivation: expected commenting, editing or questioning" },
  { "bad-date", GOOD_ANNOTATION (", \"created\": \"yesterday\""),
    "created: expected a date and time as ISO 8601, such as 2026-12-01T10:30:00Z" },
  { "creator-iri", GOOD_ANNOTATION (", \"creator\": \"https://example.org/ana\""),
    "creator: expected an object with the reviewer's name" },
  { "creator-without-name", GOOD_ANNOTATION (", \"creator\": {\"type\": \"Person\"}"),
    "creator: the required member \"name\" is missing" },
  { "bad-id", GOOD_ANNOTATION (", \"id\": \"not an iri\""),
    "id: expected an IRI, such as urn:uuid:…" },
  { "bad-status", GOOD_ANNOTATION (", \"mscos:status\": \"maybe\""),
    "[\"mscos:status\"]: \"maybe\" is not one of: open, accepted, rejected" },
  { "bad-path", GOOD_ANNOTATION (", \"target\": {\"source\": "
                                 "\"tag:mscos.co.uk,2026:pack/test.pack/1/an.item\", "
                                 "\"mscos:path\": \"`rm -rf`\"}"),
    "target[\"mscos:path\"]: expected a path in the pack, such as "
    "outcomes[1].sections[2].items[0]" },
  { "empty-quote", GOOD_ANNOTATION (", \"target\": {\"source\": "
                                    "\"tag:mscos.co.uk,2026:pack/test.pack/1/an.item\","
                                    " \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": "
                                    "\"\"}}"),
    "target.selector.exact: must not be empty" },
  { "page-elsewhere",
    "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationCollection\","
    " \"first\": \"https://example.org/page/1\"}", "first: the collection's first page must be in "
                                                   "the file" },
  { "duplicate-id", "[" GOOD_ANNOTATION ("") ", " GOOD_ANNOTATION ("") "]",
    "[1].id: \"urn:uuid:00000000-0000-4000-8000-000000000001\" is already the id of [0]" },
  { "newer-version",
    "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationCollection\","
    " \"mscos:formatVersion\": 2, \"first\": {\"type\": \"AnnotationPage\", \"items\": []}}",
    "[\"mscos:formatVersion\"]: this review is of format version 2; this version of MSCOS Outcomes "
    "reads version 1. Update the app to read it." },
};

static void
test_jsonld_refused (gconstpointer data)
{
  const Malformed *bad = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosReview) review = parse_string (bad->json, &error);

  MscosReviewError code = strcmp (bad->name, "newer-version") == 0
                          ? MSCOS_REVIEW_ERROR_NEWER_VERSION : MSCOS_REVIEW_ERROR_INVALID;

  g_assert_null (review);
  g_assert_error (error, MSCOS_REVIEW_ERROR, code);
  g_test_message ("%s", error->message);
  if (bad->message != NULL)
    g_assert_nonnull (strstr (error->message, bad->message));
}

/* The annotation the malformed ones start from is good. */
static void
test_jsonld_good_annotation (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosReview) review = parse_string (GOOD_ANNOTATION (""), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (review)), ==, 1);
}

static void
test_jsonld_random_bytes (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (15);
  const char *good = GOOD_ANNOTATION (", \"mscos:status\": \"accepted\"");
  gsize length = strlen (good);

  /* Cut and changed copies of a good annotation never crash the reader. */
  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *copy = g_strdup (good);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (MscosReview) review = NULL;
      g_autoptr (GError) error = NULL;

      copy[g_rand_int_range (rand, 0, length)] = "{}[]\",:0aé\\"[g_rand_int_range (rand, 0, 11)];
      bytes = g_bytes_new (copy, g_rand_int_range (rand, 0, length + 1));
      review = mscos_review_new_from_bytes (bytes, &error);
      g_assert_true ((review == NULL) != (error == NULL));
    }
}

/* --- The consultation table -------------------------------------------------------------- */

static char *
export_string (MscosReview       *review,
               MscosReviewFormat  format,
               MscosContentPack  *pack)
{
  g_autoptr (GBytes) bytes = mscos_review_export (review, format, pack);

  return bytes_to_string (bytes);
}

/* The comments of make_review(), with made-up times so that the table is fixed. */
static MscosReview *
make_fixed_review (MscosContentPack *pack)
{
  g_autoptr (MscosReview) review = make_review (pack);
  g_autoptr (GBytes) bytes = mscos_review_to_bytes (review);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr (GRegex) times = g_regex_new ("\"(created|modified)\" *: *\"[^\"]*\"", 0, 0, NULL);
  g_autofree char *fixed = g_regex_replace (times, text, -1, 0,
                                            "\"\\1\" : \"2026-12-01T10:30:00Z\"", 0, NULL);
  g_autoptr (GError) error = NULL;
  MscosReview *read;

  read = parse_string (fixed, &error);
  g_assert_no_error (error);

  return read;
}

static void
test_csv (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosReview) review = make_fixed_review (pack);
  g_autofree char *csv = export_string (review, MSCOS_REVIEW_FORMAT_CSV, pack);
  g_autofree char *without_pack = export_string (review, MSCOS_REVIEW_FORMAT_CSV, NULL);
  const char *expected;

  /* Sorted by path: the pack as a whole, then outcomes[1].sections[0]…, then sections[1]…
   * Formulas start with an apostrophe; quotes are doubled; line breaks stay in the field. */
  expected =
    "\xef\xbb\xbf"
    "\"Outcome\",\"Section\",\"Item id\",\"JSON path\",\"Kind\",\"Quoted words\",\"Type\","
    "\"Comment\",\"Reviewer\",\"Date\",\"Status\",\"Response\"\r\n"
    "\"\",\"\",\"\",\"\",\"pack\",\"\",\"Comment\",\"'=HYPERLINK(\"\"https://example.org\"\")\","
    "\"'@reviewer\",\"2026-12-01 10:30\",\"Open\",\"\"\r\n"
    "\"Safety from any trafficker or other abusers\",\"Voices\",\"safety.quote-keith\","
    "\"outcomes[1].sections[0].items[0]\",\"quote\",\"trust in the police\",\"Change request\","
    "\"Say \"\"trust\"\", not belief, here.\",\"Ana Silva\",\"2026-12-01 10:30\",\"Open\",\"\"\r\n"
    "\"Safety from any trafficker or other abusers\",\"safety.practice\","
    "\"safety.beyond-survival.recs.nrm-reform.2.a\","
    "\"outcomes[1].sections[1].items[0].items[1].groups[0].items[1].items[1].items[0]\","
    "\"recommendation\",\"\",\"Question\",\"Line one,\nline two | with *stars* and <b>\","
    "\"Łukasz Żółć\",\"2026-12-01 10:30\",\"Rejected\",\"'-1: we keep it.\n\n# Not a heading\"\r\n";
  g_assert_cmpstr (csv, ==, expected);

  /* Without the pack, the ids stand for the titles. */
  g_assert_nonnull (strstr (without_pack, "\"safety\",\"safety.voices\""));
}

/* Reads the CSV with Python's csv module, as a spreadsheet would, and checks every cell. */
static void
test_csv_python (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosReview) review = make_fixed_review (pack);
  g_autoptr (GBytes) bytes = mscos_review_export (review, MSCOS_REVIEW_FORMAT_CSV, pack);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "table.csv", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) rows = NULL;
  JsonArray *table, *row;
  int status;
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    print(json.dumps(list(csv.reader(f, strict=True))))\n";
  const char *argv[] = { NULL, "-c", script, NULL, NULL };

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  argv[0] = python;
  argv[3] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, &errors,
                &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (errors, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  rows = json_from_string (output, &error);
  g_assert_no_error (error);
  table = json_node_get_array (rows);
  g_assert_cmpuint (json_array_get_length (table), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (json_array_get_length (json_array_get_array_element (table, i)), ==, 12);

  row = json_array_get_array_element (table, 0);
  g_assert_cmpstr (json_array_get_string_element (row, 0), ==, "Outcome");
  g_assert_cmpstr (json_array_get_string_element (row, 11), ==, "Response");
  row = json_array_get_array_element (table, 1);
  g_assert_cmpstr (json_array_get_string_element (row, 7), ==,
                   "'=HYPERLINK(\"https://example.org\")");
  row = json_array_get_array_element (table, 2);
  g_assert_cmpstr (json_array_get_string_element (row, 7), ==, "Say \"trust\", not belief, here.");
  row = json_array_get_array_element (table, 3);
  g_assert_cmpstr (json_array_get_string_element (row, 7), ==,
                   "Line one,\nline two | with *stars* and <b>");
  g_assert_cmpstr (json_array_get_string_element (row, 8), ==, "Łukasz Żółć");
  g_assert_cmpstr (json_array_get_string_element (row, 11), ==,
                   "'-1: we keep it.\n\n# Not a heading");
}

static void
test_markdown (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosReview) review = make_fixed_review (pack);
  g_autofree char *md = export_string (review, MSCOS_REVIEW_FORMAT_MARKDOWN, pack);
  const char *expected =
    "# Review of Every kind of item 7\n"
    "\n"
    "3 comments: 2 open, 0 accepted, 1 rejected.\n"
    "\n"
    "## The pack as a whole\n"
    "\n"
    "#### Comment by @reviewer, 2026-12-01 10:30 — Open\n"
    "\n"
    "\\=HYPERLINK(\"https://example.org\")\n"
    "\n"
    "## Safety from any trafficker or other abusers\n"
    "\n"
    "### “You have to feel able to trust in the police — and café owners.” — Keith\n"
    "\n"
    "`safety.quote-keith` · quote · `outcomes[1].sections[0].items[0]`\n"
    "\n"
    "#### Change request by Ana Silva, 2026-12-01 10:30 — Open\n"
    "\n"
    "> trust in the police\n"
    "\n"
    "Say \"trust\", not belief, here.\n"
    "\n"
    "### Deeply nested.\n"
    "\n"
    "`safety.beyond-survival.recs.nrm-reform.2.a` · recommendation · "
    "`outcomes[1].sections[1].items[0].items[1].groups[0].items[1].items[1].items[0]`\n"
    "\n"
    "#### Question by Łukasz Żółć, 2026-12-01 10:30 — Rejected\n"
    "\n"
    "Line one,  \n"
    "line two \\| with \\*stars\\* and \\<b\\>\n"
    "\n"
    "**Response:**\n"
    "\n"
    "\\-1: we keep it.\n"
    "\n"
    "\\# Not a heading\n"
    "\n";

  g_assert_cmpstr (md, ==, expected);
}

static void
test_markdown_escaping (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosReview) review = make_fixed_review (pack);
  g_autofree char *md = export_string (review, MSCOS_REVIEW_FORMAT_MARKDOWN, pack);
  g_autofree char *without_pack = export_string (review, MSCOS_REVIEW_FORMAT_MARKDOWN, NULL);

  g_test_message ("%s", md);
  /* Nothing the reviewers wrote becomes markup: pipes, stars and tags are escaped, a line
   * that would start a list or a heading is not one. */
  g_assert_nonnull (strstr (md, "Line one,  \nline two \\| with \\*stars\\* and \\<b\\>\n"));
  g_assert_nonnull (strstr (md, "\\-1: we keep it.\n\n\\# Not a heading\n"));
  g_assert_nonnull (strstr (md, "> trust in the police\n"));
  g_assert_nonnull (strstr (md,
                            "`safety.quote-keith` · quote · `outcomes[1].sections[0].items[0]`"));
  g_assert_nonnull (strstr (md, "#### Question by Łukasz Żółć, 2026-12-01 10:30 — Rejected\n"));
  g_assert_nonnull (strstr (md, "**Response:**\n"));
  g_assert_null (strstr (md, "two | with"));

  /* Without the pack: ids for titles. */
  g_assert_nonnull (strstr (without_pack, "## safety\n"));
  g_assert_nonnull (strstr (without_pack, "### safety.quote-keith\n"));
}

static void
test_format_for_filename (void)
{
  MscosReviewFormat format = MSCOS_REVIEW_FORMAT_CSV;

  g_assert_true (mscos_review_format_for_filename ("table.CSV", &format));
  g_assert_cmpint (format, ==, MSCOS_REVIEW_FORMAT_CSV);
  g_assert_true (mscos_review_format_for_filename ("/tmp/x/table.md", &format));
  g_assert_cmpint (format, ==, MSCOS_REVIEW_FORMAT_MARKDOWN);
  g_assert_true (mscos_review_format_for_filename ("all.jsonld", &format));
  g_assert_cmpint (format, ==, MSCOS_REVIEW_FORMAT_JSONLD);
  g_assert_false (mscos_review_format_for_filename ("table.xlsx", &format));
  g_assert_false (mscos_review_format_for_filename ("csv", &format));
}

/* --- Merging ----------------------------------------------------------------------------- */

static char *
annotation (const char *uuid_end,
            const char *reviewer,
            const char *text,
            const char *modified,
            const char *status)
{
  return g_strdup_printf ("{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": "
                          "\"Annotation\","
                          " \"id\": \"urn:uuid:00000000-0000-4000-8000-%s\","
                          " \"motivation\": \"commenting\","
                          " \"created\": \"2026-12-01T09:00:00Z\", \"modified\": \"%s\","
                          " \"creator\": {\"type\": \"Person\", \"name\": \"%s\"},"
                          " \"body\": {\"type\": \"TextualBody\", \"value\": \"%s\", \"format\": "
                          "\"text/plain\"},"
                          " \"target\": {\"type\": \"SpecificResource\","
                          "  \"source\": "
                          "\"tag:mscos.co.uk,2026:pack/test.every-kind/7/safety.quote-keith\","
                          "  \"mscos:path\": \"outcomes[1].sections[0].items[0]\", \"mscos:kind\": "
                          "\"quote\","
                          "  \"mscos:outcome\": \"safety\", \"mscos:section\": \"safety.voices\"},"
                          " \"mscos:status\": \"%s\"}",
                          uuid_end, modified, reviewer, text, status);
}

static GBytes *
file_of (const char *first,
         ...)
{
  GString *json = g_string_new ("[");
  va_list args;

  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    {
      if (json->len > 1)
        g_string_append (json, ",\n");
      g_string_append (json, a);
    }
  va_end (args);
  g_string_append (json, "]");

  return g_string_free_to_bytes (json);
}

static void
test_merge (void)
{
  g_autofree char *one = annotation ("000000000001", "Ana", "Reword this.", "2026-12-01T09:00:00Z",
                                     "open");
  g_autofree char *one_answered = annotation ("000000000001", "Ana", "Reword this.",
                                              "2026-12-03T09:00:00Z", "accepted");
  g_autofree char *two = annotation ("000000000002", "Bo", "Keep it.", "2026-12-02T09:00:00Z",
                                     "open");
  g_autofree char *two_older = annotation ("000000000002", "Bo", "Keep it?", "2026-12-01T12:00:00Z",
                                           "open");
  g_autofree char *three = annotation ("000000000003", "Cy", "A third.", "2026-12-01T09:00:00Z",
                                       "open");
  g_autoptr (GBytes) a = file_of (one, two, NULL);
  g_autoptr (GBytes) b = file_of (one, three, NULL);
  g_autoptr (GBytes) c = file_of (one_answered, two_older, NULL);
  g_autoptr (MscosReviewMerge) merge = mscos_review_merge_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *csv = NULL;
  MscosReview *review;
  MscosReviewComment *comment;

  g_assert_true (mscos_review_merge_add_bytes (merge, a, "A.jsonld", &error));
  g_assert_true (mscos_review_merge_add_bytes (merge, b, "B.jsonld", &error));
  g_assert_true (mscos_review_merge_add_bytes (merge, c, "C.jsonld", &error));
  g_assert_no_error (error);

  review = mscos_review_merge_get_review (merge);
  /* Never doubled: three comments from six annotations. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (review)), ==, 3);
  g_assert_cmpuint (mscos_review_merge_get_n_sources (merge), ==, 3);
  g_assert_cmpuint (mscos_review_merge_get_n_duplicates (merge), ==, 1);
  g_assert_cmpuint (mscos_review_merge_get_n_superseded (merge), ==, 2);
  g_assert_cmpuint (mscos_review_merge_get_n_conflicts (merge), ==, 0);

  /* The answered version is newer and wins; the older version of the second loses. */
  comment = mscos_review_lookup (review, "urn:uuid:00000000-0000-4000-8000-000000000001");
  g_assert_cmpint (mscos_review_comment_get_status (comment), ==, MSCOS_COMMENT_ACCEPTED);
  g_assert_true (get_comment (G_LIST_MODEL (review), 0) == comment);
  comment = mscos_review_lookup (review, "urn:uuid:00000000-0000-4000-8000-000000000002");
  g_assert_cmpstr (mscos_review_comment_get_text (comment), ==, "Keep it.");

  report = mscos_review_merge_dup_report (merge);
  g_test_message ("%s", report);
  g_assert_cmpstr (report, ==,
                   "Merged 3 files: 3 comments by 3 reviewers. 1 comment came more than once and "
                   "is listed once.\n"
                   "urn:uuid:00000000-0000-4000-8000-000000000001 (Ana): kept the newer version "
                   "from C.jsonld (modified 2026-12-03 09:00:00) over the one from A.jsonld "
                   "(modified 2026-12-01 09:00:00)\n"
                   "urn:uuid:00000000-0000-4000-8000-000000000002 (Bo): kept the newer version "
                   "from A.jsonld (modified 2026-12-02 09:00:00) over the one from C.jsonld "
                   "(modified 2026-12-01 12:00:00)\n");

  /* Each row names its reviewer. */
  csv = export_string (review, MSCOS_REVIEW_FORMAT_CSV, NULL);
  g_assert_nonnull (strstr (csv, "\"Reword this.\",\"Ana\",\"2026-12-01 09:00\",\"Accepted\""));
  g_assert_nonnull (strstr (csv, "\"Keep it.\",\"Bo\""));
  g_assert_nonnull (strstr (csv, "\"A third.\",\"Cy\""));
}

static void
test_merge_conflict (void)
{
  g_autofree char *first = annotation ("000000000001", "Ana", "One way.", "2026-12-01T09:00:00Z",
                                       "open");
  g_autofree char *second = annotation ("000000000001", "Ana", "Another way.",
                                        "2026-12-01T09:00:00Z",
                                        "open");
  g_autoptr (GBytes) a = file_of (first, NULL);
  g_autoptr (GBytes) b = file_of (second, NULL);
  g_autoptr (MscosReviewMerge) merge = mscos_review_merge_new ();
  g_autofree char *report = NULL;
  MscosReview *review;

  g_assert_true (mscos_review_merge_add_bytes (merge, a, "A.jsonld", NULL));
  g_assert_true (mscos_review_merge_add_bytes (merge, b, "B.jsonld", NULL));
  review = mscos_review_merge_get_review (merge);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (review)), ==, 1);
  g_assert_cmpstr (mscos_review_comment_get_text (get_comment (G_LIST_MODEL (review), 0)), ==,
                   "One way.");
  g_assert_cmpuint (mscos_review_merge_get_n_conflicts (merge), ==, 1);

  report = mscos_review_merge_dup_report (merge);
  g_assert_nonnull (strstr (report,
                            "(Ana): A.jsonld and B.jsonld hold different versions modified at "
                                    "the same time; kept the one from A.jsonld\n"));
}

static GFile *
write_file (const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
test_merge_files (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosReview) review = make_fixed_review (pack);
  g_autoptr (GBytes) own = mscos_review_to_bytes (review);
  g_autofree char *other_text = annotation ("000000000009", "Dee", "From another file.",
                                            "2026-12-01T09:00:00Z", "open");
  g_autoptr (GBytes) other = file_of (other_text, NULL);
  g_autoptr (GBytes) broken = g_bytes_new_static ("{\"type\": \"Annotation\"}", 22);
  GFile *inputs[3] = { NULL };
  g_autoptr (GBytes) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *expected = NULL;

  inputs[0] = write_file ("A.jsonld", own);
  inputs[1] = write_file ("B.jsonld", other);
  inputs[2] = write_file ("broken.jsonld", broken);

  /* Twice the same file, then another: by the extension, Markdown. */
  {
    GFile *twice[] = { inputs[0], inputs[0], inputs[1] };

    table = mscos_review_merge_files (twice, 3, "table.md", pack, &report, NULL, &error);
    g_assert_no_error (error);
    text = bytes_to_string (table);
    g_assert_true (g_str_has_prefix (text, "# Review of Every kind of item 7\n\n4 comments"));
    g_assert_true (g_str_has_prefix (report, "Merged 3 files: 4 comments by 4 reviewers. "
                                             "3 comments came more than once"));
  }

  g_clear_pointer (&table, g_bytes_unref);
  table = mscos_review_merge_files (inputs, 2, "table.jsonld", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (table, NULL), g_bytes_get_size (table),
                                  "\"AnnotationCollection\""));

  g_clear_pointer (&table, g_bytes_unref);
  table = mscos_review_merge_files (inputs, 2, "table.xlsx", NULL, NULL, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A broken file refuses the merge, with its name on each line. */
  table = mscos_review_merge_files (inputs, 3, "table.csv", NULL, NULL, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, MSCOS_REVIEW_ERROR, MSCOS_REVIEW_ERROR_INVALID);
  broken_path = g_file_get_parse_name (inputs[2]);
  expected = g_strdup_printf ("%s: the required member \"@context\" is missing\n", broken_path);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  {
    g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent/review.jsonld");
    GFile *none[] = { missing };

    table = mscos_review_merge_files (none, 1, "table.csv", NULL, NULL, NULL, &error);
    g_assert_null (table);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_true (g_str_has_prefix (error->message, "/nonexistent/review.jsonld: "));
  }

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    g_object_unref (inputs[i]);
}

static void
test_merge_other_revision (void)
{
  g_autofree char *one = annotation ("000000000001", "Ana", "Here.", "2026-12-01T09:00:00Z",
                                     "open");
  g_autoptr (GBytes) a = file_of (one, NULL);
  g_autoptr (MscosReview) other = mscos_review_new ("test.every-kind", "8");
  g_autoptr (MscosReviewComment) comment = mscos_review_comment_new ("test.every-kind", "8", NULL,
                                                                     MSCOS_COMMENT_COMMENT,
                                                                     "Later.", "Bo");
  g_autoptr (MscosReviewMerge) merge = mscos_review_merge_new ();
  g_autofree char *report = NULL;

  mscos_review_add (other, comment);
  g_assert_true (mscos_review_merge_add_bytes (merge, a, "A.jsonld", NULL));
  mscos_review_merge_add_review (merge, other, "B.jsonld");
  report = mscos_review_merge_dup_report (merge);
  g_assert_nonnull (strstr (report, "B.jsonld reviews test.every-kind 8, not test.every-kind 7 as "
                                    "the files before it"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mscos_review_merge_get_review (merge))),
                    ==, 2);
}

/* The example files of tests/data/review/, which docs/review-format.md shows: a reviewer's
 * file and the team's, with an answered version of one of her comments. */
static void
test_merge_examples (void)
{
  g_autofree char *ana = g_test_build_filename (G_TEST_DIST, "data", "review", "review-ana.jsonld",
                                                NULL);
  g_autofree char *team = g_test_build_filename (G_TEST_DIST, "data", "review",
                                                 "review-team.jsonld", NULL);
  g_autoptr (GFile) ana_file = g_file_new_for_path (ana);
  g_autoptr (GFile) team_file = g_file_new_for_path (team);
  GFile *inputs[] = { ana_file, team_file };
  g_autoptr (GBytes) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *csv = NULL;

  table = mscos_review_merge_files (inputs, 2, "table.csv", NULL, &report, NULL, &error);
  g_assert_no_error (error);
  csv = bytes_to_string (table);
  g_test_message ("%s\n%s", report, csv);

  g_assert_true (g_str_has_prefix (report, "Merged 2 files: 3 comments by 2 reviewers.\n"));
  g_assert_nonnull (strstr (report, "urn:uuid:0d6b3f4e-8a9c-4c1d-a2b3-5e6f7a8b9c01 (Ana Silva): "
                                    "kept the newer version from "));
  g_assert_nonnull (strstr (csv, "\"clarify thresholds\",\"Change request\""));
  g_assert_nonnull (strstr (csv, "\"Accepted\",\"Reworded in 2026.3"));
  g_assert_nonnull (strstr (csv, "\"Bo Lindqvist\""));
}

int
main (int   argc,
      char *argv[])
{
  /* The tables show local times. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/review/comment/new", test_comment_new);
  g_test_add_func ("/core/review/comment/changes", test_comment_changes);
  g_test_add_func ("/core/review/quote", test_quote);
  g_test_add_func ("/core/review/quote/shown", test_quote_shown);
  g_test_add_func ("/core/review/model", test_model);
  g_test_add_func ("/core/review/jsonld/members", test_jsonld_members);
  g_test_add_func ("/core/review/jsonld/round-trip", test_jsonld_round_trip);
  g_test_add_func ("/core/review/jsonld/other-forms", test_jsonld_other_forms);
  g_test_add_func ("/core/review/jsonld/good-annotation", test_jsonld_good_annotation);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/review/jsonld/refuses/%s", malformed[i].name);

      g_test_add_data_func (path, &malformed[i], test_jsonld_refused);
    }
  g_test_add_func ("/core/review/jsonld/random-bytes", test_jsonld_random_bytes);
  g_test_add_func ("/core/review/csv", test_csv);
  g_test_add_func ("/core/review/csv/python", test_csv_python);
  g_test_add_func ("/core/review/markdown", test_markdown);
  g_test_add_func ("/core/review/markdown/escaping", test_markdown_escaping);
  g_test_add_func ("/core/review/format-for-filename", test_format_for_filename);
  g_test_add_func ("/core/review/merge", test_merge);
  g_test_add_func ("/core/review/merge/conflict", test_merge_conflict);
  g_test_add_func ("/core/review/merge/files", test_merge_files);
  g_test_add_func ("/core/review/merge/other-revision", test_merge_other_revision);
  g_test_add_func ("/core/review/merge/examples", test_merge_examples);

  return g_test_run ();
}
