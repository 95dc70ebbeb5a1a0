/* mscos-search-panel.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-session.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_SEARCH_PANEL (mscos_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (MscosSearchPanel, mscos_search_panel, MSCOS, SEARCH_PANEL, GtkWidget)

MscosSession   *mscos_search_panel_get_session   (MscosSearchPanel *self);
void            mscos_search_panel_set_session   (MscosSearchPanel *self,
                                                  MscosSession     *session);
GtkSearchEntry *mscos_search_panel_get_entry     (MscosSearchPanel *self);
void            mscos_search_panel_set_entry     (MscosSearchPanel *self,
                                                  GtkSearchEntry   *entry);
gboolean        mscos_search_panel_get_enabled   (MscosSearchPanel *self);
void            mscos_search_panel_set_enabled   (MscosSearchPanel *self,
                                                  gboolean          enabled);
gboolean        mscos_search_panel_get_showing   (MscosSearchPanel *self);

G_END_DECLS
