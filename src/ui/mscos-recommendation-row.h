/* mscos-recommendation-row.h
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

#define MSCOS_TYPE_RECOMMENDATION_ROW (mscos_recommendation_row_get_type ())

G_DECLARE_FINAL_TYPE (MscosRecommendationRow, mscos_recommendation_row, MSCOS, RECOMMENDATION_ROW, GtkWidget)

GtkWidget *mscos_recommendation_row_new      (MscosLibrary           *library,
                                              MscosContentPack       *pack);
void       mscos_recommendation_row_set_row  (MscosRecommendationRow *self,
                                              MscosPageRow           *row);

G_END_DECLS
