/* mscos-link-policy.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-link-policy"

#include "config.h"

#include <string.h>

#include "mscos-link-policy.h"

/* Schemes handed to the desktop, after a confirmation, because they start a message or call. */
static const char * const desktop_schemes[] = { "mailto", "tel", "sms", NULL };

static gboolean
has_space_or_control (const char *uri)
{
  for (const char *p = uri; *p; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return TRUE;

  return FALSE;
}

/* Schemes are case-insensitive; g_uri_parse_scheme() keeps the case of the text. */
static char *
dup_scheme (const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  return scheme ? g_ascii_strdown (scheme, -1) : NULL;
}

static gboolean
is_web_address (const char *uri)
{
  g_autoptr (GUri) parsed = NULL;
  const char *host;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  host = g_uri_get_host (parsed);
  if (host == NULL || *host == '\0')
    return FALSE;

  /* "https://trusted.example@elsewhere.example/" goes to elsewhere.example: an address that
   * hides where it goes is not followed. */
  if (g_uri_get_userinfo (parsed) != NULL)
    return FALSE;

  return TRUE;
}

/**
 * mscos_link_policy_decide:
 * @uri: an address from a content pack or a web page
 *
 * Decides what the app does with a link. http and https addresses are web pages; mailto:,
 * tel: and sms: go to the desktop after a confirmation; every other scheme, and any address
 * that is malformed, holds spaces or control characters, or carries a user name, is refused.
 *
 * Returns: what to do with @uri
 */
MscosLinkAction
mscos_link_policy_decide (const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL || has_space_or_control (uri) || !g_utf8_validate (uri, -1, NULL))
    return MSCOS_LINK_REFUSE;

  scheme = dup_scheme (uri);
  if (scheme == NULL)
    return MSCOS_LINK_REFUSE;

  if (strcmp (scheme, "https") == 0 || strcmp (scheme, "http") == 0)
    return is_web_address (uri) ? MSCOS_LINK_WEB : MSCOS_LINK_REFUSE;

  if (g_strv_contains (desktop_schemes, scheme))
    {
      const char *rest = uri + strlen (scheme) + 1;

      if (*rest == '\0' || !g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
        return MSCOS_LINK_REFUSE;
      return MSCOS_LINK_DESKTOP;
    }

  return MSCOS_LINK_REFUSE;
}

/**
 * mscos_link_policy_describe:
 * @uri: an address that mscos_link_policy_decide() accepts
 *
 * Returns: (transfer full): where @uri goes, in a few words for a confirmation: the host of
 *   a web page, or the address after "mailto:"
 */
char *
mscos_link_policy_describe (const char *uri)
{
  g_autoptr (GUri) parsed = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return g_strdup (uri);

  if (g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0')
    return g_strdup (g_uri_get_host (parsed));

  return g_uri_unescape_string (g_uri_get_path (parsed), NULL);
}

/* The fields of a mailto: address that only fill in a message the user still sends (RFC 6068);
 * any other, such as "attach", could make a mail client take a file. */
static const char * const mailto_fields[] = { "subject", "body", "cc", "bcc", NULL };

/**
 * mscos_link_policy_clean_desktop_uri:
 * @uri: an address that mscos_link_policy_decide() hands to the desktop
 *
 * Drops from a mailto: address every field but "subject", "body", "cc" and "bcc", so that
 * nothing else ("attach=/home/…" and the like) reaches a mail client. Other addresses are
 * returned as they are.
 *
 * Returns: (transfer full): the address to hand to the desktop
 */
char *
mscos_link_policy_clean_desktop_uri (const char *uri)
{
  g_autofree char *scheme = NULL;
  const char *query;
  GUriParamsIter iter;
  g_autoptr (GString) cleaned = NULL;
  g_autoptr (GError) error = NULL;
  char *name, *value;
  gboolean first = TRUE;

  g_return_val_if_fail (uri != NULL, NULL);

  scheme = dup_scheme (uri);
  query = strchr (uri, '?');
  if (g_strcmp0 (scheme, "mailto") != 0 || query == NULL)
    return g_strdup (uri);

  cleaned = g_string_new_len (uri, query - uri);
  g_uri_params_iter_init (&iter, query + 1, -1, "&", G_URI_PARAMS_NONE);
  while (g_uri_params_iter_next (&iter, &name, &value, &error))
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);
      g_autofree char *escaped = g_uri_escape_string (value, "!$'()*+,;:@/?", FALSE);

      if (g_strv_contains (mailto_fields, lower))
        {
          g_string_append_printf (cleaned, "%s%s=%s", first ? "?" : "&", lower, escaped);
          first = FALSE;
        }
      g_free (name);
      g_free (value);
    }

  /* A query that cannot be read keeps none of its fields. */
  if (error != NULL)
    g_string_truncate (cleaned, query - uri);

  return g_string_free (g_steal_pointer (&cleaned), FALSE);
}

/**
 * mscos_link_policy_dup_display_uri:
 * @uri: an address
 *
 * Returns: (transfer full): @uri whole, for a person to read: escaped characters shown as
 *   themselves where they are printable text, left escaped where they are not
 */
char *
mscos_link_policy_dup_display_uri (const char *uri)
{
  g_autofree char *unescaped = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  unescaped = g_uri_unescape_string (uri, NULL);
  if (unescaped == NULL || !g_utf8_validate (unescaped, -1, NULL))
    return g_strdup (uri);

  for (const char *p = unescaped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Line breaks and direction marks could hide part of the address. */
      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        return g_strdup (uri);
    }

  return g_steal_pointer (&unescaped);
}

/**
 * mscos_link_policy_is_pack_link:
 * @uri: a link from a content pack
 * @reason: (out) (optional): why it is not allowed
 *
 * A content pack may link web pages (https, http) and mail addresses (mailto) only.
 *
 * Returns: whether @uri may stand in a content pack
 */
gboolean
mscos_link_policy_is_pack_link (const char  *uri,
                                const char **reason)
{
  g_autofree char *scheme = dup_scheme (uri);
  MscosLinkAction action = mscos_link_policy_decide (uri);

  if (scheme == NULL || (strcmp (scheme, "https") != 0 && strcmp (scheme, "http") != 0
                         && strcmp (scheme, "mailto") != 0))
    {
      if (reason)
        *reason = "only https, http and mailto links are allowed";
      return FALSE;
    }

  if (action == MSCOS_LINK_REFUSE)
    {
      if (reason)
        *reason = "this is not a valid address (check for spaces, a missing host or a user name)";
      return FALSE;
    }

  return TRUE;
}
