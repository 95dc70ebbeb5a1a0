/* mscos-search-index.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-search-index"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mscos-search-index-private.h"

/* How the index works.
 *
 * Every item with an id is a document; its texts are fields (title, attribution,
 * organisation, own text, and one field for each block of its body). Text is cut into words
 * at Unicode word boundaries: a word is a run of letters and digits, with the combining marks
 * that follow them; everything else, hyphens and apostrophes included, separates words. Han,
 * Hiragana and Katakana characters, which are written without spaces, are one word each.
 * Each word is folded: decomposed (NFKD), case-folded, decomposed again, its combining marks
 * dropped and a few letters that have no decomposition spelt out (œ → oe, ø → o, ł → l…).
 *
 * The index is a table of the folded terms, sorted by their bytes, each with its postings:
 * (field, position) pairs in pack order. A query word finds the range of terms it begins,
 * by binary search, so every query word matches whole words and words it is a prefix of.
 * An item is a result when every query word matches one of its fields or the user's note
 * on it. Results are ranked first by how many query words matched a whole word, then by
 * relevance: the weight of the field (title above attribution and organisation above own
 * text above body), the query as a phrase above all words near one another above scattered
 * words, more occurrences and shorter fields modestly higher; then by pack order.
 *
 * The index of the pack never changes once built, so queries need no lock. Notes change as
 * the user types: they live in an immutable snapshot that set_note() replaces under a mutex,
 * and a query holds a reference on the snapshot it started with. */

G_DEFINE_FINAL_TYPE (MscosSearchIndex, mscos_search_index, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_note (Note *note)
{
  g_free (note->text);
  g_free (note->terms);
  g_free (note->words);
}

static void
unref_note (gpointer note)
{
  g_atomic_rc_box_release_full (note, (GDestroyNotify) clear_note);
}

static int
compare_note_words (gconstpointer a,
                    gconstpointer b)
{
  const NoteWord *word_a = a;
  const NoteWord *word_b = b;
  int order = strcmp (word_a->term, word_b->term);

  if (order != 0)
    return order;

  return (word_a->position > word_b->position) - (word_a->position < word_b->position);
}

static Note *
create_note (const char *text,
             guint32     doc)
{
  Note *note = g_atomic_rc_box_new0 (Note);
  g_autoptr (GString) terms = g_string_new (NULL);
  /* (element-type Span): where each term begins in @terms, and its position */
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *cursor, *start, *end;
  guint32 position = 0;

  note->text = g_utf8_make_valid (text, -1);
  note->doc = doc;

  /* Folded terms go one after another, each nul-terminated, into one string. */
  cursor = note->text;
  while (mscos_search_find_next_word (&cursor, &start, &end))
    {
      Span term = { terms->len, position++ };

      mscos_search_append_folded (terms, start, end - start);
      if (terms->len > term.start)
        {
          g_string_append_c (terms, '\0');
          g_array_append_val (offsets, term);
        }
    }

  note->n_tokens = position;
  note->n_words = offsets->len;
  note->terms = g_string_free (g_steal_pointer (&terms), FALSE);
  note->words = g_new (NoteWord, MAX (note->n_words, 1));
  for (guint i = 0; i < offsets->len; i++)
    {
      const Span *term = &g_array_index (offsets, Span, i);

      note->words[i].term = note->terms + term->start;
      note->words[i].position = term->end;
    }
  qsort (note->words, note->n_words, sizeof (NoteWord), compare_note_words);

  return note;
}

/* Counts the words of @note that @word matches and, unless @hits is %NULL, stores a hit
 * in @field for each of them. */
static guint
match_note (const Note      *note,
            const QueryWord *word,
            guint16          word_index,
            Hit             *hits,
            guint32          field)
{
  guint low = 0, high = note->n_words;
  guint n = 0;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (strcmp (note->words[middle].term, word->folded) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  for (guint i = low; i < note->n_words; i++)
    {
      const NoteWord *note_word = &note->words[i];

      if (strncmp (note_word->term, word->folded, word->length) != 0)
        break;

      if (hits != NULL)
        {
          Hit hit = { HIT_KEY (field, note_word->position), word_index,
                      note_word->term[word->length] == '\0' };

          hits[n] = hit;
        }
      n++;
    }

  return n;
}

/* Building */

static guint32
intern_term (Builder    *builder,
             const char *word,
             gsize       length)
{
  GString *folded = builder->folded;
  gboolean ascii = TRUE;
  gpointer value;
  guint32 term;

  for (gsize i = 0; i < length; i++)
    if ((guchar) word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (!ascii)
    {
      /* Folding a word outside ASCII allocates memory: fold each such word only once. */
      g_string_truncate (builder->original, 0);
      g_string_append_len (builder->original, word, length);
      value = g_hash_table_lookup (builder->originals, builder->original->str);
      if (value != NULL)
        return GPOINTER_TO_UINT (value) - 1;
    }

  g_string_truncate (folded, 0);
  mscos_search_append_folded (folded, word, length);

  if (folded->len == 0)
    {
      term = NO_TERM;
    }
  else if ((value = g_hash_table_lookup (builder->terms, folded->str)) != NULL)
    {
      term = GPOINTER_TO_UINT (value) - 1;
    }
  else
    {
      char *text = g_string_chunk_insert_len (builder->index->strings, folded->str, folded->len);

      term = builder->term_texts->len;
      g_ptr_array_add (builder->term_texts, text);
      g_hash_table_insert (builder->terms, text, GUINT_TO_POINTER (term + 1));
    }

  if (!ascii)
    g_hash_table_insert (builder->originals,
                         g_string_chunk_insert_len (builder->original_strings,
                                                    builder->original->str,
                                                    builder->original->len),
                         GUINT_TO_POINTER (term + 1));

  return term;
}

static void
add_field (Builder    *builder,
           guint32     doc,
           FieldKind   kind,
           const char *text)
{
  GArray *fields = builder->index->fields;
  Field field = { text, doc, 0, kind };
  const char *cursor = text;
  const char *start, *end;

  if (text == NULL || text[0] == '\0')
    return;

  while (mscos_search_find_next_word (&cursor, &start, &end))
    {
      BuildEntry entry = { intern_term (builder, start, end - start), fields->len,
                           field.n_tokens++ };

      if (entry.term != NO_TERM)
        g_array_append_val (builder->entries, entry);
    }

  if (field.n_tokens > 0)
    g_array_append_val (fields, field);
}

static void
add_block_fields (Builder          *builder,
                  guint32           doc,
                  const MscosBlock *block)
{
  add_field (builder, doc, FIELD_BODY, mscos_block_get_text (block));

  /* A quotation's label is its attribution. */
  if (mscos_block_get_block_type (block) == MSCOS_BLOCK_QUOTE)
    add_field (builder, doc, FIELD_BODY, mscos_block_get_label (block));

  for (guint i = 0; i < mscos_block_get_n_children (block); i++)
    add_block_fields (builder, doc, mscos_block_get_child (block, i));
}

static void
add_blocks_fields (Builder   *builder,
                   guint32    doc,
                   GPtrArray *blocks)
{
  if (blocks == NULL)
    return;

  for (guint i = 0; i < blocks->len; i++)
    add_block_fields (builder, doc, g_ptr_array_index (blocks, i));
}

static const char *
compose_text (Builder    *builder,
              const char *first,
              const char *separator,
              const char *second)
{
  g_autofree char *text = NULL;

  if (first == NULL)
    return second;
  if (second == NULL)
    return first;

  text = g_strconcat (first, separator, second, NULL);

  return g_string_chunk_insert (builder->index->strings, text);
}

static void
add_document (Builder   *builder,
              MscosItem *item)
{
  MscosSearchIndex *self = builder->index;
  Document doc = {
    mscos_item_get_id (item),
    mscos_item_get_outcome_id (item),
    mscos_item_get_kind (item),
  };
  guint32 doc_index = self->docs->len;

  g_array_append_val (self->docs, doc);
  g_hash_table_insert (self->doc_ids, (gpointer) doc.item_id, GUINT_TO_POINTER (doc_index + 1));

  add_field (builder, doc_index, FIELD_TITLE, mscos_item_get_title (item));
  add_field (builder, doc_index, FIELD_SPEAKER,
             compose_text (builder, mscos_item_get_speaker (item), ", ",
                           mscos_item_get_role (item)));
  add_field (builder, doc_index, FIELD_ORGANISATION, mscos_item_get_organisation (item));
  if (mscos_item_get_text (item) != NULL)
    add_field (builder, doc_index, FIELD_TEXT,
               compose_text (builder, mscos_item_get_label (item), " ",
                             mscos_item_get_text (item)));
  add_field (builder, doc_index, FIELD_TEXT, mscos_item_get_summary (item));
  add_blocks_fields (builder, doc_index, mscos_item_get_intro (item));
  add_blocks_fields (builder, doc_index, mscos_item_get_blocks (item));
}

/* A group of recommendations without an id is found through the set that holds it. */
static void
add_group (Builder   *builder,
           MscosItem *group)
{
  guint32 doc_index = builder->index->docs->len - 1;

  add_field (builder, doc_index, FIELD_BODY, mscos_item_get_title (group));
  add_blocks_fields (builder, doc_index, mscos_item_get_intro (group));
}

static void
collect_item_cb (gpointer data,
                 gpointer user_data)
{
  MscosItem *item = data;
  GPtrArray *items = user_data;
  GListModel *children = mscos_item_get_children (item);

  g_ptr_array_add (items, g_object_ref (item));

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr (MscosItem) child = g_list_model_get_item (children, i);

      if (mscos_item_get_id (child) == NULL && mscos_item_get_kind (child) == MSCOS_ITEM_GROUP)
        g_ptr_array_add (items, g_steal_pointer (&child));
    }
}

/* Returns: (transfer full) (element-type MscosItem): what to index, in pack order: every
 *   item with an id, each followed by the groups without an id that it holds. This reads
 *   the pack's list models, which are not safe to read from two threads at once (a
 *   GListStore remembers where it was last read), so it runs in the pack's own thread. */
static GPtrArray *
collect_items (MscosContentPack *pack)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  mscos_content_pack_foreach_item (pack, collect_item_cb, items);

  return items;
}

static int
compare_term_ids (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GPtrArray *term_texts = user_data;

  return strcmp (g_ptr_array_index (term_texts, *(const guint32 *) a),
                 g_ptr_array_index (term_texts, *(const guint32 *) b));
}

/* Sorts the terms and lays their postings out one after another, in pack order. */
static void
finish_terms (Builder *builder)
{
  MscosSearchIndex *self = builder->index;
  GArray *entries = builder->entries;
  guint n_terms = builder->term_texts->len;
  g_autofree guint32 *order = g_new (guint32, MAX (n_terms, 1));
  g_autofree guint32 *ranks = g_new (guint32, MAX (n_terms, 1));
  g_autofree guint32 *fill = NULL;
  guint32 offset = 0;

  for (guint i = 0; i < n_terms; i++)
    order[i] = i;
  g_sort_array (order, n_terms, sizeof (guint32), compare_term_ids, builder->term_texts);

  self->n_terms = n_terms;
  self->terms = g_new0 (Term, MAX (n_terms, 1));
  for (guint i = 0; i < n_terms; i++)
    {
      ranks[order[i]] = i;
      self->terms[i].text = g_ptr_array_index (builder->term_texts, order[i]);
    }

  for (guint i = 0; i < entries->len; i++)
    self->terms[ranks[g_array_index (entries, BuildEntry, i).term]].n_postings++;

  fill = g_new (guint32, MAX (n_terms, 1));
  for (guint i = 0; i < n_terms; i++)
    {
      self->terms[i].offset = offset;
      fill[i] = offset;
      offset += self->terms[i].n_postings;
    }

  self->n_postings = entries->len;
  self->postings = g_new (Posting, MAX (entries->len, 1));
  for (guint i = 0; i < entries->len; i++)
    {
      const BuildEntry *entry = &g_array_index (entries, BuildEntry, i);
      Posting posting = { entry->field, entry->position };

      self->postings[fill[ranks[entry->term]]++] = posting;
    }

  self->field_docs = g_new (guint32, MAX (self->fields->len, 1));
  self->field_kind = g_new (guint8, MAX (self->fields->len, 1));
  for (guint i = 0; i < self->fields->len; i++)
    {
      self->field_docs[i] = g_array_index (self->fields, Field, i).doc;
      self->field_kind[i] = g_array_index (self->fields, Field, i).kind;
    }
}

/* Builds the index of @items, from collect_items(), in any thread. */
static void
build_index (MscosSearchIndex *self,
             GPtrArray        *items)
{
  Builder builder = {
    .index = self,
    .terms = g_hash_table_new (g_str_hash, g_str_equal),
    .originals = g_hash_table_new (g_str_hash, g_str_equal),
    .original_strings = g_string_chunk_new (4096),
    .term_texts = g_ptr_array_new (),
    .entries = g_array_sized_new (FALSE, FALSE, sizeof (BuildEntry), 4096),
    .folded = g_string_new (NULL),
    .original = g_string_new (NULL),
  };

  for (guint i = 0; i < items->len; i++)
    {
      MscosItem *item = g_ptr_array_index (items, i);

      if (mscos_item_get_id (item) != NULL)
        add_document (&builder, item);
      else if (self->docs->len > 0)
        add_group (&builder, item);
    }
  finish_terms (&builder);

  g_debug ("Indexed %u items: %u fields, %u terms, %" G_GSIZE_FORMAT " postings",
           self->docs->len, self->fields->len, self->n_terms, self->n_postings);

  g_hash_table_unref (builder.terms);
  g_hash_table_unref (builder.originals);
  g_string_chunk_free (builder.original_strings);
  g_ptr_array_unref (builder.term_texts);
  g_array_unref (builder.entries);
  g_string_free (builder.folded, TRUE);
  g_string_free (builder.original, TRUE);
}

/* Querying */

static guint
parse_query (const char *query,
             QueryWord  *words)
{
  g_autofree char *valid = g_utf8_make_valid (query, -1);
  g_autoptr (GString) folded = g_string_new (NULL);
  const char *cursor = valid;
  const char *start, *end;
  guint n = 0;

  while (n < MAX_QUERY_WORDS && mscos_search_find_next_word (&cursor, &start, &end))
    {
      g_string_truncate (folded, 0);
      mscos_search_append_folded (folded, start, end - start);
      if (folded->len == 0)
        continue;

      words[n].length = folded->len;
      words[n].folded = g_strndup (folded->str, folded->len);
      n++;
    }

  return n;
}

/* Finds the range of terms that begin with @word. */
static void
find_terms (MscosSearchIndex *self,
            QueryWord        *word)
{
  guint low = 0, high = self->n_terms;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (strcmp (self->terms[middle].text, word->folded) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  word->first_term = low;

  high = self->n_terms;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (strncmp (self->terms[middle].text, word->folded, word->length) <= 0)
        low = middle + 1;
      else
        high = middle;
    }
  word->end_term = low;
}

static void
clear_search (Search *search)
{
  for (guint w = 0; w < search->n_words; w++)
    g_free (search->words[w].folded);
  g_clear_pointer (&search->notes, g_ptr_array_unref);
  g_clear_pointer (&search->marks, g_free);
  g_clear_pointer (&search->candidates, g_free);
  g_clear_pointer (&search->hits, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, clear_search)

/* Finds the candidates: the documents that every query word matches. */
static void
find_candidates (Search *search)
{
  MscosSearchIndex *self = search->index;
  guint32 n_docs = self->docs->len;
  guint32 all = (1u << search->n_words) - 1;
  guint32 *marks;
  guint32 n = 0;

  marks = search->marks = g_new0 (guint32, MAX (n_docs, 1));

  for (guint w = 0; w < search->n_words; w++)
    {
      const QueryWord *word = &search->words[w];

      for (guint t = word->first_term; t < word->end_term; t++)
        {
          const Posting *posting = self->postings + self->terms[t].offset;
          const Posting *end = posting + self->terms[t].n_postings;

          for (; posting < end; posting++)
            marks[self->field_docs[posting->field]] |= 1u << w;
        }

      for (guint i = 0; i < search->notes->len; i++)
        {
          const Note *note = g_ptr_array_index (search->notes, i);

          if (match_note (note, word, w, NULL, 0) > 0)
            marks[note->doc] |= 1u << w;
        }
    }

  for (guint32 d = 0; d < n_docs; d++)
    n += marks[d] == all;

  search->n_candidates = n;
  if (n == 0)
    return;

  search->candidates = g_new0 (Candidate, n);
  n = 0;
  for (guint32 d = 0; d < n_docs; d++)
    {
      if (marks[d] == all)
        {
          search->candidates[n].doc = d;
          marks[d] = ++n;
        }
      else
        {
          marks[d] = 0;
        }
    }
}

/* Gathers the hits of every candidate, one candidate after another: count, then place. */
static void
gather_hits (Search *search)
{
  MscosSearchIndex *self = search->index;
  guint32 n_fields = self->fields->len;
  Candidate *candidates = search->candidates;
  const guint32 *marks = search->marks;
  g_autofree guint32 *fill = g_new (guint32, search->n_candidates);
  gsize n_hits = 0;

  for (guint w = 0; w < search->n_words; w++)
    {
      const QueryWord *word = &search->words[w];

      for (guint t = word->first_term; t < word->end_term; t++)
        {
          const Posting *posting = self->postings + self->terms[t].offset;
          const Posting *end = posting + self->terms[t].n_postings;

          for (; posting < end; posting++)
            {
              guint32 mark = marks[self->field_docs[posting->field]];

              if (mark != 0)
                candidates[mark - 1].n_hits++;
            }
        }

      for (guint i = 0; i < search->notes->len; i++)
        {
          const Note *note = g_ptr_array_index (search->notes, i);
          guint32 mark = marks[note->doc];

          if (mark != 0)
            candidates[mark - 1].n_hits += match_note (note, word, w, NULL, 0);
        }
    }

  for (guint32 c = 0; c < search->n_candidates; c++)
    {
      candidates[c].first_hit = n_hits;
      fill[c] = n_hits;
      n_hits += candidates[c].n_hits;
    }

  search->hits = g_new (Hit, MAX (n_hits, 1));

  for (guint w = 0; w < search->n_words; w++)
    {
      const QueryWord *word = &search->words[w];

      for (guint t = word->first_term; t < word->end_term; t++)
        {
          const Posting *posting = self->postings + self->terms[t].offset;
          const Posting *end = posting + self->terms[t].n_postings;
          guint16 exact = self->terms[t].text[word->length] == '\0';

          for (; posting < end; posting++)
            {
              guint32 mark = marks[self->field_docs[posting->field]];

              if (mark != 0)
                {
                  Hit hit = { HIT_KEY (posting->field, posting->position), w, exact };

                  search->hits[fill[mark - 1]++] = hit;
                }
            }
        }

      for (guint i = 0; i < search->notes->len; i++)
        {
          const Note *note = g_ptr_array_index (search->notes, i);
          guint32 mark = marks[note->doc];

          if (mark != 0)
            fill[mark - 1] += match_note (note, word, w, search->hits + fill[mark - 1],
                                          n_fields + i);
        }
    }
}

/* Scores the candidates and puts the best @limit of them in @top, best first. */
static guint
rank_candidates (Search    *search,
                 guint      limit,
                 Candidate *top)
{
  guint n_top = 0;

  for (guint32 c = 0; c < search->n_candidates; c++)
    {
      Candidate *candidate = &search->candidates[c];
      Hit *hits = search->hits + candidate->first_hit;

      /* Candidates come in pack order, so one that can at best tie the worst of those kept
       * would rank below it. */
      double floor = n_top == limit ? top[0].score : -1.0;

      if (n_top == limit &&
          mscos_search_bound_candidate (search->index, hits, candidate->n_hits,
                                        search->n_words) <= floor)
        continue;

      if (mscos_search_score_candidate (search->index, search->notes, candidate, hits,
                                        search->n_words, floor))
        mscos_search_offer_candidate (top, &n_top, limit, candidate);
    }

  qsort (top, n_top, sizeof (Candidate), mscos_search_compare_candidates);

  return n_top;
}

static MscosSearchResult *
create_search_result (Search          *search,
                      const Candidate *candidate)
{
  MscosSearchIndex *self = search->index;
  guint32 n_fields = self->fields->len;
  const Hit *first = search->hits + candidate->first_hit;
  const Hit *last = first + candidate->n_hits;
  const Hit *end;
  const char *text;
  FieldKind kind;

  while (HIT_FIELD (first) != candidate->best_field)
    first++;
  for (end = first; end < last && HIT_FIELD (end) == candidate->best_field; end++)
    ;

  if (candidate->best_field < n_fields)
    {
      const Field *field = &g_array_index (self->fields, Field, candidate->best_field);

      text = field->text;
      kind = field->kind;
    }
  else
    {
      const Note *note = g_ptr_array_index (search->notes, candidate->best_field - n_fields);

      text = note->text;
      kind = FIELD_NOTE;
    }

  return mscos_search_create_result (&g_array_index (self->docs, Document, candidate->doc),
                                     kind, text, first, end - first, search->words,
                                     candidate->score, candidate->in_note);
}

static MscosSearchIndex *
create_index (MscosContentPack *pack,
              GPtrArray        *items)
{
  MscosSearchIndex *self = g_object_new (MSCOS_TYPE_SEARCH_INDEX, NULL);

  self->pack = g_object_ref (pack);
  build_index (self, items);

  return self;
}

typedef struct
{
  MscosContentPack *pack;
  GPtrArray        *items;
} BuildData;

static void
free_build_data (BuildData *data)
{
  g_clear_object (&data->pack);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

static void
build_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  BuildData *data = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, create_index (data->pack, data->items), g_object_unref);
}

/* GObject */

static void
mscos_search_index_finalize (GObject *object)
{
  MscosSearchIndex *self = MSCOS_SEARCH_INDEX (object);

  g_clear_pointer (&self->docs, g_array_unref);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->field_docs, g_free);
  g_clear_pointer (&self->field_kind, g_free);
  g_clear_pointer (&self->terms, g_free);
  g_clear_pointer (&self->postings, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->doc_ids, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_mutex_clear (&self->notes_lock);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (mscos_search_index_parent_class)->finalize (object);
}

static void
mscos_search_index_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MscosSearchIndex *self = MSCOS_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_search_index_class_init (MscosSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mscos_search_index_finalize;
  object_class->get_property = mscos_search_index_get_property;

  /**
   * MscosSearchIndex:pack:
   *
   * The content pack that the index covers.
   */
  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         MSCOS_TYPE_CONTENT_PACK,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                          G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_search_index_init (MscosSearchIndex *self)
{
  self->docs = g_array_new (FALSE, FALSE, sizeof (Document));
  self->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  self->strings = g_string_chunk_new (64 * 1024);
  self->doc_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->notes = g_ptr_array_new_with_free_func (unref_note);
  g_mutex_init (&self->notes_lock);
}

/* Public API */

/**
 * mscos_search_index_new:
 * @pack: the content pack to index
 *
 * Builds the index of every item of @pack that has an id, in the calling thread.
 *
 * Returns: (transfer full): the index
 */
MscosSearchIndex *
mscos_search_index_new (MscosContentPack *pack)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), NULL);

  items = collect_items (pack);

  return create_index (pack, items);
}

/**
 * mscos_search_index_new_async:
 * @pack: the content pack to index
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller when the index is built
 * @user_data: data for @callback
 *
 * Builds the index of @pack in a worker thread. Call it from the thread that uses the
 * pack: it lists the pack's items there first, which takes a moment.
 */
void
mscos_search_index_new_async (MscosContentPack    *pack,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  BuildData *data;

  g_return_if_fail (MSCOS_IS_CONTENT_PACK (pack));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (BuildData, 1);
  data->pack = g_object_ref (pack);
  data->items = collect_items (pack);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mscos_search_index_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) free_build_data);
  g_task_run_in_thread (task, build_in_thread);
}

/**
 * mscos_search_index_new_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the index, or %NULL if the operation was cancelled
 */
MscosSearchIndex *
mscos_search_index_new_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mscos_search_index_new_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mscos_search_index_get_pack:
 *
 * Returns: (transfer none): the content pack that the index covers
 */
MscosContentPack *
mscos_search_index_get_pack (MscosSearchIndex *self)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_INDEX (self), NULL);

  return self->pack;
}

/**
 * mscos_search_index_get_n_terms:
 *
 * Returns: how many distinct folded words the pack's text holds
 */
guint
mscos_search_index_get_n_terms (MscosSearchIndex *self)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_INDEX (self), 0);

  return self->n_terms;
}

/**
 * mscos_search_index_set_note:
 * @item_id: the id of the item that the note is on
 * @text: (nullable): the note's text; %NULL or empty removes the note
 *
 * Makes the user's note on an item searchable, or no longer. A note matches as a field of
 * its item. Cheap enough to call as the user types; may be called from any thread. Notes on
 * items that the pack does not hold are ignored, since no result could show them.
 */
void
mscos_search_index_set_note (MscosSearchIndex *self,
                             const char       *item_id,
                             const char       *text)
{
  g_autoptr (GPtrArray) old = NULL;
  GPtrArray *notes;
  Note *note = NULL;
  guint32 doc;

  g_return_if_fail (MSCOS_IS_SEARCH_INDEX (self));
  g_return_if_fail (item_id != NULL);

  doc = GPOINTER_TO_UINT (g_hash_table_lookup (self->doc_ids, item_id));
  if (doc == 0)
    {
      g_debug ("Not indexing the note on %s, which is not in the pack", item_id);
      return;
    }
  doc--;

  if (text != NULL && text[0] != '\0')
    note = create_note (text, doc);

  g_mutex_lock (&self->notes_lock);

  old = g_steal_pointer (&self->notes);
  notes = g_ptr_array_new_full (old->len + 1, unref_note);
  for (guint i = 0; i < old->len; i++)
    {
      Note *other = g_ptr_array_index (old, i);

      if (note != NULL && other->doc > doc)
        g_ptr_array_add (notes, g_steal_pointer (&note));
      if (other->doc != doc)
        g_ptr_array_add (notes, g_atomic_rc_box_acquire (other));
    }
  if (note != NULL)
    g_ptr_array_add (notes, g_steal_pointer (&note));
  self->notes = notes;

  g_mutex_unlock (&self->notes_lock);
}

static GPtrArray *
query_index (MscosSearchIndex *self,
             const char       *query,
             guint             limit,
             gboolean          with_notes)
{
  g_auto (Search) search = { .index = self };
  g_autoptr (GPtrArray) results = NULL;
  g_autofree Candidate *top = NULL;
  guint n_top;

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_search_result_unref);
  if (query == NULL)
    return g_steal_pointer (&results);

  search.n_words = parse_query (query, search.words);
  if (search.n_words == 0)
    return g_steal_pointer (&results);

  if (with_notes)
    {
      g_mutex_lock (&self->notes_lock);
      search.notes = g_ptr_array_ref (self->notes);
      g_mutex_unlock (&self->notes_lock);
    }
  else
    {
      search.notes = g_ptr_array_new ();
    }

  for (guint w = 0; w < search.n_words; w++)
    {
      find_terms (self, &search.words[w]);
      if (search.words[w].first_term == search.words[w].end_term && search.notes->len == 0)
        return g_steal_pointer (&results);
    }

  find_candidates (&search);
  if (search.n_candidates == 0)
    return g_steal_pointer (&results);

  gather_hits (&search);

  if (limit == 0 || limit > search.n_candidates)
    limit = search.n_candidates;
  top = g_new (Candidate, limit);
  n_top = rank_candidates (&search, limit, top);

  for (guint i = 0; i < n_top; i++)
    g_ptr_array_add (results, create_search_result (&search, &top[i]));

  return g_steal_pointer (&results);
}

/**
 * mscos_search_index_query:
 * @query: (nullable): what the user typed
 * @limit: the most results to return, or 0 for all of them
 *
 * Finds the items that match every word of @query: each word matches a whole word or the
 * beginning of a word, whatever its case and accents, in the item's text or in the user's
 * note on it. May be called from any thread, also while mscos_search_index_set_note() runs.
 *
 * Returns: (transfer full) (element-type MscosSearchResult): the results, best first; none
 *   for a blank query
 */
GPtrArray *
mscos_search_index_query (MscosSearchIndex *self,
                          const char       *query,
                          guint             limit)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_INDEX (self), NULL);

  return query_index (self, query, limit, TRUE);
}

/**
 * mscos_search_index_query_content:
 * @query: (nullable): what the user typed
 * @limit: the most results to return, or 0 for all of them
 *
 * Like mscos_search_index_query(), but only the content pack's own text is searched, never
 * the user's notes: for searches from outside the app (GNOME Shell), which must not reveal
 * what the user wrote.
 *
 * Returns: (transfer full) (element-type MscosSearchResult): the results, best first; none
 *   for a blank query
 */
GPtrArray *
mscos_search_index_query_content (MscosSearchIndex *self,
                                  const char       *query,
                                  guint             limit)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_INDEX (self), NULL);

  return query_index (self, query, limit, FALSE);
}
