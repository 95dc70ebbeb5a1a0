/* mscos-sidebar-item.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-outcome.h"

G_BEGIN_DECLS

typedef enum
{
  MSCOS_SIDEBAR_OUTCOME,
  MSCOS_SIDEBAR_BOOKMARKS,
  MSCOS_SIDEBAR_NOTES,
  /* While reviewing: the Changes page */
  MSCOS_SIDEBAR_CHANGES,
} MscosSidebarPlace;

#define MSCOS_TYPE_SIDEBAR_ITEM (mscos_sidebar_item_get_type ())

G_DECLARE_FINAL_TYPE (MscosSidebarItem, mscos_sidebar_item, MSCOS, SIDEBAR_ITEM, GObject)

MscosSidebarItem  *mscos_sidebar_item_new_for_outcome  (MscosOutcome      *outcome,
                                                        const char        *section_title);
MscosSidebarItem  *mscos_sidebar_item_new_for_place    (MscosSidebarPlace  place,
                                                        const char        *title,
                                                        const char        *icon_name,
                                                        const char        *section_title);
MscosSidebarPlace  mscos_sidebar_item_get_place        (MscosSidebarItem  *self);
MscosOutcome      *mscos_sidebar_item_get_outcome      (MscosSidebarItem  *self);
const char        *mscos_sidebar_item_get_title        (MscosSidebarItem  *self);
void               mscos_sidebar_item_set_changes      (MscosSidebarItem  *self,
                                                        const char        *changes);

G_END_DECLS
