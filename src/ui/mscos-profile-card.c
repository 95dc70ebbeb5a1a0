/* mscos-profile-card.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-profile-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mscos-blocks-view.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-profile-card.h"
#include "mscos-ui-utils.h"

/* A person: name, role, and their account or biography. The first block is shown; the rest,
 * which can be a long personal account, opens in place under Read More. */

struct _MscosProfileCard
{
  MscosItemCard     parent_instance;

  GtkBox           *box;
  AdwAvatar        *avatar;
  GtkLabel         *name_label;
  GtkLabel         *role_label;
  MscosBlocksView  *lead_view;
  GtkToggleButton  *more_button;
  GtkLabel         *more_label;
  GtkImage         *more_icon;
  GtkRevealer      *revealer;
  GtkBox           *more_box;
  MscosItemActions *actions;

  gboolean          built;
};

G_DEFINE_FINAL_TYPE (MscosProfileCard, mscos_profile_card, MSCOS_TYPE_ITEM_CARD)

static void
build_more (MscosProfileCard *self)
{
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (self));
  GPtrArray *blocks = mscos_item_get_blocks (item);
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();
  GtkWidget *links_box;

  if (self->built)
    return;
  self->built = TRUE;

  for (guint i = 1; i < blocks->len; i++)
    g_ptr_array_add (rest, g_ptr_array_index (blocks, i));
  gtk_box_append (self->more_box, mscos_blocks_view_new (rest));

  links_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  mscos_links_box_fill (GTK_BOX (links_box), mscos_item_get_links (item));
  gtk_box_append (self->more_box, links_box);
}

static void
more_toggled_cb (MscosProfileCard *self)
{
  gboolean expanded = gtk_toggle_button_get_active (self->more_button);

  gtk_label_set_label (self->more_label, expanded ? _("Show Less") : _("Read More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expanded ? _("Show less") : _("Read more"), -1);

  if (expanded)
    build_more (self);
  mscos_disclosure_update (self->more_button, self->revealer, self->more_icon);
}

static void
mscos_profile_card_set_expanded (MscosItemCard *card,
                                 gboolean       expanded)
{
  MscosProfileCard *self = MSCOS_PROFILE_CARD (card);

  if (gtk_widget_get_visible (GTK_WIDGET (self->more_button)))
    gtk_toggle_button_set_active (self->more_button, expanded);
}

static void
mscos_profile_card_constructed (GObject *object)
{
  MscosProfileCard *self = MSCOS_PROFILE_CARD (object);
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (self));
  GPtrArray *blocks = mscos_item_get_blocks (item);
  GPtrArray *links = mscos_item_get_links (item);
  g_autoptr (GPtrArray) lead = g_ptr_array_new ();

  G_OBJECT_CLASS (mscos_profile_card_parent_class)->constructed (object);

  adw_avatar_set_text (self->avatar, mscos_item_get_title (item));
  gtk_label_set_text (self->name_label, mscos_item_get_title (item));
  mscos_text_label_set_text (self->role_label, mscos_item_get_role (item));
  g_ptr_array_add (lead, g_ptr_array_index (blocks, 0));
  mscos_blocks_view_set_blocks (self->lead_view, lead);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button),
                          blocks->len > 1 || (links != NULL && links->len > 0));
  mscos_item_actions_set_item (self->actions, item);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mscos_item_get_title (item), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->more_button),
                                  GTK_ACCESSIBLE_RELATION_CONTROLS, self->revealer, NULL, -1);
  mscos_disclosure_update (self->more_button, self->revealer, self->more_icon);
}

static void
mscos_profile_card_class_init (MscosProfileCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mscos_profile_card_constructed;
  MSCOS_ITEM_CARD_CLASS (klass)->set_expanded = mscos_profile_card_set_expanded;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-profile-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, box);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, role_label);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, lead_view);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, more_button);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, more_label);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, more_icon);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, revealer);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, more_box);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, actions);
  gtk_widget_class_bind_template_callback (widget_class, more_toggled_cb);
}

static void
mscos_profile_card_init (MscosProfileCard *self)
{
  g_type_ensure (MSCOS_TYPE_BLOCKS_VIEW);
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}
