/* mscos-library.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The user's library: bookmarks and notes, kept in one file, by default
 * g_get_user_data_dir()/uk.co.mscos.Outcomes/library.json, in the format that
 * mscos-library-json.c reads and writes (docs/library-format.md).
 *
 * The file's safety — a save off the main thread after a short pause, atomic replacement with
 * fsync and mode 0600, the whole-file backup, a file that cannot be read moved aside and
 * reported, a newer version's file kept and not written to, the read-only mode of the
 * command line — is MscosDurableStore's, which this class extends with the entries.
 *
 * Every change replaces one immutable record (see mscos-library-entry.h) and is one change
 * of the store. A save's snapshot is a copy of the array of pointers to the records (the only
 * work a save does on the main thread: about 10 µs for 10,000 entries), which a worker thread
 * writes while the user goes on typing. The records are not referenced, which would touch
 * every one of them (1 ms for 10,000): they are immutable, their entries hold them, and those
 * replaced while a save is under way are kept in self->retired until it is done. The entries model holds the entries in the order of
 * that array, so a changed entry is signalled as items-changed (position, 1, 1) and list
 * models look again at that row only. */

#define G_LOG_DOMAIN "mscos-library"

#include "config.h"

#include "mscos-library-private.h"

#include <string.h>

#include <glib/gi18n.h>

/* How many characters of an item's words an entry keeps, for exports and for items that have
 * left the pack. */
#define EXCERPT_LENGTH   1200

/* What describe_item() found about the last item it was given. */
typedef struct
{
  GWeakRef  item;
  char     *title;
  char     *excerpt;
  char     *digest;
} Description;

struct _MscosLibrary
{
  MscosDurableStore  parent_instance;

  GListStore        *entries;
  /* "pack-id/item-id" → MscosLibraryEntry, the same entries as the store. */
  GHashTable        *by_key;
  /* The record of each entry, at the entry's slot, which is its position in the entries
   * model; the entries hold the references. */
  GPtrArray         *records;
  /* The entry at each slot; the table holds the references. */
  GPtrArray         *slots;
  /* Records replaced while a save is under way, kept for it. */
  GPtrArray         *retired;

  Description        description;
};

G_DEFINE_FINAL_TYPE (MscosLibrary, mscos_library, MSCOS_TYPE_DURABLE_STORE)

G_DEFINE_QUARK (mscos-library-error-quark, mscos_library_error)

/* Records ------------------------------------------------------------------------------ */

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static void
replace_time (GDateTime **field,
              GDateTime  *value)
{
  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (field, g_date_time_unref);
  *field = value;
}

/* The earlier, or the @later, of two times either of which may be missing. */
static GDateTime *
pick_time (GDateTime *a,
           GDateTime *b,
           gboolean   later)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  return (g_date_time_compare (a, b) < 0) != later ? a : b;
}

#define JOIN_START "\n\n——— "
#define JOIN_END   " ———\n\n"

static char *
join_notes (const char *first,
            const char *second,
            const char *label)
{
  /* A line of its own that says where the words after it came from. */
  return g_strdup_printf ("%s" JOIN_START "%s" JOIN_END "%s", first, label, second);
}

/* Finds in @text the first line that join_notes() added: returns where it starts (the end of
 * @text when there is none) and sets @next to the words after it, or %NULL. */
static const char *
find_join (const char  *text,
           const char **next)
{
  for (const char *join = strstr (text, JOIN_START); join != NULL;
       join = strstr (join + 1, JOIN_START))
    {
      const char *label = join + strlen (JOIN_START);
      const char *label_end = strstr (label, JOIN_END);
      const char *line_end = strchr (label, '\n');

      if (label_end != NULL && label_end < line_end)
        {
          *next = label_end + strlen (JOIN_END);
          return join;
        }
    }

  *next = NULL;

  return text + strlen (text);
}

/* Whether @note already holds @words as a whole: the whole note, or one of the notes that
 * join_notes() put together in it. Part of a note is not enough: "Call" is not in "Call Wendy
 * first". */
static gboolean
note_holds (const char *note,
            const char *words)
{
  gsize length = strlen (words);
  const char *part = note;

  while (part != NULL)
    {
      const char *next;
      const char *end = find_join (part, &next);

      if ((gsize) (end - part) == length && memcmp (part, words, length) == 0)
        return TRUE;
      part = next;
    }

  return FALSE;
}

/* Returns a record with everything of @first and @second: the earlier bookmark, and the words
 * of both notes, @second's after a separator line saying @label. Titles and the like come from
 * @second, or from @first where @second has none. */
MscosLibraryRecord *
mscos_library_record_merge (const MscosLibraryRecord *first,
                            const MscosLibraryRecord *second,
                            const char               *label)
{
  MscosLibraryRecord *merged = mscos_library_record_copy (second);

  if (merged->outcome_id == NULL)
    replace_string (&merged->outcome_id, first->outcome_id);
  if (merged->item_kind == NULL)
    replace_string (&merged->item_kind, first->item_kind);
  if (merged->item_title == NULL)
    replace_string (&merged->item_title, first->item_title);
  if (merged->excerpt == NULL)
    replace_string (&merged->excerpt, first->excerpt);
  if (merged->digest == NULL)
    replace_string (&merged->digest, first->digest);

  replace_time (&merged->bookmark_created,
                pick_time (first->bookmark_created, second->bookmark_created, FALSE));

  if (first->note == NULL)
    return merged;

  if (second->note == NULL || note_holds (first->note, second->note))
    replace_string (&merged->note, first->note);
  else if (!note_holds (second->note, first->note))
    {
      g_free (merged->note);
      merged->note = join_notes (first->note, second->note, label);
    }

  replace_time (&merged->note_created,
                pick_time (first->note_created, second->note_created, FALSE));
  replace_time (&merged->note_modified,
                pick_time (first->note_modified, second->note_modified, TRUE));

  return merged;
}

int
mscos_library_record_compare (gconstpointer a,
                              gconstpointer b)
{
  const MscosLibraryRecord *record_a = a;
  const MscosLibraryRecord *record_b = b;
  int result = strcmp (record_a->pack_id, record_b->pack_id);

  if (result != 0)
    return result;

  return strcmp (record_a->item_id, record_b->item_id);
}

char *
mscos_library_make_key (const char *pack_id,
                        const char *item_id)
{
  return g_strconcat (pack_id, "/", item_id, NULL);
}

/* Keeps at most @length characters of @text, and says so with an ellipsis. */
static char *
shorten (const char *text,
         glong       length)
{
  if (g_utf8_strlen (text, -1) <= length)
    return g_strdup (text);

  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (text, length) - text), text);
}

char *
mscos_library_dup_item_title (MscosItem *item)
{
  char *title = mscos_item_dup_display_title (item);

  /* Titles are one line. */
  for (char *p = title; *p; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';

  return title;
}

static const char *
find_block_text (GPtrArray *blocks)
{
  if (blocks == NULL)
    return NULL;

  for (guint i = 0; i < blocks->len; i++)
    {
      const char *text = mscos_block_get_text (g_ptr_array_index (blocks, i));

      if (text != NULL && *text != '\0')
        return text;
    }

  return NULL;
}

static char *
dup_excerpt (MscosItem *item)
{
  const char *text = mscos_item_get_text (item);

  if (text == NULL)
    text = mscos_item_get_summary (item);
  if (text == NULL)
    text = find_block_text (mscos_item_get_blocks (item));
  if (text == NULL)
    text = find_block_text (mscos_item_get_intro (item));
  if (text == NULL)
    return NULL;

  return shorten (text, EXCERPT_LENGTH);
}

static void
description_clear (Description *description)
{
  g_weak_ref_set (&description->item, NULL);
  g_clear_pointer (&description->title, g_free);
  g_clear_pointer (&description->excerpt, g_free);
  g_clear_pointer (&description->digest, g_free);
}

/* Records in @record what @item is now, so that the entry still makes sense when the item
 * leaves the pack or changes. Items never change, so the description of the last one is
 * kept: typing a note describes the same item on every keystroke, and its digest hashes all
 * of its text. */
static void
describe_item (Description        *description,
               MscosLibraryRecord *record,
               MscosItem          *item)
{
  g_autoptr (MscosItem) described = g_weak_ref_get (&description->item);

  if (described != item)
    {
      description_clear (description);
      g_weak_ref_set (&description->item, item);
      description->title = mscos_library_dup_item_title (item);
      description->excerpt = dup_excerpt (item);
      description->digest = g_strdup (mscos_item_get_digest (item));
    }

  replace_string (&record->outcome_id, mscos_item_get_outcome_id (item));
  replace_string (&record->item_kind, mscos_item_kind_to_string (mscos_item_get_kind (item)));
  replace_string (&record->item_title, description->title);
  replace_string (&record->excerpt, description->excerpt);
  replace_string (&record->digest, description->digest);
}

/* The entries ------------------------------------------------------------------------- */

/* Whether going from @before to @after deletes something the user kept: a bookmark, or words of
 * a note (typing at the end of a note deletes nothing). */
static gboolean
deletes_words (const MscosLibraryRecord *before,
               const MscosLibraryRecord *after)
{
  if (before->bookmark_created != NULL && after->bookmark_created == NULL)
    return TRUE;

  return before->note != NULL
         && (after->note == NULL || !g_str_has_prefix (after->note, before->note));
}

/* Adds an entry at the end of the table, the records and the model. */
static MscosLibraryEntry *
add_entry (MscosLibrary       *self,
           MscosLibraryRecord *record)
{
  MscosLibraryEntry *entry = mscos_library_entry_new (record);

  g_hash_table_insert (self->by_key, mscos_library_make_key (record->pack_id, record->item_id),
                       entry);
  mscos_library_entry_set_slot (entry, self->records->len);
  g_ptr_array_add (self->records, record);
  g_ptr_array_add (self->slots, entry);

  return entry;
}

/* Gives @entry the state @record, keeping the one before for the save under way, if any. */
static void
set_record (MscosLibrary       *self,
            MscosLibraryEntry  *entry,
            MscosLibraryRecord *record)
{
  if (mscos_durable_store_get_saving (MSCOS_DURABLE_STORE (self)))
    g_ptr_array_add (self->retired,
                     mscos_library_record_ref (mscos_library_entry_get_record (entry)));

  g_ptr_array_index (self->records, mscos_library_entry_get_slot (entry)) = record;
  mscos_library_entry_set_record (entry, record);
}

/* Gives @entry the state @record and tells the model that its row changed. */
static void
replace_record (MscosLibrary       *self,
                MscosLibraryEntry  *entry,
                MscosLibraryRecord *record)
{
  guint slot = mscos_library_entry_get_slot (entry);

  set_record (self, entry, record);
  g_list_store_splice (self->entries, slot, 1, (gpointer *) &entry, 1);
}

static void
remove_entry (MscosLibrary      *self,
              MscosLibraryEntry *entry)
{
  g_autoptr (MscosLibraryEntry) removed = g_object_ref (entry);
  MscosLibraryRecord *record = mscos_library_entry_get_record (entry);
  g_autofree char *key = mscos_library_make_key (record->pack_id, record->item_id);
  guint slot = mscos_library_entry_get_slot (entry);

  /* The entries after it move up one place, in the records as in the model. */
  g_ptr_array_remove_index (self->records, slot);
  g_ptr_array_remove_index (self->slots, slot);
  for (guint i = slot; i < self->slots->len; i++)
    mscos_library_entry_set_slot (g_ptr_array_index (self->slots, i), i);

  g_hash_table_remove (self->by_key, key);
  g_list_store_remove (self->entries, slot);
}

/* Gives @entry the state @record, or adds or removes it; takes ownership of @record. */
static void
commit_record (MscosLibrary       *self,
               MscosLibraryEntry  *entry,
               MscosLibraryRecord *record)
{
  g_autoptr (MscosLibraryRecord) owned = record;
  gboolean removal = entry != NULL
                     && deletes_words (mscos_library_entry_get_record (entry), record);

  if (entry == NULL)
    {
      if (mscos_library_record_is_empty (record))
        return;

      entry = add_entry (self, record);
      g_list_store_append (self->entries, entry);
    }
  else if (mscos_library_record_is_empty (record))
    {
      set_record (self, entry, record);
      remove_entry (self, entry);
    }
  else
    {
      replace_record (self, entry, record);
    }

  mscos_durable_store_note_change (MSCOS_DURABLE_STORE (self), removal);
}

/* The store --------------------------------------------------------------------------- */

/* The first problem, and how many more there are. */
static char *
describe_problems (MscosJsonCheck *check)
{
  g_autofree char *message = mscos_json_check_to_message (check);
  guint n = mscos_json_check_n_problems (check);
  char *newline = strchr (message, '\n');

  if (newline != NULL)
    *newline = '\0';

  if (n > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: the first problem found in a file,
                                          * then how many more there are */
                                         "%s; and %u more problem",
                                         "%s; and %u more problems", n - 1),
                            message, n - 1);

  return g_steal_pointer (&message);
}

static MscosDurableRead
mscos_library_parse (GBytes    *contents,
                     gpointer  *document,
                     char     **problem)
{
  g_autoptr (MscosJsonCheck) check = mscos_json_check_new ();
  g_autoptr (GPtrArray) records = NULL;
  gboolean readable;
  gboolean newer;
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_library_record_unref);
  readable = mscos_library_json_read (data, length, check, records, &newer);
  if (records->len > 0)
    *document = g_steal_pointer (&records);

  if (newer)
    return MSCOS_DURABLE_READ_NEWER;

  if (readable && !mscos_json_check_failed (check))
    return MSCOS_DURABLE_READ_OK;

  *problem = describe_problems (check);

  return readable ? MSCOS_DURABLE_READ_PARTIAL : MSCOS_DURABLE_READ_FAILED;
}

static gboolean
mscos_library_apply_document (MscosDurableStore *store,
                              gpointer           document)
{
  MscosLibrary *self = MSCOS_LIBRARY (store);
  GPtrArray *records = document;
  g_autoptr (GPtrArray) added = NULL;
  gboolean merged = FALSE;

  if (records == NULL)
    return FALSE;

  added = g_ptr_array_new ();
  for (guint i = 0; i < records->len; i++)
    {
      MscosLibraryRecord *record = g_ptr_array_index (records, i);
      MscosLibraryEntry *entry = mscos_library_find_entry (self, record->pack_id,
                                                           record->item_id);

      if (entry == NULL)
        {
          g_ptr_array_add (added, add_entry (self, record));
        }
      else
        {
          /* The user wrote before the file was read: keep both. */
          g_autoptr (MscosLibraryRecord) both =
            mscos_library_record_merge (record, mscos_library_entry_get_record (entry),
                                        _("Written while the library was loading"));

          replace_record (self, entry, both);
          merged = TRUE;
        }
    }
  g_list_store_splice (self->entries,
                       g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       added->pdata, added->len);

  return merged;
}

/* The records as they are now, not referenced (see the top of this file): good until control
 * returns to the main loop, or for a save, until it is finished. */
static gpointer
mscos_library_snapshot (MscosDurableStore *store)
{
  return g_ptr_array_copy (MSCOS_LIBRARY (store)->records, NULL, NULL);
}

static void
mscos_library_save_finished (MscosDurableStore *store)
{
  g_ptr_array_set_size (MSCOS_LIBRARY (store)->retired, 0);
}

static GBytes *
mscos_library_serialise (gpointer snapshot)
{
  return mscos_library_json_write (snapshot);
}

static char *
mscos_library_describe (MscosDurableStore   *store,
                        MscosDurableProblem  problem,
                        const char          *reason,
                        const char          *detail)
{
  switch (problem)
    {
    case MSCOS_DURABLE_PROBLEM_NEWER_VERSION:
      return g_strdup (_("Your library was saved by a newer version of MSCOS Outcomes. This "
                         "version shows what it can read of it, but cannot save changes to it."));
    case MSCOS_DURABLE_PROBLEM_UNREADABLE_LEFT:
      return g_strdup_printf (_("The library file could not be read (%s)."), reason);
    case MSCOS_DURABLE_PROBLEM_UNREADABLE_BLOCKED:
      /* Translators: the first %s says why the file could not be read, the second why it
       * could not be renamed */
      return g_strdup_printf (_("The library file could not be read (%s), and it could not be "
                                "set aside (%s). Nothing will be saved over it: move it "
                                "elsewhere, then start the app again."), reason, detail);
    case MSCOS_DURABLE_PROBLEM_PARTIAL:
      /* Translators: %s says why, then the name the file was kept under */
      return g_strdup_printf (_("Part of the library file could not be read (%s). It was kept "
                                "as %s; everything that could be read was loaded and will be "
                                "saved in a new file."), reason, detail);
    case MSCOS_DURABLE_PROBLEM_RESTORED:
      /* Translators: %s says why, then the name the file was kept under */
      return g_strdup_printf (_("The library file could not be read (%s). It was kept as %s, "
                                "and your bookmarks and notes were restored from the backup "
                                "made by the save before."), reason, detail);
    case MSCOS_DURABLE_PROBLEM_UNREADABLE:
      /* Translators: %s says why, then the name the file was kept under */
      return g_strdup_printf (_("The library file could not be read (%s). It was kept as %s."),
                              reason, detail);
    case MSCOS_DURABLE_PROBLEM_SAVE_FAILED:
      return g_strdup_printf (_("Your notes could not be saved: %s. They are kept while the app "
                                "is open and saving will be tried again."), reason);
    case MSCOS_DURABLE_PROBLEM_SAVE_BLOCKED:
      return g_strdup (_("Your notes cannot be saved, because the library file could not be "
                         "read nor set aside. They are kept while the app is open."));
    default:
      return MSCOS_DURABLE_STORE_CLASS (mscos_library_parent_class)->describe (store, problem,
                                                                              reason, detail);
    }
}

/* Overrides ------------------------------------------------------------------------------ */

static void
mscos_library_finalize (GObject *object)
{
  MscosLibrary *self = MSCOS_LIBRARY (object);

  /* Kept until here: MscosDurableStore's dispose writes what is not saved yet. */
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_weak_ref_set (&self->description.item, NULL);
  g_clear_pointer (&self->description.title, g_free);
  g_clear_pointer (&self->description.excerpt, g_free);
  g_clear_pointer (&self->description.digest, g_free);
  g_weak_ref_clear (&self->description.item);

  G_OBJECT_CLASS (mscos_library_parent_class)->finalize (object);
}

static void
mscos_library_class_init (MscosLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MscosDurableStoreClass *store_class = MSCOS_DURABLE_STORE_CLASS (klass);

  object_class->finalize = mscos_library_finalize;

  store_class->parse = mscos_library_parse;
  store_class->free_document = (GDestroyNotify) g_ptr_array_unref;
  store_class->apply_document = mscos_library_apply_document;
  store_class->snapshot = mscos_library_snapshot;
  store_class->free_snapshot = (GDestroyNotify) g_ptr_array_unref;
  store_class->serialise = mscos_library_serialise;
  store_class->save_finished = mscos_library_save_finished;
  store_class->describe = mscos_library_describe;
}

static void
mscos_library_init (MscosLibrary *self)
{
  self->entries = g_list_store_new (MSCOS_TYPE_LIBRARY_ENTRY);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->records = g_ptr_array_new ();
  self->slots = g_ptr_array_new ();
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_library_record_unref);
  g_weak_ref_init (&self->description.item, NULL);
}

/* Private API ---------------------------------------------------------------------------- */

MscosLibraryEntry *
mscos_library_find_entry (MscosLibrary *self,
                          const char   *pack_id,
                          const char   *item_id)
{
  char key[2 * MSCOS_LIBRARY_MAX_ID_LENGTH + 2];
  gsize pack_length = strlen (pack_id);
  gsize item_length = strlen (item_id);

  if (pack_length > MSCOS_LIBRARY_MAX_ID_LENGTH || item_length > MSCOS_LIBRARY_MAX_ID_LENGTH)
    return NULL;

  /* Called on every keystroke in the note editor: no allocation. */
  memcpy (key, pack_id, pack_length);
  key[pack_length] = '/';
  memcpy (key + pack_length + 1, item_id, item_length + 1);

  return g_hash_table_lookup (self->by_key, key);
}

/* Returns the record of every entry as it is now, each referenced: records are immutable, so
 * the copy can be read from any thread. */
GPtrArray *
mscos_library_dup_records (MscosLibrary *self)
{
  GPtrArray *records = g_ptr_array_copy (self->records, (GCopyFunc) mscos_library_record_ref,
                                         NULL);

  g_ptr_array_set_free_func (records, (GDestroyNotify) mscos_library_record_unref);

  return records;
}

/* Public API ----------------------------------------------------------------------------- */

/**
 * mscos_library_new:
 * @file: the library file: g_get_user_data_dir()/APP_ID/library.json for the app. Its folder
 *   need not exist yet.
 *
 * Creates a library. Nothing is read until mscos_library_load_async() is called or the first
 * change is made, and nothing is written before the file has been read.
 *
 * Returns: (transfer full): a new #MscosLibrary
 */
MscosLibrary *
mscos_library_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (g_file_is_native (file), NULL);

  return g_object_new (MSCOS_TYPE_LIBRARY, "file", file, NULL);
}

/**
 * mscos_library_new_read_only:
 * @file: the library file
 *
 * Creates a library that only reads @file, for the command-line modes: it never writes,
 * renames or deletes a file (not even what a killed save left behind), whatever it finds;
 * changes stay in memory.
 *
 * Returns: (transfer full): a new #MscosLibrary
 */
MscosLibrary *
mscos_library_new_read_only (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (g_file_is_native (file), NULL);

  return g_object_new (MSCOS_TYPE_LIBRARY, "file", file, "read-only", TRUE, NULL);
}

/**
 * mscos_library_get_entries:
 * @self: a #MscosLibrary
 *
 * Returns: (transfer none): a #GListModel of #MscosLibraryEntry: every entry with a bookmark,
 *   a note or both, in no particular order. A changed entry is signalled as its row changed.
 */
GListModel *
mscos_library_get_entries (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->entries);
}

/**
 * mscos_library_lookup:
 * @self: a #MscosLibrary
 * @pack_id: a content pack's id
 * @item_id: an item's id
 *
 * Returns: (transfer none) (nullable): the entry of the item, if it has a bookmark or a note
 */
MscosLibraryEntry *
mscos_library_lookup (MscosLibrary *self,
                      const char   *pack_id,
                      const char   *item_id)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return mscos_library_find_entry (self, pack_id, item_id);
}

/**
 * mscos_library_set_bookmarked:
 * @self: a #MscosLibrary
 * @pack_id: the id of the pack @item belongs to
 * @item: a bookmarkable item
 * @bookmarked: whether the item is to be bookmarked
 *
 * Bookmarks an item, or removes its bookmark. The item's title, words and digest are
 * recorded as they are now.
 */
void
mscos_library_set_bookmarked (MscosLibrary *self,
                              const char   *pack_id,
                              MscosItem    *item,
                              gboolean      bookmarked)
{
  MscosLibraryEntry *entry;
  MscosLibraryRecord *current;
  MscosLibraryRecord *record;

  g_return_if_fail (MSCOS_IS_LIBRARY (self));
  g_return_if_fail (pack_id != NULL && mscos_json_is_id (pack_id));
  g_return_if_fail (MSCOS_IS_ITEM (item));
  g_return_if_fail (mscos_item_get_id (item) != NULL);

  entry = mscos_library_find_entry (self, pack_id, mscos_item_get_id (item));
  current = entry != NULL ? mscos_library_entry_get_record (entry) : NULL;
  if ((current != NULL && current->bookmark_created != NULL) == !!bookmarked)
    return;

  if (current != NULL)
    record = mscos_library_record_copy (current);
  else
    record = mscos_library_record_new (pack_id, mscos_item_get_id (item));

  g_clear_pointer (&record->bookmark_created, g_date_time_unref);
  if (bookmarked)
    record->bookmark_created = g_date_time_new_now_utc ();
  describe_item (&self->description, record, item);

  commit_record (self, entry, record);
}

/**
 * mscos_library_set_note:
 * @self: a #MscosLibrary
 * @pack_id: the id of the pack @item belongs to
 * @item: a bookmarkable item
 * @text: (nullable): the note; %NULL or "" removes it
 *
 * Sets the note on an item. Cheap enough to call on every keystroke: the file is written
 * later, in another thread. The item's title, words and digest are recorded as they are now.
 */
void
mscos_library_set_note (MscosLibrary *self,
                        const char   *pack_id,
                        MscosItem    *item,
                        const char   *text)
{
  g_autoptr (GDateTime) now = NULL;
  MscosLibraryEntry *entry;
  MscosLibraryRecord *current;
  MscosLibraryRecord *record;

  g_return_if_fail (MSCOS_IS_LIBRARY (self));
  g_return_if_fail (pack_id != NULL && mscos_json_is_id (pack_id));
  g_return_if_fail (MSCOS_IS_ITEM (item));
  g_return_if_fail (mscos_item_get_id (item) != NULL);
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  if (text != NULL && *text == '\0')
    text = NULL;

  entry = mscos_library_find_entry (self, pack_id, mscos_item_get_id (item));
  current = entry != NULL ? mscos_library_entry_get_record (entry) : NULL;
  if (g_strcmp0 (current != NULL ? current->note : NULL, text) == 0)
    return;

  if (current != NULL)
    record = mscos_library_record_copy (current);
  else
    record = mscos_library_record_new (pack_id, mscos_item_get_id (item));

  replace_string (&record->note, text);
  if (text == NULL)
    {
      g_clear_pointer (&record->note_created, g_date_time_unref);
      g_clear_pointer (&record->note_modified, g_date_time_unref);
    }
  else
    {
      now = g_date_time_new_now_utc ();
      if (record->note_created == NULL)
        record->note_created = g_date_time_ref (now);
      replace_time (&record->note_modified, now);
    }
  describe_item (&self->description, record, item);

  commit_record (self, entry, record);
}

/**
 * mscos_library_restore:
 * @self: a #MscosLibrary
 * @snapshot: an entry from mscos_library_entry_copy()
 *
 * Puts back an entry exactly as it was when @snapshot was made, times included: the undo of
 * a deletion.
 */
void
mscos_library_restore (MscosLibrary      *self,
                       MscosLibraryEntry *snapshot)
{
  MscosLibraryRecord *record;
  MscosLibraryEntry *entry;

  g_return_if_fail (MSCOS_IS_LIBRARY (self));
  g_return_if_fail (MSCOS_IS_LIBRARY_ENTRY (snapshot));

  record = mscos_library_entry_get_record (snapshot);
  entry = mscos_library_find_entry (self, record->pack_id, record->item_id);
  if (entry == NULL && mscos_library_record_is_empty (record))
    return;
  if (entry != NULL && mscos_library_entry_get_record (entry) == record)
    return;

  commit_record (self, entry, mscos_library_record_ref (record));
}

/**
 * mscos_library_flush:
 * @self: a #MscosLibrary
 * @error: the error
 *
 * Writes every change not saved yet, now: on quit (see mscos_durable_store_flush()).
 *
 * Returns: %TRUE when everything is on disk
 */
gboolean
mscos_library_flush (MscosLibrary  *self,
                     GError       **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (mscos_durable_store_flush (MSCOS_DURABLE_STORE (self), &local_error))
    return TRUE;

  /* Said in the library's words, which its callers know. */
  if (local_error->domain == MSCOS_DURABLE_STORE_ERROR)
    {
      local_error->domain = MSCOS_LIBRARY_ERROR;
      local_error->code = local_error->code == MSCOS_DURABLE_STORE_ERROR_BLOCKED
                            ? MSCOS_LIBRARY_ERROR_BLOCKED : MSCOS_LIBRARY_ERROR_READ_ONLY;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/**
 * mscos_library_import_json:
 * @self: a #MscosLibrary
 * @bytes: a library file, from mscos_library_export_json() or another computer
 * @report: (out caller-allocates) (optional): what was added
 * @error: the error, %MSCOS_LIBRARY_ERROR_INVALID with each problem's JSON path
 *
 * Like mscos_library_import_json_full() without a name for the import.
 *
 * Returns: %TRUE if @bytes was imported
 */
gboolean
mscos_library_import_json (MscosLibrary              *self,
                           GBytes                    *bytes,
                           MscosLibraryImportReport  *report,
                           GError                   **error)
{
  return mscos_library_import_json_full (self, bytes, NULL, report, error);
}

/**
 * mscos_library_import_json_full:
 * @self: a #MscosLibrary
 * @bytes: a library file, from mscos_library_export_json() or another computer
 * @source_name: (nullable): what to call the import in notes, such as the file's name
 * @report: (out caller-allocates) (optional): what was added
 * @error: the error, %MSCOS_LIBRARY_ERROR_INVALID with each problem's JSON path
 *
 * Merges a library into this one without duplicates. Bookmarks are a union. A note is added
 * to an item that has none; a note the item already holds word for word is a duplicate;
 * a different note is appended to the item's note after a line naming the import, so no
 * words are lost. Invalid input changes nothing.
 *
 * Returns: %TRUE if @bytes was imported
 */
gboolean
mscos_library_import_json_full (MscosLibrary              *self,
                                GBytes                    *bytes,
                                const char                *source_name,
                                MscosLibraryImportReport  *report,
                                GError                   **error)
{
  g_autoptr (MscosJsonCheck) check = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;
  MscosLibraryImportReport counts = { 0, };
  gboolean newer;
  const char *data;
  gsize length;

  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  check = mscos_json_check_new ();
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_library_record_unref);
  data = g_bytes_get_data (bytes, &length);
  if (!mscos_library_json_read (data, length, check, records, &newer) || newer
      || mscos_json_check_failed (check))
    {
      g_autofree char *message = NULL;

      if (newer)
        {
          g_set_error_literal (error, MSCOS_LIBRARY_ERROR, MSCOS_LIBRARY_ERROR_NEWER_VERSION,
                               _("The file was written by a newer version of MSCOS Outcomes."));
          return FALSE;
        }

      message = mscos_json_check_to_message (check);
      g_set_error_literal (error, MSCOS_LIBRARY_ERROR, MSCOS_LIBRARY_ERROR_INVALID, message);
      return FALSE;
    }

  now = g_date_time_new_now_local ();
  /* Translators: the day notes were imported, in their label; see
   * https://docs.gtk.org/glib/method.DateTime.format.html for the codes */
  date = g_date_time_format (now, C_("date format", "%Y-%m-%d"));
  if (source_name != NULL)
    /* Translators: the label of imported notes: the file's name, then the day */
    label = g_strdup_printf (_("Imported from %s on %s"), source_name, date);
  else
    label = g_strdup_printf (_("Imported on %s"), date);

  for (guint i = 0; i < records->len; i++)
    {
      MscosLibraryRecord *imported = g_ptr_array_index (records, i);
      MscosLibraryEntry *entry = mscos_library_find_entry (self, imported->pack_id,
                                                           imported->item_id);
      MscosLibraryRecord *current = entry ? mscos_library_entry_get_record (entry) : NULL;
      g_autoptr (MscosLibraryRecord) record = NULL;
      gboolean changed = FALSE;

      if (current == NULL)
        {
          counts.bookmarks_added += imported->bookmark_created != NULL;
          counts.notes_added += imported->note != NULL;
          commit_record (self, NULL, mscos_library_record_ref (imported));
          continue;
        }

      record = mscos_library_record_copy (current);

      if (imported->bookmark_created != NULL && current->bookmark_created != NULL)
        {
          counts.duplicates++;
        }
      else if (imported->bookmark_created != NULL)
        {
          replace_time (&record->bookmark_created, imported->bookmark_created);
          counts.bookmarks_added++;
          changed = TRUE;
        }

      if (imported->note != NULL && current->note == NULL)
        {
          replace_string (&record->note, imported->note);
          replace_time (&record->note_created, imported->note_created);
          replace_time (&record->note_modified, imported->note_modified);
          counts.notes_added++;
          changed = TRUE;
        }
      else if (imported->note != NULL && note_holds (current->note, imported->note))
        {
          counts.duplicates++;
        }
      else if (imported->note != NULL)
        {
          g_autoptr (GDateTime) modified = g_date_time_new_now_utc ();

          /* The library's note first, then the imported one. */
          g_free (record->note);
          record->note = join_notes (current->note, imported->note, label);
          replace_time (&record->note_modified, modified);
          counts.notes_merged++;
          changed = TRUE;
        }

      if (changed)
        commit_record (self, entry, g_steal_pointer (&record));
    }

  if (report != NULL)
    *report = counts;

  return TRUE;
}
