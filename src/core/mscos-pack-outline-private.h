/* mscos-pack-outline-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-pack-outline.h"

G_BEGIN_DECLS

#define MSCOS_OUTLINE_NONE G_MAXUINT

/* One outcome, section or item of a pack, or the pack itself (node 0). Nodes are kept in
 * page order, parents first, so that a node's descendants are the @size - 1 nodes after it. */
typedef struct
{
  MscosPackPart  part;
  /* Where it is in its parent's array, and that array's name in the pack:
   * "outcomes", "sections", "items" or "groups". */
  guint          index;
  const char    *member;
  guint          parent;
  guint          size;
  /* %NULL only for the pack and for a group of recommendations without an id. */
  const char    *id;
  /* The MscosContentPack, MscosOutcome, MscosSection or MscosItem, kept alive by the pack. */
  gpointer       object;
} MscosOutlineNode;

const MscosOutlineNode *mscos_pack_outline_get_nodes       (MscosPackOutline *self,
                                                            guint            *n_nodes);
guint                   mscos_pack_outline_find            (MscosPackOutline *self,
                                                            const char       *id);
char                   *mscos_pack_outline_dup_node_path   (MscosPackOutline *self,
                                                            guint             node);
guint                   mscos_pack_outline_get_ancestor    (MscosPackOutline *self,
                                                            guint             node,
                                                            MscosPackPart     part);
guint                   mscos_pack_outline_get_id_parent   (MscosPackOutline *self,
                                                            guint             node);

G_END_DECLS
