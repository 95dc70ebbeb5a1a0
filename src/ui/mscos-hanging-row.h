/* mscos-hanging-row.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MSCOS_TYPE_HANGING_ROW (mscos_hanging_row_get_type ())

G_DECLARE_FINAL_TYPE (MscosHangingRow, mscos_hanging_row, MSCOS, HANGING_ROW, GtkWidget)

GtkWidget *mscos_hanging_row_new  (int         spacing);
void       mscos_hanging_row_add  (MscosHangingRow *self,
                                   GtkWidget       *child);

G_END_DECLS
