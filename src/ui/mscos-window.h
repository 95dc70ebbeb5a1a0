/* mscos-window.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mscos-session.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_WINDOW (mscos_window_get_type ())

G_DECLARE_FINAL_TYPE (MscosWindow, mscos_window, MSCOS, WINDOW, AdwApplicationWindow)

MscosWindow *mscos_window_new         (GtkApplication *application,
                                       MscosSession   *session,
                                       GSettings      *settings);
void         mscos_window_show_toast  (MscosWindow    *self,
                                       const char     *message);
void         mscos_window_add_toast   (MscosWindow    *self,
                                       AdwToast       *toast);
gboolean     mscos_window_show_item   (MscosWindow    *self,
                                       const char     *item_id);

G_END_DECLS
