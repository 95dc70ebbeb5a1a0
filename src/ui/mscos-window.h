/* mscos-window.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mscos-application.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_WINDOW (mscos_window_get_type ())

G_DECLARE_FINAL_TYPE (MscosWindow, mscos_window, MSCOS, WINDOW, AdwApplicationWindow)

MscosWindow *mscos_window_new         (MscosApplication *application);
void         mscos_window_show_about  (MscosWindow      *self);
void         mscos_window_save_state  (MscosWindow      *self);
void         mscos_window_show_toast  (MscosWindow      *self,
                                       const char       *message);
void         mscos_window_add_toast   (MscosWindow      *self,
                                       AdwToast         *toast);
gboolean     mscos_window_show_item   (MscosWindow      *self,
                                       const char       *item_id);
void         mscos_window_start_search (MscosWindow     *self,
                                        const char      *query);

G_END_DECLS
