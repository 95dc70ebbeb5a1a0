/* mscos-link-policy.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* Not followed at all: javascript:, file:, data:, malformed addresses… */
  MSCOS_LINK_REFUSE,
  /* A web page: shown in the app's private viewer, or the browser if the user prefers. */
  MSCOS_LINK_WEB,
  /* mailto: and the like: handed to the desktop after the user confirms. */
  MSCOS_LINK_DESKTOP,
} MscosLinkAction;

MscosLinkAction mscos_link_policy_decide       (const char  *uri);
char           *mscos_link_policy_describe     (const char  *uri);
char           *mscos_link_policy_clean_desktop_uri (const char *uri);
char           *mscos_link_policy_dup_display_uri   (const char *uri);
gboolean        mscos_link_policy_is_pack_link (const char  *uri,
                                                const char **reason);

G_END_DECLS
