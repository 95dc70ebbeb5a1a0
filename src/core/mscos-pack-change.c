/* mscos-pack-change.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-pack-change"

#include "config.h"

#include "mscos-pack-change-private.h"

/* One difference between two revisions of a pack: an outcome, section or item (single
 * recommendations and groups included) that is new, removed, changed or moved, or the pack's
 * own details. Made by MscosPackDiff. */

G_DEFINE_FINAL_TYPE (MscosPackChange, mscos_pack_change, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MscosChangeType, mscos_change_type,
                    G_DEFINE_ENUM_VALUE (MSCOS_CHANGE_NEW, "new"),
                    G_DEFINE_ENUM_VALUE (MSCOS_CHANGE_REMOVED, "removed"),
                    G_DEFINE_ENUM_VALUE (MSCOS_CHANGE_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (MSCOS_CHANGE_MOVED, "moved"))

enum
{
  PROP_0,
  PROP_CHANGE_TYPE,
  PROP_PART,
  PROP_ITEM_KIND,
  PROP_KIND_NAME,
  PROP_ID,
  PROP_PATH,
  PROP_OUTCOME_ID,
  PROP_SECTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mscos_pack_change_finalize (GObject *object)
{
  MscosPackChange *self = MSCOS_PACK_CHANGE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->old_path, g_free);
  g_clear_pointer (&self->members, g_free);
  g_clear_object (&self->old_object);
  g_clear_object (&self->new_object);

  G_OBJECT_CLASS (mscos_pack_change_parent_class)->finalize (object);
}

static void
mscos_pack_change_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MscosPackChange *self = MSCOS_PACK_CHANGE (object);

  switch (prop_id)
    {
    case PROP_CHANGE_TYPE:
      g_value_set_enum (value, self->type);
      break;

    case PROP_PART:
      g_value_set_enum (value, self->part);
      break;

    case PROP_ITEM_KIND:
      g_value_set_int (value, self->item_kind);
      break;

    case PROP_KIND_NAME:
      g_value_set_string (value, mscos_pack_change_get_kind_name (self));
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PATH:
      g_value_set_string (value, mscos_pack_change_get_path (self));
      break;

    case PROP_OUTCOME_ID:
      g_value_set_string (value, mscos_pack_change_get_outcome_id (self));
      break;

    case PROP_SECTION_ID:
      g_value_set_string (value, mscos_pack_change_get_section_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_pack_change_class_init (MscosPackChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mscos_pack_change_finalize;
  object_class->get_property = mscos_pack_change_get_property;

  /* Read-only, for the filters and sorters of lists of changes. */
  properties[PROP_CHANGE_TYPE] =
    g_param_spec_enum ("change-type", NULL, NULL, MSCOS_TYPE_CHANGE_TYPE, MSCOS_CHANGE_CHANGED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PART] =
    g_param_spec_enum ("part", NULL, NULL, MSCOS_TYPE_PACK_PART, MSCOS_PACK_PART_ITEM,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* An MscosItemKind, for an item. */
  properties[PROP_ITEM_KIND] =
    g_param_spec_int ("item-kind", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OUTCOME_ID] =
    g_param_spec_string ("outcome-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SECTION_ID] =
    g_param_spec_string ("section-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_pack_change_init (MscosPackChange *self)
{
}

/**
 * mscos_change_type_to_string:
 *
 * Returns: "new", "removed", "changed" or "moved", as `mscos-outcomes --diff` writes them
 */
const char *
mscos_change_type_to_string (MscosChangeType type)
{
  GEnumClass *klass = g_type_class_get (MSCOS_TYPE_CHANGE_TYPE);
  GEnumValue *value = g_enum_get_value (klass, type);

  g_return_val_if_fail (value != NULL, "changed");

  return value->value_nick;
}

MscosChangeType
mscos_pack_change_get_change_type (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), MSCOS_CHANGE_CHANGED);

  return self->type;
}

/**
 * mscos_pack_change_get_part:
 *
 * Returns: whether the change is of the pack's own details, an outcome, a section or an item
 */
MscosPackPart
mscos_pack_change_get_part (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), MSCOS_PACK_PART_ITEM);

  return self->part;
}

/**
 * mscos_pack_change_get_item_kind:
 *
 * Returns: for an item, its kind in the new pack (in the old one, if it was removed)
 */
MscosItemKind
mscos_pack_change_get_item_kind (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), MSCOS_ITEM_TEXT);

  return self->item_kind;
}

/**
 * mscos_pack_change_get_kind_name:
 *
 * Returns: the item's kind as the pack spells it ("quote", "recommendation", "group"…), or
 *   "pack", "outcome" or "section"
 */
const char *
mscos_pack_change_get_kind_name (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  if (self->part == MSCOS_PACK_PART_ITEM)
    return mscos_item_kind_to_string (self->item_kind);

  return mscos_pack_part_to_string (self->part);
}

/**
 * mscos_pack_change_get_id:
 *
 * Returns: (nullable): the id of the outcome, section or item; %NULL for the pack's own
 *   details and for a group of recommendations without an id
 */
const char *
mscos_pack_change_get_id (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->id;
}

/**
 * mscos_pack_change_get_path:
 *
 * Returns: where the changed thing is in the new pack's JSON, or was in the old one if it was
 *   removed: `outcomes[1].sections[2].items[0]`; `pack` for the pack's own details
 */
const char *
mscos_pack_change_get_path (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->path != NULL ? self->path : self->old_path;
}

/**
 * mscos_pack_change_get_old_path:
 *
 * Returns: (nullable): where it was in the old pack; %NULL if it is new
 */
const char *
mscos_pack_change_get_old_path (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->old_path;
}

/**
 * mscos_pack_change_get_members:
 *
 * The members whose value changed, named as the pack's JSON names them for this kind
 * ("text", "label", "speaker", "role", "links", "body", "title"…; "kind" when the item is of
 * another kind now). Empty for a new or removed thing, and for one that only moved.
 *
 * Returns: (transfer none) (array zero-terminated=1): the names
 */
const char * const *
mscos_pack_change_get_members (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return (const char * const *) self->members;
}

gboolean
mscos_pack_change_has_member (MscosPackChange *self,
                              const char      *member)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->members, member);
}

/**
 * mscos_pack_change_get_old_object:
 *
 * Returns: (transfer none) (nullable): the #MscosItem, #MscosSection, #MscosOutcome or
 *   #MscosContentPack as it was; %NULL if it is new
 */
GObject *
mscos_pack_change_get_old_object (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->old_object;
}

/**
 * mscos_pack_change_get_new_object:
 *
 * Returns: (transfer none) (nullable): the #MscosItem, #MscosSection, #MscosOutcome or
 *   #MscosContentPack as it is now; %NULL if it was removed
 */
GObject *
mscos_pack_change_get_new_object (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->new_object;
}

/**
 * mscos_pack_change_get_outcome_id:
 *
 * Returns: (nullable): the outcome it is in now (itself for an outcome), or was in if it was
 *   removed; %NULL for the pack
 */
const char *
mscos_pack_change_get_outcome_id (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->type == MSCOS_CHANGE_REMOVED ? self->old_outcome_id : self->outcome_id;
}

/**
 * mscos_pack_change_get_section_id:
 *
 * Returns: (nullable): the section it is in now (itself for a section), or was in if it was
 *   removed; %NULL for an outcome or the pack
 */
const char *
mscos_pack_change_get_section_id (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->type == MSCOS_CHANGE_REMOVED ? self->old_section_id : self->section_id;
}

/**
 * mscos_pack_change_get_parent_id:
 *
 * Returns: (nullable): what holds it now, or held it if it was removed: the item (for a
 *   recommendation in a group without an id, its set), section or outcome; %NULL for an
 *   outcome or the pack
 */
const char *
mscos_pack_change_get_parent_id (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->type == MSCOS_CHANGE_REMOVED ? self->old_parent_id : self->parent_id;
}

/**
 * mscos_pack_change_get_old_outcome_id:
 *
 * Returns: (nullable): the outcome it was in, for all but a new thing
 */
const char *
mscos_pack_change_get_old_outcome_id (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->old_outcome_id;
}

/**
 * mscos_pack_change_get_old_section_id:
 *
 * Returns: (nullable): the section it was in, for all but a new thing
 */
const char *
mscos_pack_change_get_old_section_id (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->old_section_id;
}

/**
 * mscos_pack_change_get_old_parent_id:
 *
 * Returns: (nullable): what held it, for all but a new thing: with the old path, the "from
 *   where" of a move
 */
const char *
mscos_pack_change_get_old_parent_id (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->old_parent_id;
}

/**
 * mscos_pack_change_get_anchor_id:
 *
 * Where to show a removed thing among what the new pack has: it came after the item (or
 * section, or outcome) with this id, which the new pack still has in the same place, or
 * first in its parent if this is %NULL.
 *
 * Returns: (nullable): the id, for a removed thing whose parent the new pack still has
 */
const char *
mscos_pack_change_get_anchor_id (MscosPackChange *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  return self->anchor_id;
}

/**
 * mscos_pack_change_dup_summary:
 *
 * A one-line summary for content authors' scripts, in English whatever the locale, so that
 * scripts can read it: the kind, then what changed and where it came from, as in
 * `recommendation; changed text, label` or
 * `quote; from outcomes[2].sections[0].items[3] in safety.voices`.
 *
 * Returns: (transfer full): the summary, with no tab or line break
 */
char *
mscos_pack_change_dup_summary (MscosPackChange *self)
{
  GString *summary;

  g_return_val_if_fail (MSCOS_IS_PACK_CHANGE (self), NULL);

  summary = g_string_new (mscos_pack_change_get_kind_name (self));

  if (self->members[0] != NULL)
    {
      g_autofree char *members = g_strjoinv (", ", (char **) self->members);

      g_string_append_printf (summary, "; changed %s", members);
    }

  if (self->type == MSCOS_CHANGE_MOVED)
    {
      g_string_append_printf (summary, "; from %s", self->old_path);
      if (self->old_parent_id != NULL)
        g_string_append_printf (summary, " in %s", self->old_parent_id);
    }

  return g_string_free (summary, FALSE);
}
