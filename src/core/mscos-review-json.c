/* mscos-review-json.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-review"

#include "config.h"

#include <string.h>

#include "mscos-json-check.h"
#include "mscos-json-write.h"
#include "mscos-review-comment-private.h"
#include "mscos-review-private.h"

/* A review as W3C Web Annotation JSON-LD (Web Annotation Data Model, W3C Recommendation
 * 2017): an AnnotationCollection whose first page holds one Annotation per comment. The
 * profile, with the terms this app adds in its own namespace, is in docs/review-format.md.
 *
 * The reader is not a JSON-LD processor: it reads the compacted form that profile
 * describes, and the variations the model allows in it (a single value or an array of them,
 * a bare Annotation, AnnotationPage or array of Annotations). Files come from other people,
 * so every value is read through mscos-json-check.h, which checks its type before json-glib
 * sees it, and every problem is reported with its JSON path; a file with any problem is
 * refused as a whole. Members it does not know are left alone, as JSON-LD intends. */

#define TARGET_PREFIX "tag:mscos.co.uk,2026:pack/"

static const char * const motivations[] = { "commenting", "editing", "questioning", NULL };
static const char * const statuses[] = { "open", "accepted", "rejected", NULL };

/* --- Writing ----------------------------------------------------------------------------- */

static void
add_context (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, MSCOS_REVIEW_ANNOTATION_CONTEXT);
  json_builder_begin_object (builder);
  mscos_json_add_string (builder, "mscos", MSCOS_REVIEW_NAMESPACE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

/* The IRI of the pack's revision, or of an item in it:
 * tag:mscos.co.uk,2026:pack/PACK-ID/REVISION[/ITEM-ID], the revision percent-encoded. Ids
 * hold only letters, digits, '-' and '.', which need no encoding. */
static char *
dup_source (MscosReviewComment *comment)
{
  g_autofree char *revision = g_uri_escape_string (comment->revision, NULL, FALSE);

  if (comment->item_id == NULL)
    return g_strconcat (TARGET_PREFIX, comment->pack_id, "/", revision, NULL);

  return g_strconcat (TARGET_PREFIX, comment->pack_id, "/", revision, "/", comment->item_id,
                      NULL);
}

static void
add_annotation (JsonBuilder        *builder,
                MscosReviewComment *comment)
{
  g_autofree char *source = dup_source (comment);

  json_builder_begin_object (builder);
  add_context (builder);
  mscos_json_add_string (builder, "id", comment->id);
  mscos_json_add_string (builder, "type", "Annotation");
  mscos_json_add_string (builder, "motivation", motivations[comment->type]);
  mscos_json_add_time (builder, "created", comment->created);
  mscos_json_add_time (builder, "modified", comment->modified);

  json_builder_set_member_name (builder, "creator");
  json_builder_begin_object (builder);
  mscos_json_add_string (builder, "type", "Person");
  mscos_json_add_string (builder, "name", comment->reviewer);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "body");
  json_builder_begin_object (builder);
  mscos_json_add_string (builder, "type", "TextualBody");
  mscos_json_add_string (builder, "value", comment->text);
  mscos_json_add_string (builder, "format", "text/plain");
  mscos_json_add_string (builder, "language", comment->language);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  mscos_json_add_string (builder, "type", "SpecificResource");
  mscos_json_add_string (builder, "source", source);
  mscos_json_add_string (builder, "mscos:path", comment->item_path);
  mscos_json_add_string (builder, "mscos:kind", comment->item_kind);
  mscos_json_add_string (builder, "mscos:outcome", comment->outcome_id);
  mscos_json_add_string (builder, "mscos:section", comment->section_id);
  if (comment->quote != NULL)
    {
      json_builder_set_member_name (builder, "selector");
      json_builder_begin_object (builder);
      mscos_json_add_string (builder, "type", "TextQuoteSelector");
      mscos_json_add_string (builder, "exact", mscos_review_quote_get_exact (comment->quote));
      mscos_json_add_string (builder, "prefix", mscos_review_quote_get_prefix (comment->quote));
      mscos_json_add_string (builder, "suffix", mscos_review_quote_get_suffix (comment->quote));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  mscos_json_add_string (builder, "mscos:status", statuses[comment->status]);
  mscos_json_add_string (builder, "mscos:response", comment->response);
  json_builder_end_object (builder);
}

/**
 * mscos_review_to_bytes:
 *
 * The review as its file holds it, and as it is exported for others: W3C Web Annotation
 * JSON-LD, an AnnotationCollection whose first page holds one Annotation per comment, each
 * with its own `@context` so that it stands alone when taken out of the file.
 *
 * Returns: (transfer full): the UTF-8 JSON text
 */
GBytes *
mscos_review_to_bytes (MscosReview *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *page_id = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (MSCOS_IS_REVIEW (self), NULL);

  page_id = g_strconcat (self->id, "#page-1", NULL);

  json_builder_begin_object (builder);
  add_context (builder);
  mscos_json_add_string (builder, "id", self->id);
  mscos_json_add_string (builder, "type", "AnnotationCollection");
  mscos_json_add_string (builder, "label", self->label);
  json_builder_set_member_name (builder, "mscos:formatVersion");
  json_builder_add_int_value (builder, MSCOS_REVIEW_FORMAT_VERSION);
  mscos_json_add_string (builder, "mscos:pack", self->pack_id);
  mscos_json_add_string (builder, "mscos:revision", self->revision);
  mscos_json_add_string (builder, "mscos:baseRevision", self->base_revision);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, self->comments->len);

  json_builder_set_member_name (builder, "first");
  json_builder_begin_object (builder);
  mscos_json_add_string (builder, "id", page_id);
  mscos_json_add_string (builder, "type", "AnnotationPage");
  json_builder_set_member_name (builder, "startIndex");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->comments->len; i++)
    add_annotation (builder, g_ptr_array_index (self->comments, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (g_steal_pointer (&text), length);
}

/* --- Reading ----------------------------------------------------------------------------- */

typedef struct
{
  MscosJsonCheck *check;
  MscosReview    *review;
  /* annotation id → the path where it was first found */
  GHashTable     *ids;
  gboolean        newer;
} Reader;

/* Returns the member @name of @object, or NULL with a problem if it is required and absent. */
static JsonNode *
get_member (Reader     *reader,
            JsonObject *object,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && required)
    mscos_json_check_problem (reader->check, "the required member \"%s\" is missing", name);

  return node;
}

/* Whether the string or array of strings @node holds @value. */
static gboolean
holds_string (JsonNode   *node,
              const char *value)
{
  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) == G_TYPE_STRING
           && strcmp (json_node_get_string (node), value) == 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (holds_string (json_array_get_element (array, i), value))
          return TRUE;
    }

  return FALSE;
}

static gboolean
has_type (JsonObject *object,
          const char *type)
{
  return holds_string (json_object_get_member (object, "type"), type);
}

/* Checks that the @context names the Web Annotation context and, if it defines the prefix
 * "mscos", defines it as this app's namespace. */
static void
read_context (Reader     *reader,
              JsonObject *object,
              gboolean    required)
{
  JsonNode *context = get_member (reader, object, "@context", required);
  gsize mark;

  if (context == NULL)
    return;

  mark = mscos_json_check_push_member (reader->check, "@context");
  if (!holds_string (context, MSCOS_REVIEW_ANNOTATION_CONTEXT))
    mscos_json_check_problem (reader->check,
                              "this is not a W3C Web Annotation: the context must name \"%s\"",
                              MSCOS_REVIEW_ANNOTATION_CONTEXT);

  if (JSON_NODE_HOLDS_ARRAY (context))
    {
      JsonArray *array = json_node_get_array (context);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonNode *prefix;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          prefix = json_object_get_member (json_node_get_object (element), "mscos");
          if (prefix != NULL && !holds_string (prefix, MSCOS_REVIEW_NAMESPACE))
            {
              gsize index_mark = mscos_json_check_push_index (reader->check, i);

              mscos_json_check_problem (reader->check, "mscos: must be \"%s\"",
                                        MSCOS_REVIEW_NAMESPACE);
              mscos_json_check_pop (reader->check, index_mark);
            }
        }
    }
  mscos_json_check_pop (reader->check, mark);
}

/* Returns a mark that pops nothing: the path as it is. */
static gsize
current_mark (Reader *reader)
{
  gsize mark = mscos_json_check_push_index (reader->check, 0);

  mscos_json_check_pop (reader->check, mark);

  return mark;
}

/* Returns the object @node is, or the first object of the array @node is, that has the
 * type @type (any, if @type is NULL), with the path pushed to it; or NULL. Pop with the mark
 * left in @mark. */
static JsonObject *
find_object (Reader     *reader,
             JsonNode   *node,
             const char *type,
             gsize      *mark)
{
  *mark = current_mark (reader);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      return type == NULL || has_type (object, type) ? object : NULL;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element)
              && (type == NULL || has_type (json_node_get_object (element), type)))
            {
              *mark = mscos_json_check_push_index (reader->check, i);
              return json_node_get_object (element);
            }
        }
    }

  return NULL;
}

/* As find_object() for any type, with a problem saying what was expected if there is none. */
static JsonObject *
enter_object (Reader     *reader,
              JsonNode   *node,
              const char *what,
              gsize      *mark)
{
  JsonObject *object = find_object (reader, node, NULL, mark);

  if (object == NULL)
    mscos_json_check_problem (reader->check, "expected %s", what);

  return object;
}

static GDateTime *
read_time (Reader     *reader,
           JsonObject *object,
           const char *name,
           gboolean    required)
{
  const char *text = mscos_json_check_string_member (reader->check, object, name,
                                                     (required ? MSCOS_JSON_REQUIRED : 0)
                                                     | MSCOS_JSON_LINE);
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) time = NULL;
  gsize mark;

  if (text == NULL)
    return NULL;

  /* A time without a zone is taken as UTC; every time is kept in UTC. */
  time = g_date_time_new_from_iso8601 (text, utc);
  if (time != NULL)
    return g_date_time_to_utc (time);

  mark = mscos_json_check_push_member (reader->check, name);
  mscos_json_check_problem (reader->check, "expected a date and time as ISO 8601, "
                            "such as 2026-12-01T10:30:00Z");
  mscos_json_check_pop (reader->check, mark);

  return NULL;
}

/* Whether @path is a JSON path as the validator writes them: outcomes[1].sections[2]… */
static gboolean
is_json_path (const char *path)
{
  const char *p = path;

  for (;;)
    {
      const char *name = p;

      while (g_ascii_islower (*p))
        p++;
      if (p == name || *p++ != '[' || !g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p++ != ']')
        return FALSE;
      if (*p == '\0')
        return TRUE;
      if (*p++ != '.')
        return FALSE;
    }
}

static gboolean
parse_source (const char  *source,
              char       **pack_id,
              char       **revision,
              char       **item_id)
{
  g_auto (GStrv) parts = NULL;
  guint n;

  if (!g_str_has_prefix (source, TARGET_PREFIX))
    return FALSE;

  parts = g_strsplit (source + strlen (TARGET_PREFIX), "/", -1);
  n = g_strv_length (parts);
  if (n < 2 || n > 3 || !mscos_json_is_id (parts[0]) || (n == 3 && !mscos_json_is_id (parts[2])))
    return FALSE;

  *revision = g_uri_unescape_string (parts[1], NULL);
  if (*revision == NULL || **revision == '\0' || !g_utf8_validate (*revision, -1, NULL))
    {
      g_clear_pointer (revision, g_free);
      return FALSE;
    }

  /* The source is on one line; what it encodes must be too. */
  for (const char *p = *revision; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        g_clear_pointer (revision, g_free);
        return FALSE;
      }

  *pack_id = g_strdup (parts[0]);
  *item_id = n == 3 ? g_strdup (parts[2]) : NULL;

  return TRUE;
}

static void
read_creator (Reader             *reader,
              JsonObject         *annotation,
              MscosReviewComment *comment)
{
  JsonNode *node = get_member (reader, annotation, "creator", TRUE);
  gsize member_mark, mark;
  JsonObject *creator;

  if (node == NULL)
    return;

  member_mark = mscos_json_check_push_member (reader->check, "creator");
  creator = enter_object (reader, node, "an object with the reviewer's name", &mark);
  if (creator != NULL)
    comment->reviewer = g_strdup (mscos_json_check_string_member (reader->check, creator, "name",
                                                                  MSCOS_JSON_REQUIRED
                                                                  | MSCOS_JSON_LINE));
  mscos_json_check_pop (reader->check, mark);
  mscos_json_check_pop (reader->check, member_mark);
}

static void
read_body (Reader             *reader,
           JsonObject         *annotation,
           MscosReviewComment *comment)
{
  JsonNode *node = json_object_get_member (annotation, "body");
  gsize member_mark, mark;
  JsonObject *body;
  const char *format;

  /* The model's shorthand for a plain text body (§3.2.5). */
  if (node == NULL && json_object_has_member (annotation, "bodyValue"))
    {
      comment->text = g_strdup (mscos_json_check_string_member (reader->check, annotation,
                                                                "bodyValue",
                                                                MSCOS_JSON_TEXT
                                                                | MSCOS_JSON_MAY_BE_EMPTY));
      return;
    }

  if (node == NULL)
    {
      mscos_json_check_problem (reader->check, "the required member \"body\" is missing: it "
                                "holds the comment's text");
      return;
    }

  member_mark = mscos_json_check_push_member (reader->check, "body");
  body = find_object (reader, node, "TextualBody", &mark);
  if (body == NULL)
    {
      mscos_json_check_problem (reader->check, "expected a TextualBody with the comment's text");
      mscos_json_check_pop (reader->check, member_mark);
      return;
    }

  comment->text = g_strdup (mscos_json_check_string_member (reader->check, body, "value",
                                                            MSCOS_JSON_REQUIRED
                                                            | MSCOS_JSON_TEXT
                                                            | MSCOS_JSON_MAY_BE_EMPTY));
  format = mscos_json_check_string_member (reader->check, body, "format", MSCOS_JSON_LINE);
  if (format != NULL && strcmp (format, "text/plain") != 0)
    {
      gsize format_mark = mscos_json_check_push_member (reader->check, "format");

      mscos_json_check_problem (reader->check, "only text/plain bodies are read, not %s", format);
      mscos_json_check_pop (reader->check, format_mark);
    }
  comment->language = g_strdup (mscos_json_check_string_member (reader->check, body, "language",
                                                                MSCOS_JSON_LINE));
  mscos_json_check_pop (reader->check, mark);
  mscos_json_check_pop (reader->check, member_mark);
}

static void
read_selector (Reader             *reader,
               JsonObject         *target,
               MscosReviewComment *comment)
{
  JsonNode *node = json_object_get_member (target, "selector");
  JsonObject *selector;
  const char *exact, *prefix, *suffix;
  gsize member_mark, mark;

  if (node == NULL)
    return;

  member_mark = mscos_json_check_push_member (reader->check, "selector");
  selector = find_object (reader, node, "TextQuoteSelector", &mark);
  if (selector != NULL)
    {
      exact = mscos_json_check_string_member (reader->check, selector, "exact",
                                              MSCOS_JSON_REQUIRED | MSCOS_JSON_TEXT);
      prefix = mscos_json_check_string_member (reader->check, selector, "prefix",
                                               MSCOS_JSON_TEXT | MSCOS_JSON_MAY_BE_EMPTY);
      suffix = mscos_json_check_string_member (reader->check, selector, "suffix",
                                               MSCOS_JSON_TEXT | MSCOS_JSON_MAY_BE_EMPTY);
      if (exact != NULL)
        comment->quote = mscos_review_quote_new (exact, prefix, suffix);
    }
  mscos_json_check_pop (reader->check, mark);
  mscos_json_check_pop (reader->check, member_mark);
}

static void
read_target (Reader             *reader,
             JsonObject         *annotation,
             MscosReviewComment *comment)
{
  JsonNode *node = get_member (reader, annotation, "target", TRUE);
  JsonObject *target = NULL;
  const char *source = NULL;
  gsize member_mark, mark = 0;

  if (node == NULL)
    return;

  member_mark = mscos_json_check_push_member (reader->check, "target");
  if (JSON_NODE_HOLDS_VALUE (node))
    source = mscos_json_check_string (reader->check, node, MSCOS_JSON_LINE);
  else if ((target = enter_object (reader, node, "the item commented on", &mark)) != NULL)
    source = mscos_json_check_string_member (reader->check, target, "source",
                                             MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);

  if (source != NULL && !parse_source (source, &comment->pack_id, &comment->revision,
                                       &comment->item_id))
    {
      gsize source_mark = target != NULL ? mscos_json_check_push_member (reader->check, "source")
                                         : G_MAXSIZE;

      mscos_json_check_problem (reader->check, "not a pack or an item of MSCOS Outcomes: "
                                "expected %sPACK-ID/REVISION/ITEM-ID", TARGET_PREFIX);
      if (source_mark != G_MAXSIZE)
        mscos_json_check_pop (reader->check, source_mark);
    }

  if (target != NULL)
    {
      const char *path = mscos_json_check_string_member (reader->check, target, "mscos:path",
                                                         MSCOS_JSON_LINE);

      if (path != NULL && !is_json_path (path))
        {
          gsize path_mark = mscos_json_check_push_member (reader->check, "mscos:path");

          mscos_json_check_problem (reader->check, "expected a path in the pack, such as "
                                    "outcomes[1].sections[2].items[0]");
          mscos_json_check_pop (reader->check, path_mark);
        }
      comment->item_path = g_strdup (path);
      comment->item_kind = g_strdup (mscos_json_check_string_member (reader->check, target,
                                                                     "mscos:kind",
                                                                     MSCOS_JSON_LINE));
      comment->outcome_id = g_strdup (mscos_json_check_string_member (reader->check, target,
                                                                      "mscos:outcome",
                                                                      MSCOS_JSON_ID));
      comment->section_id = g_strdup (mscos_json_check_string_member (reader->check, target,
                                                                      "mscos:section",
                                                                      MSCOS_JSON_ID));
      read_selector (reader, target, comment);
      mscos_json_check_pop (reader->check, mark);
    }
  mscos_json_check_pop (reader->check, member_mark);
}

static int
read_motivation (Reader     *reader,
                 JsonObject *annotation)
{
  JsonNode *node = json_object_get_member (annotation, "motivation");
  gsize mark;

  if (node == NULL)
    return MSCOS_COMMENT_COMMENT;

  for (int i = 0; motivations[i] != NULL; i++)
    if (holds_string (node, motivations[i]))
      return i;

  mark = mscos_json_check_push_member (reader->check, "motivation");
  mscos_json_check_problem (reader->check, "expected commenting, editing or questioning");
  mscos_json_check_pop (reader->check, mark);

  return -1;
}

static void
read_annotation (Reader   *reader,
                 JsonNode *node,
                 gboolean  stands_alone)
{
  g_autoptr (MscosReviewComment) comment = NULL;
  guint n_problems = mscos_json_check_n_problems (reader->check);
  JsonObject *annotation = mscos_json_check_object (reader->check, node);
  const char *id;
  const char *first_path;
  int type;

  if (annotation == NULL)
    return;

  read_context (reader, annotation, stands_alone);
  if (!has_type (annotation, "Annotation"))
    {
      gsize mark = mscos_json_check_push_member (reader->check, "type");

      mscos_json_check_problem (reader->check, "expected \"Annotation\"");
      mscos_json_check_pop (reader->check, mark);
    }

  comment = g_object_new (MSCOS_TYPE_REVIEW_COMMENT, NULL);

  id = mscos_json_check_string_member (reader->check, annotation, "id",
                                       MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  if (id != NULL && !g_uri_is_valid (id, G_URI_FLAGS_NONE, NULL))
    {
      gsize mark = mscos_json_check_push_member (reader->check, "id");

      mscos_json_check_problem (reader->check, "expected an IRI, such as urn:uuid:…");
      mscos_json_check_pop (reader->check, mark);
      id = NULL;
    }
  else if (id != NULL && (first_path = g_hash_table_lookup (reader->ids, id)) != NULL)
    {
      gsize mark = mscos_json_check_push_member (reader->check, "id");

      mscos_json_check_problem (reader->check, "\"%s\" is already the id of %s", id,
                                *first_path != '\0' ? first_path : "the first annotation");
      mscos_json_check_pop (reader->check, mark);
      id = NULL;
    }
  else if (id != NULL)
    {
      g_hash_table_insert (reader->ids, g_strdup (id),
                           g_strdup (mscos_json_check_path (reader->check)));
    }
  comment->id = g_strdup (id);

  type = read_motivation (reader, annotation);
  comment->type = MAX (type, 0);
  comment->created = read_time (reader, annotation, "created", TRUE);
  comment->modified = read_time (reader, annotation, "modified", FALSE);
  if (comment->modified == NULL && comment->created != NULL)
    comment->modified = g_date_time_ref (comment->created);

  read_creator (reader, annotation, comment);
  read_body (reader, annotation, comment);
  read_target (reader, annotation, comment);

  comment->status = mscos_json_check_enum_member (reader->check, annotation, "mscos:status", 0,
                                                  statuses, MSCOS_COMMENT_OPEN);
  comment->response = g_strdup (mscos_json_check_string_member (reader->check, annotation,
                                                                "mscos:response",
                                                                MSCOS_JSON_TEXT
                                                                | MSCOS_JSON_MAY_BE_EMPTY));

  if (mscos_json_check_n_problems (reader->check) == n_problems)
    mscos_review_add (reader->review, comment);
}

static void
read_items (Reader     *reader,
            JsonObject *page)
{
  JsonArray *items = mscos_json_check_array_member (reader->check, page, "items",
                                                    MSCOS_JSON_REQUIRED);
  gsize member_mark;

  if (items == NULL)
    return;

  member_mark = mscos_json_check_push_member (reader->check, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gsize mark = mscos_json_check_push_index (reader->check, i);

      read_annotation (reader, json_array_get_element (items, i), FALSE);
      mscos_json_check_pop (reader->check, mark);
    }
  mscos_json_check_pop (reader->check, member_mark);
}

static void
read_collection (Reader     *reader,
                 JsonObject *collection)
{
  MscosReview *review = reader->review;
  const char *id;
  gint64 version = MSCOS_REVIEW_FORMAT_VERSION;
  JsonObject *first;
  JsonNode *first_node;
  gsize mark;

  if (json_object_has_member (collection, "mscos:formatVersion"))
    {
      if (!mscos_json_check_int_member (reader->check, collection, "mscos:formatVersion", 0, 1,
                                        G_MAXINT32, &version))
        return;

      if (version > MSCOS_REVIEW_FORMAT_VERSION)
        {
          mark = mscos_json_check_push_member (reader->check, "mscos:formatVersion");
          mscos_json_check_problem (reader->check,
                                    "this review is of format version %" G_GINT64_FORMAT
                                    "; this version of MSCOS Outcomes reads version %d. "
                                    "Update the app to read it.",
                                    version, MSCOS_REVIEW_FORMAT_VERSION);
          mscos_json_check_pop (reader->check, mark);
          reader->newer = TRUE;
          return;
        }
    }

  id = mscos_json_check_string_member (reader->check, collection, "id", MSCOS_JSON_LINE);
  if (id != NULL && g_uri_is_valid (id, G_URI_FLAGS_NONE, NULL))
    g_set_str (&review->id, id);
  review->label = g_strdup (mscos_json_check_string_member (reader->check, collection, "label",
                                                            MSCOS_JSON_LINE));
  review->pack_id = g_strdup (mscos_json_check_string_member (reader->check, collection,
                                                              "mscos:pack", MSCOS_JSON_ID));
  review->revision = g_strdup (mscos_json_check_string_member (reader->check, collection,
                                                               "mscos:revision", MSCOS_JSON_LINE));
  review->base_revision = g_strdup (mscos_json_check_string_member (reader->check, collection,
                                                                    "mscos:baseRevision",
                                                                    MSCOS_JSON_LINE));

  first_node = json_object_get_member (collection, "first");
  if (first_node == NULL)
    return;

  mark = mscos_json_check_push_member (reader->check, "first");
  first = JSON_NODE_HOLDS_OBJECT (first_node) ? json_node_get_object (first_node) : NULL;
  if (first == NULL)
    mscos_json_check_problem (reader->check, "the collection's first page must be in the file");
  else
    read_items (reader, first);
  mscos_json_check_pop (reader->check, mark);
}

static void
read_document (Reader   *reader,
               JsonNode *root)
{
  JsonObject *object;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize mark = mscos_json_check_push_index (reader->check, i);

          read_annotation (reader, json_array_get_element (array, i), TRUE);
          mscos_json_check_pop (reader->check, mark);
        }
      return;
    }

  object = mscos_json_check_object (reader->check, root);
  if (object == NULL)
    return;

  if (has_type (object, "AnnotationCollection"))
    {
      read_context (reader, object, TRUE);
      read_collection (reader, object);
    }
  else if (has_type (object, "AnnotationPage"))
    {
      read_context (reader, object, TRUE);
      read_items (reader, object);
    }
  else if (has_type (object, "Annotation"))
    {
      read_annotation (reader, root, TRUE);
    }
  else
    {
      mscos_json_check_problem (reader->check, "this is not a review: expected a W3C Web "
                                "Annotation, AnnotationPage or AnnotationCollection");
    }
}

/**
 * mscos_review_new_from_bytes:
 * @bytes: a review file, or JSON-LD exported by another reviewer
 * @error: the problems, one a line as "PATH: message", if it is refused
 *
 * Reads a review: W3C Web Annotation JSON-LD as docs/review-format.md describes it, an
 * AnnotationCollection as mscos_review_to_bytes() writes, or an AnnotationPage, a single
 * Annotation or an array of Annotations. Safe on any input; anything wrong refuses the
 * whole file.
 *
 * Returns: (transfer full) (nullable): the review
 */
MscosReview *
mscos_review_new_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr (MscosJsonCheck) check = mscos_json_check_new ();
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (MscosReview) review = mscos_review_new_empty ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *message = NULL;
  Reader reader = { check, review, ids, FALSE };
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  mscos_json_check_allow_dense_values (check);
  root = mscos_json_check_parse (check, data != NULL ? data : "", length);
  if (root != NULL)
    read_document (&reader, root);

  if (!mscos_json_check_failed (check))
    return g_steal_pointer (&review);

  message = mscos_json_check_to_message (check);
  g_set_error_literal (error, MSCOS_REVIEW_ERROR,
                       reader.newer ? MSCOS_REVIEW_ERROR_NEWER_VERSION : MSCOS_REVIEW_ERROR_INVALID,
                       message);

  return NULL;
}
