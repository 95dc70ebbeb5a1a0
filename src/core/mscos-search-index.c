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

#include "mscos-search-index.h"

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

/* Query words beyond this are ignored. */
#define MAX_QUERY_WORDS 16

/* Excerpts are at most this many characters, the ellipses included, and begin this many
 * characters before the match when the text is longer. */
#define EXCERPT_CHARS 160
#define EXCERPT_CONTEXT 40

/* Of a whole-word match, what a match of the word as a prefix is worth. */
#define PREFIX_QUALITY 0.6

/* What intern_term() returns for a word that folds to nothing. */
#define NO_TERM G_MAXUINT32

typedef enum
{
  FIELD_TITLE,
  FIELD_SPEAKER,
  FIELD_ORGANISATION,
  FIELD_TEXT,
  FIELD_BODY,
  FIELD_NOTE,
} FieldKind;

static const struct
{
  const char *name;
  double      weight;
} field_kinds[] = {
  [FIELD_TITLE] = { "title", 10.0 },
  [FIELD_SPEAKER] = { "speaker", 6.0 },
  [FIELD_ORGANISATION] = { "organisation", 6.0 },
  [FIELD_TEXT] = { "text", 3.0 },
  [FIELD_BODY] = { "body", 1.5 },
  [FIELD_NOTE] = { "note", 5.0 },
};

typedef struct
{
  const char    *item_id;
  const char    *outcome_id;
  MscosItemKind  kind;
} Document;

typedef struct
{
  /* The original text: the pack's, or composed by the index in its string chunk. */
  const char *text;
  guint32     doc;
  guint32     n_tokens;
  FieldKind   kind;
} Field;

typedef struct
{
  const char *text;
  guint32     offset;
  guint32     n_postings;
} Term;

typedef struct
{
  guint32 field;
  guint32 position;
} Posting;

typedef struct
{
  const char *term;
  guint32     position;
} NoteWord;

/* A user's note: immutable, shared by the snapshots that hold it (g_atomic_rc_box). */
typedef struct
{
  char     *text;
  char     *terms;
  NoteWord *words;
  guint32   n_words;
  guint32   n_tokens;
  guint32   doc;
} Note;

typedef struct
{
  guint32 start;
  guint32 end;
} Span;

/* Where a query word matched: the field and position make one key, to sort by. */
typedef struct
{
  guint64 key;
  guint16 word;
  guint16 exact;
} Hit;

#define HIT_KEY(field, position) (((guint64) (field) << 32) | (position))
#define HIT_FIELD(hit) ((guint32) ((hit)->key >> 32))
#define HIT_POSITION(hit) ((guint32) ((hit)->key & G_MAXUINT32))

typedef struct
{
  char  *folded;
  gsize  length;
  guint  first_term;
  guint  end_term;
} QueryWord;

typedef struct
{
  double   score;
  guint32  doc;
  guint32  first_hit;
  guint32  n_hits;
  guint32  best_field;
  gboolean in_note;
} Candidate;

/* One query as it runs. */
typedef struct
{
  MscosSearchIndex *index;
  /* (element-type Note): the notes as they were when the query began */
  GPtrArray        *notes;
  QueryWord         words[MAX_QUERY_WORDS];
  guint             n_words;
  /* For each document: the words that match it; then its candidate's number + 1, or 0. */
  guint32          *marks;
  Candidate        *candidates;
  guint32           n_candidates;
  /* Every candidate's hits, one candidate after another */
  Hit              *hits;
} Search;

typedef struct
{
  guint32 term;
  guint32 field;
  guint32 position;
} BuildEntry;

typedef struct
{
  MscosSearchIndex *index;
  /* folded term → its id + 1 */
  GHashTable       *terms;
  /* a word with letters outside ASCII, as written → its term's id + 1 */
  GHashTable       *originals;
  GStringChunk     *original_strings;
  GPtrArray        *term_texts;
  GArray           *entries;
  GString          *folded;
  GString          *original;
} Builder;

struct _MscosSearchResult
{
  char          *item_id;
  char          *outcome_id;
  char          *excerpt;
  const char    *field;
  guint         *ranges;
  guint          n_ranges;
  MscosItemKind  kind;
  double         score;
  gboolean       in_note;
};

struct _MscosSearchIndex
{
  GObject           parent_instance;

  /* The index borrows the pack's strings: it holds the pack until it is finalized. */
  MscosContentPack *pack;

  GArray           *docs;
  GArray           *fields;
  /* The document and the kind of each field, for the queries' inner loops. */
  guint32          *field_docs;
  guint8           *field_kind;
  Term             *terms;
  guint             n_terms;
  Posting          *postings;
  gsize             n_postings;
  GStringChunk     *strings;
  /* item id → its document + 1 */
  GHashTable       *doc_ids;

  GMutex            notes_lock;
  /* (element-type Note): sorted by document; replaced, never changed, by set_note() */
  GPtrArray        *notes;
};

G_DEFINE_FINAL_TYPE (MscosSearchIndex, mscos_search_index, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (MscosSearchResult, mscos_search_result,
                     mscos_search_result_ref, mscos_search_result_unref)

enum {
  PROP_0,
  PROP_PACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Words and their folded forms */

static gboolean
is_ideograph (gunichar c)
{
  GUnicodeScript script;

  if (c < 0x2E80)
    return FALSE;

  script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN ||
         script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA;
}

/* Finds the next word at or after *cursor; sets [*start, *end) to it and moves the cursor
 * past it. @text is valid, nul-terminated UTF-8. */
static gboolean
find_next_word (const char **cursor,
                const char **start,
                const char **end)
{
  const char *p = *cursor;
  gunichar c = 0;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isalnum (*p))
            break;
          continue;
        }

      c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        break;
    }

  if (*p == '\0')
    return FALSE;

  *start = p;

  if ((guchar) *p >= 0x80 && is_ideograph (c))
    {
      for (p = g_utf8_next_char (p); (guchar) *p >= 0x80; p = g_utf8_next_char (p))
        if (!g_unichar_ismark (g_utf8_get_char (p)))
          break;
    }
  else
    {
      for (p = g_utf8_next_char (p); *p != '\0'; p = g_utf8_next_char (p))
        {
          if ((guchar) *p < 0x80)
            {
              if (!g_ascii_isalnum (*p))
                break;
              continue;
            }

          c = g_utf8_get_char (p);
          if (is_ideograph (c) || !(g_unichar_isalnum (c) || g_unichar_ismark (c)))
            break;
        }
    }

  *end = p;
  *cursor = p;

  return TRUE;
}

/* Letters that neither decomposition nor case folding takes to plain letters. */
static const char *
spell_letter (gunichar c)
{
  switch (c)
    {
    case 0x00E6: /* æ */
      return "ae";
    case 0x0153: /* œ */
      return "oe";
    case 0x00F8: /* ø */
      return "o";
    case 0x0142: /* ł */
      return "l";
    case 0x0111: /* đ */
    case 0x00F0: /* ð */
      return "d";
    case 0x00FE: /* þ */
      return "th";
    case 0x0131: /* ı */
      return "i";
    case 0x0127: /* ħ */
      return "h";
    case 0x03C2: /* ς */
      return "σ";
    default:
      return NULL;
    }
}

/* Appends the folded form of the word [word, word + length) to @out. */
static void
append_folded (GString    *out,
               const char *word,
               gsize       length)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *again = NULL;
  gboolean ascii = TRUE;

  for (gsize i = 0; i < length; i++)
    if ((guchar) word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    {
      for (gsize i = 0; i < length; i++)
        g_string_append_c (out, g_ascii_tolower (word[i]));
      return;
    }

  decomposed = g_utf8_normalize (word, length, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return;
  folded = g_utf8_casefold (decomposed, -1);
  again = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);

  for (const char *p = again; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *spelt;

      if (g_unichar_ismark (c) || !g_unichar_isalnum (c))
        continue;

      spelt = spell_letter (c);
      if (spelt != NULL)
        g_string_append (out, spelt);
      else
        g_string_append_unichar (out, c);
    }
}

/* Returns: (transfer full): the spans of the words of @text, by position */
static GArray *
find_word_spans (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *cursor = text;
  const char *start, *end;

  while (find_next_word (&cursor, &start, &end))
    {
      Span span = { start - text, end - text };

      g_array_append_val (spans, span);
    }

  return spans;
}

/* Notes */

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
  while (find_next_word (&cursor, &start, &end))
    {
      Span term = { terms->len, position++ };

      append_folded (terms, start, end - start);
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
  append_folded (folded, word, length);

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

  while (find_next_word (&cursor, &start, &end))
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

  while (n < MAX_QUERY_WORDS && find_next_word (&cursor, &start, &end))
    {
      g_string_truncate (folded, 0);
      append_folded (folded, start, end - start);
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

static int
compare_hits_cb (gconstpointer a,
                 gconstpointer b)
{
  const Hit *hit_a = a;
  const Hit *hit_b = b;

  return (hit_a->key > hit_b->key) - (hit_a->key < hit_b->key);
}

/* Sorts hits by field and position; the order of words at one position does not matter. */
static void
sort_hits (Hit   *hits,
           guint  n)
{
  if (n > 32)
    {
      qsort (hits, n, sizeof (Hit), compare_hits_cb);
      return;
    }

  for (guint i = 1; i < n; i++)
    {
      Hit hit = hits[i];
      guint j = i;

      for (; j > 0 && hits[j - 1].key > hit.key; j--)
        hits[j] = hits[j - 1];
      hits[j] = hit;
    }
}

/* What one field of a candidate scores before its words' nearness is known. */
typedef struct
{
  guint    first_hit;
  guint    n_hits;
  guint32  field;
  gboolean all_words;
  double   score;
} FieldScore;

/* Scores a field's hits for the weight of the field, how many query words it holds, how
 * often and how exactly, and how short it is. */
static double
measure_field (const Hit *hits,
               guint      n_hits,
               guint      n_words,
               FieldKind  kind,
               guint32    n_tokens,
               gboolean  *all_words)
{
  guint counts[MAX_QUERY_WORDS];
  guint32 matched = 0, exact = 0;
  double coverage = 0.0;
  double shortness = 1.0 - 0.4 * n_tokens / (n_tokens + 30.0);

  /* The most common case: one word, once. */
  if (n_hits == 1)
    {
      *all_words = n_words == 1;
      return field_kinds[kind].weight * (hits[0].exact ? 1.0 : PREFIX_QUALITY) / n_words *
             shortness;
    }

  for (guint w = 0; w < n_words; w++)
    counts[w] = 0;

  for (guint i = 0; i < n_hits; i++)
    {
      counts[hits[i].word]++;
      matched |= 1u << hits[i].word;
      if (hits[i].exact)
        exact |= 1u << hits[i].word;
    }

  for (guint w = 0; w < n_words; w++)
    if (counts[w] > 0)
      coverage += ((exact & (1u << w)) ? 1.0 : PREFIX_QUALITY) * (1.5 - 0.5 / counts[w]);

  *all_words = matched == (1u << n_words) - 1;

  return field_kinds[kind].weight * coverage / n_words * shortness;
}

/* Returns how near one another the query words are in a field that holds them all: 3 for
 * the query as a phrase, less the farther apart they are, down towards 1. */
static double
measure_nearness (const Hit *hits,
                  guint      n_hits,
                  guint      n_words)
{
  g_autofree guint32 *heap_positions = NULL;
  g_autofree guint32 *heap_masks = NULL;
  guint32 stack_positions[64], stack_masks[64];
  guint32 *positions = stack_positions, *masks = stack_masks;
  guint covered[MAX_QUERY_WORDS];
  guint32 all = (1u << n_words) - 1;
  guint32 span = G_MAXUINT32;
  guint32 have = 0;
  guint n = 0, left = 0;

  if (n_hits > G_N_ELEMENTS (stack_positions))
    {
      positions = heap_positions = g_new (guint32, n_hits);
      masks = heap_masks = g_new (guint32, n_hits);
    }

  /* The words that match at each position, positions ascending. */
  for (guint i = 0; i < n_hits; i++)
    {
      if (n > 0 && positions[n - 1] == HIT_POSITION (&hits[i]))
        {
          masks[n - 1] |= 1u << hits[i].word;
          continue;
        }
      positions[n] = HIT_POSITION (&hits[i]);
      masks[n] = 1u << hits[i].word;
      n++;
    }

  for (guint i = 0; i < n; i++)
    {
      guint w = 0;

      while (w < n_words && i + w < n &&
             positions[i + w] == positions[i] + w && (masks[i + w] & (1u << w)))
        w++;
      if (w == n_words)
        return 3.0;
    }

  /* The narrowest run of positions that holds every word. */
  for (guint w = 0; w < n_words; w++)
    covered[w] = 0;
  for (guint right = 0; right < n; right++)
    {
      for (guint w = 0; w < n_words; w++)
        if (masks[right] & (1u << w) && covered[w]++ == 0)
          have |= 1u << w;

      while (have == all)
        {
          span = MIN (span, positions[right] - positions[left] + 1);
          for (guint w = 0; w < n_words; w++)
            if (masks[left] & (1u << w) && --covered[w] == 0)
              have &= ~(1u << w);
          left++;
        }
    }

  span = MAX (span, n_words + 1);

  return 1.0 + 1.5 * (n_words - 1) / (span - 1);
}

static guint
count_bits (guint32 bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;

  return n;
}

/* The score of a candidate: its whole part the number of words that matched a whole word,
 * its fraction the relevance of its best field and a little of its others'. */
static double
combine_scores (guint32 exact,
                double  best,
                double  sum)
{
  double relevance = best + 0.2 * (sum - best);

  return count_bits (exact) + relevance / (relevance + 10.0);
}

/* Returns a score that the candidate cannot beat, found without sorting its hits: a field
 * scores at most its weight × its coverage with every word there as often as can count ×
 * 3 for a phrase (with more than one word) × 1 for shortness. Hits come in runs sorted by
 * field, so each change of field may be a field not seen yet. */
static double
bound_candidate (MscosSearchIndex *self,
                 const Hit        *hits,
                 guint             n_hits,
                 guint             n_words)
{
  guint32 n_fields = self->fields->len;
  guint32 previous = G_MAXUINT32;
  guint32 exact = 0;
  double best = 0.0, sum = 0.0, coverage = 0.0, factor;

  for (guint i = 0; i < n_hits; i++)
    {
      guint32 field = HIT_FIELD (&hits[i]);

      exact |= (guint32) hits[i].exact << hits[i].word;
      if (field != previous)
        {
          FieldKind kind = field < n_fields ? self->field_kind[field] : FIELD_NOTE;

          best = MAX (best, field_kinds[kind].weight);
          sum += field_kinds[kind].weight;
          previous = field;
        }
    }

  for (guint w = 0; w < n_words; w++)
    coverage += ((exact & (1u << w)) ? 1.0 : PREFIX_QUALITY) * 1.5;
  factor = coverage / n_words * (n_words > 1 ? 3.0 : 1.0);

  return combine_scores (exact, factor * best, factor * sum);
}

/* Scores a candidate, unless it cannot score above @floor: then returns %FALSE. Nearness
 * is measured last, since it costs most, and only if the candidate could still make it. */
static gboolean
score_candidate (MscosSearchIndex *self,
                 GPtrArray        *notes,
                 Candidate        *candidate,
                 Hit              *hits,
                 guint             n_words,
                 double            floor)
{
  g_autofree FieldScore *heap_fields = NULL;
  FieldScore stack_fields[16];
  FieldScore *fields = stack_fields;
  guint32 n_fields = self->fields->len;
  guint32 exact = 0;
  double best = 0.0, sum = 0.0;
  guint n = 0;

  sort_hits (hits, candidate->n_hits);

  if (candidate->n_hits > G_N_ELEMENTS (stack_fields))
    fields = heap_fields = g_new (FieldScore, candidate->n_hits);

  for (guint i = 0; i < candidate->n_hits; n++)
    {
      FieldScore *f = &fields[n];
      FieldKind kind;
      guint32 n_tokens;
      double bound;

      f->field = HIT_FIELD (&hits[i]);
      f->first_hit = i;
      for (; i < candidate->n_hits && HIT_FIELD (&hits[i]) == f->field; i++)
        if (hits[i].exact)
          exact |= 1u << hits[i].word;
      f->n_hits = i - f->first_hit;

      if (f->field < n_fields)
        {
          const Field *field = &g_array_index (self->fields, Field, f->field);

          kind = field->kind;
          n_tokens = field->n_tokens;
        }
      else
        {
          const Note *note = g_ptr_array_index (notes, f->field - n_fields);

          kind = FIELD_NOTE;
          n_tokens = note->n_tokens;
          candidate->in_note = TRUE;
        }

      f->score = measure_field (hits + f->first_hit, f->n_hits, n_words, kind, n_tokens,
                                &f->all_words);

      bound = f->all_words && n_words > 1 ? 3.0 * f->score : f->score;
      best = MAX (best, bound);
      sum += bound;
    }

  if (combine_scores (exact, best, sum) <= floor)
    return FALSE;

  best = -1.0;
  sum = 0.0;
  for (guint k = 0; k < n; k++)
    {
      FieldScore *f = &fields[k];

      if (f->all_words && n_words > 1)
        f->score *= measure_nearness (hits + f->first_hit, f->n_hits, n_words);

      sum += f->score;
      if (f->score > best)
        {
          best = f->score;
          candidate->best_field = f->field;
        }
    }

  candidate->score = combine_scores (exact, best, sum);

  return TRUE;
}

/* Whether @a goes before @b in the results. */
static gboolean
ranks_above (const Candidate *a,
             const Candidate *b)
{
  if (a->score != b->score)
    return a->score > b->score;

  return a->doc < b->doc;
}

static int
compare_candidates_cb (gconstpointer a,
                       gconstpointer b)
{
  return ranks_above (a, b) ? -1 : ranks_above (b, a) ? 1 : 0;
}

/* Keeps the @limit best candidates in a heap whose root is the worst of them. */
static void
offer_candidate (Candidate       *heap,
                 guint           *n_heap,
                 guint            limit,
                 const Candidate *candidate)
{
  guint i;

  if (*n_heap < limit)
    {
      i = (*n_heap)++;
      while (i > 0 && ranks_above (&heap[(i - 1) / 2], candidate))
        {
          heap[i] = heap[(i - 1) / 2];
          i = (i - 1) / 2;
        }
      heap[i] = *candidate;
      return;
    }

  if (!ranks_above (candidate, &heap[0]))
    return;

  i = 0;
  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= *n_heap)
        break;
      if (child + 1 < *n_heap && ranks_above (&heap[child], &heap[child + 1]))
        child++;
      if (!ranks_above (candidate, &heap[child]))
        break;
      heap[i] = heap[child];
      i = child;
    }
  heap[i] = *candidate;
}

static gsize
move_back (const char *text,
           gsize       offset,
           guint       n_chars)
{
  const char *p = text + offset;

  while (n_chars-- > 0 && p > text)
    p = g_utf8_prev_char (p);

  return p - text;
}

static gsize
move_forward (const char *text,
              gsize       offset,
              gsize       length,
              guint       n_chars)
{
  const char *p = text + offset;

  while (n_chars-- > 0 && p < text + length)
    p = g_utf8_next_char (p);

  return p - text;
}

/* Returns where to end the highlight of @word in the word of @text at @span. */
static gsize
find_highlight_end (const char      *text,
                    const Span      *span,
                    const QueryWord *word,
                    gboolean         exact,
                    GString         *scratch)
{
  const char *p = text + span->start;
  const char *end = text + span->end;
  gsize folded = 0;

  if (exact)
    return span->end;

  while (p < end && folded < word->length)
    {
      const char *next = g_utf8_next_char (p);

      g_string_truncate (scratch, 0);
      append_folded (scratch, p, next - p);
      folded += scratch->len;
      p = next;
    }

  while (p < end && g_unichar_ismark (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p - text;
}

static MscosSearchResult *
create_result (const Document  *doc,
               FieldKind        kind,
               const char      *text,
               const Hit       *hits,
               guint            n_hits,
               const QueryWord *words,
               double           score,
               gboolean         in_note)
{
  MscosSearchResult *result = g_atomic_rc_box_new0 (MscosSearchResult);
  g_autoptr (GArray) spans = find_word_spans (text);
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GString) excerpt = g_string_new (NULL);
  g_autoptr (GString) scratch = g_string_new (NULL);
  const Span *all = (const Span *) (gpointer) spans->data;
  gsize length = strlen (text);
  gsize start = 0, end = length;
  guint first_word = 0, last_word = spans->len - 1;
  gboolean cut_before = FALSE, cut_after = FALSE;
  gsize lead = 0;

  g_assert (n_hits > 0);
  g_assert (HIT_POSITION (&hits[0]) < spans->len);

  result->item_id = g_strdup (doc->item_id);
  result->outcome_id = g_strdup (doc->outcome_id);
  result->kind = doc->kind;
  result->score = score;
  result->in_note = in_note;
  result->field = field_kinds[kind].name;

  if (g_utf8_strlen (text, length) > EXCERPT_CHARS)
    {
      const Span *match = &all[HIT_POSITION (&hits[0])];
      guint budget = EXCERPT_CHARS - 2;

      start = move_back (text, match->start, EXCERPT_CONTEXT);
      end = move_forward (text, start, length, budget);
      if (end == length)
        start = MIN (move_back (text, length, budget), match->start);
      end = MAX (end, match->end);

      /* Whole words only, and an ellipsis where words were left out. */
      while (first_word < HIT_POSITION (&hits[0]) && all[first_word].start < start)
        first_word++;
      while (last_word > HIT_POSITION (&hits[0]) && all[last_word].end > end)
        last_word--;
      cut_before = first_word > 0;
      cut_after = last_word + 1 < spans->len;
      start = cut_before ? all[first_word].start : 0;
      end = cut_after ? all[last_word].end : length;
    }

  while (start < end && g_ascii_isspace (text[start]))
    start++;
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;

  if (cut_before)
    g_string_append (excerpt, "…");
  lead = excerpt->len;
  for (gsize i = start; i < end; i++)
    g_string_append_c (excerpt, text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ?
                                ' ' : text[i]);
  if (cut_after)
    g_string_append (excerpt, "…");

  for (guint i = 0; i < n_hits; i++)
    {
      const Span *span = &all[HIT_POSITION (&hits[i])];
      guint range_start, range_end;

      if (span->start < start || span->end > end)
        continue;

      range_start = span->start - start + lead;
      range_end = find_highlight_end (text, span, &words[hits[i].word], hits[i].exact,
                                      scratch) - start + lead;

      /* Several words at one position, or words that touch, make one range. */
      if (ranges->len > 0 && g_array_index (ranges, guint, ranges->len - 1) >= range_start)
        {
          guint *last_end = &g_array_index (ranges, guint, ranges->len - 1);

          *last_end = MAX (*last_end, range_end);
          continue;
        }

      g_array_append_val (ranges, range_start);
      g_array_append_val (ranges, range_end);
    }

  result->excerpt = g_string_free (g_steal_pointer (&excerpt), FALSE);
  result->n_ranges = ranges->len / 2;
  result->ranges = (guint *) (gpointer) g_array_free (g_steal_pointer (&ranges), FALSE);

  return result;
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
          bound_candidate (search->index, hits, candidate->n_hits, search->n_words) <= floor)
        continue;

      if (score_candidate (search->index, search->notes, candidate, hits, search->n_words,
                           floor))
        offer_candidate (top, &n_top, limit, candidate);
    }

  qsort (top, n_top, sizeof (Candidate), compare_candidates_cb);

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

  return create_result (&g_array_index (self->docs, Document, candidate->doc), kind, text,
                        first, end - first, search->words, candidate->score,
                        candidate->in_note);
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

static void
clear_result (MscosSearchResult *result)
{
  g_free (result->item_id);
  g_free (result->outcome_id);
  g_free (result->excerpt);
  g_free (result->ranges);
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

/**
 * mscos_search_fold:
 * @text: some text
 *
 * Folds @text as the index does: its words, without case or accents, one space between.
 *
 * Returns: (transfer full): the folded words
 */
char *
mscos_search_fold (const char *text)
{
  g_autofree char *valid = NULL;
  GString *folded;
  const char *cursor, *start, *end;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  folded = g_string_new (NULL);
  cursor = valid;
  while (find_next_word (&cursor, &start, &end))
    {
      gsize before = folded->len;

      if (before > 0)
        g_string_append_c (folded, ' ');
      append_folded (folded, start, end - start);
      if (folded->len == before + 1)
        g_string_truncate (folded, before);
    }

  return g_string_free (folded, FALSE);
}

/* Results */

/**
 * mscos_search_result_ref:
 *
 * Returns: (transfer full): @result
 */
MscosSearchResult *
mscos_search_result_ref (MscosSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return g_atomic_rc_box_acquire (result);
}

/**
 * mscos_search_result_unref:
 *
 * Drops a reference on @result, and frees it when that was the last.
 */
void
mscos_search_result_unref (MscosSearchResult *result)
{
  g_return_if_fail (result != NULL);

  g_atomic_rc_box_release_full (result, (GDestroyNotify) clear_result);
}

/**
 * mscos_search_result_get_item_id:
 *
 * Returns: the id of the item found
 */
const char *
mscos_search_result_get_item_id (const MscosSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->item_id;
}

/**
 * mscos_search_result_get_outcome_id:
 *
 * Returns: the id of the outcome whose page holds the item
 */
const char *
mscos_search_result_get_outcome_id (const MscosSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->outcome_id;
}

/**
 * mscos_search_result_get_kind:
 *
 * Returns: the kind of the item found
 */
MscosItemKind
mscos_search_result_get_kind (const MscosSearchResult *result)
{
  g_return_val_if_fail (result != NULL, MSCOS_ITEM_TEXT);

  return result->kind;
}

/**
 * mscos_search_result_get_score:
 *
 * The score orders the results of one query: its whole part is how many query words
 * matched a whole word, its fraction the relevance of the match.
 *
 * Returns: the result's score; higher is better
 */
double
mscos_search_result_get_score (const MscosSearchResult *result)
{
  g_return_val_if_fail (result != NULL, 0.0);

  return result->score;
}

/**
 * mscos_search_result_get_excerpt:
 *
 * Returns: plain text around the first match in the field that matched best, of at most
 *   about 160 characters, cut between words with "…" where text was left out, and with
 *   line breaks made spaces
 */
const char *
mscos_search_result_get_excerpt (const MscosSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->excerpt;
}

/**
 * mscos_search_result_get_n_ranges:
 *
 * Returns: how many ranges of the excerpt match query words
 */
guint
mscos_search_result_get_n_ranges (const MscosSearchResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->n_ranges;
}

/**
 * mscos_search_result_get_range:
 * @index: which range, less than mscos_search_result_get_n_ranges()
 * @start: (out) (optional): where the range begins, in bytes into the excerpt
 * @end: (out) (optional): where the range ends, in bytes into the excerpt
 *
 * Gets a range of the excerpt that matches a query word: a whole word, or the part of a
 * word that the query word is the beginning of. Ranges are in order and do not overlap;
 * words that touch (as Japanese characters do) make one range.
 */
void
mscos_search_result_get_range (const MscosSearchResult *result,
                               guint                    index,
                               guint                   *start,
                               guint                   *end)
{
  g_return_if_fail (result != NULL);
  g_return_if_fail (index < result->n_ranges);

  if (start != NULL)
    *start = result->ranges[2 * index];
  if (end != NULL)
    *end = result->ranges[2 * index + 1];
}

/**
 * mscos_search_result_get_in_note:
 *
 * Returns: whether a query word matched the user's note on the item
 */
gboolean
mscos_search_result_get_in_note (const MscosSearchResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);

  return result->in_note;
}

/**
 * mscos_search_result_get_field:
 *
 * Returns: which text of the item matched best, and so holds the excerpt: "title",
 *   "speaker" (a speaker or person and their role), "organisation", "text" (the words of
 *   a quotation or recommendation, a summary or description), "body" (pop-up text,
 *   transcripts, steps, introductions) or "note"
 */
const char *
mscos_search_result_get_field (const MscosSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->field;
}
