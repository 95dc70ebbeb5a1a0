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

#include "mscos-application.h"
#include "mscos-library-page.h"
#include "mscos-link-policy.h"
#include "mscos-outcome-page.h"
#include "mscos-search-hit.h"
#include "mscos-sidebar-item.h"
#include "mscos-ui-utils.h"
#include "mscos-viewer.h"
#include "mscos-window.h"

/* Text sizes offered by Ctrl+plus and Ctrl+minus, relative to the normal size. */
static const double zoom_steps[] = { 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.75, 2.0, 2.5, 3.0 };

/* What the banner above the content is saying. */
typedef enum
{
  BANNER_NONE,
  BANNER_SAVE_ERROR,
  BANNER_LOAD_PROBLEM,
  BANNER_QUICK_EXIT_TIP,
} BannerMessage;

struct _MscosWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwNavigationSplitView *split_view;
  AdwNavigationPage    *content_page;
  AdwNavigationView    *content_view;
  GtkStack             *sidebar_stack;
  guint                 loading_spinner_source;
  GtkListView          *sidebar_list;
  GtkStack             *page_stack;
  AdwBanner            *banner;
  BannerMessage         banner_message;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkListView          *results_list;
  GMenuModel           *primary_menu;
  GMenuModel           *page_menu;
  /* the menus' widgets, built the first time each is opened */
  GtkButton            *zoom_reset_button;
  GtkWindow            *shortcuts_window;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *page_menu_button;
  GtkWidget            *sidebar_quick_exit_button;
  GtkWidget            *content_quick_exit_button;

  GSettings            *settings;
  GtkSingleSelection   *sidebar_selection;
  GtkNoSelection       *results_selection;
  /* an item asked for before the content was loaded, shown once it is */
  char                 *pending_item_id;
  /* outcome id → MscosOutcomePage, built the first time each outcome is shown, and
   * "library:bookmarks" and "library:notes" → MscosLibraryPage */
  GHashTable           *pages;
  MscosContentPack     *shown_pack;
  gboolean              opened_by_user;
};

G_DEFINE_FINAL_TYPE (MscosWindow, mscos_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkCssProvider *zoom_provider;

static MscosApplication *
get_application (MscosWindow *self)
{
  return MSCOS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static MscosContentPack *
get_content_pack (MscosWindow *self)
{
  MscosApplication *app = get_application (self);

  return app ? mscos_application_get_content_pack (app) : NULL;
}

/* --- Text size ------------------------------------------------------------------------- */

/* The text size in percent of the normal size. */
static int
get_text_percent (MscosWindow *self)
{
  return (int) (g_settings_get_double (self->settings, "text-scale") * 100 + 0.5);
}

/* The primary menu's text size, when the menu has been made. */
static void
update_zoom_label (MscosWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%d%%", get_text_percent (self));

  if (self->zoom_reset_button != NULL)
    gtk_button_set_label (self->zoom_reset_button, label);
}

static void
apply_zoom (MscosWindow *self)
{
  double scale = g_settings_get_double (self->settings, "text-scale");
  g_autofree char *css = g_strdup_printf (".outcome-page { font-size: %d%%; }", get_text_percent (self));

  gtk_css_provider_load_from_string (zoom_provider, css);
  update_zoom_label (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in",
                                 scale < zoom_steps[G_N_ELEMENTS (zoom_steps) - 1] - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", scale > zoom_steps[0] + 0.001);
}

static void
zoom_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  double scale = g_settings_get_double (self->settings, "text-scale");
  double next = 1.0;

  if (g_str_equal (action_name, "win.zoom-in"))
    {
      next = zoom_steps[G_N_ELEMENTS (zoom_steps) - 1];
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > scale + 0.001)
          {
            next = zoom_steps[i];
            break;
          }
    }
  else if (g_str_equal (action_name, "win.zoom-out"))
    {
      next = zoom_steps[0];
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
        if (zoom_steps[i - 1] < scale - 0.001)
          {
            next = zoom_steps[i - 1];
            break;
          }
    }

  g_settings_set_double (self->settings, "text-scale", next);
}

/* --- Menus and the shortcuts window, built when first wanted ------------------------------------ */

static GtkWidget *
create_zoom_button (const char *icon_name,
                    const char *action,
                    const char *tooltip,
                    const char *accessible)
{
  GtkWidget *button = gtk_button_new ();

  if (icon_name != NULL)
    gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return button;
}

/* The primary menu's first row: the text size, with smaller, normal and larger. */
static GtkWidget *
create_zoom_row (MscosWindow *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_("Text Size"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *reset;

  g_object_set (row, "margin-start", 12, "margin-end", 12, "margin-top", 6, "margin-bottom", 6, NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (buttons, "linked");

  reset = create_zoom_button (NULL, "win.zoom-reset", _("Normal Text Size"), _("Normal text size"));
  gtk_widget_set_size_request (reset, 64, -1);
  self->zoom_reset_button = GTK_BUTTON (reset);
  g_object_add_weak_pointer (G_OBJECT (reset), (gpointer *) &self->zoom_reset_button);

  gtk_box_append (GTK_BOX (buttons), create_zoom_button ("zoom-out-symbolic", "win.zoom-out",
                                                         _("Smaller Text"), _("Smaller text")));
  gtk_box_append (GTK_BOX (buttons), reset);
  gtk_box_append (GTK_BOX (buttons), create_zoom_button ("zoom-in-symbolic", "win.zoom-in",
                                                         _("Larger Text"), _("Larger text")));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), buttons);

  return row;
}

static GtkWidget *
create_primary_popover (gpointer user_data)
{
  MscosWindow *self = user_data;
  GtkWidget *popover = gtk_popover_menu_new_from_model (self->primary_menu);

  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), create_zoom_row (self), "zoom");
  update_zoom_label (self);

  return popover;
}

static GtkWidget *
create_page_popover (gpointer user_data)
{
  MscosWindow *self = user_data;

  return gtk_popover_menu_new_from_model (self->page_menu);
}

static void
show_shortcuts_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/help-overlay.ui");

      self->shortcuts_window = GTK_WINDOW (g_object_ref_sink (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      mscos_add_exit_shortcuts (GTK_WIDGET (self->shortcuts_window));
    }

  gtk_window_present (self->shortcuts_window);
}

/* --- Pages --------------------------------------------------------------------------------- */

static MscosOutcomePage *
get_visible_page (MscosWindow *self)
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
      page = mscos_outcome_page_new (outcome, get_content_pack (self),
                                     mscos_application_get_library (get_application (self)));
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
  MscosLibrary *library = mscos_application_get_library (get_application (self));

  if (page == NULL)
    {
      page = mscos_library_page_new (mode, library, get_content_pack (self));
      gtk_stack_add_named (self->page_stack, page, key);
      g_hash_table_insert (self->pages, g_strdup (key), page);
    }

  gtk_stack_set_visible_child (self->page_stack, page);
  adw_navigation_page_set_title (self->content_page, mscos_library_page_get_title (MSCOS_LIBRARY_PAGE (page)));
  adw_navigation_view_pop_to_tag (self->content_view, "outcome");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.expand-all", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.collapse-all", FALSE);
}

/* The status pages, made the first time one is shown: most sessions never see them. */
typedef struct
{
  const char *name;
  /* NULL for a spinner */
  const char *icon_name;
  const char *title;
  const char *description;
  gboolean    compact;
} StatusPageInfo;

static const StatusPageInfo status_pages[] = {
  { "empty", "uk.co.mscos.Outcomes-symbolic", N_("Choose an Outcome"),
    N_("What survivors said, which recommendations apply and where the reports are, for each of the seven core outcomes."),
    FALSE },
  { "error", "dialog-error-symbolic", N_("The Content Cannot Be Shown"), NULL, FALSE },
  { "no-results", "system-search-symbolic", N_("No Results Found"),
    N_("Try other words, or fewer of them."), TRUE },
  { "reading", NULL, N_("Reading the Content"), NULL, TRUE },
};

static AdwStatusPage *
show_status_page (GtkStack   *stack,
                  const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  if (page == NULL)
    {
      const StatusPageInfo *info = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (status_pages) && info == NULL; i++)
        if (g_str_equal (status_pages[i].name, name))
          info = &status_pages[i];
      g_return_val_if_fail (info != NULL, NULL);

      page = adw_status_page_new ();
      if (info->icon_name != NULL)
        {
          adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), info->icon_name);
        }
      else
        {
          g_autoptr (AdwSpinnerPaintable) spinner = adw_spinner_paintable_new (page);

          adw_status_page_set_paintable (ADW_STATUS_PAGE (page), GDK_PAINTABLE (spinner));
        }
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _(info->title));
      if (info->description != NULL)
        adw_status_page_set_description (ADW_STATUS_PAGE (page), _(info->description));
      if (info->compact)
        gtk_widget_add_css_class (page, "compact");
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

static void
expand_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  MscosOutcomePage *page = get_visible_page (MSCOS_WINDOW (widget));

  if (page != NULL)
    mscos_outcome_page_set_expanded (page, g_str_equal (action_name, "win.expand-all"));
}

static void
show_item_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  mscos_window_show_item (MSCOS_WINDOW (widget), g_variant_get_string (parameter, NULL));
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
create_sidebar_model (MscosContentPack *pack)
{
  GListModel *outcomes = mscos_content_pack_get_outcomes (pack);
  GListStore *sections = g_list_store_new (G_TYPE_LIST_MODEL);
  GListStore *by_group[3] = { NULL };
  guint n = g_list_model_get_n_items (outcomes);

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
      g_list_store_append (by_group[group], item);
    }

  g_list_store_append (sections, create_library_section ());

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (sections)));
}

static void
sidebar_activated_cb (MscosWindow *self,
                      guint        position)
{
  g_autoptr (MscosSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->sidebar_selection), position);

  if (item == NULL)
    return;

  if (mscos_sidebar_item_get_place (item) == MSCOS_SIDEBAR_OUTCOME)
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
      g_autoptr (MscosOutcome) first = g_list_model_get_item (mscos_content_pack_get_outcomes (pack), 0);

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
show_loading_spinner_cb (gpointer user_data)
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
    self->loading_spinner_source = g_timeout_add (LOADING_SPINNER_DELAY_MS, show_loading_spinner_cb, self);

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
  MscosApplication *app = get_application (self);
  MscosContentPack *pack = mscos_application_get_content_pack (app);
  GError *error = mscos_application_get_content_error (app);
  g_autofree char *previous_id = NULL;
  g_autoptr (GListModel) model = NULL;
  MscosOutcomePage *page;

  set_sidebar_loading (self, pack == NULL && error == NULL);

  if (pack != NULL && pack == self->shown_pack)
    return;

  page = get_visible_page (self);
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
          adw_status_page_set_description (show_status_page (self->page_stack, "error"),
                                           error->message);
        }
      return;
    }

  model = create_sidebar_model (pack);
  gtk_single_selection_set_model (self->sidebar_selection, model);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "outcomes");
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

/* --- Links and toasts ---------------------------------------------------------------------- */

static void
launch_uri (MscosWindow *self,
            const char  *uri)
{
  g_autoptr (GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
}

/* Shows a web page in the private viewer, pushed over the outcome page so that Back returns
 * to it as it was; or in the browser, if the user prefers that or the viewer cannot load. */
static void
open_web_page (MscosWindow *self,
               const char  *uri)
{
  g_autoptr (GError) error = NULL;
  AdwNavigationPage *page;

  if (g_settings_get_enum (self->settings, "open-links") == 0)
    {
      page = mscos_viewer_new_page (uri, &error);
      if (page != NULL)
        {
          adw_navigation_view_push (self->content_view, page);
          adw_navigation_split_view_set_show_content (self->split_view, TRUE);
          return;
        }

      g_warning ("The web viewer is not available: %s", error->message);
    }

  launch_uri (self, uri);
}

static void
confirm_desktop_link_cb (AdwAlertDialog *dialog,
                         GAsyncResult   *result,
                         MscosWindow    *self)
{
  const char *response = adw_alert_dialog_choose_finish (dialog, result);

  if (g_str_equal (response, "open"))
    launch_uri (self, g_object_get_data (G_OBJECT (dialog), "uri"));

  g_object_unref (self);
}

static void
open_uri_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);

  switch (mscos_link_policy_decide (uri))
    {
    case MSCOS_LINK_WEB:
      open_web_page (self, uri);
      break;

    case MSCOS_LINK_DESKTOP:
      {
        g_autofree char *where = mscos_link_policy_describe (uri);
        AdwDialog *dialog = adw_alert_dialog_new (_("Open in Another App?"), NULL);

        /* Translators: %s is a mail address or phone number */
        adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                      _("This link starts a message or call to %s in another app."),
                                      where);
        adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "open", _("_Open"),
                                        NULL);
        adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "open",
                                                  ADW_RESPONSE_SUGGESTED);
        g_object_set_data_full (G_OBJECT (dialog), "uri", g_strdup (uri), g_free);
        mscos_add_exit_shortcuts (GTK_WIDGET (dialog));
        adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                                 (GAsyncReadyCallback) confirm_desktop_link_cb, g_object_ref (self));
      }
      break;

    case MSCOS_LINK_REFUSE:
    default:
      mscos_window_show_toast (self, _("This link was not opened: it is not a web page or mail address"));
      break;
    }
}

static void
toast_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  mscos_window_show_toast (MSCOS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* --- Opening content packs ----------------------------------------------------------------- */

static void
open_content (MscosWindow *self,
              GFile       *file)
{
  self->opened_by_user = TRUE;
  mscos_application_open_content (get_application (self), file);
}

static void
open_dialog_done_cb (GtkFileDialog *dialog,
                     GAsyncResult  *result,
                     MscosWindow   *self)
{
  g_autoptr (GFile) file = gtk_file_dialog_open_finish (dialog, result, NULL);

  if (file != NULL)
    open_content (self, file);

  g_object_unref (self);
}

static void
open_content_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Content Packs"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _("Open Content Pack"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL,
                        (GAsyncReadyCallback) open_dialog_done_cb, g_object_ref (self));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         MscosWindow   *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;

  open_content (self, files->data);
  return TRUE;
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
                                    _("“%s” could not be read: %s. The current content stays."),
                                    name, error->message);
      mscos_present_dialog (dialog, GTK_WIDGET (self));
      return;
    }

  lines = g_strsplit (error->message, "\n", -1);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                g_dngettext (GETTEXT_PACKAGE,
                                             "“%s” has a problem, listed below. The current content stays.",
                                             "“%s” has %u problems, listed below. The current content stays.",
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

/* The banner says one thing at a time: a save that fails matters most, then a library file set
 * aside at start-up, then, until it is dismissed, where quick exit is. */
static BannerMessage
choose_banner (MscosWindow  *self,
               const char  **title)
{
  MscosLibrary *library = mscos_application_get_library (get_application (self));
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
      return BANNER_LOAD_PROBLEM;
    }

  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "quick-exit-tip-dismissed"))
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
open_moved_aside_folder (MscosWindow *self)
{
  MscosLibrary *library = mscos_application_get_library (get_application (self));
  GFile *moved = library ? mscos_library_get_moved_aside_file (library) : NULL;
  g_autoptr (GtkFileLauncher) launcher = NULL;

  if (moved == NULL)
    return;

  launcher = gtk_file_launcher_new (moved);
  gtk_file_launcher_open_containing_folder (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
}

static void
banner_clicked_cb (MscosWindow *self)
{
  switch (self->banner_message)
    {
    case BANNER_LOAD_PROBLEM:
      open_moved_aside_folder (self);
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

static void
export_written_cb (GFile        *file,
                   GAsyncResult *result,
                   MscosWindow  *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (g_file_replace_contents_finish (file, result, NULL, &error))
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Library exported to “%s”"), name);
  else
    message = g_strdup_printf (_("The library could not be exported: %s"), error->message);

  mscos_window_show_toast (self, message);
  g_object_unref (self);
}

static void
export_dialog_done_cb (GtkFileDialog *dialog,
                       GAsyncResult  *result,
                       MscosWindow   *self)
{
  MscosLibrary *library = mscos_application_get_library (get_application (self));
  g_autoptr (GFile) file = gtk_file_dialog_save_finish (dialog, result, NULL);
  g_autofree char *name = NULL;
  g_autoptr (GBytes) bytes = NULL;
  char *text;

  if (file == NULL || library == NULL)
    {
      g_object_unref (self);
      return;
    }

  /* The file's name chooses the format: JSON keeps everything, Markdown is for people. */
  name = g_file_get_basename (file);
  if (g_str_has_suffix (name, ".json"))
    text = mscos_library_export_json (library);
  else
    text = mscos_library_export_markdown (library, get_content_pack (self));
  bytes = g_bytes_new_take (text, strlen (text));

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                       (GAsyncReadyCallback) export_written_cb, self);
}

static GListModel *
create_filters (gboolean markdown)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr (GtkFileFilter) json = gtk_file_filter_new ();

  if (markdown)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Markdown, to read and send"));
      gtk_file_filter_add_suffix (filter, "md");
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      g_list_store_append (filters, filter);
    }

  gtk_file_filter_set_name (json, markdown ? _("JSON, to import elsewhere") : _("Library files (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_mime_type (json, "application/json");
  g_list_store_append (filters, json);

  return G_LIST_MODEL (filters);
}

static void
export_library_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListModel) filters = create_filters (TRUE);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested name of an exported library; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("MSCOS notes %s.md"), date);

  gtk_file_dialog_set_title (dialog, _("Export Library"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL,
                        (GAsyncReadyCallback) export_dialog_done_cb, g_object_ref (self));
}

static void
import_read_cb (GFile        *file,
                GAsyncResult *result,
                MscosWindow  *self)
{
  MscosLibrary *library = mscos_application_get_library (get_application (self));
  MscosLibraryImportReport report = { 0 };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  bytes = g_file_load_bytes_finish (file, result, NULL, &error);
  if (bytes != NULL && library != NULL
      && mscos_library_import_json_full (library, bytes, name, &report, &error))
    {
      /* Translators: after importing a library file */
      g_autofree char *message = g_strdup_printf (_("Imported: %u notes and %u bookmarks added, "
                                                    "%u notes merged, %u already here"),
                                                  report.notes_added, report.bookmarks_added,
                                                  report.notes_merged, report.duplicates);

      mscos_window_show_toast (self, message);
    }
  else if (error != NULL)
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Cannot Import File"), NULL);

      adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                    _("“%s” is not a library file this app can read. Nothing was "
                                      "changed.\n\n%s"), name, error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      mscos_present_dialog (dialog, GTK_WIDGET (self));
    }

  g_object_unref (self);
}

static void
import_dialog_done_cb (GtkFileDialog *dialog,
                       GAsyncResult  *result,
                       MscosWindow   *self)
{
  g_autoptr (GFile) file = gtk_file_dialog_open_finish (dialog, result, NULL);

  if (file == NULL)
    {
      g_object_unref (self);
      return;
    }

  g_file_load_bytes_async (file, NULL, (GAsyncReadyCallback) import_read_cb, self);
}

static void
import_library_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListModel) filters = create_filters (FALSE);

  gtk_file_dialog_set_title (dialog, _("Import Library"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL,
                        (GAsyncReadyCallback) import_dialog_done_cb, g_object_ref (self));
}

/* --- Search -------------------------------------------------------------------------------- */

/* Results grouped by outcome, the outcome of the best result first, each group in rank order;
 * the first result of a group carries the outcome's title. */
static GListModel *
create_results_model (MscosContentPack *pack,
                      GPtrArray        *results)
{
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) by_outcome = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *store = g_list_store_new (MSCOS_TYPE_SEARCH_HIT);

  for (guint i = 0; i < results->len; i++)
    {
      MscosSearchResult *result = g_ptr_array_index (results, i);
      const char *outcome_id = mscos_search_result_get_outcome_id (result);
      MscosSearchHit *hit = mscos_search_hit_new (result, pack);
      GPtrArray *group;

      if (hit == NULL)
        continue;

      group = g_hash_table_lookup (by_outcome, outcome_id);
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_outcome, (gpointer) outcome_id, group);
          g_ptr_array_add (groups, group);
          mscos_search_hit_set_starts_group (hit, TRUE);
        }
      g_ptr_array_add (group, hit);
    }

  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);

      g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                           group->pdata, group->len);
    }

  return G_LIST_MODEL (store);
}

static void
show_sidebar_outcomes (MscosWindow *self)
{
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    get_content_pack (self) ? "outcomes" : "loading");
}

static void
run_search (MscosWindow *self)
{
  MscosApplication *app = get_application (self);
  MscosSearchIndex *index = mscos_application_get_search_index (app);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GListModel) model = NULL;

  if (!gtk_search_bar_get_search_mode (self->search_bar) || trimmed[0] == '\0')
    {
      gtk_no_selection_set_model (self->results_selection, NULL);
      show_sidebar_outcomes (self);
      return;
    }

  /* The index is asked for when the search opens; this search runs again when it is ready. */
  if (index == NULL)
    return;

  results = mscos_search_index_query (index, text, 200);
  model = create_results_model (mscos_search_index_get_pack (index), results);
  gtk_no_selection_set_model (self->results_selection, model);
  if (g_list_model_get_n_items (model) > 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
  else
    show_status_page (self->sidebar_stack, "no-results");
}

static void
search_changed_cb (MscosWindow *self)
{
  run_search (self);
}

static void
open_result (MscosWindow *self,
             guint        position)
{
  g_autoptr (MscosSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->results_selection), position);

  if (hit != NULL)
    mscos_window_show_item (self, mscos_search_hit_get_item_id (hit));
}

static void
result_activated_cb (MscosWindow *self,
                     guint        position)
{
  open_result (self, position);
}

static void
search_activated_cb (MscosWindow *self)
{
  open_result (self, 0);
}

static void
stop_search_cb (MscosWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (MscosWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      mscos_application_request_search_index (get_application (self));
      adw_navigation_split_view_set_show_content (self->split_view, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      run_search (self);
    }
  else
    {
      show_sidebar_outcomes (self);
    }
}

/* Down in the search entry goes to the results, as in GNOME Settings. */
static gboolean
search_key_pressed_cb (MscosWindow           *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
      && g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "results"))
    return gtk_widget_child_focus (GTK_WIDGET (self->results_list), GTK_DIR_TAB_FORWARD);

  return GDK_EVENT_PROPAGATE;
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, !gtk_search_bar_get_search_mode (self->search_bar));
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

/**
 * mscos_window_save_state:
 *
 * Remembers the window's size and whether it is maximised.
 */
void
mscos_window_save_state (MscosWindow *self)
{
  int width, height;

  /* GTK keeps the default size up to date as the user resizes the window, and leaves it at
   * the size before maximising, which is the size to come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
mscos_window_close_request (GtkWindow *window)
{
  mscos_window_save_state (MSCOS_WINDOW (window));

  return GTK_WINDOW_CLASS (mscos_window_parent_class)->close_request (window);
}

/* GtkWindow:application is not a construct property, so this runs once it is set. */
static void
setup_for_application (MscosWindow *self)
{
  MscosApplication *app = get_application (self);

  self->settings = g_object_ref (mscos_application_get_settings (app));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::text-scale", G_CALLBACK (apply_zoom), self,
                           G_CONNECT_SWAPPED);
  apply_zoom (self);
  g_signal_connect_object (self->settings, "changed::show-quick-exit",
                           G_CALLBACK (update_quick_exit_buttons), self, G_CONNECT_SWAPPED);
  update_quick_exit_buttons (self);
  g_signal_connect_object (self->settings, "changed::quick-exit-tip-dismissed",
                           G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (app, "notify::content-pack", G_CALLBACK (content_pack_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "content-refused", G_CALLBACK (content_refused_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (mscos_application_get_library (app), "notify::save-error",
                           G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mscos_application_get_library (app), "notify::load-problem",
                           G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  update_banner (self);

  /* The index of a new pack arrives after the pack: search again with it. */
  g_signal_connect_object (app, "notify::search-index", G_CALLBACK (run_search), self,
                           G_CONNECT_SWAPPED);
  content_pack_changed_cb (self);
}

static void
mscos_window_dispose (GObject *object)
{
  MscosWindow *self = MSCOS_WINDOW (object);

  g_clear_weak_pointer (&self->zoom_reset_button);
  g_clear_handle_id (&self->loading_spinner_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_WINDOW);

  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->sidebar_selection);
  g_clear_object (&self->results_selection);
  g_clear_pointer (&self->pending_item_id, g_free);
  g_clear_object (&self->shown_pack);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mscos_window_parent_class)->dispose (object);
}

static void
mscos_window_class_init (MscosWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mscos_window_dispose;
  window_class->close_request = mscos_window_close_request;

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
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, page_menu);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, page_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, sidebar_quick_exit_button);
  gtk_widget_class_bind_template_child (widget_class, MscosWindow, content_quick_exit_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_quick_exit_buttons);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_cb);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_cb);
  gtk_widget_class_install_action (widget_class, "win.show-item", "s", show_item_cb);
  gtk_widget_class_install_action (widget_class, "win.open-content", NULL, open_content_cb);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_cb);
  gtk_widget_class_install_action (widget_class, "win.export-library", NULL, export_library_cb);
  gtk_widget_class_install_action (widget_class, "win.import-library", NULL, import_library_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "win.expand-all", NULL, expand_cb);
  gtk_widget_class_install_action (widget_class, "win.collapse-all", NULL, expand_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-content", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.expand-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.collapse-all", NULL);
}

static void
mscos_window_init (MscosWindow *self)
{
  GtkEventController *key_controller;
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  if (zoom_provider == NULL)
    {
      zoom_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (zoom_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }

  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sidebar_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->sidebar_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->sidebar_selection, TRUE);
  gtk_list_view_set_model (self->sidebar_list, GTK_SELECTION_MODEL (self->sidebar_selection));

  mscos_add_exit_shortcuts (GTK_WIDGET (self));
  mscos_menu_button_set_popover_func (self->primary_menu_button, create_primary_popover, self);
  mscos_menu_button_set_popover_func (self->page_menu_button, create_page_popover, self);

  self->results_selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->results_list, GTK_SELECTION_MODEL (self->results_selection));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  key_controller = gtk_event_controller_key_new ();
  g_signal_connect_object (key_controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key_controller);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

MscosWindow *
mscos_window_new (MscosApplication *application)
{
  MscosWindow *self;

  g_return_val_if_fail (MSCOS_IS_APPLICATION (application), NULL);

  self = g_object_new (MSCOS_TYPE_WINDOW, "application", application, NULL);
  setup_for_application (self);

  return self;
}

void
mscos_window_show_toast (MscosWindow *self,
                         const char  *message)
{
  g_return_if_fail (MSCOS_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * mscos_window_add_toast:
 * @toast: (transfer full): a toast
 */
void
mscos_window_add_toast (MscosWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (MSCOS_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * mscos_window_show_item:
 * @item_id: the id of an item of the content pack
 *
 * Shows the page of the item, opens what holds it, scrolls to it and highlights it.
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

  pack = get_content_pack (self);
  if (pack == NULL)
    {
      /* Shown when the content is loaded (the Shell can start the app to show an item). */
      g_free (self->pending_item_id);
      self->pending_item_id = g_strdup (item_id);
      return TRUE;
    }

  item = mscos_content_pack_lookup_item (pack, item_id);
  if (item == NULL)
    return FALSE;

  outcome = mscos_content_pack_lookup_outcome (pack, mscos_item_get_outcome_id (item));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  return mscos_outcome_page_reveal_item (show_outcome (self, outcome), item);
}

void
mscos_window_show_about (MscosWindow *self)
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
  static const char *advisers[] = {
    "The MSCOS Research Advisory Board of survivor leaders",
    NULL
  };
  MscosContentPack *pack;
  AdwDialog *about;

  g_return_if_fail (MSCOS_IS_WINDOW (self));

  pack = get_content_pack (self);
  about = g_object_new (ADW_TYPE_ABOUT_DIALOG,
                        "application-name", _("MSCOS Outcomes"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The MSCOS Outcomes authors"),
                        "version", PACKAGE_VERSION,
                        "website", "https://www.mscos.co.uk/",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The MSCOS Outcomes authors",
                        "translator-credits", _("translator-credits"),
                        NULL);

  if (pack != NULL)
    {
      /* Translators: the About dialog's line on the content shown: its title, revision and date */
      g_autofree char *comments = g_strdup_printf (_("The Modern Slavery Core Outcome Set: seven outcomes that "
                                                     "matter to adult survivors, with what survivors said, "
                                                     "recommendations and resources for each.\n\n"
                                                     "Quick exit: Shift+Esc closes the app at once, "
                                                     "from anywhere in it, and keeps your notes.\n\n"
                                                     "Content: %s, revision %s (%s)."),
                                                   mscos_content_pack_get_title (pack),
                                                   mscos_content_pack_get_revision (pack),
                                                   mscos_content_pack_get_date (pack));

      adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (about), comments);
    }

  adw_about_dialog_add_credit_section (ADW_ABOUT_DIALOG (about), _("MSCOS Study Partners"), partners);
  adw_about_dialog_add_credit_section (ADW_ABOUT_DIALOG (about), _("Guided by"), advisers);
  adw_about_dialog_add_acknowledgement_section (ADW_ABOUT_DIALOG (about), _("Funded by"), funders);

  mscos_present_dialog (about, GTK_WIDGET (self));
}

/**
 * mscos_window_start_search:
 * @query: what to search for
 *
 * Opens the search with @query typed in.
 */
void
mscos_window_start_search (MscosWindow *self,
                           const char  *query)
{
  g_return_if_fail (MSCOS_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}
