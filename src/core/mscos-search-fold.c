/* mscos-search-fold.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Words and their folded forms, for the index, its queries and the Library page's filter. */

#define G_LOG_DOMAIN "mscos-search-index"

#include "config.h"

#include "mscos-search-index-private.h"

#include <stdlib.h>
#include <string.h>

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
gboolean
mscos_search_find_next_word (const char **cursor,
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
void
mscos_search_append_folded (GString    *out,
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
GArray *
mscos_search_find_word_spans (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *cursor = text;
  const char *start, *end;

  while (mscos_search_find_next_word (&cursor, &start, &end))
    {
      Span span = { start - text, end - text };

      g_array_append_val (spans, span);
    }

  return spans;
}

/* Notes */


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
  while (mscos_search_find_next_word (&cursor, &start, &end))
    {
      gsize before = folded->len;

      if (before > 0)
        g_string_append_c (folded, ' ');
      mscos_search_append_folded (folded, start, end - start);
      if (folded->len == before + 1)
        g_string_truncate (folded, before);
    }

  return g_string_free (folded, FALSE);
}
