/* mscos-recommendation-set.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-recommendation-set"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-change-label.h"
#include "mscos-hanging-row.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-recommendation-set.h"
#include "mscos-ui-utils.h"

/* A set of recommendations, collapsed to its title and count until opened. Open, the page
 * shows its groups under it, in the source's order, numbering and nesting, each
 * recommendation a row of its own with its own bookmark and note. */

struct _MscosRecommendationSet
{
  MscosItemCard     parent_instance;

  GtkBox           *box;
  GtkToggleButton  *expand_button;
  GtkImage         *expand_icon;
  GtkLabel         *title_label;
  GtkLabel         *count_label;
  MscosItemActions *actions;
};

G_DEFINE_FINAL_TYPE (MscosRecommendationSet, mscos_recommendation_set, MSCOS_TYPE_ITEM_CARD)

static void
expand_toggled_cb (MscosRecommendationSet *self)
{
  mscos_item_card_toggled (MSCOS_ITEM_CARD (self), self->expand_button);
}

static void
mscos_recommendation_set_bind (MscosItemCard *card,
                               MscosPageRow  *row)
{
  MscosRecommendationSet *self = MSCOS_RECOMMENDATION_SET (card);
  MscosItem *item = mscos_page_row_get_item (row);
  g_autofree char *count = mscos_recommendation_count (mscos_item_get_n_recommendations (item));
  /* Translators: how screen readers name the button that opens a set of recommendations:
   * its title, then "18 recommendations" */
  g_autofree char *accessible = g_strdup_printf (_("%s, %s"), mscos_item_get_title (item), count);
  MscosItem *old = mscos_page_row_get_old_item (row);

  mscos_change_label_set_words (self->title_label, mscos_item_get_title (item),
                                old ? mscos_item_get_title (old) : NULL);
  gtk_label_set_text (self->count_label, count);
  /* A removed set, shown while reviewing, stays closed. */
  gtk_widget_set_visible (GTK_WIDGET (self->expand_button), !mscos_page_row_is_removed (row));
  mscos_item_actions_set_item (self->actions, item);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mscos_item_get_title (item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expand_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
mscos_recommendation_set_unbind (MscosItemCard *card)
{
  mscos_item_actions_set_item (MSCOS_RECOMMENDATION_SET (card)->actions, NULL);
}

static void
mscos_recommendation_set_expanded_changed (MscosItemCard *card,
                                           gboolean       expanded)
{
  MscosRecommendationSet *self = MSCOS_RECOMMENDATION_SET (card);

  mscos_item_card_show_expanded (card, self->expand_button, self->expand_icon, expanded);
}

static void
mscos_recommendation_set_constructed (GObject *object)
{
  MscosRecommendationSet *self = MSCOS_RECOMMENDATION_SET (object);

  G_OBJECT_CLASS (mscos_recommendation_set_parent_class)->constructed (object);

  mscos_item_card_set_up_actions (MSCOS_ITEM_CARD (self), GTK_WIDGET (self->actions));
}

static void
mscos_recommendation_set_class_init (MscosRecommendationSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MscosItemCardClass *card_class = MSCOS_ITEM_CARD_CLASS (klass);

  object_class->constructed = mscos_recommendation_set_constructed;

  card_class->bind = mscos_recommendation_set_bind;
  card_class->unbind = mscos_recommendation_set_unbind;
  card_class->expanded_changed = mscos_recommendation_set_expanded_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-recommendation-set.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, box);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, expand_button);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, expand_icon);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, count_label);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, actions);
  gtk_widget_class_bind_template_callback (widget_class, expand_toggled_cb);
}

static void
mscos_recommendation_set_init (MscosRecommendationSet *self)
{
  g_type_ensure (MSCOS_TYPE_HANGING_ROW);
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}
