/* mscos-json-check.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-json-check"

#include "config.h"

#include <string.h>

#include "mscos-json-check-private.h"

#define MAX_DOCUMENT_SIZE (64 * 1024 * 1024)
/* json-glib refuses documents nested deeper than this (JSON_PARSER_MAX_RECURSION_DEPTH). */
#define MAX_DOCUMENT_DEPTH 1024
/* How much of a value from the input a message quotes. */
#define MAX_QUOTED 48

/* How many values a document may hold, at most: MAX_VALUES_FLOOR, and one more for every
 * BYTES_PER_VALUE bytes of its text, an object counting as OBJECT_VALUES. Parsed by json-glib 1.10
 * and built into the model, each value takes up to 215 bytes and each object up to 860 on
 * x86-64, as measured with inputs like those of tests/perf/bench-loader-memory (a one-letter
 * string in a list: 188 bytes; {}: 321; a recommendation with its id and text: 1,269; a
 * quotation: 1,613). Reading a document that is refused after it was parsed then takes at most
 * 215 / 32 = 6.7 times its size for its values, once more for the copy of its text and once
 * for the document itself, plus 3.5 MB for the values every document may hold: under 10 times
 * its size from 3 MB. Real text needs far fewer values: the built-in pack holds one for every
 * 52 bytes (36 with its white space taken out). */
#define BYTES_PER_VALUE  32
/* The library and review files are denser than any pack: written without white space, a bookmark
 * of an item with a short title holds one value for every 15 bytes, a review comment one for
 * every 18 (tests/core/test-library.c, many-short-entries). */
#define BYTES_PER_DENSE_VALUE 8
#define OBJECT_VALUES    4
#define MAX_VALUES_FLOOR 16384

/* The control characters a string may not hold, in two sets of at most 16: glibc's strcspn()
 * looks for up to 16 characters many bytes at a time, and for more one byte at a time. The
 * line break, which text may hold, is looked for on its own. */
static const char control_characters_low[] =
  "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0b\x0c\x0d\x0e\x0f\x10";
static const char control_characters_high[] =
  "\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f";

/* One step of the path to the value being checked: a member name, or an array index when
 * the name is NULL. Steps are pushed and popped for every value, but the path is written out
 * only when a problem or an id needs it. */

/* An object or array open where the pre-scan is. */
typedef struct
{
  gboolean is_object;
  /* In an object: whether a member name comes next, and where the last one is in the text,
   * quotes included. In an array: the index of the element. */
  gboolean expects_name;
  gsize    name_start;
  gsize    name_length;
  guint    index;
} ScanFrame;

/* What the pre-scan learns of a document, without building anything. */
typedef struct
{
  gsize      n_members;
  /* Whether the text holds anything but white space, whether it holds a value, and where
   * the first one ends. */
  gboolean   has_text;
  gboolean   has_value;
  gsize      end;
  /* Where something other than white space follows the first value. */
  gboolean   has_trailing;
  gsize      trailing;
  /* Where the nesting went past MAX_DOCUMENT_DEPTH - 1 levels, or the values past the budget:
   * the pre-scan stops there. */
  gboolean   too_deep;
  gboolean   too_many_values;
  gsize      stop;
  /* "PATH: message" for each string that holds an escaped U+0000, which json-glib would cut
   * short there, at most MSCOS_JSON_MAX_PROBLEMS of them. */
  GPtrArray *nul_problems;
  gboolean   more_nul_problems;
} Scan;

static gboolean
is_plain_name (const char *name)
{
  if (*name == '\0')
    return FALSE;

  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

/* Appends @text to @out with every control character escaped as \uXXXX: C0, DEL and C1, any
 * of which a terminal may act on. @text is valid UTF-8. */
static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p++)
    {
      guchar c = *p;

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else if (c == 0xc2 && p + 1 < end && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f)
        g_string_append_printf (out, "\\u%04x", (guchar) *++p);
      else
        g_string_append_c (out, c);
    }
}

/* Returns @value ready to be put in a message: quoted, shortened at a character boundary, and
 * with control characters, quotes and backslashes escaped. Parsed strings are valid UTF-8. */
char *
mscos_json_check_quote_value (const char *value)
{
  GString *quoted = g_string_new ("\"");
  const char *end = value + strlen (value);
  gboolean shortened = FALSE;

  if (end - value > MAX_QUOTED)
    {
      end = value + MAX_QUOTED;
      while (end > value && ((guchar) *end & 0xc0) == 0x80)
        end--;
      shortened = TRUE;
    }

  for (const char *p = value; p < end; p++)
    {
      const char *run = p;

      while (p < end && *p != '"' && *p != '\\')
        p++;
      append_escaped (quoted, run, p - run);
      if (p < end)
        g_string_append_printf (quoted, "\\%c", *p);
    }

  g_string_append (quoted, shortened ? "…\"" : "\"");

  return g_string_free (quoted, FALSE);
}

/* Returns the length of the start of @string that holds no control character. */
gsize
mscos_json_check_span_plain (const char *string)
{
  gsize low = strcspn (string, control_characters_low);
  gsize high = strcspn (string, control_characters_high);

  return MIN (low, high);
}

/* Returns the path of the current steps, writing out those not written yet. */
static const char *
write_path (MscosJsonCheck *check)
{
  for (; check->n_written < check->n_steps; check->n_written++)
    {
      PathStep *step = &check->steps[check->n_written];

      step->offset = check->path->len;
      if (step->name == NULL)
        {
          g_string_append_printf (check->path, "[%u]", step->index);
        }
      else if (is_plain_name (step->name))
        {
          if (check->path->len > 0)
            g_string_append_c (check->path, '.');
          g_string_append (check->path, step->name);
        }
      else
        {
          g_autofree char *quoted = mscos_json_check_quote_value (step->name);

          g_string_append_printf (check->path, "[%s]", quoted);
        }
    }

  return check->path->str;
}

const char *
mscos_json_check_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return "a string";
        if (type == G_TYPE_BOOLEAN)
          return "true or false";
        return "a number";
      }
    default:
      return "something else";
    }
}

/* Records @problem, a whole "PATH: message" line, as it is. */
static void
add_problem (MscosJsonCheck *check,
             char           *problem)
{
  check->n_problems++;
  if (check->problems->len < MSCOS_JSON_MAX_PROBLEMS)
    g_ptr_array_add (check->problems, problem);
  else
    g_free (problem);
}

static void
line_and_column (const char *data,
                 gsize       offset,
                 guint      *line,
                 guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        {
          (*column)++;
        }
    }
}

static void
problem_at (MscosJsonCheck *check,
            const char     *data,
            gsize           offset,
            const char     *message)
{
  guint line, column;

  line_and_column (data, offset, &line, &column);
  add_problem (check, g_strdup_printf ("line %u, column %u: %s", line, column, message));
}

/* Returns the member name that starts at @name in the text, quotes included: json-glib
 * unescapes it, as it does when it builds the tree. */
static char *
read_name (const char *name,
           gsize       length)
{
  g_autoptr (JsonParser) parser = NULL;

  /* The name of a member the pre-scan has not come to yet, in text that is not JSON. */
  if (length < 2)
    return g_strdup ("");

  if (memchr (name, '\\', length) == NULL)
    return g_strndup (name + 1, length - 2);

  parser = json_parser_new ();
  json_parser_set_strict (parser, TRUE);
  if (!json_parser_load_from_data (parser, name, length, NULL)
      || !JSON_NODE_HOLDS_VALUE (json_parser_get_root (parser)))
    return g_strndup (name + 1, length - 2);

  return json_node_dup_string (json_parser_get_root (parser));
}

/* Records that the string the pre-scan is at, inside @frames, holds an escaped U+0000, with
 * the path json-glib's tree would give it: the member or element it is, or for a member name,
 * the object. @check lends its path; it is left as it was. */
static void
record_nul (MscosJsonCheck  *check,
            Scan            *scan,
            const char      *data,
            const ScanFrame *frames,
            guint            depth,
            gboolean         is_name)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gsize mark = check->n_steps;
  guint n_steps = is_name ? depth - 1 : depth;

  if (scan->nul_problems->len == MSCOS_JSON_MAX_PROBLEMS)
    {
      scan->more_nul_problems = TRUE;
      return;
    }

  for (guint i = 0; i < n_steps; i++)
    {
      if (frames[i].is_object)
        {
          char *name = read_name (data + frames[i].name_start, frames[i].name_length);

          g_ptr_array_add (names, name);
          mscos_json_check_push_member (check, name);
        }
      else
        {
          mscos_json_check_push_index (check, frames[i].index);
        }
    }

  write_path (check);
  g_ptr_array_add (scan->nul_problems,
                   g_strdup_printf ("%s%s%s control character (U+0000)",
                                    check->path->str, check->path->len > 0 ? ": " : "",
                                    is_name ? "a member name holds a" : "holds a"));
  mscos_json_check_pop (check, mark);
}

/* Whether the string between @start and @end, its quotes left out, holds the escape \u0000. */
static gboolean
holds_nul_escape (const char *start,
                  const char *end)
{
  const char *p = start;

  while ((p = memmem (p, end - p, "\\u0000", 6)) != NULL)
    {
      const char *backslash = p;

      /* An escape only if its backslash is not itself escaped. */
      while (backslash > start && backslash[-1] == '\\')
        backslash--;
      if ((p - backslash) % 2 == 0)
        return TRUE;
      p++;
    }

  return FALSE;
}

/* Reads @data once without building anything, to learn what parsing it would take: how many
 * members and values it holds, how deep it nests, where its first value ends, and which strings
 * hold an escaped U+0000. It follows the JSON grammar only as far as this needs: for text that
 * is not JSON, which json-glib then refuses, what it finds may be wrong, but it stays within
 * @data.
 *
 * json-glib cannot do this: JsonParser builds every node before anyone can look at it, and its
 * scanner is private. Built, a million empty objects (3 MB of text) take 330 MB and 0.7 s of
 * json-glib's time; this scan refuses them in under a millisecond, and reads a 10 MB pack of
 * text in 6 ms, 4% of what json-glib takes to parse it. */
static void
scan_document (MscosJsonCheck *check,
               const char     *data,
               gsize           length,
               Scan           *scan)
{
  g_autofree ScanFrame *frames = g_new (ScanFrame, MAX_DOCUMENT_DEPTH);
  const char *p = data;
  const char *end = data + length;
  gsize max_values = MAX_VALUES_FLOOR + length / check->bytes_per_value;
  gsize n_values = 0;
  guint depth = 0;
  gboolean in_scalar = FALSE;
  /* The escape is rare: strings are looked into only when it is somewhere in the text. */
  gboolean look_for_nul = memmem (data, length, "\\u0000", 6) != NULL;

  for (; p < end; p++)
    {
      char c = *p;

      if (in_scalar)
        {
          if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':'
              && c != '"' && c != '{' && c != '}' && c != '[' && c != ']')
            continue;

          in_scalar = FALSE;
          if (depth == 0)
            scan->end = p - data;
        }

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;

      scan->has_text = TRUE;

      /* Anything after the first value is too much. */
      if (scan->has_value && depth == 0)
        {
          scan->has_trailing = TRUE;
          scan->trailing = p - data;
          return;
        }

      switch (c)
        {
        case '"':
          {
            const char *start = p;
            gboolean is_name;

            /* Most of a pack is text: find the closing quote with memchr(), which is much
             * faster than looking at each byte. A quote ends the string when an even number
             * of backslashes precedes it. */
            for (;;)
              {
                const char *quote = memchr (p + 1, '"', end - (p + 1));
                const char *backslashes = quote;

                /* An unterminated string runs to the end: nothing more to count. */
                if (quote == NULL)
                  return;

                while (backslashes[-1] == '\\')
                  backslashes--;
                p = quote;
                if ((quote - backslashes) % 2 == 0)
                  break;
              }

            is_name = depth > 0 && frames[depth - 1].is_object && frames[depth - 1].expects_name;
            if (is_name)
              {
                frames[depth - 1].expects_name = FALSE;
                frames[depth - 1].name_start = start - data;
                frames[depth - 1].name_length = p + 1 - start;
              }
            else
              {
                n_values++;
                if (depth == 0)
                  {
                    scan->has_value = TRUE;
                    scan->end = p + 1 - data;
                  }
              }

            if (look_for_nul && holds_nul_escape (start + 1, p))
              record_nul (check, scan, data, frames, depth, is_name);
          }
          break;

        case '{':
        case '[':
          if (depth == MAX_DOCUMENT_DEPTH - 1)
            {
              scan->too_deep = TRUE;
              scan->stop = p - data;
              return;
            }
          frames[depth] = (ScanFrame) { .is_object = c == '{', .expects_name = c == '{' };
          depth++;
          n_values += c == '{' ? OBJECT_VALUES : 1;
          break;

        case '}':
        case ']':
          if (depth > 0)
            {
              depth--;
              if (depth == 0)
                {
                  scan->has_value = TRUE;
                  scan->end = p + 1 - data;
                }
            }
          break;

        case ',':
          if (depth > 0)
            {
              if (frames[depth - 1].is_object)
                frames[depth - 1].expects_name = TRUE;
              else
                frames[depth - 1].index++;
            }
          break;

        case ':':
          scan->n_members++;
          break;

        default:
          /* A number, true, false or null, or what json-glib will refuse. */
          in_scalar = TRUE;
          n_values++;
          if (depth == 0)
            scan->has_value = TRUE;
          break;
        }

      if (n_values > max_values)
        {
          scan->too_many_values = TRUE;
          scan->stop = p - data;
          return;
        }
    }

  if (in_scalar && depth == 0)
    scan->end = length;
}

static gboolean
is_container (JsonNode *node)
{
  JsonNodeType type = JSON_NODE_TYPE (node);

  return type == JSON_NODE_OBJECT || type == JSON_NODE_ARRAY;
}

static gsize
count_tree_members (JsonNode *node)
{
  gsize n = 0;

  /* The order does not matter here: the unordered iterator walks the hash table without
   * looking each member up again, and only objects and arrays hold members. */
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      JsonNode *member;

      n = json_object_get_size (object);
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, NULL, &member))
        if (is_container (member))
          n += count_tree_members (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);

      for (guint i = 0; i < length; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (is_container (element))
            n += count_tree_members (element);
        }
    }

  return n;
}

static void
parser_object_member_cb (JsonParser     *parser,
                         JsonObject     *object,
                         const char     *name,
                         MscosJsonCheck *check)
{
  guint size = json_object_get_size (object);
  guint previous = GPOINTER_TO_UINT (g_hash_table_lookup (check->sizes, object));

  if (size == previous)
    {
      GPtrArray *names = g_hash_table_lookup (check->duplicates, object);

      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (check->duplicates, object, names);
        }
      g_ptr_array_add (names, g_strdup (name));
    }

  g_hash_table_insert (check->sizes, object, GUINT_TO_POINTER (size));
}

static void
report_parse_error (MscosJsonCheck *check,
                    const char     *data,
                    gsize           length,
                    const GError   *error)
{
  g_autofree char *valid = NULL;
  g_autoptr (GString) message = NULL;
  const char *invalid = NULL;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      if (*invalid == '\0')
        problem_at (check, data, invalid - data, "the file holds a NUL byte");
      else
        problem_at (check, data, invalid - data, "the file is not valid UTF-8 text");
      return;
    }

  /* json-glib quotes the string where it stopped, as it is, control characters and all, cut
   * to a number of bytes that can fall inside a character. */
  valid = g_utf8_make_valid (error->message, -1);
  message = g_string_new (NULL);

  /* json-glib's messages start with "<data>:LINE:COLUMN: ". */
  if (g_str_has_prefix (valid, "<data>:"))
    {
      g_auto (GStrv) parts = g_strsplit (valid + strlen ("<data>:"), ":", 3);

      if (g_strv_length (parts) == 3)
        {
          g_string_append_printf (message, "line %s, column %s: this is not valid JSON (",
                                  parts[0], parts[1]);
          g_strstrip (parts[2]);
          append_escaped (message, parts[2], strlen (parts[2]));
          g_string_append_c (message, ')');
          add_problem (check, g_string_free (g_steal_pointer (&message), FALSE));
          return;
        }
    }

  g_string_append (message, "this is not valid JSON (");
  append_escaped (message, valid, strlen (valid));
  g_string_append_c (message, ')');
  add_problem (check, g_string_free (g_steal_pointer (&message), FALSE));
}

/**
 * mscos_json_check_new:
 *
 * Creates a check that collects the problems found in one JSON document.
 *
 * Returns: (transfer full): a new check
 */
MscosJsonCheck *
mscos_json_check_new (void)
{
  MscosJsonCheck *check = g_new0 (MscosJsonCheck, 1);

  check->path = g_string_new (NULL);
  check->problems = g_ptr_array_new_with_free_func (g_free);
  check->name = g_strdup ("document");
  check->bytes_per_value = BYTES_PER_VALUE;
  check->duplicates = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  check->sizes = g_hash_table_new (NULL, NULL);

  return check;
}

void
mscos_json_check_free (MscosJsonCheck *check)
{
  if (check == NULL)
    return;

  g_free (check->steps);
  g_string_free (check->path, TRUE);
  g_ptr_array_unref (check->problems);
  g_free (check->name);
  g_hash_table_unref (check->duplicates);
  g_hash_table_unref (check->sizes);
  g_free (check);
}

/**
 * mscos_json_check_allow_dense_values:
 * @check: a #MscosJsonCheck
 *
 * Lets the document hold one value for every BYTES_PER_DENSE_VALUE bytes of its text instead
 * of every BYTES_PER_VALUE, for the files this app writes itself: the user's library and review
 * comments, where short records of many members are the ordinary case. Reading such a file
 * that is refused after parsing may then take up to 215 / 8 = 27 times its size.
 */
void
mscos_json_check_allow_dense_values (MscosJsonCheck *check)
{
  g_return_if_fail (check != NULL);

  check->bytes_per_value = BYTES_PER_DENSE_VALUE;
}

/**
 * mscos_json_check_set_document_name:
 * @check: a #MscosJsonCheck
 * @name: what the document is, as messages call it: "pack"
 */
void
mscos_json_check_set_document_name (MscosJsonCheck *check,
                                    const char     *name)
{
  g_return_if_fail (check != NULL);
  g_return_if_fail (name != NULL);

  g_free (check->name);
  check->name = g_strdup (name);
}

static JsonParser *
load_strictly (MscosJsonCheck  *check,
               const char      *data,
               gsize            length,
               gboolean         find_duplicates)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  /* Only JSON: no comments, single quotes, unknown escapes or second top-level values,
   * which json-glib otherwise accepts, changing the text silently. */
  json_parser_set_strict (parser, TRUE);
  if (find_duplicates)
    g_signal_connect (parser, "object-member", G_CALLBACK (parser_object_member_cb), check);

  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      report_parse_error (check, data, length, error);
      return NULL;
    }

  g_hash_table_remove_all (check->sizes);

  return g_steal_pointer (&parser);
}

static JsonNode *
parse_document (MscosJsonCheck *check,
                const char     *data,
                gsize           length,
                gboolean        find_duplicates)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GPtrArray) nul_problems = g_ptr_array_new_with_free_func (g_free);
  Scan scan = { .nul_problems = nul_problems };
  gsize parsed_length;

  /* Some editors begin UTF-8 files with a byte order mark, which JSON does not allow. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length > MAX_DOCUMENT_SIZE)
    {
      mscos_json_check_problem (check, "the file is larger than %u MB", MAX_DOCUMENT_SIZE >> 20);
      return NULL;
    }

  /* What the text would take is known before json-glib builds anything. */
  scan_document (check, data, length, &scan);

  if (scan.too_deep)
    {
      g_autofree char *message = g_strdup_printf ("nested more than %u levels deep",
                                                  MAX_DOCUMENT_DEPTH - 1);

      problem_at (check, data, scan.stop, message);
      return NULL;
    }

  if (scan.too_many_values)
    {
      g_autofree char *message = g_strdup_printf ("the file holds more values than a %s of its "
                                                  "size can need", check->name);

      problem_at (check, data, scan.stop, message);
      return NULL;
    }

  if (!scan.has_text)
    {
      mscos_json_check_problem (check, "the file is empty");
      return NULL;
    }

  /* json-glib would refuse a second value only after building it: the first is parsed on its
   * own, and what follows it is a problem of its own. */
  parsed_length = scan.has_trailing ? scan.end : length;
  parser = load_strictly (check, data, parsed_length, FALSE);
  if (parser == NULL)
    return NULL;

  /* Text after the value makes the file something other than JSON, whatever the value is. */
  if (scan.has_trailing)
    {
      g_autofree char *message = g_strdup_printf ("unexpected data after the end of the %s",
                                                  check->name);

      problem_at (check, data, scan.trailing, message);
      return NULL;
    }

  /* json-glib ends a string at an escaped U+0000 and drops the rest silently. */
  if (nul_problems->len > 0)
    {
      for (guint i = 0; i < nul_problems->len; i++)
        add_problem (check, g_steal_pointer (&nul_problems->pdata[i]));
      if (scan.more_nul_problems)
        check->n_problems++;
      return NULL;
    }

  check->n_text_members = scan.n_members;

  /* json-glib keeps the last of repeated members silently. Counting members in the text is
   * cheap; only when the count disagrees with the tree is the document parsed again while
   * watching each member go in. */
  if (find_duplicates && scan.n_members != count_tree_members (json_parser_get_root (parser)))
    {
      g_clear_object (&parser);
      parser = load_strictly (check, data, parsed_length, TRUE);
      if (parser == NULL)
        return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/**
 * mscos_json_check_parse:
 * @check: a #MscosJsonCheck
 * @data: the document
 * @length: its length in bytes
 *
 * Parses @data as strict JSON, refusing before it is parsed a document that nests too deep or
 * holds more values than a document of its size can need (see docs/content-pack.md). Problems
 * that stop parsing are recorded with their line and column; members that appear more than
 * once in an object are remembered and reported by mscos_json_check_members() when the object
 * is checked.
 *
 * Returns: (transfer full) (nullable): the document's root, or %NULL
 */
JsonNode *
mscos_json_check_parse (MscosJsonCheck *check,
                        const char     *data,
                        gsize           length)
{
  g_return_val_if_fail (check != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return parse_document (check, data, length, TRUE);
}

/**
 * mscos_json_check_parse_deferred:
 * @check: a #MscosJsonCheck
 * @data: the document
 * @length: its length in bytes
 *
 * Parses @data like mscos_json_check_parse(), but leaves finding repeated members until the
 * document has been checked, which spares a walk over the whole tree. This is for a caller
 * that gives each object of the document to mscos_json_check_members() at most once: when
 * it has done so, mscos_json_check_may_have_duplicates() tells whether repeated members can
 * have gone unreported, and if so, the caller checks the document again from the start, with
 * a new #MscosJsonCheck and mscos_json_check_parse().
 *
 * Returns: (transfer full) (nullable): the document's root, or %NULL
 */
JsonNode *
mscos_json_check_parse_deferred (MscosJsonCheck *check,
                                 const char     *data,
                                 gsize           length)
{
  g_return_val_if_fail (check != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return parse_document (check, data, length, FALSE);
}

/**
 * mscos_json_check_may_have_duplicates:
 * @check: a #MscosJsonCheck that parsed @root with mscos_json_check_parse_deferred()
 * @root: the document's root
 *
 * Returns: whether json-glib may have dropped repeated members of @root, which are then
 *   reported only by checking the document again with mscos_json_check_parse()
 */
gboolean
mscos_json_check_may_have_duplicates (MscosJsonCheck *check,
                                      JsonNode       *root)
{
  g_return_val_if_fail (check != NULL, TRUE);
  g_return_val_if_fail (root != NULL, TRUE);

  /* The objects checked hold no more members than the tree, which holds no more than the
   * text: when the first and the last agree, no member was lost, and the tree need not be
   * walked again. */
  if (check->n_checked_members == check->n_text_members)
    return FALSE;

  return count_tree_members (root) != check->n_text_members;
}

gboolean
mscos_json_check_failed (MscosJsonCheck *check)
{
  g_return_val_if_fail (check != NULL, TRUE);

  return check->n_problems > 0;
}

guint
mscos_json_check_n_problems (MscosJsonCheck *check)
{
  g_return_val_if_fail (check != NULL, 0);

  return check->n_problems;
}

/**
 * mscos_json_check_is_full:
 * @check: a #MscosJsonCheck
 *
 * Returns: whether more problems were found than a message lists
 *   (%MSCOS_JSON_MAX_PROBLEMS): a caller may stop checking there
 */
gboolean
mscos_json_check_is_full (MscosJsonCheck *check)
{
  g_return_val_if_fail (check != NULL, TRUE);

  return check->n_problems > MSCOS_JSON_MAX_PROBLEMS;
}

/**
 * mscos_json_check_to_message:
 * @check: a #MscosJsonCheck
 *
 * Returns: (transfer full): every problem, one a line, as "PATH: message", up to
 *   %MSCOS_JSON_MAX_PROBLEMS of them
 */
char *
mscos_json_check_to_message (MscosJsonCheck *check)
{
  GString *message = g_string_new (NULL);

  g_return_val_if_fail (check != NULL, NULL);

  for (guint i = 0; i < check->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (check->problems, i));
    }

  /* The problems beyond those listed are not counted: a caller may have stopped looking. */
  if (check->n_problems > check->problems->len)
    g_string_append_printf (message, "\n…and more problems; only the first %u are listed",
                            check->problems->len);

  return g_string_free (message, FALSE);
}

void
mscos_json_check_problem (MscosJsonCheck *check,
                          const char     *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (check != NULL);

  if (check->problems->len >= MSCOS_JSON_MAX_PROBLEMS)
    {
      check->n_problems++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (*write_path (check) != '\0')
    add_problem (check, g_strdup_printf ("%s: %s", check->path->str, message));
  else
    add_problem (check, g_steal_pointer (&message));
}

static gsize
push_step (MscosJsonCheck *check,
           const char     *name,
           guint           index)
{
  if (check->n_steps == check->n_allocated_steps)
    {
      check->n_allocated_steps = MAX (16, 2 * check->n_allocated_steps);
      check->steps = g_renew (PathStep, check->steps, check->n_allocated_steps);
    }

  check->steps[check->n_steps] = (PathStep) { name, index, 0 };

  return check->n_steps++;
}

/**
 * mscos_json_check_push_member:
 * @check: a #MscosJsonCheck
 * @name: a member name, which must stay valid until the step is popped
 *
 * Appends `.name` to the current path.
 *
 * Returns: the mark to give to mscos_json_check_pop() to return to the previous path
 */
gsize
mscos_json_check_push_member (MscosJsonCheck *check,
                              const char     *name)
{
  return push_step (check, name, 0);
}

gsize
mscos_json_check_push_index (MscosJsonCheck *check,
                             guint           index)
{
  return push_step (check, NULL, index);
}

void
mscos_json_check_pop (MscosJsonCheck *check,
                      gsize           mark)
{
  g_return_if_fail (mark <= check->n_steps);

  if (check->n_written > mark)
    {
      g_string_truncate (check->path, check->steps[mark].offset);
      check->n_written = mark;
    }
  check->n_steps = mark;
}

const char *
mscos_json_check_path (MscosJsonCheck *check)
{
  return write_path (check);
}
