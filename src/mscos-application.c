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
#include "mscos-preferences-dialog.h"
#include "mscos-search-provider.h"
#include "mscos-ui-utils.h"
#include "mscos-viewer.h"
#include "mscos-window.h"

#define DEFAULT_CONTENT_URI "resource://" RESOURCE_PATH "/content/mscos.json"

struct _MscosApplication
{
  AdwApplication       parent_instance;

  GSettings           *settings;
  GCancellable        *cancellable;
  MscosContentPack    *content_pack;
  MscosLibrary        *library;
  MscosSearchIndex    *search_index;
  GCancellable        *index_cancellable;
  MscosSearchProvider *search_provider;
  /* Why the built-in pack could not be read; only ever set for a broken build. */
  GError              *content_error;
  /* ids of the items whose notes the search index holds */
  GHashTable          *noted_items;
  guint                release_source;
  guint                start_reading_source;
  /* Set once a search was opened or GNOME Shell asked: from then on every pack is indexed. */
  gboolean             index_wanted;
  /* Counts requests to open a pack, so that only the latest one's result is used. */
  guint                load_generation;
};

typedef struct
{
  MscosApplication *self;
  GFile            *file;
  guint             generation;
} LoadRequest;

G_DEFINE_FINAL_TYPE (MscosApplication, mscos_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CONTENT_PACK,
  PROP_SEARCH_INDEX,
  N_PROPS
};

enum {
  CONTENT_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const GOptionEntry option_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check content pack files and print every problem found"), NULL },
  { "content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read this content pack instead of the built-in one"), N_("FILE") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Search the content and your notes, print the results best first and exit"), N_("QUERY") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* Gives the search index the notes on items of its pack, and takes away those that were
 * deleted; notes on items no longer in the pack have nothing to point a result at. */
static void
sync_notes (MscosApplication *self)
{
  g_autoptr (GHashTable) noted = NULL;
  GHashTableIter iter;
  GListModel *entries;
  const char *pack_id;
  const char *item_id;
  guint n;

  if (self->search_index == NULL || self->library == NULL)
    return;

  noted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  entries = mscos_library_get_entries (self->library);
  pack_id = mscos_content_pack_get_id (mscos_search_index_get_pack (self->search_index));
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosLibraryEntry) entry = g_list_model_get_item (entries, i);
      const char *note = mscos_library_entry_get_note (entry);

      if (note == NULL || g_strcmp0 (mscos_library_entry_get_pack_id (entry), pack_id) != 0)
        continue;

      mscos_search_index_set_note (self->search_index, mscos_library_entry_get_item_id (entry), note);
      g_hash_table_add (noted, g_strdup (mscos_library_entry_get_item_id (entry)));
      g_hash_table_remove (self->noted_items, mscos_library_entry_get_item_id (entry));
    }

  g_hash_table_iter_init (&iter, self->noted_items);
  while (g_hash_table_iter_next (&iter, (gpointer *) &item_id, NULL))
    mscos_search_index_set_note (self->search_index, item_id, NULL);

  g_clear_pointer (&self->noted_items, g_hash_table_unref);
  self->noted_items = g_steal_pointer (&noted);
}

/* One note changed, as the user types: only that note is indexed again. */
static void
entry_note_changed_cb (MscosApplication  *self,
                       GParamSpec        *pspec,
                       MscosLibraryEntry *entry)
{
  const char *item_id = mscos_library_entry_get_item_id (entry);
  const char *note = mscos_library_entry_get_note (entry);

  if (self->search_index == NULL
      || g_strcmp0 (mscos_library_entry_get_pack_id (entry),
                    mscos_content_pack_get_id (mscos_search_index_get_pack (self->search_index))) != 0)
    return;

  mscos_search_index_set_note (self->search_index, item_id, note);
  if (note != NULL)
    g_hash_table_add (self->noted_items, g_strdup (item_id));
  else
    g_hash_table_remove (self->noted_items, item_id);
}

static void
library_entries_changed_cb (MscosApplication *self,
                            guint             position,
                            guint             removed,
                            guint             added,
                            GListModel       *entries)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (MscosLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (g_signal_handler_find (entry, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                 0, 0, NULL, entry_note_changed_cb, self) == 0)
        g_signal_connect_object (entry, "notify::note", G_CALLBACK (entry_note_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  sync_notes (self);
}

static void
index_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (MscosApplication) self = user_data;
  g_autoptr (MscosSearchIndex) index = NULL;
  g_autoptr (GError) error = NULL;

  index = mscos_search_index_new_finish (result, &error);
  if (index == NULL)
    {
      /* A build is cancelled when a newer pack's replaces it, which answers for it. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_warning ("The content could not be indexed for search: %s", error->message);
      if (self->search_provider != NULL)
        mscos_search_provider_set_index_error (self->search_provider, error);
      return;
    }

  g_set_object (&self->search_index, index);
  sync_notes (self);
  if (self->search_provider != NULL)
    mscos_search_provider_set_index (self->search_provider, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_INDEX]);
}

/* Builds the search index of the current pack in a worker thread. The index of the previous
 * pack, if any, answers until the new one is ready. */
static void
build_search_index (MscosApplication *self)
{
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);

  if (self->content_pack == NULL)
    {
      /* Nothing will be indexed: the Shell's requests must not wait for it. */
      if (self->content_error != NULL && self->search_provider != NULL)
        mscos_search_provider_set_index_error (self->search_provider, self->content_error);
      return;
    }

  self->index_cancellable = g_cancellable_new ();
  mscos_search_index_new_async (self->content_pack, self->index_cancellable, index_built_cb,
                                g_object_ref (self));
}

#ifdef __GLIBC__
static gboolean
release_memory_cb (gpointer data)
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
    self->release_source = g_timeout_add_seconds (1, release_memory_cb, self);
#endif
}

static void
set_content_pack (MscosApplication *self,
                  MscosContentPack *pack)
{
  if (!g_set_object (&self->content_pack, pack))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_PACK]);

  /* The index is built only once it is wanted, then follows every new pack. */
  if (self->index_wanted)
    build_search_index (self);

  release_memory_later (self);
}

/* Prints one line per problem of each pack, and returns the exit status. */
static int
validate_files (const char * const *filenames)
{
  int status = EXIT_SUCCESS;

  if (filenames == NULL || filenames[0] == NULL)
    {
      g_printerr (_("--validate needs at least one content pack file\n"));
      return 2;
    }

  for (guint i = 0; filenames[i] != NULL; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (filenames[i]);
      g_autoptr (MscosContentPack) pack = NULL;
      g_autoptr (GError) error = NULL;

      pack = mscos_content_pack_load (file, NULL, &error);
      if (pack != NULL)
        {
          g_print (_("%s: ok: %u outcomes, %u items\n"), filenames[i],
                   g_list_model_get_n_items (mscos_content_pack_get_outcomes (pack)),
                   mscos_content_pack_get_n_items (pack));
          continue;
        }

      status = EXIT_FAILURE;
      if (g_error_matches (error, MSCOS_CONTENT_ERROR, MSCOS_CONTENT_ERROR_INVALID)
          || g_error_matches (error, MSCOS_CONTENT_ERROR, MSCOS_CONTENT_ERROR_NEWER_VERSION))
        {
          g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);

          for (guint j = 0; lines[j] != NULL; j++)
            g_print ("%s: %s\n", filenames[i], lines[j]);
        }
      else
        {
          g_print (_("%s: cannot be read: %s\n"), filenames[i], error->message);
        }
    }

  return status;
}

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadRequest, load_request_free)

static gboolean
is_default_content (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  return g_strcmp0 (uri, DEFAULT_CONTENT_URI) == 0;
}

static void
cli_library_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  gboolean *done = user_data;

  mscos_library_load_finish (MSCOS_LIBRARY (object), result, NULL);
  *done = TRUE;
}

/* Adds the user's notes on items of @pack to @index; a library that cannot be read adds none. */
static void
add_library_notes (MscosSearchIndex *index,
                   MscosContentPack *pack)
{
  g_autoptr (GFile) file = g_file_new_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                                                      "library.json", NULL);
  g_autoptr (MscosLibrary) library = NULL;
  GListModel *entries;
  gboolean done = FALSE;

  if (!g_file_query_exists (file, NULL))
    return;

  /* A command-line mode never changes the library: it may run beside the app, or be given
   * a library that the app must set aside itself, telling the user. */
  library = mscos_library_new_read_only (file);
  mscos_library_load_async (library, NULL, cli_library_loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  entries = mscos_library_get_entries (library);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (MscosLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (mscos_library_entry_get_pack_id (entry), mscos_content_pack_get_id (pack)) == 0)
        mscos_search_index_set_note (index, mscos_library_entry_get_item_id (entry),
                                     mscos_library_entry_get_note (entry));
    }
}

/* Prints the results for @query, best first, one a line: ITEM-ID, OUTCOME-ID, KIND, EXCERPT,
 * separated by tabs. */
static int
search_from_command_line (const char *query,
                          const char *content)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (MscosSearchIndex) index = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;

  file = content ? g_file_new_for_commandline_arg (content) : g_file_new_for_uri (DEFAULT_CONTENT_URI);
  pack = mscos_content_pack_load (file, NULL, &error);
  if (pack == NULL)
    {
      g_printerr (_("%s cannot be read:\n%s\n"), content ? content : "The built-in content", error->message);
      return EXIT_FAILURE;
    }

  index = mscos_search_index_new (pack);
  add_library_notes (index, pack);
  results = mscos_search_index_query (index, query, 0);

  for (guint i = 0; i < results->len; i++)
    {
      MscosSearchResult *result = g_ptr_array_index (results, i);
      g_autofree char *excerpt = g_strdup (mscos_search_result_get_excerpt (result));

      g_strdelimit (excerpt, "\t\n\r", ' ');
      g_print ("%s\t%s\t%s\t%s\n",
               mscos_search_result_get_item_id (result),
               mscos_search_result_get_outcome_id (result),
               mscos_item_kind_to_string (mscos_search_result_get_kind (result)),
               excerpt);
    }

  return EXIT_SUCCESS;
}

static void
content_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (LoadRequest) request = user_data;
  MscosApplication *self = request->self;
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;

  pack = mscos_content_pack_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A pack asked for later wins over one asked for earlier that took longer to read. */
  if (request->generation != self->load_generation)
    return;

  if (pack != NULL)
    {
      set_content_pack (self, pack);
      return;
    }

  g_signal_emit (self, signals[CONTENT_REFUSED], 0, request->file, error);

  if (self->content_pack != NULL)
    return;

  if (!is_default_content (request->file))
    {
      /* The pack given on the command line was refused: read the built-in one instead. */
      mscos_application_open_content (self, NULL);
      return;
    }

  g_critical ("The built-in content pack cannot be read: %s", error->message);
  g_clear_error (&self->content_error);
  self->content_error = g_steal_pointer (&error);
  if (self->index_wanted)
    build_search_index (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_PACK]);
}

/* Shows the window, made if there is none (the app may be running only to answer GNOME Shell).
 * @timestamp is the time of the user's action that asked for it, or GDK_CURRENT_TIME: a window
 * on screen is given the focus with it, so that the window manager can refuse a request that
 * comes too late, which gtk_window_present() (always the current time) cannot. */
static MscosWindow *
ensure_window (MscosApplication *self,
               guint32           timestamp)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GdkSurface *surface;

  if (window == NULL)
    window = GTK_WINDOW (mscos_window_new (self));

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (timestamp != GDK_CURRENT_TIME && gtk_widget_get_visible (GTK_WIDGET (window))
      && GDK_IS_TOPLEVEL (surface))
    gdk_toplevel_focus (GDK_TOPLEVEL (surface), timestamp);
  else
    gtk_window_present (window);

  return MSCOS_WINDOW (window);
}

static void
show_about_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  MscosApplication *self = user_data;

  mscos_window_show_about (ensure_window (self, GDK_CURRENT_TIME));
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  MscosApplication *self = user_data;

  /* Nothing can be left unsaved (the library is written on shutdown), so quitting does not go
   * through closing each window, which an open dialog would stop. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MSCOS_IS_WINDOW (l->data))
      mscos_window_save_state (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
show_preferences_cb (GSimpleAction *action,
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
quick_exit_cb (GSimpleAction *action,
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

  if (self->library != NULL && !mscos_library_flush (self->library, &error)
      && !g_error_matches (error, MSCOS_LIBRARY_ERROR, MSCOS_LIBRARY_ERROR_READ_ONLY))
    g_warning ("The library could not be saved on quick exit: %s", error->message);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", show_about_cb },
  { "preferences", show_preferences_cb },
  { "quick-exit", quick_exit_cb },
  { "quit", quit_cb },
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
  g_autofree const char **remaining = NULL;
  const char *query = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("mscos-outcomes %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (g_variant_dict_contains (options, "validate"))
    return validate_files (remaining);

  if (g_variant_dict_lookup (options, "search", "&s", &query))
    {
      const char *content = NULL;

      g_variant_dict_lookup (options, "content", "^&ay", &content);
      return search_from_command_line (query, content);
    }

  if (remaining != NULL && remaining[0] != NULL)
    {
      g_printerr (_("Unexpected argument: %s (to check packs, use --validate)\n"), remaining[0]);
      return 2;
    }

  return -1;
}

static int
mscos_application_command_line (GApplication            *application,
                                GApplicationCommandLine *command_line)
{
  MscosApplication *self = MSCOS_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *content = NULL;

  if (g_variant_dict_lookup (options, "content", "^&ay", &content))
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line, content);

      mscos_application_open_content (self, file);
    }

  g_application_activate (application);

  return EXIT_SUCCESS;
}

static gboolean
start_reading_cb (gpointer user_data)
{
  MscosApplication *self = user_data;

  self->start_reading_source = 0;
  mscos_library_load_async (self->library, self->cancellable, library_loaded_cb, NULL);

  /* A pack named on the command line was asked for first, and is read instead. */
  if (self->load_generation == 0)
    mscos_application_open_content (self, NULL);

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

  G_APPLICATION_CLASS (mscos_application_parent_class)->startup (application);

  /* Files exported, imported or opened must not show in every file chooser's and the file
   * manager's Recent: GTK would record them, with the app's name, in recently-used.xbel. */
  g_object_set (gtk_settings_get_default (),
                "gtk-recent-files-enabled", FALSE,
                "gtk-recent-files-max-age", 0,
                NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quick-exit", quick_exit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);

  g_signal_connect_object (self->settings, "changed::style-variant", G_CALLBACK (apply_style), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::remember-last-outcome",
                           G_CALLBACK (remember_changed_cb), self, G_CONNECT_SWAPPED);
  apply_style (self);

  library_file = g_file_new_build_filename (g_get_user_data_dir (), APPLICATION_ID, "library.json", NULL);
  self->library = mscos_library_new (library_file);
  g_signal_connect_object (mscos_library_get_entries (self->library), "items-changed",
                           G_CALLBACK (library_entries_changed_cb), self, G_CONNECT_SWAPPED);

  /* The content and the user's bookmarks and notes are read in the background once the main
   * loop runs: after the window, if there is one, is on screen, so that reading does not take
   * a processor from building it; and without waiting for a window at all, as GNOME Shell may
   * start the app only to search it. */
  self->start_reading_source = g_idle_add_full (G_PRIORITY_LOW, start_reading_cb, self, NULL);
}

static void
provider_activate_result_cb (MscosApplication *self,
                             const char       *item_id,
                             guint             timestamp)
{
  mscos_window_show_item (ensure_window (self, timestamp), item_id);
}

static void
provider_launch_search_cb (MscosApplication *self,
                           const char       *query,
                           guint             timestamp)
{
  mscos_window_start_search (ensure_window (self, timestamp), query);
}

static gboolean
mscos_application_dbus_register (GApplication     *application,
                                 GDBusConnection  *connection,
                                 const char       *object_path,
                                 GError          **error)
{
  MscosApplication *self = MSCOS_APPLICATION (application);

  if (!G_APPLICATION_CLASS (mscos_application_parent_class)->dbus_register (application, connection,
                                                                            object_path, error))
    return FALSE;

  self->search_provider = mscos_search_provider_new (application);
  g_settings_bind (self->settings, "shell-search", self->search_provider, "enabled",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->search_provider, "activate-result",
                           G_CALLBACK (provider_activate_result_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "launch-search",
                           G_CALLBACK (provider_launch_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "index-wanted",
                           G_CALLBACK (mscos_application_request_search_index), self, G_CONNECT_SWAPPED);
  if (self->search_index != NULL)
    mscos_search_provider_set_index (self->search_provider, self->search_index);

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
  if (self->library != NULL && !mscos_library_flush (self->library, &error)
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
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_handle_id (&self->release_source, g_source_remove);
  g_clear_handle_id (&self->start_reading_source, g_source_remove);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->search_index);
  g_clear_pointer (&self->noted_items, g_hash_table_unref);
  g_clear_object (&self->content_pack);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_error (&self->content_error);

  G_OBJECT_CLASS (mscos_application_parent_class)->dispose (object);
}

static void
mscos_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MscosApplication *self = MSCOS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CONTENT_PACK:
      g_value_set_object (value, self->content_pack);
      break;

    case PROP_SEARCH_INDEX:
      g_value_set_object (value, self->search_index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_application_class_init (MscosApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mscos_application_dispose;
  object_class->get_property = mscos_application_get_property;

  app_class->handle_local_options = mscos_application_handle_local_options;
  app_class->command_line = mscos_application_command_line;
  app_class->startup = mscos_application_startup;
  app_class->activate = mscos_application_activate;
  app_class->shutdown = mscos_application_shutdown;
  app_class->dbus_register = mscos_application_dbus_register;
  app_class->dbus_unregister = mscos_application_dbus_unregister;

  /**
   * MscosApplication:content-pack:
   *
   * The content the app shows; replaced when the user opens another pack.
   */
  properties[PROP_CONTENT_PACK] =
    g_param_spec_object ("content-pack", NULL, NULL,
                         MSCOS_TYPE_CONTENT_PACK,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosApplication:search-index:
   *
   * The search index of the content pack, with the user's notes; %NULL until it is built.
   */
  properties[PROP_SEARCH_INDEX] =
    g_param_spec_object ("search-index", NULL, NULL,
                         MSCOS_TYPE_SEARCH_INDEX,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MscosApplication::content-refused:
   * @file: the pack that was refused
   * @error: why: for a pack with problems, one problem a line
   *
   * Emitted when a pack the user asked for cannot be read; the current pack stays.
   */
  signals[CONTENT_REFUSED] =
    g_signal_new ("content-refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);
}

static void
mscos_application_init (MscosApplication *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  self->noted_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("— read the Modern Slavery Core Outcome Set"));
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
 * mscos_application_get_content_pack:
 *
 * Returns: (transfer none) (nullable): the content shown, or %NULL while it loads
 */
MscosContentPack *
mscos_application_get_content_pack (MscosApplication *self)
{
  g_return_val_if_fail (MSCOS_IS_APPLICATION (self), NULL);

  return self->content_pack;
}

/**
 * mscos_application_get_content_error:
 *
 * Returns: (transfer none) (nullable): why the built-in content could not be read
 */
GError *
mscos_application_get_content_error (MscosApplication *self)
{
  g_return_val_if_fail (MSCOS_IS_APPLICATION (self), NULL);

  return self->content_error;
}

/**
 * mscos_application_open_content:
 * @file: (nullable): a content pack, or %NULL for the built-in one
 *
 * Reads a content pack in the background. When it is good it replaces the current one;
 * when it is not, #MscosApplication::content-refused says why and the current one stays.
 */
void
mscos_application_open_content (MscosApplication *self,
                                GFile            *file)
{
  LoadRequest *request;

  g_return_if_fail (MSCOS_IS_APPLICATION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  request = g_new0 (LoadRequest, 1);
  request->self = g_object_ref (self);
  request->file = file ? g_object_ref (file) : g_file_new_for_uri (DEFAULT_CONTENT_URI);

  request->generation = ++self->load_generation;
  mscos_content_pack_load_async (request->file, self->cancellable, content_loaded_cb, request);
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

  return self->library;
}

/**
 * mscos_application_get_search_index:
 *
 * Returns: (transfer none) (nullable): the search index, or %NULL while it is built
 */
MscosSearchIndex *
mscos_application_get_search_index (MscosApplication *self)
{
  g_return_val_if_fail (MSCOS_IS_APPLICATION (self), NULL);

  return self->search_index;
}

/**
 * mscos_application_request_search_index:
 *
 * Builds the search index of the content shown, if it is not built yet. The index is built
 * when first wanted — a search opened, or GNOME Shell asking — not at start-up;
 * #MscosApplication:search-index says when it is ready.
 */
void
mscos_application_request_search_index (MscosApplication *self)
{
  g_return_if_fail (MSCOS_IS_APPLICATION (self));

  if (self->index_wanted)
    return;

  self->index_wanted = TRUE;
  build_search_index (self);
}
