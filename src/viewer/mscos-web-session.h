/* mscos-web-session.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

WebKitNetworkSession *mscos_web_session_get          (void);
WebKitWebContext     *mscos_web_session_get_context  (void);
WebKitSettings       *mscos_web_session_get_settings (void);
void                  mscos_web_session_drop         (void);

G_END_DECLS
