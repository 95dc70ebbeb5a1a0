/* main-loop-probe.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A probe of the main loop's stalls, for the benchmarks that run the app: loaded into the
 * program with LD_PRELOAD, so that nothing of it is in the app, and turned on by naming a
 * file in MSCOS_PROBE_LOG.
 *
 * The main loop sleeps in poll() and wakes to dispatch what is ready; while it dispatches,
 * nothing else on the main thread can run — no input, no frame. The probe wraps the default
 * main context's poll function and measures each stretch between two polls. Every stretch of
 * MSCOS_PROBE_MIN_MS (default 2) or more is written to the file as a line
 *
 *   STALL START-US DURATION-US CPU-US
 *
 * START-US being CLOCK_MONOTONIC in microseconds, as Python's time.monotonic() reads it, so
 * the benchmark can tell what the app was doing, and CPU-US the main thread's CPU time in the
 * stretch: on a busy machine the stretch also holds the time the thread waited for a
 * processor, its CPU time only what the code itself cost. It costs nothing while the app is
 * idle. */

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

static int log_fd = -1;
static gint64 min_stall_us = 2000;
static gint64 woke_us;
static gint64 woke_cpu_us;
static GPollFunc real_poll;

static gint64
get_clock_us (clockid_t clock)
{
  struct timespec now;

  clock_gettime (clock, &now);

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static int
probe_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  gint64 now = get_clock_us (CLOCK_MONOTONIC);
  int result;

  if (woke_us > 0 && now - woke_us >= min_stall_us)
    {
      char line[96];
      int length = g_snprintf (line, sizeof line,
                               "STALL %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                               woke_us, now - woke_us,
                               get_clock_us (CLOCK_THREAD_CPUTIME_ID) - woke_cpu_us);

      if (write (log_fd, line, length) != length)
        g_warning ("main-loop-probe: cannot write its log");
    }

  result = real_poll (fds, n_fds, timeout);
  woke_us = get_clock_us (CLOCK_MONOTONIC);
  woke_cpu_us = get_clock_us (CLOCK_THREAD_CPUTIME_ID);

  return result;
}

__attribute__ ((constructor)) static void
install_probe (void)
{
  const char *path = g_getenv ("MSCOS_PROBE_LOG");
  const char *min_ms = g_getenv ("MSCOS_PROBE_MIN_MS");
  GMainContext *context;

  if (path == NULL)
    return;

  /* Only the program itself, not the helpers it starts. */
  g_unsetenv ("LD_PRELOAD");

  log_fd = open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0)
    return;

  if (min_ms != NULL)
    min_stall_us = (gint64) (g_ascii_strtod (min_ms, NULL) * 1000);

  context = g_main_context_default ();
  real_poll = g_main_context_get_poll_func (context);
  g_main_context_set_poll_func (context, probe_poll);
}
