/* mscos-session.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-content-pack.h"
#include "mscos-library.h"
#include "mscos-search-index.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_SESSION (mscos_session_get_type ())

G_DECLARE_FINAL_TYPE (MscosSession, mscos_session, MSCOS, SESSION, GObject)

MscosSession     *mscos_session_new                   (MscosLibrary  *library,
                                                       GFile         *default_content);
MscosLibrary     *mscos_session_get_library           (MscosSession  *self);
MscosContentPack *mscos_session_get_content_pack      (MscosSession  *self);
const GError     *mscos_session_get_content_error     (MscosSession  *self);
void              mscos_session_open_content          (MscosSession  *self,
                                                       GFile         *file);
gboolean          mscos_session_get_content_requested (MscosSession  *self);
MscosSearchIndex *mscos_session_get_search_index      (MscosSession  *self);
void              mscos_session_request_search_index  (MscosSession  *self);

G_END_DECLS
