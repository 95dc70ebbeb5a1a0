/* mscos-viewer.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The in-app web viewer lives in a loadable module (src/viewer/), so that WebKit is loaded the
 * first time a web page is shown and never at start-up. */

AdwNavigationPage *mscos_viewer_new_page      (const char  *uri,
                                               GError     **error);
gboolean           mscos_viewer_is_loaded     (void);
void               mscos_viewer_drop_session  (void);

G_END_DECLS
