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

#include "mscos-change-label.h"
#include "mscos-blocks-view.h"
#include "mscos-hanging-row.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-profile-card.h"
#include "mscos-ui-utils.h"

/* A person: name, role, and their account or biography. The first block is shown; the rest,
 * which can be a long personal account, opens in place under Read More, as rows of the page
 * under the card. */

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
  MscosItemActions *actions;
};

G_DEFINE_FINAL_TYPE (MscosProfileCard, mscos_profile_card, MSCOS_TYPE_ITEM_CARD)

static void
more_toggled_cb (MscosProfileCard *self)
{
  mscos_item_card_toggled (MSCOS_ITEM_CARD (self), self->more_button);
}

static void
mscos_profile_card_bind (MscosItemCard *card,
                         MscosPageRow  *row)
{
  MscosProfileCard *self = MSCOS_PROFILE_CARD (card);
  MscosItem *item = mscos_page_row_get_item (row);
  MscosItem *old = mscos_page_row_get_old_item (row);
  GPtrArray *blocks = mscos_item_get_blocks (item);

  adw_avatar_set_text (self->avatar, mscos_item_get_title (item));
  mscos_change_label_set_words (self->name_label, mscos_item_get_title (item),
                                old ? mscos_item_get_title (old) : NULL);
  mscos_change_label_set_words (self->role_label, mscos_item_get_role (item),
                                old ? mscos_item_get_role (old) : NULL);
  mscos_blocks_view_set_block (self->lead_view, blocks && blocks->len > 0 ? g_ptr_array_index (blocks, 0) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), mscos_page_row_get_expandable (row));
  mscos_item_actions_set_item (self->actions, item);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mscos_item_get_title (item), -1);
  /* Every profile has the button: a screen reader says whose it is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mscos_item_get_title (item), -1);
}

static void
mscos_profile_card_unbind (MscosItemCard *card)
{
  mscos_item_actions_set_item (MSCOS_PROFILE_CARD (card)->actions, NULL);
}

static void
mscos_profile_card_expanded_changed (MscosItemCard *card,
                                     gboolean       expanded)
{
  MscosProfileCard *self = MSCOS_PROFILE_CARD (card);

  gtk_label_set_label (self->more_label, expanded ? _("Show Less") : _("Read More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expanded ? _("Show less") : _("Read more"), -1);
  mscos_item_card_show_expanded (card, self->more_button, self->more_icon, expanded);
}

static void
mscos_profile_card_constructed (GObject *object)
{
  MscosProfileCard *self = MSCOS_PROFILE_CARD (object);

  G_OBJECT_CLASS (mscos_profile_card_parent_class)->constructed (object);

  mscos_item_card_set_up_actions (MSCOS_ITEM_CARD (self), GTK_WIDGET (self->actions));
}

static void
mscos_profile_card_class_init (MscosProfileCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MscosItemCardClass *card_class = MSCOS_ITEM_CARD_CLASS (klass);

  object_class->constructed = mscos_profile_card_constructed;

  card_class->bind = mscos_profile_card_bind;
  card_class->unbind = mscos_profile_card_unbind;
  card_class->expanded_changed = mscos_profile_card_expanded_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-profile-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, box);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, role_label);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, lead_view);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, more_button);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, more_label);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, more_icon);
  gtk_widget_class_bind_template_child (widget_class, MscosProfileCard, actions);
  gtk_widget_class_bind_template_callback (widget_class, more_toggled_cb);
}

static void
mscos_profile_card_init (MscosProfileCard *self)
{
  g_type_ensure (MSCOS_TYPE_BLOCKS_VIEW);
  g_type_ensure (MSCOS_TYPE_HANGING_ROW);
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}
