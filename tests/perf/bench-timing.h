/* bench-timing.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_get_thread_cpu_ms  (void);
double bench_get_process_cpu_ms (void);
double bench_find_median        (const double *values,
                                 guint         n);
double bench_find_minimum       (const double *values,
                                 guint         n);

G_END_DECLS
