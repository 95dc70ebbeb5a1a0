/* mscos-blocks-view.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-block.h"
#include "mscos-page-row.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_BLOCKS_VIEW (mscos_blocks_view_get_type ())

G_DECLARE_FINAL_TYPE (MscosBlocksView, mscos_blocks_view, MSCOS, BLOCKS_VIEW, GtkWidget)

GtkWidget *mscos_blocks_view_new         (GPtrArray       *blocks);
void       mscos_blocks_view_set_blocks  (MscosBlocksView *self,
                                          GPtrArray       *blocks);
void       mscos_blocks_view_set_block   (MscosBlocksView *self,
                                          MscosBlock      *block);
void       mscos_blocks_view_set_compared_blocks (MscosBlocksView  *self,
                                                  GPtrArray        *blocks,
                                                  GPtrArray        *old_blocks);
void       mscos_blocks_view_set_compared_block  (MscosBlocksView  *self,
                                                  MscosBlock       *block,
                                                  MscosBlock       *old_block,
                                                  MscosBlockChange  change);
void       mscos_blocks_view_set_row             (MscosBlocksView  *self,
                                                  MscosPageRow     *row);

G_END_DECLS
