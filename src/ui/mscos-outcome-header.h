/* mscos-outcome-header.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-outcome.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_OUTCOME_HEADER (mscos_outcome_header_get_type ())

G_DECLARE_FINAL_TYPE (MscosOutcomeHeader, mscos_outcome_header, MSCOS, OUTCOME_HEADER, GtkWidget)

void mscos_outcome_header_set_outcome (MscosOutcomeHeader *self,
                                       MscosOutcome       *outcome);

G_END_DECLS
