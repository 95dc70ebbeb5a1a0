/* mscos-window.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mscos-window-private.h"

#include <glib/gi18n.h>

#include "mscos-library-page.h"
#include "mscos-outcome-page.h"
#include "mscos-search-panel.h"
#include "mscos-sidebar-item.h"
#include "mscos-ui-utils.h"

/* The main window: an AdwNavigationSplitView of the outcomes (the sidebar, and the search
 * results over it) and the page shown (an outcome, or the library's bookmarks or notes), with
 * the banner about the library above it. It shows what its MscosSession holds; the
 * application talks to it only through its actions (mscos-window-actions.c). */

/* What the banner above the content is saying. */
typedef enum
{
  BANNER_NONE,
  BANNER_SAVE_ERROR,
  BANNER_NEWER_VERSION,
  BANNER_LOAD_PROBLEM,
  BANNER_QUICK_EXIT_TIP,
} BannerMessage;

G_DEFINE_FINAL_TYPE (MscosWindow, mscos_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- Pages --------------------------------------------------------------------------------- */

MscosOutcomePage *
_mscos_window_get_visible_page (MscosWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);

  return MSCOS_IS_OUTCOME_PAGE (child) ? MSCOS_OUTCOME_PAGE (child) : NULL;
}

static void
select_sidebar_outcome (MscosWindow  *self,
                        MscosOutcome *outcome)
{
  GListModel *model = G_LIST_MODEL (self->sidebar_selection);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosSidebarItem) item = g_list_model_get_item (model, i);

      if (mscos_sidebar_item_get_outcome (item) == outcome)
        {
          gtk_single_selection_set_selected (self->sidebar_selection, i);
          return;
        }
    }
}

static MscosOutcomePage *
show_outcome (MscosWindow  *self,
              MscosOutcome *outcome)
{
  const char *id = mscos_outcome_get_id (outcome);
  GtkWidget *page = g_hash_table_lookup (self->pages, id);

  if (page == NULL)
    {
      page = g_object_new (MSCOS_TYPE_OUTCOME_PAGE,
                           "outcome", outcome,
                           "pack", mscos_session_get_content_pack (self->session),
                           "library", mscos_session_get_library (self->session),
                           "diff", _mscos_window_review_get_diff (self),
                           NULL);
      g_settings_bind (self->settings, "text-scale", page, "text-scale", G_SETTINGS_BIND_GET);
      gtk_stack_add_named (self->page_stack, page, id);
      g_hash_table_insert (self->pages, g_strdup (id), page);
    }

  gtk_stack_set_visible_child (self->page_stack, page);
  adw_navigation_page_set_title (self->content_page, mscos_outcome_get_title (outcome));
  adw_navigation_view_pop_to_tag (self->content_view, "outcome");
  select_sidebar_outcome (self, outcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.expand-all", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.collapse-all", TRUE);

  if (g_settings_get_boolean (self->settings, "remember-last-outcome"))
    g_settings_set_string (self->settings, "last-outcome", id);

  return MSCOS_OUTCOME_PAGE (page);
}

static void
show_library (MscosWindow          *self,
              MscosLibraryPageMode  mode)
{
  const char *key = mode == MSCOS_LIBRARY_PAGE_BOOKMARKS ? "library:bookmarks" : "library:notes";
  GtkWidget *page = g_hash_table_lookup (self->pages, key);
  MscosLibrary *library = _mscos_window_get_library (self);

  if (page == NULL)
    {
      page = mscos_library_page_new (mode, library, _mscos_window_get_content_pack (self));
      gtk_stack_add_named (self->page_stack, page, key);
      g_hash_table_insert (self->pages, g_strdup (key), page);
    }

  gtk_stack_set_visible_child (self->page_stack, page);
  adw_navigation_page_set_title (self->content_page,
                                 mscos_library_page_get_title (MSCOS_LIBRARY_PAGE (page)));
  adw_navigation_view_pop_to_tag (self->content_view, "outcome");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.expand-all", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.collapse-all", FALSE);
}

/* Shows the status page @name of mscos-status-pages.ui in @stack, built the first time. */
static AdwStatusPage *
show_status_page (GtkStack   *stack,
                  const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  if (page == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new ();
      const char *names[] = { name, NULL };
      g_autoptr (GError) error = NULL;

      if (!gtk_builder_add_objects_from_resource (builder,
                                                  RESOURCE_PATH "/ui/mscos-status-pages.ui",
                                                  names, &error))
        g_error ("The status pages cannot be built: %s", error->message);
      page = GTK_WIDGET (gtk_builder_get_object (builder, name));
      gtk_stack_add_named (stack, page, name);
    }

  gtk_stack_set_visible_child (stack, page);

  return ADW_STATUS_PAGE (page);
}

static void
clear_pages (MscosWindow *self)
{
  GHashTableIter iter;
  gpointer page;

  gtk_stack_set_visible_child_name (self->page_stack, "loading");
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &page))
    gtk_stack_remove (self->page_stack, page);
  g_hash_table_remove_all (self->pages);
  adw_navigation_page_set_title (self->content_page, _("Outcome"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.expand-all", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.collapse-all", FALSE);
}

/* --- Sidebar ------------------------------------------------------------------------------- */

static const char *
group_section_title (MscosOutcomeGroup group)
{
  switch (group)
    {
    case MSCOS_OUTCOME_GROUP_CORE:
      return _("Core Outcomes");
    case MSCOS_OUTCOME_GROUP_WORKING_WITH_THE_SET:
      return _("The Outcome Set");
    case MSCOS_OUTCOME_GROUP_RELATED_FRAMEWORK:
      return _("Related Frameworks");
    default:
      g_return_val_if_reached (NULL);
    }
}

static GListModel *
create_library_section (void)
{
  g_autoptr (GListStore) library = g_list_store_new (MSCOS_TYPE_SIDEBAR_ITEM);
  g_autoptr (MscosSidebarItem) bookmarks = NULL;
  g_autoptr (MscosSidebarItem) notes = NULL;

  bookmarks = mscos_sidebar_item_new_for_place (MSCOS_SIDEBAR_BOOKMARKS, _("Bookmarks"),
                                                "starred-symbolic", _("Your Library"));
  notes = mscos_sidebar_item_new_for_place (MSCOS_SIDEBAR_NOTES, _("Notes"),
                                            "document-edit-symbolic", _("Your Library"));
  g_list_store_append (library, bookmarks);
  g_list_store_append (library, notes);

  return G_LIST_MODEL (g_steal_pointer (&library));
}

static GListModel *
create_sidebar_model (MscosWindow      *self,
                      MscosContentPack *pack)
{
  GListModel *outcomes = mscos_content_pack_get_outcomes (pack);
  GListStore *sections = g_list_store_new (G_TYPE_LIST_MODEL);
  GListStore *by_group[3] = { NULL };
  g_autoptr (GListModel) library = NULL;
  g_autoptr (GListModel) review = _mscos_window_review_create_sidebar_section (self);
  guint n = g_list_model_get_n_items (outcomes);

  if (review != NULL)
    g_list_store_append (sections, review);

  /* Each group is a section of the list, in the order the groups first appear in the pack. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);
      MscosOutcomeGroup group = mscos_outcome_get_group (outcome);
      g_autoptr (MscosSidebarItem) item = NULL;

      if (by_group[group] == NULL)
        {
          by_group[group] = g_list_store_new (MSCOS_TYPE_SIDEBAR_ITEM);
          g_list_store_append (sections, by_group[group]);
          g_object_unref (by_group[group]);
        }

      item = mscos_sidebar_item_new_for_outcome (outcome, group_section_title (group));
      _mscos_window_review_decorate_sidebar_item (self, item);
      g_list_store_append (by_group[group], item);
    }

  library = create_library_section ();
  g_list_store_append (sections, library);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (sections)));
}

static void
sidebar_activated_cb (MscosWindow *self,
                      guint        position)
{
  GListModel *sidebar = G_LIST_MODEL (self->sidebar_selection);
  g_autoptr (MscosSidebarItem) item = g_list_model_get_item (sidebar, position);

  if (item == NULL)
    return;

  if (mscos_sidebar_item_get_place (item) == MSCOS_SIDEBAR_CHANGES)
    _mscos_window_review_show_changes (self);
  else if (mscos_sidebar_item_get_place (item) == MSCOS_SIDEBAR_OUTCOME)
    gtk_widget_grab_focus (GTK_WIDGET (show_outcome (self, mscos_sidebar_item_get_outcome (item))));
  else
    show_library (self, mscos_sidebar_item_get_place (item) == MSCOS_SIDEBAR_BOOKMARKS
                          ? MSCOS_LIBRARY_PAGE_BOOKMARKS : MSCOS_LIBRARY_PAGE_NOTES);

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
restore_outcome (MscosWindow      *self,
                 MscosContentPack *pack,
                 const char       *previous_id)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-outcome");
  MscosOutcome *outcome = NULL;

  if (previous_id != NULL)
    outcome = mscos_content_pack_lookup_outcome (pack, previous_id);
  if (outcome == NULL && g_settings_get_boolean (self->settings, "remember-last-outcome"))
    outcome = mscos_content_pack_lookup_outcome (pack, last);

  if (outcome != NULL)
    show_outcome (self, outcome);
  else if (!adw_navigation_split_view_get_collapsed (self->split_view))
    {
      GListModel *outcomes = mscos_content_pack_get_outcomes (pack);
      g_autoptr (MscosOutcome) first = g_list_model_get_item (outcomes, 0);

      show_outcome (self, first);
    }
  else
    {
      show_status_page (self->page_stack, "empty");
    }
}

/* The sidebar while the content is read: blank, as the default pack takes a few
 * milliseconds; a spinner appears only if reading takes long enough to notice. */
#define LOADING_SPINNER_DELAY_MS 500

static gboolean
loading_spinner_due_cb (gpointer user_data)
{
  MscosWindow *self = user_data;

  self->loading_spinner_source = 0;
  show_status_page (self->sidebar_stack, "reading");

  return G_SOURCE_REMOVE;
}

static void
set_sidebar_loading (MscosWindow *self,
                     gboolean     loading)
{
  GtkWidget *spinner = gtk_stack_get_child_by_name (self->sidebar_stack, "reading");

  if (loading && spinner == NULL && self->loading_spinner_source == 0)
    self->loading_spinner_source = g_timeout_add (LOADING_SPINNER_DELAY_MS,
                                                  loading_spinner_due_cb, self);

  if (!loading)
    {
      g_clear_handle_id (&self->loading_spinner_source, g_source_remove);
      if (spinner != NULL)
        {
          gtk_stack_set_visible_child_name (self->sidebar_stack, "loading");
          gtk_stack_remove (self->sidebar_stack, spinner);
        }
    }
}

static void
content_pack_changed_cb (MscosWindow *self)
{
  MscosContentPack *pack = mscos_session_get_content_pack (self->session);
  const GError *error = mscos_session_get_content_error (self->session);
  g_autofree char *previous_id = NULL;
  g_autoptr (GListModel) model = NULL;
  MscosOutcomePage *page;
  gboolean review_started;

  set_sidebar_loading (self, pack == NULL && error == NULL);
  review_started = _mscos_window_review_pack_changed (self, pack);

  if (pack != NULL && pack == self->shown_pack)
    return;

  page = _mscos_window_get_visible_page (self);
  if (page != NULL)
    previous_id = g_strdup (mscos_outcome_get_id (mscos_outcome_page_get_outcome (page)));

  clear_pages (self);
  g_set_object (&self->shown_pack, pack);

  if (pack == NULL)
    {
      gtk_single_selection_set_model (self->sidebar_selection, NULL);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "loading");
      if (error != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          /* A status page's description is markup. */
          adw_status_page_set_description (show_status_page (self->page_stack, "error"), escaped);
        }
      return;
    }

  model = create_sidebar_model (self, pack);
  gtk_single_selection_set_model (self->sidebar_selection, model);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "outcomes");
  if (review_started)
    _mscos_window_review_show_changes (self);
  else
    restore_outcome (self, pack, previous_id);

  if (self->pending_item_id != NULL)
    {
      g_autofree char *item_id = g_steal_pointer (&self->pending_item_id);

      mscos_window_show_item (self, item_id);
    }

  if (self->opened_by_user)
    {
      /* Translators: shown after a content pack was opened: its title and revision */
      g_autofree char *message = g_strdup_printf (_("Opened “%s”, revision %s"),
                                                  mscos_content_pack_get_title (pack),
                                                  mscos_content_pack_get_revision (pack));

      mscos_window_show_toast (self, message);
      self->opened_by_user = FALSE;
    }
}

static void
content_refused_cb (MscosWindow *self,
                    GFile       *file,
                    GError      *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_auto (GStrv) lines = NULL;
  AdwDialog *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  self->opened_by_user = FALSE;
  dialog = adw_alert_dialog_new (_("Cannot Open Content Pack"), NULL);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));

  if (g_error_matches (error, MSCOS_CONTENT_ERROR, MSCOS_CONTENT_ERROR_NEWER_VERSION))
    {
      adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                    _("“%s” was made for a newer version of MSCOS Outcomes. "
                                      "Update the app to read it. The current content stays."),
                                    name);
      mscos_present_dialog (dialog, GTK_WIDGET (self));
      return;
    }

  if (!g_error_matches (error, MSCOS_CONTENT_ERROR, MSCOS_CONTENT_ERROR_INVALID))
    {
      adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                    /* Translators: a file name, then why it cannot be read */
                                    _("“%s” could not be read: %s. The current content stays."),
                                    name, error->message);
      mscos_present_dialog (dialog, GTK_WIDGET (self));
      return;
    }

  lines = g_strsplit (error->message, "\n", -1);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                g_dngettext (GETTEXT_PACKAGE,
                                             "“%s” has a problem, listed below. The current "
                                             "content stays.",
                                             "“%s” has %u problems, listed below. The current "
                                             "content stays.",
                                             g_strv_length (lines)),
                                name, g_strv_length (lines));

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", error->message,
                        "use-markup", FALSE,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "selectable", TRUE,
                        "xalign", 0.0f,
                        "yalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "problem-list");
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "child", label,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 320,
                           NULL);
  gtk_widget_add_css_class (scroller, "card");
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), scroller);
  mscos_present_dialog (dialog, GTK_WIDGET (self));
}

/* --- The user's library ----------------------------------------------------------------------- */

/* The banner says one thing at a time: a save that fails matters most, then a library file that
 * a newer version wrote, or one set aside at start-up, then, until it is dismissed, where quick
 * exit is. */
static BannerMessage
choose_banner (MscosWindow  *self,
               const char  **title)
{
  MscosLibrary *library = _mscos_window_get_library (self);
  const char *save_error = library ? mscos_library_get_save_error (library) : NULL;
  const char *load_problem = library ? mscos_library_get_load_problem (library) : NULL;

  *title = NULL;

  if (save_error != NULL)
    {
      *title = save_error;
      return BANNER_SAVE_ERROR;
    }

  if (load_problem != NULL)
    {
      *title = load_problem;
      return mscos_library_get_newer_version (library) ? BANNER_NEWER_VERSION : BANNER_LOAD_PROBLEM;
    }

  if (self->settings != NULL
      && !g_settings_get_boolean (self->settings, "quick-exit-tip-dismissed"))
    {
      *title = _("Shift+Esc closes the app at once, if you need to leave quickly");
      return BANNER_QUICK_EXIT_TIP;
    }

  return BANNER_NONE;
}

static void
update_banner (MscosWindow *self)
{
  const char *title;

  self->banner_message = choose_banner (self, &title);

  switch (self->banner_message)
    {
    case BANNER_SAVE_ERROR:
      adw_banner_set_button_label (self->banner, NULL);
      break;
    case BANNER_LOAD_PROBLEM:
      adw_banner_set_button_label (self->banner, _("_Open Folder"));
      break;
    case BANNER_NEWER_VERSION:
      adw_banner_set_button_label (self->banner, _("_Start New Library…"));
      break;
    case BANNER_QUICK_EXIT_TIP:
      adw_banner_set_button_label (self->banner, _("_Got It"));
      break;
    case BANNER_NONE:
    default:
      break;
    }

  if (title != NULL)
    adw_banner_set_title (self->banner, title);
  adw_banner_set_revealed (self->banner, title != NULL);
}

static void
open_containing_folder (MscosWindow *self,
                        GFile       *file)
{
  g_autoptr (GtkFileLauncher) launcher = NULL;

  if (file == NULL)
    return;

  launcher = gtk_file_launcher_new (file);
  gtk_file_launcher_open_containing_folder (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
}

static void
new_library_chosen_cb (AdwAlertDialog *dialog,
                       GAsyncResult   *result,
                       MscosWindow    *self)
{
  g_autoptr (MscosWindow) owned = self;
  MscosLibrary *library = _mscos_window_get_library (self);
  const char *response = adw_alert_dialog_choose_finish (dialog, result);
  GFile *destination = g_object_get_data (G_OBJECT (dialog), "destination");
  g_autoptr (GError) error = NULL;

  if (library == NULL)
    return;

  if (g_str_equal (response, "folder"))
    {
      open_containing_folder (self, mscos_library_get_file (library));
    }
  else if (g_str_equal (response, "new") && !mscos_library_start_new (library, destination, &error))
    {
      g_autofree char *message = g_strdup_printf (_("A new library could not be started: %s"),
                                                  error->message);

      mscos_window_show_toast (self, message);
    }
}

/* The library file was written by a newer version: nothing is written to it, and nothing is
 * changed, until the user has read where it will stay and chosen. */
static void
ask_to_start_new_library (MscosWindow *self)
{
  MscosLibrary *library = _mscos_window_get_library (self);
  g_autoptr (GFile) destination = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autofree char *folder_name = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *library_name = NULL;
  AdwDialog *dialog;

  if (library == NULL || !mscos_library_get_newer_version (library))
    return;

  destination = mscos_library_dup_newer_version_destination (library);
  if (destination == NULL)
    return;

  folder = g_file_get_parent (destination);
  folder_name = g_file_get_path (folder);
  kept_name = g_file_get_basename (destination);
  library_name = g_file_get_basename (mscos_library_get_file (library));

  dialog = adw_alert_dialog_new (_("Start a New Library?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                /* Translators: the first %s is a file name, the second a
                                 * folder, the third a file name */
                                _("Your library file “%s” stays in the folder “%s”, renamed “%s”, "
                                  "exactly as the newer version of MSCOS Outcomes left it: that "
                                  "version can still open it. A new library is started with the "
                                  "bookmarks and notes shown now, and your changes are saved "
                                  "from then on."),
                                library_name, folder_name, kept_name);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "folder", _("_Open Folder"),
                                  "new", _("_Start New Library"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "new",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "destination", g_steal_pointer (&destination),
                          g_object_unref);
  mscos_add_exit_shortcuts (GTK_WIDGET (dialog));
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) new_library_chosen_cb, g_object_ref (self));
}

static void
banner_clicked_cb (MscosWindow *self)
{
  MscosLibrary *library = _mscos_window_get_library (self);

  switch (self->banner_message)
    {
    case BANNER_LOAD_PROBLEM:
      open_containing_folder (self, library ? mscos_library_get_moved_aside_file (library) : NULL);
      break;
    case BANNER_NEWER_VERSION:
      ask_to_start_new_library (self);
      break;
    case BANNER_QUICK_EXIT_TIP:
      g_settings_set_boolean (self->settings, "quick-exit-tip-dismissed", TRUE);
      break;
    case BANNER_SAVE_ERROR:
    case BANNER_NONE:
    default:
      break;
    }
}

/* --- Search -------------------------------------------------------------------------------- */

static void
show_sidebar_outcomes (MscosWindow *self)
{
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    _mscos_window_get_content_pack (self) ? "outcomes"
                                                                          : "loading");
}

static void
search_showing_changed_cb (MscosWindow *self)
{
  if (mscos_search_panel_get_showing (MSCOS_SEARCH_PANEL (self->search_panel)))
    gtk_stack_set_visible_child (self->sidebar_stack, self->search_panel);
  else
    show_sidebar_outcomes (self);
}

static void
search_stopped_cb (MscosWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (MscosWindow *self)
{
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar);

  /* The results are made the first time a search opens. */
  if (searching && self->search_panel == NULL)
    {
      self->search_panel = g_object_new (MSCOS_TYPE_SEARCH_PANEL,
                                         "session", self->session,
                                         "entry", self->search_entry,
                                         NULL);
      gtk_stack_add_named (self->sidebar_stack, self->search_panel, "results");
      g_signal_connect_object (self->search_panel, "notify::showing",
                               G_CALLBACK (search_showing_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (searching)
    {
      adw_navigation_split_view_set_show_content (self->split_view, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }

  if (self->search_panel != NULL)
    mscos_search_panel_set_enabled (MSCOS_SEARCH_PANEL (self->search_panel), searching);
}

/* --- Quick exit ---------------------------------------------------------------------------- */

/* One quick exit button on screen when the preference asks for it: in the sidebar's header bar,
 * and in the page's when the sidebar is folded away. */
static void
update_quick_exit_buttons (MscosWindow *self)
{
  gboolean shown = self->settings && g_settings_get_boolean (self->settings, "show-quick-exit");

  gtk_widget_set_visible (self->sidebar_quick_exit_button, shown);
  gtk_widget_set_visible (self->content_quick_exit_button,
                          shown && adw_navigation_split_view_get_collapsed (self->split_view));
}

/* --- Window -------------------------------------------------------------------------------- */

/* Remembers the window's size and whether it is maximised. */
static void
save_state (MscosWindow *self)
{
  int width, height;

  /* GTK keeps the default size up to date as the user resizes the window, and leaves it at
   * the size before maximising, which is the size to come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* Quitting does not close the windows (an open dialog would stop it): each keeps its size as
 * the application shuts down. */
static void
application_changed_cb (MscosWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL)
    g_signal_connect_object (application, "shutdown", G_CALLBACK (save_state), self,
                             G_CONNECT_SWAPPED);
}

static gboolean
mscos_window_close_request (GtkWindow *window)
{
  save_state (MSCOS_WINDOW (window));

  return GTK_WINDOW_CLASS (mscos_window_parent_class)->close_request (window);
}

static void
mscos_window_constructed (GObject *object)
{
  MscosWindow *self = MSCOS_WINDOW (object);
  MscosLibrary *library = mscos_session_get_library (self->session);

  G_OBJECT_CLASS (mscos_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  _mscos_window_actions_init (self);
  _mscos_window_review_init (self);
  g_signal_connect_object (self->settings, "changed::show-quick-exit",
                           G_CALLBACK (update_quick_exit_buttons), self, G_CONNECT_SWAPPED);
  update_quick_exit_buttons (self);
  g_signal_connect_object (self->settings, "changed::quick-exit-tip-dismissed",
                           G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->session, "notify::content-pack",
                           G_CALLBACK (content_pack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "content-refused", G_CALLBACK (content_refused_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "notify::save-error", G_CALLBACK (update_banner), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "notify::load-problem", G_CALLBACK (update_banner), self,
                           G_CONNECT_SWAPPED);
  update_banner (self);

  content_pack_changed_cb (self);
}

static void
mscos_window_dispose (GObject *object)
{
  MscosWindow *self = MSCOS_WINDOW (object);

  g_clear_weak_pointer (&self->zoom_reset_button);
  g_clear_weak_pointer (&self->page_focus);
  g_clear_handle_id (&self->loading_spinner_source, g_source_remove);
  _mscos_window_review_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_WINDOW);

  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->sidebar_selection);
  g_clear_pointer (&self->pending_item_id, g_free);
  g_clear_object (&self->shown_pack);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mscos_window_parent_class)->dispose (object);
}

static void
mscos_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MscosWindow *self = MSCOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MscosWindow *self = MSCOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_window_class_init (MscosWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = mscos_window_constructed;
  object_class->dispose = mscos_window_dispose;
  object_class->get_property = mscos_window_get_property;
  object_class->set_property = mscos_window_set_property;
  window_class->close_request = mscos_window_close_request;

  /**
   * MscosWindow:session:
   *
   * What the window shows: the content pack, the library, the search index.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         MSCOS_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MscosWindow:settings:
   *
   * The app's settings: the window's size, the text size, the preferences.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MSCOS_TYPE_SIDEBAR_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, content_view);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, review_banner);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, page_menu);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, page_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, sidebar_quick_exit_button);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, content_quick_exit_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_quick_exit_buttons);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);

  _mscos_window_class_actions_init (klass);
  _mscos_window_review_class_init (widget_class);
}

static void
mscos_window_init (MscosWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sidebar_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->sidebar_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->sidebar_selection, TRUE);
  gtk_list_view_set_model (self->sidebar_list, GTK_SELECTION_MODEL (self->sidebar_selection));

  mscos_add_exit_shortcuts (GTK_WIDGET (self));
  mscos_menu_button_set_popover_func (self->primary_menu_button,
                                      _mscos_window_create_primary_popover, self);
  mscos_menu_button_set_popover_func (self->page_menu_button,
                                      _mscos_window_create_page_popover, self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
}

/* --- Private API ------------------------------------------------------------------------- */

MscosContentPack *
_mscos_window_get_content_pack (MscosWindow *self)
{
  return mscos_session_get_content_pack (self->session);
}

MscosLibrary *
_mscos_window_get_library (MscosWindow *self)
{
  return mscos_session_get_library (self->session);
}

void
_mscos_window_open_content (MscosWindow *self,
                            GFile       *file)
{
  self->opened_by_user = TRUE;
  mscos_session_open_content (self->session, file);
}

/* --- Public API -------------------------------------------------------------------------- */

/**
 * mscos_window_new:
 * @application: the application
 * @session: what the window shows
 * @settings: the app's settings
 *
 * Returns: (transfer floating): a new window
 */
MscosWindow *
mscos_window_new (GtkApplication *application,
                  MscosSession   *session,
                  GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MSCOS_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (MSCOS_TYPE_WINDOW,
                       "session", session,
                       "settings", settings,
                       "application", application,
                       NULL);
}

void
mscos_window_show_toast (MscosWindow *self,
                         const char  *message)
{
  AdwToast *toast;

  g_return_if_fail (MSCOS_IS_WINDOW (self));

  /* A toast's title is markup unless told otherwise; messages hold pack text and file names. */
  toast = adw_toast_new (message);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * mscos_window_add_toast:
 * @toast: (transfer full): a toast, whose title is shown as plain text
 */
void
mscos_window_add_toast (MscosWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (MSCOS_IS_WINDOW (self));

  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A section the revision changed or removed (@change) is shown by its heading, where the base
 * pack had it if the revision removed it. */
static gboolean
show_changed_section (MscosWindow      *self,
                      MscosContentPack *pack,
                      MscosPackChange  *change)
{
  MscosOutcome *outcome;

  outcome = mscos_content_pack_lookup_outcome (pack, mscos_pack_change_get_outcome_id (change));
  if (outcome == NULL)
    return FALSE;
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  return mscos_outcome_page_reveal_section (show_outcome (self, outcome),
                                            mscos_pack_change_get_id (change));
}

/**
 * mscos_window_show_item:
 * @item_id: the id of an item of the content pack; while reviewing, or one of the base pack
 *   that the revision removed, or of a section the revision changed or removed
 *
 * Shows the page of the item, opens what holds it, scrolls to it and highlights it. A removed
 * item is shown where the base pack had it; a section, by its heading.
 *
 * Returns: whether the item is in the content pack
 */
gboolean
mscos_window_show_item (MscosWindow *self,
                        const char  *item_id)
{
  MscosContentPack *pack;
  MscosOutcome *outcome;
  MscosItem *item;

  g_return_val_if_fail (MSCOS_IS_WINDOW (self), FALSE);

  pack = _mscos_window_get_content_pack (self);
  if (pack == NULL)
    {
      /* Shown when the content is loaded (the Shell can start the app to show an item). */
      g_free (self->pending_item_id);
      self->pending_item_id = g_strdup (item_id);
      return TRUE;
    }

  item = mscos_content_pack_lookup_item (pack, item_id);
  /* While reviewing, an item the revision removed is shown where it was, and a section it
   * changed or removed by its heading. */
  if (item == NULL && _mscos_window_review_get_diff (self) != NULL)
    {
      MscosPackChange *change = mscos_pack_diff_lookup (_mscos_window_review_get_diff (self),
                                                        item_id);

      if (change != NULL && mscos_pack_change_get_part (change) == MSCOS_PACK_PART_SECTION)
        return show_changed_section (self, pack, change);
      if (change != NULL && mscos_pack_change_get_change_type (change) == MSCOS_CHANGE_REMOVED
          && MSCOS_IS_ITEM (mscos_pack_change_get_old_object (change)))
        item = MSCOS_ITEM (mscos_pack_change_get_old_object (change));
    }
  if (item == NULL)
    return FALSE;

  outcome = mscos_content_pack_lookup_outcome (pack, mscos_item_get_outcome_id (item));
  if (outcome == NULL)
    return FALSE;
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  return mscos_outcome_page_reveal_item (show_outcome (self, outcome), item);
}
