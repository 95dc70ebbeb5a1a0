/* mscos-markdown.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void mscos_markdown_append_inline (GString    *md,
                                   const char *text);
void mscos_markdown_append_block  (GString    *md,
                                   const char *text,
                                   const char *prefix);

G_END_DECLS
