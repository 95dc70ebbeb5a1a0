/* mscos-content-pack.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-content-pack"

#include "config.h"

#include "mscos-content-pack.h"

#include <string.h>

#include <glib/gi18n.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "mscos-content-private.h"

/* The size of the blocks a pack's text is copied into: a string longer than this gets a
 * block of its own, and a block's end left unused is less than one string, so that on a
 * pack of paragraphs about 1% of the text's size is lost. */
#define TEXT_BLOCK_SIZE (64 * 1024)

struct _MscosContentText
{
  gatomicrefcount  ref_count;
  GStringChunk    *chunk;
};

G_DEFINE_FINAL_TYPE (MscosContentPack, mscos_content_pack, G_TYPE_OBJECT)

G_DEFINE_QUARK (mscos-content-error-quark, mscos_content_error)

/* The pack file of the pack folder @folder: its pack.json, or else its only .json file. */
static GFile *
find_pack_in_folder (GFile         *folder,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GFile) found = NULL;
  g_autofree char *name = NULL;
  guint n_found = 0;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;
      const char *child_name;

      if (!g_file_enumerator_iterate (children, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      child_name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
          || !g_str_has_suffix (child_name, ".json"))
        continue;

      if (strcmp (child_name, MSCOS_CONTENT_PACK_FOLDER_FILE) == 0)
        return g_file_get_child (folder, child_name);

      if (n_found++ == 0)
        found = g_file_get_child (folder, child_name);
    }

  if (n_found == 1)
    return g_steal_pointer (&found);

  name = g_file_get_parse_name (folder);
  if (n_found == 0)
    /* Translators: %s is a folder */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("%s holds no content pack: there is no .json file in it"), name);
  else
    /* Translators: %s is a folder; pack.json is a file name, not to be translated */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("%s holds several .json files: name the content pack pack.json"), name);
  return NULL;
}

/* Reads the pack @file, or the pack in the folder @file. Whether @file is a folder is found
 * when reading it fails so, which costs a pack file nothing. */
static MscosContentPack *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFile) pack_file = NULL;
  g_autoptr (GFile) base = NULL;
  g_autoptr (GError) local_error = NULL;
  MscosContentPack *pack;

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    {
      g_clear_error (&local_error);
      pack_file = find_pack_in_folder (file, cancellable, error);
      if (pack_file == NULL)
        return NULL;

      bytes = g_file_load_bytes (pack_file, cancellable, NULL, error);
      base = g_object_ref (file);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  else
    {
      base = g_file_get_parent (file);
    }

  if (bytes == NULL)
    return NULL;

  pack = mscos_content_pack_parse (bytes, base, error);
  if (pack != NULL)
    {
      pack->file = g_object_ref (file);
      pack->folder = g_steal_pointer (&base);
    }

  return pack;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  MscosContentPack *pack = load_file (task_data, cancellable, &error);

#ifdef __GLIBC__
  /* The parse tree was freed in this thread, below the model built after it, where glibc keeps
   * the memory for this thread's next allocations: 63 MB for the page of 10,000 items of
   * tests/perf/bench-outcome-page.py, whose resident memory once idle was 225 MB with it kept
   * and is 159 MB without (100 items: 130 MB). Giving it back takes 100–140 ms on these machines,
   * which is spent here rather than in the main thread's malloc_trim() after the pack is shown
   * (mscos-application.c), where it would stall the window. */
  malloc_trim (0);
#endif

  if (pack == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pack, g_object_unref);
}

static void
mscos_content_pack_finalize (GObject *object)
{
  MscosContentPack *self = MSCOS_CONTENT_PACK (object);

  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_object (&self->outcomes);
  g_clear_object (&self->file);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->strings, mscos_content_text_unref);

  G_OBJECT_CLASS (mscos_content_pack_parent_class)->finalize (object);
}

static void
mscos_content_pack_class_init (MscosContentPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mscos_content_pack_finalize;
}

static void
mscos_content_pack_init (MscosContentPack *self)
{
  self->outcomes = g_list_store_new (MSCOS_TYPE_OUTCOME);
  self->items = g_hash_table_new (g_str_hash, g_str_equal);
}

MscosContentText *
mscos_content_text_new (void)
{
  MscosContentText *text = g_new0 (MscosContentText, 1);

  g_atomic_ref_count_init (&text->ref_count);
  text->chunk = g_string_chunk_new (TEXT_BLOCK_SIZE);

  return text;
}

MscosContentText *
mscos_content_text_ref (MscosContentText *text)
{
  g_atomic_ref_count_inc (&text->ref_count);

  return text;
}

void
mscos_content_text_unref (MscosContentText *text)
{
  if (g_atomic_ref_count_dec (&text->ref_count))
    {
      g_string_chunk_free (text->chunk);
      g_free (text);
    }
}

/* Returns (transfer none) a copy of @string, or NULL if it is NULL, that lives as long as
 * @text. */
const char *
mscos_content_text_add (MscosContentText *text,
                        const char       *string)
{
  return string != NULL ? g_string_chunk_insert (text->chunk, string) : NULL;
}

/* The same, for a string that many objects of a pack may repeat (a speaker's role, an
 * organisation): it is kept once. */
const char *
mscos_content_text_add_const (MscosContentText *text,
                              const char       *string)
{
  return string != NULL ? g_string_chunk_insert_const (text->chunk, string) : NULL;
}

MscosLink *
mscos_link_new (const char *title,
                const char *uri)
{
  MscosLink *link = g_new0 (MscosLink, 1);

  link->title = g_strdup (title);
  link->uri = g_strdup (uri);

  return link;
}

void
mscos_link_free (MscosLink *link)
{
  if (link == NULL)
    return;

  g_free (link->title);
  g_free (link->uri);
  g_free (link);
}

void
mscos_audio_source_free (MscosAudioSource *source)
{
  if (source == NULL)
    return;

  g_free (source->uri);
  g_free (source->title);
  g_free (source);
}

void
mscos_correction_free (MscosCorrection *correction)
{
  if (correction == NULL)
    return;

  g_free (correction->original);
  g_free (correction->corrected);
  g_free (correction->note);
  g_free (correction);
}

void
mscos_phone_free (MscosPhone *phone)
{
  if (phone == NULL)
    return;

  g_free (phone->title);
  g_free (phone->number);
  g_free (phone);
}

/**
 * mscos_content_pack_new_from_bytes:
 * @bytes: the pack's JSON text
 * @base: (nullable): the folder against which the pack's audio file paths are resolved
 * @error: the pack's problems, one a line as "PATH: message"
 *
 * Reads a content pack, checking everything docs/content-pack.md says. Safe on any input.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL if it has any problem
 */
MscosContentPack *
mscos_content_pack_new_from_bytes (GBytes  *bytes,
                                   GFile   *base,
                                   GError **error)
{
  MscosContentPack *pack;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (base == NULL || G_IS_FILE (base), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pack = mscos_content_pack_parse (bytes, base, error);
  if (pack != NULL && base != NULL)
    pack->folder = g_object_ref (base);

  return pack;
}

/**
 * mscos_content_pack_load:
 * @file: a pack file, a resource:// file, or a pack folder
 * @cancellable: (nullable): a #GCancellable
 * @error: the error
 *
 * Reads a content pack synchronously; for the command line and tests. A pack folder holds
 * the pack file (its only .json file, or %MSCOS_CONTENT_PACK_FOLDER_FILE) and the pack's
 * audio files.
 *
 * Returns: (transfer full) (nullable): the pack
 */
MscosContentPack *
mscos_content_pack_load (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  return load_file (file, cancellable, error);
}

/**
 * mscos_content_pack_load_async:
 * @file: a pack file, a resource:// file, or a pack folder
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the pack is read
 * @user_data: data for @callback
 *
 * Reads and checks a content pack in a worker thread, as mscos_content_pack_load() does.
 */
void
mscos_content_pack_load_async (GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mscos_content_pack_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * mscos_content_pack_load_finish:
 *
 * Returns: (transfer full) (nullable): the pack
 */
MscosContentPack *
mscos_content_pack_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
mscos_content_pack_get_id (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  return self->id;
}

const char *
mscos_content_pack_get_title (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  return self->title;
}

const char *
mscos_content_pack_get_revision (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  return self->revision;
}

const char *
mscos_content_pack_get_date (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  return self->date;
}

const char *
mscos_content_pack_get_language (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  return self->language;
}

/**
 * mscos_content_pack_get_description:
 *
 * Returns: (nullable): a sentence on what the pack holds
 */
const char *
mscos_content_pack_get_description (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  return self->description;
}

/**
 * mscos_content_pack_get_file:
 *
 * Returns: (transfer none) (nullable): what the pack was opened from: its file, or its folder
 */
GFile *
mscos_content_pack_get_file (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  return self->file;
}

/**
 * mscos_content_pack_get_folder:
 *
 * The pack's folder: the folder opened, or the one the opened pack file is in. The paths
 * of the pack's audio files are relative to it.
 *
 * Returns: (transfer none) (nullable): the pack's folder, or %NULL for a pack read from bytes
 */
GFile *
mscos_content_pack_get_folder (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  return self->folder;
}

/**
 * mscos_content_pack_get_outcomes:
 *
 * Returns: (transfer none): a #GListModel of #MscosOutcome, in the sidebar's order
 */
GListModel *
mscos_content_pack_get_outcomes (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  return G_LIST_MODEL (self->outcomes);
}

/**
 * mscos_content_pack_get_n_items:
 *
 * Returns: the number of items with an id, single recommendations included
 */
guint
mscos_content_pack_get_n_items (MscosContentPack *self)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), 0);

  return self->n_items;
}

/**
 * mscos_content_pack_lookup_outcome:
 *
 * Returns: (transfer none) (nullable): the outcome with @id
 */
MscosOutcome *
mscos_content_pack_lookup_outcome (MscosContentPack *self,
                                   const char       *id)
{
  guint n;

  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  if (id == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->outcomes));
  for (guint i = 0; i < n; i++)
    {
      MscosOutcome *outcome = g_list_model_get_item (G_LIST_MODEL (self->outcomes), i);

      /* The store keeps its own reference. */
      g_object_unref (outcome);
      if (g_strcmp0 (mscos_outcome_get_id (outcome), id) == 0)
        return outcome;
    }

  return NULL;
}

/**
 * mscos_content_pack_lookup_item:
 *
 * Returns: (transfer none) (nullable): the item with @id, at any depth
 */
MscosItem *
mscos_content_pack_lookup_item (MscosContentPack *self,
                                const char       *id)
{
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->items, id);
}

static void
foreach_in_model (GListModel *model,
                  GFunc       func,
                  gpointer    user_data)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) item = g_list_model_get_item (model, i);

      if (mscos_item_get_id (item) != NULL)
        func (item, user_data);
      foreach_in_model (mscos_item_get_children (item), func, user_data);
    }
}

/**
 * mscos_content_pack_foreach_item:
 * @func: called with each #MscosItem that has an id, in page order, parents first
 *
 * Visits every item of the pack.
 */
void
mscos_content_pack_foreach_item (MscosContentPack *self,
                                 GFunc             func,
                                 gpointer          user_data)
{
  guint n_outcomes;

  g_return_if_fail (MSCOS_IS_CONTENT_PACK (self));
  g_return_if_fail (func != NULL);

  n_outcomes = g_list_model_get_n_items (G_LIST_MODEL (self->outcomes));
  for (guint i = 0; i < n_outcomes; i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (G_LIST_MODEL (self->outcomes), i);
      GListModel *sections = mscos_outcome_get_sections (outcome);
      guint n_sections = g_list_model_get_n_items (sections);

      for (guint j = 0; j < n_sections; j++)
        {
          g_autoptr (MscosSection) section = g_list_model_get_item (sections, j);

          foreach_in_model (mscos_section_get_items (section), func, user_data);
        }
    }
}
