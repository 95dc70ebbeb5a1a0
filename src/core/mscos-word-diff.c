/* mscos-word-diff.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-word-diff"

#include "config.h"

#include <string.h>

#include "mscos-word-diff.h"

/* A word-level difference of two texts, for showing what a new revision of a pack changed in
 * an item. GLib has no diff; this is Myers' O((N+M)D) algorithm ("An O(ND) Difference
 * Algorithm and Its Variations", 1986) on tokens, with two bounds that keep its cost in hand
 * whatever the texts:
 *
 * - The words both texts start and end with are set aside first, so an edit in a long text
 *   costs what the edited part costs.
 * - Myers' search stops after MAX_EDITS edits, which bounds its time to O((N+M)·MAX_EDITS)
 *   and the trace it keeps to about MAX_EDITS² integers (a megabyte). A difference larger
 *   than that is looked for again sentence by sentence, and each changed run of sentences
 *   is then compared word by word under the same bound; what is still too different is
 *   shown as deleted and inserted as a whole. The result then says it is coarse.
 *
 * On the largest strings a pack may hold (64 KB, about 10,000 tokens) the worst case is
 * about 10⁷ steps of the search, a few tens of milliseconds; edits of everyday size cost
 * microseconds. */

#define MAX_EDITS 500

/* A word, a run of white space, or one other character, with any marks that follow it. */
typedef struct
{
  const char *start;
  guint32     length;
  guint32     hash;
} Token;

typedef enum
{
  RUN_EQUAL,
  RUN_EDIT,
} RunType;

/* A run of the difference in bytes: equal text, or an edit (old bytes replaced by new). */
typedef struct
{
  RunType type;
  gsize   old_start;
  gsize   old_end;
  gsize   new_start;
  gsize   new_end;
} Run;

typedef struct
{
  const char *old_text;
  const char *new_text;
  GArray     *runs;
  gboolean    coarse;
} Context;

/* Characters that belong to the one before them: combining marks, variation selectors
 * (which are marks too), joiners, emoji skin-tone modifiers and emoji tag characters. */
static gboolean
joins_previous (gunichar c)
{
  return g_unichar_ismark (c)
         || c == 0x200c || c == 0x200d
         || (c >= 0x1f3fb && c <= 0x1f3ff)
         || (c >= 0xe0020 && c <= 0xe007f);
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1f1e6 && c <= 0x1f1ff;
}

/* Chinese and Japanese are written without spaces: each of their characters is a token, so
 * that one changed character does not mark a whole sentence. */
static gboolean
is_word_character (gunichar c)
{
  GUnicodeScript script;

  if (!g_unichar_isalnum (c))
    return FALSE;

  script = g_unichar_get_script (c);

  return script != G_UNICODE_SCRIPT_HAN
         && script != G_UNICODE_SCRIPT_HIRAGANA
         && script != G_UNICODE_SCRIPT_KATAKANA;
}

static guint32
hash_bytes (const char *start,
            gsize       length)
{
  /* FNV-1a */
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) start[i]) * 16777619u;

  return hash;
}

/* Returns the end of the token that starts at @p. */
static const char *
find_token_end (const char *p,
                const char *end)
{
  gunichar c = g_utf8_get_char (p);
  gunichar previous = c;

  p = g_utf8_next_char (p);

  if (g_unichar_isspace (c))
    {
      while (p < end && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }
  else if (is_word_character (c))
    {
      while (p < end)
        {
          gunichar next = g_utf8_get_char (p);

          if (!is_word_character (next) && !joins_previous (next))
            break;
          p = g_utf8_next_char (p);
        }
    }
  else if (is_regional_indicator (c) && p < end && is_regional_indicator (g_utf8_get_char (p)))
    {
      /* Two regional indicators are one flag. */
      p = g_utf8_next_char (p);
    }

  while (p < end)
    {
      gunichar next = g_utf8_get_char (p);

      if (previous == 0x200d)
        ; /* A joiner joins the character after it too. */
      else if (!joins_previous (next))
        break;
      previous = next;
      p = g_utf8_next_char (p);
    }

  return p;
}

static GArray *
tokenize (const char *start,
          const char *end)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));

  for (const char *p = start; p < end;)
    {
      const char *token_end = find_token_end (p, end);
      Token token = { p, token_end - p, hash_bytes (p, token_end - p) };

      g_array_append_val (tokens, token);
      p = token_end;
    }

  return tokens;
}

static gboolean
ends_sentence (const Token *token)
{
  return token->length == 1 && strchr (".!?;:", token->start[0]) != NULL;
}

/* Joins word tokens into sentences: each ends after a full stop, question or exclamation
 * mark, colon or semicolon and the white space after it, or after a line break. */
static GArray *
join_sentences (GArray *words)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (Token));
  guint start = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const Token *token = &g_array_index (words, Token, i);
      gboolean last = i + 1 == words->len;
      gboolean boundary = memchr (token->start, '\n', token->length) != NULL
                          || (token->length > 0 && g_ascii_isspace (token->start[0])
                              && i > 0 && ends_sentence (token - 1));

      if (boundary || last)
        {
          const Token *first = &g_array_index (words, Token, start);
          Token sentence;

          sentence.start = first->start;
          sentence.length = token->start + token->length - first->start;
          sentence.hash = hash_bytes (sentence.start, sentence.length);
          g_array_append_val (sentences, sentence);
          start = i + 1;
        }
    }

  return sentences;
}

static guint
hash_token (gconstpointer key)
{
  return ((const Token *) key)->hash;
}

static gboolean
equal_tokens (gconstpointer a,
              gconstpointer b)
{
  const Token *x = a;
  const Token *y = b;

  return x->length == y->length && memcmp (x->start, y->start, x->length) == 0;
}

/* Gives every distinct token a number, so that the search compares numbers. */
static void
number_tokens (GArray *old_tokens,
               GArray *new_tokens,
               guint  *old_ids,
               guint  *new_ids)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (hash_token, equal_tokens);
  GArray *arrays[] = { old_tokens, new_tokens };
  guint *out[] = { old_ids, new_ids };

  for (guint a = 0; a < 2; a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      {
        Token *token = &g_array_index (arrays[a], Token, i);
        gpointer id;

        if (!g_hash_table_lookup_extended (ids, token, NULL, &id))
          {
            id = GUINT_TO_POINTER (g_hash_table_size (ids));
            g_hash_table_insert (ids, token, id);
          }
        out[a][i] = GPOINTER_TO_UINT (id);
      }
}

/* Myers' greedy forward search for the shortest edit script of @a and @b, keeping the
 * furthest-reaching x of every diagonal after each round so that the script can be traced
 * back. Writes the script into @ops, one of '=', '-' (a token of @a deleted) and '+' (a token
 * of @b inserted) a step, and returns TRUE; returns FALSE if it takes more than @max_edits
 * edits. */
static gboolean
find_edit_script (const guint *a,
                  gssize       n,
                  const guint *b,
                  gssize       m,
                  gssize       max_edits,
                  GString     *ops)
{
  gssize max = MIN (n + m, max_edits);
  g_autofree gssize *v = g_new0 (gssize, 2 * max + 3);
  g_autoptr (GArray) trace = g_array_new (FALSE, FALSE, sizeof (gssize));
  g_autoptr (GArray) trace_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gssize offset = max + 1;
  gssize x = 0, y = 0;
  gssize d;

  for (d = 0; d <= max; d++)
    {
      gsize start = trace->len;
      gboolean done = FALSE;

      /* The diagonals -(d + 1) … d + 1 as they were before this round. */
      g_array_append_vals (trace, v + offset - d - 1, 2 * d + 3);
      g_array_append_val (trace_starts, start);

      for (gssize k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;

          while (x < n && y < m && a[x] == b[y])
            x++, y++;
          v[offset + k] = x;

          if (x >= n && y >= m)
            {
              done = TRUE;
              break;
            }
        }

      if (done)
        break;
    }

  if (d > max)
    return FALSE;

  /* Trace back from (n, m), writing the script backwards. */
  g_string_truncate (ops, 0);
  x = n;
  y = m;
  for (; d >= 0; d--)
    {
      const gssize *before = &g_array_index (trace, gssize,
                                             g_array_index (trace_starts, gsize, d));
      /* before[j] is the diagonal j - (d + 1). */
      gssize k = x - y;
      gssize previous_k, previous_x, previous_y;

      if (k == -d || (k != d && before[k - 1 + d + 1] < before[k + 1 + d + 1]))
        previous_k = k + 1;
      else
        previous_k = k - 1;
      previous_x = before[previous_k + d + 1];
      previous_y = previous_x - previous_k;

      while (x > previous_x && y > previous_y)
        {
          g_string_append_c (ops, '=');
          x--, y--;
        }

      if (d == 0)
        break;

      if (x == previous_x)
        g_string_append_c (ops, '+');
      else
        g_string_append_c (ops, '-');
      x = previous_x;
      y = previous_y;
    }

  g_strreverse (ops->str);

  return TRUE;
}

static gboolean
is_space_token (GArray *tokens,
                guint   i)
{
  return g_unichar_isspace (g_utf8_get_char (g_array_index (tokens, Token, i).start));
}

/* Where an insertion or a deletion sits among equal tokens can be ambiguous: "Provide free
 * legal" from "Provide legal" is " free" inserted after "Provide" or "free " before "legal".
 * Each run of only insertions or only deletions is slid to where it starts with a word and,
 * if it can, ends with white space, as a reader would mark it. */
static void
slide_edits (GString     *script,
             GArray      *old_tokens,
             const guint *old_ids,
             GArray      *new_tokens,
             const guint *new_ids)
{
  char *ops = script->str;
  gsize length = script->len;
  gsize p = 0;
  guint i = 0, j = 0;

  while (p < length)
    {
      gsize q = p;
      guint n_deleted = 0, n_inserted = 0;
      const guint *ids;
      GArray *tokens;
      guint *start;
      gsize run, best;
      int best_score = -1;
      char op;

      if (ops[p] == '=')
        {
          p++, i++, j++;
          continue;
        }

      for (; q < length && ops[q] != '='; q++)
        {
          if (ops[q] == '-')
            n_deleted++;
          else
            n_inserted++;
        }

      if (n_deleted > 0 && n_inserted > 0)
        {
          i += n_deleted, j += n_inserted, p = q;
          continue;
        }

      op = n_deleted > 0 ? '-' : '+';
      ids = n_deleted > 0 ? old_ids : new_ids;
      tokens = n_deleted > 0 ? old_tokens : new_tokens;
      start = n_deleted > 0 ? &i : &j;
      run = q - p;

      /* As far left as it goes: the equal token before it is the same as its last one. */
      while (p > 0 && ops[p - 1] == '=' && ids[*start - 1] == ids[*start + run - 1])
        {
          ops[p - 1] = op;
          ops[p + run - 1] = '=';
          p--, i--, j--;
        }

      /* Then right, one step at a time, remembering the best place. */
      best = p;
      for (;;)
        {
          int score = (is_space_token (tokens, *start) ? 0 : 2)
                      + (is_space_token (tokens, *start + run - 1) ? 1 : 0);

          if (score > best_score)
            {
              best_score = score;
              best = p;
            }

          if (p + run >= length || ops[p + run] != '='
              || ids[*start] != ids[*start + run])
            break;
          ops[p] = '=';
          ops[p + run] = op;
          p++, i++, j++;
        }

      /* Back to the best place. */
      while (p > best)
        {
          ops[p - 1] = op;
          ops[p + run - 1] = '=';
          p--, i--, j--;
        }

      *start += run;
      p += run;
    }
}

static void
append_run (Context *context,
            RunType  type,
            gsize    old_start,
            gsize    old_end,
            gsize    new_start,
            gsize    new_end)
{
  Run *last = context->runs->len > 0
              ? &g_array_index (context->runs, Run, context->runs->len - 1)
              : NULL;
  Run run = { type, old_start, old_end, new_start, new_end };

  if (old_start == old_end && new_start == new_end)
    return;

  if (last != NULL && last->type == type && last->old_end == old_start
      && last->new_end == new_start)
    {
      last->old_end = old_end;
      last->new_end = new_end;
      return;
    }

  g_array_append_val (context->runs, run);
}

static gsize
old_offset (Context    *context,
            const char *p)
{
  return p - context->old_text;
}

static gsize
new_offset (Context    *context,
            const char *p)
{
  return p - context->new_text;
}

/* Returns where token @i of @tokens starts, or @end past the last one. */
static const char *
token_start (GArray     *tokens,
             guint       i,
             const char *end)
{
  return i < tokens->len ? g_array_index (tokens, Token, i).start : end;
}

typedef enum
{
  LEVEL_WORDS,
  LEVEL_WORDS_ONLY,
  LEVEL_SENTENCES,
} Level;

static void diff_range (Context    *context,
                        const char *old_start,
                        const char *old_end,
                        const char *new_start,
                        const char *new_end,
                        Level       level);

/* Appends the runs of an edit script over @old_tokens[@old_first…] and
 * @new_tokens[@new_first…]; at the sentence level, each edit is compared again word by
 * word. */
static void
append_script (Context    *context,
               const char *script,
               GArray     *old_tokens,
               guint       old_first,
               const char *old_end,
               GArray     *new_tokens,
               guint       new_first,
               const char *new_end,
               Level       level)
{
  guint i = old_first, j = new_first;

  for (const char *op = script; *op != '\0';)
    {
      guint i0 = i, j0 = j;

      if (*op == '=')
        {
          for (; *op == '='; op++)
            i++, j++;
          append_run (context, RUN_EQUAL,
                      old_offset (context, token_start (old_tokens, i0, old_end)),
                      old_offset (context, token_start (old_tokens, i, old_end)),
                      new_offset (context, token_start (new_tokens, j0, new_end)),
                      new_offset (context, token_start (new_tokens, j, new_end)));
          continue;
        }

      for (; *op == '-' || *op == '+'; op++)
        {
          if (*op == '-')
            i++;
          else
            j++;
        }

      if (level == LEVEL_SENTENCES)
        diff_range (context,
                    token_start (old_tokens, i0, old_end), token_start (old_tokens, i, old_end),
                    token_start (new_tokens, j0, new_end), token_start (new_tokens, j, new_end),
                    LEVEL_WORDS_ONLY);
      else
        append_run (context, RUN_EDIT,
                    old_offset (context, token_start (old_tokens, i0, old_end)),
                    old_offset (context, token_start (old_tokens, i, old_end)),
                    new_offset (context, token_start (new_tokens, j0, new_end)),
                    new_offset (context, token_start (new_tokens, j, new_end)));
    }
}

/* Appends the runs of the difference of two ranges of the texts. */
static void
diff_range (Context    *context,
            const char *old_start,
            const char *old_end,
            const char *new_start,
            const char *new_end,
            Level       level)
{
  g_autoptr (GArray) old_tokens = tokenize (old_start, old_end);
  g_autoptr (GArray) new_tokens = tokenize (new_start, new_end);
  g_autoptr (GString) script = g_string_new (NULL);
  g_autofree guint *old_ids = NULL;
  g_autofree guint *new_ids = NULL;
  guint n, m, prefix = 0, suffix = 0;
  const char *old_middle_end, *new_middle_end;

  if (level == LEVEL_SENTENCES)
    {
      GArray *words = old_tokens;

      old_tokens = join_sentences (words);
      g_array_unref (words);
      words = new_tokens;
      new_tokens = join_sentences (words);
      g_array_unref (words);
    }

  n = old_tokens->len;
  m = new_tokens->len;
  old_ids = g_new (guint, n + 1);
  new_ids = g_new (guint, m + 1);
  number_tokens (old_tokens, new_tokens, old_ids, new_ids);

  while (prefix < n && prefix < m && old_ids[prefix] == new_ids[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix
         && old_ids[n - 1 - suffix] == new_ids[m - 1 - suffix])
    suffix++;

  old_middle_end = token_start (old_tokens, n - suffix, old_end);
  new_middle_end = token_start (new_tokens, m - suffix, new_end);

  if (find_edit_script (old_ids + prefix, n - prefix - suffix,
                        new_ids + prefix, m - prefix - suffix, MAX_EDITS, script))
    {
      /* The script of the whole ranges, so that an edit can slide into what they start or end
       * with. */
      g_autoptr (GString) whole = g_string_sized_new (prefix + script->len + suffix);

      for (guint i = 0; i < prefix; i++)
        g_string_append_c (whole, '=');
      g_string_append_len (whole, script->str, script->len);
      for (guint i = 0; i < suffix; i++)
        g_string_append_c (whole, '=');
      slide_edits (whole, old_tokens, old_ids, new_tokens, new_ids);
      append_script (context, whole->str, old_tokens, 0, old_end, new_tokens, 0, new_end, level);
      return;
    }

  append_run (context, RUN_EQUAL,
              old_offset (context, old_start),
              old_offset (context, token_start (old_tokens, prefix, old_end)),
              new_offset (context, new_start),
              new_offset (context, token_start (new_tokens, prefix, new_end)));

  if (level == LEVEL_WORDS)
    {
      diff_range (context,
                  token_start (old_tokens, prefix, old_end), old_middle_end,
                  token_start (new_tokens, prefix, new_end), new_middle_end,
                  LEVEL_SENTENCES);
    }
  else
    {
      context->coarse = TRUE;
      append_run (context, RUN_EDIT,
                  old_offset (context, token_start (old_tokens, prefix, old_end)),
                  old_offset (context, old_middle_end),
                  new_offset (context, token_start (new_tokens, prefix, new_end)),
                  new_offset (context, new_middle_end));
    }

  append_run (context, RUN_EQUAL,
              old_offset (context, old_middle_end), old_offset (context, old_end),
              new_offset (context, new_middle_end), new_offset (context, new_end));
}

static gboolean
is_separator_only (const char *text,
                   gsize       start,
                   gsize       end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gsize
edit_size (const Run *run)
{
  return MAX (run->old_end - run->old_start, run->new_end - run->new_start);
}

/* A short equality between two edits makes a difference hard to read ("removed: the quick,
 * added: a slow" reads better than four changes around a space): an equality between two
 * edits that is only spaces and punctuation, or no longer than the edits on either side, is
 * made part of one edit with them, as diff-match-patch's semantic clean-up does. */
static void
merge_short_equalities (Context *context)
{
  GArray *runs = context->runs;
  g_autoptr (GArray) merged = g_array_sized_new (FALSE, FALSE, sizeof (Run), runs->len);

  for (guint i = 0; i < runs->len; i++)
    {
      Run run = g_array_index (runs, Run, i);
      Run *last = merged->len > 0 ? &g_array_index (merged, Run, merged->len - 1) : NULL;

      if (run.type == RUN_EQUAL && last != NULL && last->type == RUN_EDIT && i + 1 < runs->len)
        {
          const Run *next = &g_array_index (runs, Run, i + 1);
          gsize size = run.old_end - run.old_start;

          g_assert (next->type == RUN_EDIT);
          if (is_separator_only (context->old_text, run.old_start, run.old_end)
              || (size <= edit_size (last) && size <= edit_size (next)))
            {
              last->old_end = next->old_end;
              last->new_end = next->new_end;
              i++;
              continue;
            }
        }

      if (run.type == RUN_EDIT && last != NULL && last->type == RUN_EDIT)
        {
          last->old_end = run.old_end;
          last->new_end = run.new_end;
          continue;
        }

      g_array_append_val (merged, run);
    }

  g_array_unref (context->runs);
  context->runs = g_steal_pointer (&merged);
}

static void
append_span (GArray          *spans,
             MscosWordDiffOp  op,
             gsize            old_start,
             gsize            old_end,
             gsize            new_start,
             gsize            new_end)
{
  MscosWordDiffSpan span = { op, old_start, old_end, new_start, new_end };

  g_array_append_val (spans, span);
}

/**
 * mscos_word_diff:
 * @old_text: the text as it was, UTF-8
 * @new_text: the text as it is now, UTF-8
 * @coarse: (out) (optional): set to %TRUE when the texts were too different to compare word
 *   by word everywhere, and some runs are whole sentences or more
 *
 * Compares two texts word by word: tokens are words, runs of white space, and each other
 * character (punctuation, symbols, each Chinese or Japanese character), each with the
 * combining marks and joiners that follow it. The difference is the shortest there is, but
 * for an equality of only spaces and punctuation between two edits, which is made part of
 * them. The time it takes is bounded whatever the texts; see the top of this file.
 *
 * Concatenating the old ranges of the equal and deleted spans gives @old_text, and the new
 * ranges of the equal and inserted spans give @new_text. Within one run of edits, the
 * deleted span comes before the inserted one.
 *
 * Returns: (transfer full) (element-type MscosWordDiffSpan): the spans, in the order of the
 *   texts; empty when both texts are empty
 */
GArray *
mscos_word_diff (const char *old_text,
                 const char *new_text,
                 gboolean   *coarse)
{
  Context context = { old_text, new_text, NULL, FALSE };
  GArray *spans;
  gsize old_length, new_length;

  g_return_val_if_fail (old_text != NULL, NULL);
  g_return_val_if_fail (new_text != NULL, NULL);

  old_length = strlen (old_text);
  new_length = strlen (new_text);
  g_return_val_if_fail (old_length < G_MAXUINT32 && new_length < G_MAXUINT32, NULL);
  g_return_val_if_fail (g_utf8_validate_len (old_text, old_length, NULL), NULL);
  g_return_val_if_fail (g_utf8_validate_len (new_text, new_length, NULL), NULL);

  context.runs = g_array_new (FALSE, FALSE, sizeof (Run));
  diff_range (&context, old_text, old_text + old_length, new_text, new_text + new_length,
              LEVEL_WORDS);
  merge_short_equalities (&context);

  spans = g_array_sized_new (FALSE, FALSE, sizeof (MscosWordDiffSpan), context.runs->len + 1);
  for (guint i = 0; i < context.runs->len; i++)
    {
      const Run *run = &g_array_index (context.runs, Run, i);

      if (run->type == RUN_EQUAL)
        {
          append_span (spans, MSCOS_WORD_DIFF_EQUAL,
                       run->old_start, run->old_end, run->new_start, run->new_end);
          continue;
        }

      if (run->old_end > run->old_start)
        append_span (spans, MSCOS_WORD_DIFF_DELETED,
                     run->old_start, run->old_end, run->new_start, run->new_start);
      if (run->new_end > run->new_start)
        append_span (spans, MSCOS_WORD_DIFF_INSERTED,
                     run->old_end, run->old_end, run->new_start, run->new_end);
    }
  g_array_unref (context.runs);

  if (coarse != NULL)
    *coarse = context.coarse;

  return spans;
}
