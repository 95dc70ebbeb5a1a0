/* mscos-change-label.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-page-row.h"
#include "mscos-review-quote.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_CHANGE_LABEL (mscos_change_label_get_type ())

G_DECLARE_FINAL_TYPE (MscosChangeLabel, mscos_change_label, MSCOS, CHANGE_LABEL, GtkWidget)

GtkWidget        *mscos_change_label_new         (void);
void              mscos_change_label_set_row     (MscosChangeLabel *self,
                                                  MscosPageRow     *row);
char             *mscos_change_label_dup_summary (MscosPageRow     *row);
void              mscos_change_label_set_words   (GtkLabel         *label,
                                                  const char       *text,
                                                  const char       *old_text);
MscosReviewQuote *mscos_change_label_dup_quote   (GtkLabel         *label);

G_END_DECLS
