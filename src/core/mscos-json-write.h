/* mscos-json-write.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void mscos_json_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value);
void mscos_json_add_time   (JsonBuilder *builder,
                            const char  *name,
                            GDateTime   *time);

G_END_DECLS
