/* mscos-viewer.c — stands in until the WebKit viewer module lands: every web link then opens
 * in the browser. */

#define G_LOG_DOMAIN "mscos-viewer"

#include "config.h"

#include "mscos-viewer.h"

AdwNavigationPage *
mscos_viewer_new_page (const char  *uri,
                       GError     **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "The web viewer is not built yet");
  return NULL;
}

gboolean
mscos_viewer_is_loaded (void)
{
  return FALSE;
}

void
mscos_viewer_drop_session (void)
{
}
