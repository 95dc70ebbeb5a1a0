/* mscos-item-card.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-item-card"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-audio-card.h"
#include "mscos-change-label.h"
#include "mscos-item-actions.h"
#include "mscos-item-card.h"
#include "mscos-profile-card.h"
#include "mscos-quote-card.h"
#include "mscos-recommendation-set.h"
#include "mscos-resource-card.h"
#include "mscos-text-card.h"
#include "mscos-ui-utils.h"

typedef struct
{
  MscosLibrary     *library;
  MscosContentPack *pack;
  MscosPageRow     *row;
  GSignalGroup     *row_signals;
  /* the card's bookmark and note buttons (not a reference: a child of the card) */
  GtkWidget        *actions;
  /* Whether the card's accessible description says what changed in its item. */
  gboolean          described;
  /* Set while a disclosure button is brought in line with the row, so that doing so is not
   * taken for the user's click. */
  gboolean          updating;
} MscosItemCardPrivate;

static void mscos_item_card_accessible_init (GtkAccessibleInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (MscosItemCard, mscos_item_card, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (MscosItemCard)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_ACCESSIBLE,
                                                         mscos_item_card_accessible_init))

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_PACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
row_expanded_changed_cb (MscosItemCard *self)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  MSCOS_ITEM_CARD_GET_CLASS (self)->expanded_changed (self, mscos_page_row_get_expanded (priv->row));
}

static void
copy_number_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  mscos_widget_copy_text (widget, g_variant_get_string (parameter, NULL), _("Number copied"));
}

/* A telephone number: what it is, the number as selectable text, and a button that copies it.
 * There is no tel: link: the link policy has none, and a number read off the screen is what
 * a caller dials. The button is at the end of the number's line, or under the number when
 * the two do not fit side by side (large text in a narrow window): in a box, the button took
 * its whole width and left the number a digit a line, and its width, wider than the page at
 * 300 % text, made the card be measured for more width than it has. */
static GtkWidget *
create_phone_row (const MscosPhone *phone)
{
  GtkWidget *row = adw_wrap_box_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = mscos_text_label_new (phone->title, NULL);
  GtkWidget *number = mscos_text_label_new (phone->number, "title-4");
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_wrap_box_set_child_spacing (ADW_WRAP_BOX (row), 12);
  adw_wrap_box_set_line_spacing (ADW_WRAP_BOX (row), 6);
  /* The button at the end of the line, as in a box whose number expands. */
  adw_wrap_box_set_justify (ADW_WRAP_BOX (row), ADW_JUSTIFY_SPREAD);
  adw_wrap_box_set_justify_last_line (ADW_WRAP_BOX (row), TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), number);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "edit-copy-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Copy Number"));
  adw_button_content_set_can_shrink (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Alone on its line, the button is as wide as its label, not the line. */
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "card.copy-number");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (phone->number));
  /* Its label is the button content's; the description says whose number it copies. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, phone->title, -1);

  adw_wrap_box_append (ADW_WRAP_BOX (row), text);
  adw_wrap_box_append (ADW_WRAP_BOX (row), button);

  return row;
}

/* While reviewing, the card (its first child, the group that screen readers name after the
 * item) says what changed in its item: "New", "Moved: from Voices". */
static void
describe_change (MscosItemCard *self,
                 MscosPageRow  *row)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);
  GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self));
  g_autofree char *summary = row ? mscos_change_label_dup_summary (row) : NULL;

  if (group == NULL || (summary == NULL && !priv->described))
    return;

  if (summary != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    summary, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  priv->described = summary != NULL;
}

static void
mscos_item_card_real_bind (MscosItemCard *self,
                           MscosPageRow  *row)
{
}

static void
mscos_item_card_real_unbind (MscosItemCard *self)
{
}

static void
mscos_item_card_real_expanded_changed (MscosItemCard *self,
                                       gboolean       expanded)
{
}

static void
mscos_item_card_dispose (GObject *object)
{
  MscosItemCard *self = MSCOS_ITEM_CARD (object);
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  mscos_item_card_set_row (self, NULL);
  mscos_widget_unparent_children (GTK_WIDGET (object));
  g_clear_object (&priv->row_signals);
  g_clear_object (&priv->library);
  g_clear_object (&priv->pack);

  G_OBJECT_CLASS (mscos_item_card_parent_class)->dispose (object);
}

static void
mscos_item_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (MSCOS_ITEM_CARD (object));

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, priv->library);
      break;

    case PROP_PACK:
      g_value_set_object (value, priv->pack);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_item_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (MSCOS_ITEM_CARD (object));

  switch (prop_id)
    {
    case PROP_LIBRARY:
      priv->library = g_value_dup_object (value);
      break;

    case PROP_PACK:
      priv->pack = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A card lies inside the page's card frames, whose padding and border GTK leaves out of its
 * children's accessible positions: see mscos_widget_accessible_get_bounds(). */
static void
mscos_item_card_accessible_init (GtkAccessibleInterface *iface)
{
  iface->get_bounds = mscos_widget_accessible_get_bounds;
}

static void
mscos_item_card_class_init (MscosItemCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mscos_item_card_dispose;
  object_class->get_property = mscos_item_card_get_property;
  object_class->set_property = mscos_item_card_set_property;

  klass->bind = mscos_item_card_real_bind;
  klass->unbind = mscos_item_card_real_unbind;
  klass->expanded_changed = mscos_item_card_real_expanded_changed;

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "card.copy-number", "s", copy_number_cb);

  /**
   * MscosItemCard:library:
   *
   * The user's library, for the bookmark and note buttons.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         MSCOS_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * MscosItemCard:pack:
   *
   * The content pack the items are from.
   */
  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         MSCOS_TYPE_CONTENT_PACK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_item_card_init (MscosItemCard *self)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  priv->row_signals = g_signal_group_new (MSCOS_TYPE_PAGE_ROW);
  g_signal_group_connect_object (priv->row_signals, "notify::expanded",
                                 G_CALLBACK (row_expanded_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * mscos_item_card_type_for_item:
 * @item: an item of a section or a resource
 *
 * Returns: the type of card that shows @item's kind
 */
GType
mscos_item_card_type_for_item (MscosItem *item)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (item), G_TYPE_INVALID);

  switch (mscos_item_get_kind (item))
    {
    case MSCOS_ITEM_QUOTE:
      return MSCOS_TYPE_QUOTE_CARD;

    case MSCOS_ITEM_AUDIO:
      return MSCOS_TYPE_AUDIO_CARD;

    case MSCOS_ITEM_RESOURCE:
      return MSCOS_TYPE_RESOURCE_CARD;

    case MSCOS_ITEM_RECOMMENDATIONS:
      return MSCOS_TYPE_RECOMMENDATION_SET;

    case MSCOS_ITEM_PROFILE:
      return MSCOS_TYPE_PROFILE_CARD;

    case MSCOS_ITEM_TEXT:
      return MSCOS_TYPE_TEXT_CARD;

    case MSCOS_ITEM_GROUP:
    case MSCOS_ITEM_RECOMMENDATION:
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

/**
 * mscos_item_card_get_row:
 *
 * Returns: (transfer none) (nullable): the row shown
 */
MscosPageRow *
mscos_item_card_get_row (MscosItemCard *self)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  g_return_val_if_fail (MSCOS_IS_ITEM_CARD (self), NULL);

  return priv->row;
}

/**
 * mscos_item_card_set_row:
 * @row: (nullable): an item row of an outcome page, of the card's kind
 *
 * Shows @row, or nothing.
 */
void
mscos_item_card_set_row (MscosItemCard *self,
                         MscosPageRow  *row)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  g_return_if_fail (MSCOS_IS_ITEM_CARD (self));
  g_return_if_fail (row == NULL || MSCOS_IS_PAGE_ROW (row));

  if (priv->row == row)
    return;

  if (priv->row != NULL)
    MSCOS_ITEM_CARD_GET_CLASS (self)->unbind (self);

  g_set_object (&priv->row, row);
  g_signal_group_set_target (priv->row_signals, row);

  if (row != NULL)
    {
      MSCOS_ITEM_CARD_GET_CLASS (self)->bind (self, row);
      MSCOS_ITEM_CARD_GET_CLASS (self)->expanded_changed (self, mscos_page_row_get_expanded (row));
      /* A removed item, shown while reviewing, is the base pack's: nothing to bookmark or
       * note. */
      if (priv->actions != NULL)
        gtk_widget_set_visible (priv->actions, !mscos_page_row_is_removed (row));
      describe_change (self, row);
    }
}

/**
 * mscos_item_card_get_item:
 *
 * Returns: (transfer none) (nullable): the item shown
 */
MscosItem *
mscos_item_card_get_item (MscosItemCard *self)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  g_return_val_if_fail (MSCOS_IS_ITEM_CARD (self), NULL);

  return priv->row ? mscos_page_row_get_item (priv->row) : NULL;
}

/**
 * mscos_item_card_get_library:
 *
 * Returns: (transfer none) (nullable): the user's library
 */
MscosLibrary *
mscos_item_card_get_library (MscosItemCard *self)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  g_return_val_if_fail (MSCOS_IS_ITEM_CARD (self), NULL);

  return priv->library;
}

/**
 * mscos_item_card_get_pack:
 *
 * Returns: (transfer none) (nullable): the content pack
 */
MscosContentPack *
mscos_item_card_get_pack (MscosItemCard *self)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  g_return_val_if_fail (MSCOS_IS_ITEM_CARD (self), NULL);

  return priv->pack;
}

/**
 * mscos_item_card_set_up_actions:
 * @actions: the card's #MscosItemActions
 *
 * Gives the card's bookmark and note buttons the library and pack the card was given.
 */
void
mscos_item_card_set_up_actions (MscosItemCard *self,
                                GtkWidget     *actions)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  g_return_if_fail (MSCOS_IS_ITEM_CARD (self));
  g_return_if_fail (MSCOS_IS_ITEM_ACTIONS (actions));

  priv->actions = actions;
  mscos_item_actions_set_library (MSCOS_ITEM_ACTIONS (actions), priv->library);
  mscos_item_actions_set_pack (MSCOS_ITEM_ACTIONS (actions), priv->pack);
}

/**
 * mscos_item_card_show_expanded:
 * @button: the card's disclosure button
 * @icon: (nullable): its arrow
 *
 * Brings @button, @icon and the button's accessible state in line with the item being open
 * or closed.
 */
void
mscos_item_card_show_expanded (MscosItemCard   *self,
                               GtkToggleButton *button,
                               GtkImage        *icon,
                               gboolean         expanded)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  g_return_if_fail (MSCOS_IS_ITEM_CARD (self));

  priv->updating = TRUE;
  gtk_toggle_button_set_active (button, expanded);
  priv->updating = FALSE;

  if (icon != NULL)
    gtk_image_set_from_icon_name (icon, expanded ? "pan-up-symbolic" : "pan-down-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

/**
 * mscos_item_card_toggled:
 * @button: the card's disclosure button, just toggled
 *
 * Opens or closes the row's item as the user asked with @button.
 */
void
mscos_item_card_toggled (MscosItemCard   *self,
                         GtkToggleButton *button)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  g_return_if_fail (MSCOS_IS_ITEM_CARD (self));

  if (priv->updating || priv->row == NULL)
    return;

  mscos_page_row_set_expanded (priv->row, gtk_toggle_button_get_active (button));
}

/**
 * mscos_item_card_show_phones:
 * @box: a vertical box of the card's, for the item's telephone numbers
 * @item: (nullable): the item, or %NULL to empty @box
 *
 * Shows the telephone numbers of @item in @box, each selectable and with a button that copies
 * it; hides @box when there are none.
 */
void
mscos_item_card_show_phones (MscosItemCard *self,
                             GtkBox        *box,
                             MscosItem     *item)
{
  GPtrArray *phones = item ? mscos_item_get_phones (item) : NULL;
  GtkWidget *child;

  g_return_if_fail (MSCOS_IS_ITEM_CARD (self));
  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  for (guint i = 0; phones != NULL && i < phones->len; i++)
    gtk_box_append (box, create_phone_row (g_ptr_array_index (phones, i)));

  gtk_widget_set_visible (GTK_WIDGET (box), phones != NULL && phones->len > 0);
}
