/* mscos-review-quote.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-review-quote"

#include "config.h"

#include <string.h>

#include "mscos-review-quote.h"

/* Words a reviewer selected in an item, kept as W3C's TextQuoteSelector keeps them (Web
 * Annotation Data Model §4.2.4): the exact words, and a little of the text before and after
 * them, so that the words can be found again in a later revision of the item even where they
 * occur more than once, or after the text around them changed. Immutable. */

struct _MscosReviewQuote
{
  char *exact;
  char *prefix;
  char *suffix;
};

G_DEFINE_BOXED_TYPE (MscosReviewQuote, mscos_review_quote, mscos_review_quote_copy,
                     mscos_review_quote_free)

/* Moves @p back to the start of the character it is in, and before any marks that belong to
 * the character before them. */
static const char *
find_boundary (const char *text,
               const char *p)
{
  while (p > text && ((guchar) *p & 0xc0) == 0x80)
    p--;
  while (p > text && g_unichar_ismark (g_utf8_get_char (p)))
    p = g_utf8_prev_char (p);

  return p;
}

/* Returns how many bytes @a and @b have in common at their ends. */
static gsize
common_suffix (const char *a,
               gsize       a_length,
               const char *b,
               gsize       b_length)
{
  gsize n = 0;

  while (n < a_length && n < b_length && a[a_length - 1 - n] == b[b_length - 1 - n])
    n++;

  return n;
}

static gsize
common_prefix (const char *a,
               const char *b)
{
  gsize n = 0;

  while (a[n] != '\0' && a[n] == b[n])
    n++;

  return n;
}

/**
 * mscos_review_quote_new:
 * @exact: the quoted words, not empty
 * @prefix: (nullable): some of the text just before them
 * @suffix: (nullable): some of the text just after them
 *
 * Returns: (transfer full): the quote
 */
MscosReviewQuote *
mscos_review_quote_new (const char *exact,
                        const char *prefix,
                        const char *suffix)
{
  MscosReviewQuote *quote;

  g_return_val_if_fail (exact != NULL && *exact != '\0', NULL);

  quote = g_new0 (MscosReviewQuote, 1);
  quote->exact = g_strdup (exact);
  quote->prefix = g_strdup (prefix != NULL ? prefix : "");
  quote->suffix = g_strdup (suffix != NULL ? suffix : "");

  return quote;
}

/**
 * mscos_review_quote_new_from_selection:
 * @text: the item's text, UTF-8
 * @start: where the selection starts in @text, in bytes
 * @end: where it ends
 *
 * Quotes the words selected in @text, with up to %MSCOS_REVIEW_QUOTE_CONTEXT characters of
 * the text on either side, cut at character boundaries.
 *
 * Returns: (transfer full) (nullable): the quote, or %NULL for an empty selection
 */
MscosReviewQuote *
mscos_review_quote_new_from_selection (const char *text,
                                       gsize       start,
                                       gsize       end)
{
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  const char *before, *after;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  g_return_val_if_fail (start <= end && end <= length, NULL);

  if (start == end)
    return NULL;

  before = text + start;
  for (guint i = 0; i < MSCOS_REVIEW_QUOTE_CONTEXT && before > text; i++)
    before = g_utf8_prev_char (before);
  before = find_boundary (text, before);

  after = text + end;
  for (guint i = 0; i < MSCOS_REVIEW_QUOTE_CONTEXT && *after != '\0'; i++)
    after = g_utf8_next_char (after);
  after = find_boundary (text, after);
  if (after < text + end)
    after = text + end;

  exact = g_strndup (text + start, end - start);
  prefix = g_strndup (before, text + start - before);
  suffix = g_strndup (text + end, after - (text + end));

  return mscos_review_quote_new (exact, prefix, suffix);
}

/* Where @offset of the text shown is in the text without @gaps: a place inside a gap is where
 * the gap was. */
static gsize
map_offset (const GArray *gaps,
            gsize         offset)
{
  gsize hidden = 0;

  for (guint i = 0; i < gaps->len; i++)
    {
      const MscosReviewQuoteGap *gap = &g_array_index (gaps, MscosReviewQuoteGap, i);

      if (offset <= gap->start)
        break;
      hidden += MIN (offset, gap->end) - gap->start;
    }

  return offset - hidden;
}

/**
 * mscos_review_quote_new_from_shown:
 * @shown: a text as it is shown, UTF-8
 * @gaps: (element-type MscosReviewQuoteGap): the runs of @shown that are not of the text
 *   quoted, in order, apart, each on character boundaries
 * @start: where the selection starts in @shown, in bytes
 * @end: where it ends
 *
 * Quotes the words selected in @shown from the text it shows: that of @shown without @gaps,
 * which for an item changed in a revision under review is the revision's own text, without
 * the deleted words shown among it. A selection that starts or ends inside a gap starts or
 * ends where the gap is; white space left at either end of the words is not quoted, but kept
 * in the prefix or suffix.
 *
 * Returns: (transfer full) (nullable): the quote, or %NULL if no words of the text were
 *   selected
 */
MscosReviewQuote *
mscos_review_quote_new_from_shown (const char   *shown,
                                   const GArray *gaps,
                                   gsize         start,
                                   gsize         end)
{
  g_autoptr (GString) text = NULL;
  gsize length, last = 0;

  g_return_val_if_fail (shown != NULL, NULL);
  g_return_val_if_fail (gaps != NULL, NULL);

  length = strlen (shown);
  g_return_val_if_fail (start <= end && end <= length, NULL);

  text = g_string_sized_new (length);
  for (guint i = 0; i < gaps->len; i++)
    {
      const MscosReviewQuoteGap *gap = &g_array_index (gaps, MscosReviewQuoteGap, i);

      g_return_val_if_fail (last <= gap->start && gap->start <= gap->end && gap->end <= length,
                            NULL);
      g_string_append_len (text, shown + last, gap->start - last);
      last = gap->end;
    }
  g_string_append_len (text, shown + last, length - last);

  start = map_offset (gaps, start);
  end = map_offset (gaps, end);
  while (start < end && g_ascii_isspace (text->str[start]))
    start++;
  while (end > start && g_ascii_isspace (text->str[end - 1]))
    end--;

  return mscos_review_quote_new_from_selection (text->str, start, end);
}

/**
 * mscos_review_quote_copy:
 *
 * Returns: (transfer full): a copy
 */
MscosReviewQuote *
mscos_review_quote_copy (const MscosReviewQuote *quote)
{
  g_return_val_if_fail (quote != NULL, NULL);

  return mscos_review_quote_new (quote->exact, quote->prefix, quote->suffix);
}

void
mscos_review_quote_free (MscosReviewQuote *quote)
{
  if (quote == NULL)
    return;

  g_free (quote->exact);
  g_free (quote->prefix);
  g_free (quote->suffix);
  g_free (quote);
}

/**
 * mscos_review_quote_equal:
 * @a: (nullable): a quote
 * @b: (nullable): another
 *
 * Returns: whether both are %NULL or hold the same words
 */
gboolean
mscos_review_quote_equal (const MscosReviewQuote *a,
                          const MscosReviewQuote *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return strcmp (a->exact, b->exact) == 0 && strcmp (a->prefix, b->prefix) == 0
         && strcmp (a->suffix, b->suffix) == 0;
}

const char *
mscos_review_quote_get_exact (const MscosReviewQuote *quote)
{
  g_return_val_if_fail (quote != NULL, NULL);

  return quote->exact;
}

/**
 * mscos_review_quote_get_prefix:
 *
 * Returns: the text before the words; empty at the start of the text
 */
const char *
mscos_review_quote_get_prefix (const MscosReviewQuote *quote)
{
  g_return_val_if_fail (quote != NULL, NULL);

  return quote->prefix;
}

/**
 * mscos_review_quote_get_suffix:
 *
 * Returns: the text after the words; empty at the end of the text
 */
const char *
mscos_review_quote_get_suffix (const MscosReviewQuote *quote)
{
  g_return_val_if_fail (quote != NULL, NULL);

  return quote->suffix;
}

/**
 * mscos_review_quote_find:
 * @text: an item's text, perhaps of a later revision
 * @start: (out) (optional): where the words start in @text, in bytes
 * @end: (out) (optional): where they end
 *
 * Finds the quoted words in @text: of each place they occur, the one where the most of the
 * prefix and suffix still match the text around it (the first, where that does not decide).
 *
 * Returns: whether @text holds the words
 */
gboolean
mscos_review_quote_find (const MscosReviewQuote *quote,
                         const char             *text,
                         gsize                  *start,
                         gsize                  *end)
{
  gsize exact_length, prefix_length, best_score = 0;
  const char *best = NULL;

  g_return_val_if_fail (quote != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  exact_length = strlen (quote->exact);
  prefix_length = strlen (quote->prefix);

  for (const char *found = strstr (text, quote->exact); found != NULL;
       found = strstr (found + 1, quote->exact))
    {
      gsize score = common_suffix (text, found - text, quote->prefix, prefix_length)
                    + common_prefix (found + exact_length, quote->suffix);

      if (best == NULL || score > best_score)
        {
          best = found;
          best_score = score;
        }
    }

  if (best == NULL)
    return FALSE;

  if (start != NULL)
    *start = best - text;
  if (end != NULL)
    *end = best - text + exact_length;

  return TRUE;
}
