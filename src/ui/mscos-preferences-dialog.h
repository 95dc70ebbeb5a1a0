/* mscos-preferences-dialog.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MSCOS_TYPE_PREFERENCES_DIALOG (mscos_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MscosPreferencesDialog, mscos_preferences_dialog, MSCOS, PREFERENCES_DIALOG, AdwPreferencesDialog)

AdwDialog *mscos_preferences_dialog_new (GSettings *settings);

G_END_DECLS
