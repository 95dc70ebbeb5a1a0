/* mscos-search-rank.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Scoring a candidate and keeping the best ones: the ranking that mscos-search-index.c
 * describes. */

#define G_LOG_DOMAIN "mscos-search-index"

#include "config.h"

#include "mscos-search-index-private.h"

#include <stdlib.h>
#include <string.h>

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
double
mscos_search_bound_candidate (MscosSearchIndex *self,
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
gboolean
mscos_search_score_candidate (MscosSearchIndex *self,
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

int
mscos_search_compare_candidates (gconstpointer a,
                                 gconstpointer b)
{
  return ranks_above (a, b) ? -1 : ranks_above (b, a) ? 1 : 0;
}

/* Keeps the @limit best candidates in a heap whose root is the worst of them. */
void
mscos_search_offer_candidate (Candidate       *heap,
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
