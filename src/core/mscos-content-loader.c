/* mscos-content-loader.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-content-loader"

#include "config.h"

#include <string.h>

#include "mscos-content-loader-private.h"
#include "mscos-link-policy.h"

/* Reads a content pack (docs/content-pack.md) in one walk that checks everything and builds
 * the model as it goes. Every problem is recorded with its JSON path and the walk goes on,
 * so an author sees all of them at once; the model is thrown away if there was any. */


static const char * const top_members[] = { "format", "version", "pack", "outcomes", NULL };
static const char * const pack_members[] = {
  "id", "title", "revision", "date", "language", "description", NULL
};
static const char * const outcome_members[] = {
  "id", "title", "group", "summary", "strapline", "descriptor", "descriptor_source", "link",
  "sections", NULL
};
static const char * const section_members[] = { "id", "title", "intro", "items", NULL };
/* "corrections" is refused on a quote with a message of its own. */
static const char * const quote_members[] = {
  "id", "kind", "text", "speaker", "role", "corrections", NULL
};
static const char * const audio_members[] = {
  "id", "kind", "title", "speaker", "description", "sources", "transcript", "corrections", NULL
};
static const char * const resource_members[] = {
  "id", "kind", "title", "organisation", "type", "summary", "body", "links", "phones", "items",
  "corrections", NULL
};
static const char * const recommendations_members[] = {
  "id", "kind", "title", "source", "intro", "groups", "corrections", NULL
};
static const char * const group_members[] = { "id", "title", "intro", "style", "items", NULL };
static const char * const recommendation_members[] = {
  "id", "label", "text", "style", "items", "corrections", NULL
};
static const char * const profile_members[] = {
  "id", "kind", "name", "role", "body", "links", "corrections", NULL
};
static const char * const text_members[] = {
  "id", "kind", "title", "body", "links", "phones", "corrections", NULL
};
static const char * const correction_members[] = { "original", "corrected", "note", NULL };
static const char * const phone_members[] = { "title", "number", NULL };
static const char * const file_source_members[] = { "type", "path", NULL };
static const char * const page_source_members[] = { "type", "uri", "title", NULL };

static const char * const group_names[] = {
  "core-outcome", "working-with-the-set", "related-framework", NULL
};
static const char * const kind_names[] = {
  "quote", "audio", "resource", "recommendations", "profile", "text", NULL
};
static const char * const resource_types[] = {
  "report", "organisation", "helpline", "programme", "podcast", "tool", "blog", "webinar",
  "legislation", "guidance", "network", "article", "book", "event", "other", NULL
};
static const char * const source_types[] = { "file", "page", NULL };
/* In the order of MscosDescriptorSource. */
static const char * const descriptor_sources[] = { "study", "summary", NULL };


void
mscos_content_load_array_member (Loader          *loader,
                                 JsonObject      *object,
                                 const char      *name,
                                 MscosJsonFlags   flags,
                                 gboolean         non_empty,
                                 LoadElementFunc  func,
                                 gpointer         data)
{
  JsonArray *array = mscos_json_check_array_member (loader->check, object, name, flags);
  gsize member_mark;
  guint length;

  if (array == NULL)
    return;

  member_mark = mscos_json_check_push_member (loader->check, name);
  length = json_array_get_length (array);
  if (length == 0 && non_empty)
    mscos_json_check_problem (loader->check, "must not be empty");

  /* Past the problems a message lists, the rest is not looked at: a pack of millions of
   * wrong values is refused as quickly as one. */
  for (guint i = 0; i < length && !mscos_json_check_is_full (loader->check); i++)
    {
      gsize mark = mscos_json_check_push_index (loader->check, i);

      func (loader, json_array_get_element (array, i), i, data);
      mscos_json_check_pop (loader->check, mark);
    }
  mscos_json_check_pop (loader->check, member_mark);
}

/* Reads the string member @name of @object as mscos_json_check_string_member() does, and
 * returns a copy of it in the pack's text, which the model keeps after the document is freed. */
const char *
mscos_content_load_string (Loader         *loader,
                           JsonObject     *object,
                           const char     *name,
                           MscosJsonFlags  flags)
{
  return mscos_content_text_add (loader->strings,
                                 mscos_json_check_string_member (loader->check, object, name,
                                                                 flags));
}

/* The same, for a string that many items may repeat (a speaker, a role, an organisation):
 * it is kept once. */
static const char *
load_repeated_string (Loader         *loader,
                      JsonObject     *object,
                      const char     *name,
                      MscosJsonFlags  flags)
{
  return mscos_content_text_add_const (loader->strings,
                                       mscos_json_check_string_member (loader->check, object,
                                                                       name, flags));
}

/* Records in @paths the path of the "id" of each object under @node, which @check is at. */
static void
find_id_paths (MscosJsonCheck *check,
               GHashTable     *paths,
               JsonNode       *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          gsize mark = mscos_json_check_push_member (check, name);

          if (strcmp (name, "id") == 0)
            g_hash_table_insert (paths, object, g_strdup (mscos_json_check_path (check)));
          find_id_paths (check, paths, member);
          mscos_json_check_pop (check, mark);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);

      for (guint i = 0; i < length; i++)
        {
          gsize mark = mscos_json_check_push_index (check, i);

          find_id_paths (check, paths, json_array_get_element (array, i));
          mscos_json_check_pop (check, mark);
        }
    }
}

/* Checks that the id of @object is new in the pack, with the path set to where it is used.
 * Only the object is remembered: writing out a path for every id would cost about as much
 * as the rest of checking it, and the path is needed only when an id is used twice. */
static gboolean
claim_id (Loader     *loader,
          JsonObject *object,
          const char *id)
{
  JsonObject *first = g_hash_table_lookup (loader->ids, id);

  if (first != NULL)
    {
      if (loader->id_paths == NULL)
        {
          g_autoptr (MscosJsonCheck) walk = mscos_json_check_new ();

          loader->id_paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          find_id_paths (walk, loader->id_paths, loader->document);
        }

      mscos_json_check_problem (loader->check, "\"%s\" is already the id of %s", id,
                                (const char *) g_hash_table_lookup (loader->id_paths, first));
      return FALSE;
    }

  g_hash_table_insert (loader->ids, (gpointer) id, object);
  return TRUE;
}

static const char *
load_id (Loader     *loader,
         JsonObject *object,
         gboolean    required)
{
  const char *id = mscos_json_check_string_member (loader->check, object, "id",
                                                   (required ? MSCOS_JSON_REQUIRED : 0)
                                                   | MSCOS_JSON_ID);
  gsize mark;

  if (id == NULL)
    return NULL;

  mark = mscos_json_check_push_member (loader->check, "id");
  if (!claim_id (loader, object, id))
    id = NULL;
  mscos_json_check_pop (loader->check, mark);

  return mscos_content_text_add (loader->strings, id);
}


/* --- Audio sources ----------------------------------------------------------------------- */

static gboolean
is_safe_relative_path (const char *path)
{
  g_auto (GStrv) parts = NULL;

  if (*path == '\0' || *path == '/' || strchr (path, '\\') != NULL)
    return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return FALSE;

  return TRUE;
}

/* Whether @file is there and may be read. Packs are read in a worker thread, and a pack has
 * a handful of recordings: one query each. */
static gboolean
is_readable_file (GFile *file)
{
  g_autoptr (GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;

  return !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ)
         || g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ);
}

static void
load_source_cb (Loader   *loader,
                JsonNode *node,
                guint     index,
                gpointer  data)
{
  GPtrArray *sources = data;
  JsonObject *object = mscos_json_check_object (loader->check, node);
  MscosAudioSource *source;
  int type;

  if (object == NULL)
    return;

  type = mscos_json_check_enum_member (loader->check, object, "type", MSCOS_JSON_REQUIRED,
                                       source_types, -1);
  if (type == MSCOS_AUDIO_SOURCE_FILE)
    {
      const char *path;

      mscos_json_check_members (loader->check, object, file_source_members);
      path = mscos_json_check_string_member (loader->check, object, "path",
                                             MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
      if (path == NULL)
        return;

      if (!is_safe_relative_path (path))
        {
          gsize mark = mscos_json_check_push_member (loader->check, "path");

          mscos_json_check_problem (loader->check,
                                    "must be a path inside the pack's folder: no leading '/', "
                                    "no '..', no empty parts");
          mscos_json_check_pop (loader->check, mark);
          return;
        }

      source = g_new0 (MscosAudioSource, 1);
      source->type = MSCOS_AUDIO_SOURCE_FILE;
      if (loader->base != NULL)
        {
          g_autoptr (GFile) file = g_file_resolve_relative_path (loader->base, path);

          source->uri = g_file_get_uri (file);
          source->reachable = is_readable_file (file);
        }
      g_ptr_array_add (sources, source);
    }
  else if (type == MSCOS_AUDIO_SOURCE_PAGE)
    {
      const char *title, *uri;

      mscos_json_check_members (loader->check, object, page_source_members);
      title = mscos_json_check_string_member (loader->check, object, "title", MSCOS_JSON_LINE);
      uri = mscos_content_load_uri (loader, object);
      if (uri == NULL)
        return;

      source = g_new0 (MscosAudioSource, 1);
      source->type = MSCOS_AUDIO_SOURCE_PAGE;
      source->uri = g_strdup (uri);
      source->title = g_strdup (title);
      g_ptr_array_add (sources, source);
    }
}

/* --- Telephone numbers and corrections ------------------------------------------------- */

/* Whether @number is 3 to 32 digits, spaces, '+', '(', ')' and '-', with at least 3 digits. */
static gboolean
is_phone_number (const char *number)
{
  gsize length = strlen (number);
  guint n_digits = 0;

  if (length < 3 || length > 32 || strspn (number, "0123456789 +()-") != length)
    return FALSE;

  for (const char *p = number; *p; p++)
    n_digits += g_ascii_isdigit (*p);

  return n_digits >= 3;
}

static void
load_phone_cb (Loader   *loader,
               JsonNode *node,
               guint     index,
               gpointer  data)
{
  MscosItem *item = data;
  JsonObject *object = mscos_json_check_object (loader->check, node);
  const char *title, *number;
  MscosPhone *phone;

  if (object == NULL)
    return;

  mscos_json_check_members (loader->check, object, phone_members);
  title = mscos_json_check_string_member (loader->check, object, "title",
                                          MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  number = mscos_json_check_string_member (loader->check, object, "number",
                                           MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  if (number != NULL && !is_phone_number (number))
    {
      g_autofree char *quoted = mscos_json_quote (number);
      gsize mark = mscos_json_check_push_member (loader->check, "number");

      mscos_json_check_problem (loader->check,
                                "%s is not a telephone number: use 3 to 32 digits, spaces, "
                                "'+', '(', ')' and '-', with at least 3 digits", quoted);
      mscos_json_check_pop (loader->check, mark);
      return;
    }

  if (title == NULL || number == NULL)
    return;

  phone = g_new0 (MscosPhone, 1);
  phone->title = g_strdup (title);
  phone->number = g_strdup (number);
  g_ptr_array_add (item->phones, phone);
}

static void
load_phones (Loader     *loader,
             JsonObject *object,
             MscosItem  *item)
{
  if (!json_object_has_member (object, "phones"))
    return;

  item->phones = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_phone_free);
  mscos_content_load_array_member (loader, object, "phones", 0, FALSE, load_phone_cb, item);
}

/* Where a string is found in an item's text. */
typedef enum
{
  TEXT_NOT_FOUND,
  /* Only inside quotations, whose words are kept as said. */
  TEXT_IN_QUOTATION,
  TEXT_FOUND,
} TextPlace;

static TextPlace
find_in_block (const MscosBlock *block,
               const char       *needle,
               gboolean          in_quotation)
{
  const char *text = mscos_block_get_text (block);
  const char *label = mscos_block_get_label (block);
  TextPlace place = TEXT_NOT_FOUND;

  in_quotation = in_quotation || mscos_block_get_block_type (block) == MSCOS_BLOCK_QUOTE;

  if ((text != NULL && strstr (text, needle) != NULL)
      || (label != NULL && strstr (label, needle) != NULL))
    place = in_quotation ? TEXT_IN_QUOTATION : TEXT_FOUND;

  for (guint i = 0; place != TEXT_FOUND && i < mscos_block_get_n_children (block); i++)
    place = MAX (place, find_in_block (mscos_block_get_child (block, i), needle, in_quotation));

  return place;
}

static TextPlace
find_in_blocks (GPtrArray  *blocks,
                const char *needle)
{
  TextPlace place = TEXT_NOT_FOUND;

  for (guint i = 0; place != TEXT_FOUND && blocks != NULL && i < blocks->len; i++)
    place = MAX (place, find_in_block (g_ptr_array_index (blocks, i), needle, FALSE));

  return place;
}

/* Where @needle is in @item's own text: its title, text, summary (an audio clip's
 * description), the @label the pack gave it and its blocks, and for a set of recommendations
 * the titles and intros of its groups, which are not items; but not in nested items. A
 * profile's "title" is the person's name, which is not text the editors correct. */
static TextPlace
find_in_item (MscosItem  *item,
              const char *label,
              const char *needle)
{
  const char *fields[] = {
    item->kind != MSCOS_ITEM_PROFILE ? item->title : NULL, item->text, item->summary, label,
  };
  TextPlace place;
  guint n_children;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && strstr (fields[i], needle) != NULL)
      return TEXT_FOUND;

  place = MAX (find_in_blocks (item->blocks, needle), find_in_blocks (item->intro, needle));

  n_children = g_list_model_get_n_items (mscos_item_get_children (item));
  for (guint i = 0; place != TEXT_FOUND && i < n_children; i++)
    {
      MscosItem *group = g_list_model_get_item (mscos_item_get_children (item), i);

      if (group->kind == MSCOS_ITEM_GROUP)
        {
          if (group->title != NULL && strstr (group->title, needle) != NULL)
            place = TEXT_FOUND;
          else
            place = MAX (place, find_in_blocks (group->intro, needle));
        }
      g_object_unref (group);
    }

  return place;
}

typedef struct
{
  MscosItem  *item;
  const char *label;
} CorrectionsContext;

static void
load_correction_cb (Loader   *loader,
                    JsonNode *node,
                    guint     index,
                    gpointer  data)
{
  CorrectionsContext *context = data;
  JsonObject *object = mscos_json_check_object (loader->check, node);
  const char *original, *corrected, *note;
  MscosCorrection *correction;
  g_autofree char *quoted = NULL;
  TextPlace place;
  gsize mark;

  if (object == NULL)
    return;

  mscos_json_check_members (loader->check, object, correction_members);
  original = mscos_json_check_string_member (loader->check, object, "original",
                                             MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  corrected = mscos_json_check_string_member (loader->check, object, "corrected",
                                              MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  note = mscos_json_check_string_member (loader->check, object, "note", MSCOS_JSON_LINE);
  if (original == NULL || corrected == NULL)
    return;

  if (strcmp (original, corrected) == 0)
    {
      mscos_json_check_problem (loader->check, "\"corrected\" is the same as \"original\"");
      return;
    }

  place = find_in_item (context->item, context->label, corrected);
  if (place != TEXT_FOUND)
    {
      quoted = mscos_json_quote (corrected);
      mark = mscos_json_check_push_member (loader->check, "corrected");
      if (place == TEXT_IN_QUOTATION)
        mscos_json_check_problem (loader->check,
                                  "%s is only in a quotation, which keeps the speaker's words "
                                  "as said: corrections are not allowed", quoted);
      else
        mscos_json_check_problem (loader->check, "%s is not in this item's text", quoted);
      mscos_json_check_pop (loader->check, mark);
      return;
    }

  correction = g_new0 (MscosCorrection, 1);
  correction->original = g_strdup (original);
  correction->corrected = g_strdup (corrected);
  correction->note = g_strdup (note);
  g_ptr_array_add (context->item->corrections, correction);
}

/* Reads the "corrections" of @object once @item holds its text; @label is the label the pack
 * gave a recommendation. */
static void
load_corrections (Loader     *loader,
                  JsonObject *object,
                  MscosItem  *item,
                  const char *label)
{
  CorrectionsContext context = { item, label };

  if (!json_object_has_member (object, "corrections"))
    return;

  item->corrections = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_correction_free);
  mscos_content_load_array_member (loader, object, "corrections", 0, FALSE, load_correction_cb,
                                   &context);
}

/* --- Items ------------------------------------------------------------------------------- */

static MscosItem *
new_item (Loader        *loader,
          MscosItemKind  kind,
          MscosItem     *parent,
          const char    *id)
{
  MscosItem *item = g_object_new (MSCOS_TYPE_ITEM, NULL);

  item->strings = mscos_content_text_ref (loader->strings);
  item->kind = kind;
  item->parent = parent;
  item->id = id;
  item->outcome_id = loader->outcome_id;

  return item;
}

static void
index_item (Loader    *loader,
            MscosItem *item)
{
  if (item->id == NULL)
    return;

  g_hash_table_insert (loader->pack->items, (gpointer) item->id, item);
  loader->n_outcome_items++;
}

/* Loads the array member @name of @object with @func, which leaves each item it makes on the
 * pending stack, then moves those items to the end of @store all at once: each change to a
 * store is announced with a signal and a property notification, which cost more than making
 * the item. @store is made if it is NULL and some item was read. */
static void
load_items_into (Loader          *loader,
                 JsonObject      *object,
                 const char      *name,
                 MscosJsonFlags   flags,
                 gboolean         non_empty,
                 LoadElementFunc  func,
                 gpointer         data,
                 GListStore     **store)
{
  GPtrArray *pending = loader->pending_items;
  guint start = pending->len;

  mscos_content_load_array_member (loader, object, name, flags, non_empty, func, data);

  if (pending->len > start)
    {
      if (*store == NULL)
        *store = g_list_store_new (MSCOS_TYPE_ITEM);
      g_list_store_splice (*store, g_list_model_get_n_items (G_LIST_MODEL (*store)), 0,
                           pending->pdata + start, pending->len - start);
      g_ptr_array_set_size (pending, start);
    }
}

typedef struct
{
  MscosItem *parent;
  guint      depth;
} RecommendationContext;

static void
load_recommendation_cb (Loader   *loader,
                        JsonNode *node,
                        guint     index,
                        gpointer  data)
{
  RecommendationContext *context = data;
  g_autoptr (MscosItem) item = NULL;
  JsonObject *object = mscos_json_check_object (loader->check, node);
  MscosItem *set;
  const char *label;

  if (object == NULL)
    return;

  mscos_json_check_members (loader->check, object, recommendation_members);
  item = new_item (loader, MSCOS_ITEM_RECOMMENDATION, context->parent,
                   load_id (loader, object, TRUE));
  item->text = mscos_content_load_string (loader, object, "text",
                                          MSCOS_JSON_REQUIRED | MSCOS_JSON_TEXT);
  label = mscos_json_check_string_member (loader->check, object, "label", MSCOS_JSON_LINE);
  if (label != NULL)
    item->label = g_strdup (label);
  else if (context->parent->style == MSCOS_LIST_NUMBERED)
    item->label = g_strdup_printf ("%u.", index + 1);

  item->style = mscos_json_check_enum_member (loader->check, object, "style", 0, style_names,
                                              MSCOS_LIST_BULLETED);
  load_corrections (loader, object, item, label);

  if (json_object_has_member (object, "items"))
    {
      RecommendationContext nested = { item, context->depth + 1 };

      if (nested.depth > MAX_NESTING)
        {
          gsize mark = mscos_json_check_push_member (loader->check, "items");

          mscos_json_check_problem (loader->check,
                                    "recommendations are nested more than %u levels deep",
                                    MAX_NESTING);
          mscos_json_check_pop (loader->check, mark);
        }
      else
        {
          load_items_into (loader, object, "items", 0, TRUE, load_recommendation_cb, &nested,
                           &item->children);
        }
    }

  for (set = context->parent; set->kind != MSCOS_ITEM_RECOMMENDATIONS; set = set->parent)
    ;
  set->n_recommendations++;

  index_item (loader, item);
  g_ptr_array_add (loader->pending_items, g_steal_pointer (&item));
}

static void
load_group_cb (Loader   *loader,
               JsonNode *node,
               guint     index,
               gpointer  data)
{
  MscosItem *set = data;
  g_autoptr (MscosItem) group = NULL;
  JsonObject *object = mscos_json_check_object (loader->check, node);
  RecommendationContext context;

  if (object == NULL)
    return;

  mscos_json_check_members (loader->check, object, group_members);
  group = new_item (loader, MSCOS_ITEM_GROUP, set, load_id (loader, object, FALSE));
  group->title = mscos_content_load_string (loader, object, "title", MSCOS_JSON_LINE);
  group->intro = mscos_content_load_blocks (loader, object, "intro", FALSE);
  group->style = mscos_json_check_enum_member (loader->check, object, "style",
                                               MSCOS_JSON_REQUIRED, style_names,
                                               MSCOS_LIST_BULLETED);

  context.parent = group;
  context.depth = 1;
  load_items_into (loader, object, "items", MSCOS_JSON_REQUIRED, TRUE, load_recommendation_cb,
                   &context, &group->children);

  if (set->children == NULL)
    set->children = g_list_store_new (MSCOS_TYPE_ITEM);
  g_list_store_append (set->children, group);
}

static void load_item_cb (Loader   *loader,
                          JsonNode *node,
                          guint     index,
                          gpointer  data);

typedef struct
{
  MscosItem *parent;
} ItemsContext;

static void
load_item_kind (Loader     *loader,
                JsonObject *object,
                MscosItem  *item)
{
  MscosJsonCheck *check = loader->check;

  switch (item->kind)
    {
    case MSCOS_ITEM_QUOTE:
      mscos_json_check_members (check, object, quote_members);
      item->text = mscos_content_load_string (loader, object, "text",
                                              MSCOS_JSON_REQUIRED | MSCOS_JSON_TEXT);
      /* A quotation the source attributes to nobody has no speaker: none is ever guessed. */
      item->speaker = load_repeated_string (loader, object, "speaker", MSCOS_JSON_LINE);
      item->role = load_repeated_string (loader, object, "role", MSCOS_JSON_LINE);
      if (item->role != NULL && !json_object_has_member (object, "speaker"))
        {
          gsize mark = mscos_json_check_push_member (check, "role");

          mscos_json_check_problem (check, "role needs a speaker");
          mscos_json_check_pop (check, mark);
        }
      if (json_object_has_member (object, "corrections"))
        {
          gsize mark = mscos_json_check_push_member (check, "corrections");

          mscos_json_check_problem (check, "a quote keeps the speaker's words as said: "
                                    "corrections are not allowed");
          mscos_json_check_pop (check, mark);
        }
      return;

    case MSCOS_ITEM_AUDIO:
      mscos_json_check_members (check, object, audio_members);
      item->title = mscos_content_load_string (loader, object, "title",
                                               MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
      item->speaker = load_repeated_string (loader, object, "speaker",
                                            MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
      item->summary = mscos_content_load_string (loader, object, "description",
                                                 MSCOS_JSON_REQUIRED | MSCOS_JSON_TEXT);
      item->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_audio_source_free);
      mscos_content_load_array_member (loader, object, "sources", MSCOS_JSON_REQUIRED, FALSE,
                                       load_source_cb, item->sources);
      item->blocks = mscos_content_load_blocks (loader, object, "transcript", FALSE);
      break;

    case MSCOS_ITEM_RESOURCE:
      {
        ItemsContext context = { item };
        int type;

        mscos_json_check_members (check, object, resource_members);
        item->title = mscos_content_load_string (loader, object, "title",
                                                 MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
        item->organisation = load_repeated_string (loader, object, "organisation", MSCOS_JSON_LINE);
        type = mscos_json_check_enum_member (check, object, "type", MSCOS_JSON_REQUIRED,
                                             resource_types, -1);
        if (type >= 0)
          item->resource_type = resource_types[type];
        item->summary = mscos_content_load_string (loader, object, "summary",
                                                   MSCOS_JSON_REQUIRED | MSCOS_JSON_TEXT);
        item->blocks = mscos_content_load_blocks (loader, object, "body", FALSE);
        item->links = mscos_content_load_links (loader, object);
        load_phones (loader, object, item);
        load_items_into (loader, object, "items", 0, FALSE, load_item_cb, &context,
                         &item->children);
      }
      break;

    case MSCOS_ITEM_RECOMMENDATIONS:
      mscos_json_check_members (check, object, recommendations_members);
      item->title = mscos_content_load_string (loader, object, "title",
                                               MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
      item->organisation = load_repeated_string (loader, object, "source", MSCOS_JSON_LINE);
      item->intro = mscos_content_load_blocks (loader, object, "intro", FALSE);
      mscos_content_load_array_member (loader, object, "groups", MSCOS_JSON_REQUIRED, TRUE,
                                       load_group_cb, item);
      break;

    case MSCOS_ITEM_PROFILE:
      mscos_json_check_members (check, object, profile_members);
      item->title = mscos_content_load_string (loader, object, "name",
                                               MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
      item->role = load_repeated_string (loader, object, "role", MSCOS_JSON_LINE);
      item->blocks = mscos_content_load_blocks (loader, object, "body", TRUE);
      item->links = mscos_content_load_links (loader, object);
      break;

    case MSCOS_ITEM_TEXT:
      mscos_json_check_members (check, object, text_members);
      item->title = mscos_content_load_string (loader, object, "title", MSCOS_JSON_LINE);
      item->blocks = mscos_content_load_blocks (loader, object, "body", TRUE);
      item->links = mscos_content_load_links (loader, object);
      load_phones (loader, object, item);
      break;

    case MSCOS_ITEM_GROUP:
    case MSCOS_ITEM_RECOMMENDATION:
    default:
      g_assert_not_reached ();
    }

  load_corrections (loader, object, item, NULL);
}

static void
load_item_cb (Loader   *loader,
              JsonNode *node,
              guint     index,
              gpointer  data)
{
  ItemsContext *context = data;
  g_autoptr (MscosItem) item = NULL;
  JsonObject *object = mscos_json_check_object (loader->check, node);
  const char *id;
  int kind;

  if (object == NULL)
    return;

  id = load_id (loader, object, TRUE);
  kind = mscos_json_check_enum_member (loader->check, object, "kind", MSCOS_JSON_REQUIRED,
                                       kind_names, -1);
  if (kind < 0)
    return;

  if (context->parent != NULL && kind == MSCOS_ITEM_RESOURCE)
    {
      gsize mark = mscos_json_check_push_member (loader->check, "kind");

      mscos_json_check_problem (loader->check, "a resource cannot hold another resource");
      mscos_json_check_pop (loader->check, mark);
      return;
    }

  item = new_item (loader, kind, context->parent, id);
  load_item_kind (loader, object, item);
  index_item (loader, item);
  g_ptr_array_add (loader->pending_items, g_steal_pointer (&item));
}

/* --- Sections and outcomes --------------------------------------------------------------- */

static void
load_section_cb (Loader   *loader,
                 JsonNode *node,
                 guint     index,
                 gpointer  data)
{
  MscosOutcome *outcome = data;
  g_autoptr (MscosSection) section = NULL;
  JsonObject *object = mscos_json_check_object (loader->check, node);
  ItemsContext context = { NULL };

  if (object == NULL)
    return;

  mscos_json_check_members (loader->check, object, section_members);
  section = g_object_new (MSCOS_TYPE_SECTION, NULL);
  section->strings = mscos_content_text_ref (loader->strings);
  section->id = load_id (loader, object, TRUE);
  section->title = mscos_content_load_string (loader, object, "title", MSCOS_JSON_LINE);
  section->intro = mscos_content_load_blocks (loader, object, "intro", FALSE);

  load_items_into (loader, object, "items", MSCOS_JSON_REQUIRED, TRUE, load_item_cb, &context,
                   &section->items);

  g_list_store_append (outcome->sections, section);
}

static void
load_outcome_cb (Loader   *loader,
                 JsonNode *node,
                 guint     index,
                 gpointer  data)
{
  g_autoptr (MscosOutcome) outcome = NULL;
  JsonObject *object = mscos_json_check_object (loader->check, node);
  JsonObject *link;
  const char *summary;
  guint *group_ranks = data;
  int group;

  if (object == NULL)
    return;

  mscos_json_check_members (loader->check, object, outcome_members);
  outcome = g_object_new (MSCOS_TYPE_OUTCOME, NULL);
  outcome->strings = mscos_content_text_ref (loader->strings);
  outcome->id = load_id (loader, object, TRUE);
  outcome->title = mscos_content_load_string (loader, object, "title",
                                              MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  group = mscos_json_check_enum_member (loader->check, object, "group", MSCOS_JSON_REQUIRED,
                                        group_names, MSCOS_OUTCOME_GROUP_CORE);
  outcome->group = group;
  if (group_ranks[group] == G_MAXUINT)
    group_ranks[group] = index;
  outcome->group_rank = group_ranks[group];

  summary = mscos_json_check_string_member (loader->check, object, "summary",
                                            MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  if (summary != NULL && g_utf8_strlen (summary, -1) > 300)
    {
      gsize mark = mscos_json_check_push_member (loader->check, "summary");

      mscos_json_check_problem (loader->check, "must be at most 300 characters");
      mscos_json_check_pop (loader->check, mark);
    }
  outcome->summary = mscos_content_text_add (loader->strings, summary);
  outcome->strapline = mscos_content_load_string (loader, object, "strapline", MSCOS_JSON_LINE);
  outcome->descriptor = mscos_content_load_blocks (loader, object, "descriptor", TRUE);
  /* A pack never claims the study's words by leaving this out. */
  outcome->descriptor_source = mscos_json_check_enum_member (loader->check, object,
                                                             "descriptor_source", 0,
                                                             descriptor_sources,
                                                             MSCOS_DESCRIPTOR_SOURCE_SUMMARY);

  link = mscos_json_check_object_member (loader->check, object, "link", 0);
  if (link != NULL)
    {
      gsize mark = mscos_json_check_push_member (loader->check, "link");

      outcome->link = mscos_content_load_link (loader, json_object_get_member (object, "link"));
      mscos_json_check_pop (loader->check, mark);
    }

  loader->outcome_id = outcome->id;
  loader->n_outcome_items = 0;
  mscos_content_load_array_member (loader, object, "sections", MSCOS_JSON_REQUIRED, FALSE,
                                   load_section_cb, outcome);
  outcome->n_items = loader->n_outcome_items;
  loader->pack->n_items += loader->n_outcome_items;

  g_list_store_append (loader->pack->outcomes, outcome);
}

static gboolean
is_date (const char *date)
{
  g_autoptr (GDateTime) parsed = NULL;
  g_autofree char *with_time = NULL;

  if (strlen (date) != 10)
    return FALSE;

  with_time = g_strconcat (date, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (with_time, NULL);

  return parsed != NULL;
}

static void
load_pack_metadata (Loader     *loader,
                    JsonObject *root)
{
  JsonObject *object = mscos_json_check_object_member (loader->check, root, "pack",
                                                       MSCOS_JSON_REQUIRED);
  MscosContentPack *pack = loader->pack;
  gsize mark;

  if (object == NULL)
    return;

  mark = mscos_json_check_push_member (loader->check, "pack");
  mscos_json_check_members (loader->check, object, pack_members);
  pack->id = mscos_content_load_string (loader, object, "id", MSCOS_JSON_REQUIRED | MSCOS_JSON_ID);
  pack->title = mscos_content_load_string (loader, object, "title",
                                           MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  pack->revision = mscos_content_load_string (loader, object, "revision",
                                              MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  pack->date = mscos_content_load_string (loader, object, "date",
                                          MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  if (pack->date != NULL && !is_date (pack->date))
    {
      gsize date_mark = mscos_json_check_push_member (loader->check, "date");

      mscos_json_check_problem (loader->check, "expected a date as YYYY-MM-DD");
      mscos_json_check_pop (loader->check, date_mark);
    }
  pack->language = mscos_content_load_string (loader, object, "language",
                                              MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  pack->description = mscos_content_load_string (loader, object, "description", MSCOS_JSON_LINE);
  mscos_json_check_pop (loader->check, mark);
}

/* Returns FALSE when the document is not a pack this app can read at all. */
static gboolean
load_format (Loader     *loader,
             JsonObject *root,
             gboolean   *newer)
{
  const char *format;
  gint64 version = 0;

  format = mscos_json_check_string_member (loader->check, root, "format",
                                           MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  if (format == NULL)
    return FALSE;

  if (strcmp (format, MSCOS_CONTENT_FORMAT) != 0)
    {
      gsize mark = mscos_json_check_push_member (loader->check, "format");

      mscos_json_check_problem (loader->check, "this is not an MSCOS content pack "
                                "(expected \"" MSCOS_CONTENT_FORMAT "\")");
      mscos_json_check_pop (loader->check, mark);
      return FALSE;
    }

  if (!mscos_json_check_int_member (loader->check, root, "version", MSCOS_JSON_REQUIRED,
                                    1, G_MAXINT32, &version))
    return FALSE;

  if (version > MSCOS_CONTENT_VERSION)
    {
      gsize mark = mscos_json_check_push_member (loader->check, "version");

      mscos_json_check_problem (loader->check,
                                "this pack is of format version %" G_GINT64_FORMAT
                                "; this version of MSCOS Outcomes reads version %d. "
                                "Update the app to read it.", version, MSCOS_CONTENT_VERSION);
      mscos_json_check_pop (loader->check, mark);
      *newer = TRUE;
      return FALSE;
    }

  return TRUE;
}

/* Checks @document and builds the pack from it, recording every problem in @check.
 * Returns %NULL if there was any. */
static MscosContentPack *
load_document (MscosJsonCheck *check,
               JsonNode       *document,
               GFile          *base,
               gboolean       *newer)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) pending_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (MscosContentPack) pack = NULL;
  guint group_ranks[] = { G_MAXUINT, G_MAXUINT, G_MAXUINT };
  Loader loader = { 0 };
  JsonObject *root;

  root = mscos_json_check_object (check, document);
  if (root == NULL)
    return NULL;

  pack = g_object_new (MSCOS_TYPE_CONTENT_PACK, NULL);
  pack->strings = mscos_content_text_new ();

  loader.check = check;
  loader.document = document;
  loader.strings = pack->strings;
  loader.base = base;
  loader.pack = pack;
  loader.ids = ids;
  loader.pending_items = pending_items;

  if (load_format (&loader, root, newer))
    {
      mscos_json_check_members (check, root, top_members);
      load_pack_metadata (&loader, root);
      mscos_content_load_array_member (&loader, root, "outcomes", MSCOS_JSON_REQUIRED, TRUE,
                                       load_outcome_cb, group_ranks);
    }
  g_clear_pointer (&loader.id_paths, g_hash_table_unref);

  if (mscos_json_check_failed (check))
    return NULL;

  return g_steal_pointer (&pack);
}

static MscosJsonCheck *
new_check (void)
{
  MscosJsonCheck *check = mscos_json_check_new ();

  mscos_json_check_set_document_name (check, "pack");

  return check;
}

/**
 * mscos_content_pack_parse:
 * @bytes: the pack's JSON text
 * @base: (nullable): the pack's folder, against which audio file paths are resolved
 * @error: the problems, one a line as "PATH: message", when the pack is refused
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL if it has any problem
 */
MscosContentPack *
mscos_content_pack_parse (GBytes  *bytes,
                          GFile   *base,
                          GError **error)
{
  g_autoptr (MscosJsonCheck) check = new_check ();
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (MscosContentPack) pack = NULL;
  g_autofree char *message = NULL;
  gboolean newer = FALSE;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (data == NULL)
    data = "";

  /* Finding repeated members takes a walk over the whole tree, which checking the pack does
   * anyway: it is left until then. In the rare pack where members may have been lost, the
   * pack is read and checked again, finding them first. */
  document = mscos_json_check_parse_deferred (check, data, length);
  if (document != NULL)
    {
      pack = load_document (check, document, base, &newer);

      if (mscos_json_check_may_have_duplicates (check, document))
        {
          g_clear_object (&pack);
          g_clear_pointer (&document, json_node_unref);
          g_clear_pointer (&check, mscos_json_check_free);
          check = new_check ();
          newer = FALSE;

          document = mscos_json_check_parse (check, data, length);
          if (document != NULL)
            pack = load_document (check, document, base, &newer);
        }
    }

  if (pack != NULL)
    return g_steal_pointer (&pack);

  message = mscos_json_check_to_message (check);
  g_set_error_literal (error, MSCOS_CONTENT_ERROR,
                       newer ? MSCOS_CONTENT_ERROR_NEWER_VERSION : MSCOS_CONTENT_ERROR_INVALID,
                       message);
  return NULL;
}
