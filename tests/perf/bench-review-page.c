/* bench-review-page.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What opening an outcome page costs while a revision is reviewed, against opening the same
 * page of the same pack not reviewed, in the same run: the first outcome of a pack of N_ITEMS
 * items over ten outcomes (synthetic-pack.c, a page of N_ITEMS / 10), and a revision of it
 * with one item in EVERY reworded, one in 5 × EVERY removed and one in 10 × EVERY moved
 * (synthetic-revision.c), so that the page in review mode has its changes marked, its
 * removed items merged in and the changed words of the cards on screen compared.
 *
 * Each opening is measured as the main thread's CPU time from making the page until the page
 * has settled: its rows fed to the view and laid out, frame after frame, until frames cost
 * nothing more (SETTLED_FRAMES in a row under QUIET_MS, whose own cost is left out). Painting
 * is left out, as in bench-library-ui: it is the same in both, and software rendering under
 * the virtual display. The two kinds of page are opened in turn, N_ROUNDS times each, in a
 * window 1,100 px wide. Target: the median in review mode ≤ 1.2 × the median not reviewed.
 * Exits 1 when it is missed. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "mscos-content-pack.h"
#include "mscos-outcome-page.h"
#include "mscos-pack-diff.h"
#include "bench-timing.h"
#include "synthetic-pack.h"
#include "synthetic-revision.h"

#define N_ITEMS        20000
#define EVERY          10
#define N_ROUNDS       7
#define SETTLED_FRAMES 5
#define QUIET_MS       1.0
#define TARGET_RATIO   1.2

typedef struct
{
  GtkWindow *window;
  gboolean   laid_out;
  double     layout_cpu;
} Bench;

static void
layout_done_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->laid_out = TRUE;
  bench->layout_cpu = bench_get_thread_cpu_ms ();
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  return G_SOURCE_REMOVE;
}

/* Runs one frame to its layout and then whatever it left to do; returns the main thread's
 * CPU time for it, but for painting. */
static double
run_frame (Bench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  double start = bench_get_thread_cpu_ms ();
  double after_frame;

  bench->laid_out = FALSE;
  gtk_widget_add_tick_callback (GTK_WIDGET (bench->window), tick_cb, NULL, NULL);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
  while (!bench->laid_out)
    g_main_context_iteration (NULL, TRUE);
  after_frame = bench_get_thread_cpu_ms ();
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return (bench->layout_cpu - start) + (bench_get_thread_cpu_ms () - after_frame);
}

/* Opens the page of @outcome, reviewed against @diff or not, and returns what it cost. */
static double
open_page (Bench            *bench,
           MscosOutcome     *outcome,
           MscosContentPack *pack,
           MscosPackDiff    *diff)
{
  double start = bench_get_thread_cpu_ms ();
  double total = 0, quiet = 0;
  guint n_quiet = 0;
  GtkWidget *page;

  page = g_object_new (MSCOS_TYPE_OUTCOME_PAGE,
                       "outcome", outcome,
                       "pack", pack,
                       "diff", diff,
                       NULL);
  gtk_window_set_child (bench->window, page);
  total = bench_get_thread_cpu_ms () - start;

  while (n_quiet < SETTLED_FRAMES)
    {
      double frame = run_frame (bench);

      total += frame;
      if (frame < QUIET_MS)
        {
          n_quiet++;
          quiet += frame;
        }
      else
        {
          n_quiet = 0;
          quiet = 0;
        }
    }

  gtk_window_set_child (bench->window, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return total - quiet;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GBytes) base_bytes = NULL;
  g_autoptr (GBytes) revision_bytes = NULL;
  g_autoptr (MscosContentPack) base = NULL;
  g_autoptr (MscosContentPack) revision = NULL;
  g_autoptr (MscosPackDiff) diff = NULL;
  g_autoptr (GError) error = NULL;
  double normal[N_ROUNDS], reviewed[N_ROUNDS];
  double normal_median, reviewed_median, ratio;
  g_autoptr (MscosSection) section = NULL;
  MscosOutcome *outcome;
  guint n_page_items;
  Bench bench = { NULL, };
  guint n_edits;
  gboolean met;

  /* As bench-library-ui: no screen reader listens under the virtual display. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();

  base_bytes = synthetic_pack_new (N_ITEMS, 1);
  revision_bytes = synthetic_revision_new (base_bytes, EVERY, &n_edits);
  base = mscos_content_pack_new_from_bytes (base_bytes, NULL, &error);
  g_assert_no_error (error);
  revision = mscos_content_pack_new_from_bytes (revision_bytes, NULL, &error);
  g_assert_no_error (error);
  diff = mscos_pack_diff_new (base, revision);
  outcome = g_list_model_get_item (mscos_content_pack_get_outcomes (revision), 0);
  g_object_unref (outcome);
  section = g_list_model_get_item (mscos_outcome_get_sections (outcome), 0);
  n_page_items = g_list_model_get_n_items (mscos_section_get_items (section));

  bench.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench.window, 1100, 800);
  gtk_window_present (bench.window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (bench.window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "layout",
                          G_CALLBACK (layout_done_cb), &bench);

  /* Once of each first, unmeasured: the widget classes and styles are made the first time. */
  open_page (&bench, outcome, revision, NULL);
  open_page (&bench, outcome, revision, diff);

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      normal[i] = open_page (&bench, outcome, revision, NULL);
      reviewed[i] = open_page (&bench, outcome, revision, diff);
    }

  normal_median = bench_find_median (normal, N_ROUNDS);
  reviewed_median = bench_find_median (reviewed, N_ROUNDS);
  ratio = reviewed_median / MAX (normal_median, 0.001);
  met = ratio <= TARGET_RATIO;

  printf ("outcome page of %u items, %u edits in the pack's revision (%u changes): "
          "not reviewed median %.1f ms (min %.1f), reviewed median %.1f ms (min %.1f); "
          "ratio %.2f (target ≤ %.1f) — %s\n",
          n_page_items, n_edits, g_list_model_get_n_items (G_LIST_MODEL (diff)),
          normal_median, bench_find_minimum (normal, N_ROUNDS),
          reviewed_median, bench_find_minimum (reviewed, N_ROUNDS),
          ratio, TARGET_RATIO, met ? "met" : "MISSED");

  gtk_window_destroy (bench.window);

  return met ? 0 : 1;
}
