/* mscos-item-card.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-item.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_ITEM_CARD (mscos_item_card_get_type ())

G_DECLARE_DERIVABLE_TYPE (MscosItemCard, mscos_item_card, MSCOS, ITEM_CARD, GtkWidget)

/* The widget of one item on an outcome page. Subclasses show one kind each; those with
 * content shown on demand (resources, recommendation sets) override reveal() and
 * set_expanded(). */
struct _MscosItemCardClass
{
  GtkWidgetClass parent_class;

  GtkWidget *(*reveal)       (MscosItemCard *self,
                              MscosItem     *item);
  void       (*set_expanded) (MscosItemCard *self,
                              gboolean       expanded);
};

GtkWidget *mscos_item_card_new_for_item  (MscosItem     *item);
MscosItem *mscos_item_card_get_item      (MscosItemCard *self);
GtkWidget *mscos_item_card_reveal        (MscosItemCard *self,
                                          MscosItem     *item);
void       mscos_item_card_set_expanded  (MscosItemCard *self,
                                          gboolean       expanded);
void       mscos_widget_highlight        (GtkWidget     *widget);

G_END_DECLS
