/* synthetic-revision.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *synthetic_revision_new (GBytes *pack,
                                guint   every,
                                guint  *n_edits);

G_END_DECLS
