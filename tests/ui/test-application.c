/* test-application.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application and its window in the test's process, under the virtual display, for what
 * cannot be seen from outside: objects that are let go, and the clipboard at the quick exit.
 * Each test runs in a process of its own, with its own folders and a private D-Bus session. */

#include "config.h"

#include <adwaita.h>

#include "mscos-application.h"
#include "mscos-sidebar-item.h"
#include "mscos-ui-utils.h"
#include "mscos-window.h"

static gboolean
timed_out_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);

  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

static void
iterate_until (Condition   condition,
               gpointer    data,
               const char *what)
{
  guint timeout = g_timeout_add_seconds (20, timed_out_cb, (gpointer) what);

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout);
}

/* Runs what is due now: what a change queued for later (idle callbacks, model updates). */
static void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
has_content (gpointer data)
{
  return mscos_application_get_content_pack (data) != NULL;
}

static gboolean
has_other_content (gpointer data)
{
  MscosContentPack *pack = mscos_application_get_content_pack (data);

  return pack != NULL && g_strcmp0 (mscos_content_pack_get_id (pack), "test.every-kind") == 0;
}

static MscosApplication *
start_application (const char *name)
{
  g_autofree char *id = g_strconcat (APPLICATION_ID ".Test.", name, NULL);
  g_autoptr (GError) error = NULL;
  MscosApplication *app;

  app = g_object_new (MSCOS_TYPE_APPLICATION,
                      "application-id", id,
                      "resource-base-path", RESOURCE_PATH,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_set_default (G_APPLICATION (app));
  iterate_until (has_content, app, "the built-in content");

  return app;
}

static MscosWindow *
new_window (MscosApplication *app)
{
  return mscos_window_new (GTK_APPLICATION (app), mscos_application_get_session (app),
                           mscos_application_get_settings (app));
}

static void
stop_application (MscosApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  while (windows != NULL)
    {
      gtk_window_destroy (windows->data);
      windows = gtk_application_get_windows (GTK_APPLICATION (app));
    }
  g_application_set_default (NULL);
  g_object_unref (app);
  iterate_pending ();
}

/* A new pack replaces the sidebar's model, and the old one, its Bookmarks and Notes places
 * included, is let go. */
static void
test_sidebar_let_go (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "every-kind.json", NULL);
  g_autoptr (GFile) other = g_file_new_for_path (path);
  MscosApplication *app;
  MscosWindow *window;
  GtkListView *list;
  GListModel *model;
  gpointer places[2] = { NULL, NULL };
  guint n_places = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  app = start_application ("Sidebar");
  window = new_window (app);
  list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), MSCOS_TYPE_WINDOW,
                                                       "sidebar_list"));
  model = G_LIST_MODEL (gtk_list_view_get_model (list));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (MscosSidebarItem) item = g_list_model_get_item (model, i);

      if (mscos_sidebar_item_get_place (item) == MSCOS_SIDEBAR_OUTCOME)
        continue;

      g_assert_cmpuint (n_places, <, G_N_ELEMENTS (places));
      places[n_places] = item;
      g_object_add_weak_pointer (G_OBJECT (item), &places[n_places]);
      n_places++;
    }
  g_assert_cmpuint (n_places, ==, 2);

  mscos_session_open_content (mscos_application_get_session (app), other);
  iterate_until (has_other_content, app, "the other pack");
  iterate_pending ();

  g_assert_null (places[0]);
  g_assert_null (places[1]);

  stop_application (app);
}

/* What the app put on the clipboard does not stay there after a quick exit, and the next start
 * does not open on the outcome that was being read. */
static void
test_quick_exit_clears (void)
{
  GdkClipboard *clipboard = gdk_display_get_clipboard (gdk_display_get_default ());
  g_autofree char *last = NULL;
  MscosApplication *app;
  MscosWindow *window;
  GSettings *settings;
  GdkContentFormats *formats;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  app = start_application ("QuickExit");
  window = new_window (app);
  settings = mscos_application_get_settings (app);

  g_assert_true (mscos_window_show_item (window, "safety.opening-quote"));
  last = g_settings_get_string (settings, "last-outcome");
  g_assert_cmpstr (last, ==, "safety");

  mscos_widget_copy_text (GTK_WIDGET (window), "“You have to feel able to trust…” — Keith", "Copied");
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_nonnull (gdk_clipboard_get_content (clipboard));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quick-exit", NULL);

  g_assert_null (gdk_clipboard_get_content (clipboard));
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_false (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));
  g_assert_false (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING));
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-outcome");
  g_assert_cmpstr (last, ==, "");

  stop_application (app);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The display first: the private bus takes DISPLAY out of the environment. Nothing reads
   * this process's accessibility tree. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();
  if (g_test_subprocess ())
    {
      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
    }

  g_test_add_func ("/ui/window/sidebar-let-go", test_sidebar_let_go);
  g_test_add_func ("/ui/application/quick-exit-clears", test_quick_exit_clears);

  status = g_test_run ();
  /* Stopped, and not taken down nor freed, which would wait for the app's connection to the
   * bus to go: it goes with the process. */
  if (bus != NULL)
    g_test_dbus_stop (bus);

  return status;
}
