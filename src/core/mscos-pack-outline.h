/* mscos-pack-outline.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-content-pack.h"

G_BEGIN_DECLS

/* What a place in a pack, a change or a comment is about. */
typedef enum
{
  MSCOS_PACK_PART_PACK,
  MSCOS_PACK_PART_OUTCOME,
  MSCOS_PACK_PART_SECTION,
  MSCOS_PACK_PART_ITEM,
} MscosPackPart;

#define MSCOS_TYPE_PACK_PART (mscos_pack_part_get_type ())
#define MSCOS_TYPE_PACK_OUTLINE (mscos_pack_outline_get_type ())

GType mscos_pack_part_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (MscosPackOutline, mscos_pack_outline, MSCOS, PACK_OUTLINE, GObject)

const char       *mscos_pack_part_to_string          (MscosPackPart     part);
MscosPackOutline *mscos_pack_outline_new             (MscosContentPack *pack);
MscosContentPack *mscos_pack_outline_get_pack        (MscosPackOutline *self);
gboolean          mscos_pack_outline_contains        (MscosPackOutline *self,
                                                      const char       *id);
MscosPackPart     mscos_pack_outline_get_part        (MscosPackOutline *self,
                                                      const char       *id);
GObject          *mscos_pack_outline_lookup          (MscosPackOutline *self,
                                                      const char       *id);
char             *mscos_pack_outline_dup_path        (MscosPackOutline *self,
                                                      const char       *id);
const char       *mscos_pack_outline_get_outcome_id  (MscosPackOutline *self,
                                                      const char       *id);
const char       *mscos_pack_outline_get_section_id  (MscosPackOutline *self,
                                                      const char       *id);
const char       *mscos_pack_outline_get_parent_id   (MscosPackOutline *self,
                                                      const char       *id);

G_END_DECLS
