/* mscos-corrections-dialog.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-corrections-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-corrections-dialog.h"

/* "Changed from the Source": every place where an item's words in the pack differ from the
 * page, as the pack records them (mscos_item_get_corrections()), so that a reader — the
 * steering committee first — can check each one. Each entry shows the words as the page has
 * them and as the pack does, and the editors' note. Everything is plain text: the pack's
 * words are never read as markup. */

struct _MscosCorrectionsDialog
{
  AdwDialog   parent_instance;

  GtkLabel   *item_label;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (MscosCorrectionsDialog, mscos_corrections_dialog, ADW_TYPE_DIALOG)

static GtkWidget *
create_value_label (const char *text,
                    const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
attach_line (GtkGrid    *grid,
             int         line,
             const char *caption,
             const char *text)
{
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = create_value_label (text, NULL);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_yalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_widget_add_css_class (caption_label, "caption-heading");
  gtk_grid_attach (grid, caption_label, 0, line, 1, 1);
  gtk_grid_attach (grid, value_label, 1, line, 1, 1);
}

static GtkWidget *
create_row (const MscosCorrection *correction)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  /* Translators: a caption, before the words as the source page wrote them */
  attach_line (GTK_GRID (grid), 0, _("On the page"), correction->original);
  /* Translators: a caption, before the words as this content pack has them */
  attach_line (GTK_GRID (grid), 1, _("In this pack"), correction->corrected);

  if (correction->note != NULL)
    gtk_grid_attach (GTK_GRID (grid), create_value_label (correction->note, "dim-label"), 0, 2, 2, 1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
mscos_corrections_dialog_class_init (MscosCorrectionsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-corrections-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosCorrectionsDialog, item_label);
  gtk_widget_class_bind_template_child (widget_class, MscosCorrectionsDialog, list_box);
}

static void
mscos_corrections_dialog_init (MscosCorrectionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mscos_corrections_dialog_new:
 * @item: an item whose text the pack's editors corrected
 *
 * Returns: (transfer floating): a dialog listing the corrections of @item
 */
AdwDialog *
mscos_corrections_dialog_new (MscosItem *item)
{
  MscosCorrectionsDialog *self;
  g_autofree char *title = NULL;
  GPtrArray *corrections;

  g_return_val_if_fail (MSCOS_IS_ITEM (item), NULL);

  self = g_object_new (MSCOS_TYPE_CORRECTIONS_DIALOG, NULL);
  title = mscos_item_dup_display_title (item);
  gtk_label_set_text (self->item_label, title);

  corrections = mscos_item_get_corrections (item);
  for (guint i = 0; i < corrections->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (corrections, i)));

  return ADW_DIALOG (self);
}
