/* mscos-outcome-page.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-content-pack.h"
#include "mscos-library.h"
#include "mscos-outcome.h"
#include "mscos-pack-diff.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_OUTCOME_PAGE (mscos_outcome_page_get_type ())

G_DECLARE_FINAL_TYPE (MscosOutcomePage, mscos_outcome_page, MSCOS, OUTCOME_PAGE, GtkWidget)

GtkWidget    *mscos_outcome_page_new            (MscosOutcome     *outcome,
                                                 MscosContentPack *pack,
                                                 MscosLibrary     *library);
MscosOutcome *mscos_outcome_page_get_outcome    (MscosOutcomePage *self);
gboolean      mscos_outcome_page_reveal_item    (MscosOutcomePage *self,
                                                 MscosItem        *item);
gboolean      mscos_outcome_page_reveal_section (MscosOutcomePage *self,
                                                 const char       *section_id);
void          mscos_outcome_page_set_expanded   (MscosOutcomePage *self,
                                                 gboolean          expanded);
void          mscos_outcome_page_scroll_to_top  (MscosOutcomePage *self);

G_END_DECLS
