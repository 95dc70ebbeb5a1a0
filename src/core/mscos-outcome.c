/* mscos-outcome.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-outcome"

#include "config.h"

#include "mscos-content-private.h"
#include "mscos-outcome.h"

G_DEFINE_FINAL_TYPE (MscosOutcome, mscos_outcome, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mscos_outcome_finalize (GObject *object)
{
  MscosOutcome *self = MSCOS_OUTCOME (object);

  g_clear_pointer (&self->descriptor, g_ptr_array_unref);
  g_clear_pointer (&self->link, mscos_link_free);
  g_clear_object (&self->sections);
  g_clear_pointer (&self->strings, mscos_content_text_unref);

  G_OBJECT_CLASS (mscos_outcome_parent_class)->finalize (object);
}

static void
mscos_outcome_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MscosOutcome *self = MSCOS_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_outcome_class_init (MscosOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mscos_outcome_finalize;
  object_class->get_property = mscos_outcome_get_property;

  /* Read-only properties, so that list views can bind to them in .ui files. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_outcome_init (MscosOutcome *self)
{
  self->sections = g_list_store_new (MSCOS_TYPE_SECTION);
  self->descriptor_source = MSCOS_DESCRIPTOR_SOURCE_SUMMARY;
}

const char *
mscos_outcome_get_id (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), NULL);

  return self->id;
}

const char *
mscos_outcome_get_title (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), NULL);

  return self->title;
}

MscosOutcomeGroup
mscos_outcome_get_group (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), MSCOS_OUTCOME_GROUP_CORE);

  return self->group;
}

/**
 * mscos_outcome_get_group_rank:
 *
 * Returns: where the outcome's group comes in the pack: groups are ranked by the position
 *   of their first outcome, so the sidebar can show them in the pack's order
 */
guint
mscos_outcome_get_group_rank (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), 0);

  return self->group_rank;
}

const char *
mscos_outcome_get_summary (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), NULL);

  return self->summary;
}

/**
 * mscos_outcome_get_strapline:
 *
 * Returns: (nullable): a short line shown above the page
 */
const char *
mscos_outcome_get_strapline (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), NULL);

  return self->strapline;
}

/**
 * mscos_outcome_get_descriptor:
 *
 * Returns: (transfer none) (element-type MscosBlock): the outcome's descriptor, whose source
 *   mscos_outcome_get_descriptor_source() gives
 */
GPtrArray *
mscos_outcome_get_descriptor (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), NULL);

  return self->descriptor;
}

/**
 * mscos_outcome_get_descriptor_source:
 *
 * Returns: whether the descriptor is the MSCOS study's own text or the pack editors' summary;
 *   a summary unless the pack says otherwise
 */
MscosDescriptorSource
mscos_outcome_get_descriptor_source (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), MSCOS_DESCRIPTOR_SOURCE_SUMMARY);

  return self->descriptor_source;
}

/**
 * mscos_outcome_get_link:
 *
 * Returns: (nullable): the outcome's page on the MSCOS website
 */
const MscosLink *
mscos_outcome_get_link (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), NULL);

  return self->link;
}

/**
 * mscos_outcome_get_sections:
 *
 * Returns: (transfer none): a #GListModel of #MscosSection
 */
GListModel *
mscos_outcome_get_sections (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), NULL);

  return G_LIST_MODEL (self->sections);
}

/**
 * mscos_outcome_get_n_items:
 *
 * Returns: the number of items with an id on the page, nested ones included
 */
guint
mscos_outcome_get_n_items (MscosOutcome *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (self), 0);

  return self->n_items;
}
