/* mscos-blocks-view.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-blocks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-block.h"
#include "mscos-blocks-view.h"
#include "mscos-hanging-row.h"
#include "mscos-ui-utils.h"

/* Shows longer text from a content pack: paragraphs, headings, quotations and lists nested
 * to any depth, each list marked up as a list for screen readers. Built in code, because its
 * structure is the content's. */

struct _MscosBlocksView
{
  GtkWidget   parent_instance;

  GPtrArray  *blocks;
  MscosBlock *block;
};

G_DEFINE_FINAL_TYPE (MscosBlocksView, mscos_blocks_view, GTK_TYPE_WIDGET)

static GtkWidget *create_block (MscosBlock *block);

static GtkWidget *
create_list (MscosBlock *list)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 6,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                 NULL);

  gtk_widget_add_css_class (box, "block-list");

  for (guint i = 0; i < mscos_block_get_n_children (list); i++)
    {
      MscosBlock *entry = mscos_block_get_child (list, i);
      const char *label = mscos_block_get_label (entry);
      GtkWidget *row = g_object_new (MSCOS_TYPE_HANGING_ROW,
                                     "spacing", 8,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                     NULL);
      GtkWidget *marker = gtk_label_new (label ? label : "•");
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_add_css_class (marker, "list-marker");
      gtk_widget_set_valign (marker, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (marker), 1.0f);
      gtk_label_set_width_chars (GTK_LABEL (marker), label ? MAX (2, (int) g_utf8_strlen (label, -1)) : 2);
      gtk_widget_set_hexpand (column, TRUE);

      if (mscos_block_get_text (entry) != NULL)
        gtk_box_append (GTK_BOX (column), mscos_text_label_new (mscos_block_get_text (entry), "body-text"));
      for (guint j = 0; j < mscos_block_get_n_children (entry); j++)
        gtk_box_append (GTK_BOX (column), create_block (mscos_block_get_child (entry, j)));

      mscos_hanging_row_add (MSCOS_HANGING_ROW (row), marker);
      mscos_hanging_row_add (MSCOS_HANGING_ROW (row), column);
      gtk_box_append (GTK_BOX (box), row);
    }

  return box;
}

static GtkWidget *
create_quote (MscosBlock *block)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *attribution = mscos_block_get_label (block);

  gtk_widget_add_css_class (box, "inline-quote");
  gtk_box_append (GTK_BOX (box), mscos_text_label_new (mscos_block_get_text (block), "quote-text"));
  if (attribution != NULL)
    {
      /* Translators: the attribution under a quotation, "— Caroline Haughey KC, OBE" */
      g_autofree char *text = g_strdup_printf (_("— %s"), attribution);

      gtk_box_append (GTK_BOX (box), mscos_text_label_new (text, "attribution"));
    }

  return box;
}

static GtkWidget *
create_block (MscosBlock *block)
{
  switch (mscos_block_get_block_type (block))
    {
    case MSCOS_BLOCK_PARAGRAPH:
      return mscos_text_label_new (mscos_block_get_text (block), "body-text");

    case MSCOS_BLOCK_HEADING:
      return mscos_heading_label_new (mscos_block_get_text (block), "block-heading");

    case MSCOS_BLOCK_QUOTE:
      return create_quote (block);

    case MSCOS_BLOCK_LIST:
      return create_list (block);

    case MSCOS_BLOCK_LIST_ITEM:
    default:
      g_return_val_if_reached (gtk_label_new (NULL));
    }
}

static void
mscos_blocks_view_dispose (GObject *object)
{
  MscosBlocksView *self = MSCOS_BLOCKS_VIEW (object);

  mscos_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->block, mscos_block_unref);

  G_OBJECT_CLASS (mscos_blocks_view_parent_class)->dispose (object);
}

static void
mscos_blocks_view_class_init (MscosBlocksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_blocks_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "blocksview");
}

static void
mscos_blocks_view_init (MscosBlocksView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
}

/**
 * mscos_blocks_view_new:
 * @blocks: (nullable) (element-type MscosBlock): the text to show
 *
 * Returns: (transfer floating): a new view
 */
GtkWidget *
mscos_blocks_view_new (GPtrArray *blocks)
{
  MscosBlocksView *self = g_object_new (MSCOS_TYPE_BLOCKS_VIEW, NULL);

  mscos_blocks_view_set_blocks (self, blocks);

  return GTK_WIDGET (self);
}

static void
clear (MscosBlocksView *self)
{
  mscos_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->block, mscos_block_unref);
}

/**
 * mscos_blocks_view_set_blocks:
 * @blocks: (nullable) (element-type MscosBlock): the text to show
 */
void
mscos_blocks_view_set_blocks (MscosBlocksView *self,
                              GPtrArray       *blocks)
{
  g_return_if_fail (MSCOS_IS_BLOCKS_VIEW (self));

  if (self->blocks == blocks && self->block == NULL)
    return;

  clear (self);
  gtk_widget_set_visible (GTK_WIDGET (self), blocks != NULL && blocks->len > 0);

  if (blocks == NULL)
    return;

  self->blocks = g_ptr_array_ref (blocks);
  for (guint i = 0; i < blocks->len; i++)
    gtk_widget_set_parent (create_block (g_ptr_array_index (blocks, i)), GTK_WIDGET (self));
}

/**
 * mscos_blocks_view_set_block:
 * @block: (nullable): one block to show
 */
void
mscos_blocks_view_set_block (MscosBlocksView *self,
                             MscosBlock      *block)
{
  g_return_if_fail (MSCOS_IS_BLOCKS_VIEW (self));

  if (self->block == block && self->blocks == NULL)
    return;

  clear (self);
  gtk_widget_set_visible (GTK_WIDGET (self), block != NULL);

  if (block == NULL)
    return;

  self->block = mscos_block_ref (block);
  gtk_widget_set_parent (create_block (block), GTK_WIDGET (self));
}
