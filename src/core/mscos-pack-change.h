/* mscos-pack-change.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-item.h"
#include "mscos-pack-outline.h"

G_BEGIN_DECLS

typedef enum
{
  /* In the new pack only. */
  MSCOS_CHANGE_NEW,
  /* In the old pack only. */
  MSCOS_CHANGE_REMOVED,
  /* In both, in the same place, with other members. */
  MSCOS_CHANGE_CHANGED,
  /* In both, in another outcome, section or item, or in another order among the same
   * neighbours; its members may have changed too. */
  MSCOS_CHANGE_MOVED,
} MscosChangeType;

#define MSCOS_N_CHANGE_TYPES (MSCOS_CHANGE_MOVED + 1)

#define MSCOS_TYPE_CHANGE_TYPE (mscos_change_type_get_type ())
#define MSCOS_TYPE_PACK_CHANGE (mscos_pack_change_get_type ())

GType mscos_change_type_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (MscosPackChange, mscos_pack_change, MSCOS, PACK_CHANGE, GObject)

const char         *mscos_change_type_to_string           (MscosChangeType  type);
MscosChangeType     mscos_pack_change_get_change_type     (MscosPackChange *self);
MscosPackPart       mscos_pack_change_get_part            (MscosPackChange *self);
MscosItemKind       mscos_pack_change_get_item_kind       (MscosPackChange *self);
const char         *mscos_pack_change_get_kind_name       (MscosPackChange *self);
const char         *mscos_pack_change_get_id              (MscosPackChange *self);
const char         *mscos_pack_change_get_path            (MscosPackChange *self);
const char         *mscos_pack_change_get_old_path        (MscosPackChange *self);
const char * const *mscos_pack_change_get_members         (MscosPackChange *self);
gboolean            mscos_pack_change_has_member          (MscosPackChange *self,
                                                           const char      *member);
GObject            *mscos_pack_change_get_old_object      (MscosPackChange *self);
GObject            *mscos_pack_change_get_new_object      (MscosPackChange *self);
const char         *mscos_pack_change_get_outcome_id      (MscosPackChange *self);
const char         *mscos_pack_change_get_section_id      (MscosPackChange *self);
const char         *mscos_pack_change_get_parent_id       (MscosPackChange *self);
const char         *mscos_pack_change_get_old_outcome_id  (MscosPackChange *self);
const char         *mscos_pack_change_get_old_section_id  (MscosPackChange *self);
const char         *mscos_pack_change_get_old_parent_id   (MscosPackChange *self);
const char         *mscos_pack_change_get_anchor_id       (MscosPackChange *self);
char               *mscos_pack_change_dup_summary         (MscosPackChange *self);

G_END_DECLS
