/* mscos-block.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MSCOS_BLOCK_PARAGRAPH,
  MSCOS_BLOCK_HEADING,
  MSCOS_BLOCK_QUOTE,
  MSCOS_BLOCK_LIST,
  MSCOS_BLOCK_LIST_ITEM,
} MscosBlockType;

typedef enum
{
  MSCOS_LIST_BULLETED,
  MSCOS_LIST_NUMBERED,
} MscosListStyle;

/* A piece of longer text: a paragraph, heading, quotation or list. A list's children are its
 * entries (MSCOS_BLOCK_LIST_ITEM); an entry's only child, if any, is the list nested under it.
 * Blocks are immutable and belong to the model object that holds them. */
typedef struct _MscosBlock MscosBlock;

#define MSCOS_TYPE_BLOCK (mscos_block_get_type ())

GType           mscos_block_get_type        (void) G_GNUC_CONST;
MscosBlock     *mscos_block_new             (MscosBlockType     type,
                                             const char        *text);
MscosBlock     *mscos_block_ref             (MscosBlock        *block);
void            mscos_block_unref           (MscosBlock        *block);
MscosBlockType  mscos_block_get_block_type  (const MscosBlock  *block);
const char     *mscos_block_get_text        (const MscosBlock  *block);
const char     *mscos_block_get_label       (const MscosBlock  *block);
void            mscos_block_set_label       (MscosBlock        *block,
                                             const char        *label);
MscosListStyle  mscos_block_get_style       (const MscosBlock  *block);
void            mscos_block_set_style       (MscosBlock        *block,
                                             MscosListStyle     style);
guint           mscos_block_get_n_children  (const MscosBlock  *block);
MscosBlock     *mscos_block_get_child       (const MscosBlock  *block,
                                             guint              index);
void            mscos_block_add_child       (MscosBlock        *block,
                                             MscosBlock        *child);
void            mscos_blocks_append_text    (GPtrArray         *blocks,
                                             GString           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MscosBlock, mscos_block_unref)

G_END_DECLS
