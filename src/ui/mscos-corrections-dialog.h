/* mscos-corrections-dialog.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mscos-item.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_CORRECTIONS_DIALOG (mscos_corrections_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MscosCorrectionsDialog, mscos_corrections_dialog, MSCOS, CORRECTIONS_DIALOG, AdwDialog)

AdwDialog *mscos_corrections_dialog_new (MscosItem *item);

G_END_DECLS
