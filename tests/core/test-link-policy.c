/* test-link-policy.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mscos-link-policy.h"

typedef struct
{
  const char      *uri;
  MscosLinkAction  action;
} Case;

static const Case cases[] = {
  /* Web pages */
  { "https://www.mscos.co.uk/", MSCOS_LINK_WEB },
  { "http://www.kalayaan.org.uk/campaign-posts/report/", MSCOS_LINK_WEB },
  { "HTTPS://WWW.GOV.UK/", MSCOS_LINK_WEB },
  { "HtTp://example.org", MSCOS_LINK_WEB },
  { "https://example.org:8443/a?b=c#d", MSCOS_LINK_WEB },
  { "https://[::1]/", MSCOS_LINK_WEB },
  { "http://127.0.0.1:8080/page.html", MSCOS_LINK_WEB },
  { "https://xn--bcher-kva.example/", MSCOS_LINK_WEB },
  { "https://example.org/with%20escaped%20space", MSCOS_LINK_WEB },
  /* To the desktop, after a confirmation */
  { "mailto:info@example.org", MSCOS_LINK_DESKTOP },
  { "MAILTO:info@example.org?subject=Hello", MSCOS_LINK_DESKTOP },
  { "tel:+448000121700", MSCOS_LINK_DESKTOP },
  { "sms:+448000121700", MSCOS_LINK_DESKTOP },
  /* Refused schemes */
  { "javascript:alert(1)", MSCOS_LINK_REFUSE },
  { "JavaScript:alert(document.cookie)", MSCOS_LINK_REFUSE },
  { "file:///etc/passwd", MSCOS_LINK_REFUSE },
  { "FILE:///home/user/.ssh/id_rsa", MSCOS_LINK_REFUSE },
  { "data:text/html,<script>alert(1)</script>", MSCOS_LINK_REFUSE },
  { "about:blank", MSCOS_LINK_REFUSE },
  { "blob:https://example.org/1234", MSCOS_LINK_REFUSE },
  { "ftp://example.org/file", MSCOS_LINK_REFUSE },
  { "ssh://example.org", MSCOS_LINK_REFUSE },
  { "resource:///uk/co/mscos/Outcomes/content/mscos.json", MSCOS_LINK_REFUSE },
  { "vbscript:msgbox", MSCOS_LINK_REFUSE },
  { "view-source:https://example.org/", MSCOS_LINK_REFUSE },
  { "webkit://gpu", MSCOS_LINK_REFUSE },
  /* Malformed or deceptive */
  { "", MSCOS_LINK_REFUSE },
  { "example.org", MSCOS_LINK_REFUSE },
  { "www.example.org/page", MSCOS_LINK_REFUSE },
  { "//example.org/", MSCOS_LINK_REFUSE },
  { "https://", MSCOS_LINK_REFUSE },
  { "https:///path-only", MSCOS_LINK_REFUSE },
  { "https:example.org", MSCOS_LINK_REFUSE },
  { "https://[::1/", MSCOS_LINK_REFUSE },
  { "https://exa mple.org/", MSCOS_LINK_REFUSE },
  { " https://example.org/", MSCOS_LINK_REFUSE },
  { "https://example.org/ ", MSCOS_LINK_REFUSE },
  { "\thttps://example.org/", MSCOS_LINK_REFUSE },
  { "https://example.org/\n", MSCOS_LINK_REFUSE },
  { "java\nscript:alert(1)", MSCOS_LINK_REFUSE },
  { "https://example.org/\x7f", MSCOS_LINK_REFUSE },
  { "https://www.gov.uk@evil.example/", MSCOS_LINK_REFUSE },
  { "https://user:password@example.org/", MSCOS_LINK_REFUSE },
  { "http://:@example.org/", MSCOS_LINK_REFUSE },
  { "https://example.org:99999999/", MSCOS_LINK_REFUSE },
  { "https://exam%ple.org/", MSCOS_LINK_REFUSE },
  { "mailto:", MSCOS_LINK_REFUSE },
  { "mailto:a b@example.org", MSCOS_LINK_REFUSE },
  { "https://example.org/\xff", MSCOS_LINK_REFUSE },
};

static void
test_decide (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = g_strescape (cases[i].uri, NULL);

      g_test_message ("%s", escaped);
      g_assert_cmpint (mscos_link_policy_decide (cases[i].uri), ==, cases[i].action);
    }

  g_assert_cmpint (mscos_link_policy_decide (NULL), ==, MSCOS_LINK_REFUSE);
}

static void
test_describe (void)
{
  g_autofree char *host = mscos_link_policy_describe ("https://www.mscos.co.uk/page.html");
  g_autofree char *mail = mscos_link_policy_describe ("mailto:info@example.org");

  g_assert_cmpstr (host, ==, "www.mscos.co.uk");
  g_assert_cmpstr (mail, ==, "info@example.org");
}

static void
test_clean_desktop_uri (void)
{
  static const struct {
    const char *uri;
    const char *cleaned;
  } mailto_cases[] = {
    { "mailto:info@example.org", "mailto:info@example.org" },
    { "mailto:a@example.org,b@example.org?cc=c@example.org&bcc=d@example.org&subject=Hi%20there&body=Line%0Atwo",
      "mailto:a@example.org,b@example.org?cc=c@example.org&bcc=d@example.org&subject=Hi%20there&body=Line%0Atwo" },
    { "mailto:info@example.org?attach=/etc/passwd&subject=Report", "mailto:info@example.org?subject=Report" },
    { "mailto:info@example.org?Attach=%2Fhome%2Fuser%2F.ssh%2Fid_rsa", "mailto:info@example.org" },
    { "mailto:info@example.org?SUBJECT=Hello&in-reply-to=x&attachment=y", "mailto:info@example.org?subject=Hello" },
    { "MAILTO:info@example.org?x-attach=1", "MAILTO:info@example.org" },
    { "tel:+448000121700", "tel:+448000121700" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mailto_cases); i++)
    {
      g_autofree char *cleaned = mscos_link_policy_clean_desktop_uri (mailto_cases[i].uri);

      g_test_message ("%s", mailto_cases[i].uri);
      g_assert_cmpstr (cleaned, ==, mailto_cases[i].cleaned);
      g_assert_cmpint (mscos_link_policy_decide (cleaned), ==, MSCOS_LINK_DESKTOP);
    }
}

static void
test_display_uri (void)
{
  g_autofree char *plain = mscos_link_policy_dup_display_uri ("mailto:a@example.org?cc=c%40example.org&subject=Hi%20there");
  g_autofree char *hidden = mscos_link_policy_dup_display_uri ("mailto:a@example.org?subject=Hi%0Abcc");
  g_autofree char *bidi = mscos_link_policy_dup_display_uri ("mailto:a@example.org?subject=%E2%80%AEgro");

  g_assert_cmpstr (plain, ==, "mailto:a@example.org?cc=c@example.org&subject=Hi there");
  g_assert_cmpstr (hidden, ==, "mailto:a@example.org?subject=Hi%0Abcc");
  g_assert_cmpstr (bidi, ==, "mailto:a@example.org?subject=%E2%80%AEgro");
}

static void
test_pack_links (void)
{
  const char *reason = NULL;

  g_assert_true (mscos_link_policy_is_pack_link ("https://www.mscos.co.uk/", &reason));
  g_assert_true (mscos_link_policy_is_pack_link ("mailto:info@example.org", &reason));
  g_assert_false (mscos_link_policy_is_pack_link ("tel:+448000121700", &reason));
  g_assert_cmpstr (reason, ==, "only https, http and mailto links are allowed");
  g_assert_false (mscos_link_policy_is_pack_link ("javascript:alert(1)", &reason));
  g_assert_cmpstr (reason, ==, "only https, http and mailto links are allowed");
  g_assert_false (mscos_link_policy_is_pack_link ("https://a@b.example/", &reason));
  g_assert_true (g_str_has_prefix (reason, "this is not a valid address"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/link-policy/decide", test_decide);
  g_test_add_func ("/core/link-policy/describe", test_describe);
  g_test_add_func ("/core/link-policy/clean-desktop-uri", test_clean_desktop_uri);
  g_test_add_func ("/core/link-policy/display-uri", test_display_uri);
  g_test_add_func ("/core/link-policy/pack-links", test_pack_links);

  return g_test_run ();
}
