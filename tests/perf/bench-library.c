/* bench-library.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library with 10,000 notes:
 *
 * 1. how long a save takes, median of several, against g_file_set_contents_full() of as many
 *    bytes in the same folder, with the same flags, in the same run;
 * 2. what a keystroke costs the main thread: typing 1,000 characters into one note, with
 *    the main loop running between keystrokes so that saves run meanwhile in their thread,
 *    once with the app's save delays and once saving without pause.
 *
 * A keystroke that waited for a save would block: the voluntary context switches of the main
 * thread during each call are counted to show that none did.
 *
 * The library lives in G_TEST_BUILDDIR when set (a real disk, where fsync() costs what it
 * costs users), else in the temporary folder. Informative only: it always exits 0. */

/* For RUSAGE_THREAD. */
#define _GNU_SOURCE

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <glib/gstdio.h>

#include "mscos-content-pack.h"
#include "mscos-library.h"
#include "synthetic-pack.h"

#define N_NOTES 10000
#define N_SAVES 9
#define N_KEYSTROKES 1000
/* A fast typist: 125 characters a second. */
#define KEYSTROKE_INTERVAL_US 8000

typedef struct
{
  /* Wall-clock and main-thread CPU time of each call, in ms. */
  double   *times;
  double   *cpu_times;
  guint     n;
  double    longest_dispatch;
  double    longest_dispatch_cpu;
  guint     saves;
  /* Calls during which the main thread blocked. */
  guint     blocked;
} Typing;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Time this thread ran: without the time it waited or was preempted. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

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

static void
collect_item_cb (gpointer data,
                 gpointer user_data)
{
  GPtrArray *items = user_data;

  if (mscos_item_is_bookmarkable (data))
    g_ptr_array_add (items, data);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_assert_true (mscos_library_load_finish (MSCOS_LIBRARY (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static void
count_save_cb (MscosLibrary *library,
               guint        *saves)
{
  (*saves)++;
}

static void
remove_folder (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

/* Runs whatever the main loop has to do until @until_ms, a little at a time, noting the
 * longest time its work took. */
static void
pump_until (double  until_ms,
            Typing *typing)
{
  while (now_ms () < until_ms)
    {
      double start = now_ms ();
      double start_cpu = thread_cpu_ms ();
      double wall, cpu;

      while (g_main_context_iteration (NULL, FALSE))
        ;
      wall = now_ms () - start;
      cpu = thread_cpu_ms () - start_cpu;
      typing->longest_dispatch = MAX (typing->longest_dispatch, wall);
      typing->longest_dispatch_cpu = MAX (typing->longest_dispatch_cpu, cpu);
      g_usleep (100);
    }
}

static void
type_note (MscosLibrary *library,
           const char   *pack_id,
           MscosItem    *item,
           Typing       *typing)
{
  g_autoptr (GString) text = g_string_new (NULL);
  double next = now_ms ();
  gulong handler;

  typing->n = 0;
  typing->saves = 0;
  typing->longest_dispatch = 0;
  typing->longest_dispatch_cpu = 0;
  typing->blocked = 0;
  handler = g_signal_connect (library, "saved", G_CALLBACK (count_save_cb), &typing->saves);

  for (guint i = 0; i < N_KEYSTROKES; i++)
    {
      struct rusage before, after;
      double start, start_cpu;

      pump_until (next, typing);
      g_string_append_c (text, i % 7 == 6 ? ' ' : 'a' + i % 26);

      getrusage (RUSAGE_THREAD, &before);
      start = now_ms ();
      start_cpu = thread_cpu_ms ();
      mscos_library_set_note (library, pack_id, item, text->str);
      typing->cpu_times[typing->n] = thread_cpu_ms () - start_cpu;
      typing->times[typing->n++] = now_ms () - start;
      getrusage (RUSAGE_THREAD, &after);
      if (after.ru_nvcsw != before.ru_nvcsw)
        typing->blocked++;

      next += KEYSTROKE_INTERVAL_US / 1000.0;
    }

  g_assert_true (mscos_library_flush (library, NULL));
  g_signal_handler_disconnect (library, handler);
}

static void
report_typing (const char *how,
               Typing     *typing)
{
  qsort (typing->times, typing->n, sizeof (double), compare_doubles);
  qsort (typing->cpu_times, typing->n, sizeof (double), compare_doubles);
  printf ("keystroke (set_note, %u characters into one note of %u, %s): "
          "p50 %.4f ms, p95 %.4f ms, p99 %.4f ms, max %.4f ms "
          "(main-thread CPU: p50 %.4f, p95 %.4f, max %.4f ms); "
          "%u saves ran meanwhile; %u calls blocked; "
          "longest other main-loop work %.2f ms (CPU %.2f ms)\n",
          N_KEYSTROKES, N_NOTES, how,
          percentile (typing->times, typing->n, 0.50),
          percentile (typing->times, typing->n, 0.95),
          percentile (typing->times, typing->n, 0.99),
          typing->times[typing->n - 1],
          percentile (typing->cpu_times, typing->n, 0.50),
          percentile (typing->cpu_times, typing->n, 0.95),
          typing->cpu_times[typing->n - 1],
          typing->saves,
          typing->blocked,
          typing->longest_dispatch,
          typing->longest_dispatch_cpu);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *root = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *baseline_path = NULL;
  g_autofree char *contents = NULL;
  double save_times[N_SAVES], baseline_times[N_SAVES], export_times[N_SAVES];
  double save_median, baseline_median, max_keystroke;
  guint blocked;
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  const char *pack_id;
  gboolean loaded = FALSE;
  Typing typing;
  gsize length;

  bytes = synthetic_pack_new (N_NOTES, 1);
  pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  pack_id = mscos_content_pack_get_id (pack);
  items = g_ptr_array_new ();
  mscos_content_pack_foreach_item (pack, collect_item_cb, items);
  g_assert_cmpuint (items->len, >=, N_NOTES);

  root = g_build_filename (build_dir != NULL ? build_dir : g_get_tmp_dir (),
                           "bench-library-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (root));
  folder = g_build_filename (root, "uk.co.mscos.Outcomes", NULL);
  path = g_build_filename (folder, "library.json", NULL);
  baseline_path = g_build_filename (folder, "baseline.json", NULL);
  printf ("library in %s\n", folder);

  file = g_file_new_for_path (path);
  library = mscos_library_new (file);
  mscos_library_load_async (library, NULL, loaded_cb, &loaded);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autofree char *note = g_strdup_printf ("Note %u: discussed at the March review; the "
                                               "wording of the second paragraph should match "
                                               "the statutory guidance, and the link needs "
                                               "checking with the organisation.", i);

      mscos_library_set_note (library, pack_id, g_ptr_array_index (items, i), note);
      if (i % 3 == 0)
        mscos_library_set_bookmarked (library, pack_id, g_ptr_array_index (items, i), TRUE);
    }
  g_assert_true (mscos_library_flush (library, NULL));

  /* 1. A save, whole: snapshot, JSON, backup, write, fsync, rename. */
  for (guint i = 0; i < N_SAVES; i++)
    {
      g_autofree char *note = g_strdup_printf ("Changed %u", i);
      double start;

      mscos_library_set_note (library, pack_id, g_ptr_array_index (items, 0), note);
      start = now_ms ();
      g_assert_true (mscos_library_flush (library, NULL));
      save_times[i] = now_ms () - start;
    }

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (guint i = 0; i < N_SAVES; i++)
    {
      double start = now_ms ();

      g_assert_true (g_file_set_contents_full (baseline_path, contents, length,
                                               G_FILE_SET_CONTENTS_CONSISTENT |
                                               G_FILE_SET_CONTENTS_DURABLE,
                                               0600, NULL));
      baseline_times[i] = now_ms () - start;
    }

  /* The part of a save that is not writing: snapshot and JSON. */
  for (guint i = 0; i < N_SAVES; i++)
    {
      g_autofree char *json = NULL;
      double start = now_ms ();

      json = mscos_library_export_json (library);
      export_times[i] = now_ms () - start;
    }

  qsort (export_times, N_SAVES, sizeof (double), compare_doubles);
  qsort (save_times, N_SAVES, sizeof (double), compare_doubles);
  qsort (baseline_times, N_SAVES, sizeof (double), compare_doubles);
  save_median = save_times[N_SAVES / 2];
  baseline_median = baseline_times[N_SAVES / 2];
  printf ("save %u notes (%.1f MB): median %.1f ms (baseline write %.1f ms, ratio %.2f)\n",
          N_NOTES, length / 1e6, save_median, baseline_median, save_median / baseline_median);
  printf ("  of which snapshot and JSON text: median %.1f ms\n", export_times[N_SAVES / 2]);

  /* 2. Keystrokes, with saves running in their thread meanwhile. */
  typing.times = g_new (double, N_KEYSTROKES);
  typing.cpu_times = g_new (double, N_KEYSTROKES);

  type_note (library, pack_id, g_ptr_array_index (items, N_NOTES / 2), &typing);
  report_typing ("app's save delays", &typing);
  max_keystroke = typing.times[typing.n - 1];
  blocked = typing.blocked;

  mscos_library_set_save_delays (library, 0, 0);
  type_note (library, pack_id, g_ptr_array_index (items, N_NOTES / 2 + 1), &typing);
  report_typing ("saving without pause", &typing);
  max_keystroke = MAX (max_keystroke, typing.times[typing.n - 1]);
  blocked += typing.blocked;

  printf ("%s: %u of %u set_note calls blocked; the slowest took %.3f ms, a save %.1f ms\n",
          blocked == 0 ? "no keystroke waited for a save" : "SOME KEYSTROKES BLOCKED",
          blocked, 2 * N_KEYSTROKES, max_keystroke, save_median);

  g_free (typing.times);
  g_free (typing.cpu_times);
  g_clear_object (&library);
  remove_folder (folder);
  g_rmdir (root);

  return EXIT_SUCCESS;
}
