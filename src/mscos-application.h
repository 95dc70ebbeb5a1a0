/* mscos-application.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mscos-content-pack.h"
#include "mscos-library.h"
#include "mscos-search-index.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_APPLICATION (mscos_application_get_type ())

G_DECLARE_FINAL_TYPE (MscosApplication, mscos_application, MSCOS, APPLICATION, AdwApplication)

MscosApplication *mscos_application_new                (void);
MscosApplication *mscos_application_get_default        (void);
GSettings        *mscos_application_get_settings       (MscosApplication *self);
MscosContentPack *mscos_application_get_content_pack   (MscosApplication *self);
GError           *mscos_application_get_content_error  (MscosApplication *self);
MscosLibrary     *mscos_application_get_library        (MscosApplication *self);
MscosSearchIndex *mscos_application_get_search_index   (MscosApplication *self);
void              mscos_application_request_search_index (MscosApplication *self);
void              mscos_application_open_content       (MscosApplication *self,
                                                        GFile            *file);

G_END_DECLS
