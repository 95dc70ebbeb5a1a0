/* mscos-web-page.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MSCOS_TYPE_WEB_PAGE (mscos_web_page_get_type ())

G_DECLARE_FINAL_TYPE (MscosWebPage, mscos_web_page, MSCOS, WEB_PAGE, AdwNavigationPage)

MscosWebPage *mscos_web_page_new             (const char   *uri);
const char   *mscos_web_page_get_uri         (MscosWebPage *self);
void          mscos_web_page_offer_file      (MscosWebPage *self,
                                              const char   *uri);

G_END_DECLS
