/* mscos-section.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-section"

#include "config.h"

#include "mscos-content-private.h"
#include "mscos-section.h"

G_DEFINE_FINAL_TYPE (MscosSection, mscos_section, G_TYPE_OBJECT)

static void
mscos_section_finalize (GObject *object)
{
  MscosSection *self = MSCOS_SECTION (object);

  g_clear_pointer (&self->intro, g_ptr_array_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->strings, mscos_content_text_unref);

  G_OBJECT_CLASS (mscos_section_parent_class)->finalize (object);
}

static void
mscos_section_class_init (MscosSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mscos_section_finalize;
}

static void
mscos_section_init (MscosSection *self)
{
  self->items = g_list_store_new (MSCOS_TYPE_ITEM);
}

const char *
mscos_section_get_id (MscosSection *self)
{
  g_return_val_if_fail (MSCOS_IS_SECTION (self), NULL);

  return self->id;
}

/**
 * mscos_section_get_title:
 *
 * Returns: (nullable): the section's heading
 */
const char *
mscos_section_get_title (MscosSection *self)
{
  g_return_val_if_fail (MSCOS_IS_SECTION (self), NULL);

  return self->title;
}

/**
 * mscos_section_get_intro:
 *
 * Returns: (transfer none) (nullable) (element-type MscosBlock): text before the items
 */
GPtrArray *
mscos_section_get_intro (MscosSection *self)
{
  g_return_val_if_fail (MSCOS_IS_SECTION (self), NULL);

  return self->intro;
}

/**
 * mscos_section_get_items:
 *
 * Returns: (transfer none): a #GListModel of #MscosItem
 */
GListModel *
mscos_section_get_items (MscosSection *self)
{
  g_return_val_if_fail (MSCOS_IS_SECTION (self), NULL);

  return G_LIST_MODEL (self->items);
}
