/* mscos-json-check-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-json-check.h"

/* What the two files of MscosJsonCheck share: mscos-json-check.c parses a document and keeps
 * the path and the problems, mscos-json-check-values.c checks the values in it. */

G_BEGIN_DECLS

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
  /* What the document is, in messages: "pack". */
  char       *name;
  /* The pre-scan allows one value for every bytes_per_value bytes of text. */
  guint       bytes_per_value;
  /* JsonObject → GPtrArray of member names that appeared more than once in it. */
  GHashTable *duplicates;
  /* JsonObject → its size after its last member signal, while re-parsing for duplicates. */
  GHashTable *sizes;
  /* How many members the text holds, and how many members the objects given to
   * mscos_json_check_members() hold. */
  gsize       n_text_members;
  gsize       n_checked_members;
};

char       *mscos_json_check_quote_value   (const char *value);
const char *mscos_json_check_describe_node (JsonNode   *node);
gsize       mscos_json_check_span_plain    (const char *string);

G_END_DECLS
