/* mscos-json-check-values.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-json-check"

#include "config.h"

#include <string.h>

#include "mscos-json-check-private.h"

/* The checks of a document's values, for the readers of content packs, libraries and review
 * files: an object's members, and members that must be objects, arrays, strings, integers
 * in a range or one of a few names. Each records what is wrong at the path the check is at
 * (mscos-json-check.c) and gives back what can be used. */

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
      while (!mscos_json_check_is_full (check)
             && json_object_iter_next_ordered (&iter, &name, NULL))
        {
          if (!g_strv_contains (allowed, name))
            {
              g_autofree char *quoted = mscos_json_check_quote_value (name);

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
          const char *duplicate = g_ptr_array_index (duplicates, i);
          g_autofree char *quoted = mscos_json_check_quote_value (duplicate);

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
      mscos_json_check_problem (check, "expected an object, found %s",
                                mscos_json_check_describe_node (node));
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

      mscos_json_check_problem (check, "expected an array, found %s",
                                mscos_json_check_describe_node (node));
      mscos_json_check_pop (check, length);
      return NULL;
    }

  return json_node_get_array (node);
}

/**
 * mscos_json_quote:
 * @value: a string of the document
 *
 * Returns: (transfer full): @value ready to be put in a message: quoted, shortened, and with
 *   control characters, quotes and backslashes escaped
 */
char *
mscos_json_quote (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return mscos_json_check_quote_value (value);
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
      mscos_json_check_problem (check, "expected a string, found %s",
                                mscos_json_check_describe_node (node));
      return NULL;
    }

  string = json_node_get_string (node);

  if (flags & MSCOS_JSON_ID)
    {
      if (!mscos_json_is_id (string))
        {
          g_autofree char *quoted = mscos_json_check_quote_value (string);

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
  control = string + mscos_json_check_span_plain (string);
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
      mscos_json_check_problem (check, "expected a whole number, found %s",
                                mscos_json_check_describe_node (node));
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

  quoted = mscos_json_check_quote_value (value);
  list = g_strjoinv (", ", (char **) choices);
  length = mscos_json_check_push_member (check, name);
  mscos_json_check_problem (check, "%s is not one of: %s", quoted, list);
  mscos_json_check_pop (check, length);

  return fallback;
}
