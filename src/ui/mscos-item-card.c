/* mscos-item-card.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-item-card"

#include "config.h"

#include "mscos-audio-card.h"
#include "mscos-item-card.h"
#include "mscos-profile-card.h"
#include "mscos-quote-card.h"
#include "mscos-recommendation-set.h"
#include "mscos-resource-card.h"
#include "mscos-text-card.h"
#include "mscos-ui-utils.h"

#define HIGHLIGHT_SECONDS 3

typedef struct
{
  MscosItem *item;
} MscosItemCardPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MscosItemCard, mscos_item_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
remove_highlight_cb (gpointer data)
{
  gtk_widget_remove_css_class (data, "highlighted");

  return G_SOURCE_REMOVE;
}

static GtkWidget *
mscos_item_card_real_reveal (MscosItemCard *self,
                             MscosItem     *item)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  return item == priv->item ? GTK_WIDGET (self) : NULL;
}

static void
mscos_item_card_real_set_expanded (MscosItemCard *self,
                                   gboolean       expanded)
{
}

static void
mscos_item_card_dispose (GObject *object)
{
  mscos_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (mscos_item_card_parent_class)->dispose (object);
}

static void
mscos_item_card_finalize (GObject *object)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (MSCOS_ITEM_CARD (object));

  g_clear_object (&priv->item);

  G_OBJECT_CLASS (mscos_item_card_parent_class)->finalize (object);
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
    case PROP_ITEM:
      g_value_set_object (value, priv->item);
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
    case PROP_ITEM:
      priv->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_item_card_class_init (MscosItemCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mscos_item_card_dispose;
  object_class->finalize = mscos_item_card_finalize;
  object_class->get_property = mscos_item_card_get_property;
  object_class->set_property = mscos_item_card_set_property;

  klass->reveal = mscos_item_card_real_reveal;
  klass->set_expanded = mscos_item_card_real_set_expanded;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         MSCOS_TYPE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_item_card_init (MscosItemCard *self)
{
}

/**
 * mscos_item_card_new_for_item:
 * @item: an item of a section or a resource
 *
 * Returns: (transfer floating): the card that shows @item's kind
 */
GtkWidget *
mscos_item_card_new_for_item (MscosItem *item)
{
  GType type;

  g_return_val_if_fail (MSCOS_IS_ITEM (item), NULL);

  switch (mscos_item_get_kind (item))
    {
    case MSCOS_ITEM_QUOTE:
      type = MSCOS_TYPE_QUOTE_CARD;
      break;

    case MSCOS_ITEM_AUDIO:
      type = MSCOS_TYPE_AUDIO_CARD;
      break;

    case MSCOS_ITEM_RESOURCE:
      type = MSCOS_TYPE_RESOURCE_CARD;
      break;

    case MSCOS_ITEM_RECOMMENDATIONS:
      type = MSCOS_TYPE_RECOMMENDATION_SET;
      break;

    case MSCOS_ITEM_PROFILE:
      type = MSCOS_TYPE_PROFILE_CARD;
      break;

    case MSCOS_ITEM_TEXT:
      type = MSCOS_TYPE_TEXT_CARD;
      break;

    case MSCOS_ITEM_GROUP:
    case MSCOS_ITEM_RECOMMENDATION:
    default:
      g_return_val_if_reached (NULL);
    }

  return g_object_new (type, "item", item, NULL);
}

/**
 * mscos_item_card_get_item:
 *
 * Returns: (transfer none): the item shown
 */
MscosItem *
mscos_item_card_get_item (MscosItemCard *self)
{
  MscosItemCardPrivate *priv = mscos_item_card_get_instance_private (self);

  g_return_val_if_fail (MSCOS_IS_ITEM_CARD (self), NULL);

  return priv->item;
}

/**
 * mscos_item_card_reveal:
 * @item: the card's item or an item nested in it
 *
 * Expands whatever holds @item so that it is shown.
 *
 * Returns: (transfer none) (nullable): the widget that shows @item
 */
GtkWidget *
mscos_item_card_reveal (MscosItemCard *self,
                        MscosItem     *item)
{
  g_return_val_if_fail (MSCOS_IS_ITEM_CARD (self), NULL);
  g_return_val_if_fail (MSCOS_IS_ITEM (item), NULL);

  return MSCOS_ITEM_CARD_GET_CLASS (self)->reveal (self, item);
}

/**
 * mscos_item_card_set_expanded:
 *
 * Expands or collapses what the card shows on demand, for Expand All and Collapse All.
 */
void
mscos_item_card_set_expanded (MscosItemCard *self,
                              gboolean       expanded)
{
  g_return_if_fail (MSCOS_IS_ITEM_CARD (self));

  MSCOS_ITEM_CARD_GET_CLASS (self)->set_expanded (self, expanded);
}

/**
 * mscos_widget_highlight:
 *
 * Marks @widget for a few seconds, so the eye finds the item that was jumped to.
 */
void
mscos_widget_highlight (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_add_css_class (widget, "highlighted");
  g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, HIGHLIGHT_SECONDS, remove_highlight_cb,
                              g_object_ref (widget), g_object_unref);
}
