/* mscos-recommendation-row.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-recommendation-row"

#include "config.h"

#include "mscos-change-label.h"
#include "mscos-hanging-row.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-recommendation-row.h"
#include "mscos-ui-utils.h"

/* One recommendation of an open set, with the source's number or a bullet and its own
 * bookmark and note, indented as deep as it is nested; those nested under it are the rows
 * that follow. */

/* The indent of each level of nesting. */
#define INDENT_PX 24

struct _MscosRecommendationRow
{
  GtkWidget         parent_instance;

  GtkLabel         *marker_label;
  GtkLabel         *text_label;
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
  gtk_widget_class_bind_template_child (widget_class, MscosRecommendationRow, actions);
}

static void
mscos_recommendation_row_init (MscosRecommendationRow *self)
{
  g_type_ensure (MSCOS_TYPE_HANGING_ROW);
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mscos_recommendation_row_new:
 * @library: (nullable): the user's library, for the bookmark and note
 * @pack: (nullable): the content pack the recommendations are from
 *
 * Returns: (transfer floating): a row to show recommendations in
 */
GtkWidget *
mscos_recommendation_row_new (MscosLibrary     *library,
                              MscosContentPack *pack)
{
  MscosRecommendationRow *self = g_object_new (MSCOS_TYPE_RECOMMENDATION_ROW, NULL);

  mscos_item_actions_set_library (self->actions, library);
  mscos_item_actions_set_pack (self->actions, pack);

  return GTK_WIDGET (self);
}

/**
 * mscos_recommendation_row_set_row:
 * @row: (nullable): a recommendation's row of an outcome page
 *
 * Shows the recommendation of @row, or nothing.
 */
void
mscos_recommendation_row_set_row (MscosRecommendationRow *self,
                                  MscosPageRow           *row)
{
  MscosItem *item;
  MscosItem *old;
  const char *label;
  gboolean bookmarkable;

  g_return_if_fail (MSCOS_IS_RECOMMENDATION_ROW (self));
  g_return_if_fail (row == NULL || mscos_page_row_get_kind (row) == MSCOS_PAGE_ROW_RECOMMENDATION);

  item = row ? mscos_page_row_get_item (row) : NULL;
  /* A removed recommendation, shown while reviewing, is the base pack's: nothing to
   * bookmark or note. */
  bookmarkable = item != NULL && mscos_item_is_bookmarkable (item)
                 && !mscos_page_row_is_removed (row);
  mscos_item_actions_set_item (self->actions, bookmarkable ? item : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->actions), item == NULL || bookmarkable);
  if (item == NULL)
    return;

  old = mscos_page_row_get_old_item (row);
  label = mscos_item_get_label (item);
  gtk_label_set_text (self->marker_label, label ? label : "•");
  gtk_label_set_width_chars (self->marker_label, label ? MAX (2, (int) g_utf8_strlen (label, -1)) : 2);
  mscos_change_label_set_words (self->text_label, mscos_item_get_text (item),
                                old ? mscos_item_get_text (old) : NULL);
  gtk_widget_set_margin_start (GTK_WIDGET (self), INDENT_PX * mscos_page_row_get_level (row));
}
