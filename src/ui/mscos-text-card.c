/* mscos-text-card.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-text-card"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-change-label.h"
#include "mscos-blocks-view.h"
#include "mscos-hanging-row.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-text-card.h"
#include "mscos-ui-utils.h"

/* Paragraphs and lists that are no other kind of item: steps, instructions, facts. */

struct _MscosTextCard
{
  MscosItemCard     parent_instance;

  GtkBox           *box;
  GtkLabel         *title_label;
  MscosBlocksView  *body_view;
  GtkBox           *phones_box;
  GtkBox           *links_box;
  MscosItemActions *actions;
};

G_DEFINE_FINAL_TYPE (MscosTextCard, mscos_text_card, MSCOS_TYPE_ITEM_CARD)

static void
mscos_text_card_bind (MscosItemCard *card,
                      MscosPageRow  *row)
{
  MscosTextCard *self = MSCOS_TEXT_CARD (card);
  MscosItem *item = mscos_page_row_get_item (row);
  MscosItem *old = mscos_page_row_get_old_item (row);
  const char *title = mscos_item_get_title (item);

  mscos_change_label_set_words (self->title_label, title, old ? mscos_item_get_title (old) : NULL);
  mscos_blocks_view_set_compared_blocks (self->body_view, mscos_item_get_blocks (item),
                                         old ? mscos_item_get_blocks (old) : NULL);
  mscos_links_box_fill (self->links_box, mscos_item_get_links (item));
  mscos_item_card_show_phones (card, self->phones_box, item);
  mscos_item_actions_set_item (self->actions, item);

  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->box), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
mscos_text_card_unbind (MscosItemCard *card)
{
  MscosTextCard *self = MSCOS_TEXT_CARD (card);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_box_remove (self->links_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), FALSE);
  mscos_item_card_show_phones (card, self->phones_box, NULL);
  mscos_item_actions_set_item (self->actions, NULL);
}

static void
mscos_text_card_constructed (GObject *object)
{
  MscosTextCard *self = MSCOS_TEXT_CARD (object);

  G_OBJECT_CLASS (mscos_text_card_parent_class)->constructed (object);

  mscos_item_card_set_up_actions (MSCOS_ITEM_CARD (self), GTK_WIDGET (self->actions));
}

static void
mscos_text_card_class_init (MscosTextCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MscosItemCardClass *card_class = MSCOS_ITEM_CARD_CLASS (klass);

  object_class->constructed = mscos_text_card_constructed;

  card_class->bind = mscos_text_card_bind;
  card_class->unbind = mscos_text_card_unbind;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-text-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosTextCard, box);
  gtk_widget_class_bind_template_child (widget_class, MscosTextCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosTextCard, body_view);
  gtk_widget_class_bind_template_child (widget_class, MscosTextCard, phones_box);
  gtk_widget_class_bind_template_child (widget_class, MscosTextCard, links_box);
  gtk_widget_class_bind_template_child (widget_class, MscosTextCard, actions);
}

static void
mscos_text_card_init (MscosTextCard *self)
{
  g_type_ensure (MSCOS_TYPE_BLOCKS_VIEW);
  g_type_ensure (MSCOS_TYPE_HANGING_ROW);
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}
