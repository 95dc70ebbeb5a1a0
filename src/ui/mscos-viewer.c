/* mscos-viewer.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-viewer"

#include "config.h"

#include <gio/gio.h>
#include <gmodule.h>

#include "mscos-viewer.h"
#include "mscos-viewer-module.h"

/* The program's side of the in-app web viewer. The viewer and WebKitGTK live in a loadable
 * module (src/viewer/), opened here the first time a web page is shown and then kept for the
 * life of the process, so that WebKit never slows the start-up: linking WebKitGTK costs about a
 * quarter of a bare libadwaita window's start-up.
 *
 * The module is PKGLIBDIR/libmscos-viewer.so once installed; an uninstalled development build
 * names it in the environment variable MSCOS_VIEWER_MODULE (set by `meson devenv`,
 * build-aux/dev and the display tests). A release build never reads that variable: whoever can
 * set the environment of the installed app must not choose code to load into it.
 * (tests/ui/test-viewer-module.c builds this file as a release build has it.) */
#ifndef MSCOS_VIEWER_MODULE_FROM_ENVIRONMENT
# define MSCOS_VIEWER_MODULE_FROM_ENVIRONMENT DEVELOPMENT_BUILD
#endif

static GModule *viewer_module;
static MscosViewerNewPageFunc viewer_new_page;
static MscosViewerDropSessionFunc viewer_drop_session;

static gboolean
look_up (GModule     *module,
         const char  *name,
         gpointer    *symbol,
         GError     **error)
{
  if (g_module_symbol (module, name, symbol) && *symbol != NULL)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "The web viewer module %s has no %s", g_module_name (module), name);
  return FALSE;
}

static gboolean
load_module (GError **error)
{
  g_autofree char *installed_path = NULL;
  MscosViewerGetVersionFunc get_version = NULL;
  MscosViewerNewPageFunc new_page = NULL;
  MscosViewerDropSessionFunc drop_session = NULL;
  const char *path = MSCOS_VIEWER_MODULE_FROM_ENVIRONMENT ? g_getenv (MSCOS_VIEWER_MODULE_ENV)
                                                          : NULL;
  GModule *module;

  if (viewer_module != NULL)
    return TRUE;

  if (path == NULL || *path == '\0')
    path = installed_path = g_build_filename (PKGLIBDIR, MSCOS_VIEWER_MODULE_NAME, NULL);

  g_debug ("Opening the web viewer module %s", path);
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The web viewer module could not be opened: %s", g_module_error ());
      return FALSE;
    }

  if (!look_up (module, MSCOS_VIEWER_SYMBOL_VERSION, (gpointer *) &get_version, error)
      || !look_up (module, MSCOS_VIEWER_SYMBOL_NEW_PAGE, (gpointer *) &new_page, error)
      || !look_up (module, MSCOS_VIEWER_SYMBOL_DROP_SESSION, (gpointer *) &drop_session, error))
    {
      g_module_close (module);
      return FALSE;
    }

  /* A module left behind by another version of the app could disagree on these entry points. */
  if (g_strcmp0 (get_version (), PACKAGE_VERSION) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The web viewer module %s is version %s, not %s",
                   path, get_version (), PACKAGE_VERSION);
      g_module_close (module);
      return FALSE;
    }

  /* GTypes registered by the module must outlive any use of them: never unload it. */
  g_module_make_resident (module);

  viewer_module = module;
  viewer_new_page = new_page;
  viewer_drop_session = drop_session;

  return TRUE;
}

/**
 * mscos_viewer_new_page:
 * @uri: a web address (http or https)
 * @error: return location for an error
 *
 * Makes a page of the private web viewer showing @uri, opening the viewer module the first time.
 *
 * Returns: (transfer floating) (nullable): the page, to push onto a navigation view; %NULL
 *   with @error set if the viewer cannot be loaded or @uri is not a web address
 */
AdwNavigationPage *
mscos_viewer_new_page (const char  *uri,
                       GError     **error)
{
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_module (error))
    return NULL;

  return viewer_new_page (uri, error);
}

/**
 * mscos_viewer_is_loaded:
 *
 * Returns: whether the viewer module, and so WebKitGTK, has been loaded into this process
 */
gboolean
mscos_viewer_is_loaded (void)
{
  return viewer_module != NULL;
}

/**
 * mscos_viewer_drop_session:
 *
 * Clears and drops the viewer's shared ephemeral network session (cookies, caches, storage),
 * for the quick exit. Does nothing if the viewer was never loaded.
 */
void
mscos_viewer_drop_session (void)
{
  if (viewer_module == NULL)
    return;

  viewer_drop_session ();
}
