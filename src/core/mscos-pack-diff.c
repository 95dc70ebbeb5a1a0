/* mscos-pack-diff.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-pack-diff"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "mscos-pack-change-private.h"
#include "mscos-pack-diff.h"
#include "mscos-pack-outline-private.h"
#include "mscos-word-diff.h"

/* What changed between two revisions of a content pack, as a pure function of the two.
 *
 * Everything is paired by id, which the format keeps stable from one revision to the next:
 * outcomes, sections, items and single recommendations. Groups of recommendations, whose id
 * is optional, are paired by id where they have one and otherwise by their order among the
 * unpaired groups of the same (paired) set. A thing found only in the new pack is new; only in
 * the old one, removed. A paired thing has moved if what holds it is not the partner of what
 * held it (another outcome, section, resource, set, group or recommendation), or if it is out
 * of order among the neighbours it kept: those outside the longest run of siblings still in
 * their old order, so that one item moved to the top is one move and not a shift of all the
 * others. It has changed if any of its own members differ; what is nested in it has changes of
 * its own.
 *
 * The changes are listed in the new pack's page order, each removed thing where it was: after
 * the nearest sibling before it that the new pack still has in the same place.
 *
 * The comparison costs about one walk of each pack plus a comparison of the strings of each
 * paired item, which point into the two parsed documents; bench-pack-diff holds it to no more
 * than loading one of the packs. */

struct _MscosPackDiff
{
  GObject           parent_instance;

  MscosPackOutline *old_outline;
  MscosPackOutline *new_outline;
  GPtrArray        *changes;
  /* id → MscosPackChange */
  GHashTable       *by_id;
  /* outcome id → number of item changes in it */
  GHashTable       *by_outcome;
  guint             counts[MSCOS_PACK_PART_ITEM + 1][MSCOS_N_CHANGE_TYPES];
  guint             item_counts[MSCOS_ITEM_RECOMMENDATION + 1][MSCOS_N_CHANGE_TYPES];
};

typedef struct
{
  MscosPackDiff          *self;
  const MscosOutlineNode *old_nodes;
  const MscosOutlineNode *new_nodes;
  guint                   n_old;
  guint                   n_new;
  /* old node → its partner in the new pack, and the other way round */
  guint                  *old_partner;
  guint                  *new_partner;
  /* new node → whether it is out of order among its siblings */
  gboolean               *out_of_order;
  /* Removed things to list, each list linked through removed_next: by new node, those to list
   * before its first child and those to list after it. */
  guint                  *removed_next;
  guint                  *first_head;
  guint                  *first_tail;
  guint                  *after_head;
  guint                  *after_tail;
  /* The folders the packs' audio file paths were resolved against, as URIs ending in '/' */
  char                   *old_base;
  char                   *new_base;
} Differ;

static void mscos_pack_diff_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MscosPackDiff, mscos_pack_diff, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mscos_pack_diff_list_model_init))

#define NONE MSCOS_OUTLINE_NONE

G_STATIC_ASSERT (NONE == G_MAXUINT);

/* --- Pairing ----------------------------------------------------------------------------- */

static void
pair (Differ *differ,
      guint   old_node,
      guint   new_node)
{
  differ->old_partner[old_node] = new_node;
  differ->new_partner[new_node] = old_node;
}

#define FOREACH_CHILD(nodes, parent, child) \
  for (guint child = (parent) + 1; child < (parent) + (nodes)[parent].size; \
       child += (nodes)[child].size)

static gboolean
is_set (const MscosOutlineNode *node)
{
  return node->part == MSCOS_PACK_PART_ITEM
         && mscos_item_get_kind (node->object) == MSCOS_ITEM_RECOMMENDATIONS;
}

/* Pairs the groups of a pair of sets that are still unpaired, in order. */
static void
pair_groups (Differ *differ,
             guint   old_set,
             guint   new_set)
{
  guint old_group = old_set + 1;
  guint old_end = old_set + differ->old_nodes[old_set].size;

  FOREACH_CHILD (differ->new_nodes, new_set, new_group)
    {
      if (differ->new_partner[new_group] != NONE)
        continue;

      while (old_group < old_end && differ->old_partner[old_group] != NONE)
        old_group += differ->old_nodes[old_group].size;
      if (old_group >= old_end)
        return;

      pair (differ, old_group, new_group);
      old_group += differ->old_nodes[old_group].size;
    }
}

static void
pair_nodes (Differ *differ)
{
  MscosPackOutline *old_outline = differ->self->old_outline;

  pair (differ, 0, 0);

  for (guint j = 1; j < differ->n_new; j++)
    {
      const MscosOutlineNode *node = &differ->new_nodes[j];
      guint i = mscos_pack_outline_find (old_outline, node->id);

      if (i != NONE && differ->old_nodes[i].part == node->part)
        pair (differ, i, j);
    }

  for (guint j = 1; j < differ->n_new; j++)
    if (differ->new_partner[j] != NONE && is_set (&differ->new_nodes[j])
        && is_set (&differ->old_nodes[differ->new_partner[j]]))
      pair_groups (differ, differ->new_partner[j], j);
}

/* --- Order ------------------------------------------------------------------------------- */

/* Returns where the partner of @new_node was among its siblings. */
static guint
old_index_of (Differ *differ,
              guint   new_node)
{
  return differ->old_nodes[differ->new_partner[new_node]].index;
}

/* Marks as out of order the children of @new_parent whose partners are children of its
 * partner but not in the longest run that keeps their old order: the longest increasing
 * subsequence of their old indexes, found by patience sorting in O(n log n). */
static void
find_out_of_order (Differ *differ,
                   guint   new_parent)
{
  guint old_parent = differ->new_partner[new_parent];
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *tails = NULL;
  g_autofree guint *previous = NULL;
  g_autofree gboolean *in_order = NULL;
  guint n = 0, length = 0;

  FOREACH_CHILD (differ->new_nodes, new_parent, child)
    {
      guint partner = differ->new_partner[child];

      if (partner != NONE && differ->old_nodes[partner].parent == old_parent)
        g_array_append_val (kept, child);
    }

  n = kept->len;
  if (n < 2)
    return;

  /* tails[l]: the position in kept of the smallest last key of an increasing run of l + 1 */
  tails = g_new (guint, n);
  previous = g_new (guint, n);
  in_order = g_new0 (gboolean, n);

  for (guint p = 0; p < n; p++)
    {
      guint key = old_index_of (differ, g_array_index (kept, guint, p));
      guint low = 0, high = length;

      while (low < high)
        {
          guint middle = (low + high) / 2;
          guint tail_key = old_index_of (differ, g_array_index (kept, guint, tails[middle]));

          if (tail_key < key)
            low = middle + 1;
          else
            high = middle;
        }

      previous[p] = low > 0 ? tails[low - 1] : NONE;
      tails[low] = p;
      if (low == length)
        length++;
    }

  for (guint p = tails[length - 1]; p != NONE; p = previous[p])
    in_order[p] = TRUE;

  for (guint p = 0; p < n; p++)
    if (!in_order[p])
      differ->out_of_order[g_array_index (kept, guint, p)] = TRUE;
}

/* --- Where removed things go ------------------------------------------------------------- */

static void
append_removed (guint *heads,
                guint *tails,
                guint *next,
                guint  list,
                guint  removed)
{
  if (heads[list] == NONE)
    heads[list] = removed;
  else
    next[tails[list]] = removed;
  tails[list] = removed;
}

/* Files each removed thing whose parent the new pack still has after the nearest sibling
 * before it that stayed in the same place, or first in its parent. */
static void
place_removed (Differ *differ)
{
  for (guint i = 0; i < differ->n_old; i++)
    {
      guint new_parent = differ->old_partner[i];
      guint last_kept = NONE;

      if (new_parent == NONE)
        continue;

      FOREACH_CHILD (differ->old_nodes, i, child)
        {
          guint partner = differ->old_partner[child];

          if (partner != NONE && differ->new_nodes[partner].parent == new_parent)
            last_kept = partner;
          else if (partner == NONE && last_kept == NONE)
            append_removed (differ->first_head, differ->first_tail, differ->removed_next,
                            new_parent, child);
          else if (partner == NONE)
            append_removed (differ->after_head, differ->after_tail, differ->removed_next,
                            last_kept, child);
        }
    }
}

/* --- Members ----------------------------------------------------------------------------- */

static void
add_member (GPtrArray  *members,
            const char *name)
{
  g_ptr_array_add (members, (gpointer) name);
}

static void
compare_strings (GPtrArray  *members,
                 const char *a,
                 const char *b,
                 const char *name)
{
  if (g_strcmp0 (a, b) != 0)
    add_member (members, name);
}

static gboolean blocks_equal (GPtrArray *a,
                              GPtrArray *b);

static gboolean
block_equal (const MscosBlock *a,
             const MscosBlock *b)
{
  guint n = mscos_block_get_n_children (a);

  if (mscos_block_get_block_type (a) != mscos_block_get_block_type (b)
      || mscos_block_get_style (a) != mscos_block_get_style (b)
      || g_strcmp0 (mscos_block_get_text (a), mscos_block_get_text (b)) != 0
      || g_strcmp0 (mscos_block_get_label (a), mscos_block_get_label (b)) != 0
      || n != mscos_block_get_n_children (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!block_equal (mscos_block_get_child (a, i), mscos_block_get_child (b, i)))
      return FALSE;

  return TRUE;
}

/* An array left out and an empty one are the same. */
static gboolean
blocks_equal (GPtrArray *a,
              GPtrArray *b)
{
  guint n = a != NULL ? a->len : 0;

  if (n != (b != NULL ? b->len : 0))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!block_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

static gboolean
link_equal (const MscosLink *a,
            const MscosLink *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->uri, b->uri) == 0;
}

static gboolean
links_equal (GPtrArray *a,
             GPtrArray *b)
{
  guint n = a != NULL ? a->len : 0;

  if (n != (b != NULL ? b->len : 0))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!link_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

/* The loader resolves an audio file's path against the pack's folder, so the same path in
 * packs in two folders gives two URIs: they are compared relative to their folders. */
static const char *
relative_uri (const char *uri,
              const char *base)
{
  if (uri != NULL && base != NULL && g_str_has_prefix (uri, base))
    return uri + strlen (base);

  return uri;
}

static gboolean
sources_equal (Differ    *differ,
               GPtrArray *a,
               GPtrArray *b)
{
  guint n = a != NULL ? a->len : 0;

  if (n != (b != NULL ? b->len : 0))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const MscosAudioSource *x = g_ptr_array_index (a, i);
      const MscosAudioSource *y = g_ptr_array_index (b, i);

      if (x->type != y->type || g_strcmp0 (x->title, y->title) != 0
          || g_strcmp0 (relative_uri (x->uri, differ->old_base),
                        relative_uri (y->uri, differ->new_base)) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
compare_packs (MscosContentPack *a,
               MscosContentPack *b,
               GPtrArray        *members)
{
  compare_strings (members, mscos_content_pack_get_id (a), mscos_content_pack_get_id (b), "id");
  compare_strings (members, mscos_content_pack_get_title (a), mscos_content_pack_get_title (b),
                   "title");
  compare_strings (members, mscos_content_pack_get_revision (a),
                   mscos_content_pack_get_revision (b), "revision");
  compare_strings (members, mscos_content_pack_get_date (a), mscos_content_pack_get_date (b),
                   "date");
  compare_strings (members, mscos_content_pack_get_language (a),
                   mscos_content_pack_get_language (b), "language");
  compare_strings (members, mscos_content_pack_get_description (a),
                   mscos_content_pack_get_description (b), "description");
}

static void
compare_outcomes (MscosOutcome *a,
                  MscosOutcome *b,
                  GPtrArray    *members)
{
  compare_strings (members, mscos_outcome_get_title (a), mscos_outcome_get_title (b), "title");
  if (mscos_outcome_get_group (a) != mscos_outcome_get_group (b))
    add_member (members, "group");
  compare_strings (members, mscos_outcome_get_summary (a), mscos_outcome_get_summary (b),
                   "summary");
  compare_strings (members, mscos_outcome_get_strapline (a), mscos_outcome_get_strapline (b),
                   "strapline");
  if (!blocks_equal (mscos_outcome_get_descriptor (a), mscos_outcome_get_descriptor (b)))
    add_member (members, "descriptor");
  if (!link_equal (mscos_outcome_get_link (a), mscos_outcome_get_link (b)))
    add_member (members, "link");
}

static void
compare_sections (MscosSection *a,
                  MscosSection *b,
                  GPtrArray    *members)
{
  compare_strings (members, mscos_section_get_title (a), mscos_section_get_title (b), "title");
  if (!blocks_equal (mscos_section_get_intro (a), mscos_section_get_intro (b)))
    add_member (members, "intro");
}

/* Compares every member the model keeps, whatever the kinds, naming each as the pack names
 * it for the item's kind now. */
static void
compare_items (Differ    *differ,
               MscosItem *a,
               MscosItem *b,
               GPtrArray *members)
{
  MscosItemKind kind = mscos_item_get_kind (b);

  if (mscos_item_get_kind (a) != kind)
    add_member (members, "kind");
  /* Only a group's id can differ in a pair: it may be paired by its place. */
  compare_strings (members, mscos_item_get_id (a), mscos_item_get_id (b), "id");
  compare_strings (members, mscos_item_get_title (a), mscos_item_get_title (b),
                   kind == MSCOS_ITEM_PROFILE ? "name" : "title");
  compare_strings (members, mscos_item_get_label (a), mscos_item_get_label (b), "label");
  compare_strings (members, mscos_item_get_text (a), mscos_item_get_text (b), "text");
  compare_strings (members, mscos_item_get_speaker (a), mscos_item_get_speaker (b), "speaker");
  compare_strings (members, mscos_item_get_role (a), mscos_item_get_role (b), "role");
  compare_strings (members, mscos_item_get_organisation (a), mscos_item_get_organisation (b),
                   kind == MSCOS_ITEM_RECOMMENDATIONS ? "source" : "organisation");
  compare_strings (members, mscos_item_get_resource_type (a), mscos_item_get_resource_type (b),
                   "type");
  compare_strings (members, mscos_item_get_summary (a), mscos_item_get_summary (b),
                   kind == MSCOS_ITEM_AUDIO ? "description" : "summary");
  if (!blocks_equal (mscos_item_get_intro (a), mscos_item_get_intro (b)))
    add_member (members, "intro");
  if (!blocks_equal (mscos_item_get_blocks (a), mscos_item_get_blocks (b)))
    add_member (members, kind == MSCOS_ITEM_AUDIO ? "transcript" : "body");
  if (!links_equal (mscos_item_get_links (a), mscos_item_get_links (b)))
    add_member (members, "links");
  if (!sources_equal (differ, mscos_item_get_audio_sources (a), mscos_item_get_audio_sources (b)))
    add_member (members, "sources");
  if (mscos_item_get_style (a) != mscos_item_get_style (b))
    add_member (members, "style");
}

static void
compare_nodes (Differ                 *differ,
               const MscosOutlineNode *a,
               const MscosOutlineNode *b,
               GPtrArray              *members)
{
  switch (b->part)
    {
    case MSCOS_PACK_PART_PACK:
      compare_packs (a->object, b->object, members);
      break;

    case MSCOS_PACK_PART_OUTCOME:
      compare_outcomes (a->object, b->object, members);
      break;

    case MSCOS_PACK_PART_SECTION:
      compare_sections (a->object, b->object, members);
      break;

    case MSCOS_PACK_PART_ITEM:
      compare_items (differ, a->object, b->object, members);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* --- Listing the changes ----------------------------------------------------------------- */

static const char *
node_id (MscosPackOutline *outline,
         guint             node,
         MscosPackPart     part)
{
  guint found = mscos_pack_outline_get_ancestor (outline, node, part);
  guint n;

  if (found == NONE)
    return NULL;

  return mscos_pack_outline_get_nodes (outline, &n)[found].id;
}

static const char *
parent_id (MscosPackOutline *outline,
           guint             node)
{
  guint found = mscos_pack_outline_get_id_parent (outline, node);
  guint n;

  if (found == NONE)
    return NULL;

  return mscos_pack_outline_get_nodes (outline, &n)[found].id;
}

static void
count_in_outcome (MscosPackDiff *self,
                  const char    *outcome_id)
{
  if (outcome_id == NULL)
    return;

  g_hash_table_insert (self->by_outcome, (gpointer) outcome_id,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->by_outcome,
                                                                                outcome_id)) + 1));
}

static void
add_change (Differ          *differ,
            MscosChangeType  type,
            guint            old_node,
            guint            new_node,
            GPtrArray       *members,
            guint            anchor)
{
  MscosPackDiff *self = differ->self;
  MscosPackChange *change = g_object_new (MSCOS_TYPE_PACK_CHANGE, NULL);
  const MscosOutlineNode *node;

  node = new_node != NONE ? &differ->new_nodes[new_node] : &differ->old_nodes[old_node];
  change->type = type;
  change->part = node->part;
  change->id = node->id;
  if (node->part == MSCOS_PACK_PART_ITEM)
    change->item_kind = mscos_item_get_kind (node->object);

  g_ptr_array_add (members, NULL);
  change->members = (const char **) g_ptr_array_free (members, FALSE);

  if (node->part == MSCOS_PACK_PART_PACK)
    {
      change->path = g_strdup ("pack");
      change->old_path = g_strdup ("pack");
    }

  if (new_node != NONE)
    {
      if (change->path == NULL)
        change->path = mscos_pack_outline_dup_node_path (self->new_outline, new_node);
      change->new_object = g_object_ref (differ->new_nodes[new_node].object);
      change->outcome_id = node_id (self->new_outline, new_node, MSCOS_PACK_PART_OUTCOME);
      change->section_id = node_id (self->new_outline, new_node, MSCOS_PACK_PART_SECTION);
      change->parent_id = parent_id (self->new_outline, new_node);
    }

  if (old_node != NONE)
    {
      if (change->old_path == NULL)
        change->old_path = mscos_pack_outline_dup_node_path (self->old_outline, old_node);
      change->old_object = g_object_ref (differ->old_nodes[old_node].object);
      change->old_outcome_id = node_id (self->old_outline, old_node, MSCOS_PACK_PART_OUTCOME);
      change->old_section_id = node_id (self->old_outline, old_node, MSCOS_PACK_PART_SECTION);
      change->old_parent_id = parent_id (self->old_outline, old_node);
    }

  if (anchor != NONE)
    change->anchor_id = differ->new_nodes[anchor].id;

  if (change->part == MSCOS_PACK_PART_ITEM)
    {
      self->item_counts[change->item_kind][type]++;
      count_in_outcome (self, mscos_pack_change_get_outcome_id (change));
      if (type == MSCOS_CHANGE_MOVED
          && g_strcmp0 (change->old_outcome_id, change->outcome_id) != 0)
        count_in_outcome (self, change->old_outcome_id);
    }
  else
    {
      self->counts[change->part][type]++;
    }

  /* An id that was a section and is now an item, say, is removed and new: the new one is what
   * a look-up finds. */
  if (change->id != NULL && (type != MSCOS_CHANGE_REMOVED
                             || !g_hash_table_contains (self->by_id, change->id)))
    g_hash_table_insert (self->by_id, (gpointer) change->id, change);

  g_ptr_array_add (self->changes, change);
}

static void
list_removed (Differ *differ,
              guint   old_node,
              guint   anchor)
{
  add_change (differ, MSCOS_CHANGE_REMOVED, old_node, NONE, g_ptr_array_new (), anchor);

  FOREACH_CHILD (differ->old_nodes, old_node, child)
    if (differ->old_partner[child] == NONE)
      list_removed (differ, child, NONE);
}

static void
list_removed_chain (Differ *differ,
                    guint   first,
                    guint   anchor)
{
  for (guint removed = first; removed != NONE; removed = differ->removed_next[removed])
    list_removed (differ, removed, anchor);
}

static void
list_node (Differ *differ,
           guint   new_node)
{
  guint old_node = differ->new_partner[new_node];

  if (old_node == NONE)
    {
      add_change (differ, MSCOS_CHANGE_NEW, NONE, new_node, g_ptr_array_new (), NONE);
    }
  else
    {
      GPtrArray *members = g_ptr_array_new ();
      gboolean moved = FALSE;

      compare_nodes (differ, &differ->old_nodes[old_node], &differ->new_nodes[new_node], members);
      if (new_node != 0)
        moved = differ->new_partner[differ->new_nodes[new_node].parent]
                  != differ->old_nodes[old_node].parent
                || differ->out_of_order[new_node];

      if (moved)
        add_change (differ, MSCOS_CHANGE_MOVED, old_node, new_node, members, NONE);
      else if (members->len > 0)
        add_change (differ, MSCOS_CHANGE_CHANGED, old_node, new_node, members, NONE);
      else
        g_ptr_array_unref (members);
    }

  list_removed_chain (differ, differ->first_head[new_node], NONE);

  FOREACH_CHILD (differ->new_nodes, new_node, child)
    {
      list_node (differ, child);
      list_removed_chain (differ, differ->after_head[child], child);
    }
}

static char *
dup_base_uri (MscosContentPack *pack)
{
  GFile *folder = mscos_content_pack_get_folder (pack);
  g_autofree char *uri = NULL;

  if (folder == NULL)
    return NULL;

  uri = g_file_get_uri (folder);

  return g_str_has_suffix (uri, "/") ? g_steal_pointer (&uri) : g_strconcat (uri, "/", NULL);
}

static guint *
new_nones (guint n)
{
  guint *array = g_new (guint, n);

  /* Every byte 0xff is G_MAXUINT, which NONE is. */
  memset (array, 0xff, n * sizeof *array);

  return array;
}

static void
compare (MscosPackDiff *self)
{
  Differ differ = { self };

  differ.old_nodes = mscos_pack_outline_get_nodes (self->old_outline, &differ.n_old);
  differ.new_nodes = mscos_pack_outline_get_nodes (self->new_outline, &differ.n_new);
  differ.old_partner = new_nones (differ.n_old);
  differ.new_partner = new_nones (differ.n_new);
  differ.out_of_order = g_new0 (gboolean, differ.n_new);
  differ.removed_next = new_nones (differ.n_old);
  differ.first_head = new_nones (differ.n_new);
  differ.first_tail = new_nones (differ.n_new);
  differ.after_head = new_nones (differ.n_new);
  differ.after_tail = new_nones (differ.n_new);
  differ.old_base = dup_base_uri (mscos_pack_outline_get_pack (self->old_outline));
  differ.new_base = dup_base_uri (mscos_pack_outline_get_pack (self->new_outline));

  pair_nodes (&differ);
  for (guint j = 0; j < differ.n_new; j++)
    if (differ.new_partner[j] != NONE && differ.new_nodes[j].size > 2)
      find_out_of_order (&differ, j);
  place_removed (&differ);
  list_node (&differ, 0);

  g_free (differ.old_partner);
  g_free (differ.new_partner);
  g_free (differ.out_of_order);
  g_free (differ.removed_next);
  g_free (differ.first_head);
  g_free (differ.first_tail);
  g_free (differ.after_head);
  g_free (differ.after_tail);
  g_free (differ.old_base);
  g_free (differ.new_base);
}

/* --- GListModel -------------------------------------------------------------------------- */

static GType
mscos_pack_diff_get_item_type (GListModel *model)
{
  return MSCOS_TYPE_PACK_CHANGE;
}

static guint
mscos_pack_diff_get_n_items (GListModel *model)
{
  return MSCOS_PACK_DIFF (model)->changes->len;
}

static gpointer
mscos_pack_diff_get_item (GListModel *model,
                          guint       position)
{
  MscosPackDiff *self = MSCOS_PACK_DIFF (model);

  if (position >= self->changes->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->changes, position));
}

static void
mscos_pack_diff_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mscos_pack_diff_get_item_type;
  iface->get_n_items = mscos_pack_diff_get_n_items;
  iface->get_item = mscos_pack_diff_get_item;
}

static void
mscos_pack_diff_finalize (GObject *object)
{
  MscosPackDiff *self = MSCOS_PACK_DIFF (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->by_outcome, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_object (&self->old_outline);
  g_clear_object (&self->new_outline);

  G_OBJECT_CLASS (mscos_pack_diff_parent_class)->finalize (object);
}

static void
mscos_pack_diff_class_init (MscosPackDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mscos_pack_diff_finalize;
}

static void
mscos_pack_diff_init (MscosPackDiff *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_outcome = g_hash_table_new (g_str_hash, g_str_equal);
}

/* --- Public API -------------------------------------------------------------------------- */

/**
 * mscos_pack_diff_new:
 * @old_pack: the revision to compare against (the base)
 * @new_pack: the revision under review
 *
 * Compares two packs. See mscos_pack_diff_new_for_outlines().
 *
 * Returns: (transfer full): the comparison
 */
MscosPackDiff *
mscos_pack_diff_new (MscosContentPack *old_pack,
                     MscosContentPack *new_pack)
{
  g_autoptr (MscosPackOutline) old_outline = NULL;
  g_autoptr (MscosPackOutline) new_outline = NULL;

  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (old_pack), NULL);
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (new_pack), NULL);

  old_outline = mscos_pack_outline_new (old_pack);
  new_outline = mscos_pack_outline_new (new_pack);

  return mscos_pack_diff_new_for_outlines (old_outline, new_outline);
}

/**
 * mscos_pack_diff_new_for_outlines:
 * @old_outline: the outline of the revision to compare against
 * @new_outline: the outline of the revision under review
 *
 * Compares two packs: a #GListModel of #MscosPackChange, one for each outcome, section, item,
 * group or single recommendation that is new, removed, changed or moved, and one for the
 * pack's own details (id, title, revision, date, language, description) if they differ. The
 * changes are in the new pack's page order, each removed thing where it was. The model never
 * changes.
 *
 * Returns: (transfer full): the comparison
 */
MscosPackDiff *
mscos_pack_diff_new_for_outlines (MscosPackOutline *old_outline,
                                  MscosPackOutline *new_outline)
{
  MscosPackDiff *self;

  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (old_outline), NULL);
  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (new_outline), NULL);

  self = g_object_new (MSCOS_TYPE_PACK_DIFF, NULL);
  self->old_outline = g_object_ref (old_outline);
  self->new_outline = g_object_ref (new_outline);
  compare (self);

  return self;
}

/**
 * mscos_pack_diff_get_old_pack:
 *
 * Returns: (transfer none): the revision compared against
 */
MscosContentPack *
mscos_pack_diff_get_old_pack (MscosPackDiff *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), NULL);

  return mscos_pack_outline_get_pack (self->old_outline);
}

/**
 * mscos_pack_diff_get_new_pack:
 *
 * Returns: (transfer none): the revision under review
 */
MscosContentPack *
mscos_pack_diff_get_new_pack (MscosPackDiff *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), NULL);

  return mscos_pack_outline_get_pack (self->new_outline);
}

/**
 * mscos_pack_diff_get_old_outline:
 *
 * Returns: (transfer none): where everything was
 */
MscosPackOutline *
mscos_pack_diff_get_old_outline (MscosPackDiff *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), NULL);

  return self->old_outline;
}

/**
 * mscos_pack_diff_get_new_outline:
 *
 * Returns: (transfer none): where everything is
 */
MscosPackOutline *
mscos_pack_diff_get_new_outline (MscosPackDiff *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), NULL);

  return self->new_outline;
}

/**
 * mscos_pack_diff_is_empty:
 *
 * The exit status of `mscos-outcomes --diff` follows diff(1): 0 when this is %TRUE, 1 when
 * it is not.
 *
 * Returns: whether the packs are the same in everything the app reads from them
 */
gboolean
mscos_pack_diff_is_empty (MscosPackDiff *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), TRUE);

  return self->changes->len == 0;
}

/**
 * mscos_pack_diff_count:
 * @part: %MSCOS_PACK_PART_OUTCOME, %MSCOS_PACK_PART_SECTION or %MSCOS_PACK_PART_PACK; for
 *   items, see mscos_pack_diff_count_items()
 *
 * Returns: how many changes of @type there are of @part
 */
guint
mscos_pack_diff_count (MscosPackDiff   *self,
                       MscosPackPart    part,
                       MscosChangeType  type)
{
  guint total = 0;

  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), 0);
  g_return_val_if_fail (part <= MSCOS_PACK_PART_ITEM, 0);
  g_return_val_if_fail (type < MSCOS_N_CHANGE_TYPES, 0);

  if (part != MSCOS_PACK_PART_ITEM)
    return self->counts[part][type];

  for (guint kind = 0; kind < G_N_ELEMENTS (self->item_counts); kind++)
    total += self->item_counts[kind][type];

  return total;
}

/**
 * mscos_pack_diff_count_items:
 *
 * The figures of a summary such as "7 changed recommendations, 3 new quotes": how many items
 * of @kind (single recommendations and groups included) are of @type.
 *
 * Returns: the count
 */
guint
mscos_pack_diff_count_items (MscosPackDiff   *self,
                             MscosItemKind    kind,
                             MscosChangeType  type)
{
  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), 0);
  g_return_val_if_fail (kind < G_N_ELEMENTS (self->item_counts), 0);
  g_return_val_if_fail (type < MSCOS_N_CHANGE_TYPES, 0);

  return self->item_counts[kind][type];
}

/**
 * mscos_pack_diff_count_in_outcome:
 *
 * For the sidebar: how many item changes of any type are in the outcome with @outcome_id.
 * A removed item counts where it was; an item moved from another outcome counts in both.
 *
 * Returns: the count
 */
guint
mscos_pack_diff_count_in_outcome (MscosPackDiff *self,
                                  const char    *outcome_id)
{
  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), 0);
  g_return_val_if_fail (outcome_id != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->by_outcome, outcome_id));
}

/**
 * mscos_pack_diff_lookup:
 * @id: the id of an outcome, section or item, in either pack
 *
 * Returns: (transfer none) (nullable): its change, or %NULL if it is the same in both packs
 */
MscosPackChange *
mscos_pack_diff_lookup (MscosPackDiff *self,
                        const char    *id)
{
  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * mscos_pack_diff_format_lines:
 *
 * The output of `mscos-outcomes --diff`: one change a line,
 * `CHANGE<TAB>ID<TAB>JSON-PATH<TAB>SUMMARY`, where CHANGE is `new`, `removed`, `changed` or
 * `moved`, ID is `-` for the pack's own details and a group without an id, and SUMMARY is as
 * mscos_pack_change_dup_summary() writes it. Nothing when the packs are the same.
 *
 * Returns: (transfer full): the text
 */
char *
mscos_pack_diff_format_lines (MscosPackDiff *self)
{
  GString *text;

  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->changes->len; i++)
    {
      MscosPackChange *change = g_ptr_array_index (self->changes, i);
      g_autofree char *summary = mscos_pack_change_dup_summary (change);

      g_string_append_printf (text, "%s\t%s\t%s\t%s\n",
                              mscos_change_type_to_string (change->type),
                              change->id != NULL ? change->id : "-",
                              mscos_pack_change_get_path (change),
                              summary);
    }

  return g_string_free (text, FALSE);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_pack (JsonBuilder      *builder,
          const char       *name,
          MscosContentPack *pack)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_string_member (builder, "id", mscos_content_pack_get_id (pack));
  add_string_member (builder, "revision", mscos_content_pack_get_revision (pack));
  add_string_member (builder, "date", mscos_content_pack_get_date (pack));
  json_builder_end_object (builder);
}

static void
add_counts (MscosPackDiff *self,
            JsonBuilder   *builder)
{
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint type = 0; type < MSCOS_N_CHANGE_TYPES; type++)
    {
      json_builder_set_member_name (builder, mscos_change_type_to_string (type));
      json_builder_begin_object (builder);
      for (guint part = MSCOS_PACK_PART_PACK; part < MSCOS_PACK_PART_ITEM; part++)
        if (self->counts[part][type] > 0)
          {
            json_builder_set_member_name (builder, mscos_pack_part_to_string (part));
            json_builder_add_int_value (builder, self->counts[part][type]);
          }
      for (guint kind = 0; kind < G_N_ELEMENTS (self->item_counts); kind++)
        if (self->item_counts[kind][type] > 0)
          {
            json_builder_set_member_name (builder, mscos_item_kind_to_string (kind));
            json_builder_add_int_value (builder, self->item_counts[kind][type]);
          }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_change_object (JsonBuilder     *builder,
                   MscosPackChange *change)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "change", mscos_change_type_to_string (change->type));
  add_string_member (builder, "kind", mscos_pack_change_get_kind_name (change));
  add_string_member (builder, "id", change->id);
  add_string_member (builder, "path", mscos_pack_change_get_path (change));
  add_string_member (builder, "outcome", mscos_pack_change_get_outcome_id (change));
  add_string_member (builder, "section", mscos_pack_change_get_section_id (change));
  add_string_member (builder, "parent", mscos_pack_change_get_parent_id (change));

  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; change->members[i] != NULL; i++)
    json_builder_add_string_value (builder, change->members[i]);
  json_builder_end_array (builder);

  if (change->type == MSCOS_CHANGE_MOVED)
    {
      add_string_member (builder, "old_path", change->old_path);
      add_string_member (builder, "old_outcome", change->old_outcome_id);
      add_string_member (builder, "old_section", change->old_section_id);
      add_string_member (builder, "old_parent", change->old_parent_id);
    }
  json_builder_end_object (builder);
}

/**
 * mscos_pack_diff_format_json:
 *
 * The output of `mscos-outcomes --diff --json`, for machines: an object with `format`
 * ("mscos-pack-diff"), `version` (1), `old` and `new` (each pack's id, revision and date),
 * `same` (a boolean), `counts` (by change, then by kind: `{"changed": {"recommendation": 7}}`)
 * and `changes`, one object a change with `change`, `kind`, `id`, `path`, `outcome`,
 * `section`, `parent` and `members`, and for a move `old_path`, `old_outcome`, `old_section`
 * and `old_parent`. Absent values are null. docs/review-format.md describes it.
 *
 * Returns: (transfer full): the JSON text
 */
char *
mscos_pack_diff_format_json (MscosPackDiff *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (MSCOS_IS_PACK_DIFF (self), NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "format", "mscos-pack-diff");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_pack (builder, "old", mscos_pack_diff_get_old_pack (self));
  add_pack (builder, "new", mscos_pack_diff_get_new_pack (self));
  json_builder_set_member_name (builder, "same");
  json_builder_add_boolean_value (builder, mscos_pack_diff_is_empty (self));
  add_counts (self, builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->changes->len; i++)
    add_change_object (builder, g_ptr_array_index (self->changes, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/* --- Blocks of rich text --------------------------------------------------------------- */

/* How far ahead among the revision's blocks a base block looks for its partner: a run of
 * more new paragraphs than that before a changed one shows it as removed and added. It bounds
 * the word comparisons to this many a block. */
#define PAIR_LOOKAHEAD 8

static void
append_block (GString          *text,
              const MscosBlock *block)
{
  if (mscos_block_get_label (block) != NULL)
    g_string_append_printf (text, "%s ", mscos_block_get_label (block));
  if (mscos_block_get_text (block) != NULL)
    g_string_append_printf (text, "%s\n", mscos_block_get_text (block));
  for (guint i = 0; i < mscos_block_get_n_children (block); i++)
    append_block (text, mscos_block_get_child (block, i));
}

/* Whether two blocks are one block edited rather than two different ones: of the same type,
 * and at least half of their words the same. */
static gboolean
blocks_similar (const MscosBlock *a,
                const MscosBlock *b)
{
  g_autoptr (GString) a_text = g_string_new (NULL);
  g_autoptr (GString) b_text = g_string_new (NULL);
  g_autoptr (GArray) spans = NULL;
  gsize same = 0;

  if (mscos_block_get_block_type (a) != mscos_block_get_block_type (b))
    return FALSE;
  if (block_equal (a, b))
    return TRUE;

  append_block (a_text, a);
  append_block (b_text, b);
  if (a_text->len + b_text->len == 0)
    return TRUE;

  spans = mscos_word_diff (a_text->str, b_text->str, NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      const MscosWordDiffSpan *span = &g_array_index (spans, MscosWordDiffSpan, i);

      if (span->op == MSCOS_WORD_DIFF_EQUAL)
        same += span->old_end - span->old_start;
    }

  return 4 * same >= a_text->len + b_text->len;
}

static void
append_pair (GArray           *pairs,
             MscosBlockChange  change,
             MscosBlock       *old_block,
             MscosBlock       *new_block)
{
  MscosBlockPair pair = { change, old_block, new_block };

  if (change == MSCOS_BLOCK_CHANGE_CHANGED && block_equal (old_block, new_block))
    pair.change = MSCOS_BLOCK_CHANGE_NONE;
  g_array_append_val (pairs, pair);
}

/* The blocks both texts start and end with are the same; in between, each base block is the
 * partner of the first block of the revision, a few ahead at most, that is like it, and the
 * revision's blocks it passes over are added; a base block with no partner is removed. The
 * texts of a pack are a few paragraphs long, and an edit rewords, adds or takes out one or
 * two: this finds those without a comparison of every block with every other. */
static GArray *
pair_blocks (MscosBlock **old_blocks,
             guint        n_old,
             MscosBlock **new_blocks,
             guint        n_new)
{
  GArray *pairs = g_array_sized_new (FALSE, FALSE, sizeof (MscosBlockPair), MAX (n_old, n_new));
  guint prefix = 0, suffix = 0;
  guint next_new;

  while (prefix < n_old && prefix < n_new && block_equal (old_blocks[prefix], new_blocks[prefix]))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix
         && block_equal (old_blocks[n_old - 1 - suffix], new_blocks[n_new - 1 - suffix]))
    suffix++;

  for (guint i = 0; i < prefix; i++)
    append_pair (pairs, MSCOS_BLOCK_CHANGE_NONE, old_blocks[i], new_blocks[i]);

  next_new = prefix;
  for (guint i = prefix; i < n_old - suffix; i++)
    {
      guint found = G_MAXUINT;

      for (guint j = next_new; j < n_new - suffix && j < next_new + PAIR_LOOKAHEAD; j++)
        if (blocks_similar (old_blocks[i], new_blocks[j]))
          {
            found = j;
            break;
          }

      if (found == G_MAXUINT)
        {
          append_pair (pairs, MSCOS_BLOCK_CHANGE_REMOVED, old_blocks[i], NULL);
          continue;
        }

      for (; next_new < found; next_new++)
        append_pair (pairs, MSCOS_BLOCK_CHANGE_ADDED, NULL, new_blocks[next_new]);
      append_pair (pairs, MSCOS_BLOCK_CHANGE_CHANGED, old_blocks[i], new_blocks[found]);
      next_new = found + 1;
    }
  for (; next_new < n_new - suffix; next_new++)
    append_pair (pairs, MSCOS_BLOCK_CHANGE_ADDED, NULL, new_blocks[next_new]);

  for (guint i = 0; i < suffix; i++)
    append_pair (pairs, MSCOS_BLOCK_CHANGE_NONE, old_blocks[n_old - suffix + i],
                 new_blocks[n_new - suffix + i]);

  return pairs;
}

/**
 * mscos_pack_diff_pair_blocks:
 * @old_blocks: (nullable) (element-type MscosBlock): the base pack's text
 * @new_blocks: (nullable) (element-type MscosBlock): the revision's text
 *
 * Compares two rich texts block by block (a paragraph, heading, quotation or list each), so
 * that each changed block can show its word-level difference with its old version, and
 * blocks added or removed whole say so. Blocks are paired by their place and their words:
 * a block most of whose words a block of the other text has, in the same order among the
 * others, is that block edited.
 *
 * Returns: (transfer full) (element-type MscosBlockPair): the blocks of both texts, in order:
 *   a removed block where it was, before the blocks added in its place
 */
GArray *
mscos_pack_diff_pair_blocks (GPtrArray *old_blocks,
                             GPtrArray *new_blocks)
{
  return pair_blocks (old_blocks != NULL ? (MscosBlock **) old_blocks->pdata : NULL,
                      old_blocks != NULL ? old_blocks->len : 0,
                      new_blocks != NULL ? (MscosBlock **) new_blocks->pdata : NULL,
                      new_blocks != NULL ? new_blocks->len : 0);
}

/**
 * mscos_pack_diff_pair_entries:
 * @old_list: a list block of the base pack
 * @new_list: its partner in the revision
 *
 * Compares the entries of two lists as mscos_pack_diff_pair_blocks() compares blocks.
 *
 * Returns: (transfer full) (element-type MscosBlockPair): the entries of both lists, in order
 */
GArray *
mscos_pack_diff_pair_entries (MscosBlock *old_list,
                              MscosBlock *new_list)
{
  guint n_old = mscos_block_get_n_children (old_list);
  guint n_new = mscos_block_get_n_children (new_list);
  g_autofree MscosBlock **old_entries = g_new (MscosBlock *, MAX (n_old, 1));
  g_autofree MscosBlock **new_entries = g_new (MscosBlock *, MAX (n_new, 1));

  for (guint i = 0; i < n_old; i++)
    old_entries[i] = mscos_block_get_child (old_list, i);
  for (guint i = 0; i < n_new; i++)
    new_entries[i] = mscos_block_get_child (new_list, i);

  return pair_blocks (old_entries, n_old, new_entries, n_new);
}
