/* mscos-json-check.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Reading untrusted JSON: every getter checks the type first, records a problem with the JSON
 * path where it is, and never reaches json-glib's asserting getters with a wrong type. */

typedef enum
{
  MSCOS_JSON_OPTIONAL = 0,
  MSCOS_JSON_REQUIRED = 1 << 0,
  /* A string on one line: no control characters at all. */
  MSCOS_JSON_LINE = 1 << 1,
  /* A string that may hold line breaks, but no other control characters. */
  MSCOS_JSON_TEXT = 1 << 2,
  /* An id: lower-case words joined by '-' or '.', at most 128 bytes. */
  MSCOS_JSON_ID = 1 << 3,
  /* An empty string is allowed. */
  MSCOS_JSON_MAY_BE_EMPTY = 1 << 4,
} MscosJsonFlags;

#define MSCOS_JSON_MAX_STRING  65536
#define MSCOS_JSON_MAX_PROBLEMS 500

typedef struct _MscosJsonCheck MscosJsonCheck;

MscosJsonCheck *mscos_json_check_new            (void);
void            mscos_json_check_free           (MscosJsonCheck   *check);
void            mscos_json_check_allow_dense_values
                                                (MscosJsonCheck   *check);
void            mscos_json_check_set_document_name
                                                (MscosJsonCheck   *check,
                                                 const char       *name);
JsonNode       *mscos_json_check_parse          (MscosJsonCheck   *check,
                                                 const char       *data,
                                                 gsize             length);
JsonNode       *mscos_json_check_parse_deferred (MscosJsonCheck   *check,
                                                 const char       *data,
                                                 gsize             length);
gboolean        mscos_json_check_may_have_duplicates
                                                (MscosJsonCheck   *check,
                                                 JsonNode         *root);
gboolean        mscos_json_check_failed         (MscosJsonCheck   *check);
guint           mscos_json_check_n_problems     (MscosJsonCheck   *check);
gboolean        mscos_json_check_is_full        (MscosJsonCheck   *check);
char           *mscos_json_check_to_message     (MscosJsonCheck   *check);
void            mscos_json_check_problem        (MscosJsonCheck   *check,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (2, 3);
gsize           mscos_json_check_push_member    (MscosJsonCheck   *check,
                                                 const char       *name);
gsize           mscos_json_check_push_index     (MscosJsonCheck   *check,
                                                 guint             index);
void            mscos_json_check_pop            (MscosJsonCheck   *check,
                                                 gsize             length);
const char     *mscos_json_check_path           (MscosJsonCheck   *check);
void            mscos_json_check_members        (MscosJsonCheck   *check,
                                                 JsonObject       *object,
                                                 const char *const *allowed);
JsonObject     *mscos_json_check_object         (MscosJsonCheck   *check,
                                                 JsonNode         *node);
JsonObject     *mscos_json_check_object_member  (MscosJsonCheck   *check,
                                                 JsonObject       *object,
                                                 const char       *name,
                                                 MscosJsonFlags    flags);
JsonArray      *mscos_json_check_array_member   (MscosJsonCheck   *check,
                                                 JsonObject       *object,
                                                 const char       *name,
                                                 MscosJsonFlags    flags);
const char     *mscos_json_check_string         (MscosJsonCheck   *check,
                                                 JsonNode         *node,
                                                 MscosJsonFlags    flags);
const char     *mscos_json_check_string_member  (MscosJsonCheck   *check,
                                                 JsonObject       *object,
                                                 const char       *name,
                                                 MscosJsonFlags    flags);
gboolean        mscos_json_check_int_member     (MscosJsonCheck   *check,
                                                 JsonObject       *object,
                                                 const char       *name,
                                                 MscosJsonFlags    flags,
                                                 gint64            min,
                                                 gint64            max,
                                                 gint64           *value);
int             mscos_json_check_enum_member    (MscosJsonCheck   *check,
                                                 JsonObject       *object,
                                                 const char       *name,
                                                 MscosJsonFlags    flags,
                                                 const char *const *choices,
                                                 int               fallback);

gboolean        mscos_json_is_id                (const char       *string);
char           *mscos_json_quote                (const char       *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MscosJsonCheck, mscos_json_check_free)

G_END_DECLS
