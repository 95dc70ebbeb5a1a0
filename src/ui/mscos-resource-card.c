/* mscos-resource-card.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-resource-card"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-blocks-view.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-resource-card.h"
#include "mscos-ui-utils.h"

/* A report, organisation, helpline or programme: what the website showed on the page, and
 * under Find Out More, in place, everything its pop-up held — the full text, its links and
 * the quotations and recommendation sets that belong to it. That part is built the first
 * time it is opened. */

struct _MscosResourceCard
{
  MscosItemCard     parent_instance;

  GtkBox           *box;
  GtkLabel         *type_label;
  GtkLabel         *organisation_label;
  GtkLabel         *title_label;
  GtkLabel         *summary_label;
  GtkToggleButton  *more_button;
  GtkLabel         *more_label;
  GtkImage         *more_icon;
  GtkRevealer      *revealer;
  GtkBox           *more_box;
  MscosItemActions *actions;

  GPtrArray        *child_cards;
  gboolean          built;
};

G_DEFINE_FINAL_TYPE (MscosResourceCard, mscos_resource_card, MSCOS_TYPE_ITEM_CARD)

static gboolean
has_more (MscosItem *item)
{
  GPtrArray *blocks = mscos_item_get_blocks (item);
  GPtrArray *links = mscos_item_get_links (item);

  return (blocks != NULL && blocks->len > 0)
         || (links != NULL && links->len > 0)
         || g_list_model_get_n_items (mscos_item_get_children (item)) > 0;
}

static void
build_more (MscosResourceCard *self)
{
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (self));
  GListModel *children = mscos_item_get_children (item);
  GtkWidget *links_box;
  guint n;

  if (self->built)
    return;
  self->built = TRUE;

  if (mscos_item_get_blocks (item) != NULL)
    gtk_box_append (self->more_box, mscos_blocks_view_new (mscos_item_get_blocks (item)));

  links_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  mscos_links_box_fill (GTK_BOX (links_box), mscos_item_get_links (item));
  gtk_box_append (self->more_box, links_box);
  gtk_widget_set_visible (links_box, mscos_item_get_links (item) != NULL
                                     && mscos_item_get_links (item)->len > 0);

  n = g_list_model_get_n_items (children);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) child = g_list_model_get_item (children, i);
      GtkWidget *card = mscos_item_card_new_for_item (child);

      gtk_widget_add_css_class (card, "nested-card");
      gtk_box_append (self->more_box, card);
      g_ptr_array_add (self->child_cards, card);
    }
}

static void
more_toggled_cb (MscosResourceCard *self)
{
  gboolean expanded = gtk_toggle_button_get_active (self->more_button);

  gtk_label_set_label (self->more_label, expanded ? _("Show Less") : _("Find Out More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expanded ? _("Show less") : _("Find out more"), -1);

  if (expanded)
    build_more (self);
  mscos_disclosure_update (self->more_button, self->revealer, self->more_icon);
}

static GtkWidget *
mscos_resource_card_reveal (MscosItemCard *card,
                            MscosItem     *item)
{
  MscosResourceCard *self = MSCOS_RESOURCE_CARD (card);

  if (item == mscos_item_card_get_item (card))
    return GTK_WIDGET (self);

  mscos_disclosure_open_at_once (self->more_button, self->revealer);
  for (guint i = 0; i < self->child_cards->len; i++)
    {
      GtkWidget *found = mscos_item_card_reveal (g_ptr_array_index (self->child_cards, i), item);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
mscos_resource_card_set_expanded (MscosItemCard *card,
                                  gboolean       expanded)
{
  MscosResourceCard *self = MSCOS_RESOURCE_CARD (card);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->more_button)))
    return;

  gtk_toggle_button_set_active (self->more_button, expanded);
  for (guint i = 0; i < self->child_cards->len; i++)
    mscos_item_card_set_expanded (g_ptr_array_index (self->child_cards, i), expanded);
}

static void
mscos_resource_card_constructed (GObject *object)
{
  MscosResourceCard *self = MSCOS_RESOURCE_CARD (object);
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (self));

  G_OBJECT_CLASS (mscos_resource_card_parent_class)->constructed (object);

  gtk_label_set_text (self->type_label, mscos_resource_type_name (mscos_item_get_resource_type (item)));
  mscos_text_label_set_text (self->organisation_label, mscos_item_get_organisation (item));
  gtk_label_set_text (self->title_label, mscos_item_get_title (item));
  gtk_label_set_text (self->summary_label, mscos_item_get_summary (item));
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), has_more (item));
  mscos_item_actions_set_item (self->actions, item);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mscos_item_get_title (item), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->more_button),
                                  GTK_ACCESSIBLE_RELATION_CONTROLS, self->revealer, NULL, -1);
  mscos_disclosure_update (self->more_button, self->revealer, self->more_icon);
}

static void
mscos_resource_card_finalize (GObject *object)
{
  MscosResourceCard *self = MSCOS_RESOURCE_CARD (object);

  g_clear_pointer (&self->child_cards, g_ptr_array_unref);

  G_OBJECT_CLASS (mscos_resource_card_parent_class)->finalize (object);
}

static void
mscos_resource_card_class_init (MscosResourceCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MscosItemCardClass *card_class = MSCOS_ITEM_CARD_CLASS (klass);

  object_class->constructed = mscos_resource_card_constructed;
  object_class->finalize = mscos_resource_card_finalize;

  card_class->reveal = mscos_resource_card_reveal;
  card_class->set_expanded = mscos_resource_card_set_expanded;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-resource-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, box);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, type_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, more_button);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, more_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, more_icon);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, revealer);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, more_box);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, actions);
  gtk_widget_class_bind_template_callback (widget_class, more_toggled_cb);
}

static void
mscos_resource_card_init (MscosResourceCard *self)
{
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The cards hold no references: the box owns them. */
  self->child_cards = g_ptr_array_new ();
}
