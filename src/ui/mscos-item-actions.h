/* mscos-item-actions.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-content-pack.h"
#include "mscos-item.h"
#include "mscos-library.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_ITEM_ACTIONS (mscos_item_actions_get_type ())

G_DECLARE_FINAL_TYPE (MscosItemActions, mscos_item_actions, MSCOS, ITEM_ACTIONS, GtkWidget)

void       mscos_item_actions_set_library (MscosItemActions *self,
                                           MscosLibrary     *library);
void       mscos_item_actions_set_pack   (MscosItemActions *self,
                                          MscosContentPack *pack);
void       mscos_item_actions_set_item   (MscosItemActions *self,
                                          MscosItem        *item);
MscosItem *mscos_item_actions_get_item   (MscosItemActions *self);
void       mscos_item_actions_edit_note  (MscosItemActions *self);

G_END_DECLS
