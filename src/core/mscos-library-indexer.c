/* mscos-library-indexer.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Keeps the notes a search index holds the library's: the notes on items of the index's pack,
 * given once when the index is set, then only those that change, as the library's entries
 * model says which rows changed. Notes on items no longer in the pack have nothing to point a
 * result at, and are not given (the index ignores them). */

#define G_LOG_DOMAIN "mscos-library-indexer"

#include "config.h"

#include "mscos-library-indexer.h"

struct _MscosLibraryIndexer
{
  GObject           parent_instance;

  MscosLibrary     *library;
  MscosSearchIndex *index;
  /* The entries, in the model's order, to know which ones a change removed. */
  GPtrArray        *entries;
  /* item id → the note the index holds for it */
  GHashTable       *noted;
};

G_DEFINE_FINAL_TYPE (MscosLibraryIndexer, mscos_library_indexer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
give_note (MscosLibraryIndexer *self,
           const char          *item_id,
           const char          *note)
{
  if (g_strcmp0 (g_hash_table_lookup (self->noted, item_id), note) == 0)
    return;

  mscos_search_index_set_note (self->index, item_id, note);
  if (note != NULL)
    g_hash_table_insert (self->noted, g_strdup (item_id), g_strdup (note));
  else
    g_hash_table_remove (self->noted, item_id);
}

static gboolean
in_indexed_pack (MscosLibraryIndexer *self,
                 MscosLibraryEntry   *entry)
{
  MscosContentPack *pack = mscos_search_index_get_pack (self->index);

  return g_strcmp0 (mscos_library_entry_get_pack_id (entry),
                    mscos_content_pack_get_id (pack)) == 0;
}

static void
index_entry (MscosLibraryIndexer *self,
             MscosLibraryEntry   *entry)
{
  if (self->index != NULL && in_indexed_pack (self, entry))
    give_note (self, mscos_library_entry_get_item_id (entry),
               mscos_library_entry_get_note (entry));
}

/* @entry left the model: its note goes, unless the library holds it elsewhere. */
static void
unindex_entry (MscosLibraryIndexer *self,
               MscosLibraryEntry   *entry)
{
  const char *item_id = mscos_library_entry_get_item_id (entry);

  if (self->index == NULL || !in_indexed_pack (self, entry))
    return;

  if (mscos_library_lookup (self->library, mscos_library_entry_get_pack_id (entry),
                            item_id) == NULL)
    give_note (self, item_id, NULL);
}

static void
entries_changed_cb (MscosLibraryIndexer *self,
                    guint                position,
                    guint                removed,
                    guint                added,
                    GListModel          *entries)
{
  g_autoptr (GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < removed; i++)
    g_ptr_array_add (gone, g_ptr_array_steal_index (self->entries, position));

  for (guint i = 0; i < added; i++)
    {
      MscosLibraryEntry *entry = g_list_model_get_item (entries, position + i);

      g_ptr_array_insert (self->entries, position + i, entry);
      index_entry (self, entry);
    }

  for (guint i = 0; i < gone->len; i++)
    unindex_entry (self, g_ptr_array_index (gone, i));
}

static void
mscos_library_indexer_constructed (GObject *object)
{
  MscosLibraryIndexer *self = MSCOS_LIBRARY_INDEXER (object);
  GListModel *entries = mscos_library_get_entries (self->library);

  G_OBJECT_CLASS (mscos_library_indexer_parent_class)->constructed (object);

  g_signal_connect_object (entries, "items-changed", G_CALLBACK (entries_changed_cb), self,
                           G_CONNECT_SWAPPED);
  entries_changed_cb (self, 0, 0, g_list_model_get_n_items (entries), entries);
}

static void
mscos_library_indexer_dispose (GObject *object)
{
  MscosLibraryIndexer *self = MSCOS_LIBRARY_INDEXER (object);

  g_clear_object (&self->library);
  g_clear_object (&self->index);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->noted, g_hash_table_unref);

  G_OBJECT_CLASS (mscos_library_indexer_parent_class)->dispose (object);
}

static void
mscos_library_indexer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MscosLibraryIndexer *self = MSCOS_LIBRARY_INDEXER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_INDEX:
      g_value_set_object (value, self->index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_library_indexer_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MscosLibraryIndexer *self = MSCOS_LIBRARY_INDEXER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_INDEX:
      mscos_library_indexer_set_index (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_library_indexer_class_init (MscosLibraryIndexerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mscos_library_indexer_constructed;
  object_class->dispose = mscos_library_indexer_dispose;
  object_class->get_property = mscos_library_indexer_get_property;
  object_class->set_property = mscos_library_indexer_set_property;

  /**
   * MscosLibraryIndexer:library:
   *
   * The library whose notes are given to the index.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         MSCOS_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryIndexer:index:
   *
   * The search index that holds the notes, or %NULL.
   */
  properties[PROP_INDEX] =
    g_param_spec_object ("index", NULL, NULL,
                         MSCOS_TYPE_SEARCH_INDEX,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_library_indexer_init (MscosLibraryIndexer *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->noted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * mscos_library_indexer_new:
 * @library: the user's library
 *
 * Returns: (transfer full): an indexer that gives @library's notes to the index it is given
 */
MscosLibraryIndexer *
mscos_library_indexer_new (MscosLibrary *library)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (library), NULL);

  return g_object_new (MSCOS_TYPE_LIBRARY_INDEXER, "library", library, NULL);
}

/**
 * mscos_library_indexer_get_index:
 * @self: a #MscosLibraryIndexer
 *
 * Returns: (transfer none) (nullable): the index that holds the notes
 */
MscosSearchIndex *
mscos_library_indexer_get_index (MscosLibraryIndexer *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_INDEXER (self), NULL);

  return self->index;
}

/**
 * mscos_library_indexer_set_index:
 * @self: a #MscosLibraryIndexer
 * @index: (nullable): a search index, new or already used
 *
 * Gives @index every note of the library on items of its pack, and from then on every change
 * to them; the index given before is no longer told.
 */
void
mscos_library_indexer_set_index (MscosLibraryIndexer *self,
                                 MscosSearchIndex    *index)
{
  g_return_if_fail (MSCOS_IS_LIBRARY_INDEXER (self));
  g_return_if_fail (index == NULL || MSCOS_IS_SEARCH_INDEX (index));

  if (!g_set_object (&self->index, index))
    return;

  /* What a new index holds is not known: tell it everything. */
  g_hash_table_remove_all (self->noted);
  for (guint i = 0; i < self->entries->len; i++)
    index_entry (self, g_ptr_array_index (self->entries, i));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}
