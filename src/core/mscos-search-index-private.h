/* mscos-search-index-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-search-index.h"

G_BEGIN_DECLS

/* MscosSearchIndex spans four files: mscos-search-index.c (building the index, the notes,
 * running a query), mscos-search-fold.c (words and their folded forms),
 * mscos-search-rank.c (scoring and ranking candidates) and mscos-search-excerpt.c (the
 * result's excerpt and highlighted ranges). How the index works is said at the top of
 * mscos-search-index.c. */

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

/* mscos-search-fold.c */
void mscos_search_append_folded (GString *out,
                                 const char *word,
                                 gsize length);
gboolean mscos_search_find_next_word (const char **cursor,
                                      const char **start,
                                      const char **end);
GArray *mscos_search_find_word_spans (const char *text);

/* mscos-search-rank.c */
double mscos_search_bound_candidate (MscosSearchIndex *self,
                                     const Hit *hits,
                                     guint n_hits,
                                     guint n_words);
gboolean mscos_search_score_candidate (MscosSearchIndex *self,
                                       GPtrArray *notes,
                                       Candidate *candidate,
                                       Hit *hits,
                                       guint n_words,
                                       double floor);
void mscos_search_offer_candidate (Candidate *heap,
                                   guint *n_heap,
                                   guint limit,
                                   const Candidate *candidate);
int mscos_search_compare_candidates (gconstpointer a,
                                     gconstpointer b);

/* mscos-search-excerpt.c */
MscosSearchResult *mscos_search_create_result (const Document *doc,
                                               FieldKind kind,
                                               const char *text,
                                               const Hit *hits,
                                               guint n_hits,
                                               const QueryWord *words,
                                               double score,
                                               gboolean in_note);

G_END_DECLS
