/* mscos-outcome.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-item.h"

G_BEGIN_DECLS

typedef enum
{
  MSCOS_OUTCOME_GROUP_CORE,
  MSCOS_OUTCOME_GROUP_WORKING_WITH_THE_SET,
  MSCOS_OUTCOME_GROUP_RELATED_FRAMEWORK,
} MscosOutcomeGroup;

/* Whose words an outcome's descriptor is. */
typedef enum
{
  /* The MSCOS study's own descriptor text. */
  MSCOS_DESCRIPTOR_SOURCE_STUDY,
  /* A summary written by the pack's editors. */
  MSCOS_DESCRIPTOR_SOURCE_SUMMARY,
} MscosDescriptorSource;

#define MSCOS_TYPE_OUTCOME (mscos_outcome_get_type ())

G_DECLARE_FINAL_TYPE (MscosOutcome, mscos_outcome, MSCOS, OUTCOME, GObject)

const char        *mscos_outcome_get_id          (MscosOutcome *self);
const char        *mscos_outcome_get_title       (MscosOutcome *self);
MscosOutcomeGroup  mscos_outcome_get_group       (MscosOutcome *self);
guint              mscos_outcome_get_group_rank  (MscosOutcome *self);
const char        *mscos_outcome_get_summary     (MscosOutcome *self);
const char        *mscos_outcome_get_strapline   (MscosOutcome *self);
GPtrArray         *mscos_outcome_get_descriptor  (MscosOutcome *self);
MscosDescriptorSource mscos_outcome_get_descriptor_source
                                                 (MscosOutcome *self);
const MscosLink   *mscos_outcome_get_link        (MscosOutcome *self);
GListModel        *mscos_outcome_get_sections    (MscosOutcome *self);
guint              mscos_outcome_get_n_items     (MscosOutcome *self);

G_END_DECLS
