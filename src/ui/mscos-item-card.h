/* mscos-item-card.h
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
#include "mscos-page-row.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_ITEM_CARD (mscos_item_card_get_type ())

G_DECLARE_DERIVABLE_TYPE (MscosItemCard, mscos_item_card, MSCOS, ITEM_CARD, GtkWidget)

/* What an item's row on an outcome page shows. Subclasses show one kind each. A card shows
 * one row at a time and is given others as the list view reuses it: bind() shows the row's
 * item, unbind() undoes what bind() did, and expanded_changed() follows the row's item as it
 * opens and closes (the rows of what it shows are the page's, not the card's). */
struct _MscosItemCardClass
{
  GtkWidgetClass parent_class;

  void (*bind)             (MscosItemCard *self,
                            MscosPageRow  *row);
  void (*unbind)           (MscosItemCard *self);
  void (*expanded_changed) (MscosItemCard *self,
                            gboolean       expanded);
};

GType             mscos_item_card_type_for_item    (MscosItem       *item);
MscosPageRow     *mscos_item_card_get_row          (MscosItemCard   *self);
void              mscos_item_card_set_row          (MscosItemCard   *self,
                                                    MscosPageRow    *row);
MscosItem        *mscos_item_card_get_item         (MscosItemCard   *self);
MscosLibrary     *mscos_item_card_get_library      (MscosItemCard   *self);
MscosContentPack *mscos_item_card_get_pack         (MscosItemCard   *self);
void              mscos_item_card_set_up_actions   (MscosItemCard   *self,
                                                    GtkWidget       *actions);
void              mscos_item_card_show_expanded    (MscosItemCard   *self,
                                                    GtkToggleButton *button,
                                                    GtkImage        *icon,
                                                    gboolean         expanded);
void              mscos_item_card_toggled          (MscosItemCard   *self,
                                                    GtkToggleButton *button);
void              mscos_item_card_show_phones      (MscosItemCard   *self,
                                                    GtkBox          *box,
                                                    MscosItem       *item);

G_END_DECLS
