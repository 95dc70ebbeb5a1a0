/* mscos-content-loader-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-content-private.h"
#include "mscos-json-check.h"

/* What the files of the content pack's reader share: mscos-content-loader.c reads the pack,
 * its outcomes and items, mscos-content-blocks.c the rich text and links inside them. */

G_BEGIN_DECLS

/* Lists and recommendations may nest this deep. */
#define MAX_NESTING 32

typedef struct
{
  MscosJsonCheck   *check;
  JsonNode         *document;
  /* The pack's text, which the model's strings are copied into */
  MscosContentText *strings;
  GFile            *base;
  MscosContentPack *pack;
  /* id → the object that first used it */
  GHashTable       *ids;
  /* object → the path of its "id", made only when an id is used twice */
  GHashTable       *id_paths;
  /* Items read and not yet in their store, a stack for load_items_into() */
  GPtrArray        *pending_items;
  const char       *outcome_id;
  guint             n_outcome_items;
} Loader;

/* Calls @func for each element of the array member @name of @object, with the path set to
 * the element. */
typedef void (*LoadElementFunc) (Loader   *loader,
                                 JsonNode *node,
                                 guint     index,
                                 gpointer  data);

/* The styles of lists and of recommendation groups. */
static const char * const style_names[] = { "bulleted", "numbered", NULL };

void        mscos_content_load_array_member (Loader          *loader,
                                             JsonObject      *object,
                                             const char      *name,
                                             MscosJsonFlags   flags,
                                             gboolean         non_empty,
                                             LoadElementFunc  func,
                                             gpointer         data);
const char *mscos_content_load_string       (Loader          *loader,
                                             JsonObject      *object,
                                             const char      *name,
                                             MscosJsonFlags   flags);
GPtrArray  *mscos_content_load_blocks       (Loader          *loader,
                                             JsonObject      *object,
                                             const char      *name,
                                             gboolean         required);
MscosLink  *mscos_content_load_link         (Loader          *loader,
                                             JsonNode        *node);
GPtrArray  *mscos_content_load_links        (Loader          *loader,
                                             JsonObject      *object);
const char *mscos_content_load_uri          (Loader          *loader,
                                             JsonObject      *object);

G_END_DECLS
