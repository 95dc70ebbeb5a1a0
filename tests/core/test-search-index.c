/* test-search-index.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mscos-content-pack.h"
#include "mscos-search-index.h"

/* Helpers */

static MscosContentPack *
load_every_kind (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "data", "good",
                                                     "every-kind.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (filename);
  MscosContentPack *pack = mscos_content_pack_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

/* Makes a pack of one outcome "o" whose one section holds the items, given as JSON
 * objects; takes the strings. */
static MscosContentPack *create_pack (char *first_item,
                                      ...) G_GNUC_NULL_TERMINATED;

static MscosContentPack *
create_pack (char *first_item,
             ...)
{
  g_autoptr (GString) json = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  MscosContentPack *pack;
  va_list args;

  g_string_append (json,
                   "{\"format\": \"mscos-content-pack\", \"version\": 1, "
                   "\"pack\": {\"id\": \"test.search\", \"title\": \"Search\", "
                   "\"revision\": \"1\", \"date\": \"2026-11-28\", \"language\": \"en-GB\"}, "
                   "\"outcomes\": [{\"id\": \"o\", \"title\": \"Outcome\", "
                   "\"group\": \"core-outcome\", \"summary\": \"An outcome.\", "
                   "\"descriptor\": [{\"type\": \"paragraph\", \"text\": \"Descriptor.\"}], "
                   "\"sections\": [{\"id\": \"o.s\", \"title\": \"Section\", \"items\": [");

  va_start (args, first_item);
  for (char *item = first_item; item != NULL; item = va_arg (args, char *))
    {
      if (item != first_item)
        g_string_append (json, ", ");
      g_string_append (json, item);
      g_free (item);
    }
  va_end (args);

  g_string_append (json, "]}]}]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static char *
text_item (const char *id,
           const char *title,
           const char *body)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"kind\": \"text\", \"title\": \"%s\", "
                          "\"body\": [{\"type\": \"paragraph\", \"text\": \"%s\"}]}",
                          id, title, body);
}

static char *
quote_item (const char *id,
            const char *text,
            const char *speaker)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"kind\": \"quote\", \"text\": \"%s\", "
                          "\"speaker\": \"%s\"}", id, text, speaker);
}

/* Returns: (transfer full): the ids of the results of @query, joined by commas */
static char *
dup_result_ids (MscosSearchIndex *index,
                const char       *query)
{
  g_autoptr (GPtrArray) results = mscos_search_index_query (index, query, 0);
  g_autoptr (GString) ids = g_string_new (NULL);

  g_assert_nonnull (results);
  for (guint i = 0; i < results->len; i++)
    {
      const MscosSearchResult *result = g_ptr_array_index (results, i);

      if (i > 0)
        {
          const MscosSearchResult *previous = g_ptr_array_index (results, i - 1);

          g_assert_cmpfloat (mscos_search_result_get_score (previous), >=,
                             mscos_search_result_get_score (result));
          g_string_append_c (ids, ',');
        }
      g_string_append (ids, mscos_search_result_get_item_id (result));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
assert_ids (MscosSearchIndex *index,
            const char       *query,
            const char       *expected)
{
  g_autofree char *ids = dup_result_ids (index, query);

  if (g_strcmp0 (ids, expected) != 0)
    g_test_message ("query \"%s\"", query);
  g_assert_cmpstr (ids, ==, expected);
}

/* Returns: (transfer full): the matched parts of the result's excerpt, joined by "|", after
 * checking that every range lies on character boundaries, in order */
static char *
dup_ranges (const MscosSearchResult *result)
{
  const char *excerpt = mscos_search_result_get_excerpt (result);
  gsize length = strlen (excerpt);
  g_autoptr (GString) parts = g_string_new (NULL);
  guint previous_end = 0;

  g_assert_true (g_utf8_validate (excerpt, -1, NULL));
  for (guint i = 0; i < mscos_search_result_get_n_ranges (result); i++)
    {
      guint start, end;

      mscos_search_result_get_range (result, i, &start, &end);
      g_assert_cmpuint (start, >=, previous_end);
      g_assert_cmpuint (start, <, end);
      g_assert_cmpuint (end, <=, length);
      g_assert_true (g_utf8_validate (excerpt, start, NULL));
      g_assert_true (g_utf8_validate (excerpt + start, end - start, NULL));
      g_assert_true (g_utf8_validate (excerpt + end, -1, NULL));
      previous_end = end;

      if (i > 0)
        g_string_append_c (parts, '|');
      g_string_append_len (parts, excerpt + start, end - start);
    }

  return g_string_free (g_steal_pointer (&parts), FALSE);
}

/* Returns: (transfer full): the best result of @query, which must have one */
static MscosSearchResult *
query_first (MscosSearchIndex *index,
             const char       *query)
{
  g_autoptr (GPtrArray) results = mscos_search_index_query (index, query, 1);

  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, 1);

  return mscos_search_result_ref (g_ptr_array_index (results, 0));
}

static void
assert_excerpt (MscosSearchIndex *index,
                const char       *query,
                const char       *excerpt,
                const char       *ranges)
{
  g_autoptr (MscosSearchResult) result = query_first (index, query);
  g_autofree char *matched = dup_ranges (result);

  g_assert_cmpstr (mscos_search_result_get_excerpt (result), ==, excerpt);
  g_assert_cmpstr (matched, ==, ranges);
}

/* Tests */

static void
test_every_kind (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);
  g_autoptr (MscosSearchResult) result = NULL;
  g_autofree char *matched = NULL;

  g_assert_true (mscos_search_index_get_pack (index) == pack);
  g_assert_cmpuint (mscos_search_index_get_n_terms (index), >, 50);

  /* A quotation: its words, its speaker and the speaker's role. */
  assert_ids (index, "trust in the police", "safety.quote-keith");
  assert_ids (index, "advisory board", "safety.quote-keith");
  assert_ids (index, "keith", "safety.audio-keith,safety.quote-keith");
  /* An audio clip: its title, description and transcript. */
  assert_ids (index, "not being believed", "safety.audio-keith");
  assert_ids (index, "spoken clip", "safety.audio-keith");
  assert_ids (index, "re-exploited", "safety.audio-wendy");
  /* A profile: the name, the role and the body. */
  assert_ids (index, "woworuntu", "safety.shandra");
  assert_ids (index, "international survivor leader", "safety.shandra");
  assert_ids (index, "leadership programme", "safety.shandra");
  /* A resource: its organisation, summary and every block of its pop-up text. */
  assert_ids (index, "falls short", "safety.beyond-survival");
  assert_ids (index, "pop-up", "safety.beyond-survival");
  assert_ids (index, "trained adviser", "safety.beyond-survival");
  assert_ids (index, "safety planning", "safety.beyond-survival");
  assert_ids (index, "hope for justice", "safety.beyond-survival,safety.beyond-survival.recs");
  /* A set of recommendations: its title, source, introduction and the groups that have no
   * id of their own; a group with an id is found by itself. */
  assert_ids (index, "report recommendations", "safety.beyond-survival.recs");
  assert_ids (index, "identification", "safety.beyond-survival.recs");
  assert_ids (index, "prose between groups", "safety.beyond-survival.recs.top");
  /* Steps of a text. */
  assert_ids (index, "details in confidence", "safety.helpline-steps");
  /* Links are not searched. */
  assert_ids (index, "hopeforjustice", "");

  /* Every recommendation is a result of its own, with its outcome and its label. */
  result = query_first (index, "first responders");
  g_assert_cmpstr (mscos_search_result_get_item_id (result), ==,
                   "safety.beyond-survival.recs.first-responders");
  g_assert_cmpstr (mscos_search_result_get_outcome_id (result), ==, "safety");
  g_assert_cmpint (mscos_search_result_get_kind (result), ==, MSCOS_ITEM_RECOMMENDATION);
  g_assert_cmpstr (mscos_search_result_get_field (result), ==, "text");
  g_assert_false (mscos_search_result_get_in_note (result));
  g_assert_cmpstr (mscos_search_result_get_excerpt (result), ==,
                   "First Responders: resource and accredit the role.");
  matched = dup_ranges (result);
  g_assert_cmpstr (matched, ==, "First|Responders");
  g_clear_pointer (&result, mscos_search_result_unref);
  g_clear_pointer (&matched, g_free);

  assert_ids (index, "deeply nested", "safety.beyond-survival.recs.nrm-reform.2.a");
  assert_ids (index, "multi-agency", "safety.beyond-survival.recs.nrm-reform.1");
  assert_excerpt (index, "numbered by the source", "8. Numbered by the source.",
                  "Numbered|by|the|source");
  assert_excerpt (index, "numbered app", "1. Numbered by the app.", "Numbered|app");

  result = query_first (index, "trauma-informed");
  g_assert_cmpstr (mscos_search_result_get_item_id (result), ==,
                   "safety.beyond-survival.recs.nrm-reform.2");
  g_assert_cmpint (mscos_search_result_get_kind (result), ==, MSCOS_ITEM_RECOMMENDATION);
  g_assert_cmpstr (mscos_search_result_get_excerpt (result), ==,
                   "2. Make decision-making trauma-informed.");
  matched = dup_ranges (result);
  g_assert_cmpstr (matched, ==, "trauma|informed");
}

static void
test_accents (void)
{
  g_autoptr (MscosContentPack) pack = create_pack (
    text_item ("zurich", "Meeting in Zürich", "Notes."),
    text_item ("krakow", "Kraków office", "Notes."),
    text_item ("strasse", "Hauptstraße", "Die Straße ist lang."),
    text_item ("cafe", "Meeting", "At the café, a naïve résumé."),
    text_item ("decomposed", "Cafe\\u0301 society", "Notes."),
    text_item ("ligatures", "Œuvre and Ærø", "Łódź, Þingvellir."),
    text_item ("greek", "Ελλάδα", "Ukraine: Україна."),
    NULL);
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);

  assert_ids (index, "zurich", "zurich");
  assert_ids (index, "Zürich", "zurich");
  assert_ids (index, "ZÜRICH", "zurich");
  assert_ids (index, "krakow", "krakow");
  assert_ids (index, "KRAKÓW", "krakow");
  assert_ids (index, "strasse", "strasse");
  assert_ids (index, "STRASSE", "strasse");
  assert_ids (index, "straße", "strasse");
  assert_ids (index, "hauptstrasse", "strasse");
  assert_ids (index, "cafe", "decomposed,cafe");
  assert_ids (index, "café", "decomposed,cafe");
  /* A query typed with a combining accent. */
  assert_ids (index, "Cafe\xcc\x81 society", "decomposed");
  assert_ids (index, "naive resume", "cafe");
  assert_ids (index, "oeuvre", "ligatures");
  assert_ids (index, "aero", "ligatures");
  assert_ids (index, "lodz thingvellir", "ligatures");
  assert_ids (index, "ελλαδα", "greek");
  assert_ids (index, "ΕΛΛΆΔΑ", "greek");
  assert_ids (index, "україна", "greek");

  /* The excerpt keeps the text as written. */
  assert_excerpt (index, "cafe", "Cafe\xcc\x81 society", "Cafe\xcc\x81");
  assert_excerpt (index, "STRASSE", "Die Straße ist lang.", "Straße");
  assert_excerpt (index, "naive", "At the café, a naïve résumé.", "naïve");
}

static void
test_case (void)
{
  g_autoptr (MscosContentPack) pack = create_pack (
    text_item ("a", "Kalayaan", "Support for migrant domestic workers."),
    text_item ("b", "Other", "Nothing to see."),
    NULL);
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);
  g_autofree char *folded = NULL;

  assert_ids (index, "kalayaan", "a");
  assert_ids (index, "KALAYAAN", "a");
  assert_ids (index, "KaLaYaAn", "a");
  assert_ids (index, "MIGRANT Domestic", "a");

  folded = mscos_search_fold ("Straße, Zürich: CAFÉ œuvre trauma-informed 日本 — ok");
  g_assert_cmpstr (folded, ==, "strasse zurich cafe oeuvre trauma informed 日 本 ok");
}

static void
test_all_words (void)
{
  g_autoptr (MscosContentPack) pack = create_pack (
    text_item ("legal", "Legal help", "Advice from lawyers."),
    text_item ("aid", "Aid", "Food and shelter."),
    text_item ("both", "Legal aid", "Free advice."),
    quote_item ("split", "I found legal advice.", "Aid worker"),
    NULL);
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);

  assert_ids (index, "legal", "legal,both,split");
  assert_ids (index, "aid", "aid,both,split");
  /* Every word must match, in one field or across the item's fields. */
  assert_ids (index, "legal aid", "both,split");
  assert_ids (index, "aid legal", "both,split");
  assert_ids (index, "legal aid shelter", "");
  assert_ids (index, "legal missing", "");
  assert_ids (index, "nowhere", "");
}

static void
test_prefix (void)
{
  g_autoptr (MscosContentPack) pack = create_pack (
    text_item ("kalayaan", "Kalayaan", "Justice for migrant domestic workers."),
    text_item ("responders", "First responders", "Training."),
    text_item ("strasse", "Straße", "Street."),
    NULL);
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);

  /* The word being typed matches as a prefix. */
  assert_ids (index, "k", "kalayaan");
  assert_ids (index, "kalay", "kalayaan");
  assert_ids (index, "first respond", "responders");
  assert_ids (index, "migrant dom", "kalayaan");
  /* So do the others, below whole words: "survivor" finds "survivors". */
  assert_ids (index, "fir responders", "responders");
  assert_ids (index, "kalayaanx", "");

  /* Only the prefix is highlighted, as written. */
  assert_excerpt (index, "kalay", "Kalayaan", "Kalay");
  assert_excerpt (index, "strass", "Straße", "Straß");
  assert_excerpt (index, "stras", "Straße", "Straß");
  assert_excerpt (index, "first resp", "First responders", "First|resp");
}

static void
test_blank (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);
  const char * const blanks[] = { "", " ", "   \t\n ", "—", "!?…", "- ' \"" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr (GPtrArray) results = mscos_search_index_query (index, blanks[i], 10);

      g_assert_nonnull (results);
      g_assert_cmpuint (results->len, ==, 0);
    }

  {
    g_autoptr (GPtrArray) results = mscos_search_index_query (index, NULL, 10);

    g_assert_nonnull (results);
    g_assert_cmpuint (results->len, ==, 0);
  }

  assert_ids (index, "xylophone", "");
  assert_ids (index, "keith xylophone", "");
  /* Invalid UTF-8 is tolerated. */
  assert_ids (index, "keith \xff\xfe", "safety.audio-keith,safety.quote-keith");
}

static void
test_limit (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);
  g_autoptr (GPtrArray) all = mscos_search_index_query (index, "the", 0);
  g_autoptr (GPtrArray) some = mscos_search_index_query (index, "the", 3);

  g_assert_cmpuint (all->len, >, 3);
  g_assert_cmpuint (some->len, ==, 3);
  for (guint i = 0; i < some->len; i++)
    g_assert_cmpstr (mscos_search_result_get_item_id (g_ptr_array_index (some, i)), ==,
                     mscos_search_result_get_item_id (g_ptr_array_index (all, i)));
}

static void
test_ranking (void)
{
  g_autoptr (MscosContentPack) pack = create_pack (
    /* In the body, in a title, in an attribution */
    text_item ("housing-body", "Other", "Secure housing comes first."),
    text_item ("housing-title", "Housing", "Secure homes come first."),
    quote_item ("housing-speaker", "Homes come first.", "Housing adviser"),
    /* Scattered, near, a phrase */
    text_item ("scattered", "One", "Legal advice, and then the aid."),
    text_item ("near", "Two", "Legal and aid for workers here."),
    text_item ("phrase", "Three", "Free legal aid for workers here."),
    /* A prefix in a title, a whole word in a body */
    text_item ("prefix", "Policeman", "Story."),
    text_item ("exact", "Story", "Call the police now."),
    /* More occurrences */
    text_item ("once", "Four", "Advocate, then nothing, then nothing."),
    text_item ("twice", "Five", "Advocate, then advocate, then nothing."),
    /* A shorter field */
    text_item ("long", "Six",
               "Navigator and more words that make this paragraph a good deal longer than the "
               "other one, to show that a short field ranks a little higher."),
    text_item ("short", "Seven", "Navigator here."),
    /* The same text: pack order */
    text_item ("same-1", "Eight", "Compensation."),
    text_item ("same-2", "Eight", "Compensation."),
    NULL);
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);

  assert_ids (index, "housing", "housing-title,housing-speaker,housing-body");
  assert_ids (index, "legal aid", "phrase,near,scattered");
  assert_ids (index, "police", "exact,prefix");
  assert_ids (index, "advocate", "twice,once");
  assert_ids (index, "navigator", "short,long");
  assert_ids (index, "compensation", "same-1,same-2");

  {
    g_autoptr (MscosSearchResult) title = query_first (index, "housing");

    g_assert_cmpstr (mscos_search_result_get_field (title), ==, "title");
  }
}

static void
test_excerpts (void)
{
  g_autoptr (MscosContentPack) pack = create_pack (
    text_item ("start", "One",
               "Café owners were among the first to notice that something was wrong, and "
               "they called the helpline, which passed the case to the police and to a "
               "support worker who met the survivor the same evening."),
    text_item ("middle", "Two",
               "The support worker explained the options in plain words before anything "
               "else, and later in Zürich the survivor met a lawyer who spoke her language "
               "and took the case for asylum further than anyone had before. She was not "
               "asked to tell her story again, and her papers were in order by spring."),
    text_item ("end", "Three",
               "The programme began with survivors in Ελλάδα and Україна, grew through "
               "partners in many countries over the years, and now also works with "
               "survivors of labour exploitation in 日本"),
    text_item ("lines", "Four", "First line about housing.\\nSecond line.\\n"),
    text_item ("short", "Five", "Short text with Zürich café 日本 words."),
    NULL);
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);

  assert_excerpt (index, "cafe owners",
                  "Café owners were among the first to notice that something was wrong, and "
                  "they called the helpline, which passed the case to the police and to a "
                  "support worker…",
                  "Café|owners");
  assert_excerpt (index, "zurich asylum",
                  "…before anything else, and later in Zürich the survivor met a lawyer who "
                  "spoke her language and took the case for asylum further than anyone had "
                  "before…",
                  "Zürich|asylum");
  assert_excerpt (index, "日本 exploitation",
                  "…with survivors in Ελλάδα and Україна, grew through partners in many "
                  "countries over the years, and now also works with survivors of labour exploitation in 日本",
                  "exploitation|日本");
  assert_excerpt (index, "Україна programme",
                  "The programme began with survivors in Ελλάδα and Україна, grew through "
                  "partners in many countries over the years, and now also works with "
                  "survivors of labour…",
                  "programme|Україна");
  assert_excerpt (index, "housing second", "First line about housing. Second line.",
                  "housing|Second");
  assert_excerpt (index, "zurich cafe 日", "Short text with Zürich café 日本 words.",
                  "Zürich|café|日");
}

static void
test_notes (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);
  g_autoptr (MscosSearchResult) result = NULL;
  g_autofree char *matched = NULL;

  assert_ids (index, "kalayaan", "");

  mscos_search_index_set_note (index, "safety.shandra", "Ask Kalayaan about the visa.");
  result = query_first (index, "kalayaan");
  g_assert_cmpstr (mscos_search_result_get_item_id (result), ==, "safety.shandra");
  g_assert_cmpstr (mscos_search_result_get_outcome_id (result), ==, "safety");
  g_assert_cmpint (mscos_search_result_get_kind (result), ==, MSCOS_ITEM_PROFILE);
  g_assert_true (mscos_search_result_get_in_note (result));
  g_assert_cmpstr (mscos_search_result_get_field (result), ==, "note");
  g_assert_cmpstr (mscos_search_result_get_excerpt (result), ==, "Ask Kalayaan about the visa.");
  matched = dup_ranges (result);
  g_assert_cmpstr (matched, ==, "Kalayaan");
  g_clear_pointer (&result, mscos_search_result_unref);
  g_clear_pointer (&matched, g_free);

  /* A note is a field of its item: words may match across them. */
  result = query_first (index, "woworuntu kalay");
  g_assert_cmpstr (mscos_search_result_get_item_id (result), ==, "safety.shandra");
  g_assert_true (mscos_search_result_get_in_note (result));
  g_assert_cmpstr (mscos_search_result_get_field (result), ==, "title");
  g_clear_pointer (&result, mscos_search_result_unref);

  /* A note ranks above body text and below titles and speakers. */
  mscos_search_index_set_note (index, "safety.audio-wendy", "Keith mentioned this too");
  assert_ids (index, "keith", "safety.audio-keith,safety.quote-keith,safety.audio-wendy");
  assert_ids (index, "visa", "safety.shandra");

  /* Notes change as the user types, and go. */
  mscos_search_index_set_note (index, "safety.shandra", "Ask Kalayaan about the visa. Done");
  assert_ids (index, "kalayaan done", "safety.shandra");
  mscos_search_index_set_note (index, "safety.shandra", "Something else");
  assert_ids (index, "kalayaan", "");
  assert_ids (index, "something", "safety.shandra");
  mscos_search_index_set_note (index, "safety.shandra", "");
  assert_ids (index, "something", "");
  mscos_search_index_set_note (index, "safety.audio-wendy", NULL);
  assert_ids (index, "keith", "safety.audio-keith,safety.quote-keith");
  mscos_search_index_set_note (index, "safety.audio-wendy", NULL);

  /* A note on an item that is not in the pack finds nothing. */
  mscos_search_index_set_note (index, "gone", "Kalayaan");
  assert_ids (index, "kalayaan", "");

  /* Notes on several items, and a note whose words are all in the item. */
  mscos_search_index_set_note (index, "safety.helpline-steps", "Kalayaan helpline number");
  mscos_search_index_set_note (index, "safety.quote-keith", "Kalayaan quote");
  assert_ids (index, "kalayaan", "safety.quote-keith,safety.helpline-steps");
  assert_ids (index, "helpline kalayaan", "safety.helpline-steps");
}

typedef struct
{
  MscosSearchIndex *index;
  gint              stop;
  gint              n_queries;
} ThreadData;

static gpointer
query_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  while (!g_atomic_int_get (&data->stop))
    {
      g_autoptr (GPtrArray) notes = mscos_search_index_query (data->index, "kalayaan", 10);
      g_autoptr (GPtrArray) pack = mscos_search_index_query (data->index, "safety", 10);

      g_assert_cmpuint (notes->len, <=, 2);
      for (guint i = 0; i < notes->len; i++)
        {
          MscosSearchResult *result = g_ptr_array_index (notes, i);
          g_autofree char *matched = dup_ranges (result);

          /* Each result is of one version of the note, whole. */
          g_assert_true (mscos_search_result_get_in_note (result));
          g_assert_true (g_str_has_prefix (mscos_search_result_get_excerpt (result),
                                           "Kalayaan note "));
          g_assert_cmpstr (matched, ==, "Kalayaan");
        }
      g_assert_cmpuint (pack->len, >, 0);
      g_atomic_int_inc (&data->n_queries);
    }

  return NULL;
}

static void
test_threads (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (MscosSearchIndex) index = mscos_search_index_new (pack);
  ThreadData data = { index, FALSE, 0 };
  GThread *threads[2];

  threads[0] = g_thread_new ("query-1", query_in_thread, &data);
  threads[1] = g_thread_new ("query-2", query_in_thread, &data);

  /* Until both threads have run many queries while the notes changed. */
  for (guint i = 0; i < 2000 || g_atomic_int_get (&data.n_queries) < 400; i++)
    {
      g_autofree char *text = g_strdup_printf ("Kalayaan note %u", i);

      mscos_search_index_set_note (index, "safety.shandra", i % 3 ? text : NULL);
      mscos_search_index_set_note (index, "safety.quote-keith", i % 2 ? text : "");
    }

  g_atomic_int_set (&data.stop, TRUE);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);
  g_test_message ("%d queries while notes changed", g_atomic_int_get (&data.n_queries));
}

static void
built_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static MscosSearchIndex *
build_async (MscosContentPack  *pack,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  mscos_search_index_new_async (pack, cancellable, built_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return mscos_search_index_new_finish (result, error);
}

static void
test_async (void)
{
  g_autoptr (MscosContentPack) pack = load_every_kind ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (MscosSearchIndex) index = NULL;
  g_autoptr (MscosSearchIndex) cancelled = NULL;
  g_autoptr (GError) error = NULL;

  index = build_async (pack, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (MSCOS_IS_SEARCH_INDEX (index));
  assert_ids (index, "woworuntu", "safety.shandra");

  g_cancellable_cancel (cancellable);
  cancelled = build_async (pack, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled);
}

/* A pack of 10,000 items like the one the benchmark uses: quotations and sets of four
 * recommendations with words drawn from a vocabulary, one quotation with a word of its own. */
static GBytes *
create_large_pack (void)
{
  static const char * const vocabulary[] = {
    "survivor", "safety", "housing", "support", "trafficking", "police", "legal", "aid",
    "report", "community", "referral", "first", "responder", "trauma-informed", "café",
    "Zürich", "Kraków", "straße", "日本", "the", "of", "and", "to", "in",
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  GString *json = g_string_new (NULL);
  guint n_items = 0;

  g_string_append (json,
                   "{\"format\": \"mscos-content-pack\", \"version\": 1, "
                   "\"pack\": {\"id\": \"test.large\", \"title\": \"Large\", "
                   "\"revision\": \"1\", \"date\": \"2026-11-28\", \"language\": \"en-GB\"}, "
                   "\"outcomes\": [");

  for (guint outcome = 0; outcome < 10; outcome++)
    {
      g_string_append_printf (json, "%s{\"id\": \"o%u\", \"title\": \"Outcome %u\", "
                              "\"group\": \"core-outcome\", \"summary\": \"Summary.\", "
                              "\"descriptor\": [{\"type\": \"paragraph\", \"text\": \"D.\"}], "
                              "\"sections\": [{\"id\": \"o%u.s\", \"items\": [",
                              outcome ? ", " : "", outcome, outcome, outcome);

      for (guint i = 0, in_outcome = 0; in_outcome < 1000; i++)
        {
          if (i > 0)
            g_string_append (json, ", ");

          if (i % 2 == 0 || 1000 - in_outcome < 5)
            {
              g_string_append_printf (json, "{\"id\": \"o%u.q%u\", \"kind\": \"quote\", "
                                      "\"speaker\": \"Speaker %u\", \"text\": \"",
                                      outcome, i, i);
              for (guint w = 0; w < 60; w++)
                g_string_append_printf (json, "%s ", vocabulary[g_rand_int_range (rand, 0,
                                                                G_N_ELEMENTS (vocabulary))]);
              if (outcome == 7 && i == 78)
                g_string_append (json, "Kalayaan");
              g_string_append (json, "\"}");
              in_outcome++;
              continue;
            }

          g_string_append_printf (json, "{\"id\": \"o%u.r%u\", \"kind\": \"recommendations\", "
                                  "\"title\": \"Recommendations %u\", \"groups\": "
                                  "[{\"style\": \"numbered\", \"items\": [", outcome, i, i);
          for (guint r = 0; r < 4; r++)
            {
              g_string_append_printf (json, "%s{\"id\": \"o%u.r%u.%u\", \"text\": \"",
                                      r ? ", " : "", outcome, i, r);
              for (guint w = 0; w < 30; w++)
                g_string_append_printf (json, "%s ", vocabulary[g_rand_int_range (rand, 0,
                                                                G_N_ELEMENTS (vocabulary))]);
              g_string_append (json, "\"}");
            }
          g_string_append (json, "]}]}");
          in_outcome += 5;
        }

      g_string_append (json, "]}]}");
      n_items += 1000;
    }

  g_string_append (json, "]}");
  g_assert_cmpuint (n_items, ==, 10000);

  return g_string_free_to_bytes (json);
}

static void
test_large (void)
{
  g_autoptr (GBytes) bytes = create_large_pack ();
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  g_autoptr (MscosSearchIndex) index = NULL;
  g_autoptr (GPtrArray) results = NULL;
  gint64 begin;

  g_assert_no_error (error);
  g_assert_cmpuint (mscos_content_pack_get_n_items (pack), ==, 10000);

  begin = g_get_monotonic_time ();
  index = mscos_search_index_new (pack);
  g_test_message ("Indexed 10,000 items in %.1f ms",
                  (g_get_monotonic_time () - begin) / 1000.0);

  assert_ids (index, "kalayaan", "o7.q78");
  assert_ids (index, "kalay zurich", "o7.q78");

  begin = g_get_monotonic_time ();
  results = mscos_search_index_query (index, "first responder", 20);
  g_test_message ("\"first responder\" in %.3f ms", (g_get_monotonic_time () - begin) / 1000.0);
  g_assert_cmpuint (results->len, ==, 20);
  for (guint i = 0; i < results->len; i++)
    {
      MscosSearchResult *result = g_ptr_array_index (results, i);
      g_autofree char *matched = dup_ranges (result);
      g_auto (GStrv) words = g_strsplit (matched, "|", -1);

      /* The best have the phrase; the excerpt shows the first match. */
      g_assert_nonnull (strstr (mscos_search_result_get_excerpt (result), "responder"));
      for (guint w = 0; words[w] != NULL; w++)
        g_assert_true (g_str_equal (words[w], "first") || g_str_equal (words[w], "responder"));
      if (i > 0)
        g_assert_cmpfloat (mscos_search_result_get_score (g_ptr_array_index (results, i - 1)),
                           >=, mscos_search_result_get_score (result));
    }
  g_clear_pointer (&results, g_ptr_array_unref);

  results = mscos_search_index_query (index, "the", 0);
  g_assert_cmpuint (results->len, >, 5000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/search-index/every-kind", test_every_kind);
  g_test_add_func ("/core/search-index/accents", test_accents);
  g_test_add_func ("/core/search-index/case", test_case);
  g_test_add_func ("/core/search-index/all-words", test_all_words);
  g_test_add_func ("/core/search-index/prefix", test_prefix);
  g_test_add_func ("/core/search-index/blank", test_blank);
  g_test_add_func ("/core/search-index/limit", test_limit);
  g_test_add_func ("/core/search-index/ranking", test_ranking);
  g_test_add_func ("/core/search-index/excerpts", test_excerpts);
  g_test_add_func ("/core/search-index/notes", test_notes);
  g_test_add_func ("/core/search-index/threads", test_threads);
  g_test_add_func ("/core/search-index/async", test_async);
  g_test_add_func ("/core/search-index/large", test_large);

  return g_test_run ();
}
