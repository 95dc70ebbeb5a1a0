/* mscos-outcome-row.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-content-pack.h"
#include "mscos-library.h"
#include "mscos-page-row.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_OUTCOME_ROW (mscos_outcome_row_get_type ())

G_DECLARE_FINAL_TYPE (MscosOutcomeRow, mscos_outcome_row, MSCOS, OUTCOME_ROW, GtkWidget)

GtkWidget    *mscos_outcome_row_new      (MscosLibrary     *library,
                                          MscosContentPack *pack,
                                          GHashTable       *media_streams);
MscosPageRow *mscos_outcome_row_get_row  (MscosOutcomeRow  *self);
void          mscos_outcome_row_set_row  (MscosOutcomeRow  *self,
                                          MscosPageRow     *row);
void          mscos_outcome_row_set_text_scale (MscosOutcomeRow *self,
                                                double           scale);
gboolean      mscos_outcome_row_focus_control (MscosOutcomeRow *self,
                                               gboolean         forward);

G_END_DECLS
