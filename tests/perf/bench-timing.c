/* bench-timing.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "bench-timing.h"

/* CPU times and the figures the benchmarks judge them by. CPU time is what time spent
 * waiting for a busy machine's processors does not inflate; the fastest round is the code's
 * own cost, since a disturbance only ever adds time. */

static double
get_cpu_ms (clockid_t clock)
{
  struct timespec now;

  clock_gettime (clock, &now);

  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/* Returns the CPU time this thread has used, in milliseconds. */
double
bench_get_thread_cpu_ms (void)
{
  return get_cpu_ms (CLOCK_THREAD_CPUTIME_ID);
}

/* Returns the CPU time the process has used, all threads together, in milliseconds. */
double
bench_get_process_cpu_ms (void)
{
  return get_cpu_ms (CLOCK_PROCESS_CPUTIME_ID);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_find_median (const double *values,
                   guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof *values);

  qsort (sorted, n, sizeof *sorted, compare_doubles);

  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double
bench_find_minimum (const double *values,
                    guint         n)
{
  double minimum = values[0];

  for (guint i = 1; i < n; i++)
    minimum = MIN (minimum, values[i]);

  return minimum;
}
