/* mscos-web-session.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-web-session"

#include "config.h"

#include "mscos-web-page.h"
#include "mscos-web-session.h"

/* What every web view of the app shares: one web context, one set of settings and one
 * ephemeral network session, made the first time a page is shown.
 *
 * Some people read the app with an abuser watching the device, so the viewer must leave no
 * trace: the network session is ephemeral (cookies, cache, local storage, IndexedDB and HSTS
 * live in memory only and die with it), credentials are never stored, and nothing that writes
 * to the disk behind the user's back (downloads, file choosers, the web inspector) is let in.
 * See mscos_web_session_get_settings() for the settings and why. */

static WebKitWebContext *context;
static WebKitNetworkSession *session;
static WebKitSettings *settings;

/* The viewer never saves a file: a download a page starts is offered to the user's browser
 * instead (see mscos_web_page_offer_file()). */
static void
download_started_cb (WebKitNetworkSession *network_session,
                     WebKitDownload       *download,
                     gpointer              user_data)
{
  WebKitURIRequest *request = webkit_download_get_request (download);
  WebKitWebView *web_view = webkit_download_get_web_view (download);
  g_autofree char *uri = g_strdup (webkit_uri_request_get_uri (request));
  GtkWidget *page = NULL;

  webkit_download_cancel (download);

  if (web_view != NULL)
    page = gtk_widget_get_ancestor (GTK_WIDGET (web_view), MSCOS_TYPE_WEB_PAGE);

  g_debug ("Download of %s cancelled", uri);
  if (page != NULL)
    mscos_web_page_offer_file (MSCOS_WEB_PAGE (page), uri);
}

/**
 * mscos_web_session_get_context:
 *
 * The app's one web context, made explicitly rather than WebKit's default: the document-viewer
 * cache model keeps the least in memory (no back-forward page cache, small resource caches).
 *
 * Returns: (transfer none): the web context of every web view of the app
 */
WebKitWebContext *
mscos_web_session_get_context (void)
{
  if (context == NULL)
    {
      context = webkit_web_context_new ();
      webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
      webkit_web_context_set_spell_checking_enabled (context, FALSE);
    }

  return context;
}

/**
 * mscos_web_session_get:
 *
 * The private network session shared by every web view, made on first use. It is ephemeral:
 * nothing it holds is ever written to the disk.
 *
 * Returns: (transfer none): the network session
 */
WebKitNetworkSession *
mscos_web_session_get (void)
{
  if (session == NULL)
    {
      WebKitCookieManager *cookies;

      session = webkit_network_session_new_ephemeral ();
      g_assert (webkit_network_session_is_ephemeral (session));

      /* HTTP passwords are never offered to the keyring. */
      webkit_network_session_set_persistent_credential_storage_enabled (session, FALSE);
      /* Certificate errors fail the load; there is no way to accept a bad certificate. */
      webkit_network_session_set_tls_errors_policy (session, WEBKIT_TLS_ERRORS_POLICY_FAIL);

      cookies = webkit_network_session_get_cookie_manager (session);
      webkit_cookie_manager_set_accept_policy (cookies, WEBKIT_COOKIE_POLICY_ACCEPT_NO_THIRD_PARTY);

      g_signal_connect (session, "download-started", G_CALLBACK (download_started_cb), NULL);
      g_debug ("Made the ephemeral network session");
    }

  return session;
}

/**
 * mscos_web_session_get_settings:
 *
 * The settings of every web view. The defaults WebKit already gets right for a private viewer
 * (no file access from pages, no top-level data: navigation, no hyperlink auditing, no plug-ins,
 * no console on stdout) are left alone; the ones changed here:
 *
 * - no developer extras: no web inspector, which would keep its own state on the disk;
 * - no page cache: pages left are not kept in memory;
 * - no WebRTC and no media stream: no camera, microphone, or local addresses handed to sites;
 * - no encrypted media: the DRM module keeps its own storage;
 * - no full screen: the app's header bar, Back and quick exit stay on screen;
 * - no script access to the clipboard, no windows opened by scripts without a click;
 * - media waits for a click before it plays: a page must not start talking out loud;
 * - the user agent is WebKit's own: naming the app to every site would tell a watcher's
 *   network logs, or the site, what the user reads.
 *
 * Local storage and IndexedDB stay on because many sites break without them; in an ephemeral
 * session they live in memory only.
 *
 * Returns: (transfer none): the settings
 */
WebKitSettings *
mscos_web_session_get_settings (void)
{
  if (settings == NULL)
    {
      settings = webkit_settings_new ();
      g_object_set (settings,
                    "enable-developer-extras", FALSE,
                    "enable-page-cache", FALSE,
                    "enable-webrtc", FALSE,
                    "enable-media-stream", FALSE,
                    "enable-encrypted-media", FALSE,
                    "enable-fullscreen", FALSE,
                    "enable-back-forward-navigation-gestures", FALSE,
                    "javascript-can-access-clipboard", FALSE,
                    "javascript-can-open-windows-automatically", FALSE,
                    "media-playback-requires-user-gesture", TRUE,
                    "allow-file-access-from-file-urls", FALSE,
                    "allow-universal-access-from-file-urls", FALSE,
                    "allow-top-navigation-to-data-urls", FALSE,
                    "enable-write-console-messages-to-stdout", FALSE,
                    NULL);
    }

  return settings;
}

/**
 * mscos_web_session_drop:
 *
 * Clears everything the network session holds (cookies, caches, storage) and lets it go, for
 * the quick exit. Views still alive keep the session they had until they are destroyed; a page
 * opened after this gets a new, empty session.
 */
void
mscos_web_session_drop (void)
{
  if (session == NULL)
    return;

  webkit_website_data_manager_clear (webkit_network_session_get_website_data_manager (session),
                                     WEBKIT_WEBSITE_DATA_ALL, 0, NULL, NULL, NULL);
  g_clear_object (&session);
  g_debug ("Dropped the ephemeral network session");
}
