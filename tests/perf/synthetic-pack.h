/* synthetic-pack.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *synthetic_pack_new          (guint n_items,
                                     guint seed);
GBytes *synthetic_pack_new_outcome  (guint n_items,
                                     guint seed);

G_END_DECLS
