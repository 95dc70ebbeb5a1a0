/* mscos-resource-card.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-resource-card"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-change-label.h"
#include "mscos-hanging-row.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-resource-card.h"
#include "mscos-ui-utils.h"

/* A report, organisation, helpline or programme: what the website showed on the page, and
 * Find Out More, which opens in place everything its pop-up held — the full text, its links
 * and the quotations and recommendation sets that belong to it. Those are rows of the page
 * under the card, drawn inside it. */

struct _MscosResourceCard
{
  MscosItemCard     parent_instance;

  GtkBox           *box;
  GtkLabel         *type_label;
  GtkLabel         *organisation_label;
  GtkLabel         *title_label;
  GtkLabel         *summary_label;
  GtkBox           *phones_box;
  GtkToggleButton  *more_button;
  GtkLabel         *more_label;
  GtkImage         *more_icon;
  MscosItemActions *actions;
};

G_DEFINE_FINAL_TYPE (MscosResourceCard, mscos_resource_card, MSCOS_TYPE_ITEM_CARD)

static void
more_toggled_cb (MscosResourceCard *self)
{
  mscos_item_card_toggled (MSCOS_ITEM_CARD (self), self->more_button);
}

static void
mscos_resource_card_bind (MscosItemCard *card,
                          MscosPageRow  *row)
{
  MscosResourceCard *self = MSCOS_RESOURCE_CARD (card);
  MscosItem *item = mscos_page_row_get_item (row);
  MscosItem *old = mscos_page_row_get_old_item (row);
  const char *type = mscos_item_get_resource_type (item);

  gtk_label_set_text (self->type_label, mscos_item_get_resource_type_name (type));
  mscos_change_label_set_words (self->organisation_label, mscos_item_get_organisation (item),
                                old ? mscos_item_get_organisation (old) : NULL);
  mscos_change_label_set_words (self->title_label, mscos_item_get_title (item),
                                old ? mscos_item_get_title (old) : NULL);
  mscos_change_label_set_words (self->summary_label, mscos_item_get_summary (item),
                                old ? mscos_item_get_summary (old) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), mscos_page_row_get_expandable (row));
  mscos_item_card_show_phones (card, self->phones_box, item);
  mscos_item_actions_set_item (self->actions, item);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mscos_item_get_title (item), -1);
  /* Every resource has the button: a screen reader says which one it opens. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mscos_item_get_title (item), -1);
}

static void
mscos_resource_card_unbind (MscosItemCard *card)
{
  MscosResourceCard *self = MSCOS_RESOURCE_CARD (card);

  mscos_item_card_show_phones (card, self->phones_box, NULL);
  mscos_item_actions_set_item (self->actions, NULL);
}

static void
mscos_resource_card_expanded_changed (MscosItemCard *card,
                                      gboolean       expanded)
{
  MscosResourceCard *self = MSCOS_RESOURCE_CARD (card);

  gtk_label_set_label (self->more_label, expanded ? _("Show Less") : _("Find Out More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expanded ? _("Show less") : _("Find out more"), -1);
  mscos_item_card_show_expanded (card, self->more_button, self->more_icon, expanded);
}

static void
mscos_resource_card_constructed (GObject *object)
{
  MscosResourceCard *self = MSCOS_RESOURCE_CARD (object);

  G_OBJECT_CLASS (mscos_resource_card_parent_class)->constructed (object);

  mscos_item_card_set_up_actions (MSCOS_ITEM_CARD (self), GTK_WIDGET (self->actions));
}

static void
mscos_resource_card_class_init (MscosResourceCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MscosItemCardClass *card_class = MSCOS_ITEM_CARD_CLASS (klass);

  object_class->constructed = mscos_resource_card_constructed;

  card_class->bind = mscos_resource_card_bind;
  card_class->unbind = mscos_resource_card_unbind;
  card_class->expanded_changed = mscos_resource_card_expanded_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-resource-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, box);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, type_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, phones_box);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, more_button);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, more_label);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, more_icon);
  gtk_widget_class_bind_template_child (widget_class, MscosResourceCard, actions);
  gtk_widget_class_bind_template_callback (widget_class, more_toggled_cb);
}

static void
mscos_resource_card_init (MscosResourceCard *self)
{
  g_type_ensure (MSCOS_TYPE_HANGING_ROW);
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}
