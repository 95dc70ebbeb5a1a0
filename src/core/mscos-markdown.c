/* mscos-markdown.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-markdown"

#include "config.h"

#include <string.h>

#include "mscos-markdown.h"

/* Plain text in Markdown exports, shown as it is: nothing a pack, a note or a comment holds
 * is ever read as markup, so every character CommonMark gives a meaning to is escaped with a
 * backslash (which CommonMark allows before any ASCII punctuation), and what only means
 * something at the start of a line is escaped there. */

#define INLINE_SPECIALS "\\`*_[]<>#|~&!"

/* Appends @length bytes of @text, escaped, with control characters as spaces. */
static void
append_escaped (GString    *md,
                const char *text,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c != '\0' && strchr (INLINE_SPECIALS, c) != NULL)
        g_string_append_c (md, '\\');
      g_string_append_c (md, (guchar) c < 0x20 || c == 0x7f ? ' ' : c);
    }
}

/* Appends one line of a block: indentation as no-break spaces (four spaces would make a code
 * block), and a line's leading list, heading or quotation marker escaped. */
static void
append_line (GString    *md,
             const char *line,
             gsize       length)
{
  const char *end = line + length;
  const char *p = line;
  const char *digits;

  for (; p < end && (*p == ' ' || *p == '\t'); p++)
    g_string_append (md, "\xc2\xa0");

  if (p < end && (*p == '-' || *p == '+' || *p == '='))
    {
      g_string_append_c (md, '\\');
      g_string_append_c (md, *p++);
    }
  else
    {
      /* "1." and "1)" begin numbered lists. */
      for (digits = p; p < end && g_ascii_isdigit (*p); p++)
        ;
      g_string_append_len (md, digits, p - digits);
      if (p > digits && p < end && (*p == '.' || *p == ')'))
        {
          g_string_append_c (md, '\\');
          g_string_append_c (md, *p++);
        }
    }

  append_escaped (md, p, end - p);
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/**
 * mscos_markdown_append_inline:
 * @md: the Markdown being written
 * @text: plain text
 *
 * Appends @text on one line (in a heading, a list entry or a table cell), escaped so that
 * Markdown shows it as it is; line breaks become spaces.
 */
void
mscos_markdown_append_inline (GString    *md,
                              const char *text)
{
  g_return_if_fail (md != NULL);
  g_return_if_fail (text != NULL);

  append_escaped (md, text, strlen (text));
}

/**
 * mscos_markdown_append_block:
 * @md: the Markdown being written
 * @text: plain text, perhaps of several lines and paragraphs
 * @prefix: written before each line: "" for paragraphs, "> " for a quotation
 *
 * Appends @text as paragraphs that keep its line breaks, escaped so that Markdown shows it
 * as it is, then a blank line.
 */
void
mscos_markdown_append_block (GString    *md,
                             const char *text,
                             const char *prefix)
{
  g_auto (GStrv) lines = NULL;
  gsize prefix_length;

  g_return_if_fail (md != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (prefix != NULL);

  /* A blank line keeps the prefix without its trailing spaces. */
  prefix_length = strlen (prefix);
  while (prefix_length > 0 && prefix[prefix_length - 1] == ' ')
    prefix_length--;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize length = strlen (line);

      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';

      if (is_blank (line))
        {
          g_string_append_len (md, prefix, prefix_length);
        }
      else
        {
          g_string_append (md, prefix);
          append_line (md, line, length);
          /* Two spaces keep a line break inside a paragraph. */
          if (lines[i + 1] != NULL && !is_blank (lines[i + 1]))
            g_string_append (md, "  ");
        }
      g_string_append_c (md, '\n');
    }

  g_string_append_c (md, '\n');
}
