/* mscos-page-model.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-page-model"

#include "config.h"

#include <string.h>

#include "mscos-page-model-private.h"
#include "mscos-pack-outline.h"

/* An outcome page as a flat list of rows, for a list view that makes widgets only for the rows
 * on screen: the header, each section's heading and items, and after each open item what it
 * shows — a resource's full text, links and the items it holds, a set's groups and
 * recommendations (nested ones follow their parent, one level deeper), a person's account, a
 * transcript. Opening an item inserts its rows after it; closing removes them.
 *
 * The rows of an item are made the first time it opens and kept, so each row stays the same
 * object while the page lives (a list view keeps the widget of a row that was removed and
 * added back in one change), and nested items keep whether they are open.
 *
 * While a revision is reviewed (mscos_page_model_new_for_review()), each row of an item, a
 * recommendation or a section carries its change, if it has one, and the items the revision
 * removed are rows of their own, closed, where the base pack had them: after the sibling
 * before them that the revision still has (MscosPackChange:anchor-id), or first in what held
 * them. Show Only Changes hides the rows of the page that neither changed nor hold a
 * change. */

struct _MscosPageModel
{
  GObject       parent_instance;

  MscosOutcome *outcome;
  /* The rows of the page itself: the header, and each section's heading and items. */
  GPtrArray    *top_rows;
  /* The rows shown, in order; the references are held by top_rows and the rows' children. */
  GPtrArray    *shown;
  /* MscosItem → its row, for every item whose row has been made */
  GHashTable   *item_rows;
  MscosPageRow *highlighted;

  /* While reviewing: the comparison, and its removed items by the id of what shows them (the
   * outcome, a resource or a set) → GPtrArray of MscosPackChange, in the base pack's order */
  MscosPackDiff *diff;
  GHashTable    *removed_by_holder;
  gboolean       only_changes;
};

static void mscos_page_model_list_model_init (GListModelInterface *iface);

static void review_children (MscosPageModel *self,
                             MscosPageRow   *row);

G_DEFINE_FINAL_TYPE_WITH_CODE (MscosPageModel, mscos_page_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mscos_page_model_list_model_init))

enum {
  PROP_0,
  PROP_ONLY_CHANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_elements (GPtrArray *array)
{
  return array != NULL && array->len > 0;
}

/* Whether the item has more than its card shows at first. */
static gboolean
shows_more (MscosItem *item)
{
  switch (mscos_item_get_kind (item))
    {
    case MSCOS_ITEM_RESOURCE:
      return has_elements (mscos_item_get_blocks (item))
             || has_elements (mscos_item_get_links (item))
             || g_list_model_get_n_items (mscos_item_get_children (item)) > 0;

    case MSCOS_ITEM_RECOMMENDATIONS:
      return g_list_model_get_n_items (mscos_item_get_children (item)) > 0;

    case MSCOS_ITEM_PROFILE:
      return (mscos_item_get_blocks (item) != NULL && mscos_item_get_blocks (item)->len > 1)
             || has_elements (mscos_item_get_links (item));

    case MSCOS_ITEM_AUDIO:
      return has_elements (mscos_item_get_blocks (item));

    case MSCOS_ITEM_QUOTE:
    case MSCOS_ITEM_TEXT:
    case MSCOS_ITEM_GROUP:
    case MSCOS_ITEM_RECOMMENDATION:
    default:
      return FALSE;
    }
}

static MscosPageRow *
add_row (GPtrArray        *rows,
         MscosPageModel   *self,
         MscosPageRowKind  kind,
         MscosPageRow     *owner,
         MscosItem        *item)
{
  MscosPageRow *row = mscos_page_row_new (self, kind, owner);

  if (item != NULL)
    {
      row->item = g_object_ref (item);
      if (kind != MSCOS_PAGE_ROW_BLOCK && kind != MSCOS_PAGE_ROW_LINKS && kind != MSCOS_PAGE_ROW_SET_INTRO)
        g_hash_table_insert (self->item_rows, item, row);
    }
  g_ptr_array_add (rows, row);

  return row;
}

static void
add_item_row (GPtrArray      *rows,
              MscosPageModel *self,
              MscosPageRow   *owner,
              MscosItem      *item)
{
  MscosPageRow *row = add_row (rows, self, MSCOS_PAGE_ROW_ITEM, owner, item);

  row->expandable = shows_more (item);
}

/* The blocks of @blocks from @first on, as a new array that does not hold them. */
static GPtrArray *
slice_blocks (GPtrArray *blocks,
              guint      first)
{
  GPtrArray *slice = g_ptr_array_new ();

  for (guint i = first; blocks != NULL && i < blocks->len; i++)
    g_ptr_array_add (slice, g_ptr_array_index (blocks, i));

  return slice;
}

/* While reviewing an item whose text changed: a row for each block of the text compared
 * with the base pack's, those removed included, each knowing how its block changed. */
static void
add_compared_block_rows (GPtrArray      *rows,
                         MscosPageModel *self,
                         MscosPageRow   *owner,
                         GPtrArray      *old_blocks,
                         GPtrArray      *blocks,
                         guint           first)
{
  g_autoptr (GPtrArray) old_slice = slice_blocks (old_blocks, first);
  g_autoptr (GPtrArray) slice = slice_blocks (blocks, first);
  g_autoptr (GArray) pairs = mscos_pack_diff_pair_blocks (old_slice, slice);

  for (guint i = 0; i < pairs->len; i++)
    {
      const MscosBlockPair *pair = &g_array_index (pairs, MscosBlockPair, i);
      MscosPageRow *row = add_row (rows, self, MSCOS_PAGE_ROW_BLOCK, owner, owner->item);

      row->block = mscos_block_ref (pair->new_block != NULL ? pair->new_block : pair->old_block);
      row->block_change = pair->change;
      if (pair->change == MSCOS_BLOCK_CHANGE_CHANGED)
        row->old_block = mscos_block_ref (pair->old_block);
    }
}

static void
add_block_rows (GPtrArray      *rows,
                MscosPageModel *self,
                MscosPageRow   *owner,
                GPtrArray      *blocks,
                guint           first)
{
  MscosItem *old = self->diff != NULL ? mscos_page_row_get_old_item (owner) : NULL;

  if (old != NULL)
    {
      add_compared_block_rows (rows, self, owner, mscos_item_get_blocks (old), blocks, first);
      return;
    }

  for (guint i = first; blocks != NULL && i < blocks->len; i++)
    {
      MscosPageRow *row = add_row (rows, self, MSCOS_PAGE_ROW_BLOCK, owner, owner->item);

      row->block = mscos_block_ref (g_ptr_array_index (blocks, i));
    }
}

static void
add_links_row (GPtrArray      *rows,
               MscosPageModel *self,
               MscosPageRow   *owner)
{
  if (has_elements (mscos_item_get_links (owner->item)))
    add_row (rows, self, MSCOS_PAGE_ROW_LINKS, owner, owner->item);
}

static void
add_recommendation_rows (GPtrArray      *rows,
                         MscosPageModel *self,
                         MscosPageRow   *owner,
                         GListModel     *recommendations,
                         guint           level)
{
  guint n = g_list_model_get_n_items (recommendations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) recommendation = g_list_model_get_item (recommendations, i);
      MscosPageRow *row = add_row (rows, self, MSCOS_PAGE_ROW_RECOMMENDATION, owner, recommendation);

      row->level = MIN (level, G_MAXUINT8);
      add_recommendation_rows (rows, self, owner, mscos_item_get_children (recommendation), level + 1);
    }
}

/* Makes the rows an item shows while it is open, the first time it opens. */
static void
ensure_children (MscosPageModel *self,
                 MscosPageRow   *row)
{
  MscosItem *item = row->item;
  GListModel *children;
  GPtrArray *rows;
  guint n;

  if (row->children != NULL)
    return;

  rows = row->children = g_ptr_array_new_with_free_func (g_object_unref);
  children = mscos_item_get_children (item);
  n = g_list_model_get_n_items (children);

  switch (mscos_item_get_kind (item))
    {
    case MSCOS_ITEM_RESOURCE:
      add_block_rows (rows, self, row, mscos_item_get_blocks (item), 0);
      add_links_row (rows, self, row);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (MscosItem) child = g_list_model_get_item (children, i);

          add_item_row (rows, self, row, child);
        }
      break;

    case MSCOS_ITEM_RECOMMENDATIONS:
      if (mscos_item_get_organisation (item) != NULL || has_elements (mscos_item_get_intro (item)))
        add_row (rows, self, MSCOS_PAGE_ROW_SET_INTRO, row, item);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (MscosItem) group = g_list_model_get_item (children, i);

          if (mscos_item_get_title (group) != NULL || has_elements (mscos_item_get_intro (group)))
            add_row (rows, self, MSCOS_PAGE_ROW_GROUP, row, group);
          add_recommendation_rows (rows, self, row, mscos_item_get_children (group), 0);
        }
      break;

    case MSCOS_ITEM_PROFILE:
      /* The first block is on the card itself. */
      add_block_rows (rows, self, row, mscos_item_get_blocks (item), 1);
      add_links_row (rows, self, row);
      break;

    case MSCOS_ITEM_AUDIO:
      add_block_rows (rows, self, row, mscos_item_get_blocks (item), 0);
      break;

    case MSCOS_ITEM_QUOTE:
    case MSCOS_ITEM_TEXT:
    case MSCOS_ITEM_GROUP:
    case MSCOS_ITEM_RECOMMENDATION:
    default:
      break;
    }

  if (self->diff != NULL)
    review_children (self, row);
}

/* Appends @row and, if it is open, what it shows. */
static void
append_shown (MscosPageModel *self,
              GPtrArray      *shown,
              MscosPageRow   *row)
{
  if (row->hidden)
    return;

  g_ptr_array_add (shown, row);

  if (!row->expanded)
    return;

  ensure_children (self, row);
  for (guint i = 0; i < row->children->len; i++)
    append_shown (self, shown, g_ptr_array_index (row->children, i));
}

static gboolean
is_inside (MscosPageRow *row,
           MscosPageRow *container)
{
  for (MscosPageRow *owner = row->owner; owner != NULL; owner = owner->owner)
    if (owner == container)
      return TRUE;

  return FALSE;
}

static void
number_rows (MscosPageModel *self,
             guint           from)
{
  for (guint i = from; i < self->shown->len; i++)
    ((MscosPageRow *) g_ptr_array_index (self->shown, i))->position = i;
}

/* Works out which cards end at the rows from @first to @last: a card ends where the next row
 * is not drawn in it. */
static void
update_last_masks (MscosPageModel *self,
                   guint           first,
                   guint           last)
{
  for (guint i = first; i <= last && i < self->shown->len; i++)
    {
      MscosPageRow *row = g_ptr_array_index (self->shown, i);
      MscosPageRow *next = i + 1 < self->shown->len ? g_ptr_array_index (self->shown, i + 1) : NULL;
      guint8 mask = 0;

      for (guint frame = 0; frame < row->n_frames; frame++)
        if (next == NULL || next->n_frames <= frame || next->frames[frame] != row->frames[frame])
          mask |= 1u << frame;

      mscos_page_row_update_last_mask (row, mask);
    }
}

/* GPtrArray inserts one element at a time; an item's rows go in at once. */
void
mscos_page_rows_insert (GPtrArray *array,
                        guint      index,
                        gpointer  *rows,
                        guint      n_rows)
{
  guint old_length = array->len;

  g_assert (index <= old_length);

  g_ptr_array_set_size (array, old_length + n_rows);
  memmove (array->pdata + index + n_rows, array->pdata + index,
           (old_length - index) * sizeof (gpointer));
  memcpy (array->pdata + index, rows, n_rows * sizeof (gpointer));
}

GPtrArray *
mscos_page_model_get_shown (MscosPageModel *self)
{
  return self->shown;
}

/* Whether @self is among the rows its model shows now. */
gboolean
mscos_page_row_is_shown (MscosPageRow *self)
{
  return self->model != NULL && self->position < self->model->shown->len
         && g_ptr_array_index (self->model->shown, self->position) == self;
}

static void
forget_model (MscosPageModel *self,
              GPtrArray      *rows)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      MscosPageRow *row = g_ptr_array_index (rows, i);

      row->model = NULL;
      forget_model (self, row->children);
    }
}

/* Sets every item of @rows, and of what they hold, open or closed; collects those that
 * changed in @changed. */
static void
set_all_expanded (MscosPageModel *self,
                  GPtrArray      *rows,
                  gboolean        expanded,
                  GPtrArray      *changed)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      MscosPageRow *row = g_ptr_array_index (rows, i);

      if (!row->expandable)
        continue;

      if (row->expanded != expanded)
        {
          row->expanded = expanded;
          g_ptr_array_add (changed, row);
        }
      if (expanded)
        ensure_children (self, row);
      set_all_expanded (self, row->children, expanded, changed);
    }
}

/* --- Review ------------------------------------------------------------------------------ */

MscosPackDiff *
mscos_page_row_get_model_diff (MscosPageRow *self)
{
  return self->model != NULL ? self->model->diff : NULL;
}

/* Whether the row is of an item of its own (not a block, the links or a set's intro, which
 * carry the item they are part of). */
static gboolean
is_item_row (MscosPageRow *row)
{
  return row->kind == MSCOS_PAGE_ROW_ITEM || row->kind == MSCOS_PAGE_ROW_RECOMMENDATION
         || row->kind == MSCOS_PAGE_ROW_GROUP;
}

static const char *
get_row_id (MscosPageRow *row)
{
  if (row->kind == MSCOS_PAGE_ROW_SECTION)
    return mscos_section_get_id (row->section);

  return is_item_row (row) ? mscos_item_get_id (row->item) : NULL;
}

/* The id of what shows a removed thing among its rows, found from what held it, which the
 * revision still has: the outcome for an item of a section, or the resource or set whose open
 * rows show it. */
static const char *
find_holder (MscosPackOutline *outline,
             const char       *parent_id)
{
  for (const char *id = parent_id; id != NULL; id = mscos_pack_outline_get_parent_id (outline, id))
    {
      GObject *object;

      switch (mscos_pack_outline_get_part (outline, id))
        {
        case MSCOS_PACK_PART_SECTION:
          return mscos_pack_outline_get_outcome_id (outline, id);

        case MSCOS_PACK_PART_ITEM:
          object = mscos_pack_outline_lookup (outline, id);
          if (mscos_item_get_kind (MSCOS_ITEM (object)) == MSCOS_ITEM_RESOURCE
              || mscos_item_get_kind (MSCOS_ITEM (object)) == MSCOS_ITEM_RECOMMENDATIONS)
            return id;
          break;

        case MSCOS_PACK_PART_PACK:
        case MSCOS_PACK_PART_OUTCOME:
        default:
          return NULL;
        }
    }

  return NULL;
}

static gboolean
is_removed_section (MscosPageModel *self,
                    const char     *id)
{
  MscosPackChange *change = mscos_pack_diff_lookup (self->diff, id);

  return change != NULL && mscos_pack_change_get_part (change) == MSCOS_PACK_PART_SECTION
         && mscos_pack_change_get_change_type (change) == MSCOS_CHANGE_REMOVED;
}

/* Sorts the removed items by what shows them. One whose holder the revision removed too is
 * inside a removed row, which stays closed. */
static void
index_removed (MscosPageModel *self)
{
  MscosPackOutline *outline = mscos_pack_diff_get_new_outline (self->diff);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->diff));

  self->removed_by_holder = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                   (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosPackChange) change = g_list_model_get_item (G_LIST_MODEL (self->diff), i);
      const char *parent_id = mscos_pack_change_get_old_parent_id (change);
      const char *holder;
      GPtrArray *removed;

      if (mscos_pack_change_get_change_type (change) != MSCOS_CHANGE_REMOVED
          || mscos_pack_change_get_part (change) != MSCOS_PACK_PART_ITEM || parent_id == NULL)
        continue;

      /* The items of a removed section are shown under its heading, found by its id. */
      if (!mscos_pack_outline_contains (outline, parent_id))
        holder = is_removed_section (self, parent_id) ? parent_id : NULL;
      else
        holder = find_holder (outline, parent_id);
      if (holder == NULL)
        continue;

      removed = g_hash_table_lookup (self->removed_by_holder, holder);
      if (removed == NULL)
        {
          removed = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->removed_by_holder, (gpointer) holder, removed);
        }
      g_ptr_array_add (removed, g_object_ref (change));
    }
}

static gboolean
item_holds_changes (MscosPageModel *self,
                    MscosItem      *item)
{
  GListModel *children = mscos_item_get_children (item);
  guint n = g_list_model_get_n_items (children);

  if (mscos_item_get_id (item) != NULL
      && g_hash_table_contains (self->removed_by_holder, mscos_item_get_id (item)))
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) child = g_list_model_get_item (children, i);

      if ((mscos_item_get_id (child) != NULL
           && mscos_pack_diff_lookup (self->diff, mscos_item_get_id (child)) != NULL)
          || item_holds_changes (self, child))
        return TRUE;
    }

  return FALSE;
}

/* Gives each row of @rows its change, if it has one. */
static void
annotate_rows (MscosPageModel *self,
               GPtrArray      *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      MscosPageRow *row = g_ptr_array_index (rows, i);
      const char *id = get_row_id (row);
      MscosPackChange *change;

      if (id == NULL || row->change != NULL)
        continue;

      /* A resource or set that holds nothing now but what the revision removed opens to show
       * it. */
      if (row->kind == MSCOS_PAGE_ROW_ITEM && g_hash_table_contains (self->removed_by_holder, id))
        row->expandable = TRUE;

      change = mscos_pack_diff_lookup (self->diff, id);
      if (change != NULL && mscos_pack_change_get_change_type (change) != MSCOS_CHANGE_REMOVED)
        row->change = g_object_ref (change);
    }
}

/* Whether @row is shown after @anchor as part of it: a recommendation nested under it, or a
 * removed thing already put after it. */
static gboolean
follows_anchor (MscosPageRow *row,
                MscosPageRow *anchor,
                const char   *anchor_id)
{
  if (row->kind == MSCOS_PAGE_ROW_RECOMMENDATION && anchor->kind == MSCOS_PAGE_ROW_RECOMMENDATION
      && row->level > anchor->level)
    return TRUE;

  return mscos_page_row_is_removed (row)
         && g_strcmp0 (mscos_pack_change_get_anchor_id (row->change), anchor_id) == 0;
}

/* Whether @row is a removed thing put first in what held it, @parent_id. */
static gboolean
is_removed_first_in (MscosPageRow *row,
                     const char   *parent_id)
{
  return mscos_page_row_is_removed (row) && mscos_pack_change_get_anchor_id (row->change) == NULL
         && g_strcmp0 (mscos_pack_change_get_old_parent_id (row->change), parent_id) == 0;
}

/* Where in @rows a removed thing goes: after the row of the sibling before it, or first in
 * what held it; after the removed things already put there. Returns the index and sets
 * @level to the recommendation level it is shown at. */
static guint
find_removed_place (MscosPageModel  *self,
                    GPtrArray       *rows,
                    MscosPackChange *change,
                    guint8          *level)
{
  MscosPackOutline *outline = mscos_pack_diff_get_new_outline (self->diff);
  const char *anchor_id = mscos_pack_change_get_anchor_id (change);
  const char *parent_id = mscos_pack_change_get_old_parent_id (change);
  guint at = G_MAXUINT;

  *level = 0;

  for (guint i = 0; i < rows->len && anchor_id != NULL; i++)
    {
      MscosPageRow *row = g_ptr_array_index (rows, i);

      if (!mscos_page_row_is_removed (row) && g_strcmp0 (get_row_id (row), anchor_id) == 0)
        {
          *level = row->level;
          at = i + 1;
          while (at < rows->len && follows_anchor (g_ptr_array_index (rows, at), row, anchor_id))
            at++;
          return at;
        }
    }

  /* First in what held it: after its heading (a section's, a group's, the recommendation it
   * was nested in), or before the first thing it still holds. */
  for (guint i = 0; i < rows->len; i++)
    {
      MscosPageRow *row = g_ptr_array_index (rows, i);
      const char *id = get_row_id (row);

      if (id == NULL || mscos_page_row_is_removed (row))
        continue;
      if (g_strcmp0 (id, parent_id) == 0)
        {
          if (row->kind == MSCOS_PAGE_ROW_RECOMMENDATION)
            *level = row->level + 1;
          at = i + 1;
          break;
        }
      if (row->kind != MSCOS_PAGE_ROW_SECTION
          && g_strcmp0 (mscos_pack_outline_get_parent_id (outline, id), parent_id) == 0)
        {
          *level = row->level;
          at = i;
          break;
        }
    }

  if (at == G_MAXUINT)
    return rows->len;

  while (at < rows->len && is_removed_first_in (g_ptr_array_index (rows, at), parent_id))
    at++;

  return at;
}

/* A row of a thing the revision removed, shown closed: what it held went with it. */
static MscosPageRow *
new_removed_row (MscosPageModel  *self,
                 MscosPageRow    *owner,
                 MscosPackChange *change,
                 guint8           level)
{
  MscosItem *item = MSCOS_ITEM (mscos_pack_change_get_old_object (change));
  MscosPageRowKind kind;
  MscosPageRow *row;

  switch (mscos_item_get_kind (item))
    {
    case MSCOS_ITEM_RECOMMENDATION:
      kind = MSCOS_PAGE_ROW_RECOMMENDATION;
      break;

    case MSCOS_ITEM_GROUP:
      kind = MSCOS_PAGE_ROW_GROUP;
      break;

    case MSCOS_ITEM_QUOTE:
    case MSCOS_ITEM_RESOURCE:
    case MSCOS_ITEM_RECOMMENDATIONS:
    case MSCOS_ITEM_PROFILE:
    case MSCOS_ITEM_AUDIO:
    case MSCOS_ITEM_TEXT:
    default:
      kind = MSCOS_PAGE_ROW_ITEM;
      break;
    }

  row = mscos_page_row_new (self, kind, owner);
  row->item = g_object_ref (item);
  row->change = g_object_ref (change);
  row->level = kind == MSCOS_PAGE_ROW_RECOMMENDATION ? level : 0;
  row->expandable = FALSE;
  /* So that the Changes page can open it (mscos_page_model_reveal()); the base pack's items
   * are other objects than the revision's. */
  g_hash_table_insert (self->item_rows, item, row);

  return row;
}

/* Where the rows of the section @section_id end among the rows of the page: after its
 * heading and its items, and after the removed things already put after them. */
static guint
find_section_end (MscosPageModel *self,
                  const char     *section_id)
{
  MscosPackOutline *outline = mscos_pack_diff_get_new_outline (self->diff);
  gboolean inside = FALSE;

  for (guint i = 1; i < self->top_rows->len; i++)
    {
      MscosPageRow *row = g_ptr_array_index (self->top_rows, i);
      const char *id;

      if (mscos_page_row_is_removed (row))
        continue;

      if (row->kind == MSCOS_PAGE_ROW_SECTION)
        id = mscos_section_get_id (row->section);
      else if (mscos_item_get_id (row->item) != NULL)
        id = mscos_pack_outline_get_section_id (outline, mscos_item_get_id (row->item));
      else
        continue;

      if (g_strcmp0 (id, section_id) == 0)
        inside = TRUE;
      else if (inside)
        return i;
    }

  return self->top_rows->len;
}

/* Adds to @rows, where each was, the removed things that @holder_id shows. */
static void
merge_removed (MscosPageModel *self,
               GPtrArray      *rows,
               MscosPageRow   *owner,
               const char     *holder_id)
{
  GPtrArray *removed = holder_id ? g_hash_table_lookup (self->removed_by_holder, holder_id) : NULL;

  for (guint i = 0; removed != NULL && i < removed->len; i++)
    {
      MscosPackChange *change = g_ptr_array_index (removed, i);
      guint8 level;
      guint at = find_removed_place (self, rows, change, &level);

      g_ptr_array_insert (rows, at, new_removed_row (self, owner, change, level));
    }
}

/* Adds to the rows of the page each section the revision removed, where the base pack had
 * it: its heading, then its items, all removed. */
static void
merge_removed_sections (MscosPageModel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->diff));
  const char *outcome_id = mscos_outcome_get_id (self->outcome);
  guint first_at = 1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosPackChange) change = g_list_model_get_item (G_LIST_MODEL (self->diff), i);
      const char *anchor_id = mscos_pack_change_get_anchor_id (change);
      GPtrArray *removed;
      MscosPageRow *row;
      guint at;

      if (mscos_pack_change_get_part (change) != MSCOS_PACK_PART_SECTION
          || mscos_pack_change_get_change_type (change) != MSCOS_CHANGE_REMOVED
          || g_strcmp0 (mscos_pack_change_get_old_outcome_id (change), outcome_id) != 0)
        continue;

      /* After what the section before it holds, or first on the page, after the removed
       * sections put there already. */
      if (anchor_id == NULL)
        at = first_at;
      else
        at = find_section_end (self, anchor_id);

      row = mscos_page_row_new (self, MSCOS_PAGE_ROW_SECTION, NULL);
      row->section = MSCOS_SECTION (g_object_ref (mscos_pack_change_get_old_object (change)));
      row->change = g_object_ref (change);
      g_ptr_array_insert (self->top_rows, at++, row);

      removed = g_hash_table_lookup (self->removed_by_holder, mscos_pack_change_get_id (change));
      for (guint j = 0; removed != NULL && j < removed->len; j++)
        g_ptr_array_insert (self->top_rows, at++,
                            new_removed_row (self, NULL, g_ptr_array_index (removed, j), 0));
      if (anchor_id == NULL)
        first_at = at;
    }
}

static void
review_children (MscosPageModel *self,
                 MscosPageRow   *row)
{
  annotate_rows (self, row->children);
  if (!mscos_page_row_is_removed (row))
    merge_removed (self, row->children, row, mscos_item_get_id (row->item));
}

/* Hides, or shows again, the rows of the page itself that Show Only Changes leaves out: a
 * section's heading stays while something under it is shown. */
static void
update_hidden (MscosPageModel *self)
{
  MscosPageRow *section = NULL;

  for (guint i = 0; i < self->top_rows->len; i++)
    {
      MscosPageRow *row = g_ptr_array_index (self->top_rows, i);

      if (row->kind == MSCOS_PAGE_ROW_HEADER)
        continue;

      if (row->kind == MSCOS_PAGE_ROW_SECTION)
        {
          section = row;
          row->hidden = self->only_changes && row->change == NULL;
          continue;
        }

      /* What an item holds is looked at only here: opening a page costs no more for it. */
      row->hidden = self->only_changes && row->change == NULL
                    && !item_holds_changes (self, row->item);
      if (!row->hidden && section != NULL)
        section->hidden = FALSE;
    }
}

/* The change of @item if it is one of the base pack's that the revision removed. */
static MscosPackChange *
lookup_removed (MscosPageModel *self,
                MscosItem      *item)
{
  MscosPackChange *change;

  if (self->diff == NULL || mscos_item_get_id (item) == NULL)
    return NULL;

  change = mscos_pack_diff_lookup (self->diff, mscos_item_get_id (item));
  if (change == NULL || mscos_pack_change_get_change_type (change) != MSCOS_CHANGE_REMOVED
      || mscos_pack_change_get_old_object (change) != G_OBJECT (item))
    return NULL;

  return change;
}

/* Opens what shows a removed item where it was: the revision's resource or set that held it.
 * An item inside a removed one is shown by that one, closed. */
static MscosPageRow *
reveal_removed (MscosPageModel *self,
                MscosItem      *item)
{
  MscosPackOutline *outline = mscos_pack_diff_get_new_outline (self->diff);
  MscosPackChange *change = lookup_removed (self, item);
  const char *parent_id = mscos_pack_change_get_old_parent_id (change);
  MscosItem *parent = mscos_item_get_parent (item);
  const char *holder_id;
  GObject *holder;

  if (parent_id == NULL)
    return NULL;

  if (!mscos_pack_outline_contains (outline, parent_id))
    {
      if (parent != NULL && lookup_removed (self, parent) != NULL)
        return reveal_removed (self, parent);

      /* In a removed section, or what the page does not show. */
      return g_hash_table_lookup (self->item_rows, item);
    }

  holder_id = find_holder (outline, parent_id);
  holder = holder_id != NULL ? mscos_pack_outline_lookup (outline, holder_id) : NULL;
  if (MSCOS_IS_ITEM (holder))
    {
      MscosPageRow *holder_row = mscos_page_model_reveal (self, MSCOS_ITEM (holder));

      if (holder_row == NULL)
        return NULL;
      mscos_page_model_set_expanded (self, holder_row, TRUE);
    }

  return g_hash_table_lookup (self->item_rows, item);
}

/* An item revealed that Show Only Changes hides brings the whole page back. */
static void
reveal_hidden (MscosPageModel *self,
               MscosPageRow   *row)
{
  if (row != NULL && self->only_changes && !mscos_page_row_is_shown (row))
    mscos_page_model_set_only_changes (self, FALSE);
}

static void
mscos_page_model_dispose (GObject *object)
{
  MscosPageModel *self = MSCOS_PAGE_MODEL (object);

  /* List items may hold rows for a while yet; they must not reach back here. */
  forget_model (self, self->top_rows);
  self->highlighted = NULL;

  G_OBJECT_CLASS (mscos_page_model_parent_class)->dispose (object);
}

static void
mscos_page_model_finalize (GObject *object)
{
  MscosPageModel *self = MSCOS_PAGE_MODEL (object);

  g_clear_pointer (&self->item_rows, g_hash_table_unref);
  g_clear_pointer (&self->removed_by_holder, g_hash_table_unref);
  g_clear_object (&self->diff);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->top_rows, g_ptr_array_unref);
  g_clear_object (&self->outcome);

  G_OBJECT_CLASS (mscos_page_model_parent_class)->finalize (object);
}

static void
mscos_page_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MscosPageModel *self = MSCOS_PAGE_MODEL (object);

  switch (prop_id)
    {
    case PROP_ONLY_CHANGES:
      g_value_set_boolean (value, self->only_changes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_page_model_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MscosPageModel *self = MSCOS_PAGE_MODEL (object);

  switch (prop_id)
    {
    case PROP_ONLY_CHANGES:
      mscos_page_model_set_only_changes (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GType
mscos_page_model_get_item_type (GListModel *model)
{
  return MSCOS_TYPE_PAGE_ROW;
}

static guint
mscos_page_model_get_n_items (GListModel *model)
{
  return MSCOS_PAGE_MODEL (model)->shown->len;
}

static gpointer
mscos_page_model_get_item (GListModel *model,
                           guint       position)
{
  MscosPageModel *self = MSCOS_PAGE_MODEL (model);

  if (position >= self->shown->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
mscos_page_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mscos_page_model_get_item_type;
  iface->get_n_items = mscos_page_model_get_n_items;
  iface->get_item = mscos_page_model_get_item;
}

static void
mscos_page_model_class_init (MscosPageModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mscos_page_model_dispose;
  object_class->finalize = mscos_page_model_finalize;
  object_class->get_property = mscos_page_model_get_property;
  object_class->set_property = mscos_page_model_set_property;

  /**
   * MscosPageModel:only-changes:
   *
   * While reviewing, whether the page shows only what changed: the rows of items that are
   * new, removed, moved or changed, or that hold such an item, and the headings above them.
   */
  properties[PROP_ONLY_CHANGES] =
    g_param_spec_boolean ("only-changes", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_page_model_init (MscosPageModel *self)
{
  self->top_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->item_rows = g_hash_table_new (NULL, NULL);
}

/**
 * mscos_page_model_new:
 * @outcome: the outcome to show
 *
 * Returns: (transfer full): the rows of @outcome's page, every item closed
 */
MscosPageModel *
mscos_page_model_new (MscosOutcome *outcome)
{
  MscosPageModel *self;
  GListModel *sections;
  MscosPageRow *header;
  guint n_sections;

  g_return_val_if_fail (MSCOS_IS_OUTCOME (outcome), NULL);

  self = g_object_new (MSCOS_TYPE_PAGE_MODEL, NULL);
  self->outcome = g_object_ref (outcome);

  header = add_row (self->top_rows, self, MSCOS_PAGE_ROW_HEADER, NULL, NULL);
  header->outcome = g_object_ref (outcome);

  sections = mscos_outcome_get_sections (outcome);
  n_sections = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr (MscosSection) section = g_list_model_get_item (sections, i);
      GListModel *items = mscos_section_get_items (section);
      guint n_items = g_list_model_get_n_items (items);

      if (mscos_section_get_title (section) != NULL || has_elements (mscos_section_get_intro (section)))
        {
          MscosPageRow *row = add_row (self->top_rows, self, MSCOS_PAGE_ROW_SECTION, NULL, NULL);

          row->section = g_object_ref (section);
        }

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr (MscosItem) item = g_list_model_get_item (items, j);

          add_item_row (self->top_rows, self, NULL, item);
        }
    }

  for (guint i = 0; i < self->top_rows->len; i++)
    g_ptr_array_add (self->shown, g_ptr_array_index (self->top_rows, i));
  number_rows (self, 0);
  update_last_masks (self, 0, self->shown->len);

  return self;
}

/**
 * mscos_page_model_get_outcome:
 *
 * Returns: (transfer none): the outcome shown
 */
MscosOutcome *
mscos_page_model_get_outcome (MscosPageModel *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_MODEL (self), NULL);

  return self->outcome;
}

/**
 * mscos_page_model_set_expanded:
 * @row: a row of this model, shown or inside a closed item
 *
 * Opens or closes @row's item. A row inside a closed item only remembers it, and shows it
 * when that item opens.
 */
void
mscos_page_model_set_expanded (MscosPageModel *self,
                               MscosPageRow   *row,
                               gboolean        expanded)
{
  guint position;

  g_return_if_fail (MSCOS_IS_PAGE_MODEL (self));
  g_return_if_fail (MSCOS_IS_PAGE_ROW (row) && row->model == self);

  expanded = !!expanded;
  if (!row->expandable || row->expanded == expanded)
    return;

  position = row->position;
  if (position == G_MAXUINT)
    {
      mscos_page_row_update_expanded (row, expanded);
      return;
    }

  if (expanded)
    {
      g_autoptr (GPtrArray) rows = g_ptr_array_new ();

      ensure_children (self, row);
      for (guint i = 0; i < row->children->len; i++)
        append_shown (self, rows, g_ptr_array_index (row->children, i));

      mscos_page_rows_insert (self->shown, position + 1, rows->pdata, rows->len);
      number_rows (self, position + 1);
      update_last_masks (self, position, position + rows->len);
      g_list_model_items_changed (G_LIST_MODEL (self), position + 1, 0, rows->len);
    }
  else
    {
      guint end = position + 1;

      while (end < self->shown->len && is_inside (g_ptr_array_index (self->shown, end), row))
        ((MscosPageRow *) g_ptr_array_index (self->shown, end++))->position = G_MAXUINT;

      g_ptr_array_remove_range (self->shown, position + 1, end - position - 1);
      number_rows (self, position + 1);
      update_last_masks (self, position, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position + 1, end - position - 1, 0);
    }

  mscos_page_row_update_expanded (row, expanded);
}

/**
 * mscos_page_model_set_all_expanded:
 *
 * Opens or closes every item of the page that shows more on demand, those nested in others
 * included, in one change of the model.
 */
void
mscos_page_model_set_all_expanded (MscosPageModel *self,
                                   gboolean        expanded)
{
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  g_autoptr (GPtrArray) shown = NULL;
  guint old_length, new_length, first, common_end;

  g_return_if_fail (MSCOS_IS_PAGE_MODEL (self));

  set_all_expanded (self, self->top_rows, !!expanded, changed);
  if (changed->len == 0)
    return;

  shown = g_ptr_array_sized_new (self->shown->len);
  for (guint i = 0; i < self->top_rows->len; i++)
    append_shown (self, shown, g_ptr_array_index (self->top_rows, i));

  /* One change, from the first row that differs to the last, so that the rows around it
   * keep their widgets. */
  old_length = self->shown->len;
  new_length = shown->len;
  for (first = 0; first < old_length && first < new_length; first++)
    if (g_ptr_array_index (self->shown, first) != g_ptr_array_index (shown, first))
      break;
  for (common_end = 0; common_end < old_length - first && common_end < new_length - first; common_end++)
    if (g_ptr_array_index (self->shown, old_length - 1 - common_end)
        != g_ptr_array_index (shown, new_length - 1 - common_end))
      break;

  for (guint i = first; i < old_length - common_end; i++)
    ((MscosPageRow *) g_ptr_array_index (self->shown, i))->position = G_MAXUINT;
  g_ptr_array_unref (self->shown);
  self->shown = g_steal_pointer (&shown);
  number_rows (self, first);
  update_last_masks (self, first > 0 ? first - 1 : 0, new_length - common_end);

  if (old_length - common_end > first || new_length - common_end > first)
    g_list_model_items_changed (G_LIST_MODEL (self), first, old_length - common_end - first,
                                new_length - common_end - first);

  /* The rows were changed quietly above, so that nothing saw them half done. */
  for (guint i = 0; i < changed->len; i++)
    {
      MscosPageRow *row = g_ptr_array_index (changed, i);

      row->expanded = !expanded;
      mscos_page_row_update_expanded (row, expanded);
    }
}

/**
 * mscos_page_model_reveal:
 * @item: an item of the page, at any depth; while reviewing, one of the base pack's that the
 *   revision removed
 *
 * Opens whatever holds @item, so that its row is shown. A removed item is shown where it
 * was, closed; one inside another removed item is shown by that one.
 *
 * Returns: (transfer none) (nullable): the row that shows @item, or %NULL if it is not on
 *   this page
 */
MscosPageRow *
mscos_page_model_reveal (MscosPageModel *self,
                         MscosItem      *item)
{
  g_autoptr (GPtrArray) holders = g_ptr_array_new ();

  g_return_val_if_fail (MSCOS_IS_PAGE_MODEL (self), NULL);
  g_return_val_if_fail (MSCOS_IS_ITEM (item), NULL);

  if (lookup_removed (self, item) != NULL)
    {
      MscosPageRow *row = reveal_removed (self, item);

      reveal_hidden (self, row);
      return row;
    }

  for (MscosItem *holder = mscos_item_get_parent (item); holder != NULL; holder = mscos_item_get_parent (holder))
    g_ptr_array_add (holders, holder);

  /* From the item of the section inwards: each opened item makes the rows of the next. A group
   * without a heading has no row, and nothing to open. */
  for (guint i = holders->len; i > 0; i--)
    {
      MscosPageRow *row = g_hash_table_lookup (self->item_rows, g_ptr_array_index (holders, i - 1));

      if (row == NULL && i == holders->len)
        return NULL;
      if (row != NULL && row->expandable)
        mscos_page_model_set_expanded (self, row, TRUE);
    }

  reveal_hidden (self, g_hash_table_lookup (self->item_rows, item));

  return g_hash_table_lookup (self->item_rows, item);
}

/**
 * mscos_page_model_reveal_section:
 * @section_id: the id of a section of the outcome; while reviewing, or of one the revision
 *   removed
 *
 * Makes sure the section's heading is shown: Show Only Changes, if it hides the heading, is
 * turned off.
 *
 * Returns: (transfer none) (nullable): the row of the section's heading, or %NULL if the
 *   page has none (a section with neither a title nor an intro has no heading)
 */
MscosPageRow *
mscos_page_model_reveal_section (MscosPageModel *self,
                                 const char     *section_id)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_MODEL (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  for (guint i = 0; i < self->top_rows->len; i++)
    {
      MscosPageRow *row = g_ptr_array_index (self->top_rows, i);

      if (row->kind == MSCOS_PAGE_ROW_SECTION
          && g_strcmp0 (mscos_section_get_id (row->section), section_id) == 0)
        {
          reveal_hidden (self, row);
          return row;
        }
    }

  return NULL;
}

/**
 * mscos_page_model_get_position:
 *
 * Returns: where @row is in the model, or %G_MAXUINT if it is inside a closed item
 */
guint
mscos_page_model_get_position (MscosPageModel *self,
                               MscosPageRow   *row)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (row), G_MAXUINT);

  return row->model == self ? row->position : G_MAXUINT;
}

/**
 * mscos_page_model_find_control_row:
 * @from: the position to start from, which is not itself considered; %G_MAXUINT to start
 *   before the first row (going forward) or after the last (going back)
 * @forward: whether to look down the page or up
 *
 * Finds the next row that holds something that takes the keyboard focus, so that Tab goes
 * past headings and paragraphs to the next control.
 *
 * Returns: its position, or %G_MAXUINT if there is none
 */
guint
mscos_page_model_find_control_row (MscosPageModel *self,
                                   guint           from,
                                   gboolean        forward)
{
  guint n;

  g_return_val_if_fail (MSCOS_IS_PAGE_MODEL (self), G_MAXUINT);

  n = self->shown->len;
  if (forward)
    {
      for (guint i = from == G_MAXUINT ? 0 : from + 1; i < n; i++)
        if (mscos_page_row_has_controls (g_ptr_array_index (self->shown, i)))
          return i;
    }
  else
    {
      for (guint i = from == G_MAXUINT || from > n ? n : from; i > 0; i--)
        if (mscos_page_row_has_controls (g_ptr_array_index (self->shown, i - 1)))
          return i - 1;
    }

  return G_MAXUINT;
}

/**
 * mscos_page_model_set_highlighted:
 * @row: (nullable): a row of this model
 *
 * Marks @row as the one just jumped to, and no other.
 */
void
mscos_page_model_set_highlighted (MscosPageModel *self,
                                  MscosPageRow   *row)
{
  g_return_if_fail (MSCOS_IS_PAGE_MODEL (self));
  g_return_if_fail (row == NULL || (MSCOS_IS_PAGE_ROW (row) && row->model == self));

  if (self->highlighted == row)
    return;

  if (self->highlighted != NULL)
    mscos_page_row_update_highlighted (self->highlighted, FALSE);
  self->highlighted = row;
  if (row != NULL)
    mscos_page_row_update_highlighted (row, TRUE);
}

/**
 * mscos_page_model_new_for_review:
 * @outcome: the outcome to show, from the revision under review
 * @diff: the comparison of the base pack with the revision
 *
 * The page of @outcome with the changes of @diff: each row of an item, recommendation or
 * section knows its change (mscos_page_row_get_change()), and the items the revision
 * removed are shown, closed, where the base pack had them.
 *
 * Returns: (transfer full): the rows of @outcome's page, every item closed
 */
MscosPageModel *
mscos_page_model_new_for_review (MscosOutcome  *outcome,
                                 MscosPackDiff *diff)
{
  MscosPageModel *self;

  g_return_val_if_fail (MSCOS_IS_OUTCOME (outcome), NULL);
  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (diff), NULL);

  self = mscos_page_model_new (outcome);
  self->diff = g_object_ref (diff);
  index_removed (self);
  annotate_rows (self, self->top_rows);
  merge_removed (self, self->top_rows, NULL, mscos_outcome_get_id (outcome));
  merge_removed_sections (self);

  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; i < self->top_rows->len; i++)
    g_ptr_array_add (self->shown, g_ptr_array_index (self->top_rows, i));
  number_rows (self, 0);
  update_last_masks (self, 0, self->shown->len);

  return self;
}

/**
 * mscos_page_model_get_diff:
 *
 * Returns: (transfer none) (nullable): the comparison the page shows, while reviewing
 */
MscosPackDiff *
mscos_page_model_get_diff (MscosPageModel *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_MODEL (self), NULL);

  return self->diff;
}

/**
 * mscos_page_row_get_model:
 * @row: a row of an outcome page
 *
 * Returns: (transfer none) (nullable): the model @row is of, while it lives
 */
MscosPageModel *
mscos_page_row_get_model (MscosPageRow *row)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_ROW (row), NULL);

  return row->model;
}

gboolean
mscos_page_model_get_only_changes (MscosPageModel *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_MODEL (self), FALSE);

  return self->only_changes;
}

/**
 * mscos_page_model_set_only_changes:
 * @only_changes: whether to hide what did not change
 *
 * While reviewing, hides the rows of items that neither changed nor hold a change, and the
 * headings of sections with nothing left under them; or shows them again. Items stay open
 * or closed as they were. Does nothing when not reviewing.
 */
void
mscos_page_model_set_only_changes (MscosPageModel *self,
                                   gboolean        only_changes)
{
  g_autoptr (GPtrArray) shown = NULL;
  guint old_length;

  g_return_if_fail (MSCOS_IS_PAGE_MODEL (self));

  only_changes = !!only_changes;
  if (self->diff == NULL || self->only_changes == only_changes)
    return;

  self->only_changes = only_changes;
  update_hidden (self);

  shown = g_ptr_array_sized_new (self->shown->len);
  for (guint i = 0; i < self->top_rows->len; i++)
    append_shown (self, shown, g_ptr_array_index (self->top_rows, i));

  old_length = self->shown->len;
  for (guint i = 0; i < old_length; i++)
    ((MscosPageRow *) g_ptr_array_index (self->shown, i))->position = G_MAXUINT;
  g_ptr_array_unref (self->shown);
  self->shown = g_steal_pointer (&shown);
  number_rows (self, 0);
  update_last_masks (self, 0, self->shown->len);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_length, self->shown->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_CHANGES]);
}
