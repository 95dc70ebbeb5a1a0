/* mscos-json-check.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-json-check"

#include "config.h"

#include <string.h>

#include "mscos-json-check.h"

#define MAX_DOCUMENT_SIZE (64 * 1024 * 1024)
/* json-glib refuses documents nested deeper than this. */
#define MAX_DOCUMENT_DEPTH 1024
/* How much of a value from the input a message quotes. */
#define MAX_QUOTED 48

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
typedef struct
{
  const char *name;
  guint       index;
  /* The length of the written path before this step, once it is written. */
  gsize       offset;
} PathStep;

struct _MscosJsonCheck
{
  /* Pushing and popping steps is much of what a check does: a plain array costs less than a
   * GArray. */
  PathStep   *steps;
  gsize       n_steps;
  gsize       n_allocated_steps;
  /* The path of the first n_written steps. */
  GString    *path;
  gsize       n_written;
  GPtrArray  *problems;
  guint       n_problems;
  /* JsonObject → GPtrArray of member names that appeared more than once in it. */
  GHashTable *duplicates;
  /* JsonObject → its size after its last member signal, while re-parsing for duplicates. */
  GHashTable *sizes;
  /* How many members the text holds, whether that count can be trusted, and how many members
   * the objects given to mscos_json_check_members() hold. */
  gsize       n_text_members;
  gboolean    text_count_exact;
  gsize       n_checked_members;
};

typedef struct
{
  gsize    n_members;
  /* FALSE when the text has comments or single-quoted strings, which json-glib accepts and
   * this count does not follow: the count can then be off either way. */
  gboolean exact;
  guint    max_depth;
  gsize    deepest_offset;
} LexicalCount;

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

/* Returns @value ready to be put in a message: quoted, shortened at a character boundary, and
 * with control characters, quotes and backslashes escaped. Parsed strings are valid UTF-8. */
static char *
quote_value (const char *value)
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
      if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_printf (quoted, "\\u%04x", (guchar) *p);
      else if (*p == '"' || *p == '\\')
        g_string_append_printf (quoted, "\\%c", *p);
      else
        g_string_append_c (quoted, *p);
    }

  g_string_append (quoted, shortened ? "…\"" : "\"");

  return g_string_free (quoted, FALSE);
}

/* Returns the length of the start of @string that holds no control character. */
static gsize
span_to_control_character (const char *string)
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
          g_autofree char *quoted = quote_value (step->name);

          g_string_append_printf (check->path, "[%s]", quoted);
        }
    }

  return check->path->str;
}

static const char *
describe_node (JsonNode *node)
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

/* Counts the members of every object in @data without building anything, and finds how deep
 * it nests: enough to tell whether the parsed tree lost members to duplicate keys, and to name
 * the real reason when json-glib refuses a deeply nested document. Each member in the tree
 * has its ':' in the text, so unless the count is inexact, the tree never holds more. */
static void
count_lexically (const char   *data,
                 gsize         length,
                 LexicalCount *count)
{
  const char *p = data;
  const char *end = data + length;
  guint depth = 0;

  memset (count, 0, sizeof *count);
  count->exact = TRUE;

  while (p < end)
    {
      switch (*p)
        {
        case '"':
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
          break;
        case '{':
        case '[':
          depth++;
          if (depth > count->max_depth)
            {
              count->max_depth = depth;
              count->deepest_offset = p - data;
            }
          break;
        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;
        case ':':
          count->n_members++;
          break;
        case '/':
        case '\'':
          count->exact = FALSE;
          break;
        default:
          break;
        }
      p++;
    }
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
  g_autofree char *message = NULL;
  const char *invalid = NULL;
  LexicalCount count;
  guint line, column;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      line_and_column (data, invalid - data, &line, &column);
      if (*invalid == '\0')
        mscos_json_check_problem (check, "line %u, column %u: the file holds a NUL byte", line, column);
      else
        mscos_json_check_problem (check, "line %u, column %u: the file is not valid UTF-8 text",
                                  line, column);
      return;
    }

  count_lexically (data, length, &count);
  if (count.max_depth >= MAX_DOCUMENT_DEPTH)
    {
      line_and_column (data, count.deepest_offset, &line, &column);
      mscos_json_check_problem (check, "line %u, column %u: nested more than %u levels deep",
                                line, column, MAX_DOCUMENT_DEPTH - 1);
      return;
    }

  /* json-glib quotes the string where it stopped, cut to a number of bytes that can fall
   * inside a character. */
  message = g_utf8_make_valid (error->message, -1);

  /* json-glib's messages start with "<data>:LINE:COLUMN: ". */
  if (g_str_has_prefix (message, "<data>:"))
    {
      g_auto (GStrv) parts = g_strsplit (message + strlen ("<data>:"), ":", 3);

      if (g_strv_length (parts) == 3)
        {
          mscos_json_check_problem (check, "line %s, column %s: this is not valid JSON (%s)",
                                    parts[0], parts[1], g_strstrip (parts[2]));
          return;
        }
    }

  mscos_json_check_problem (check, "this is not valid JSON (%s)", message);
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
  g_hash_table_unref (check->duplicates);
  g_hash_table_unref (check->sizes);
  g_free (check);
}

static JsonNode *
parse_document (MscosJsonCheck *check,
                const char     *data,
                gsize           length,
                gboolean        find_duplicates)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) error = NULL;
  LexicalCount count;

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

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      report_parse_error (check, data, length, error);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      mscos_json_check_problem (check, "the file is empty");
      return NULL;
    }

  count_lexically (data, length, &count);
  check->n_text_members = count.n_members;
  check->text_count_exact = count.exact;

  /* json-glib keeps the last of repeated members silently. Counting members in the text is
   * cheap; only when the count disagrees with the tree is the document parsed again while
   * watching each member go in. */
  if (find_duplicates && count.n_members != count_tree_members (json_parser_get_root (parser)))
    {
      g_clear_object (&parser);
      parser = json_parser_new ();
      g_signal_connect (parser, "object-member", G_CALLBACK (parser_object_member_cb), check);
      if (!json_parser_load_from_data (parser, data, length, &error))
        {
          report_parse_error (check, data, length, error);
          return NULL;
        }
      g_hash_table_remove_all (check->sizes);
    }

  return json_node_ref (json_parser_get_root (parser));
}

/**
 * mscos_json_check_parse:
 * @check: a #MscosJsonCheck
 * @data: the document
 * @length: its length in bytes
 *
 * Parses @data. Problems that stop parsing are recorded with their line and column; members
 * that appear more than once in an object are remembered and reported by
 * mscos_json_check_members() when the object is checked.
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
  if (check->text_count_exact && check->n_checked_members == check->n_text_members)
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
 * mscos_json_check_to_message:
 * @check: a #MscosJsonCheck
 *
 * Returns: (transfer full): every problem, one a line, as "PATH: message"
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

  if (check->n_problems > check->problems->len)
    g_string_append_printf (message, "\n…and %u more problems",
                            check->n_problems - check->problems->len);

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

  check->n_problems++;
  if (check->problems->len >= MSCOS_JSON_MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (*write_path (check) != '\0')
    g_ptr_array_add (check->problems, g_strdup_printf ("%s: %s", check->path->str, message));
  else
    g_ptr_array_add (check->problems, g_steal_pointer (&message));
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

/**
 * mscos_json_check_members:
 * @check: a #MscosJsonCheck
 * @object: an object of the document
 * @allowed: (array zero-terminated=1): the member names @object may have
 *
 * Records a problem for each member of @object that is not in @allowed, and for each member
 * that appeared more than once in the text. Give each object to it at most once (see
 * mscos_json_check_parse_deferred()).
 */
void
mscos_json_check_members (MscosJsonCheck    *check,
                          JsonObject        *object,
                          const char *const *allowed)
{
  GPtrArray *duplicates;
  JsonObjectIter iter;
  gboolean all_known = TRUE;
  const char *name;

  check->n_checked_members += json_object_get_size (object);

  /* Unknown members are reported in the order they were written, but looking for one needs
   * no order, and the unordered iterator does not look each member up again. */
  json_object_iter_init (&iter, object);
  while (all_known && json_object_iter_next (&iter, &name, NULL))
    all_known = g_strv_contains (allowed, name);

  if (!all_known)
    {
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, NULL))
        {
          if (!g_strv_contains (allowed, name))
            {
              g_autofree char *quoted = quote_value (name);

              mscos_json_check_problem (check, "unknown member %s", quoted);
            }
        }
    }

  duplicates = g_hash_table_size (check->duplicates) > 0
    ? g_hash_table_lookup (check->duplicates, object)
    : NULL;
  if (duplicates != NULL)
    {
      for (guint i = 0; i < duplicates->len; i++)
        {
          g_autofree char *quoted = quote_value (g_ptr_array_index (duplicates, i));

          mscos_json_check_problem (check, "the member %s appears more than once", quoted);
        }
    }
}

JsonObject *
mscos_json_check_object (MscosJsonCheck *check,
                         JsonNode       *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mscos_json_check_problem (check, "expected an object, found %s", describe_node (node));
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonNode *
get_member (MscosJsonCheck *check,
            JsonObject     *object,
            const char     *name,
            MscosJsonFlags  flags)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && (flags & MSCOS_JSON_REQUIRED))
    mscos_json_check_problem (check, "the required member \"%s\" is missing", name);

  return node;
}

JsonObject *
mscos_json_check_object_member (MscosJsonCheck *check,
                                JsonObject     *object,
                                const char     *name,
                                MscosJsonFlags  flags)
{
  JsonNode *node = get_member (check, object, name, flags);
  JsonObject *result;
  gsize length;

  if (node == NULL)
    return NULL;

  length = mscos_json_check_push_member (check, name);
  result = mscos_json_check_object (check, node);
  mscos_json_check_pop (check, length);

  return result;
}

JsonArray *
mscos_json_check_array_member (MscosJsonCheck *check,
                               JsonObject     *object,
                               const char     *name,
                               MscosJsonFlags  flags)
{
  JsonNode *node = get_member (check, object, name, flags);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      gsize length = mscos_json_check_push_member (check, name);

      mscos_json_check_problem (check, "expected an array, found %s", describe_node (node));
      mscos_json_check_pop (check, length);
      return NULL;
    }

  return json_node_get_array (node);
}

gboolean
mscos_json_is_id (const char *string)
{
  gboolean word_start = TRUE;
  gsize length = 0;

  for (const char *p = string; *p; p++, length++)
    {
      if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
        word_start = FALSE;
      else if ((*p == '-' || *p == '.') && !word_start)
        word_start = TRUE;
      else
        return FALSE;
    }

  return length > 0 && length <= 128 && !word_start;
}

/**
 * mscos_json_check_string:
 * @check: a #MscosJsonCheck
 * @node: a node of the document
 * @flags: what the string must be
 *
 * Returns: (nullable): the string, or %NULL after recording a problem
 */
const char *
mscos_json_check_string (MscosJsonCheck *check,
                         JsonNode       *node,
                         MscosJsonFlags  flags)
{
  const char *string;
  const char *control;
  const char *line_break;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      mscos_json_check_problem (check, "expected a string, found %s", describe_node (node));
      return NULL;
    }

  string = json_node_get_string (node);

  if (flags & MSCOS_JSON_ID)
    {
      if (!mscos_json_is_id (string))
        {
          g_autofree char *quoted = quote_value (string);

          mscos_json_check_problem (check,
                                    "%s is not an id: use lower-case letters and digits in words "
                                    "joined by '-' or '.', at most 128 characters", quoted);
          return NULL;
        }
      return string;
    }

  if (*string == '\0' && !(flags & MSCOS_JSON_MAY_BE_EMPTY))
    {
      mscos_json_check_problem (check, "must not be empty");
      return NULL;
    }

  /* Each scan runs once over the string, whatever it holds. */
  control = string + span_to_control_character (string);
  line_break = (flags & MSCOS_JSON_TEXT) ? NULL : strchr (string, '\n');

  if (line_break != NULL && line_break < control)
    {
      mscos_json_check_problem (check, "must be on one line");
      return NULL;
    }

  if (*control != '\0')
    {
      mscos_json_check_problem (check, "holds a control character (U+%04X)", (guchar) *control);
      return NULL;
    }

  if (control - string > MSCOS_JSON_MAX_STRING)
    {
      mscos_json_check_problem (check, "is longer than %u bytes", MSCOS_JSON_MAX_STRING);
      return NULL;
    }

  return string;
}

const char *
mscos_json_check_string_member (MscosJsonCheck *check,
                                JsonObject     *object,
                                const char     *name,
                                MscosJsonFlags  flags)
{
  JsonNode *node = get_member (check, object, name, flags);
  const char *result;
  gsize length;

  if (node == NULL)
    return NULL;

  length = mscos_json_check_push_member (check, name);
  result = mscos_json_check_string (check, node, flags);
  mscos_json_check_pop (check, length);

  return result;
}

gboolean
mscos_json_check_int_member (MscosJsonCheck *check,
                             JsonObject     *object,
                             const char     *name,
                             MscosJsonFlags  flags,
                             gint64          min,
                             gint64          max,
                             gint64         *value)
{
  JsonNode *node = get_member (check, object, name, flags);
  gboolean ok = FALSE;
  gsize length;

  if (node == NULL)
    return FALSE;

  length = mscos_json_check_push_member (check, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      mscos_json_check_problem (check, "expected a whole number, found %s", describe_node (node));
    }
  else if (json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      mscos_json_check_problem (check, "must be between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                                min, max);
    }
  else
    {
      *value = json_node_get_int (node);
      ok = TRUE;
    }
  mscos_json_check_pop (check, length);

  return ok;
}

/**
 * mscos_json_check_enum_member:
 *
 * Returns: the index of the member's value in @choices, or @fallback
 */
int
mscos_json_check_enum_member (MscosJsonCheck    *check,
                              JsonObject        *object,
                              const char        *name,
                              MscosJsonFlags     flags,
                              const char *const *choices,
                              int                fallback)
{
  const char *value = mscos_json_check_string_member (check, object, name, flags | MSCOS_JSON_LINE);
  g_autofree char *quoted = NULL;
  g_autofree char *list = NULL;
  gsize length;

  if (value == NULL)
    return fallback;

  for (int i = 0; choices[i] != NULL; i++)
    if (strcmp (value, choices[i]) == 0)
      return i;

  quoted = quote_value (value);
  list = g_strjoinv (", ", (char **) choices);
  length = mscos_json_check_push_member (check, name);
  mscos_json_check_problem (check, "%s is not one of: %s", quoted, list);
  mscos_json_check_pop (check, length);

  return fallback;
}
