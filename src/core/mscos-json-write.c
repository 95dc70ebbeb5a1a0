/* mscos-json-write.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the files the app writes (the library, review comments) have in common, on top of
 * JsonBuilder: optional members, and times as ISO 8601 in UTC. */

#define G_LOG_DOMAIN "mscos-json"

#include "config.h"

#include "mscos-json-write.h"

/**
 * mscos_json_add_string:
 * @builder: a #JsonBuilder inside an object
 * @name: the member's name
 * @value: (nullable): its value; %NULL leaves the member out
 *
 * Adds a string member, if there is a value.
 */
void
mscos_json_add_string (JsonBuilder *builder,
                       const char  *name,
                       const char  *value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (name != NULL);

  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * mscos_json_add_time:
 * @builder: a #JsonBuilder inside an object
 * @name: the member's name
 * @time: a time, in any zone
 *
 * Adds @time in UTC as g_date_time_format_iso8601() writes it: "2026-11-28T10:15:00.123456Z",
 * without the fraction when it is zero.
 */
void
mscos_json_add_time (JsonBuilder *builder,
                     const char  *name,
                     GDateTime   *time)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (time != NULL);

  utc = g_date_time_to_utc (time);
  text = g_date_time_format_iso8601 (utc);
  mscos_json_add_string (builder, name, text);
}
