/* bench-pack-diff.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What comparing two revisions of a pack costs against reading one of them: two synthetic
 * packs of 10,000 items (about 10 MB each, synthetic-pack.c), the second a revision of the
 * first with about one item in ten reworded, removed, moved or new (synthetic-revision.c),
 * are compared by mscos_pack_diff_new() (both outlines, the pairing, every paired item's
 * members, the list of changes), against mscos_content_pack_new_from_bytes() on the
 * first: the target is that comparing takes no longer than loading (ratio ≤ 1.0). A pack
 * compared with an unrelated one of the same size, where every item changed, is timed too,
 * as the worst case; it has no target.
 *
 * Each is timed in CPU time of this thread, the three alternating in the same run, and
 * judged on its fastest round (see bench-content-pack.c for why); the medians are printed
 * too. Tearing down is not timed. A benchmark reports: it exits 0 whatever it measures. */

#include "config.h"

#include <locale.h>

#include "bench-timing.h"
#include "mscos-pack-diff.h"
#include "synthetic-pack.h"
#include "synthetic-revision.h"

#define N_ITEMS 10000
#define N_ROUNDS 15
#define TARGET_RATIO 1.0

static double
time_load (GBytes *bytes)
{
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;
  double start, end;

  start = bench_get_thread_cpu_ms ();
  pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  end = bench_get_thread_cpu_ms ();

  if (pack == NULL)
    g_printerr ("bench-pack-diff: the pack was refused:\n%s\n", error->message);

  return end - start;
}

static double
time_diff (MscosContentPack *old_pack,
           MscosContentPack *new_pack,
           guint            *n_changes)
{
  g_autoptr (MscosPackDiff) diff = NULL;
  double start, end;

  start = bench_get_thread_cpu_ms ();
  diff = mscos_pack_diff_new (old_pack, new_pack);
  end = bench_get_thread_cpu_ms ();
  *n_changes = g_list_model_get_n_items (G_LIST_MODEL (diff));

  return end - start;
}

static MscosContentPack *
load (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  MscosContentPack *pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);

  if (pack == NULL)
    g_error ("bench-pack-diff: the pack was refused:\n%s", error->message);

  return pack;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GBytes) base = NULL;
  g_autoptr (GBytes) revision = NULL;
  g_autoptr (GBytes) unrelated = NULL;
  g_autoptr (MscosContentPack) base_pack = NULL;
  g_autoptr (MscosContentPack) revision_pack = NULL;
  g_autoptr (MscosContentPack) unrelated_pack = NULL;
  double load_ms[N_ROUNDS], diff_ms[N_ROUNDS], worst_ms[N_ROUNDS];
  double load_fastest, diff_fastest, worst_fastest, ratio;
  guint n_edits, n_changes = 0, n_worst_changes = 0;

  setlocale (LC_ALL, "");
  base = synthetic_pack_new (N_ITEMS, 1);
  revision = synthetic_revision_new (base, 10, &n_edits);
  unrelated = synthetic_pack_new (N_ITEMS, 2);
  base_pack = load (base);
  revision_pack = load (revision);
  unrelated_pack = load (unrelated);

  g_print ("Synthetic pack: %u items, %.1f MB; revision: %u edits; unrelated pack: %u items\n",
           mscos_content_pack_get_n_items (base_pack), g_bytes_get_size (base) / 1e6, n_edits,
           mscos_content_pack_get_n_items (unrelated_pack));

  /* One untimed round of each, to fault in the code and warm the allocator. */
  time_load (base);
  time_diff (base_pack, revision_pack, &n_changes);
  time_diff (base_pack, unrelated_pack, &n_worst_changes);

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      if (i % 2 == 0)
        {
          load_ms[i] = time_load (base);
          diff_ms[i] = time_diff (base_pack, revision_pack, &n_changes);
          worst_ms[i] = time_diff (base_pack, unrelated_pack, &n_worst_changes);
        }
      else
        {
          worst_ms[i] = time_diff (base_pack, unrelated_pack, &n_worst_changes);
          diff_ms[i] = time_diff (base_pack, revision_pack, &n_changes);
          load_ms[i] = time_load (base);
        }
      g_print ("round %2u: load %7.1f ms, compare with revision %7.1f ms, "
               "compare with unrelated %7.1f ms\n", i + 1, load_ms[i], diff_ms[i], worst_ms[i]);
    }

  load_fastest = bench_find_minimum (load_ms, N_ROUNDS);
  diff_fastest = bench_find_minimum (diff_ms, N_ROUNDS);
  worst_fastest = bench_find_minimum (worst_ms, N_ROUNDS);
  ratio = diff_fastest / load_fastest;

  g_print ("medians: load %.1f ms, compare with revision %.1f ms (ratio %.2f), "
           "compare with unrelated %.1f ms (ratio %.2f)\n",
           bench_find_median (load_ms, N_ROUNDS), bench_find_median (diff_ms, N_ROUNDS),
           bench_find_median (diff_ms, N_ROUNDS) / bench_find_median (load_ms, N_ROUNDS),
           bench_find_median (worst_ms, N_ROUNDS),
           bench_find_median (worst_ms, N_ROUNDS) / bench_find_median (load_ms, N_ROUNDS));
  g_print ("worst case, every item changed: compare fastest %.1f ms, %u changes, "
           "ratio to load %.2f (no target)\n",
           worst_fastest, n_worst_changes, worst_fastest / load_fastest);
  g_print ("compare two %u-item packs (%u changes): fastest %.1f ms; load one fastest %.1f ms "
           "(CPU time); ratio %.2f (target ≤ %.1f)%s\n",
           N_ITEMS, n_changes, diff_fastest, load_fastest, ratio, TARGET_RATIO,
           ratio <= TARGET_RATIO ? " — met" : " — ABOVE TARGET");

  return 0;
}
