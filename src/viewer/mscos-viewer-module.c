/* mscos-viewer-module.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-viewer-module"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <gmodule.h>

#include "mscos-link-policy.h"
#include "mscos-viewer-module.h"
#include "mscos-web-page.h"
#include "mscos-web-session.h"

/* The entry points of the viewer module: the only symbols it exports (the build hides every
 * other one), looked up by src/ui/mscos-viewer.c. Their types are in mscos-viewer-module.h. */

G_MODULE_EXPORT const char        *mscos_viewer_module_get_version  (void);
G_MODULE_EXPORT AdwNavigationPage *mscos_viewer_module_new_page     (const char  *uri,
                                                                     GError     **error);
G_MODULE_EXPORT void               mscos_viewer_module_drop_session (void);

G_MODULE_EXPORT const char *
mscos_viewer_module_get_version (void)
{
  return PACKAGE_VERSION;
}

G_MODULE_EXPORT AdwNavigationPage *
mscos_viewer_module_new_page (const char  *uri,
                              GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (uri == NULL || mscos_link_policy_decide (uri) != MSCOS_LINK_WEB)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Only web pages open in the viewer"));
      return NULL;
    }

  return ADW_NAVIGATION_PAGE (mscos_web_page_new (uri));
}

G_MODULE_EXPORT void
mscos_viewer_module_drop_session (void)
{
  mscos_web_session_drop ();
}
