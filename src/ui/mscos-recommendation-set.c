/* mscos-recommendation-set.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-recommendation-set"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-blocks-view.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-recommendation-row.h"
#include "mscos-recommendation-set.h"
#include "mscos-ui-utils.h"

/* A set of recommendations, collapsed to its title and count until opened; then its groups
 * in the source's order, numbering and nesting, each recommendation with its own bookmark
 * and note. The rows are built the first time the set is opened. */

struct _MscosRecommendationSet
{
  MscosItemCard     parent_instance;

  GtkBox           *box;
  GtkToggleButton  *expand_button;
  GtkImage         *expand_icon;
  GtkLabel         *title_label;
  GtkLabel         *count_label;
  GtkRevealer      *revealer;
  GtkBox           *content_box;
  MscosItemActions *actions;

  /* id → MscosRecommendationRow, once built */
  GHashTable       *rows;
  gboolean          built;
};

G_DEFINE_FINAL_TYPE (MscosRecommendationSet, mscos_recommendation_set, MSCOS_TYPE_ITEM_CARD)

static void
append_group (MscosRecommendationSet *self,
              MscosItem              *group)
{
  GtkWidget *list = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 10,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                  NULL);

  if (mscos_item_get_title (group) != NULL)
    gtk_box_append (self->content_box, mscos_heading_label_new (mscos_item_get_title (group), "group-title"));
  if (mscos_item_get_intro (group) != NULL)
    gtk_box_append (self->content_box, mscos_blocks_view_new (mscos_item_get_intro (group)));

  if (mscos_item_get_title (group) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    mscos_item_get_title (group), -1);
  mscos_recommendation_list_append (GTK_BOX (list), mscos_item_get_children (group), self->rows);
  gtk_box_append (self->content_box, list);
}

static void
build_content (MscosRecommendationSet *self)
{
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (self));
  GListModel *groups = mscos_item_get_children (item);
  guint n = g_list_model_get_n_items (groups);

  if (self->built)
    return;
  self->built = TRUE;

  if (mscos_item_get_organisation (item) != NULL)
    {
      /* Translators: who made a set of recommendations, "From Hope for Justice" */
      g_autofree char *source = g_strdup_printf (_("From %s"), mscos_item_get_organisation (item));

      gtk_box_append (self->content_box, mscos_text_label_new (source, "dim-label"));
    }

  if (mscos_item_get_intro (item) != NULL)
    gtk_box_append (self->content_box, mscos_blocks_view_new (mscos_item_get_intro (item)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) group = g_list_model_get_item (groups, i);

      append_group (self, group);
    }
}

static void
expand_toggled_cb (MscosRecommendationSet *self)
{
  if (gtk_toggle_button_get_active (self->expand_button))
    build_content (self);

  mscos_disclosure_update (self->expand_button, self->revealer, self->expand_icon);
}

static GtkWidget *
mscos_recommendation_set_reveal (MscosItemCard *card,
                                 MscosItem     *item)
{
  MscosRecommendationSet *self = MSCOS_RECOMMENDATION_SET (card);

  if (item == mscos_item_card_get_item (card))
    return GTK_WIDGET (self);

  if (mscos_item_get_kind (item) != MSCOS_ITEM_RECOMMENDATION)
    return NULL;

  build_content (self);
  if (!g_hash_table_contains (self->rows, mscos_item_get_id (item)))
    return NULL;

  mscos_disclosure_open_at_once (self->expand_button, self->revealer);

  return g_hash_table_lookup (self->rows, mscos_item_get_id (item));
}

static void
mscos_recommendation_set_set_expanded (MscosItemCard *card,
                                       gboolean       expanded)
{
  gtk_toggle_button_set_active (MSCOS_RECOMMENDATION_SET (card)->expand_button, expanded);
}

static void
mscos_recommendation_set_constructed (GObject *object)
{
  MscosRecommendationSet *self = MSCOS_RECOMMENDATION_SET (object);
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (self));
  g_autofree char *count = mscos_recommendation_count (mscos_item_get_n_recommendations (item));
  /* Translators: how screen readers name the button that opens a set of recommendations:
   * its title, then "18 recommendations" */
  g_autofree char *accessible = g_strdup_printf (_("%s, %s"), mscos_item_get_title (item), count);

  G_OBJECT_CLASS (mscos_recommendation_set_parent_class)->constructed (object);

  gtk_label_set_text (self->title_label, mscos_item_get_title (item));
  gtk_label_set_text (self->count_label, count);
  mscos_item_actions_set_item (self->actions, item);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mscos_item_get_title (item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expand_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->expand_button),
                                  GTK_ACCESSIBLE_RELATION_CONTROLS, self->revealer, NULL, -1);
  mscos_disclosure_update (self->expand_button, self->revealer, self->expand_icon);
}

static void
mscos_recommendation_set_finalize (GObject *object)
{
  MscosRecommendationSet *self = MSCOS_RECOMMENDATION_SET (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (mscos_recommendation_set_parent_class)->finalize (object);
}

static void
mscos_recommendation_set_class_init (MscosRecommendationSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MscosItemCardClass *card_class = MSCOS_ITEM_CARD_CLASS (klass);

  object_class->constructed = mscos_recommendation_set_constructed;
  object_class->finalize = mscos_recommendation_set_finalize;

  card_class->reveal = mscos_recommendation_set_reveal;
  card_class->set_expanded = mscos_recommendation_set_set_expanded;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-recommendation-set.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, box);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, expand_button);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, expand_icon);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, count_label);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, revealer);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, content_box);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationSet, actions);
  gtk_widget_class_bind_template_callback (widget_class, expand_toggled_cb);
}

static void
mscos_recommendation_set_init (MscosRecommendationSet *self)
{
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows are owned by the widget tree. */
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
}
