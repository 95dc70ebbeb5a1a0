/* mscos-viewer-module.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the program and the viewer module agree on. The program opens the module with GModule
 * the first time a web page is shown (src/ui/mscos-viewer.c) and looks these symbols up by
 * name; nothing here names a WebKit type, so the program never needs WebKit's headers. */

/* The file name of the module, in PKGLIBDIR once installed. Uninstalled, the program finds it
 * through the environment variable MSCOS_VIEWER_MODULE_ENV, which holds its full path. */
#define MSCOS_VIEWER_MODULE_NAME "libmscos-viewer.so"
#define MSCOS_VIEWER_MODULE_ENV  "MSCOS_VIEWER_MODULE"

/* Symbols the module exports. */
#define MSCOS_VIEWER_SYMBOL_VERSION      "mscos_viewer_module_get_version"
#define MSCOS_VIEWER_SYMBOL_NEW_PAGE     "mscos_viewer_module_new_page"
#define MSCOS_VIEWER_SYMBOL_DROP_SESSION "mscos_viewer_module_drop_session"

/* Returns the PACKAGE_VERSION the module was built with: the program loads only its own. */
typedef const char        *(*MscosViewerGetVersionFunc) (void);
/* Returns (transfer floating) a page showing a web address, or NULL and sets the error. */
typedef AdwNavigationPage *(*MscosViewerNewPageFunc)    (const char  *uri,
                                                         GError     **error);
/* Forgets everything the shared private network session holds, and lets it go. */
typedef void               (*MscosViewerDropSessionFunc) (void);

G_END_DECLS
