/* crash-driver.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-durable-store.h"

G_BEGIN_DECLS

/* Makes edit number N to the store. */
typedef void (*CrashEditFunc) (guint64  n,
                               gpointer user_data);

void crash_driver_start (MscosDurableStore *store,
                         guint64            first_edit,
                         CrashEditFunc      edit,
                         gpointer           user_data);

G_END_DECLS
