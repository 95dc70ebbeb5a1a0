/* mscos-page-row.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-page-row"

#include "config.h"

#include <string.h>

#include "mscos-page-model-private.h"

/* One row of an outcome page (see MscosPageModel): what it shows, and how it sits in the cards
 * around it. A card that is open spans several rows, each drawing its piece of the card: the
 * row knows which cards it is drawn in (its frames) and whether it begins or ends each. */

G_DEFINE_FINAL_TYPE (MscosPageRow, mscos_page_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXPANDED,
  PROP_HIGHLIGHTED,
  PROP_FRAME_LAST_MASK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mscos_page_row_finalize (GObject *object)
{
  MscosPageRow *self = MSCOS_PAGE_ROW (object);

  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_object (&self->outcome);
  g_clear_object (&self->section);
  g_clear_object (&self->item);
  g_clear_pointer (&self->block, mscos_block_unref);
  g_clear_object (&self->change);
  g_clear_pointer (&self->old_block, mscos_block_unref);

  G_OBJECT_CLASS (mscos_page_row_parent_class)->finalize (object);
}

static void
mscos_page_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MscosPageRow *self = MSCOS_PAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;

    case PROP_HIGHLIGHTED:
      g_value_set_boolean (value, self->highlighted);
      break;

    case PROP_FRAME_LAST_MASK:
      g_value_set_uint (value, self->last_mask);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_page_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MscosPageRow *self = MSCOS_PAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      mscos_page_row_set_expanded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_page_row_class_init (MscosPageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mscos_page_row_finalize;
  object_class->get_property = mscos_page_row_get_property;
  object_class->set_property = mscos_page_row_set_property;

  /**
   * MscosPageRow:expanded:
   *
   * Whether an item that shows more on demand (a resource's full text, a set's
   * recommendations, a person's account, a transcript) is open.
   */
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosPageRow:highlighted:
   *
   * Whether the row shows the item that was just jumped to.
   */
  properties[PROP_HIGHLIGHTED] =
    g_param_spec_boolean ("highlighted", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosPageRow:frame-last-mask:
   *
   * Bit N is set when the row is the last of the card of frame N, which changes as items
   * below it in the same card open and close.
   */
  properties[PROP_FRAME_LAST_MASK] =
    g_param_spec_uint ("frame-last-mask", NULL, NULL, 0, G_MAXUINT8, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_page_row_init (MscosPageRow *self)
{
  self->position = G_MAXUINT;
}

MscosPageRow *
mscos_page_row_new (MscosPageModel   *model,
                    MscosPageRowKind  kind,
                    MscosPageRow     *owner)
{
  MscosPageRow *self = g_object_new (MSCOS_TYPE_PAGE_ROW, NULL);

  self->model = model;
  self->kind = kind;
  self->owner = owner;

  if (owner != NULL)
    {
      self->n_frames = owner->n_frames;
      memcpy (self->frames, owner->frames, sizeof self->frames);
    }
  /* An item's row begins its card; deeper nesting than the cards can show is drawn in the
   * innermost card. */
  if (kind == MSCOS_PAGE_ROW_ITEM && self->n_frames < MSCOS_PAGE_ROW_MAX_FRAMES)
    self->frames[self->n_frames++] = self;

  return self;
}

void
mscos_page_row_update_last_mask (MscosPageRow *self,
                                 guint8        mask)
{
  if (self->last_mask == mask)
    return;

  self->last_mask = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_LAST_MASK]);
}

void
mscos_page_row_update_expanded (MscosPageRow *self,
                                gboolean      expanded)
{
  if (self->expanded == !!expanded)
    return;

  self->expanded = !!expanded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

void
mscos_page_row_update_highlighted (MscosPageRow *self,
                                   gboolean      highlighted)
{
  if (self->highlighted == !!highlighted)
    return;

  self->highlighted = !!highlighted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}

MscosPageRowKind
mscos_page_row_get_kind (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), MSCOS_PAGE_ROW_HEADER);

  return self->kind;
}

/**
 * mscos_page_row_get_outcome:
 *
 * Returns: (transfer none) (nullable): the outcome of a header row
 */
MscosOutcome *
mscos_page_row_get_outcome (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);

  return self->outcome;
}

/**
 * mscos_page_row_get_section:
 *
 * Returns: (transfer none) (nullable): the section of a section row; while reviewing, for
 *   a section the revision removed, the base pack's
 */
MscosSection *
mscos_page_row_get_section (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);

  return self->section;
}

/**
 * mscos_page_row_get_item:
 *
 * Returns: (transfer none) (nullable): the item the row shows, or shows part of: for a
 *   block or links row the item they belong to, for a set's intro the set
 */
MscosItem *
mscos_page_row_get_item (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);

  return self->item;
}

/**
 * mscos_page_row_get_block:
 *
 * Returns: (transfer none) (nullable): the block of a block row
 */
MscosBlock *
mscos_page_row_get_block (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);

  return self->block;
}

/**
 * mscos_page_row_get_level:
 *
 * Returns: how deep a recommendation is nested under others of its group, 0 for one of the
 *   group itself
 */
guint
mscos_page_row_get_level (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), 0);

  return self->level;
}

/**
 * mscos_page_row_get_expandable:
 *
 * Returns: whether the row's item shows more on demand
 */
gboolean
mscos_page_row_get_expandable (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), FALSE);

  return self->expandable;
}

gboolean
mscos_page_row_get_expanded (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), FALSE);

  return self->expanded;
}

/**
 * mscos_page_row_set_expanded:
 *
 * Opens or closes the row's item; the rows of what it shows appear in, or leave, its model.
 */
void
mscos_page_row_set_expanded (MscosPageRow *self,
                             gboolean      expanded)
{
  g_return_if_fail (MSCOS_IS_PAGE_ROW (self));

  if (self->model != NULL)
    mscos_page_model_set_expanded (self->model, self, expanded);
  else if (self->expandable)
    mscos_page_row_update_expanded (self, expanded);
}

gboolean
mscos_page_row_get_highlighted (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), FALSE);

  return self->highlighted;
}

/**
 * mscos_page_row_has_controls:
 *
 * Returns: whether the row holds anything that takes the keyboard focus: every item has its
 *   bookmark and note buttons, links rows their links, the header the page's link
 */
gboolean
mscos_page_row_has_controls (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), FALSE);

  switch (self->kind)
    {
    case MSCOS_PAGE_ROW_HEADER:
      /* While reviewing, it has Show Only Changes. */
      return mscos_outcome_get_link (self->outcome) != NULL
             || mscos_page_row_get_model_diff (self) != NULL;

    case MSCOS_PAGE_ROW_ITEM:
      /* A removed item, shown while reviewing, has no bookmark or note, and stays closed. */
      return !mscos_page_row_is_removed (self);

    case MSCOS_PAGE_ROW_LINKS:
      return TRUE;

    case MSCOS_PAGE_ROW_RECOMMENDATION:
      /* A removed recommendation is the base pack's: nothing to bookmark or note. */
      return mscos_item_is_bookmarkable (self->item) && !mscos_page_row_is_removed (self);

    case MSCOS_PAGE_ROW_SECTION:
    case MSCOS_PAGE_ROW_BLOCK:
    case MSCOS_PAGE_ROW_SET_INTRO:
    case MSCOS_PAGE_ROW_GROUP:
    default:
      return FALSE;
    }
}

/**
 * mscos_page_row_get_n_frames:
 *
 * Returns: how many cards the row is drawn in: 0 for the header and section headings, 1 for
 *   an item of a section and what it shows, 2 for an item nested in a resource and what that
 *   shows
 */
guint
mscos_page_row_get_n_frames (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), 0);

  return self->n_frames;
}

/**
 * mscos_page_row_get_frame_item:
 * @frame: less than mscos_page_row_get_n_frames(), 0 being the outermost card
 *
 * Returns: (transfer none): the item whose card that is
 */
MscosItem *
mscos_page_row_get_frame_item (MscosPageRow *self,
                               guint         frame)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);
  g_return_val_if_fail (frame < self->n_frames, NULL);

  return self->frames[frame]->item;
}

/**
 * mscos_page_row_get_frame_row:
 * @frame: less than mscos_page_row_get_n_frames(), 0 being the outermost card
 *
 * Returns: (transfer none): the row of the item whose card that is, which begins the card
 */
MscosPageRow *
mscos_page_row_get_frame_row (MscosPageRow *self,
                              guint         frame)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);
  g_return_val_if_fail (frame < self->n_frames, NULL);

  return self->frames[frame];
}

/**
 * mscos_page_row_get_frame_first:
 *
 * Returns: whether the row begins the card of @frame: the card's own item row
 */
gboolean
mscos_page_row_get_frame_first (MscosPageRow *self,
                                guint         frame)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), FALSE);
  g_return_val_if_fail (frame < self->n_frames, FALSE);

  return self->frames[frame] == self;
}

/**
 * mscos_page_row_get_frame_last:
 *
 * Returns: whether the row ends the card of @frame
 */
gboolean
mscos_page_row_get_frame_last (MscosPageRow *self,
                               guint         frame)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), FALSE);
  g_return_val_if_fail (frame < self->n_frames, FALSE);

  return (self->last_mask & (1u << frame)) != 0;
}

/**
 * mscos_page_row_get_diff:
 *
 * Returns: (transfer none) (nullable): while the page is reviewed, the comparison of the
 *   base pack with the revision shown
 */
MscosPackDiff *
mscos_page_row_get_diff (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);

  return mscos_page_row_get_model_diff (self);
}

/**
 * mscos_page_row_get_change:
 *
 * Returns: (transfer none) (nullable): while the page is reviewed, what changed in the row's
 *   item (or section, for a section's row): new, removed, moved or changed; %NULL if nothing
 *   did, or the row is not of an item or a section
 */
MscosPackChange *
mscos_page_row_get_change (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);

  return self->change;
}

/**
 * mscos_page_row_is_removed:
 *
 * Returns: whether the row shows an item of the base pack that the revision removed, where
 *   it was
 */
gboolean
mscos_page_row_is_removed (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), FALSE);

  return self->change != NULL
         && mscos_pack_change_get_change_type (self->change) == MSCOS_CHANGE_REMOVED;
}

/**
 * mscos_page_row_get_old_item:
 *
 * Returns: (transfer none) (nullable): for a changed or moved item, the base pack's version of
 *   it, to show the difference; %NULL otherwise
 */
MscosItem *
mscos_page_row_get_old_item (MscosPageRow *self)
{
  GObject *old;

  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);

  if (self->change == NULL || self->kind == MSCOS_PAGE_ROW_SECTION
      || mscos_pack_change_get_change_type (self->change) == MSCOS_CHANGE_NEW
      || mscos_pack_change_get_change_type (self->change) == MSCOS_CHANGE_REMOVED)
    return NULL;

  old = mscos_pack_change_get_old_object (self->change);

  return MSCOS_IS_ITEM (old) ? MSCOS_ITEM (old) : NULL;
}

/**
 * mscos_page_row_get_old_section:
 *
 * Returns: (transfer none) (nullable): for the row of a section whose heading or intro the
 *   revision changed, the base pack's version of it, to show the difference; %NULL otherwise
 */
MscosSection *
mscos_page_row_get_old_section (MscosPageRow *self)
{
  GObject *old;

  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);

  if (self->change == NULL || self->kind != MSCOS_PAGE_ROW_SECTION
      || mscos_pack_change_get_change_type (self->change) == MSCOS_CHANGE_NEW
      || mscos_pack_change_get_change_type (self->change) == MSCOS_CHANGE_REMOVED)
    return NULL;

  old = mscos_pack_change_get_old_object (self->change);

  return MSCOS_IS_SECTION (old) ? MSCOS_SECTION (old) : NULL;
}

/**
 * mscos_page_row_get_block_change:
 *
 * Returns: while reviewing an item whose text the revision changed, how a block row's block
 *   differs from the base pack's: changed, added, or removed (the row then shows the base
 *   pack's block); %MSCOS_BLOCK_CHANGE_NONE otherwise
 */
MscosBlockChange
mscos_page_row_get_block_change (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), MSCOS_BLOCK_CHANGE_NONE);

  return self->block_change;
}

/**
 * mscos_page_row_get_old_block:
 *
 * Returns: (transfer none) (nullable): for a block row whose block the revision changed, the
 *   base pack's version of it, to show the difference; %NULL otherwise
 */
MscosBlock *
mscos_page_row_get_old_block (MscosPageRow *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (self), NULL);

  return self->old_block;
}
