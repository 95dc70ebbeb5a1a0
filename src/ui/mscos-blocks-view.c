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
#include "mscos-change-label.h"
#include "mscos-hanging-row.h"
#include "mscos-ui-utils.h"

/* Shows longer text from a content pack: paragraphs, headings, quotations and lists nested
 * to any depth, each list marked up as a list for screen readers. Built in code, because its
 * structure is the content's.
 *
 * While a revision is reviewed, a changed text is shown compared with the base pack's, block
 * by block (mscos_pack_diff_pair_blocks()): in a changed block the words taken out and put in
 * are marked in place, as in every changed label (mscos_change_label_set_words()), and a
 * block added or removed whole has all its words marked so: underlined, or struck through,
 * each on its tint, and said to a screen reader ("added: …", "removed: …"). */

struct _MscosBlocksView
{
  GtkWidget   parent_instance;

  GPtrArray  *blocks;
  MscosBlock *block;
  /* While reviewing a changed text: what the blocks are compared with */
  GPtrArray  *old_blocks;
  MscosBlock *old_block;
  MscosBlockChange change;
};

G_DEFINE_FINAL_TYPE (MscosBlocksView, mscos_blocks_view, GTK_TYPE_WIDGET)

/* While reviewing, a block is shown as it is, with its words compared with its base
 * version's (@old), or as added or removed whole; a removed block is the base pack's. */
static GtkWidget *create_block (MscosBlock       *block,
                                MscosBlock       *old,
                                MscosBlockChange  change);

/* A label of a block's text, its words marked as the block changed. */
static GtkWidget *
create_text (const char       *text,
             const char       *old_text,
             MscosBlockChange  change,
             gboolean          heading,
             const char       *css_class)
{
  GtkWidget *label = heading ? mscos_heading_label_new (NULL, css_class)
                             : mscos_text_label_new (NULL, css_class);

  switch (change)
    {
    case MSCOS_BLOCK_CHANGE_CHANGED:
      mscos_change_label_set_words (GTK_LABEL (label), text, old_text ? old_text : "");
      break;

    case MSCOS_BLOCK_CHANGE_ADDED:
      mscos_change_label_set_words (GTK_LABEL (label), text, "");
      break;

    case MSCOS_BLOCK_CHANGE_REMOVED:
      mscos_change_label_set_words (GTK_LABEL (label), "", text);
      break;

    case MSCOS_BLOCK_CHANGE_NONE:
    default:
      mscos_text_label_set_text (GTK_LABEL (label), text);
      break;
    }

  return label;
}

static GtkWidget *
create_entry (MscosBlock       *entry,
              MscosBlock       *old,
              MscosBlockChange  change)
{
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

  if (mscos_block_get_text (entry) != NULL || (old != NULL && mscos_block_get_text (old) != NULL))
    gtk_box_append (GTK_BOX (column),
                    create_text (mscos_block_get_text (entry), old ? mscos_block_get_text (old) : NULL,
                                 change, FALSE, "body-text"));

  /* An entry's only child is the list nested under it. */
  if (change == MSCOS_BLOCK_CHANGE_CHANGED)
    {
      MscosBlock *list = mscos_block_get_n_children (entry) > 0 ? mscos_block_get_child (entry, 0) : NULL;
      MscosBlock *old_list = mscos_block_get_n_children (old) > 0 ? mscos_block_get_child (old, 0) : NULL;

      if (list != NULL && old_list != NULL)
        gtk_box_append (GTK_BOX (column), create_block (list, old_list, change));
      else if (list != NULL)
        gtk_box_append (GTK_BOX (column), create_block (list, NULL, MSCOS_BLOCK_CHANGE_ADDED));
      else if (old_list != NULL)
        gtk_box_append (GTK_BOX (column), create_block (old_list, NULL, MSCOS_BLOCK_CHANGE_REMOVED));
    }
  else
    {
      for (guint j = 0; j < mscos_block_get_n_children (entry); j++)
        gtk_box_append (GTK_BOX (column), create_block (mscos_block_get_child (entry, j), NULL, change));
    }

  mscos_hanging_row_add (MSCOS_HANGING_ROW (row), marker);
  mscos_hanging_row_add (MSCOS_HANGING_ROW (row), column);

  return row;
}

static GtkWidget *
create_list (MscosBlock       *list,
             MscosBlock       *old,
             MscosBlockChange  change)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 6,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                 NULL);

  gtk_widget_add_css_class (box, "block-list");

  if (change == MSCOS_BLOCK_CHANGE_CHANGED)
    {
      g_autoptr (GArray) pairs = mscos_pack_diff_pair_entries (old, list);

      for (guint i = 0; i < pairs->len; i++)
        {
          const MscosBlockPair *pair = &g_array_index (pairs, MscosBlockPair, i);

          gtk_box_append (GTK_BOX (box),
                          create_entry (pair->new_block ? pair->new_block : pair->old_block,
                                        pair->old_block, pair->change));
        }
      return box;
    }

  for (guint i = 0; i < mscos_block_get_n_children (list); i++)
    gtk_box_append (GTK_BOX (box), create_entry (mscos_block_get_child (list, i), NULL, change));

  return box;
}

static char *
dup_attribution (MscosBlock *block)
{
  const char *attribution = block != NULL ? mscos_block_get_label (block) : NULL;

  /* Translators: the attribution under a quotation, "— Caroline Haughey KC, OBE" */
  return attribution != NULL ? g_strdup_printf (_("— %s"), attribution) : NULL;
}

static GtkWidget *
create_quote (MscosBlock       *block,
              MscosBlock       *old,
              MscosBlockChange  change)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *attribution = dup_attribution (block);
  g_autofree char *old_attribution = dup_attribution (old);

  gtk_widget_add_css_class (box, "inline-quote");
  gtk_box_append (GTK_BOX (box),
                  create_text (mscos_block_get_text (block), old ? mscos_block_get_text (old) : NULL,
                               change, FALSE, "quote-text"));
  if (attribution != NULL || old_attribution != NULL)
    gtk_box_append (GTK_BOX (box), create_text (attribution, old_attribution, change, FALSE,
                                                "attribution"));

  return box;
}

static GtkWidget *
create_block (MscosBlock       *block,
              MscosBlock       *old,
              MscosBlockChange  change)
{
  GtkWidget *widget;

  switch (mscos_block_get_block_type (block))
    {
    case MSCOS_BLOCK_PARAGRAPH:
      widget = create_text (mscos_block_get_text (block), old ? mscos_block_get_text (old) : NULL,
                            change, FALSE, "body-text");
      break;

    case MSCOS_BLOCK_HEADING:
      widget = create_text (mscos_block_get_text (block), old ? mscos_block_get_text (old) : NULL,
                            change, TRUE, "block-heading");
      break;

    case MSCOS_BLOCK_QUOTE:
      widget = create_quote (block, old, change);
      break;

    case MSCOS_BLOCK_LIST:
      widget = create_list (block, old, change);
      break;

    case MSCOS_BLOCK_LIST_ITEM:
    default:
      g_return_val_if_reached (gtk_label_new (NULL));
    }

  if (change == MSCOS_BLOCK_CHANGE_ADDED)
    gtk_widget_add_css_class (widget, "block-added");
  else if (change == MSCOS_BLOCK_CHANGE_REMOVED)
    gtk_widget_add_css_class (widget, "block-removed");

  return widget;
}

static void
mscos_blocks_view_dispose (GObject *object)
{
  MscosBlocksView *self = MSCOS_BLOCKS_VIEW (object);

  mscos_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->block, mscos_block_unref);
  g_clear_pointer (&self->old_blocks, g_ptr_array_unref);
  g_clear_pointer (&self->old_block, mscos_block_unref);

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
  g_clear_pointer (&self->old_blocks, g_ptr_array_unref);
  g_clear_pointer (&self->old_block, mscos_block_unref);
  self->change = MSCOS_BLOCK_CHANGE_NONE;
}

/**
 * mscos_blocks_view_set_blocks:
 * @blocks: (nullable) (element-type MscosBlock): the text to show
 */
void
mscos_blocks_view_set_blocks (MscosBlocksView *self,
                              GPtrArray       *blocks)
{
  mscos_blocks_view_set_compared_blocks (self, blocks, NULL);
}

/**
 * mscos_blocks_view_set_compared_blocks:
 * @blocks: (nullable) (element-type MscosBlock): the text to show
 * @old_blocks: (nullable) (element-type MscosBlock): while reviewing a change of the text,
 *   the base pack's version of it
 *
 * Shows @blocks; where they differ from @old_blocks, each block that changed with its words
 * compared, and the blocks added or removed whole marked as such.
 */
void
mscos_blocks_view_set_compared_blocks (MscosBlocksView *self,
                                       GPtrArray       *blocks,
                                       GPtrArray       *old_blocks)
{
  g_autoptr (GArray) pairs = NULL;

  g_return_if_fail (MSCOS_IS_BLOCKS_VIEW (self));

  if (self->blocks == blocks && self->old_blocks == old_blocks && self->block == NULL)
    return;

  clear (self);
  gtk_widget_set_visible (GTK_WIDGET (self), (blocks != NULL && blocks->len > 0)
                                             || (old_blocks != NULL && old_blocks->len > 0));

  if (blocks != NULL)
    self->blocks = g_ptr_array_ref (blocks);
  if (old_blocks != NULL)
    self->old_blocks = g_ptr_array_ref (old_blocks);

  if (old_blocks == NULL)
    {
      for (guint i = 0; blocks != NULL && i < blocks->len; i++)
        gtk_widget_set_parent (create_block (g_ptr_array_index (blocks, i), NULL,
                                             MSCOS_BLOCK_CHANGE_NONE),
                               GTK_WIDGET (self));
      return;
    }

  pairs = mscos_pack_diff_pair_blocks (old_blocks, blocks);
  for (guint i = 0; i < pairs->len; i++)
    {
      const MscosBlockPair *pair = &g_array_index (pairs, MscosBlockPair, i);

      gtk_widget_set_parent (create_block (pair->new_block ? pair->new_block : pair->old_block,
                                           pair->old_block, pair->change),
                             GTK_WIDGET (self));
    }
}

/**
 * mscos_blocks_view_set_block:
 * @block: (nullable): one block to show
 */
void
mscos_blocks_view_set_block (MscosBlocksView *self,
                             MscosBlock      *block)
{
  mscos_blocks_view_set_compared_block (self, block, NULL, MSCOS_BLOCK_CHANGE_NONE);
}

/**
 * mscos_blocks_view_set_compared_block:
 * @block: (nullable): one block to show; for a removed one, the base pack's
 * @old_block: (nullable): for a changed block, the base pack's version of it
 * @change: how @block differs from the base pack's
 *
 * Shows @block, compared with @old_block, or marked as added or removed whole.
 */
void
mscos_blocks_view_set_compared_block (MscosBlocksView  *self,
                                      MscosBlock       *block,
                                      MscosBlock       *old_block,
                                      MscosBlockChange  change)
{
  g_return_if_fail (MSCOS_IS_BLOCKS_VIEW (self));

  if (self->block == block && self->old_block == old_block && self->change == change
      && self->blocks == NULL)
    return;

  clear (self);
  gtk_widget_set_visible (GTK_WIDGET (self), block != NULL);

  if (block == NULL)
    return;

  self->block = mscos_block_ref (block);
  self->old_block = old_block != NULL ? mscos_block_ref (old_block) : NULL;
  self->change = change;
  gtk_widget_set_parent (create_block (block, old_block, change), GTK_WIDGET (self));
}

/**
 * mscos_blocks_view_set_row:
 * @row: (nullable): a block row of an outcome page
 *
 * Shows the block of @row, compared with the base pack's while reviewing.
 */
void
mscos_blocks_view_set_row (MscosBlocksView *self,
                           MscosPageRow    *row)
{
  if (row == NULL)
    {
      mscos_blocks_view_set_block (self, NULL);
      return;
    }

  mscos_blocks_view_set_compared_block (self, mscos_page_row_get_block (row),
                                        mscos_page_row_get_old_block (row),
                                        mscos_page_row_get_block_change (row));
}
