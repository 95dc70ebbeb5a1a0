/* mscos-block.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-block"

#include "config.h"

#include "mscos-block.h"
#include "mscos-content-private.h"

struct _MscosBlock
{
  gatomicrefcount   ref_count;
  MscosBlockType    type;
  MscosListStyle    style;
  /* Owned, or in @strings when it is set. */
  char             *text;
  MscosContentText *strings;
  /* A list entry's own number or mark; a quotation's attribution. */
  char             *label;
  GPtrArray        *children;
};

G_DEFINE_BOXED_TYPE (MscosBlock, mscos_block, mscos_block_ref, mscos_block_unref)

/**
 * mscos_block_new:
 * @type: what kind of block
 * @text: (nullable): its text; %NULL for a list
 *
 * Returns: (transfer full): a new block
 */
MscosBlock *
mscos_block_new (MscosBlockType  type,
                 const char     *text)
{
  MscosBlock *block = g_new0 (MscosBlock, 1);

  g_atomic_ref_count_init (&block->ref_count);
  block->type = type;
  block->text = g_strdup (text);

  return block;
}

/**
 * mscos_block_new_in_text:
 * @type: what kind of block
 * @text: (nullable): its text, a string of @strings
 * @strings: the pack's text, which holds @text
 *
 * Makes a block whose text stays in the pack's text, with the rest of it: one allocation for
 * many blocks instead of one each.
 *
 * Returns: (transfer full): a new block
 */
MscosBlock *
mscos_block_new_in_text (MscosBlockType    type,
                         const char       *text,
                         MscosContentText *strings)
{
  MscosBlock *block = g_new0 (MscosBlock, 1);

  g_atomic_ref_count_init (&block->ref_count);
  block->type = type;
  block->text = (char *) text;
  block->strings = mscos_content_text_ref (strings);

  return block;
}

MscosBlock *
mscos_block_ref (MscosBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  g_atomic_ref_count_inc (&block->ref_count);

  return block;
}

void
mscos_block_unref (MscosBlock *block)
{
  g_return_if_fail (block != NULL);

  if (g_atomic_ref_count_dec (&block->ref_count))
    {
      if (block->strings != NULL)
        mscos_content_text_unref (block->strings);
      else
        g_free (block->text);
      g_free (block->label);
      g_clear_pointer (&block->children, g_ptr_array_unref);
      g_free (block);
    }
}

MscosBlockType
mscos_block_get_block_type (const MscosBlock *block)
{
  g_return_val_if_fail (block != NULL, MSCOS_BLOCK_PARAGRAPH);

  return block->type;
}

/**
 * mscos_block_get_text:
 *
 * Returns: (nullable): the block's text; %NULL for a list
 */
const char *
mscos_block_get_text (const MscosBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->text;
}

/**
 * mscos_block_get_label:
 *
 * Returns: (nullable): a list entry's own number or mark, or a quotation's attribution
 */
const char *
mscos_block_get_label (const MscosBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->label;
}

void
mscos_block_set_label (MscosBlock *block,
                       const char *label)
{
  g_return_if_fail (block != NULL);

  g_free (block->label);
  block->label = g_strdup (label);
}

MscosListStyle
mscos_block_get_style (const MscosBlock *block)
{
  g_return_val_if_fail (block != NULL, MSCOS_LIST_BULLETED);

  return block->style;
}

void
mscos_block_set_style (MscosBlock     *block,
                       MscosListStyle  style)
{
  g_return_if_fail (block != NULL);

  block->style = style;
}

guint
mscos_block_get_n_children (const MscosBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);

  return block->children ? block->children->len : 0;
}

/**
 * mscos_block_get_child:
 *
 * Returns: (transfer none): the child at @index
 */
MscosBlock *
mscos_block_get_child (const MscosBlock *block,
                       guint             index)
{
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (index < mscos_block_get_n_children (block), NULL);

  return g_ptr_array_index (block->children, index);
}

/**
 * mscos_block_add_child:
 * @block: a list or list entry
 * @child: (transfer full): the child to add
 */
void
mscos_block_add_child (MscosBlock *block,
                       MscosBlock *child)
{
  g_return_if_fail (block != NULL);
  g_return_if_fail (child != NULL);

  if (block->children == NULL)
    block->children = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_block_unref);
  g_ptr_array_add (block->children, child);
}

static void
append_block_text (const MscosBlock *block,
                   GString          *text)
{
  if (block->label != NULL && block->type == MSCOS_BLOCK_LIST_ITEM)
    {
      g_string_append (text, block->label);
      g_string_append_c (text, ' ');
    }

  if (block->text != NULL)
    {
      g_string_append (text, block->text);
      g_string_append_c (text, '\n');
    }

  if (block->label != NULL && block->type == MSCOS_BLOCK_QUOTE)
    {
      g_string_append (text, block->label);
      g_string_append_c (text, '\n');
    }

  for (guint i = 0; i < mscos_block_get_n_children (block); i++)
    append_block_text (g_ptr_array_index (block->children, i), text);
}

/**
 * mscos_blocks_append_text:
 * @blocks: (element-type MscosBlock) (nullable): blocks
 * @text: where to append
 *
 * Appends the plain text of @blocks, one paragraph or list entry a line.
 */
void
mscos_blocks_append_text (GPtrArray *blocks,
                          GString   *text)
{
  if (blocks == NULL)
    return;

  for (guint i = 0; i < blocks->len; i++)
    append_block_text (g_ptr_array_index (blocks, i), text);
}
