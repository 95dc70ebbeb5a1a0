/* mscos-recommendation-row.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-recommendation-row"

#include "config.h"

#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-recommendation-row.h"
#include "mscos-ui-utils.h"

/* One recommendation with the source's number or a bullet, its own bookmark and note, and the
 * recommendations nested under it. */

struct _MscosRecommendationRow
{
  GtkWidget         parent_instance;

  GtkLabel         *marker_label;
  GtkLabel         *text_label;
  GtkBox           *children_box;
  MscosItemActions *actions;
};

G_DEFINE_FINAL_TYPE (MscosRecommendationRow, mscos_recommendation_row, GTK_TYPE_WIDGET)

static void
mscos_recommendation_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MSCOS_TYPE_RECOMMENDATION_ROW);
  mscos_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (mscos_recommendation_row_parent_class)->dispose (object);
}

static void
mscos_recommendation_row_class_init (MscosRecommendationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_recommendation_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-recommendation-row.ui");
  gtk_widget_class_set_css_name (widget_class, "recommendationrow");
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationRow, marker_label);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationRow, children_box);
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationRow, actions);
}

static void
mscos_recommendation_row_init (MscosRecommendationRow *self)
{
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mscos_recommendation_row_new:
 * @item: a recommendation
 * @rows: (element-type utf8 MscosRecommendationRow): where to record the row of each
 *   recommendation by id, nested ones included
 *
 * Returns: (transfer floating): a row for @item and everything nested under it
 */
GtkWidget *
mscos_recommendation_row_new (MscosItem  *item,
                              GHashTable *rows)
{
  MscosRecommendationRow *self;
  const char *label;

  g_return_val_if_fail (MSCOS_IS_ITEM (item), NULL);

  self = g_object_new (MSCOS_TYPE_RECOMMENDATION_ROW, NULL);
  label = mscos_item_get_label (item);

  gtk_label_set_text (self->marker_label, label ? label : "•");
  if (label != NULL)
    gtk_label_set_width_chars (self->marker_label, MAX (2, (int) g_utf8_strlen (label, -1)));
  gtk_label_set_text (self->text_label, mscos_item_get_text (item));
  mscos_item_actions_set_item (self->actions, item);
  mscos_recommendation_list_append (self->children_box, mscos_item_get_children (item), rows);

  g_hash_table_insert (rows, (gpointer) mscos_item_get_id (item), self);

  return GTK_WIDGET (self);
}

/**
 * mscos_recommendation_list_append:
 * @box: a box
 * @recommendations: a #GListModel of #MscosItem
 * @rows: see mscos_recommendation_row_new()
 *
 * Appends a row for each recommendation to @box, and shows @box if there is any.
 */
void
mscos_recommendation_list_append (GtkBox     *box,
                                  GListModel *recommendations,
                                  GHashTable *rows)
{
  guint n = g_list_model_get_n_items (recommendations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) child = g_list_model_get_item (recommendations, i);

      gtk_box_append (box, mscos_recommendation_row_new (child, rows));
    }

  if (n > 0)
    gtk_widget_set_visible (GTK_WIDGET (box), TRUE);
}
