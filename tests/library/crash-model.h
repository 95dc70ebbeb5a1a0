/* crash-model.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* What the crash-test driver does, so that the test can tell what the library must hold
 * after any number of edits. Edit n (n = 1, 2, 3…) sets the note of item n % N_ITEMS to
 * crash_note_text (n); when n is a multiple of 3 it also toggles the bookmark of item
 * (n / 3) % N_ITEMS. The state after edit s is therefore known exactly. */

#define CRASH_PACK_ID "test.crash"
#define CRASH_N_ITEMS 1000

static inline char *
crash_item_id (guint k)
{
  return g_strdup_printf ("crash.item-%u", k);
}

/* About 1.5 KB, with everything JSON and the serialiser must escape. */
static inline char *
crash_note_text (guint64 n)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "edit %" G_GUINT64_FORMAT ": “curly” \"straight\" \\ back\n"
                          "a new line,\ta tab — café ✓ ", n);
  while (text->len < 1500)
    g_string_append (text, "the quick brown fox jumps over the lazy dog ");

  return g_string_free (text, FALSE);
}

/* Reads n back from a note, or returns 0. */
static inline guint64
crash_note_edit (const char *text)
{
  if (text == NULL || !g_str_has_prefix (text, "edit "))
    return 0;

  return g_ascii_strtoull (text + strlen ("edit "), NULL, 10);
}

/* The last edit up to @s that wrote the note of item @k, or 0. */
static inline guint64
crash_last_note_edit (guint   k,
                      guint64 s)
{
  guint64 n;

  if (s < k || s == 0)
    return 0;

  n = s - (s - k) % CRASH_N_ITEMS;

  return n;
}

/* Whether item @k is bookmarked after edit @s: its bookmark was toggled once for each m in
 * 1…s/3 with m % N_ITEMS == k. */
static inline gboolean
crash_bookmarked_after (guint   k,
                        guint64 s)
{
  guint64 last = s / 3;
  guint64 toggles;

  if (k == 0)
    toggles = last / CRASH_N_ITEMS;
  else if (last < k)
    toggles = 0;
  else
    toggles = (last - k) / CRASH_N_ITEMS + 1;

  return toggles % 2 == 1;
}

/* The review file's model: edit n sets the text of comment k = n % N_COMMENTS, on item k, to
 * crash_comment_text (k, n), making the comment the first time. After edit s, comment k holds
 * the text of edit crash_last_comment_edit (k, s), and there is no comment k if that is 0. */
#define CRASH_N_COMMENTS 200

static inline char *
crash_comment_text (guint   k,
                    guint64 n)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "comment %u, edit %" G_GUINT64_FORMAT ": “curly” \"straight\" "
                          "\\ back\na new line — café ✓ ", k, n);
  while (text->len < 1000)
    g_string_append (text, "the quick brown fox jumps over the lazy dog ");

  return g_string_free (text, FALSE);
}

/* Reads n (and k) back from a comment, or returns 0. */
static inline guint64
crash_comment_edit (const char *text,
                    guint      *k)
{
  char *end;

  *k = G_MAXUINT;
  if (text == NULL || !g_str_has_prefix (text, "comment "))
    return 0;

  *k = (guint) g_ascii_strtoull (text + strlen ("comment "), &end, 10);
  if (!g_str_has_prefix (end, ", edit "))
    return 0;

  return g_ascii_strtoull (end + strlen (", edit "), NULL, 10);
}

/* The last edit up to @s that wrote comment @k, or 0. */
static inline guint64
crash_last_comment_edit (guint   k,
                         guint64 s)
{
  if (s < k || s == 0)
    return 0;

  return s - (s - k) % CRASH_N_COMMENTS;
}

static inline GBytes *
crash_pack_new (void)
{
  GString *json = g_string_new (NULL);

  g_string_append (json,
                   "{ \"format\": \"mscos-content-pack\", \"version\": 1,\n"
                   "  \"pack\": { \"id\": \"" CRASH_PACK_ID "\", \"title\": \"Crash test\", "
                   "\"revision\": \"1\", \"date\": \"2026-11-28\", \"language\": \"en-GB\" },\n"
                   "  \"outcomes\": [ { \"id\": \"crash\", \"title\": \"Crash\", "
                   "\"group\": \"core-outcome\", \"summary\": \"For the crash test.\", "
                   "\"descriptor\": [ { \"type\": \"paragraph\", \"text\": \"None.\" } ],\n"
                   "    \"sections\": [ { \"id\": \"crash.section\", \"items\": [\n");
  for (guint k = 0; k < CRASH_N_ITEMS; k++)
    g_string_append_printf (json, "%s      { \"id\": \"crash.item-%u\", \"kind\": \"quote\", "
                            "\"text\": \"Quotation number %u.\", \"speaker\": \"Someone\" }",
                            k > 0 ? ",\n" : "", k, k);
  g_string_append (json, " ] } ] } ] }\n");

  return g_string_free_to_bytes (json);
}

G_END_DECLS
