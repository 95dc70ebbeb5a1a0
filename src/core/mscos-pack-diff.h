/* mscos-pack-diff.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-content-pack.h"
#include "mscos-pack-change.h"
#include "mscos-pack-outline.h"

G_BEGIN_DECLS

/* How a block of an item's rich text differs from the base pack's, block for block. */
typedef enum
{
  MSCOS_BLOCK_CHANGE_NONE,
  MSCOS_BLOCK_CHANGE_CHANGED,
  MSCOS_BLOCK_CHANGE_ADDED,
  MSCOS_BLOCK_CHANGE_REMOVED,
} MscosBlockChange;

/**
 * MscosBlockPair:
 * @change: how the blocks differ
 * @old_block: (nullable): the base pack's block; %NULL for an added one
 * @new_block: (nullable): the revision's block; %NULL for a removed one
 *
 * One block of a text compared with the base pack's: the same, changed, added or removed.
 */
typedef struct
{
  MscosBlockChange  change;
  MscosBlock       *old_block;
  MscosBlock       *new_block;
} MscosBlockPair;

#define MSCOS_TYPE_PACK_DIFF (mscos_pack_diff_get_type ())

G_DECLARE_FINAL_TYPE (MscosPackDiff, mscos_pack_diff, MSCOS, PACK_DIFF, GObject)

MscosPackDiff    *mscos_pack_diff_new               (MscosContentPack *old_pack,
                                                     MscosContentPack *new_pack);
MscosPackDiff    *mscos_pack_diff_new_for_outlines  (MscosPackOutline *old_outline,
                                                     MscosPackOutline *new_outline);
MscosContentPack *mscos_pack_diff_get_old_pack      (MscosPackDiff    *self);
MscosContentPack *mscos_pack_diff_get_new_pack      (MscosPackDiff    *self);
MscosPackOutline *mscos_pack_diff_get_old_outline   (MscosPackDiff    *self);
MscosPackOutline *mscos_pack_diff_get_new_outline   (MscosPackDiff    *self);
gboolean          mscos_pack_diff_is_empty          (MscosPackDiff    *self);
guint             mscos_pack_diff_count             (MscosPackDiff    *self,
                                                     MscosPackPart     part,
                                                     MscosChangeType   type);
guint             mscos_pack_diff_count_items       (MscosPackDiff    *self,
                                                     MscosItemKind     kind,
                                                     MscosChangeType   type);
guint             mscos_pack_diff_count_in_outcome  (MscosPackDiff    *self,
                                                     const char       *outcome_id);
MscosPackChange  *mscos_pack_diff_lookup            (MscosPackDiff    *self,
                                                     const char       *id);
char             *mscos_pack_diff_format_lines      (MscosPackDiff    *self);
char             *mscos_pack_diff_format_json       (MscosPackDiff    *self);

GArray           *mscos_pack_diff_pair_blocks       (GPtrArray        *old_blocks,
                                                     GPtrArray        *new_blocks);
GArray           *mscos_pack_diff_pair_entries      (MscosBlock       *old_list,
                                                     MscosBlock       *new_list);

G_END_DECLS
