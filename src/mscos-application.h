/* mscos-application.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mscos-session.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_APPLICATION (mscos_application_get_type ())

G_DECLARE_FINAL_TYPE (MscosApplication, mscos_application, MSCOS, APPLICATION, AdwApplication)

MscosApplication *mscos_application_new                (void);
MscosApplication *mscos_application_get_default        (void);
GSettings        *mscos_application_get_settings       (MscosApplication *self);
MscosSession     *mscos_application_get_session        (MscosApplication *self);
MscosContentPack *mscos_application_get_content_pack   (MscosApplication *self);
MscosLibrary     *mscos_application_get_library        (MscosApplication *self);

G_END_DECLS
