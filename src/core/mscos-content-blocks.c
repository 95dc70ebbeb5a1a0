/* mscos-content-blocks.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-content-loader"

#include "config.h"

#include "mscos-content-loader-private.h"

#include "mscos-link-policy.h"

/* The rich text and the links of a content pack's items and outcomes, as the content pack's
 * reader (mscos-content-loader.c) meets them: paragraphs, headings, quotations and nested
 * lists, and links whose addresses the link policy allows. */

static const char * const text_block_members[] = { "type", "text", NULL };
static const char * const quote_block_members[] = { "type", "text", "attribution", NULL };
static const char * const list_block_members[] = { "type", "style", "start", "items", NULL };
static const char * const list_item_members[] = { "text", "label", "style", "items", NULL };
static const char * const link_members[] = { "title", "uri", NULL };
static const char * const block_types[] = { "paragraph", "heading", "quote", "list", NULL };

static MscosBlock *load_list (Loader     *loader,
                              JsonObject *object,
                              guint       depth);

/* --- Blocks ------------------------------------------------------------------------------ */

typedef struct
{
  MscosBlock *list;
  guint       depth;
} ListContext;

static MscosBlock *
new_block (Loader         *loader,
           MscosBlockType  type,
           const char     *text)
{
  return mscos_block_new_in_text (type, mscos_content_text_add (loader->strings, text),
                                  loader->strings);
}

static void
load_list_item_cb (Loader   *loader,
                   JsonNode *node,
                   guint     index,
                   gpointer  data)
{
  ListContext *context = data;
  g_autoptr (MscosBlock) entry = NULL;
  JsonObject *object;
  const char *text;

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      text = mscos_json_check_string (loader->check, node, MSCOS_JSON_TEXT);
      if (text != NULL)
        mscos_block_add_child (context->list, new_block (loader, MSCOS_BLOCK_LIST_ITEM, text));
      return;
    }

  object = mscos_json_check_object (loader->check, node);
  if (object == NULL)
    return;

  mscos_json_check_members (loader->check, object, list_item_members);
  text = mscos_json_check_string_member (loader->check, object, "text",
                                         MSCOS_JSON_REQUIRED | MSCOS_JSON_TEXT);
  entry = new_block (loader, MSCOS_BLOCK_LIST_ITEM, text);
  mscos_block_set_label (entry, mscos_json_check_string_member (loader->check, object, "label",
                                                                MSCOS_JSON_LINE));

  if (json_object_has_member (object, "items"))
    {
      MscosBlock *nested = load_list (loader, object, context->depth + 1);

      if (nested != NULL)
        mscos_block_add_child (entry, nested);
    }
  else if (json_object_has_member (object, "style"))
    {
      mscos_json_check_enum_member (loader->check, object, "style", 0, style_names, 0);
    }

  mscos_block_add_child (context->list, g_steal_pointer (&entry));
}

/* Reads the "style" and "items" of @object as a list. */
static MscosBlock *
load_list (Loader     *loader,
           JsonObject *object,
           guint       depth)
{
  ListContext context;
  gsize mark;
  int style;

  if (depth > MAX_NESTING)
    {
      mark = mscos_json_check_push_member (loader->check, "items");
      mscos_json_check_problem (loader->check, "lists are nested more than %u levels deep",
                                MAX_NESTING);
      mscos_json_check_pop (loader->check, mark);
      return NULL;
    }

  style = mscos_json_check_enum_member (loader->check, object, "style", 0, style_names,
                                        MSCOS_LIST_BULLETED);
  context.list = mscos_block_new (MSCOS_BLOCK_LIST, NULL);
  context.depth = depth;
  mscos_block_set_style (context.list, style);
  mscos_content_load_array_member (loader, object, "items", MSCOS_JSON_REQUIRED, TRUE,
                                   load_list_item_cb, &context);

  return context.list;
}

static void
load_block_cb (Loader   *loader,
               JsonNode *node,
               guint     index,
               gpointer  data)
{
  GPtrArray *blocks = data;
  JsonObject *object = mscos_json_check_object (loader->check, node);
  MscosBlock *block = NULL;
  const char *text;
  int type;

  if (object == NULL)
    return;

  type = mscos_json_check_enum_member (loader->check, object, "type", MSCOS_JSON_REQUIRED,
                                       block_types, -1);
  switch (type)
    {
    case 0: /* paragraph */
    case 1: /* heading */
      mscos_json_check_members (loader->check, object, text_block_members);
      text = mscos_json_check_string_member (loader->check, object, "text",
                                             MSCOS_JSON_REQUIRED | MSCOS_JSON_TEXT);
      block = new_block (loader, type == 0 ? MSCOS_BLOCK_PARAGRAPH : MSCOS_BLOCK_HEADING, text);
      break;

    case 2: /* quote */
      mscos_json_check_members (loader->check, object, quote_block_members);
      text = mscos_json_check_string_member (loader->check, object, "text",
                                             MSCOS_JSON_REQUIRED | MSCOS_JSON_TEXT);
      block = new_block (loader, MSCOS_BLOCK_QUOTE, text);
      mscos_block_set_label (block, mscos_json_check_string_member (loader->check, object,
                                                                    "attribution",
                                                                    MSCOS_JSON_LINE));
      break;

    case 3: /* list */
      {
        gint64 start = 1;

        mscos_json_check_members (loader->check, object, list_block_members);
        mscos_json_check_int_member (loader->check, object, "start", 0, 0, 1000000, &start);
        block = load_list (loader, object, 1);
        /* Entries without a label of their own are numbered from "start". */
        if (block != NULL && mscos_block_get_style (block) == MSCOS_LIST_NUMBERED)
          for (guint i = 0; i < mscos_block_get_n_children (block); i++)
            {
              MscosBlock *entry = mscos_block_get_child (block, i);

              if (mscos_block_get_label (entry) == NULL)
                {
                  g_autofree char *label = g_strdup_printf ("%" G_GINT64_FORMAT ".", start + i);

                  mscos_block_set_label (entry, label);
                }
            }
      }
      break;

    default:
      break;
    }

  if (block != NULL)
    g_ptr_array_add (blocks, block);
}

GPtrArray *
mscos_content_load_blocks (Loader     *loader,
                           JsonObject *object,
                           const char *name,
                           gboolean    required)
{
  GPtrArray *blocks;

  if (!required && !json_object_has_member (object, name))
    return NULL;

  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_block_unref);
  mscos_content_load_array_member (loader, object, name, required ? MSCOS_JSON_REQUIRED : 0,
                                   required, load_block_cb, blocks);

  return blocks;
}

/* --- Links ------------------------------------------------------------------------------- */

/* Reads the "uri" member of @object, which must be a link a pack may hold. */
const char *
mscos_content_load_uri (Loader     *loader,
                        JsonObject *object)
{
  const char *uri = mscos_json_check_string_member (loader->check, object, "uri",
                                                    MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  const char *reason = NULL;

  if (uri != NULL && !mscos_link_policy_is_pack_link (uri, &reason))
    {
      gsize mark = mscos_json_check_push_member (loader->check, "uri");

      mscos_json_check_problem (loader->check, "%s", reason);
      mscos_json_check_pop (loader->check, mark);
      return NULL;
    }

  return uri;
}

MscosLink *
mscos_content_load_link (Loader   *loader,
                         JsonNode *node)
{
  JsonObject *object = mscos_json_check_object (loader->check, node);
  const char *title, *uri;

  if (object == NULL)
    return NULL;

  mscos_json_check_members (loader->check, object, link_members);
  title = mscos_json_check_string_member (loader->check, object, "title",
                                          MSCOS_JSON_REQUIRED | MSCOS_JSON_LINE);
  uri = mscos_content_load_uri (loader, object);

  return title && uri ? mscos_link_new (title, uri) : NULL;
}

static void
load_link_cb (Loader   *loader,
              JsonNode *node,
              guint     index,
              gpointer  data)
{
  MscosLink *link = mscos_content_load_link (loader, node);

  if (link != NULL)
    g_ptr_array_add (data, link);
}

GPtrArray *
mscos_content_load_links (Loader     *loader,
                          JsonObject *object)
{
  GPtrArray *links;

  if (!json_object_has_member (object, "links"))
    return NULL;

  links = g_ptr_array_new_with_free_func ((GDestroyNotify) mscos_link_free);
  mscos_content_load_array_member (loader, object, "links", 0, FALSE, load_link_cb, links);

  return links;
}
