/* mscos-library-json.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library file's format (docs/library-format.md), read and written:
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
 *         "excerpt": "You have to feel…",         its words or summary then (optional)
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
 * TIME is ISO 8601 in UTC with microseconds ("2026-11-28T10:15:00.123456Z"); any ISO 8601 time
 * with a zone is read. Ids are as in content
 * packs: lower-case words joined by '-' or '.', at most 128 bytes. There is at most one entry
 * per (pack, item) and each has a bookmark, a note or both; entries are written sorted by pack
 * and item. Members not listed here are errors. Files come from other computers too (import),
 * so every value is read through mscos-json-check.h, which checks its type first. */

#define G_LOG_DOMAIN "mscos-library"

#include "config.h"

#include "mscos-library-private.h"

#include <string.h>

#include <glib/gi18n.h>

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
  record->outcome_id = g_strdup (mscos_json_check_string_member (check, object, "outcome",
                                                                 MSCOS_JSON_ID));
  record->item_kind = g_strdup (mscos_json_check_string_member (check, object, "kind",
                                                                MSCOS_JSON_LINE));
  record->item_title = read_text_member (check, object, "title", 0);
  record->excerpt = read_text_member (check, object, "excerpt", 0);
  record->digest = g_strdup (mscos_json_check_string_member (check, object, "digest",
                                                             MSCOS_JSON_LINE));
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
gboolean
mscos_library_json_read (const char     *data,
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
          key = mscos_library_make_key (record->pack_id, record->item_id);
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
                mscos_library_record_merge (first, record, _("From a second copy of this entry"));
              mscos_library_record_unref (first);
            }
        }
      mscos_json_check_pop (check, index_length);
    }
  mscos_json_check_pop (check, path_length);

  return TRUE;
}

/* Writing ------------------------------------------------------------------------------ */

/* The library file is written by hand rather than with JsonBuilder and JsonGenerator (and
 * g_date_time_format_iso8601()), because those are much slower at it, and a save of the
 * user's words should be as quick as the disk lets it be. Measured with bench-library
 * (10,000 notes, 11 MB, release build): the snapshot and JSON text took 388 ms with
 * JsonBuilder, JsonGenerator and g_date_time_format_iso8601(), and a whole save 368 ms
 * (7.8x a bare g_file_set_contents_full() of as many bytes); written here, 33 ms and 88 ms
 * (1.8x). What it writes is what JsonGenerator would, but for white space: the reader is
 * json-glib's. */

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

/* Sorts @records and returns the library file's text. Runs in the thread that saves. */
GBytes *
mscos_library_json_write (GPtrArray *records)
{
  GString *json = g_string_sized_new (256 + records->len * 640);

  g_ptr_array_sort_values (records, mscos_library_record_compare);

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

  return g_string_free_to_bytes (json);
}
