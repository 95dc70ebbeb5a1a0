/* mscos-sidebar-item.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-sidebar-item"

#include "config.h"

#include "mscos-sidebar-item.h"

/* One row of the sidebar: an outcome, or a place of the user's library. Rows carry the title
 * of their section, which the list view's header factory shows. */

struct _MscosSidebarItem
{
  GObject            parent_instance;

  MscosSidebarPlace  place;
  MscosOutcome      *outcome;
  char              *title;
  char              *icon_name;
  char              *section_title;
  /* While reviewing: "3 changes", or NULL */
  char              *changes;
};

G_DEFINE_FINAL_TYPE (MscosSidebarItem, mscos_sidebar_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_HAS_ICON,
  PROP_SECTION_TITLE,
  PROP_CHANGES,
  PROP_HAS_CHANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mscos_sidebar_item_finalize (GObject *object)
{
  MscosSidebarItem *self = MSCOS_SIDEBAR_ITEM (object);

  g_clear_object (&self->outcome);
  g_free (self->title);
  g_free (self->icon_name);
  g_free (self->section_title);
  g_free (self->changes);

  G_OBJECT_CLASS (mscos_sidebar_item_parent_class)->finalize (object);
}

static void
mscos_sidebar_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MscosSidebarItem *self = MSCOS_SIDEBAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_HAS_ICON:
      g_value_set_boolean (value, self->icon_name != NULL);
      break;

    case PROP_SECTION_TITLE:
      g_value_set_string (value, self->section_title);
      break;

    case PROP_CHANGES:
      g_value_set_string (value, self->changes);
      break;

    case PROP_HAS_CHANGES:
      g_value_set_boolean (value, self->changes != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_sidebar_item_class_init (MscosSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mscos_sidebar_item_finalize;
  object_class->get_property = mscos_sidebar_item_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_ICON] =
    g_param_spec_boolean ("has-icon", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION_TITLE] =
    g_param_spec_string ("section-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CHANGES] =
    g_param_spec_string ("changes", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_CHANGES] =
    g_param_spec_boolean ("has-changes", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_sidebar_item_init (MscosSidebarItem *self)
{
}

MscosSidebarItem *
mscos_sidebar_item_new_for_outcome (MscosOutcome *outcome,
                                    const char   *section_title)
{
  MscosSidebarItem *self;

  g_return_val_if_fail (MSCOS_IS_OUTCOME (outcome), NULL);

  self = g_object_new (MSCOS_TYPE_SIDEBAR_ITEM, NULL);
  self->place = MSCOS_SIDEBAR_OUTCOME;
  self->outcome = g_object_ref (outcome);
  self->title = g_strdup (mscos_outcome_get_title (outcome));
  self->section_title = g_strdup (section_title);

  return self;
}

MscosSidebarItem *
mscos_sidebar_item_new_for_place (MscosSidebarPlace  place,
                                  const char        *title,
                                  const char        *icon_name,
                                  const char        *section_title)
{
  MscosSidebarItem *self = g_object_new (MSCOS_TYPE_SIDEBAR_ITEM, NULL);

  self->place = place;
  self->title = g_strdup (title);
  self->icon_name = g_strdup (icon_name);
  self->section_title = g_strdup (section_title);

  return self;
}

MscosSidebarPlace
mscos_sidebar_item_get_place (MscosSidebarItem *self)
{
  g_return_val_if_fail (MSCOS_IS_SIDEBAR_ITEM (self), MSCOS_SIDEBAR_OUTCOME);

  return self->place;
}

/**
 * mscos_sidebar_item_get_outcome:
 *
 * Returns: (transfer none) (nullable): the outcome of an outcome's row
 */
MscosOutcome *
mscos_sidebar_item_get_outcome (MscosSidebarItem *self)
{
  g_return_val_if_fail (MSCOS_IS_SIDEBAR_ITEM (self), NULL);

  return self->outcome;
}

const char *
mscos_sidebar_item_get_title (MscosSidebarItem *self)
{
  g_return_val_if_fail (MSCOS_IS_SIDEBAR_ITEM (self), NULL);

  return self->title;
}

/**
 * mscos_sidebar_item_set_changes:
 * @changes: (nullable): while reviewing, how much of the row's outcome changed: "3 changes"
 */
void
mscos_sidebar_item_set_changes (MscosSidebarItem *self,
                                const char       *changes)
{
  gboolean had = FALSE;

  g_return_if_fail (MSCOS_IS_SIDEBAR_ITEM (self));

  had = self->changes != NULL;
  if (!g_set_str (&self->changes, changes))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES]);
  if (had != (changes != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHANGES]);
}
