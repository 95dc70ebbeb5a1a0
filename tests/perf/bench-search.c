/* bench-search.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the search index takes to build for a pack of 10,000 items and to answer 100
 * queries, against the naive search in the same run: case-fold every item's text, then look
 * for each query word as a substring, in the same run. Fails when the index is less than ten
 * times faster than the naive search at the 95th percentile or the median. Absolute times are
 * reported but not held to: they are not stable on shared machines, the ratio is. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "mscos-content-pack.h"
#include "mscos-search-index.h"
#include "synthetic-pack.h"

#define N_ITEMS 10000
#define N_QUERIES 100
#define N_REPEATS 7
#define N_BUILDS 3
/* As many results as the app's search page asks for. */
#define LIMIT 50

/* Queries slower than this are listed. */
#define SLOW_QUERY_MS 2.0
#define TARGET_SPEED_UP 10.0

typedef struct
{
  GPtrArray *texts;
  GPtrArray *words;
  GHashTable *seen;
} Corpus;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank = (guint) (p * n + 0.999999);

  return sorted[CLAMP (rank, 1, n) - 1];
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

static void
collect_item_cb (gpointer data,
                 gpointer user_data)
{
  Corpus *corpus = user_data;
  char *text = mscos_item_dup_plain_text (data);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  g_ptr_array_add (corpus->texts, text);

  /* The words as written, except in links, which are not searched. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];

      if (g_str_has_prefix (p, "http") || g_str_has_prefix (p, "mailto:"))
        continue;

      while (*p != '\0')
        {
          const char *start;
          g_autofree char *word = NULL;

          while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          start = p;
          while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (p == start)
            continue;

          word = g_strndup (start, p - start);
          if (!g_hash_table_contains (corpus->seen, word))
            {
              g_hash_table_add (corpus->seen, g_strdup (word));
              g_ptr_array_add (corpus->words, g_steal_pointer (&word));
            }
        }
    }
}

/* Returns: (transfer full): @word as typed by someone without accents on their keyboard */
static char *
dup_without_accents (const char *word)
{
  g_autofree char *decomposed = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  GString *plain = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x00DF)
        g_string_append (plain, "ss");
      else if (c == 0x0153)
        g_string_append (plain, "oe");
      else
        g_string_append_unichar (plain, c);
    }

  return g_string_free (plain, FALSE);
}

static const char *
pick_word (Corpus *corpus,
           GRand  *rand)
{
  return g_ptr_array_index (corpus->words, g_rand_int_range (rand, 0, corpus->words->len));
}

/* Two or three words that follow one another in an item, as someone remembers a phrase. */
static char *
pick_phrase (Corpus *corpus,
             GRand  *rand,
             guint   n_words)
{
  const char *text = g_ptr_array_index (corpus->texts,
                                        g_rand_int_range (rand, 0, corpus->texts->len));
  g_auto (GStrv) words = g_strsplit_set (text, " \n", -1);
  guint n = g_strv_length (words);
  guint start = g_rand_int_range (rand, 0, MAX (n, n_words + 1) - n_words);
  GString *phrase = g_string_new (NULL);

  for (guint i = start; i < start + n_words && i < n; i++)
    {
      if (phrase->len > 0)
        g_string_append_c (phrase, ' ');
      g_string_append (phrase, words[i]);
    }

  return g_string_free (phrase, FALSE);
}

static char *
dup_prefix (const char *word,
            GRand      *rand)
{
  glong length = g_utf8_strlen (word, -1);
  glong keep = MIN (length, g_rand_int_range (rand, 3, 6));

  return g_strndup (word, g_utf8_offset_to_pointer (word, keep) - word);
}

static GPtrArray *
create_queries (Corpus *corpus)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr (GPtrArray) accented = g_ptr_array_new ();
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < corpus->words->len; i++)
    {
      const char *word = g_ptr_array_index (corpus->words, i);

      for (const char *p = word; *p != '\0'; p++)
        if ((guchar) *p >= 0x80)
          {
            g_ptr_array_add (accented, (gpointer) word);
            break;
          }
    }
  g_assert_cmpuint (accented->len, >, 0);

  for (guint i = 0; i < N_QUERIES; i++)
    {
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      switch (i % 5)
        {
        case 0:
          /* One whole word. */
          g_ptr_array_add (queries, g_utf8_strdown (pick_word (corpus, rand), -1));
          break;

        case 1:
          /* A phrase of two or three words from the pack. */
          g_ptr_array_add (queries, pick_phrase (corpus, rand, 2 + i % 2));
          break;

        case 2:
          /* One or two whole words and one being typed. */
          first = i % 3 ? g_strdup (pick_word (corpus, rand))
                        : g_strjoin (" ", pick_word (corpus, rand), pick_word (corpus, rand), NULL);
          last = dup_prefix (pick_word (corpus, rand), rand);
          g_ptr_array_add (queries, g_strjoin (" ", first, last, NULL));
          break;

        case 3:
          /* An accented word typed without accents, alone or after another word. */
          first = g_strdup (g_ptr_array_index (accented,
                                               g_rand_int_range (rand, 0, accented->len)));
          last = dup_without_accents (first);
          if (i % 2)
            g_ptr_array_add (queries, g_steal_pointer (&last));
          else
            g_ptr_array_add (queries, g_strjoin (" ", pick_word (corpus, rand), last, NULL));
          break;

        case 4:
        default:
          /* Three words from anywhere. */
          g_ptr_array_add (queries, g_strjoin (" ", pick_word (corpus, rand),
                                               pick_word (corpus, rand),
                                               pick_word (corpus, rand), NULL));
          break;
        }
    }

  return queries;
}

/* The baseline: what a search without an index does for each query. */
static guint
search_naively (GPtrArray  *texts,
                const char *query)
{
  g_auto (GStrv) words = g_strsplit_set (query, " ", -1);
  guint n_found = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      char *folded = g_utf8_casefold (words[w], -1);

      g_free (words[w]);
      words[w] = folded;
    }

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (texts, i), -1);
      gboolean found = TRUE;

      for (guint w = 0; found && words[w] != NULL; w++)
        found = words[w][0] == '\0' || strstr (folded, words[w]) != NULL;
      n_found += found;
    }

  return n_found;
}

static gsize
allocated_bytes (void)
{
#ifdef __GLIBC__
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GBytes) bytes = synthetic_pack_new (N_ITEMS, 1);
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (MscosSearchIndex) index = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  g_autoptr (GError) error = NULL;
  Corpus corpus = {
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  double builds[N_BUILDS];
  double fast[N_QUERIES], naive[N_QUERIES];
  double fast_p50, fast_p95, naive_p50, naive_p95, fast_max;
  gsize before, after;
  guint n_results = 0, n_naive = 0, n_empty = 0;
  gboolean met;

  pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  if (pack == NULL)
    {
      g_printerr ("The synthetic pack does not load: %s\n", error->message);
      return 1;
    }

  printf ("pack: %u items, %.1f MB of JSON\n", mscos_content_pack_get_n_items (pack),
          g_bytes_get_size (bytes) / 1e6);

  for (guint i = 0; i < N_BUILDS; i++)
    {
      gint64 begin;

      g_clear_object (&index);
      before = allocated_bytes ();
      begin = g_get_monotonic_time ();
      index = mscos_search_index_new (pack);
      builds[i] = (g_get_monotonic_time () - begin) / 1000.0;
      after = allocated_bytes ();
    }
  printf ("index: built in %.0f ms (median of %u), %u terms, %.1f MB allocated\n",
          median (builds, N_BUILDS), N_BUILDS, mscos_search_index_get_n_terms (index),
          after > before ? (after - before) / 1e6 : 0.0);

  mscos_content_pack_foreach_item (pack, collect_item_cb, &corpus);
  queries = create_queries (&corpus);

  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = g_ptr_array_index (queries, q);
      double times[N_REPEATS];
      guint n = 0;

      /* Once to warm the caches, then timed. */
      g_ptr_array_unref (mscos_search_index_query (index, query, LIMIT));
      for (guint r = 0; r < N_REPEATS; r++)
        {
          gint64 begin = g_get_monotonic_time ();
          GPtrArray *results = mscos_search_index_query (index, query, LIMIT);

          times[r] = (g_get_monotonic_time () - begin) / 1000.0;
          n = results->len;
          g_ptr_array_unref (results);
        }
      fast[q] = median (times, N_REPEATS);
      n_results += n;
      n_empty += n == 0;

      {
        gint64 begin = g_get_monotonic_time ();

        n_naive += search_naively (corpus.texts, query);
        naive[q] = (g_get_monotonic_time () - begin) / 1000.0;
      }

      if (q < 10 || fast[q] > SLOW_QUERY_MS || n == 0)
        printf ("  %-40s %3u results in %.3f ms (naive %.0f ms)\n", query, n, fast[q], naive[q]);
    }

  qsort (fast, N_QUERIES, sizeof (double), compare_doubles);
  qsort (naive, N_QUERIES, sizeof (double), compare_doubles);
  fast_p50 = percentile (fast, N_QUERIES, 0.50);
  fast_p95 = percentile (fast, N_QUERIES, 0.95);
  fast_max = fast[N_QUERIES - 1];
  naive_p50 = percentile (naive, N_QUERIES, 0.50);
  naive_p95 = percentile (naive, N_QUERIES, 0.95);

  printf ("queries: %u, up to %u results each: %u results in all, %u queries without any; "
          "naive matches %u\n", N_QUERIES, LIMIT, n_results, n_empty, n_naive);
  printf ("search: p50 %.3f ms, p95 %.3f ms, max %.3f ms; naive p50 %.0f ms, p95 %.0f ms; "
          "%.0f× faster at p50, %.0f× faster at p95\n",
          fast_p50, fast_p95, fast_max, naive_p50, naive_p95,
          naive_p50 / fast_p50, naive_p95 / fast_p95);

  met = naive_p95 / fast_p95 >= TARGET_SPEED_UP && naive_p50 / fast_p50 >= TARGET_SPEED_UP;
  printf ("targets (≥ %.0f× faster than the naive search at p95 and p50): %s\n",
          TARGET_SPEED_UP, met ? "met" : "MISSED");

  g_ptr_array_unref (corpus.texts);
  g_ptr_array_unref (corpus.words);
  g_hash_table_unref (corpus.seen);

  return met ? 0 : 1;
}
