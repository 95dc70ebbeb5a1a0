/* test-viewer-module.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Built with src/ui/mscos-viewer.c as a release build has it (MSCOS_VIEWER_MODULE_FROM_ENVIRONMENT
 * 0): the environment cannot choose the code the app loads. */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mscos-viewer.h"
#include "mscos-viewer-module.h"

static void
test_environment_ignored (void)
{
  g_autofree char *installed = g_build_filename (PKGLIBDIR, MSCOS_VIEWER_MODULE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  AdwNavigationPage *page;

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the viewer module is installed in PKGLIBDIR");
      return;
    }

  /* The variable names a real, working module: the build's own. */
  g_assert_true (g_file_test (g_getenv ("MSCOS_TEST_VIEWER_MODULE"), G_FILE_TEST_EXISTS));
  g_setenv (MSCOS_VIEWER_MODULE_ENV, g_getenv ("MSCOS_TEST_VIEWER_MODULE"), TRUE);

  page = mscos_viewer_new_page ("http://127.0.0.1:1/", &error);
  g_assert_null (page);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, installed));
  g_assert_false (mscos_viewer_is_loaded ());
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/viewer/module-from-environment-ignored", test_environment_ignored);

  return g_test_run ();
}
