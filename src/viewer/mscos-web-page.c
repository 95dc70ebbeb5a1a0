/* mscos-web-page.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-web-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "mscos-link-policy.h"
#include "mscos-web-page.h"
#include "mscos-web-session.h"

/* A web page in the app's private viewer, pushed onto the content pane over the outcome page it
 * was opened from: the page's title in the header bar, a progress bar while it loads, Reload
 * and Open in Browser, and a status page with the address to copy when it cannot load, so the
 * view is never blank.
 *
 * Every navigation goes through the app's link policy (core/mscos-link-policy.c):
 *
 * - navigations: web pages (http, https) load here; mailto:, tel: and sms: go to the window,
 *   which asks before handing them to the desktop, and only when the user clicked them; every
 *   other scheme is refused, with a toast when the user clicked. WebKitGTK asks about the
 *   frames inside a page too, without saying which frame a navigation is for, so the documents
 *   a page makes itself (about:blank, about:srcdoc, data:, blob:) are let through: they hold
 *   only what the page already has and reach neither the device nor another app. The main
 *   document is checked again when it commits: WebKit refuses data: there by itself
 *   (allow-top-navigation-to-data-urls), and anything else that is not a web address shows
 *   the status page;
 * - new windows (target="_blank", window.open) load in this same view, after the same policy;
 * - responses this view cannot show (and attachments) are never saved: the main document is
 *   handed to the user's browser if the user asked for it, and blocked otherwise; a file a
 *   frame tries to fetch as a document is dropped. */

struct _MscosWebPage
{
  AdwNavigationPage parent_instance;

  GtkStack       *stack;
  GtkProgressBar *progress_bar;
  AdwStatusPage  *status_page;
  GtkLabel       *address_label;
  GtkWidget      *copy_button;
  GtkWidget      *try_again_button;

  WebKitWebView  *web_view;

  /* The address shown, or the one that failed: what the address label, Copy Address, Try Again
   * and Open in Browser use. */
  char           *uri;
  /* Whether the load under way was asked for by the user: the link that opened the page, a
   * click in it, Reload or Try Again. Only such a load may hand a file to the browser. */
  gboolean        load_by_user;
  /* Whether the next navigation is a load the app started for the user: the link that opened
   * the page, Reload or Try Again. */
  gboolean        load_pending;
  /* Whether a document has been shown in the view yet. */
  gboolean        committed;
  /* Whether the last main document was a file handed to the browser. */
  gboolean        handed_to_browser;
};

G_DEFINE_FINAL_TYPE (MscosWebPage, mscos_web_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Context menu entries that would save a file, open a second window or the inspector. */
static const WebKitContextMenuAction hidden_menu_actions[] = {
  WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK_IN_NEW_WINDOW,
  WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_LINK_TO_DISK,
  WEBKIT_CONTEXT_MENU_ACTION_OPEN_IMAGE_IN_NEW_WINDOW,
  WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_IMAGE_TO_DISK,
  WEBKIT_CONTEXT_MENU_ACTION_OPEN_FRAME_IN_NEW_WINDOW,
  WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT,
  WEBKIT_CONTEXT_MENU_ACTION_OPEN_VIDEO_IN_NEW_WINDOW,
  WEBKIT_CONTEXT_MENU_ACTION_OPEN_AUDIO_IN_NEW_WINDOW,
  WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_VIDEO_TO_DISK,
  WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_AUDIO_TO_DISK,
};

static void
show_toast (MscosWebPage *self,
            const char   *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
set_uri (MscosWebPage *self,
         const char   *uri)
{
  if (g_set_str (&self->uri, uri))
    {
      gtk_label_set_label (self->address_label, uri);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
    }
}

static gboolean
is_showing_status (MscosWebPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "status") == 0;
}

/* The page's own title, or the host of its address while it has none. */
static void
update_title (MscosWebPage *self)
{
  const char *title = webkit_web_view_get_title (self->web_view);
  g_autofree char *host = NULL;

  if (is_showing_status (self) || title == NULL || *title == '\0')
    {
      host = self->uri != NULL ? mscos_link_policy_describe (self->uri) : NULL;
      title = host != NULL && *host != '\0' ? host : _("Web Page");
    }

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), title);
}

/* Puts the keyboard focus in the page's content, unless the user has put it elsewhere in the
 * page: so that Escape, Alt+Left and scrolling keys work at once. */
static void
focus_content (MscosWebPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self))
      && gtk_widget_get_mapped (focus) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)))
    return;

  if (!is_showing_status (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
  else if (gtk_widget_get_visible (self->try_again_button))
    gtk_widget_grab_focus (self->try_again_button);
  else
    gtk_widget_grab_focus (self->copy_button);
}

static void
show_status (MscosWebPage *self,
             const char   *icon_name,
             const char   *title,
             const char   *description,
             gboolean      can_try_again)
{
  /* The description is markup, and may hold WebKit's words and the page's address. */
  g_autofree char *escaped = description != NULL ? g_markup_escape_text (description, -1) : NULL;

  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_widget_set_visible (self->try_again_button, can_try_again);
  gtk_stack_set_visible_child_name (self->stack, "status");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  update_title (self);
  focus_content (self);
}

static void
load_uri (MscosWebPage *self,
          const char   *uri,
          gboolean      by_user)
{
  g_assert (mscos_link_policy_decide (uri) == MSCOS_LINK_WEB);

  self->load_pending = by_user;
  self->load_by_user = by_user;
  self->handed_to_browser = FALSE;
  set_uri (self, uri);
  webkit_web_view_load_uri (self->web_view, uri);
}

static gboolean
is_network_error (const GError *error)
{
  static const GIOErrorEnum network_io_errors[] = {
    G_IO_ERROR_CONNECTION_REFUSED, G_IO_ERROR_HOST_NOT_FOUND, G_IO_ERROR_HOST_UNREACHABLE,
    G_IO_ERROR_NETWORK_UNREACHABLE, G_IO_ERROR_TIMED_OUT, G_IO_ERROR_NOT_CONNECTED,
    G_IO_ERROR_CONNECTION_CLOSED, G_IO_ERROR_BROKEN_PIPE, G_IO_ERROR_PROXY_FAILED,
    G_IO_ERROR_PROXY_NEED_AUTH, G_IO_ERROR_PROXY_NOT_ALLOWED, G_IO_ERROR_PROXY_AUTH_FAILED,
  };

  if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    return TRUE;

  if (error->domain == G_RESOLVER_ERROR)
    return TRUE;

  if (error->domain == G_IO_ERROR)
    {
      for (guint i = 0; i < G_N_ELEMENTS (network_io_errors); i++)
        if (error->code == (int) network_io_errors[i])
          return TRUE;
      return FALSE;
    }

  if (error->domain == WEBKIT_NETWORK_ERROR)
    return error->code == WEBKIT_NETWORK_ERROR_FAILED
           || error->code == WEBKIT_NETWORK_ERROR_TRANSPORT;

  return FALSE;
}

static gboolean
is_attachment (WebKitURIResponse *response)
{
  SoupMessageHeaders *headers = webkit_uri_response_get_http_headers (response);
  g_autofree char *disposition = NULL;

  if (headers == NULL
      || !soup_message_headers_get_content_disposition (headers, &disposition, NULL))
    return FALSE;

  return g_ascii_strcasecmp (disposition, "attachment") == 0;
}

/* A document the page makes itself, in one of its frames. */
static gboolean
is_page_own_document (const char *uri)
{
  static const char * const prefixes[] = { "about:blank", "about:srcdoc", "data:", "blob:", NULL };

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (uri, prefixes[i], strlen (prefixes[i])) == 0)
      return TRUE;

  return FALSE;
}

/* Follows the link policy for a navigation; returns whether this view may load it. A new
 * window is always a page of its own: only a web address may be loaded for it. */
static gboolean
allow_navigation (MscosWebPage           *self,
                  WebKitNavigationAction *action,
                  gboolean                new_window)
{
  const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  gboolean by_user = webkit_navigation_action_is_user_gesture (action);

  g_debug ("Navigation to %s (%s, type %d%s)", uri, by_user ? "clicked" : "not clicked",
           webkit_navigation_action_get_navigation_type (action),
           webkit_navigation_action_is_redirect (action) ? ", redirect" : "");

  switch (mscos_link_policy_decide (uri))
    {
    case MSCOS_LINK_WEB:
      return TRUE;

    case MSCOS_LINK_DESKTOP:
      /* A page may not start a message or a call by itself: only a click goes to the window,
       * which asks the user first. */
      if (by_user)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.open-uri", "s", uri);
      else
        g_debug ("Ignored %s: the page went there without a click", uri);
      return FALSE;

    case MSCOS_LINK_REFUSE:
    default:
      if (!by_user && !new_window && is_page_own_document (uri))
        return TRUE;
      g_debug ("Refused %s", uri);
      if (by_user)
        show_toast (self, _("This link was not opened: it is not a web page or mail address"));
      return FALSE;
    }
}

/* A link that asks for a new window is shown here instead. */
static void
open_in_this_view (MscosWebPage           *self,
                   WebKitNavigationAction *action)
{
  const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  if (allow_navigation (self, action, TRUE))
    load_uri (self, uri, webkit_navigation_action_is_user_gesture (action));
}

static gboolean
decide_response (MscosWebPage                 *self,
                 WebKitResponsePolicyDecision *decision)
{
  WebKitURIRequest *request = webkit_response_policy_decision_get_request (decision);
  WebKitURIResponse *response = webkit_response_policy_decision_get_response (decision);
  const char *uri = webkit_uri_request_get_uri (request);

  if (webkit_response_policy_decision_is_mime_type_supported (decision)
      && !is_attachment (response))
    {
      webkit_policy_decision_use (WEBKIT_POLICY_DECISION (decision));
      return TRUE;
    }

  webkit_policy_decision_ignore (WEBKIT_POLICY_DECISION (decision));

  if (!webkit_response_policy_decision_is_main_frame_main_resource (decision))
    {
      g_debug ("Dropped %s (%s): a frame cannot show it",
               uri, webkit_uri_response_get_mime_type (response));
      return TRUE;
    }

  mscos_web_page_offer_file (self, uri);

  return TRUE;
}

/* Hands a web address to the user's browser; returns FALSE if it is not one. */
static gboolean
open_in_browser (MscosWebPage *self,
                 const char   *uri)
{
  g_autoptr (GtkUriLauncher) launcher = NULL;

  if (uri == NULL || mscos_link_policy_decide (uri) != MSCOS_LINK_WEB)
    return FALSE;

  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                           NULL, NULL, NULL);

  return TRUE;
}

static WebKitNavigationAction *
get_navigation_action (WebKitPolicyDecision *decision)
{
  WebKitNavigationPolicyDecision *navigation = WEBKIT_NAVIGATION_POLICY_DECISION (decision);

  return webkit_navigation_policy_decision_get_navigation_action (navigation);
}

/* Every handler on the view gets the page first and the view last, and goes with the page. */
static void
connect_view (MscosWebPage *self,
              const char   *signal,
              GCallback     callback)
{
  g_signal_connect_object (self->web_view, signal, callback, self, G_CONNECT_SWAPPED);
}

/* --- Callbacks ------------------------------------------------------------------------------ */

static gboolean
decide_policy_cb (MscosWebPage             *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  WebKitWebView            *web_view)
{
  WebKitNavigationAction *action;

  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
      action = get_navigation_action (decision);
      if (!allow_navigation (self, action, FALSE))
        {
          webkit_policy_decision_ignore (decision);
          return TRUE;
        }
      /* A redirect keeps the user's click that started it. */
      if (!webkit_navigation_action_is_redirect (action))
        {
          self->load_by_user = self->load_pending
                               || webkit_navigation_action_is_user_gesture (action);
          self->load_pending = FALSE;
        }
      webkit_policy_decision_use (decision);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      action = get_navigation_action (decision);
      webkit_policy_decision_ignore (decision);
      open_in_this_view (self, action);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      return decide_response (self, WEBKIT_RESPONSE_POLICY_DECISION (decision));

    default:
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }
}

/* window.open() and the like: WebKit asks for a new view; the page opens in this one. */
static GtkWidget *
create_cb (MscosWebPage           *self,
           WebKitNavigationAction *action,
           WebKitWebView          *web_view)
{
  open_in_this_view (self, action);
  return NULL;
}

static void
load_changed_cb (MscosWebPage    *self,
                 WebKitLoadEvent  event,
                 WebKitWebView   *web_view)
{
  g_debug ("Load event %d: %s", event, webkit_web_view_get_uri (web_view));

  switch (event)
    {
    case WEBKIT_LOAD_STARTED:
    case WEBKIT_LOAD_REDIRECTED:
      break;

    case WEBKIT_LOAD_COMMITTED:
      /* WebKit blocks some addresses itself (ports reserved for other protocols) by showing an
       * empty document instead: say so rather than show a blank view. */
      if (mscos_link_policy_decide (webkit_web_view_get_uri (web_view)) != MSCOS_LINK_WEB)
        {
          show_status (self, "dialog-warning-symbolic",
                       _("This page could not be loaded"),
                       _("This address cannot be opened in the app."),
                       FALSE);
          break;
        }
      self->committed = TRUE;
      set_uri (self, webkit_web_view_get_uri (web_view));
      gtk_stack_set_visible_child_name (self->stack, "web");
      update_title (self);
      break;

    case WEBKIT_LOAD_FINISHED:
    default:
      break;
    }
}

static gboolean
load_failed_cb (MscosWebPage    *self,
                WebKitLoadEvent  event,
                const char      *failing_uri,
                GError          *error,
                WebKitWebView   *web_view)
{
  /* A load stopped on purpose (a new one, a refused response) is no failure to show. */
  if (g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED)
      || g_error_matches (error, WEBKIT_POLICY_ERROR,
                          WEBKIT_POLICY_ERROR_FRAME_LOAD_INTERRUPTED_BY_POLICY_CHANGE))
    {
      g_debug ("Load of %s stopped: %s", failing_uri, error->message);
      /* Nothing was ever shown, and no other load follows: say where the page went rather
       * than leave the view blank. */
      if (!self->committed && !is_showing_status (self) && !webkit_web_view_is_loading (web_view))
        {
          if (self->handed_to_browser)
            show_status (self, "adw-external-link-symbolic",
                         _("Opened in Your Browser"),
                         _("This is a file that cannot be shown here, so it was handed to "
                           "your web browser."),
                         FALSE);
          else
            show_status (self, "dialog-warning-symbolic",
                         _("This page could not be loaded"),
                         _("The page went to an address that this viewer does not open."),
                         FALSE);
        }
      return TRUE;
    }

  g_debug ("Load of %s failed: %s (%s %d)", failing_uri, error->message,
           g_quark_to_string (error->domain), error->code);

  set_uri (self, failing_uri);
  if (is_network_error (error))
    show_status (self, "network-offline-symbolic",
                 _("This page needs an internet connection"),
                 _("Check that this device is online, then try again. You can also copy the "
                   "address to open it later."),
                 TRUE);
  else
    show_status (self, "dialog-warning-symbolic",
                 _("This page could not be loaded"),
                 error->message,
                 TRUE);

  return TRUE;
}

static gboolean
load_failed_with_tls_errors_cb (MscosWebPage         *self,
                                const char           *failing_uri,
                                GTlsCertificate      *certificate,
                                GTlsCertificateFlags  errors,
                                WebKitWebView        *web_view)
{
  set_uri (self, failing_uri);
  show_status (self, "channel-insecure-symbolic",
               _("This page could not be loaded"),
               _("The site's identity could not be checked, so the connection is not private."),
               TRUE);
  return TRUE;
}

static void
web_process_terminated_cb (MscosWebPage                     *self,
                           WebKitWebProcessTerminationReason reason,
                           WebKitWebView                    *web_view)
{
  g_debug ("The web process ended (%d)", reason);
  show_status (self, "dialog-warning-symbolic",
               _("This page could not be loaded"),
               _("Something went wrong while showing this page."),
               TRUE);
}

static void
notify_title_cb (MscosWebPage  *self,
                 GParamSpec    *pspec,
                 WebKitWebView *web_view)
{
  update_title (self);
}

static void
notify_progress_cb (MscosWebPage  *self,
                    GParamSpec    *pspec,
                    WebKitWebView *web_view)
{
  gboolean loading = webkit_web_view_is_loading (web_view);
  double progress = webkit_web_view_get_estimated_load_progress (web_view);

  gtk_progress_bar_set_fraction (self->progress_bar, loading ? progress : 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), loading);
}

/* Nothing a page asks for is granted: location, notifications, camera, microphone, storage
 * access, pointer lock, the clipboard. */
static gboolean
permission_request_cb (MscosWebPage            *self,
                       WebKitPermissionRequest *request,
                       WebKitWebView           *web_view)
{
  webkit_permission_request_deny (request);
  return TRUE;
}

/* Uploads are not offered: a file chooser would remember the folder and the file. */
static gboolean
run_file_chooser_cb (MscosWebPage             *self,
                     WebKitFileChooserRequest *request,
                     WebKitWebView            *web_view)
{
  webkit_file_chooser_request_cancel (request);
  show_toast (self,
              _("Files cannot be sent from this viewer; open the page in your browser to do that"));
  return TRUE;
}

static gboolean
context_menu_cb (MscosWebPage        *self,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test_result,
                 WebKitWebView       *web_view)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (l->data);

      for (guint i = 0; i < G_N_ELEMENTS (hidden_menu_actions); i++)
        if (action == hidden_menu_actions[i])
          {
            webkit_context_menu_remove (menu, l->data);
            break;
          }
    }

  g_list_free (items);
  return FALSE;
}

/* Pages may neither print by themselves nor go full screen over the app. */
static gboolean
refuse_cb (MscosWebPage *self)
{
  return TRUE;
}

/* The mouse's Back button: WebKit takes the pointer's buttons, as it does Alt+Left. */
static void
back_button_pressed_cb (MscosWebPage    *self,
                        int              n_press,
                        double           x,
                        double           y,
                        GtkGestureClick *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), "navigation.pop", NULL);
}

/* --- Actions -------------------------------------------------------------------------------- */

static void
reload_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  MscosWebPage *self = MSCOS_WEB_PAGE (widget);

  if (is_showing_status (self) || !self->committed)
    {
      load_uri (self, self->uri, TRUE);
      return;
    }

  self->load_pending = TRUE;
  webkit_web_view_reload (self->web_view);
}

static void
open_in_browser_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MscosWebPage *self = MSCOS_WEB_PAGE (widget);

  open_in_browser (self, self->uri);
}

static void
copy_address_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MscosWebPage *self = MSCOS_WEB_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->uri);
  show_toast (self, _("Address copied"));
}

/* --- Overrides ------------------------------------------------------------------------------ */

static void
mscos_web_page_shown (AdwNavigationPage *page)
{
  focus_content (MSCOS_WEB_PAGE (page));
}

static void
mscos_web_page_dispose (GObject *object)
{
  MscosWebPage *self = MSCOS_WEB_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_WEB_PAGE);
  self->web_view = NULL;

  G_OBJECT_CLASS (mscos_web_page_parent_class)->dispose (object);
}

static void
mscos_web_page_finalize (GObject *object)
{
  MscosWebPage *self = MSCOS_WEB_PAGE (object);

  g_free (self->uri);

  G_OBJECT_CLASS (mscos_web_page_parent_class)->finalize (object);
}

static void
mscos_web_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MscosWebPage *self = MSCOS_WEB_PAGE (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_web_page_class_init (MscosWebPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwNavigationPageClass *page_class = ADW_NAVIGATION_PAGE_CLASS (klass);

  object_class->dispose = mscos_web_page_dispose;
  object_class->finalize = mscos_web_page_finalize;
  object_class->get_property = mscos_web_page_get_property;

  page_class->shown = mscos_web_page_shown;

  /**
   * MscosWebPage:uri:
   *
   * The address the page shows, or the one that failed to load.
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/co/mscos/Outcomes/viewer/mscos-web-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosWebPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MscosWebPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MscosWebPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, MscosWebPage, address_label);
  gtk_widget_class_bind_template_child (widget_class, MscosWebPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, MscosWebPage, try_again_button);

  gtk_widget_class_install_action (widget_class, "viewer.reload", NULL, reload_cb);
  gtk_widget_class_install_action (widget_class, "viewer.try-again", NULL, reload_cb);
  gtk_widget_class_install_action (widget_class, "viewer.open-in-browser", NULL,
                                   open_in_browser_cb);
  gtk_widget_class_install_action (widget_class, "viewer.copy-address", NULL, copy_address_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "viewer.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "viewer.reload", NULL);
}

static void
mscos_web_page_init (MscosWebPage *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkEventController *shortcuts;
  GtkShortcut *back_shortcut;
  GtkGesture *back_button;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The view is made here rather than in the template: its network session and web context
   * are construct-only, and shared by every page. */
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "web-context", mscos_web_session_get_context (),
                                 "network-session", mscos_web_session_get (),
                                 "settings", mscos_web_session_get_settings (),
                                 "hexpand", TRUE,
                                 "vexpand", TRUE,
                                 NULL);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->web_view), "web");

  connect_view (self, "decide-policy", G_CALLBACK (decide_policy_cb));
  connect_view (self, "create", G_CALLBACK (create_cb));
  connect_view (self, "load-changed", G_CALLBACK (load_changed_cb));
  connect_view (self, "load-failed", G_CALLBACK (load_failed_cb));
  connect_view (self, "load-failed-with-tls-errors", G_CALLBACK (load_failed_with_tls_errors_cb));
  connect_view (self, "web-process-terminated", G_CALLBACK (web_process_terminated_cb));
  connect_view (self, "notify::title", G_CALLBACK (notify_title_cb));
  connect_view (self, "notify::estimated-load-progress", G_CALLBACK (notify_progress_cb));
  connect_view (self, "notify::is-loading", G_CALLBACK (notify_progress_cb));
  connect_view (self, "permission-request", G_CALLBACK (permission_request_cb));
  connect_view (self, "run-file-chooser", G_CALLBACK (run_file_chooser_cb));
  connect_view (self, "context-menu", G_CALLBACK (context_menu_cb));
  connect_view (self, "print", G_CALLBACK (refuse_cb));
  connect_view (self, "enter-fullscreen", G_CALLBACK (refuse_cb));

  /* The navigation view goes back on Escape, Alt+Left and the mouse's Back button. Escape
   * reaches it through the web view when the page does not use the key itself, but WebKit keeps
   * Alt+Left and the pointer's buttons: they are caught before the web view sees them. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  back_shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (rtl ? GDK_KEY_Right : GDK_KEY_Left,
                                                           GDK_ALT_MASK),
                                    gtk_named_action_new ("navigation.pop"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), back_shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  back_button = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back_button), 8);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (back_button),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect_object (back_button, "pressed", G_CALLBACK (back_button_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back_button));

  /* Until the first document arrives the view shows nothing; the progress bar says it loads. */
  gtk_stack_set_visible_child_name (self->stack, "web");
}

/* --- Public API ----------------------------------------------------------------------------- */

/**
 * mscos_web_page_new:
 * @uri: a web address (http or https) that the link policy accepts
 *
 * Returns: (transfer floating): a page that loads @uri in the private viewer
 */
MscosWebPage *
mscos_web_page_new (const char *uri)
{
  MscosWebPage *self;

  g_return_val_if_fail (mscos_link_policy_decide (uri) == MSCOS_LINK_WEB, NULL);

  self = g_object_new (MSCOS_TYPE_WEB_PAGE, NULL);
  load_uri (self, uri, TRUE);
  update_title (self);

  return self;
}

/**
 * mscos_web_page_get_uri:
 *
 * Returns: (nullable): the address the page shows, or the one that failed to load
 */
const char *
mscos_web_page_get_uri (MscosWebPage *self)
{
  g_return_val_if_fail (MSCOS_IS_WEB_PAGE (self), NULL);

  return self->uri;
}

/**
 * mscos_web_page_offer_file:
 * @uri: the address of a file the viewer cannot show, or that the page wants saved
 *
 * The viewer never saves a file. If the user asked for this one (the link that opened the page,
 * or a click in it), it goes to the user's browser, and a toast says so; a file a page fetches
 * by itself is blocked, with a toast.
 */
void
mscos_web_page_offer_file (MscosWebPage *self,
                           const char   *uri)
{
  g_return_if_fail (MSCOS_IS_WEB_PAGE (self));
  g_return_if_fail (uri != NULL);

  if (!self->load_by_user)
    {
      g_debug ("Blocked %s: a file the page fetched without a click", uri);
      show_toast (self, _("This page tried to download a file; it was blocked"));
      return;
    }

  if (!open_in_browser (self, uri))
    {
      show_toast (self, _("This file cannot be opened: it is not on a web address"));
      return;
    }

  self->handed_to_browser = TRUE;
  show_toast (self, _("This file cannot be shown here; it was opened in your browser"));
}
