/* mscos-pack-change-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-pack-change.h"

G_BEGIN_DECLS

/* Filled in by the comparison (mscos-pack-diff.c) and never changed afterwards. The ids point
 * into the packs' documents, which the old and new objects keep alive. */
struct _MscosPackChange
{
  GObject          parent_instance;

  MscosChangeType  type;
  MscosPackPart    part;
  MscosItemKind    item_kind;
  const char      *id;
  char            *path;
  char            *old_path;
  /* NULL-terminated; the names are static strings */
  const char     **members;
  GObject         *old_object;
  GObject         *new_object;
  const char      *outcome_id;
  const char      *section_id;
  const char      *parent_id;
  const char      *old_outcome_id;
  const char      *old_section_id;
  const char      *old_parent_id;
  const char      *anchor_id;
};

G_END_DECLS
