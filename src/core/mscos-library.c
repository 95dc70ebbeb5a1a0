/* mscos-library.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The user's library: bookmarks and notes, kept in one JSON file, by default
 * g_get_user_data_dir()/uk.co.mscos.Outcomes/library.json.
 *
 * # The file
 *
 * One UTF-8 JSON object:
 *
 *   {
 *     "format": "mscos-library",
 *     "version": 1,
 *     "entries": [
 *       {
 *         "pack": "uk.co.mscos.content",          the content pack's id (an id)
 *         "item": "safety.quote-keith",           the item's id in that pack (an id)
 *         "outcome": "safety",                    the outcome the item was under (optional)
 *         "kind": "quote",                        the item's kind (optional)
 *         "title": "“You have to…” — Keith",      the item's title when last saved (optional)
 *         "excerpt": "You have to feel…",         its words or summary when last saved (optional)
 *         "digest": "9f86d0…",                    SHA-256 of its text when last saved (optional)
 *         "bookmark": { "created": TIME },        present when the item is bookmarked
 *         "note": {                               present when the item has a note
 *           "text": "…",                          any text but "", line breaks included
 *           "created": TIME,
 *           "modified": TIME
 *         }
 *       }
 *     ]
 *   }
 *
 * TIME is ISO 8601 in UTC with microseconds, "2026-11-28T10:15:00.123456Z"; any ISO 8601 time
 * with a zone is read. Ids are as in content packs: lower-case words joined by '-' or '.', at
 * most 128 bytes. There is at most one entry per (pack, item) and each has a bookmark, a note
 * or both; entries are written sorted by pack and item. Members not listed here are errors.
 *
 * A file that cannot be read is renamed to "library.json.YYYYMMDD-HHMMSS.unreadable" (local
 * time; "-2", "-3"… are added rather than replace anything) and reported through
 * #MscosLibrary:load-problem. When only some entries are bad, the good ones are kept and written
 * to a new file; when nothing at all could be read, the backup below is tried. Nothing is ever
 * written over a file that was not read.
 *
 * A file with a newer "version" is left exactly where and as it is, so that the newer version
 * finds it again: the entries this version understands are read, and nothing is written until
 * mscos_library_start_new() sets the file aside under a name the user was told. A library made
 * with mscos_library_new_read_only() (the command-line modes) never writes, renames or deletes
 * anything.
 *
 * # Saving
 *
 * Every change replaces one immutable record (see mscos-library-entry.h) and counts one more
 * change. A save is due 500 ms after the last change, and at most 3 s after the first change
 * that is not saved yet. It copies the array of pointers to the records (the only work on the
 * main thread: about 10 µs for 10,000 entries; records replaced while it runs are kept alive
 * until it ends), then a worker thread writes the JSON and replaces the file atomically with
 * g_file_set_contents_full() (temporary file in the same folder, fsync, rename, fsync of the
 * folder, mode 0600). Just before, the file being replaced is hard-linked as
 * "library.json.backup" (copied where the file system has no hard links), so the backup is
 * always a whole file: the previous save. A save that follows the deletion of a bookmark or of
 * a note's words (a note removed, or changed other than by adding to its end) links the new
 * file as the backup instead, after writing it, so that deleted words do not outlive the save
 * that deleted them. One save runs at a time; changes made meanwhile are
 * saved after it. A failed save leaves the file as it was, keeps everything in memory, sets
 * #MscosLibrary:save-error, and is tried again 5 s later and after the next change.
 * mscos_library_flush() writes synchronously, waiting for a load or a save under way.
 */

#define G_LOG_DOMAIN "mscos-library"
#define MSCOS_LIBRARY_COMPILATION

#include "config.h"

#include "mscos-library.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mscos-json-check.h"

#define DEFAULT_QUIET_MS 500
#define DEFAULT_MAX_MS   3000
#define RETRY_MS         5000
/* How many characters of an item's words an entry keeps, for exports and for items that have
 * left the pack. */
#define EXCERPT_LENGTH   1200
#define MAX_ID_LENGTH    128

typedef enum
{
  LOAD_NOT_STARTED,
  LOAD_RUNNING,
  LOAD_DONE,
} LoadState;

/* Writes the file; shared with the thread that saves. */
typedef struct
{
  GMutex   mutex;
  char    *path;
  char    *folder;
  char    *backup_path;
  char    *backup_link_path;
  /* The change count of the newest snapshot on disk; guarded by the mutex. */
  guint64  written;
  /* The change count of the latest deletion that the backup no longer holds; guarded by the
   * mutex. */
  guint64  scrubbed;
} Writer;

typedef struct
{
  /* (element-type MscosLibraryRecord): every entry that could be read, in file order. */
  GPtrArray *records;
  GFile     *moved_aside;
  char      *problem;
  /* The file on disk was moved aside but some of it was read: write a new one. */
  gboolean   rewrite;
  /* The file could not be read nor moved aside: nothing may be written over it. */
  gboolean   blocked;
  /* A newer version of the app wrote the file: it is kept as it is and not written to. */
  gboolean   newer;
} LoadResult;

/* Reads the file once, in a thread or, when mscos_library_flush() comes first, on the main
 * thread; whichever comes second waits for the first and reuses its result. */
typedef struct
{
  GMutex      mutex;
  char       *path;
  char       *backup_path;
  /* Only read: no temporary file is removed and no file set aside. */
  gboolean    read_only;
  LoadResult *result;
} Loader;

typedef struct
{
  Writer    *writer;
  GPtrArray *records;
  guint64    change_count;
  guint64    last_removal;
} SaveJob;

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
  GObject      parent_instance;

  GFile       *file;
  Writer      *writer;
  Loader      *loader;

  GListStore  *entries;
  /* "pack-id/item-id" → MscosLibraryEntry, the same entries as the store. */
  GHashTable  *by_key;
  /* The record of each entry, at the entry's slot; the entries hold the references. */
  GPtrArray   *records;
  /* Records replaced while a save is under way, kept for it. */
  GPtrArray   *retired;

  LoadState    load_state;
  GPtrArray   *load_waiters;

  guint64      change_count;
  guint64      saved_change_count;
  /* The change count of the latest change that deleted a bookmark or words of a note. */
  guint64      last_removal;
  gint64       last_change_time;
  /* The first change that no save under way or done holds, or 0. */
  gint64       first_unsaved_time;
  guint        quiet_ms;
  guint        max_ms;
  guint        save_source;
  guint        retry_source;
  gboolean     saving;
  gboolean     save_blocked;
  /* Made by mscos_library_new_read_only(): never writes. */
  gboolean     read_only;
  /* The file was written by a newer version: nothing is written until mscos_library_start_new(). */
  gboolean     newer_version;

  char        *save_error;
  char        *load_problem;
  GFile       *moved_aside_file;

  Description  description;
};

static void     schedule_save     (MscosLibrary *self);
static void     apply_load_result (MscosLibrary *self,
                                   LoadResult   *result);
static gboolean retry_save_cb     (gpointer      user_data);

G_DEFINE_FINAL_TYPE (MscosLibrary, mscos_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (mscos-library-error-quark, mscos_library_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_LOADED,
  PROP_SAVE_ERROR,
  PROP_HAS_UNSAVED_CHANGES,
  PROP_MOVED_ASIDE_FILE,
  PROP_LOAD_PROBLEM,
  PROP_READ_ONLY,
  PROP_NEWER_VERSION,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

static GDateTime *
earlier_time (GDateTime *a,
              GDateTime *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  return g_date_time_compare (a, b) <= 0 ? a : b;
}

static GDateTime *
later_time (GDateTime *a,
            GDateTime *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  return g_date_time_compare (a, b) >= 0 ? a : b;
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
  for (const char *join = strstr (text, JOIN_START); join != NULL; join = strstr (join + 1, JOIN_START))
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
static MscosLibraryRecord *
merge_records (const MscosLibraryRecord *first,
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
                earlier_time (first->bookmark_created, second->bookmark_created));

  if (first->note == NULL)
    return merged;

  if (second->note == NULL || note_holds (first->note, second->note))
    replace_string (&merged->note, first->note);
  else if (!note_holds (second->note, first->note))
    {
      g_free (merged->note);
      merged->note = join_notes (first->note, second->note, label);
    }

  replace_time (&merged->note_created, earlier_time (first->note_created, second->note_created));
  replace_time (&merged->note_modified,
                later_time (first->note_modified, second->note_modified));

  return merged;
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const MscosLibraryRecord *record_a = a;
  const MscosLibraryRecord *record_b = b;
  int result = strcmp (record_a->pack_id, record_b->pack_id);

  if (result != 0)
    return result;

  return strcmp (record_a->item_id, record_b->item_id);
}

static char *
make_key (const char *pack_id,
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

static char *
dup_title (MscosItem *item)
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
      description->title = dup_title (item);
      description->excerpt = dup_excerpt (item);
      description->digest = mscos_item_dup_digest (item);
    }

  replace_string (&record->outcome_id, mscos_item_get_outcome_id (item));
  replace_string (&record->item_kind, mscos_item_kind_to_string (mscos_item_get_kind (item)));
  replace_string (&record->item_title, description->title);
  replace_string (&record->excerpt, description->excerpt);
  replace_string (&record->digest, description->digest);
}

/* Reading ------------------------------------------------------------------------------ */

/* Notes are the user's own words: any string is kept, tabs, control characters and length
 * included, so only the type is checked. */
static char *
read_text_member (MscosJsonCheck *check,
                  JsonObject     *object,
                  const char     *name,
                  MscosJsonFlags  flags)
{
  JsonNode *node = json_object_get_member (object, name);
  gsize length;

  if (node == NULL)
    {
      if (flags & MSCOS_JSON_REQUIRED)
        mscos_json_check_problem (check, "the required member \"%s\" is missing", name);
      return NULL;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  length = mscos_json_check_push_member (check, name);
  mscos_json_check_problem (check, "expected a string");
  mscos_json_check_pop (check, length);

  return NULL;
}

static GDateTime *
read_time_member (MscosJsonCheck *check,
                  JsonObject     *object,
                  const char     *name)
{
  g_autoptr (GTimeZone) utc = NULL;
  g_autoptr (GDateTime) parsed = NULL;
  const char *text;
  gsize length;

  text = mscos_json_check_string_member (check, object, name,
                                         MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  if (text == NULL)
    return NULL;

  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (text, utc);
  if (parsed == NULL)
    {
      length = mscos_json_check_push_member (check, name);
      mscos_json_check_problem (check,
                                "expected a date and time such as \"2026-11-28T10:15:00Z\"");
      mscos_json_check_pop (check, length);
      return NULL;
    }

  return g_date_time_to_utc (parsed);
}

static void
read_bookmark (MscosJsonCheck     *check,
               JsonObject         *object,
               MscosLibraryRecord *record)
{
  static const char * const members[] = { "created", NULL };
  JsonObject *bookmark = mscos_json_check_object_member (check, object, "bookmark", 0);
  gsize length;

  if (bookmark == NULL)
    return;

  length = mscos_json_check_push_member (check, "bookmark");
  mscos_json_check_members (check, bookmark, members);
  record->bookmark_created = read_time_member (check, bookmark, "created");
  /* A bookmark whose time cannot be read is still a bookmark. */
  if (record->bookmark_created == NULL)
    record->bookmark_created = g_date_time_new_now_utc ();
  mscos_json_check_pop (check, length);
}

static void
read_note (MscosJsonCheck     *check,
           JsonObject         *object,
           MscosLibraryRecord *record)
{
  static const char * const members[] = { "text", "created", "modified", NULL };
  JsonObject *note = mscos_json_check_object_member (check, object, "note", 0);
  g_autofree char *text = NULL;
  gsize length;

  if (note == NULL)
    return;

  length = mscos_json_check_push_member (check, "note");
  mscos_json_check_members (check, note, members);
  text = read_text_member (check, note, "text", MSCOS_JSON_REQUIRED);
  if (text != NULL && *text != '\0')
    {
      record->note = g_steal_pointer (&text);
      record->note_created = read_time_member (check, note, "created");
      record->note_modified = read_time_member (check, note, "modified");

      /* The words matter more than when they were written. */
      if (record->note_created == NULL && record->note_modified != NULL)
        record->note_created = g_date_time_ref (record->note_modified);
      if (record->note_created == NULL)
        record->note_created = g_date_time_new_now_utc ();
      if (record->note_modified == NULL)
        record->note_modified = g_date_time_ref (record->note_created);
    }
  mscos_json_check_pop (check, length);
}

/* Returns the entry, or %NULL when it holds nothing that can be kept. Whatever is readable is
 * kept even where a problem is recorded beside it. */
static MscosLibraryRecord *
read_entry (MscosJsonCheck *check,
            JsonNode       *node)
{
  static const char * const members[] = {
    "pack", "item", "outcome", "kind", "title", "excerpt", "digest", "bookmark", "note", NULL
  };
  g_autoptr (MscosLibraryRecord) record = NULL;
  JsonObject *object;
  const char *pack_id;
  const char *item_id;

  object = mscos_json_check_object (check, node);
  if (object == NULL)
    return NULL;

  mscos_json_check_members (check, object, members);
  pack_id = mscos_json_check_string_member (check, object, "pack",
                                            MSCOS_JSON_REQUIRED | MSCOS_JSON_ID);
  item_id = mscos_json_check_string_member (check, object, "item",
                                            MSCOS_JSON_REQUIRED | MSCOS_JSON_ID);
  if (pack_id == NULL || item_id == NULL)
    return NULL;

  record = mscos_library_record_new (pack_id, item_id);
  replace_string (&record->outcome_id,
                  mscos_json_check_string_member (check, object, "outcome", MSCOS_JSON_ID));
  replace_string (&record->item_kind,
                  mscos_json_check_string_member (check, object, "kind", MSCOS_JSON_LINE));
  record->item_title = read_text_member (check, object, "title", 0);
  record->excerpt = read_text_member (check, object, "excerpt", 0);
  replace_string (&record->digest,
                  mscos_json_check_string_member (check, object, "digest", MSCOS_JSON_LINE));
  read_bookmark (check, object, record);
  read_note (check, object, record);

  if (mscos_library_record_is_empty (record))
    return NULL;

  return g_steal_pointer (&record);
}

/* Reads a library document into @records. Returns %FALSE when the document as a whole cannot
 * be read; otherwise every readable entry is in @records and @check holds a problem for each
 * thing that could not be read. A document of a newer version sets @newer and is read as far
 * as this version understands it: its problems are what the newer version added. */
static gboolean
read_document (const char     *data,
               gsize           length,
               MscosJsonCheck *check,
               GPtrArray      *records,
               gboolean       *newer)
{
  static const char * const members[] = { "format", "version", "entries", NULL };
  g_autoptr (GHashTable) positions = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *entries;
  const char *format;
  gint64 version;
  gsize path_length;
  guint n;

  *newer = FALSE;

  mscos_json_check_allow_dense_values (check);
  root = mscos_json_check_parse (check, data, length);
  if (root == NULL)
    return FALSE;

  object = mscos_json_check_object (check, root);
  if (object == NULL)
    return FALSE;

  format = mscos_json_check_string_member (check, object, "format",
                                           MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  if (format == NULL)
    return FALSE;

  if (strcmp (format, MSCOS_LIBRARY_FORMAT) != 0)
    {
      path_length = mscos_json_check_push_member (check, "format");
      mscos_json_check_problem (check, "this is not a library file (expected \"%s\")",
                                MSCOS_LIBRARY_FORMAT);
      mscos_json_check_pop (check, path_length);
      return FALSE;
    }

  if (!mscos_json_check_int_member (check, object, "version", MSCOS_JSON_REQUIRED,
                                    1, G_MAXINT64, &version))
    return FALSE;

  *newer = version > MSCOS_LIBRARY_VERSION;
  if (!*newer)
    mscos_json_check_members (check, object, members);

  entries = mscos_json_check_array_member (check, object, "entries", MSCOS_JSON_REQUIRED);
  if (entries == NULL)
    return FALSE;

  /* "pack/item" → 1 + the index in @records of its entry. */
  positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  path_length = mscos_json_check_push_member (check, "entries");
  n = json_array_get_length (entries);
  for (guint i = 0; i < n; i++)
    {
      gsize index_length = mscos_json_check_push_index (check, i);
      g_autoptr (MscosLibraryRecord) record = read_entry (check,
                                                          json_array_get_element (entries, i));
      g_autofree char *key = NULL;
      guint position;

      if (record != NULL)
        {
          key = make_key (record->pack_id, record->item_id);
          position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, key));
          if (position == 0)
            {
              g_ptr_array_add (records, g_steal_pointer (&record));
              g_hash_table_insert (positions, g_steal_pointer (&key),
                                   GUINT_TO_POINTER (records->len));
            }
          else
            {
              MscosLibraryRecord *first = g_ptr_array_index (records, position - 1);

              mscos_json_check_problem (check, "a second entry for the same item; the two are "
                                        "kept together");
              g_ptr_array_index (records, position - 1) =
                merge_records (first, record, _("From a second copy of this entry"));
              mscos_library_record_unref (first);
            }
        }
      mscos_json_check_pop (check, index_length);
    }
  mscos_json_check_pop (check, path_length);

  return TRUE;
}

/* GLib's file errors end with the system's words for the cause ("…: No space left on device"),
 * which is what a user can act on; what comes before names temporary files. */
static char *
describe_error (const GError *error)
{
  const char *reason = g_strrstr (error->message, ": ");

  return g_strdup (reason != NULL ? reason + 2 : error->message);
}

static char *
describe_problems (MscosJsonCheck *check)
{
  g_autofree char *message = mscos_json_check_to_message (check);
  guint n = mscos_json_check_n_problems (check);
  char *newline = strchr (message, '\n');

  if (newline != NULL)
    *newline = '\0';

  if (n > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; and %u more problem",
                                         "%s; and %u more problems", n - 1),
                            message, n - 1);

  return g_steal_pointer (&message);
}

/* Returns "PATH.YYYYMMDD-HHMMSS.SUFFIX", with "-2", "-3"… after the time if that name is
 * taken, or %NULL when too many are. */
static char *
find_aside_path (const char *path,
                 const char *suffix)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf buf;

      if (i == 1)
        target = g_strdup_printf ("%s.%s.%s", path, stamp, suffix);
      else
        target = g_strdup_printf ("%s.%s-%u.%s", path, stamp, i, suffix);

      if (g_lstat (target, &buf) != 0)
        return g_steal_pointer (&target);
    }

  return NULL;
}

/* Renames @path to @target, which must not exist: a hard link fails rather than replace it. */
static gboolean
rename_without_replacing (const char  *path,
                          const char  *target,
                          GError     **error)
{
  int saved_errno;

  if (link (path, target) == 0)
    {
      if (g_unlink (path) == 0)
        return TRUE;
      saved_errno = errno;
      g_unlink (target);
    }
  else if (errno != EEXIST)
    {
      GStatBuf buf;

      /* Some file systems have no hard links. */
      if (g_lstat (target, &buf) != 0 && g_rename (path, target) == 0)
        return TRUE;
      saved_errno = errno;
    }
  else
    {
      saved_errno = EEXIST;
    }

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "Could not rename the file: %s", g_strerror (saved_errno));

  return FALSE;
}

/* Renames @path to "PATH.YYYYMMDD-HHMMSS.unreadable", never replacing anything. */
static GFile *
move_aside (const char  *path,
            GError     **error)
{
  g_autofree char *target = find_aside_path (path, "unreadable");

  if (target == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                           "Could not rename the file: too many files of that name");
      return NULL;
    }

  if (!rename_without_replacing (path, target, error))
    return NULL;

  return g_file_new_for_path (target);
}

/* g_file_set_contents_full() writes "NAME.XXXXXX" and renames it; a process killed in between
 * leaves it behind. */
static gboolean
is_temporary_name (const char *name,
                   const char *base)
{
  gsize base_length = strlen (base);
  const char *suffix;

  if (strncmp (name, base, base_length) != 0 || name[base_length] != '.')
    return FALSE;

  suffix = name + base_length + 1;
  if (strlen (suffix) != 6 || strcmp (suffix, "backup") == 0)
    return FALSE;

  for (const char *p = suffix; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

static void
remove_temporary_files (const char *path,
                        const char *backup_path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *backup_base = g_path_get_basename (backup_path);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_temporary_name (name, base) || is_temporary_name (name, backup_base))
        {
          g_autofree char *stale = g_build_filename (folder, name, NULL);
          GStatBuf buf;

          if (g_lstat (stale, &buf) == 0 && S_ISREG (buf.st_mode))
            g_unlink (stale);
        }
    }
}

static gboolean
read_backup (const char *backup_path,
             GPtrArray  *records)
{
  g_autoptr (MscosJsonCheck) check = mscos_json_check_new ();
  g_autoptr (GPtrArray) backup = NULL;
  g_autofree char *contents = NULL;
  gboolean newer;
  gsize length;

  if (!g_file_get_contents (backup_path, &contents, &length, NULL))
    return FALSE;

  backup = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_library_record_unref);
  if (!read_document (contents, length, check, backup, &newer) || newer
      || mscos_json_check_failed (check))
    return FALSE;

  g_ptr_array_extend_and_steal (records, g_steal_pointer (&backup));

  return TRUE;
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->records, g_ptr_array_unref);
  g_clear_object (&result->moved_aside);
  g_clear_pointer (&result->problem, g_free);
  g_free (result);
}

/* Reads the library file; runs in a worker thread. With @read_only, nothing on disk is changed:
 * a file that cannot be read is only reported. */
static LoadResult *
read_library_file (const char *path,
                   const char *backup_path,
                   gboolean    read_only)
{
  LoadResult *result = g_new0 (LoadResult, 1);
  g_autoptr (MscosJsonCheck) check = mscos_json_check_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *name = NULL;
  gboolean readable = FALSE;
  gboolean newer = FALSE;
  gsize length = 0;

  result->records = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_library_record_unref);

  if (!read_only)
    remove_temporary_files (path, backup_path);

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return result;

      reason = describe_error (error);
      g_clear_error (&error);
    }
  else
    {
      readable = read_document (contents, length, check, result->records, &newer);
      if (newer)
        {
          /* The newer version will want it back as it is, where it is. */
          result->newer = TRUE;
          result->problem =
            g_strdup (_("Your library was saved by a newer version of MSCOS Outcomes. This "
                        "version shows what it can read of it, but cannot save changes to it."));
          return result;
        }

      if (readable && !mscos_json_check_failed (check))
        return result;

      reason = describe_problems (check);
    }

  if (read_only)
    {
      result->blocked = TRUE;
      if (result->records->len == 0 && !readable)
        read_backup (backup_path, result->records);
      result->problem = g_strdup_printf (_("The library file could not be read (%s)."), reason);
      return result;
    }

  /* Something is wrong with the file: keep it as it is, under another name. */
  result->moved_aside = move_aside (path, &error);
  if (result->moved_aside == NULL)
    {
      g_autofree char *why = describe_error (error);

      result->blocked = TRUE;
      result->problem =
        g_strdup_printf (_("The library file could not be read (%s), and it could not be set "
                           "aside (%s). Nothing will be saved over it: move it elsewhere, then "
                           "start the app again."), reason, why);
      return result;
    }

  name = g_file_get_basename (result->moved_aside);

  if (result->records->len > 0)
    {
      result->rewrite = TRUE;
      result->problem =
        g_strdup_printf (_("Part of the library file could not be read (%s). It was kept as "
                           "%s; everything that could be read was loaded and will be saved "
                           "in a new file."), reason, name);
    }
  else if (!readable && read_backup (backup_path, result->records))
    {
      result->rewrite = TRUE;
      result->problem =
        g_strdup_printf (_("The library file could not be read (%s). It was kept as %s, and "
                           "your bookmarks and notes were restored from the backup made by "
                           "the save before."), reason, name);
    }
  else
    {
      result->problem =
        g_strdup_printf (_("The library file could not be read (%s). It was kept as %s."),
                         reason, name);
    }

  return result;
}

static Loader *
loader_new (const char *path,
            const char *backup_path,
            gboolean    read_only)
{
  Loader *loader = g_atomic_rc_box_new0 (Loader);

  g_mutex_init (&loader->mutex);
  loader->path = g_strdup (path);
  loader->backup_path = g_strdup (backup_path);
  loader->read_only = read_only;

  return loader;
}

static void
loader_clear (Loader *loader)
{
  g_mutex_clear (&loader->mutex);
  g_free (loader->path);
  g_free (loader->backup_path);
  g_clear_pointer (&loader->result, load_result_free);
}

static Loader *
loader_ref (Loader *loader)
{
  return g_atomic_rc_box_acquire (loader);
}

static void
loader_unref (Loader *loader)
{
  g_atomic_rc_box_release_full (loader, (GDestroyNotify) loader_clear);
}

/* Reads the file the first time it is called, from any thread; later calls wait for the first
 * to finish and return the same result, which belongs to @loader. */
static LoadResult *
loader_run (Loader *loader)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&loader->mutex);

  if (loader->result == NULL)
    loader->result = read_library_file (loader->path, loader->backup_path, loader->read_only);

  return loader->result;
}

/* Writing ------------------------------------------------------------------------------ */

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether any of the eight bytes of @word may need escaping in JSON: a control character, a
 * quotation mark or a backslash. It may say so wrongly, never miss one. */
static inline gboolean
word_needs_escape (guint64 word)
{
  guint64 quotes = word ^ (ONES * '"');
  guint64 backslashes = word ^ (ONES * '\\');

  return ((((word - ONES * 0x20) & ~word) |
           ((quotes - ONES) & ~quotes) |
           ((backslashes - ONES) & ~backslashes)) & HIGHS) != 0;
}

static void
append_string (GString    *json,
               const char *text)
{
  const char *end = text + strlen (text);
  const char *run = text;
  const char *p = text;

  g_string_append_c (json, '"');
  while (p < end)
    {
      const char *stop;
      guint64 word;

      /* Notes are long and rarely need escaping: look at eight bytes at a time. */
      if (end - p >= 8)
        {
          memcpy (&word, p, sizeof word);
          if (!word_needs_escape (word))
            {
              p += 8;
              continue;
            }
        }

      for (stop = MIN (p + 8, end); p < stop; p++)
        {
          guchar c = *p;

          if (c >= 0x20 && c != '"' && c != '\\')
            continue;

          g_string_append_len (json, run, p - run);
          run = p + 1;
          switch (c)
            {
            case '"':
              g_string_append (json, "\\\"");
              break;
            case '\\':
              g_string_append (json, "\\\\");
              break;
            case '\n':
              g_string_append (json, "\\n");
              break;
            case '\r':
              g_string_append (json, "\\r");
              break;
            case '\t':
              g_string_append (json, "\\t");
              break;
            default:
              g_string_append_printf (json, "\\u%04x", c);
              break;
            }
        }
    }
  g_string_append_len (json, run, end - run);
  g_string_append_c (json, '"');
}

/* Writes @value, 0 to 99, as two digits. */
static void
put_two_digits (char *out,
                int   value)
{
  out[0] = '0' + value / 10;
  out[1] = '0' + value % 10;
}

static void
append_time (GString   *json,
             GDateTime *time)
{
  g_autoptr (GDateTime) converted = NULL;
  char text[] = "\"YYYY-MM-DDTHH:MM:SS.UUUUUUZ\"";
  GDateTime *utc = time;
  int year, month, day, microsecond;

  /* Records hold UTC times already. */
  if (g_date_time_get_utc_offset (time) != 0)
    utc = converted = g_date_time_to_utc (time);

  g_date_time_get_ymd (utc, &year, &month, &day);
  microsecond = g_date_time_get_microsecond (utc);
  put_two_digits (text + 1, year / 100);
  put_two_digits (text + 3, year % 100);
  put_two_digits (text + 6, month);
  put_two_digits (text + 9, day);
  put_two_digits (text + 12, g_date_time_get_hour (utc));
  put_two_digits (text + 15, g_date_time_get_minute (utc));
  put_two_digits (text + 18, g_date_time_get_second (utc));
  put_two_digits (text + 21, microsecond / 10000);
  put_two_digits (text + 23, microsecond / 100 % 100);
  put_two_digits (text + 25, microsecond % 100);
  g_string_append_len (json, text, sizeof text - 1);
}

static void
append_member (GString    *json,
               const char *name,
               const char *value)
{
  if (value == NULL)
    return;

  g_string_append (json, ",\n      \"");
  g_string_append (json, name);
  g_string_append (json, "\": ");
  append_string (json, value);
}

static void
append_record (GString                  *json,
               const MscosLibraryRecord *record)
{
  g_string_append (json, "    {\n      \"pack\": ");
  append_string (json, record->pack_id);
  g_string_append (json, ",\n      \"item\": ");
  append_string (json, record->item_id);
  append_member (json, "outcome", record->outcome_id);
  append_member (json, "kind", record->item_kind);
  append_member (json, "title", record->item_title);
  append_member (json, "excerpt", record->excerpt);
  append_member (json, "digest", record->digest);

  if (record->bookmark_created != NULL)
    {
      g_string_append (json, ",\n      \"bookmark\": {\n        \"created\": ");
      append_time (json, record->bookmark_created);
      g_string_append (json, "\n      }");
    }

  if (record->note != NULL)
    {
      g_string_append (json, ",\n      \"note\": {\n        \"text\": ");
      append_string (json, record->note);
      g_string_append (json, ",\n        \"created\": ");
      append_time (json, record->note_created);
      g_string_append (json, ",\n        \"modified\": ");
      append_time (json, record->note_modified);
      g_string_append (json, "\n      }");
    }

  g_string_append (json, "\n    }");
}

/* Sorts @records and returns the library file's text. */
static GString *
serialise_records (GPtrArray *records)
{
  GString *json = g_string_sized_new (256 + records->len * 640);

  g_ptr_array_sort_values (records, compare_records);

  g_string_append (json, "{\n"
                         "  \"format\": \"" MSCOS_LIBRARY_FORMAT "\",\n"
                         "  \"version\": " G_STRINGIFY (MSCOS_LIBRARY_VERSION) ",\n"
                         "  \"entries\": [");
  for (guint i = 0; i < records->len; i++)
    {
      g_string_append (json, i > 0 ? ",\n" : "\n");
      append_record (json, g_ptr_array_index (records, i));
    }
  g_string_append (json, records->len > 0 ? "\n  ]\n}\n" : "]\n}\n");

  return json;
}

static Writer *
writer_new (const char *path)
{
  Writer *writer = g_atomic_rc_box_new0 (Writer);

  g_mutex_init (&writer->mutex);
  writer->path = g_strdup (path);
  writer->folder = g_path_get_dirname (path);
  writer->backup_path = g_strconcat (path, ".backup", NULL);
  writer->backup_link_path = g_strconcat (path, ".backup.new", NULL);

  return writer;
}

static void
writer_clear (Writer *writer)
{
  g_mutex_clear (&writer->mutex);
  g_free (writer->path);
  g_free (writer->folder);
  g_free (writer->backup_path);
  g_free (writer->backup_link_path);
}

static Writer *
writer_ref (Writer *writer)
{
  return g_atomic_rc_box_acquire (writer);
}

static void
writer_unref (Writer *writer)
{
  g_atomic_rc_box_release_full (writer, (GDestroyNotify) writer_clear);
}

/* Keeps the library file as it is now as the backup: before a save replaces it, or just after,
 * when the save deleted words. A hard link costs nothing, and both steps are atomic, so the
 * backup is always a whole file. A failure here does not stop the save: the user's latest words
 * matter more than the copy of the ones before. */
static void
keep_backup (Writer *writer)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_unlink (writer->backup_link_path);
  if (link (writer->path, writer->backup_link_path) == 0)
    {
      if (g_rename (writer->backup_link_path, writer->backup_path) != 0)
        g_debug ("Could not keep a backup of the library: %s", g_strerror (errno));
      /* When the backup already is the file (the last save failed), rename() leaves both
       * names in place. */
      g_unlink (writer->backup_link_path);
      return;
    }

  if (errno == ENOENT)
    return;

  /* Some file systems have no hard links. */
  if (!g_file_get_contents (writer->path, &contents, &length, &error) ||
      !g_file_set_contents_full (writer->backup_path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    g_debug ("Could not keep a backup of the library: %s", error->message);
}

/* Writes the snapshot @records unless a newer one is already on disk. @last_removal is the
 * change count of the latest deletion the snapshot holds: a backup made before it must not
 * outlive this write. Safe to call from any thread; writes happen one at a time, in the order
 * of their change counts. */
static gboolean
writer_write (Writer     *writer,
              GPtrArray  *records,
              guint64     change_count,
              guint64     last_removal,
              GError    **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (GString) json = serialise_records (records);
  gboolean scrub;
  GStatBuf buf;

  locker = g_mutex_locker_new (&writer->mutex);
  if (change_count <= writer->written)
    return TRUE;

  if (g_mkdir_with_parents (writer->folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not create the folder “%s”: %s",
                   writer->folder, g_strerror (saved_errno));
      return FALSE;
    }

  scrub = last_removal > writer->scrubbed;
  if (!scrub)
    keep_backup (writer);

  /* Newer GLib gives the new file the old one's mode: make sure it is private. */
  if (g_stat (writer->path, &buf) == 0 && (buf.st_mode & 0177) != 0)
    g_chmod (writer->path, 0600);

  if (!g_file_set_contents_full (writer->path, json->str, json->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  writer->written = change_count;
  if (scrub)
    {
      keep_backup (writer);
      writer->scrubbed = last_removal;
    }

  return TRUE;
}

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->writer, writer_unref);
  g_clear_pointer (&job->records, g_ptr_array_unref);
  g_free (job);
}

/* The library ---------------------------------------------------------------------------- */

static gboolean
has_unsaved_changes (MscosLibrary *self)
{
  return self->change_count != self->saved_change_count;
}

/* Whether saves may write the file: not over a file that could not be read nor set aside, not
 * over a newer version's file, never for a read-only library. */
static gboolean
may_write (MscosLibrary *self)
{
  return !self->save_blocked && !self->newer_version && !self->read_only;
}

/* Whether going from @before to @after deletes something the user kept: a bookmark, or words of
 * a note (typing at the end of a note deletes nothing). */
static gboolean
deletes_words (const MscosLibraryRecord *before,
               const MscosLibraryRecord *after)
{
  if (before->bookmark_created != NULL && after->bookmark_created == NULL)
    return TRUE;

  return before->note != NULL && (after->note == NULL || !g_str_has_prefix (after->note, before->note));
}

static MscosLibraryEntry *
find_entry (MscosLibrary *self,
            const char   *pack_id,
            const char   *item_id)
{
  char key[2 * MAX_ID_LENGTH + 2];
  gsize pack_length = strlen (pack_id);
  gsize item_length = strlen (item_id);

  if (pack_length > MAX_ID_LENGTH || item_length > MAX_ID_LENGTH)
    return NULL;

  /* Called on every keystroke in the note editor: no allocation. */
  memcpy (key, pack_id, pack_length);
  key[pack_length] = '/';
  memcpy (key + pack_length + 1, item_id, item_length + 1);

  return g_hash_table_lookup (self->by_key, key);
}

/* Adds an entry to the table and to the records, not to the list model. */
static MscosLibraryEntry *
add_entry (MscosLibrary       *self,
           MscosLibraryRecord *record)
{
  MscosLibraryEntry *entry = mscos_library_entry_new (record);

  g_hash_table_insert (self->by_key, make_key (record->pack_id, record->item_id), entry);
  mscos_library_entry_set_slot (entry, self->records->len);
  g_ptr_array_add (self->records, record);

  return entry;
}

static void
replace_record (MscosLibrary       *self,
                MscosLibraryEntry  *entry,
                MscosLibraryRecord *record)
{
  MscosLibraryRecord *before = mscos_library_entry_get_record (entry);

  /* The save under way may be reading it. */
  if (self->saving)
    g_ptr_array_add (self->retired, mscos_library_record_ref (before));

  g_ptr_array_index (self->records, mscos_library_entry_get_slot (entry)) = record;
  mscos_library_entry_set_record (entry, record);
}

static void
remove_entry (MscosLibrary      *self,
              MscosLibraryEntry *entry)
{
  g_autoptr (MscosLibraryEntry) removed = g_object_ref (entry);
  MscosLibraryRecord *record = mscos_library_entry_get_record (entry);
  g_autofree char *key = make_key (record->pack_id, record->item_id);
  guint slot = mscos_library_entry_get_slot (entry);
  guint position;

  /* The last record takes the place of the removed one. */
  g_ptr_array_remove_index_fast (self->records, slot);
  if (slot < self->records->len)
    {
      MscosLibraryRecord *moved = g_ptr_array_index (self->records, slot);

      mscos_library_entry_set_slot (find_entry (self, moved->pack_id, moved->item_id), slot);
    }

  g_hash_table_remove (self->by_key, key);
  if (g_list_store_find (self->entries, removed, &position))
    g_list_store_remove (self->entries, position);
}

/* Returns the record of every entry as it is now: one copy of an array of pointers, the only
 * work a save does on the main thread. The records are not referenced: they are immutable,
 * their entries hold them, and those replaced while a save is under way are kept in
 * self->retired until it is done. So a snapshot is good until control returns to the main
 * loop, or, for a save, until it finishes. */
static GPtrArray *
take_snapshot (MscosLibrary *self)
{
  return g_ptr_array_copy (self->records, NULL, NULL);
}

static void
set_save_error (MscosLibrary *self,
                const char   *message)
{
  if (g_set_str (&self->save_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
}

static gint64
get_save_due_time (MscosLibrary *self)
{
  gint64 due = self->last_change_time + (gint64) self->quiet_ms * 1000;

  if (self->first_unsaved_time != 0)
    due = MIN (due, self->first_unsaved_time + (gint64) self->max_ms * 1000);

  return due;
}

static void
record_save_success (MscosLibrary *self,
                     guint64       change_count)
{
  if (change_count <= self->saved_change_count)
    return;

  self->saved_change_count = change_count;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  set_save_error (self, NULL);
  if (!has_unsaved_changes (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED_CHANGES]);

  g_signal_emit (self, signals[SAVED], 0);
}

static void
record_save_failure (MscosLibrary *self,
                     const GError *error)
{
  g_autofree char *reason = describe_error (error);
  g_autofree char *message = NULL;

  g_debug ("Could not save the library: %s", error->message);

  message = g_strdup_printf (_("Your notes could not be saved: %s. They are kept while the app "
                               "is open and saving will be tried again."), reason);
  set_save_error (self, message);

  if (self->retry_source == 0)
    {
      self->retry_source = g_timeout_add (RETRY_MS, retry_save_cb, self);
      g_source_set_name_by_id (self->retry_source, "[mscos] retry saving the library");
    }
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (writer_write (job->writer, job->records, job->change_count, job->last_removal, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MscosLibrary *self = MSCOS_LIBRARY (object);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  self->saving = FALSE;
  g_ptr_array_set_size (self->retired, 0);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    record_save_success (self, job->change_count);
  else if (job->change_count > self->saved_change_count)
    record_save_failure (self, error);

  /* Changes made during the save are saved after it; after a failure, only when there are
   * such changes, or else the retry does it. */
  if (self->save_error == NULL || self->change_count > job->change_count)
    schedule_save (self);
}

static void
start_save (MscosLibrary *self)
{
  g_autoptr (GTask) task = NULL;
  SaveJob *job;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->saving || !may_write (self) || self->load_state != LOAD_DONE ||
      !has_unsaved_changes (self))
    return;

  g_clear_handle_id (&self->retry_source, g_source_remove);

  job = g_new0 (SaveJob, 1);
  job->writer = writer_ref (self->writer);
  job->records = take_snapshot (self);
  job->change_count = self->change_count;
  job->last_removal = self->last_removal;

  self->saving = TRUE;
  self->first_unsaved_time = 0;

  /* A save is never cancelled: the task keeps the library alive until it is done. */
  task = g_task_new (self, NULL, save_finished_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_static_name (task, "[mscos] save the library");
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_in_thread);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  MscosLibrary *self = user_data;

  self->save_source = 0;

  if (g_get_monotonic_time () < get_save_due_time (self))
    schedule_save (self);
  else
    start_save (self);

  return G_SOURCE_REMOVE;
}

static gboolean
retry_save_cb (gpointer user_data)
{
  MscosLibrary *self = user_data;

  self->retry_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  loader_run (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
load_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MscosLibrary *self = MSCOS_LIBRARY (object);
  Loader *loader = g_task_get_task_data (G_TASK (result));

  g_task_propagate_boolean (G_TASK (result), NULL);
  apply_load_result (self, loader_run (loader));
}

static void
start_loading (MscosLibrary *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->load_state != LOAD_NOT_STARTED)
    return;

  self->load_state = LOAD_RUNNING;

  task = g_task_new (self, NULL, load_finished_cb, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_static_name (task, "[mscos] load the library");
  g_task_set_task_data (task, loader_ref (self->loader), (GDestroyNotify) loader_unref);
  g_task_run_in_thread (task, load_in_thread);
}

static void
schedule_save (MscosLibrary *self)
{
  gint64 delay;

  /* Nothing is written before the file on disk has been read. */
  if (self->load_state != LOAD_DONE)
    {
      start_loading (self);
      return;
    }

  if (!may_write (self) || self->saving || self->save_source != 0 ||
      !has_unsaved_changes (self))
    return;

  delay = get_save_due_time (self) - g_get_monotonic_time ();
  self->save_source = g_timeout_add (delay > 0 ? (guint) ((delay + 999) / 1000) : 0,
                                     save_timeout_cb, self);
  g_source_set_name_by_id (self->save_source, "[mscos] save the library");
}

static void
note_change (MscosLibrary *self)
{
  gboolean had_unsaved_changes = has_unsaved_changes (self);

  self->change_count++;
  self->last_change_time = g_get_monotonic_time ();
  if (self->first_unsaved_time == 0)
    self->first_unsaved_time = self->last_change_time;

  if (!had_unsaved_changes)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED_CHANGES]);

  schedule_save (self);
}

/* Gives @entry the state @record, or adds or removes it; takes ownership of @record. */
static void
commit_record (MscosLibrary       *self,
               MscosLibraryEntry  *entry,
               MscosLibraryRecord *record)
{
  g_autoptr (MscosLibraryRecord) owned = record;
  gboolean removal = entry != NULL && deletes_words (mscos_library_entry_get_record (entry), record);

  if (entry == NULL)
    {
      if (mscos_library_record_is_empty (record))
        return;

      entry = add_entry (self, record);
      g_list_store_append (self->entries, entry);
    }
  else if (mscos_library_record_is_empty (record))
    {
      replace_record (self, entry, record);
      remove_entry (self, entry);
    }
  else
    {
      replace_record (self, entry, record);
    }

  note_change (self);
  if (removal)
    self->last_removal = self->change_count;
}

static void
apply_load_result (MscosLibrary *self,
                   LoadResult   *result)
{
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (GPtrArray) waiters = NULL;
  gboolean merged = FALSE;

  if (self->load_state == LOAD_DONE)
    return;

  self->load_state = LOAD_DONE;

  added = g_ptr_array_new ();
  for (guint i = 0; i < result->records->len; i++)
    {
      MscosLibraryRecord *record = g_ptr_array_index (result->records, i);
      MscosLibraryEntry *entry = find_entry (self, record->pack_id, record->item_id);

      if (entry == NULL)
        {
          g_ptr_array_add (added, add_entry (self, record));
        }
      else
        {
          /* The user wrote before the file was read: keep both. */
          g_autoptr (MscosLibraryRecord) both =
            merge_records (record, mscos_library_entry_get_record (entry),
                           _("Written while the library was loading"));

          replace_record (self, entry, both);
          merged = TRUE;
        }
    }
  g_list_store_splice (self->entries,
                       g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       added->pdata, added->len);

  g_object_freeze_notify (G_OBJECT (self));

  self->save_blocked = result->blocked;
  if (result->newer)
    {
      self->newer_version = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWER_VERSION]);
    }
  if (result->blocked && !self->read_only)
    set_save_error (self, _("Your notes cannot be saved, because the library file could not be "
                            "read nor set aside. They are kept while the app is open."));

  if (g_set_object (&self->moved_aside_file, result->moved_aside))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVED_ASIDE_FILE]);
  if (g_set_str (&self->load_problem, result->problem))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_PROBLEM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);

  /* What was read is in the entries now; the file is read only once. */
  if (result->rewrite || merged)
    note_change (self);
  else
    schedule_save (self);
  g_clear_pointer (&self->loader, loader_unref);

  g_object_thaw_notify (G_OBJECT (self));

  waiters = g_steal_pointer (&self->load_waiters);
  self->load_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (!g_task_return_error_if_cancelled (task))
        g_task_return_boolean (task, TRUE);
    }
}

/* Writes what is not saved yet, now, on this thread. */
static gboolean
write_now (MscosLibrary  *self,
           GError       **error)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) local_error = NULL;
  guint64 change_count;

  g_clear_handle_id (&self->save_source, g_source_remove);

  records = take_snapshot (self);
  change_count = self->change_count;
  self->first_unsaved_time = 0;

  if (!writer_write (self->writer, records, change_count, self->last_removal, &local_error))
    {
      record_save_failure (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  record_save_success (self, change_count);

  return TRUE;
}

/* Markdown ------------------------------------------------------------------------------- */

/* Appends @text so that Markdown shows it as it is, on one line: every character that
 * Markdown gives a meaning to is escaped. */
static void
append_escaped_inline (GString    *md,
                       const char *text,
                       const char *end)
{
  for (const char *p = text; p < end; p++)
    {
      if (*p != '\0' && strchr ("\\`*_[]<>#|~&", *p) != NULL)
        g_string_append_c (md, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_c (md, ' ');
      else
        g_string_append_c (md, *p);
    }
}

static void
append_escaped_line (GString    *md,
                     const char *line,
                     const char *end)
{
  const char *p = line;
  const char *digits;

  /* Indentation would make a code block: keep it with no-break spaces. */
  for (; p < end && (*p == ' ' || *p == '\t'); p++)
    g_string_append (md, *p == '\t' ? "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0" : "\xc2\xa0");

  /* What begins a list, or underlines a heading, only does so at the start of a line. */
  if (p < end && (*p == '-' || *p == '+' || *p == '='))
    {
      g_string_append_c (md, '\\');
      g_string_append_c (md, *p++);
    }
  else
    {
      for (digits = p; p < end && g_ascii_isdigit (*p); p++)
        ;
      g_string_append_len (md, digits, p - digits);
      if (p > digits && p < end && (*p == '.' || *p == ')'))
        {
          g_string_append_c (md, '\\');
          g_string_append_c (md, *p++);
        }
    }

  append_escaped_inline (md, p, end);
}

static gboolean
is_blank (const char *line,
          const char *end)
{
  for (const char *p = line; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Appends @text as paragraphs that keep its line breaks, each line after @prefix ("> " in a
 * quotation), then a blank line. */
static void
append_escaped_block (GString    *md,
                      const char *text,
                      const char *prefix)
{
  const char *line = text;

  while (*line != '\0')
    {
      const char *end = line + strcspn (line, "\r\n");
      const char *next = end;

      if (*next == '\r' && next[1] == '\n')
        next += 2;
      else if (*next != '\0')
        next += 1;

      if (is_blank (line, end))
        {
          gsize prefix_length = strlen (prefix);

          /* No spaces at the ends of lines, but for line breaks. */
          while (prefix_length > 0 && prefix[prefix_length - 1] == ' ')
            prefix_length--;
          g_string_append_len (md, prefix, prefix_length);
        }
      else
        {
          g_string_append (md, prefix);
          append_escaped_line (md, line, end);
          /* Two spaces keep a line break inside a paragraph. */
          if (*next != '\0' && !is_blank (next, next + strcspn (next, "\r\n")))
            g_string_append (md, "  ");
        }
      g_string_append_c (md, '\n');
      line = next;
    }

  g_string_append_c (md, '\n');
}

static void
append_heading (GString    *md,
                const char *marks,
                const char *text)
{
  g_string_append (md, marks);
  g_string_append_c (md, ' ');
  append_escaped_inline (md, text, text + strlen (text));
  g_string_append (md, "\n\n");
}

static void
append_quote (GString    *md,
              const char *text,
              const char *attribution)
{
  append_escaped_block (md, text, "> ");
  if (attribution != NULL)
    {
      /* Join the attribution to the quotation. */
      g_string_truncate (md, md->len - 1);
      g_string_append (md, ">\n> — ");
      append_escaped_inline (md, attribution, attribution + strlen (attribution));
      g_string_append (md, "\n\n");
    }
}

static void
append_marks (GString           *md,
              MscosLibraryEntry *entry,
              gboolean           changed)
{
  const char *note = mscos_library_entry_get_note (entry);

  if (mscos_library_entry_get_bookmarked (entry))
    g_string_append_printf (md, "**%s**\n\n", _("Bookmarked"));

  if (changed)
    g_string_append_printf (md, "**%s**\n\n",
                            note != NULL
                              ? _("This item has changed since the note was written.")
                              : _("This item has changed since it was bookmarked."));

  if (note != NULL)
    {
      g_string_append_printf (md, "**%s**\n\n", _("Note:"));
      append_escaped_block (md, note, "");
    }
}

static void
append_item_entry (GString           *md,
                   MscosLibraryEntry *entry,
                   MscosItem         *item,
                   MscosContentPack  *pack)
{
  g_autofree char *title = dup_title (item);
  MscosItemKind kind = mscos_item_get_kind (item);
  const char *text = mscos_item_get_text (item);
  const char *summary = mscos_item_get_summary (item);

  append_heading (md, "###", title);

  if (kind == MSCOS_ITEM_QUOTE && text != NULL)
    {
      g_autofree char *attribution = mscos_item_dup_attribution (item);

      append_quote (md, text, attribution);
    }
  else if (text != NULL)
    {
      g_autofree char *labelled = NULL;

      if (mscos_item_get_label (item) != NULL)
        labelled = g_strdup_printf ("%s %s", mscos_item_get_label (item), text);
      append_escaped_block (md, labelled != NULL ? labelled : text, "");
    }
  else if (summary != NULL)
    {
      append_escaped_block (md, summary, "");
    }

  append_marks (md, entry,
                mscos_library_entry_get_status (entry, pack) == MSCOS_LIBRARY_ENTRY_CHANGED);
}

static void
append_missing_entry (GString           *md,
                      MscosLibraryEntry *entry,
                      MscosContentPack  *pack)
{
  const char *title = mscos_library_entry_get_item_title (entry);
  const char *excerpt = mscos_library_entry_get_excerpt (entry);
  const char *pack_id = mscos_library_entry_get_pack_id (entry);

  append_heading (md, "###", title != NULL ? title : mscos_library_entry_get_item_id (entry));

  if (g_strcmp0 (pack_id, mscos_content_pack_get_id (pack)) != 0)
    {
      g_autofree char *from = g_strdup_printf (_("From the content pack “%s”."), pack_id);

      g_string_append_c (md, '*');
      append_escaped_inline (md, from, from + strlen (from));
      g_string_append (md, "*\n\n");
    }

  if (excerpt != NULL && g_strcmp0 (mscos_library_entry_get_item_kind (entry), "quote") == 0)
    append_quote (md, excerpt, NULL);
  else if (excerpt != NULL)
    append_escaped_block (md, excerpt, "");

  append_marks (md, entry, FALSE);
}

typedef struct
{
  MscosLibrary *self;
  const char   *pack_id;
  /* Outcome id → GPtrArray of the items with an entry, in page order. */
  GHashTable   *by_outcome;
  /* The entries whose item is in the pack. */
  GHashTable   *found;
} ExportState;

static void
collect_item (gpointer data,
              gpointer user_data)
{
  MscosItem *item = data;
  ExportState *state = user_data;
  MscosLibraryEntry *entry = find_entry (state->self, state->pack_id, mscos_item_get_id (item));
  const char *outcome_id = mscos_item_get_outcome_id (item);
  GPtrArray *items;

  if (entry == NULL || outcome_id == NULL)
    return;

  items = g_hash_table_lookup (state->by_outcome, outcome_id);
  if (items == NULL)
    {
      items = g_ptr_array_new ();
      g_hash_table_insert (state->by_outcome, (gpointer) outcome_id, items);
    }
  g_ptr_array_add (items, item);
  g_hash_table_add (state->found, entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return compare_records (mscos_library_entry_get_record ((MscosLibraryEntry *) a),
                          mscos_library_entry_get_record ((MscosLibraryEntry *) b));
}

/* Overrides ------------------------------------------------------------------------------ */

static void
mscos_library_constructed (GObject *object)
{
  MscosLibrary *self = MSCOS_LIBRARY (object);
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (mscos_library_parent_class)->constructed (object);

  path = g_file_get_path (self->file);
  g_assert (path != NULL);

  self->writer = writer_new (path);
  self->loader = loader_new (path, self->writer->backup_path, self->read_only);
}

static void
mscos_library_dispose (GObject *object)
{
  MscosLibrary *self = MSCOS_LIBRARY (object);

  /* Nothing the user wrote is left behind. No save or load is under way here: their tasks
   * hold a reference on the library. */
  if (self->load_state == LOAD_DONE && may_write (self) && has_unsaved_changes (self))
    {
      g_autoptr (GPtrArray) records = take_snapshot (self);
      g_autoptr (GError) error = NULL;

      if (!writer_write (self->writer, records, self->change_count, self->last_removal, &error))
        g_debug ("Could not save the library: %s", error->message);
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  description_clear (&self->description);

  G_OBJECT_CLASS (mscos_library_parent_class)->dispose (object);
}

static void
mscos_library_finalize (GObject *object)
{
  MscosLibrary *self = MSCOS_LIBRARY (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->writer, writer_unref);
  g_clear_pointer (&self->loader, loader_unref);
  g_clear_pointer (&self->load_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->save_error, g_free);
  g_clear_pointer (&self->load_problem, g_free);
  g_clear_object (&self->moved_aside_file);
  g_weak_ref_clear (&self->description.item);

  G_OBJECT_CLASS (mscos_library_parent_class)->finalize (object);
}

static void
mscos_library_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MscosLibrary *self = MSCOS_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, mscos_library_get_loaded (self));
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;

    case PROP_HAS_UNSAVED_CHANGES:
      g_value_set_boolean (value, has_unsaved_changes (self));
      break;

    case PROP_MOVED_ASIDE_FILE:
      g_value_set_object (value, self->moved_aside_file);
      break;

    case PROP_LOAD_PROBLEM:
      g_value_set_string (value, self->load_problem);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_NEWER_VERSION:
      g_value_set_boolean (value, self->newer_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_library_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MscosLibrary *self = MSCOS_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_READ_ONLY:
      self->read_only = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_library_class_init (MscosLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mscos_library_constructed;
  object_class->dispose = mscos_library_dispose;
  object_class->finalize = mscos_library_finalize;
  object_class->get_property = mscos_library_get_property;
  object_class->set_property = mscos_library_set_property;

  /**
   * MscosLibrary:file:
   *
   * The library file, "library.json" in the app's folder of user data.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibrary:loaded:
   *
   * Whether the file has been read and its entries are in the library.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibrary:save-error:
   *
   * A sentence for the user saying why the last save failed, or %NULL when it succeeded.
   */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibrary:has-unsaved-changes:
   *
   * Whether there are changes that are not on disk yet.
   */
  properties[PROP_HAS_UNSAVED_CHANGES] =
    g_param_spec_boolean ("has-unsaved-changes", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibrary:moved-aside-file:
   *
   * The file an unreadable library file was renamed to, or %NULL.
   */
  properties[PROP_MOVED_ASIDE_FILE] =
    g_param_spec_object ("moved-aside-file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibrary:load-problem:
   *
   * A sentence for the user saying what was wrong with the library file and where it was
   * kept, or %NULL.
   */
  properties[PROP_LOAD_PROBLEM] =
    g_param_spec_string ("load-problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibrary:read-only:
   *
   * Whether the library only reads its file: it never writes, renames or deletes a file, and
   * changes stay in memory.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibrary:newer-version:
   *
   * Whether the library file was written by a newer version of the app. It is then kept as it
   * is, and nothing is saved, until mscos_library_start_new().
   */
  properties[PROP_NEWER_VERSION] =
    g_param_spec_boolean ("newer-version", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MscosLibrary::saved:
   *
   * Emitted after each successful write of the library file.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
mscos_library_init (MscosLibrary *self)
{
  self->entries = g_list_store_new (MSCOS_TYPE_LIBRARY_ENTRY);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->records = g_ptr_array_new ();
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_library_record_unref);
  self->load_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_weak_ref_init (&self->description.item, NULL);
  self->quiet_ms = DEFAULT_QUIET_MS;
  self->max_ms = DEFAULT_MAX_MS;
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
 * mscos_library_get_file:
 * @self: a #MscosLibrary
 *
 * Returns: (transfer none): the library file
 */
GFile *
mscos_library_get_file (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);

  return self->file;
}

/**
 * mscos_library_load_async:
 * @self: a #MscosLibrary
 * @cancellable: (nullable): a #GCancellable; cancelling it does not stop the file being read
 * @callback: called when the library is loaded
 * @user_data: data for @callback
 *
 * Reads and checks the library file in a worker thread. A missing file is an empty library.
 * A file that cannot be read is set aside and reported through #MscosLibrary:load-problem;
 * that is not an error. Changes made before the file is read are merged with it.
 */
void
mscos_library_load_async (MscosLibrary        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (MSCOS_IS_LIBRARY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mscos_library_load_async);

  if (self->load_state == LOAD_DONE)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (self->load_waiters, g_steal_pointer (&task));
  start_loading (self);
}

/**
 * mscos_library_load_finish:
 * @self: a #MscosLibrary
 * @result: the #GAsyncResult
 * @error: the error, only %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE once the library is loaded
 */
gboolean
mscos_library_load_finish (MscosLibrary  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mscos_library_get_loaded:
 * @self: a #MscosLibrary
 *
 * Returns: whether the library file has been read
 */
gboolean
mscos_library_get_loaded (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), FALSE);

  return self->load_state == LOAD_DONE;
}

/**
 * mscos_library_get_entries:
 * @self: a #MscosLibrary
 *
 * Returns: (transfer none): a #GListModel of #MscosLibraryEntry: every entry with a bookmark,
 *   a note or both, in no particular order
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

  return find_entry (self, pack_id, item_id);
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

  entry = find_entry (self, pack_id, mscos_item_get_id (item));
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

  entry = find_entry (self, pack_id, mscos_item_get_id (item));
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
  entry = find_entry (self, record->pack_id, record->item_id);
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
 * Writes every change not saved yet, now: on quit. Waits for a load or a save under way in a
 * thread first. Does nothing when everything is saved.
 *
 * Returns: %TRUE when everything is on disk
 */
gboolean
mscos_library_flush (MscosLibrary  *self,
                     GError       **error)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->load_state != LOAD_DONE)
    apply_load_result (self, loader_run (self->loader));

  if (self->save_blocked && !self->read_only)
    {
      g_set_error_literal (error, MSCOS_LIBRARY_ERROR, MSCOS_LIBRARY_ERROR_BLOCKED,
                           self->save_error);
      return FALSE;
    }

  if (!has_unsaved_changes (self))
    return TRUE;

  if (!may_write (self))
    {
      g_set_error_literal (error, MSCOS_LIBRARY_ERROR, MSCOS_LIBRARY_ERROR_READ_ONLY,
                           self->read_only ? "The library was opened read-only"
                                           : "The library file was written by a newer version");
      return FALSE;
    }

  return write_now (self, error);
}

/**
 * mscos_library_get_saving:
 * @self: a #MscosLibrary
 *
 * Returns: whether a save is under way in a worker thread
 */
gboolean
mscos_library_get_saving (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), FALSE);

  return self->saving;
}

/**
 * mscos_library_get_newer_version:
 * @self: a #MscosLibrary
 *
 * Returns: whether the library file was written by a newer version of the app, and so is
 *   kept as it is and not saved to
 */
gboolean
mscos_library_get_newer_version (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), FALSE);

  return self->newer_version;
}

/**
 * mscos_library_dup_newer_version_destination:
 * @self: a #MscosLibrary whose file was written by a newer version
 *
 * Returns: (transfer full) (nullable): where mscos_library_start_new() would keep the newer
 *   version's file, "library.json.YYYYMMDD-HHMMSS.newer-version" beside it, to tell the user
 *   before they choose; %NULL when no such name is free
 */
GFile *
mscos_library_dup_newer_version_destination (MscosLibrary *self)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);

  path = g_file_get_path (self->file);
  target = find_aside_path (path, "newer-version");

  return target != NULL ? g_file_new_for_path (target) : NULL;
}

/**
 * mscos_library_start_new:
 * @self: a #MscosLibrary whose file was written by a newer version
 * @destination: where to keep that file, from mscos_library_dup_newer_version_destination()
 * @error: the error
 *
 * Renames the newer version's file to @destination, never replacing a file, and starts a new
 * library file with the entries shown now: what could be read, and the changes since.
 *
 * Returns: %TRUE when the file was set aside and saving starts
 */
gboolean
mscos_library_start_new (MscosLibrary  *self,
                         GFile         *destination,
                         GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (self->newer_version, FALSE);
  g_return_val_if_fail (!self->read_only, FALSE);

  path = g_file_get_path (self->file);
  target = g_file_get_path (destination);
  if (!rename_without_replacing (path, target, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  self->newer_version = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWER_VERSION]);
  if (g_set_str (&self->load_problem, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_PROBLEM]);
  note_change (self);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/**
 * mscos_library_get_save_error:
 * @self: a #MscosLibrary
 *
 * Returns: (nullable): why the last save failed, as a sentence for the user
 */
const char *
mscos_library_get_save_error (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);

  return self->save_error;
}

/**
 * mscos_library_get_has_unsaved_changes:
 * @self: a #MscosLibrary
 *
 * Returns: whether some changes are not on disk yet
 */
gboolean
mscos_library_get_has_unsaved_changes (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), FALSE);

  return has_unsaved_changes (self);
}

/**
 * mscos_library_get_moved_aside_file:
 * @self: a #MscosLibrary
 *
 * Returns: (transfer none) (nullable): where an unreadable library file was kept
 */
GFile *
mscos_library_get_moved_aside_file (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);

  return self->moved_aside_file;
}

/**
 * mscos_library_get_load_problem:
 * @self: a #MscosLibrary
 *
 * Returns: (nullable): what was wrong with the library file, as a sentence for the user
 */
const char *
mscos_library_get_load_problem (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);

  return self->load_problem;
}

/**
 * mscos_library_get_change_count:
 * @self: a #MscosLibrary
 *
 * Returns: how many changes were made to the library since it was created, for tests and
 *   diagnostics
 */
guint64
mscos_library_get_change_count (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), 0);

  return self->change_count;
}

/**
 * mscos_library_get_saved_change_count:
 * @self: a #MscosLibrary
 *
 * Returns: the change count (mscos_library_get_change_count()) that the file on disk holds:
 *   every change up to it is saved
 */
guint64
mscos_library_get_saved_change_count (MscosLibrary *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), 0);

  return self->saved_change_count;
}

/**
 * mscos_library_set_save_delays:
 * @self: a #MscosLibrary
 * @quiet_ms: how long after the last change a save starts (500 ms unless set)
 * @max_ms: how long after the first unsaved change a save starts at the latest, however
 *   busy the user is (3 s unless set)
 *
 * Changes when saves happen. The app keeps the defaults; tests and benchmarks use shorter
 * delays.
 */
void
mscos_library_set_save_delays (MscosLibrary *self,
                               guint         quiet_ms,
                               guint         max_ms)
{
  g_return_if_fail (MSCOS_IS_LIBRARY (self));

  self->quiet_ms = quiet_ms;
  self->max_ms = MAX (quiet_ms, max_ms);

  if (self->save_source != 0)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      schedule_save (self);
    }
}

/**
 * mscos_library_export_markdown:
 * @self: a #MscosLibrary
 * @pack: the content pack being read
 *
 * Writes the library as a Markdown document that can be sent as it is: a title naming the
 * pack, its revision and the date; then the entries under each outcome's title, outcomes and
 * items in the pack's order, each with the item's title, its quotation or summary, whether it
 * is bookmarked, whether it changed since, and the note; then the entries whose items are not
 * in @pack under "Not in this content pack". Text from the pack and notes are escaped, so
 * nothing in them can change the document's structure.
 *
 * Returns: (transfer full): the document
 */
char *
mscos_library_export_markdown (MscosLibrary     *self,
                               MscosContentPack *pack)
{
  g_autoptr (GHashTable) by_outcome = NULL;
  g_autoptr (GHashTable) found = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autofree char *about = NULL;
  ExportState state;
  GListModel *outcomes;
  GString *md;
  guint n;

  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), NULL);

  by_outcome = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  found = g_hash_table_new (NULL, NULL);
  state = (ExportState) {
    .self = self,
    .pack_id = mscos_content_pack_get_id (pack),
    .by_outcome = by_outcome,
    .found = found,
  };
  mscos_content_pack_foreach_item (pack, collect_item, &state);

  md = g_string_new (NULL);

  title = g_strdup_printf (_("Bookmarks and notes: %s"), mscos_content_pack_get_title (pack));
  append_heading (md, "#", title);

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%-d %B %Y");
  about = g_strdup_printf (_("Content pack “%s”, revision %s of %s. Exported on %s."),
                           mscos_content_pack_get_title (pack),
                           mscos_content_pack_get_revision (pack),
                           mscos_content_pack_get_date (pack),
                           today);
  append_escaped_block (md, about, "");

  outcomes = mscos_content_pack_get_outcomes (pack);
  n = g_list_model_get_n_items (outcomes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);
      GPtrArray *items = g_hash_table_lookup (by_outcome, mscos_outcome_get_id (outcome));

      if (items == NULL)
        continue;

      append_heading (md, "##", mscos_outcome_get_title (outcome));
      for (guint j = 0; j < items->len; j++)
        {
          MscosItem *item = g_ptr_array_index (items, j);

          append_item_entry (md, find_entry (self, state.pack_id, mscos_item_get_id (item)),
                             item, pack);
        }
    }

  missing = g_ptr_array_new ();
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      MscosLibraryEntry *entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      /* The store keeps its own reference. */
      g_object_unref (entry);
      if (!g_hash_table_contains (found, entry))
        g_ptr_array_add (missing, entry);
    }

  if (missing->len > 0)
    {
      g_ptr_array_sort_values (missing, compare_entries);
      append_heading (md, "##", _("Not in this content pack"));
      for (guint i = 0; i < missing->len; i++)
        append_missing_entry (md, g_ptr_array_index (missing, i), pack);
    }

  /* End with exactly one line break. */
  while (md->len > 0 && md->str[md->len - 1] == '\n')
    g_string_truncate (md, md->len - 1);
  g_string_append_c (md, '\n');

  return g_string_free (md, FALSE);
}

/**
 * mscos_library_export_json:
 * @self: a #MscosLibrary
 *
 * Returns: (transfer full): the whole library in the format of the library file
 */
char *
mscos_library_export_json (MscosLibrary *self)
{
  g_autoptr (GPtrArray) records = NULL;

  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);

  records = take_snapshot (self);

  return g_string_free (serialise_records (records), FALSE);
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
  if (!read_document (data, length, check, records, &newer) || newer
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
  date = g_date_time_format (now, "%Y-%m-%d");
  if (source_name != NULL)
    label = g_strdup_printf (_("Imported from %s on %s"), source_name, date);
  else
    label = g_strdup_printf (_("Imported on %s"), date);

  for (guint i = 0; i < records->len; i++)
    {
      MscosLibraryRecord *imported = g_ptr_array_index (records, i);
      MscosLibraryEntry *entry = find_entry (self, imported->pack_id, imported->item_id);
      MscosLibraryRecord *current = entry != NULL ? mscos_library_entry_get_record (entry) : NULL;
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
