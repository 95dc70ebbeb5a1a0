/* synthetic-revision.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "synthetic-revision.h"

/* A next revision of a synthetic pack (synthetic-pack.c), as a content author would make
 * one: of the items of each section, one in @every is reworded (a quote's words, a
 * resource's summary, a set's first recommendation), one in 5 × @every is removed, one in
 * 10 × @every moves to the next outcome, and each outcome gains a quote. */

static JsonObject *
first_object (JsonObject *object,
              const char *member)
{
  return json_array_get_object_element (json_object_get_array_member (object, member), 0);
}

static void
reword (JsonObject *item)
{
  const char *kind = json_object_get_string_member (item, "kind");
  JsonObject *target = item;
  const char *member = "summary";
  g_autofree char *text = NULL;

  if (g_str_equal (kind, "quote"))
    {
      member = "text";
    }
  else if (g_str_equal (kind, "recommendations"))
    {
      JsonObject *group = first_object (item, "groups");

      target = first_object (group, "items");
      member = "text";
    }

  text = g_strconcat ("Revised: ", json_object_get_string_member (target, member), NULL);
  json_object_set_string_member (target, member, text);
}

/**
 * synthetic_revision_new:
 * @pack: a synthetic pack's JSON text
 * @every: how often an item is edited
 * @n_edits: (out): how many edits were made
 *
 * Returns: (transfer full): the revision's JSON text
 */
GBytes *
synthetic_revision_new (GBytes *pack,
                        guint   every,
                        guint  *n_edits)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *outcomes;
  guint n_outcomes;
  gsize length;
  char *text;

  *n_edits = 0;
  json_parser_load_from_data (parser, g_bytes_get_data (pack, NULL), g_bytes_get_size (pack),
                              &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (json_object_get_object_member (root, "pack"), "revision", "2");
  outcomes = json_object_get_array_member (root, "outcomes");
  n_outcomes = json_array_get_length (outcomes);

  for (guint o = 0; o < n_outcomes; o++)
    {
      JsonObject *outcome = json_array_get_object_element (outcomes, o);
      JsonObject *section = first_object (outcome, "sections");
      JsonObject *next = first_object (json_array_get_object_element (outcomes,
                                                                      (o + 1) % n_outcomes),
                                       "sections");
      JsonArray *items = json_object_get_array_member (section, "items");
      g_autoptr (JsonNode) quote = NULL;
      g_autofree char *quote_id = g_strdup_printf ("o%u.new-quote", o);

      /* From the end, so that removing does not shift what is still to visit. */
      for (guint i = json_array_get_length (items); i-- > 0;)
        {
          JsonNode *node = json_array_get_element (items, i);

          if (i % (10 * every) == 2)
            {
              json_array_add_element (json_object_get_array_member (next, "items"),
                                      json_node_copy (node));
              json_array_remove_element (items, i);
              (*n_edits)++;
            }
          else if (i % (5 * every) == 1)
            {
              json_array_remove_element (items, i);
              (*n_edits)++;
            }
          else if (i % every == 0)
            {
              reword (json_node_get_object (node));
              (*n_edits)++;
            }
        }

      quote = json_from_string ("{\"kind\": \"quote\", \"text\": \"A new quote.\","
                                " \"speaker\": \"A survivor\"}", NULL);
      json_object_set_string_member (json_node_get_object (quote), "id", quote_id);
      json_array_add_element (items, g_steal_pointer (&quote));
      (*n_edits)++;
    }

  text = json_to_string (json_parser_get_root (parser), FALSE);
  length = strlen (text);

  return g_bytes_new_take (text, length);
}
