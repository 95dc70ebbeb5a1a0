/* mscos-pack-outline.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-pack-outline"

#include "config.h"

#include "mscos-pack-outline-private.h"

/* Where everything in a pack is: each outcome, section and item with its place in the pack's
 * JSON, so that a change or a review comment can name the item's path
 * ("outcomes[1].sections[2].items[0]") and the section and outcome it is in. The model does
 * not keep an item's section or its index, so this walks it once and keeps both. A checked
 * pack holds one model object for each element of its arrays, in order, so a model index is
 * the JSON index. */

struct _MscosPackOutline
{
  GObject           parent_instance;

  MscosContentPack *pack;
  GArray           *nodes;
  /* id → node index + 1 */
  GHashTable       *ids;
};

G_DEFINE_FINAL_TYPE (MscosPackOutline, mscos_pack_outline, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MscosPackPart, mscos_pack_part,
                    G_DEFINE_ENUM_VALUE (MSCOS_PACK_PART_PACK, "pack"),
                    G_DEFINE_ENUM_VALUE (MSCOS_PACK_PART_OUTCOME, "outcome"),
                    G_DEFINE_ENUM_VALUE (MSCOS_PACK_PART_SECTION, "section"),
                    G_DEFINE_ENUM_VALUE (MSCOS_PACK_PART_ITEM, "item"))

static guint
add_node (MscosPackOutline *self,
          MscosPackPart     part,
          guint             parent,
          const char       *member,
          guint             index,
          const char       *id,
          gpointer          object)
{
  MscosOutlineNode node = { part, index, member, parent, 1, id, object };
  guint position = self->nodes->len;

  g_array_append_val (self->nodes, node);
  if (id != NULL)
    g_hash_table_insert (self->ids, (gpointer) id, GUINT_TO_POINTER (position + 1));

  return position;
}

static void
close_node (MscosPackOutline *self,
            guint             position)
{
  g_array_index (self->nodes, MscosOutlineNode, position).size = self->nodes->len - position;
}

static void
add_items (MscosPackOutline *self,
           guint             parent,
           const char       *member,
           GListModel       *items)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) item = g_list_model_get_item (items, i);
      guint position = add_node (self, MSCOS_PACK_PART_ITEM, parent, member, i,
                                 mscos_item_get_id (item), item);

      add_items (self, position,
                 mscos_item_get_kind (item) == MSCOS_ITEM_RECOMMENDATIONS ? "groups" : "items",
                 mscos_item_get_children (item));
      close_node (self, position);
    }
}

static void
build (MscosPackOutline *self)
{
  GListModel *outcomes = mscos_content_pack_get_outcomes (self->pack);
  guint n_outcomes = g_list_model_get_n_items (outcomes);
  guint root;

  root = add_node (self, MSCOS_PACK_PART_PACK, MSCOS_OUTLINE_NONE, NULL, 0, NULL, self->pack);

  for (guint i = 0; i < n_outcomes; i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);
      GListModel *sections = mscos_outcome_get_sections (outcome);
      guint n_sections = g_list_model_get_n_items (sections);
      guint outcome_node = add_node (self, MSCOS_PACK_PART_OUTCOME, root, "outcomes", i,
                                     mscos_outcome_get_id (outcome), outcome);

      for (guint j = 0; j < n_sections; j++)
        {
          g_autoptr (MscosSection) section = g_list_model_get_item (sections, j);
          guint section_node = add_node (self, MSCOS_PACK_PART_SECTION, outcome_node,
                                         "sections", j, mscos_section_get_id (section),
                                         section);

          add_items (self, section_node, "items", mscos_section_get_items (section));
          close_node (self, section_node);
        }
      close_node (self, outcome_node);
    }
  close_node (self, root);
}

static const MscosOutlineNode *
get_node (MscosPackOutline *self,
          guint             position)
{
  return &g_array_index (self->nodes, MscosOutlineNode, position);
}

static void
append_path (MscosPackOutline *self,
             guint             node,
             GString          *path)
{
  const MscosOutlineNode *step = get_node (self, node);

  if (step->parent == MSCOS_OUTLINE_NONE)
    return;

  append_path (self, step->parent, path);
  if (path->len > 0)
    g_string_append_c (path, '.');
  g_string_append_printf (path, "%s[%u]", step->member, step->index);
}

static const char *
get_ancestor_id (MscosPackOutline *self,
                 const char       *id,
                 MscosPackPart     part)
{
  guint node = mscos_pack_outline_find (self, id);

  if (node == MSCOS_OUTLINE_NONE)
    return NULL;

  node = mscos_pack_outline_get_ancestor (self, node, part);

  return node == MSCOS_OUTLINE_NONE ? NULL : get_node (self, node)->id;
}

static void
mscos_pack_outline_finalize (GObject *object)
{
  MscosPackOutline *self = MSCOS_PACK_OUTLINE (object);

  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (mscos_pack_outline_parent_class)->finalize (object);
}

static void
mscos_pack_outline_class_init (MscosPackOutlineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mscos_pack_outline_finalize;
}

static void
mscos_pack_outline_init (MscosPackOutline *self)
{
  self->nodes = g_array_new (FALSE, FALSE, sizeof (MscosOutlineNode));
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * mscos_pack_part_to_string:
 *
 * Returns: "pack", "outcome", "section" or "item"
 */
const char *
mscos_pack_part_to_string (MscosPackPart part)
{
  GEnumClass *klass = g_type_class_get (MSCOS_TYPE_PACK_PART);
  GEnumValue *value = g_enum_get_value (klass, part);

  g_return_val_if_fail (value != NULL, "item");

  return value->value_nick;
}

/**
 * mscos_pack_outline_new:
 * @pack: a content pack
 *
 * Walks @pack once, noting where each outcome, section and item is. Costs about a
 * microsecond an item.
 *
 * Returns: (transfer full): the outline, which keeps @pack alive
 */
MscosPackOutline *
mscos_pack_outline_new (MscosContentPack *pack)
{
  MscosPackOutline *self;

  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), NULL);

  self = g_object_new (MSCOS_TYPE_PACK_OUTLINE, NULL);
  self->pack = g_object_ref (pack);
  build (self);

  return self;
}

/**
 * mscos_pack_outline_get_pack:
 *
 * Returns: (transfer none): the pack
 */
MscosContentPack *
mscos_pack_outline_get_pack (MscosPackOutline *self)
{
  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (self), NULL);

  return self->pack;
}

/**
 * mscos_pack_outline_contains:
 *
 * Returns: whether the pack has an outcome, section or item with @id
 */
gboolean
mscos_pack_outline_contains (MscosPackOutline *self,
                             const char       *id)
{
  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (self), FALSE);

  return mscos_pack_outline_find (self, id) != MSCOS_OUTLINE_NONE;
}

/**
 * mscos_pack_outline_get_part:
 * @id: (nullable): an id, or %NULL for the pack itself
 *
 * Returns: whether @id is an outcome, a section or an item; %MSCOS_PACK_PART_PACK for %NULL
 *   or an id the pack does not have
 */
MscosPackPart
mscos_pack_outline_get_part (MscosPackOutline *self,
                             const char       *id)
{
  guint node;

  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (self), MSCOS_PACK_PART_PACK);

  node = mscos_pack_outline_find (self, id);

  return node == MSCOS_OUTLINE_NONE ? MSCOS_PACK_PART_PACK : get_node (self, node)->part;
}

/**
 * mscos_pack_outline_lookup:
 *
 * Returns: (transfer none) (nullable): the #MscosOutcome, #MscosSection or #MscosItem with @id
 */
GObject *
mscos_pack_outline_lookup (MscosPackOutline *self,
                           const char       *id)
{
  guint node;

  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (self), NULL);

  node = mscos_pack_outline_find (self, id);

  return node == MSCOS_OUTLINE_NONE ? NULL : get_node (self, node)->object;
}

/**
 * mscos_pack_outline_dup_path:
 * @id: the id of an outcome, section or item
 *
 * Returns: (transfer full) (nullable): where it is in the pack's JSON, as the validator writes
 *   paths: `outcomes[1].sections[2].items[0]`, or
 *   `….items[0].groups[0].items[3].items[1]` for a recommendation nested under another;
 *   %NULL if the pack has no @id
 */
char *
mscos_pack_outline_dup_path (MscosPackOutline *self,
                             const char       *id)
{
  guint node;

  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (self), NULL);

  node = mscos_pack_outline_find (self, id);
  if (node == MSCOS_OUTLINE_NONE)
    return NULL;

  return mscos_pack_outline_dup_node_path (self, node);
}

/**
 * mscos_pack_outline_get_outcome_id:
 *
 * Returns: (nullable): the id of the outcome that holds @id (@id itself for an outcome), or
 *   %NULL if the pack has no @id
 */
const char *
mscos_pack_outline_get_outcome_id (MscosPackOutline *self,
                                   const char       *id)
{
  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (self), NULL);

  return get_ancestor_id (self, id, MSCOS_PACK_PART_OUTCOME);
}

/**
 * mscos_pack_outline_get_section_id:
 *
 * Returns: (nullable): the id of the section that holds @id (@id itself for a section), or
 *   %NULL for an outcome or an id the pack does not have
 */
const char *
mscos_pack_outline_get_section_id (MscosPackOutline *self,
                                   const char       *id)
{
  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (self), NULL);

  return get_ancestor_id (self, id, MSCOS_PACK_PART_SECTION);
}

/**
 * mscos_pack_outline_get_parent_id:
 *
 * Returns: (nullable): the id of what holds @id: the item (for a recommendation in a group
 *   without an id, the set), section or outcome it is in; %NULL for an outcome
 */
const char *
mscos_pack_outline_get_parent_id (MscosPackOutline *self,
                                  const char       *id)
{
  guint node;

  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (self), NULL);

  node = mscos_pack_outline_find (self, id);
  if (node == MSCOS_OUTLINE_NONE)
    return NULL;

  node = mscos_pack_outline_get_id_parent (self, node);

  return node == MSCOS_OUTLINE_NONE ? NULL : get_node (self, node)->id;
}

/* For the comparison, in mscos-pack-outline-private.h. */

const MscosOutlineNode *
mscos_pack_outline_get_nodes (MscosPackOutline *self,
                              guint            *n_nodes)
{
  *n_nodes = self->nodes->len;

  return (const MscosOutlineNode *) self->nodes->data;
}

/* Returns the node of @id, or MSCOS_OUTLINE_NONE. */
guint
mscos_pack_outline_find (MscosPackOutline *self,
                         const char       *id)
{
  if (id == NULL)
    return MSCOS_OUTLINE_NONE;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->ids, id)) - 1;
}

/* Returns the path of @node: empty for the pack itself. Items nest at most 32 levels deep,
 * so the recursion is shallow. */
char *
mscos_pack_outline_dup_node_path (MscosPackOutline *self,
                                  guint             node)
{
  GString *path = g_string_new (NULL);

  append_path (self, node, path);

  return g_string_free (path, FALSE);
}

/* Returns the node of @part that holds @node (@node itself if it is one), or
 * MSCOS_OUTLINE_NONE. */
guint
mscos_pack_outline_get_ancestor (MscosPackOutline *self,
                                 guint             node,
                                 MscosPackPart     part)
{
  for (guint n = node; n != MSCOS_OUTLINE_NONE; n = get_node (self, n)->parent)
    if (get_node (self, n)->part == part)
      return n;

  return MSCOS_OUTLINE_NONE;
}

/* Returns the nearest node above @node that has an id and is not the pack, or
 * MSCOS_OUTLINE_NONE. */
guint
mscos_pack_outline_get_id_parent (MscosPackOutline *self,
                                  guint             node)
{
  for (guint n = get_node (self, node)->parent; n != MSCOS_OUTLINE_NONE;
       n = get_node (self, n)->parent)
    if (get_node (self, n)->id != NULL && get_node (self, n)->part != MSCOS_PACK_PART_PACK)
      return n;

  return MSCOS_OUTLINE_NONE;
}
