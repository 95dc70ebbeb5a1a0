/* mscos-application.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-application"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "mscos-application.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "mscos-command-line.h"
#include "mscos-preferences-dialog.h"
#include "mscos-search-provider.h"
#include "mscos-ui-utils.h"
#include "mscos-viewer.h"
#include "mscos-window.h"

/* The application: its actions, its settings, the session of what it shows and keeps
 * (MscosSession), GNOME Shell's search provider and the command line (mscos-command-line.c).
 * It talks to its windows through their actions only ("win.show-item", "win.start-search"),
 * so that the window, in src/ui/, knows nothing of it. */

struct _MscosApplication
{
  AdwApplication       parent_instance;

  GSettings           *settings;
  GCancellable        *cancellable;
  MscosSession        *session;
  MscosSearchProvider *search_provider;
  guint                release_source;
  guint                start_reading_source;
};

G_DEFINE_FINAL_TYPE (MscosApplication, mscos_application, ADW_TYPE_APPLICATION)

#ifdef __GLIBC__
static gboolean
memory_release_due_cb (gpointer data)
{
  MscosApplication *self = data;

  self->release_source = 0;
  /* The pack was parsed in a worker thread, whose heap keeps the parser's freed memory. */
  malloc_trim (0);

  return G_SOURCE_REMOVE;
}
#endif

/* Once the content is in and the first page built, gives freed memory back to the system. */
static void
release_memory_later (MscosApplication *self)
{
#ifdef __GLIBC__
  if (self->release_source == 0)
    self->release_source = g_timeout_add_seconds (1, memory_release_due_cb, self);
#endif
}

static void
content_pack_changed_cb (MscosApplication *self)
{
  release_memory_later (self);
}

static void
search_index_changed_cb (MscosApplication *self)
{
  MscosSearchIndex *index = mscos_session_get_search_index (self->session);

  if (self->search_provider != NULL && index != NULL)
    mscos_search_provider_set_index (self->search_provider, index);
}

static void
search_index_failed_cb (MscosApplication *self,
                        GError           *error)
{
  if (self->search_provider != NULL)
    mscos_search_provider_set_index_error (self->search_provider, error);
}

/* Shows the window, made if there is none (the app may be running only to answer GNOME Shell).
 * @timestamp is the time of the user's action that asked for it, or GDK_CURRENT_TIME: a window
 * on screen is given the focus with it, so that the window manager can refuse a request that
 * comes too late, which gtk_window_present() (always the current time) cannot. */
static GtkWindow *
ensure_window (MscosApplication *self,
               guint32           timestamp)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GdkSurface *surface;

  if (window == NULL)
    window = GTK_WINDOW (mscos_window_new (GTK_APPLICATION (self), self->session, self->settings));

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (timestamp != GDK_CURRENT_TIME && gtk_widget_get_visible (GTK_WIDGET (window))
      && GDK_IS_TOPLEVEL (surface))
    gdk_toplevel_focus (GDK_TOPLEVEL (surface), timestamp);
  else
    gtk_window_present (window);

  return window;
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  static const char *partners[] = {
    "King’s College London",
    "Survivor Alliance",
    "University of Nottingham Rights Lab",
    "University of East London",
    "Helen Bamber Foundation",
    NULL
  };
  static const char *funders[] = {
    "Modern Slavery and Human Rights Policy and Evidence Centre (Modern Slavery PEC)",
    "Arts and Humanities Research Council",
    NULL
  };
  const char *advisers[] = {
    _("The MSCOS Research Advisory Board of survivor leaders"),
    NULL
  };
  MscosApplication *self = user_data;
  MscosContentPack *pack = mscos_session_get_content_pack (self->session);
  g_autofree char *comments = NULL;
  AdwDialog *about;

  if (pack != NULL)
    /* The comments are markup: the pack's words are escaped into them. */
    /* Translators: the About dialog's line on the content shown: its title, revision and date */
    comments = g_markup_printf_escaped (_("The Modern Slavery Core Outcome Set: seven outcomes "
                                          "that matter to adult survivors, with what survivors "
                                          "said, recommendations and resources for each.\n\n"
                                          "Quick exit: Shift+Esc closes the app at once, from "
                                          "anywhere in it, and keeps your notes.\n\n"
                                          "Content: %s, revision %s (%s)."),
                                        mscos_content_pack_get_title (pack),
                                        mscos_content_pack_get_revision (pack),
                                        mscos_content_pack_get_date (pack));

  about = g_object_new (ADW_TYPE_ABOUT_DIALOG,
                        "application-name", _("MSCOS Outcomes"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The MSCOS Outcomes authors"),
                        "version", PACKAGE_VERSION,
                        "website", "https://www.mscos.co.uk/",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The MSCOS Outcomes authors",
                        "translator-credits", _("translator-credits"),
                        "comments", comments,
                        NULL);
  adw_about_dialog_add_credit_section (ADW_ABOUT_DIALOG (about), _("MSCOS Study Partners"),
                                       partners);
  adw_about_dialog_add_credit_section (ADW_ABOUT_DIALOG (about), _("Guided by"), advisers);
  adw_about_dialog_add_acknowledgement_section (ADW_ABOUT_DIALOG (about), _("Funded by"),
                                                funders);
  /* Not adw_show_about_dialog(): the quick exit's shortcut must work inside the dialog too,
   * which needs the dialog before it is shown. */
  mscos_present_dialog (about, GTK_WIDGET (ensure_window (self, GDK_CURRENT_TIME)));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  MscosApplication *self = user_data;

  /* Nothing can be left unsaved (the library is written on shutdown, and each window keeps its
   * size then), so quitting does not go through closing each window, which an open dialog
   * would stop. */
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  MscosApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  mscos_present_dialog (mscos_preferences_dialog_new (self->settings), GTK_WIDGET (window));
}

/* Empties the clipboard and the primary selection if the app put something there (a quote
 * copied, selected text), so that a clipboard manager keeps nothing of it after the app ends. */
static void
clear_own_clipboards (GdkDisplay *display)
{
  GdkClipboard *clipboards[] = {
    gdk_display_get_clipboard (display),
    gdk_display_get_primary_clipboard (display),
  };

  for (guint i = 0; i < G_N_ELEMENTS (clipboards); i++)
    if (gdk_clipboard_is_local (clipboards[i]))
      gdk_clipboard_set_content (clipboards[i], NULL);
}

/* Closes the app at once, for someone who must hide what they are reading: every window goes
 * first, then what the app put on the clipboard, then the web session (nothing of it is on
 * disk); the outcome shown is forgotten, so that the next start does not open on it; then the
 * library is written and the app quits. */
static void
quick_exit_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  MscosApplication *self = user_data;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GError) error = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    gtk_widget_set_visible (l->data, FALSE);
  if (display != NULL)
    {
      clear_own_clipboards (display);
      gdk_display_flush (display);
    }

  mscos_viewer_drop_session ();
  g_settings_reset (self->settings, "last-outcome");

  if (self->session != NULL
      && !mscos_library_flush (mscos_session_get_library (self->session), &error)
      && !g_error_matches (error, MSCOS_LIBRARY_ERROR, MSCOS_LIBRARY_ERROR_READ_ONLY))
    g_warning ("The library could not be saved on quick exit: %s", error->message);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "preferences", preferences_activated_cb },
  { "quick-exit", quick_exit_activated_cb },
  { "quit", quit_activated_cb },
};

static void
apply_style (MscosApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint style = g_settings_get_enum (self->settings, "style-variant");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (style, G_N_ELEMENTS (schemes) - 1)]);
}

/* Turning the memory of the last outcome off forgets the one remembered. */
static void
remember_changed_cb (MscosApplication *self)
{
  if (!g_settings_get_boolean (self->settings, "remember-last-outcome"))
    g_settings_reset (self->settings, "last-outcome");
}

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  /* A file that cannot be read is moved aside and reported by the library itself; an error
   * here means it could not even be moved, and the library then refuses to write over it. */
  if (!mscos_library_load_finish (MSCOS_LIBRARY (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The library could not be loaded: %s", error->message);
}

static int
mscos_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  return mscos_command_line_run_local_mode (options);
}

static int
mscos_application_command_line (GApplication            *application,
                                GApplicationCommandLine *command_line)
{
  MscosApplication *self = MSCOS_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *content = NULL;
  const char *review = NULL;
  const char *base = NULL;

  if (g_variant_dict_lookup (options, "content", "^&ay", &content))
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                               content);

      mscos_session_open_content (self->session, file);
    }

  g_application_activate (application);

  if (g_variant_dict_lookup (options, "review", "^&ay", &review))
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                               review);
      g_autoptr (GFile) base_file = NULL;
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *base_uri = NULL;
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (g_variant_dict_lookup (options, "base", "^&ay", &base))
        {
          base_file = g_application_command_line_create_file_for_arg (command_line, base);
          base_uri = g_file_get_uri (base_file);
        }
      if (window != NULL)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.start-review", "(ss)", uri,
                                    base_uri != NULL ? base_uri : "");
    }

  return EXIT_SUCCESS;
}

static gboolean
reading_due_cb (gpointer user_data)
{
  MscosApplication *self = user_data;

  self->start_reading_source = 0;
  mscos_library_load_async (mscos_session_get_library (self->session), self->cancellable,
                            library_loaded_cb, NULL);

  /* A pack named on the command line was asked for first, and is read instead. */
  if (!mscos_session_get_content_requested (self->session))
    mscos_session_open_content (self->session, NULL);

  return G_SOURCE_REMOVE;
}

static void
mscos_application_startup (GApplication *application)
{
  MscosApplication *self = MSCOS_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *quick_exit_accels[] = { "<Shift>Escape", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  g_autoptr (GFile) library_file = NULL;
  g_autoptr (GFile) default_content = NULL;
  g_autoptr (MscosLibrary) library = NULL;

  G_APPLICATION_CLASS (mscos_application_parent_class)->startup (application);

  /* Files exported, imported or opened must not show in every file chooser's and the file
   * manager's Recent: GTK would record them, with the app's name, in recently-used.xbel. */
  g_object_set (gtk_settings_get_default (),
                "gtk-recent-files-enabled", FALSE,
                "gtk-recent-files-max-age", 0,
                NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quick-exit",
                                         quick_exit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);

  g_signal_connect_object (self->settings, "changed::style-variant", G_CALLBACK (apply_style),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::remember-last-outcome",
                           G_CALLBACK (remember_changed_cb), self, G_CONNECT_SWAPPED);
  apply_style (self);

  library_file = g_file_new_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                                            "library.json", NULL);
  library = mscos_library_new (library_file);
  default_content = g_file_new_for_uri (MSCOS_DEFAULT_CONTENT_URI);
  self->session = mscos_session_new (library, default_content);
  g_signal_connect_object (self->session, "notify::content-pack",
                           G_CALLBACK (content_pack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::search-index",
                           G_CALLBACK (search_index_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "search-index-failed",
                           G_CALLBACK (search_index_failed_cb), self, G_CONNECT_SWAPPED);

  /* The content and the user's bookmarks and notes are read in worker threads from the main
   * loop's first turn: after the command line, which may name another pack, and after the
   * window, if there is one, was made and mapped, so that reading takes no processor from
   * building it; but before its first frame is drawn, so that they are read while the main
   * thread draws it. GNOME Shell may start the app without a window, only to search it.
   * Measured with bench-startup (time to content against the empty window's time to its
   * window, medians of 10 runs on a busy machine): read from a low-priority idle, after the
   * first frames, 1.64; from here, 1.41; started before the window was built, 1.08, but the
   * window then came later (over 20 runs, 1.11 times the empty window's; CPU time 1.14). */
  self->start_reading_source = g_idle_add_full (G_PRIORITY_DEFAULT, reading_due_cb, self, NULL);
}

static void
provider_result_activated_cb (MscosApplication *self,
                              const char       *item_id,
                              guint             timestamp)
{
  gtk_widget_activate_action (GTK_WIDGET (ensure_window (self, timestamp)), "win.show-item",
                              "s", item_id);
}

static void
provider_search_launched_cb (MscosApplication *self,
                             const char       *query,
                             guint             timestamp)
{
  gtk_widget_activate_action (GTK_WIDGET (ensure_window (self, timestamp)), "win.start-search",
                              "s", query);
}

static void
provider_index_wanted_cb (MscosApplication *self)
{
  mscos_session_request_search_index (self->session);
}

static gboolean
mscos_application_dbus_register (GApplication     *application,
                                 GDBusConnection  *connection,
                                 const char       *object_path,
                                 GError          **error)
{
  MscosApplication *self = MSCOS_APPLICATION (application);
  GApplicationClass *parent_class = G_APPLICATION_CLASS (mscos_application_parent_class);

  if (!parent_class->dbus_register (application, connection, object_path, error))
    return FALSE;

  self->search_provider = mscos_search_provider_new (application);
  g_settings_bind (self->settings, "shell-search", self->search_provider, "enabled",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->search_provider, "activate-result",
                           G_CALLBACK (provider_result_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "launch-search",
                           G_CALLBACK (provider_search_launched_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "index-wanted",
                           G_CALLBACK (provider_index_wanted_cb), self, G_CONNECT_SWAPPED);
  if (self->session != NULL)
    search_index_changed_cb (self);

  return mscos_search_provider_export (self->search_provider, connection, error);
}

static void
mscos_application_dbus_unregister (GApplication    *application,
                                   GDBusConnection *connection,
                                   const char      *object_path)
{
  MscosApplication *self = MSCOS_APPLICATION (application);

  if (self->search_provider != NULL)
    mscos_search_provider_unexport (self->search_provider);

  G_APPLICATION_CLASS (mscos_application_parent_class)->dbus_unregister (application, connection,
                                                                         object_path);
}

static void
mscos_application_shutdown (GApplication *application)
{
  MscosApplication *self = MSCOS_APPLICATION (application);
  g_autoptr (GError) error = NULL;

  /* A library that a newer version wrote is not saved to: the banner said so. */
  if (self->session != NULL
      && !mscos_library_flush (mscos_session_get_library (self->session), &error)
      && !g_error_matches (error, MSCOS_LIBRARY_ERROR, MSCOS_LIBRARY_ERROR_READ_ONLY))
    g_warning ("The library could not be saved before quitting: %s", error->message);

  /* Some settings backends write later; the window's size and the text size must not be lost. */
  g_settings_sync ();

  G_APPLICATION_CLASS (mscos_application_parent_class)->shutdown (application);
}

static void
mscos_application_activate (GApplication *application)
{
  ensure_window (MSCOS_APPLICATION (application), GDK_CURRENT_TIME);
}

static void
mscos_application_dispose (GObject *object)
{
  MscosApplication *self = MSCOS_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->release_source, g_source_remove);
  g_clear_handle_id (&self->start_reading_source, g_source_remove);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mscos_application_parent_class)->dispose (object);
}

static void
mscos_application_class_init (MscosApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mscos_application_dispose;

  app_class->handle_local_options = mscos_application_handle_local_options;
  app_class->command_line = mscos_application_command_line;
  app_class->startup = mscos_application_startup;
  app_class->activate = mscos_application_activate;
  app_class->shutdown = mscos_application_shutdown;
  app_class->dbus_register = mscos_application_dbus_register;
  app_class->dbus_unregister = mscos_application_dbus_unregister;
}

static void
mscos_application_init (MscosApplication *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_APPLICATION_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), mscos_command_line_get_options ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("— read the Modern Slavery Core Outcome "
                                                       "Set"));
}

MscosApplication *
mscos_application_new (void)
{
  return g_object_new (MSCOS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

/**
 * mscos_application_get_default:
 *
 * Returns: (transfer none): the running application
 */
MscosApplication *
mscos_application_get_default (void)
{
  return MSCOS_APPLICATION (g_application_get_default ());
}

/**
 * mscos_application_get_settings:
 *
 * Returns: (transfer none): the app's settings
 */
GSettings *
mscos_application_get_settings (MscosApplication *self)
{
  g_return_val_if_fail (MSCOS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * mscos_application_get_session:
 *
 * Returns: (transfer none) (nullable): what the app shows and keeps; %NULL before start-up
 */
MscosSession *
mscos_application_get_session (MscosApplication *self)
{
  g_return_val_if_fail (MSCOS_IS_APPLICATION (self), NULL);

  return self->session;
}

/**
 * mscos_application_get_content_pack:
 *
 * Returns: (transfer none) (nullable): the content shown, or %NULL while it loads
 */
MscosContentPack *
mscos_application_get_content_pack (MscosApplication *self)
{
  g_return_val_if_fail (MSCOS_IS_APPLICATION (self), NULL);

  return self->session != NULL ? mscos_session_get_content_pack (self->session) : NULL;
}

/**
 * mscos_application_get_library:
 *
 * Returns: (transfer none) (nullable): the user's bookmarks and notes; %NULL before start-up
 */
MscosLibrary *
mscos_application_get_library (MscosApplication *self)
{
  g_return_val_if_fail (MSCOS_IS_APPLICATION (self), NULL);

  return self->session != NULL ? mscos_session_get_library (self->session) : NULL;
}
