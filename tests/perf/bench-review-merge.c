/* bench-review-merge.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What `mscos-outcomes --merge-reviews` costs, but for reading and writing the files: 20
 * reviewers' JSON-LD files of 500 comments each (about 0.8 MB each) are read, merged and
 * exported as the CSV table by mscos_review_merge_add_bytes() and mscos_review_export().
 * Each reviewer's file holds 450 comments of their own and 50 of the reviewer before them,
 * half of those as they were and half in a newer version, so that the merge finds duplicates
 * and keeps newer versions as it does in use. The issue sets an absolute bound: under 1 s of
 * CPU time (the process's, all threads), judged on the median round. A bare json-glib parse
 * of the same files is timed in the same run, for the ratio. A benchmark reports: it exits 0
 * whatever it measures. */

#include "config.h"

#include <locale.h>

#include <json-glib/json-glib.h>

#include "bench-timing.h"
#include "mscos-review-merge.h"

#define N_REVIEWERS 20
#define N_COMMENTS 500
#define N_SHARED 50
#define N_ROUNDS 11
#define TARGET_MS 1000.0

static void
append_annotation (GString    *json,
                   guint       reviewer,
                   guint       index,
                   const char *modified,
                   const char *status)
{
  guint outcome = index % 10, item = index % 997;

  g_string_append_printf (json,
    "%s{\"@context\": [\"http://www.w3.org/ns/anno.jsonld\","
    " {\"mscos\": \"tag:mscos.co.uk,2026:review#\"}],"
    " \"id\": \"urn:uuid:%08x-0000-4000-8000-%012x\", \"type\": \"Annotation\","
    " \"motivation\": \"%s\", \"created\": \"2026-12-01T09:00:00Z\", \"modified\": \"%s\","
    " \"creator\": {\"type\": \"Person\", \"name\": \"Reviewer %u\"},"
    " \"body\": {\"type\": \"TextualBody\", \"value\": \"Comment %u of reviewer %u: the wording of "
    "this recommendation should say who does what, by when, and how survivors are told — "
    "“as soon as possible” is not a time. Ça suffit.\","
    " \"format\": \"text/plain\", \"language\": \"en-GB\"},"
    " \"target\": {\"type\": \"SpecificResource\","
    "  \"source\": \"tag:mscos.co.uk,2026:pack/test.synthetic/1/o%u.item-%u\","
    "  \"mscos:path\": \"outcomes[%u].sections[0].items[%u]\", \"mscos:kind\": \"resource\","
    "  \"mscos:outcome\": \"o%u\", \"mscos:section\": \"o%u.section\","
    "  \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"survivor safety\","
    "   \"prefix\": \"for the \", \"suffix\": \" and housing\"}},"
    " \"mscos:status\": \"%s\", \"mscos:response\": \"We will look at it.\"}",
    json->len > 1 ? ",\n" : "", reviewer, index,
    index % 3 == 0 ? "editing" : index % 3 == 1 ? "commenting" : "questioning", modified,
    reviewer, index, reviewer, outcome, item, outcome, item, outcome, outcome, status);
}

static GBytes *
make_file (guint reviewer)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < N_COMMENTS - N_SHARED; i++)
    append_annotation (json, reviewer, i, "2026-12-01T09:00:00Z", "open");

  /* The previous reviewer's first comments: as they were, then newer versions. */
  for (guint i = 0; i < N_SHARED; i++)
    append_annotation (json, (reviewer + N_REVIEWERS - 1) % N_REVIEWERS, i,
                       i < N_SHARED / 2 ? "2026-12-01T09:00:00Z" : "2026-12-04T09:00:00Z",
                       i < N_SHARED / 2 ? "open" : "accepted");

  g_string_append (json, "]");

  return g_string_free_to_bytes (json);
}

static double
time_parse (GBytes **files)
{
  double start = bench_get_process_cpu_ms ();

  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      json_parser_load_from_data (parser, g_bytes_get_data (files[i], NULL),
                                  g_bytes_get_size (files[i]), NULL);
    }

  return bench_get_process_cpu_ms () - start;
}

static double
time_merge (GBytes **files,
            guint   *n_comments,
            gsize   *table_size)
{
  g_autoptr (MscosReviewMerge) merge = mscos_review_merge_new ();
  g_autoptr (GBytes) table = NULL;
  g_autofree char *report = NULL;
  double start, end;

  start = bench_get_process_cpu_ms ();
  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("reviewer-%u.jsonld", i);
      g_autoptr (GError) error = NULL;

      if (!mscos_review_merge_add_bytes (merge, files[i], name, &error))
        g_error ("bench-review-merge: %s", error->message);
    }
  table = mscos_review_export (mscos_review_merge_get_review (merge), MSCOS_REVIEW_FORMAT_CSV,
                               NULL);
  report = mscos_review_merge_dup_report (merge);
  end = bench_get_process_cpu_ms ();

  *n_comments = g_list_model_get_n_items (G_LIST_MODEL (mscos_review_merge_get_review (merge)));
  *table_size = g_bytes_get_size (table);

  return end - start;
}

int
main (int   argc,
      char *argv[])
{
  GBytes *files[N_REVIEWERS];
  double merge_ms[N_ROUNDS], parse_ms[N_ROUNDS];
  double merge_median, parse_median;
  guint n_comments = 0;
  gsize total = 0, table_size = 0;

  setlocale (LC_ALL, "");
  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      files[i] = make_file (i);
      total += g_bytes_get_size (files[i]);
    }
  g_print ("%u files of %u comments, %.1f MB in all\n", N_REVIEWERS, N_COMMENTS, total / 1e6);

  time_parse (files);
  time_merge (files, &n_comments, &table_size);

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      if (i % 2 == 0)
        {
          parse_ms[i] = time_parse (files);
          merge_ms[i] = time_merge (files, &n_comments, &table_size);
        }
      else
        {
          merge_ms[i] = time_merge (files, &n_comments, &table_size);
          parse_ms[i] = time_parse (files);
        }
      g_print ("round %2u: bare parse %7.1f ms, read+merge+CSV %7.1f ms\n",
               i + 1, parse_ms[i], merge_ms[i]);
    }

  merge_median = bench_find_median (merge_ms, N_ROUNDS);
  parse_median = bench_find_median (parse_ms, N_ROUNDS);
  g_print ("fastest: read+merge+CSV %.1f ms, bare json-glib parse %.1f ms\n",
           bench_find_minimum (merge_ms, N_ROUNDS), bench_find_minimum (parse_ms, N_ROUNDS));
  g_print ("merge %u reviewers' files of %u comments into %u comments (CSV %.1f MB): median "
           "%.1f ms CPU (target < %.0f ms)%s; bare json-glib parse of the files %.1f ms, "
           "ratio %.2f\n",
           N_REVIEWERS, N_COMMENTS, n_comments, table_size / 1e6, merge_median, TARGET_MS,
           merge_median < TARGET_MS ? " — met" : " — ABOVE TARGET", parse_median,
           merge_median / parse_median);

  for (guint i = 0; i < N_REVIEWERS; i++)
    g_bytes_unref (files[i]);

  return 0;
}
