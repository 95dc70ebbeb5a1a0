/* mscos-command-line.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The content pack built into the program. */
#define MSCOS_DEFAULT_CONTENT_URI "resource://" RESOURCE_PATH "/content/mscos.json"

const GOptionEntry *mscos_command_line_get_options       (void);
int                 mscos_command_line_run_local_mode    (GVariantDict *options);

G_END_DECLS
