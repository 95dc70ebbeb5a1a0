/* mscos-blocks-view.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-block.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_BLOCKS_VIEW (mscos_blocks_view_get_type ())

G_DECLARE_FINAL_TYPE (MscosBlocksView, mscos_blocks_view, MSCOS, BLOCKS_VIEW, GtkWidget)

GtkWidget *mscos_blocks_view_new         (GPtrArray       *blocks);
void       mscos_blocks_view_set_blocks  (MscosBlocksView *self,
                                          GPtrArray       *blocks);
void       mscos_blocks_view_set_block   (MscosBlocksView *self,
                                          MscosBlock      *block);

G_END_DECLS
