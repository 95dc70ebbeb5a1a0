/* mscos-search-excerpt.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The results of a search: each result's excerpt (the words around the best match, with the
 * matched words' ranges for highlighting), and the result's API. */

#define G_LOG_DOMAIN "mscos-search-index"

#include "config.h"

#include "mscos-search-index-private.h"

#include <stdlib.h>
#include <string.h>

G_DEFINE_BOXED_TYPE (MscosSearchResult, mscos_search_result,
                     mscos_search_result_ref, mscos_search_result_unref)

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
      mscos_search_append_folded (scratch, p, next - p);
      folded += scratch->len;
      p = next;
    }

  while (p < end && g_unichar_ismark (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p - text;
}

MscosSearchResult *
mscos_search_create_result (const Document  *doc,
                            FieldKind        kind,
                            const char      *text,
                            const Hit       *hits,
                            guint            n_hits,
                            const QueryWord *words,
                            double           score,
                            gboolean         in_note)
{
  MscosSearchResult *result = g_atomic_rc_box_new0 (MscosSearchResult);
  g_autoptr (GArray) spans = mscos_search_find_word_spans (text);
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
clear_result (MscosSearchResult *result)
{
  g_free (result->item_id);
  g_free (result->outcome_id);
  g_free (result->excerpt);
  g_free (result->ranges);
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
