/* mscos-window-actions.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's actions ("win."), installed on the class, and what they open: links in the
 * viewer or the browser, content packs, the export and import of the library, Print… and
 * Export as PDF…, search, the text size, Expand All and Collapse All, the shortcuts window.
 * Their key bindings are here too; the application's accelerators are set in
 * mscos-application.c. */

#define G_LOG_DOMAIN "mscos-window"

#include "config.h"

#include "mscos-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mscos-library-page.h"
#include "mscos-link-policy.h"
#include "mscos-outcome-page.h"
#include "mscos-print-operation.h"
#include "mscos-ui-utils.h"
#include "mscos-viewer.h"

/* Text sizes offered by Ctrl+plus and Ctrl+minus, relative to the normal size. */
static const double zoom_steps[] = { 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.75, 2.0, 2.5, 3.0 };

static GtkCssProvider *zoom_provider;

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
  g_autofree char *css = g_strdup_printf (".outcome-page { font-size: %d%%; }",
                                          get_text_percent (self));

  gtk_css_provider_load_from_string (zoom_provider, css);
  update_zoom_label (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in",
                                 scale < zoom_steps[G_N_ELEMENTS (zoom_steps) - 1] - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out",
                                 scale > zoom_steps[0] + 0.001);
}

static void
zoom_activated_cb (GtkWidget  *widget,
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

/* --- Menus and the shortcuts window, built when first wanted --------------------------- */

/* Gives each item of a menu its text as its accessible name. GTK 4.18's GtkModelButton, the
 * widget GtkPopoverMenu makes for each item of a GMenu, names itself only through a
 * labelled-by relation to its label, and gives that label the role "presentation", from which
 * the name computation takes nothing: every item's name is "". Orca still reads the items, as
 * it falls back to the label's text, but an AT-SPI client that reads names (voice control,
 * Accerciser, a test) finds nameless items. GMenu has no attribute for an item's accessible
 * name, so it is set on the widgets. */
static void
name_menu_items (GtkWidget *widget,
                 GType      model_button_type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, model_button_type))
        {
          g_autofree char *text = NULL;

          g_object_get (child, "text", &text, NULL);
          if (text != NULL && *text != '\0')
            {
              gtk_accessible_reset_relation (GTK_ACCESSIBLE (child),
                                             GTK_ACCESSIBLE_RELATION_LABELLED_BY);
              gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                              -1);
            }
        }
      name_menu_items (child, model_button_type);
    }
}

/* Runs before every widget's "map" handlers: names the items of a menu about to be shown,
 * before it gives the focus to one. Every menu of the app is covered, also those GtkMenuButton
 * makes from its menu-model, and each time it is shown, as GtkPopoverMenu makes an item's
 * widget again when the model or an action's presence (hidden-when) changes. */
static gboolean
widget_mapping_cb (GSignalInvocationHint *hint,
                   guint                  n_params,
                   const GValue          *params,
                   gpointer               user_data)
{
  GObject *widget = g_value_get_object (&params[0]);

  if (GTK_IS_POPOVER_MENU (widget))
    {
      GType model_button_type = g_type_from_name ("GtkModelButton");

      if (model_button_type != 0)
        name_menu_items (GTK_WIDGET (widget), model_button_type);
    }

  return G_SOURCE_CONTINUE;
}

/* The primary menu, with the text size row at its top. */
GtkWidget *
_mscos_window_create_primary_popover (gpointer user_data)
{
  MscosWindow *self = user_data;
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH
                                                                  "/ui/mscos-zoom-row.ui");
  GtkWidget *popover = gtk_popover_menu_new_from_model (self->primary_menu);

  g_set_weak_pointer (&self->zoom_reset_button,
                      GTK_BUTTON (gtk_builder_get_object (builder, "zoom_reset_button")));
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover),
                              GTK_WIDGET (gtk_builder_get_object (builder, "zoom_row")), "zoom");
  update_zoom_label (self);

  return popover;
}

GtkWidget *
_mscos_window_create_page_popover (gpointer user_data)
{
  MscosWindow *self = user_data;

  return gtk_popover_menu_new_from_model (self->page_menu);
}

static void
show_shortcuts_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr (GtkBuilder) builder = NULL;
      GObject *window;

      builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/help-overlay.ui");
      window = gtk_builder_get_object (builder, "help_overlay");
      self->shortcuts_window = GTK_WINDOW (g_object_ref_sink (window));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      mscos_add_exit_shortcuts (GTK_WIDGET (self->shortcuts_window));
    }

  gtk_window_present (self->shortcuts_window);
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
desktop_link_confirmed_cb (AdwAlertDialog *dialog,
                           GAsyncResult   *result,
                           MscosWindow    *self)
{
  const char *response = adw_alert_dialog_choose_finish (dialog, result);

  if (g_str_equal (response, "open"))
    launch_uri (self, g_object_get_data (G_OBJECT (dialog), "uri"));

  g_object_unref (self);
}

static void
open_uri_activated_cb (GtkWidget  *widget,
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
        /* Only the fields that fill in a message reach the other app, and the user sees the
         * whole address they go to: every recipient, copies included. */
        g_autofree char *cleaned = mscos_link_policy_clean_desktop_uri (uri);
        g_autofree char *shown = mscos_link_policy_dup_display_uri (cleaned);
        AdwDialog *dialog = adw_alert_dialog_new (_("Open in Another App?"), NULL);
        GtkWidget *address = mscos_text_label_new (shown, "monospace");

        adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog),
                                   _("This link starts a message or call in another app, to this "
                                     "address:"));
        adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), address);
        uri = cleaned;
        adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "open", _("_Open"),
                                        NULL);
        adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "open",
                                                  ADW_RESPONSE_SUGGESTED);
        g_object_set_data_full (G_OBJECT (dialog), "uri", g_strdup (uri), g_free);
        mscos_add_exit_shortcuts (GTK_WIDGET (dialog));
        adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                                 (GAsyncReadyCallback) desktop_link_confirmed_cb,
                                 g_object_ref (self));
      }
      break;

    case MSCOS_LINK_REFUSE:
    default:
      mscos_window_show_toast (self, _("This link was not opened: it is not a web page or "
                                       "mail address"));
      break;
    }
}

static void
toast_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  mscos_window_show_toast (MSCOS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* --- Opening content packs ----------------------------------------------------------------- */

static void
open_dialog_closed_cb (GtkFileDialog *dialog,
                       GAsyncResult  *result,
                       MscosWindow   *self)
{
  g_autoptr (GFile) file = gtk_file_dialog_open_finish (dialog, result, NULL);

  if (file != NULL)
    _mscos_window_open_content (self, file);

  g_object_unref (self);
}

static void
open_content_activated_cb (GtkWidget  *widget,
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
                        (GAsyncReadyCallback) open_dialog_closed_cb, g_object_ref (self));
}

static void
folder_dialog_closed_cb (GtkFileDialog *dialog,
                         GAsyncResult  *result,
                         MscosWindow   *self)
{
  g_autoptr (GFile) folder = gtk_file_dialog_select_folder_finish (dialog, result, NULL);

  if (folder != NULL)
    _mscos_window_open_content (self, folder);

  g_object_unref (self);
}

/* A pack's folder: the pack file and its recordings. Inside Flatpak the file chooser portal
 * grants the app the whole folder chosen, where a pack file chosen comes on its own. */
static void
open_content_folder_activated_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  MscosContentPack *pack = _mscos_window_get_content_pack (self);
  GFile *folder = pack != NULL ? mscos_content_pack_get_folder (pack) : NULL;

  gtk_file_dialog_set_title (dialog, _("Open Pack Folder"));
  if (folder != NULL && g_file_is_native (folder))
    gtk_file_dialog_set_initial_folder (dialog, folder);
  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL,
                                 (GAsyncReadyCallback) folder_dialog_closed_cb,
                                 g_object_ref (self));
}

static gboolean
file_dropped_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 MscosWindow   *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;

  _mscos_window_open_content (self, files->data);
  return TRUE;
}

/* Exports are written in the format of the filter chosen in the dialog, under a name that ends
 * as that format does: Markdown to read and send, JSON to import elsewhere. */
typedef enum
{
  EXPORT_MARKDOWN,
  EXPORT_JSON,
} ExportFormat;

static const char * const export_extensions[] = { ".md", ".json" };

/* @name with the extension of @format: the other format's replaced, or added. */
static char *
name_for_format (const char   *name,
                 ExportFormat  format)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, export_extensions[format]))
    return g_strdup (name);

  for (guint i = 0; i < G_N_ELEMENTS (export_extensions); i++)
    if (g_str_has_suffix (lower, export_extensions[i]))
      {
        g_autofree char *stem = g_strndup (name, strlen (name) - strlen (export_extensions[i]));

        return g_strconcat (stem, export_extensions[format], NULL);
      }

  return g_strconcat (name, export_extensions[format], NULL);
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

/* Writes the export as a private file (0600), as the library itself is: it holds the notes. */
static void
write_export (MscosWindow  *self,
              GFile        *file,
              ExportFormat  format)
{
  MscosLibrary *library = _mscos_window_get_library (self);
  g_autoptr (GBytes) bytes = NULL;
  char *text;

  if (library == NULL)
    return;

  if (format == EXPORT_JSON)
    text = mscos_library_export_json (library);
  else
    text = mscos_library_export_markdown (library, _mscos_window_get_content_pack (self));
  bytes = g_bytes_new_take (text, strlen (text));

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, (GAsyncReadyCallback) export_written_cb,
                                       g_object_ref (self));
}

static void
replace_confirmed_cb (AdwAlertDialog *dialog,
                      GAsyncResult   *result,
                      MscosWindow    *self)
{
  g_autoptr (MscosWindow) owned = self;

  if (g_str_equal (adw_alert_dialog_choose_finish (dialog, result), "replace"))
    write_export (self, g_object_get_data (G_OBJECT (dialog), "file"),
                  GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format")));
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
export_chooser_responded_cb (GtkNativeDialog *chooser,
                             int              response,
                             MscosWindow     *self)
{
  g_autoptr (MscosWindow) owned = self;
  g_autoptr (GtkNativeDialog) owned_chooser = chooser;
  g_autoptr (GFile) chosen = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *chosen_name = NULL;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;
  ExportFormat format;
  AdwDialog *dialog;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chosen == NULL)
    return;

  /* The filter chooses the format; with none chosen, the name's extension does. */
  chosen_name = g_file_get_basename (chosen);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  if (filter != NULL)
    format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "format"));
  else
    format = g_str_has_suffix (chosen_name, export_extensions[EXPORT_JSON]) ? EXPORT_JSON
                                                                            : EXPORT_MARKDOWN;

  name = name_for_format (chosen_name, format);
  if (g_str_equal (name, chosen_name))
    {
      write_export (self, chosen, format);
      return;
    }

  /* The dialog asked before replacing the file it was given, not this one. */
  folder = g_file_get_parent (chosen);
  if (folder != NULL)
    file = g_file_get_child_for_display_name (folder, name, NULL);
  if (file == NULL || !g_file_query_exists (file, NULL))
    {
      write_export (self, file != NULL ? file : chosen, format);
      return;
    }

  dialog = adw_alert_dialog_new (_("Replace File?"), NULL);
  /* Translators: %s is a file name */
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("A file named “%s” already exists. Replacing it overwrites what "
                                  "it holds."), name);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "replace", _("_Replace"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "replace",
                                            ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "file", g_steal_pointer (&file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
  mscos_add_exit_shortcuts (GTK_WIDGET (dialog));
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) replace_confirmed_cb, g_object_ref (self));
}

static GtkFileFilter *
create_export_filter (const char   *name,
                      ExportFormat  format,
                      const char   *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, export_extensions[format] + 1);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data (G_OBJECT (filter), "format", GINT_TO_POINTER (format));

  return filter;
}

/* GtkFileDialog does not say which filter was chosen (GTK 4.18), and the chosen filter is what
 * decides the format here; GtkFileChooserNative, which it wraps, does, through the portal too. */
static void
export_library_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested name of an exported library; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("MSCOS notes %s.md"), date);
  g_autoptr (GtkFileFilter) markdown = NULL;
  g_autoptr (GtkFileFilter) json = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Library"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  markdown = create_export_filter (_("Markdown, to read and send"), EXPORT_MARKDOWN,
                                   "text/markdown");
  json = create_export_filter (_("JSON, to import elsewhere"), EXPORT_JSON, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), markdown);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), markdown);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_responded_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

G_GNUC_END_IGNORE_DEPRECATIONS

static GListModel *
create_import_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr (GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("Library files (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_mime_type (json, "application/json");
  g_list_store_append (filters, json);

  return G_LIST_MODEL (filters);
}

static void
import_read_cb (GFile        *file,
                GAsyncResult *result,
                MscosWindow  *self)
{
  MscosLibrary *library = _mscos_window_get_library (self);
  MscosLibraryImportReport report = { 0 };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  bytes = g_file_load_bytes_finish (file, result, NULL, &error);
  if (bytes != NULL && library != NULL
      && mscos_library_import_json_full (library, bytes, name, &report, &error))
    {
      g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note",
                                                             "%u notes", report.notes_added),
                                                report.notes_added);
      g_autofree char *bookmarks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bookmark",
                                                                 "%u bookmarks",
                                                                 report.bookmarks_added),
                                                    report.bookmarks_added);
      g_autofree char *merged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note merged",
                                                              "%u notes merged",
                                                              report.notes_merged),
                                                 report.notes_merged);
      /* Translators: how many of the imported notes and bookmarks the library had already */
      g_autofree char *duplicates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u already here",
                                                                  "%u already here",
                                                                  report.duplicates),
                                                     report.duplicates);
      /* Translators: after importing a library file, each %s a count: "Imported: 3 notes
       * and 2 bookmarks added, 1 note merged, 4 already here" */
      g_autofree char *message = g_strdup_printf (_("Imported: %s and %s added, %s, %s"),
                                                  notes, bookmarks, merged, duplicates);

      mscos_window_show_toast (self, message);
    }
  else if (error != NULL)
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Cannot Import File"), NULL);

      adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                    /* Translators: a file name, then why it cannot be read */
                                    _("“%s” is not a library file this app can read. Nothing was "
                                      "changed.\n\n%s"), name, error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      mscos_present_dialog (dialog, GTK_WIDGET (self));
    }

  g_object_unref (self);
}

static void
import_dialog_closed_cb (GtkFileDialog *dialog,
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
import_library_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListModel) filters = create_import_filters ();

  gtk_file_dialog_set_title (dialog, _("Import Library"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL,
                        (GAsyncReadyCallback) import_dialog_closed_cb, g_object_ref (self));
}

/* --- Print… and Export as PDF… ----------------------------------------------------------- */

/* What Print… and Export as PDF… offer, in the order of the dialog that asks. */
typedef enum
{
  PRINT_SHOWN_OUTCOME,
  PRINT_CHOSEN_OUTCOMES,
  PRINT_WHOLE_PACK,
  PRINT_LIBRARY,
  N_PRINT_CHOICES,
} PrintChoice;

/* The dialog that asks what to print, and what it was asked from. */
typedef struct
{
  MscosWindow     *window;
  MscosContentPack *pack;
  gboolean         to_pdf;
  AdwAlertDialog  *dialog;
  /* The radio button of each choice; NULL for one not offered. */
  GtkCheckButton  *choices[N_PRINT_CHOICES];
  /* A check button for each outcome of the pack, in its order; its "outcome" is the outcome. */
  GPtrArray       *outcome_buttons;
  MscosOutcome    *shown_outcome;
} PrintRequest;

static void
print_request_free (PrintRequest *request)
{
  /* The dialog's buttons go after the request does. */
  for (guint i = 0; i < N_PRINT_CHOICES; i++)
    if (request->choices[i] != NULL)
      g_signal_handlers_disconnect_by_data (request->choices[i], request);
  for (guint i = 0; request->outcome_buttons != NULL && i < request->outcome_buttons->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (request->outcome_buttons, i),
                                          request);

  g_clear_object (&request->window);
  g_clear_object (&request->pack);
  g_clear_object (&request->shown_outcome);
  g_clear_pointer (&request->outcome_buttons, g_ptr_array_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintRequest, print_request_free)

static PrintChoice
get_print_choice (PrintRequest *request)
{
  for (guint i = 0; i < N_PRINT_CHOICES; i++)
    if (request->choices[i] != NULL && gtk_check_button_get_active (request->choices[i]))
      return i;

  return PRINT_WHOLE_PACK;
}

/* Chosen outcomes are printed only when at least one is chosen. */
static void
update_print_response (PrintRequest *request)
{
  gboolean any = get_print_choice (request) != PRINT_CHOSEN_OUTCOMES;

  for (guint i = 0; !any && i < request->outcome_buttons->len; i++)
    any = gtk_check_button_get_active (g_ptr_array_index (request->outcome_buttons, i));

  adw_alert_dialog_set_response_enabled (request->dialog, "continue", any);
}

static void
print_choice_toggled_cb (GtkCheckButton *button,
                         PrintRequest   *request)
{
  update_print_response (request);
}

/* Ticking an outcome chooses "Chosen Outcomes". */
static void
print_outcome_toggled_cb (GtkCheckButton *button,
                          PrintRequest   *request)
{
  if (gtk_check_button_get_active (button))
    gtk_check_button_set_active (request->choices[PRINT_CHOSEN_OUTCOMES], TRUE);
  update_print_response (request);
}

/* A row whose title and subtitle are plain text (they may hold the pack's words), with
 * @button at its start, which activating the row toggles. */
static GtkWidget *
create_print_row (GtkWidget  *row,
                  const char *title,
                  const char *subtitle,
                  GtkWidget  *button)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), button);
    }
  else
    {
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static GtkCheckButton *
add_print_choice (PrintRequest *request,
                  GtkListBox   *list,
                  PrintChoice   choice,
                  GtkWidget    *row,
                  const char   *title,
                  const char   *subtitle)
{
  GtkWidget *button = gtk_check_button_new ();

  if (choice > 0)
    for (guint i = 0; i < choice; i++)
      if (request->choices[i] != NULL)
        {
          gtk_check_button_set_group (GTK_CHECK_BUTTON (button), request->choices[i]);
          break;
        }

  request->choices[choice] = GTK_CHECK_BUTTON (button);
  gtk_list_box_append (list, create_print_row (row, title, subtitle, button));
  g_signal_connect (button, "toggled", G_CALLBACK (print_choice_toggled_cb), request);

  return GTK_CHECK_BUTTON (button);
}

static void
print_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (MscosWindow) self = user_data;
  MscosPrintOperation *operation = MSCOS_PRINT_OPERATION (object);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (mscos_print_operation_run_finish (operation, result, &error))
    /* Translators: %s is the title of what was printed */
    message = g_strdup_printf (_("“%s” sent to the printer"),
                               mscos_print_document_get_title (
                                 mscos_print_operation_get_document (operation)));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("Could not print: %s"), error->message);

  if (message != NULL)
    mscos_window_show_toast (self, message);
}

static void
pdf_exported_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (MscosWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = mscos_print_export_pdf_with_dialog_finish (result, &error);
  g_autofree char *message = NULL;

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Exported as PDF to “%s”"), name);
    }
  else if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
           && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED)
           && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      message = g_strdup_printf (_("The PDF could not be written: %s"), error->message);
    }

  if (message != NULL)
    mscos_window_show_toast (self, message);
}

static void
print_chosen_cb (AdwAlertDialog *dialog,
                 GAsyncResult   *result,
                 gpointer        user_data)
{
  g_autoptr (PrintRequest) request = user_data;
  MscosWindow *self = request->window;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  g_autoptr (MscosPrintDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  MscosPrintOptions options = { 0, };
  MscosLibrary *library = _mscos_window_get_library (self);

  if (!g_str_equal (adw_alert_dialog_choose_finish (dialog, result), "continue"))
    return;

  switch (get_print_choice (request))
    {
    case PRINT_SHOWN_OUTCOME:
      g_ptr_array_add (ids, (gpointer) mscos_outcome_get_id (request->shown_outcome));
      break;

    case PRINT_CHOSEN_OUTCOMES:
      for (guint i = 0; i < request->outcome_buttons->len; i++)
        {
          GtkCheckButton *button = g_ptr_array_index (request->outcome_buttons, i);

          if (gtk_check_button_get_active (button))
            g_ptr_array_add (ids, (gpointer) mscos_outcome_get_id (
                                    g_object_get_data (G_OBJECT (button), "outcome")));
        }
      break;

    case PRINT_LIBRARY:
      options.library = library != NULL;
      break;

    case PRINT_WHOLE_PACK:
    case N_PRINT_CHOICES:
    default:
      options.whole_pack = TRUE;
      break;
    }

  /* The same document as the command line's --export-pdf makes for the same choice. */
  options.paper = MSCOS_PAPER_DEFAULT;
  options.outcome_ids = (const char * const *) ids->pdata;
  document = mscos_print_document_new_for_options (request->pack, library, &options, &error);
  if (document == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      mscos_window_show_toast (self, message);
      return;
    }

  if (request->to_pdf)
    {
      mscos_print_export_pdf_with_dialog (GTK_WINDOW (self), document, NULL, pdf_exported_cb,
                                          g_object_ref (self));
    }
  else
    {
      g_autoptr (MscosPrintOperation) operation = mscos_print_operation_new (document);

      mscos_print_operation_run_async (operation, GTK_WINDOW (self), NULL, print_done_cb,
                                       g_object_ref (self));
    }
}

/* Asks what to print — the outcome shown, outcomes chosen, the whole pack or the Library —
 * with what is shown chosen, then goes on to the print dialog or to where to save the PDF. */
static void
print_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  MscosContentPack *pack = _mscos_window_get_content_pack (self);
  MscosOutcomePage *page = _mscos_window_get_visible_page (self);
  GtkWidget *shown = gtk_stack_get_visible_child (self->page_stack);
  GListModel *outcomes;
  PrintRequest *request;
  GtkListBox *list;
  GtkWidget *chosen_row;
  g_autofree char *whole = NULL;
  guint n_outcomes;

  if (pack == NULL)
    return;

  request = g_new0 (PrintRequest, 1);
  request->window = g_object_ref (self);
  request->pack = g_object_ref (pack);
  request->to_pdf = g_str_equal (action_name, "win.export-pdf");
  request->outcome_buttons = g_ptr_array_new ();
  if (page != NULL)
    request->shown_outcome = g_object_ref (mscos_outcome_page_get_outcome (page));

  request->dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (request->to_pdf ? _("Export as PDF")
                                                                            : _("Print"),
                                                            _("Choose what to print. Everything "
                                                              "that opens on demand is printed "
                                                              "open.")));
  adw_alert_dialog_add_responses (request->dialog,
                                  "cancel", _("_Cancel"),
                                  "continue", request->to_pdf ? _("_Export…") : _("_Print…"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (request->dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (request->dialog, "continue");
  adw_alert_dialog_set_close_response (request->dialog, "cancel");

  list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");

  if (request->shown_outcome != NULL)
    add_print_choice (request, list, PRINT_SHOWN_OUTCOME, adw_action_row_new (),
                      _("This Outcome"), mscos_outcome_get_title (request->shown_outcome));

  chosen_row = adw_expander_row_new ();
  add_print_choice (request, list, PRINT_CHOSEN_OUTCOMES, chosen_row, _("Chosen Outcomes"),
                    _("One after another, each from a new page"));
  outcomes = mscos_content_pack_get_outcomes (pack);
  n_outcomes = g_list_model_get_n_items (outcomes);
  for (guint i = 0; i < n_outcomes; i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);
      GtkWidget *button = gtk_check_button_new ();

      g_object_set_data_full (G_OBJECT (button), "outcome", g_object_ref (outcome),
                              g_object_unref);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), outcome == request->shown_outcome);
      g_signal_connect (button, "toggled", G_CALLBACK (print_outcome_toggled_cb), request);
      g_ptr_array_add (request->outcome_buttons, button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (chosen_row),
                                create_print_row (adw_action_row_new (),
                                                  mscos_outcome_get_title (outcome), NULL,
                                                  button));
    }

  /* Translators: the subtitle of the choice to print every outcome of the pack */
  whole = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outcome",
                                        "%u outcomes, each from a new page", n_outcomes),
                           n_outcomes);
  add_print_choice (request, list, PRINT_WHOLE_PACK, adw_action_row_new (), _("The Whole Pack"),
                    whole);
  if (_mscos_window_get_library (self) != NULL)
    add_print_choice (request, list, PRINT_LIBRARY, adw_action_row_new (), _("The Library"),
                      _("Your bookmarks and notes, each with the words it is about"));

  /* What is shown is chosen. */
  if (MSCOS_IS_LIBRARY_PAGE (shown) && request->choices[PRINT_LIBRARY] != NULL)
    gtk_check_button_set_active (request->choices[PRINT_LIBRARY], TRUE);
  else if (request->choices[PRINT_SHOWN_OUTCOME] != NULL)
    gtk_check_button_set_active (request->choices[PRINT_SHOWN_OUTCOME], TRUE);
  else
    gtk_check_button_set_active (request->choices[PRINT_WHOLE_PACK], TRUE);
  update_print_response (request);

  adw_alert_dialog_set_extra_child (request->dialog, GTK_WIDGET (list));
  mscos_add_exit_shortcuts (GTK_WIDGET (request->dialog));
  adw_alert_dialog_choose (request->dialog, GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) print_chosen_cb, request);
}

/* --- Search and pages ------------------------------------------------------------------- */

static void
search_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar,
                                  !gtk_search_bar_get_search_mode (self->search_bar));
}

static void
start_search_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                         g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

static void
expand_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MscosOutcomePage *page = _mscos_window_get_visible_page (MSCOS_WINDOW (widget));

  if (page != NULL)
    mscos_outcome_page_set_expanded (page, g_str_equal (action_name, "win.expand-all"));
}

/* F6 and Shift+F6 move the focus between the sidebar and the page, as in GNOME's other apps:
 * to the entry chosen in the sidebar, and back to the control of the page that had it last,
 * or else to the page's first control. */
static void
cycle_pane_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *sidebar = GTK_WIDGET (self->sidebar_stack);
  GtkWidget *page = GTK_WIDGET (self->page_stack);
  guint selected;

  if (adw_navigation_split_view_get_collapsed (self->split_view))
    return;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, sidebar))
    {
      if (focus != NULL && gtk_widget_is_ancestor (focus, page))
        g_set_weak_pointer (&self->page_focus, focus);

      selected = gtk_single_selection_get_selected (self->sidebar_selection);
      if (gtk_widget_get_mapped (GTK_WIDGET (self->sidebar_list)) && selected != GTK_INVALID_LIST_POSITION)
        gtk_list_view_scroll_to (self->sidebar_list, selected, GTK_LIST_SCROLL_FOCUS, NULL);
      focus = gtk_root_get_focus (GTK_ROOT (self));
      if (focus == NULL || !gtk_widget_is_ancestor (focus, sidebar))
        gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD);
      return;
    }

  if (self->page_focus != NULL && gtk_widget_is_ancestor (self->page_focus, page)
      && gtk_widget_is_visible (self->page_focus) && gtk_widget_grab_focus (self->page_focus))
    return;

  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
show_item_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  mscos_window_show_item (MSCOS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* --- Installing them ------------------------------------------------------------------- */

void
_mscos_window_class_actions_init (MscosWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } bindings[] = {
    { GDK_KEY_o, GDK_CONTROL_MASK, "win.open-content" },
    { GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-content-folder" },
    { GDK_KEY_e, GDK_CONTROL_MASK, "win.export-library" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "win.print" },
    { GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-pdf" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "win.search" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset" },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset" },
    { GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.expand-all" },
    { GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.collapse-all" },
    { GDK_KEY_F6, 0, "win.cycle-pane" },
    { GDK_KEY_F6, GDK_SHIFT_MASK, "win.cycle-pane" },
  };

  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.show-item", "s", show_item_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.start-search", "s",
                                   start_search_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.open-content", NULL,
                                   open_content_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.open-content-folder", NULL,
                                   open_content_folder_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.export-library", NULL,
                                   export_library_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.import-library", NULL,
                                   import_library_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, print_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.expand-all", NULL, expand_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.collapse-all", NULL, expand_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.cycle-pane", NULL, cycle_pane_activated_cb);

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].keyval, bindings[i].modifiers,
                                         bindings[i].action, NULL);

  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                              widget_mapping_cb, NULL, NULL);
}

/* Sets up what the actions need on a new window, once it has its settings. */
void
_mscos_window_actions_init (MscosWindow *self)
{
  GtkDropTarget *drop_target;

  if (zoom_provider == NULL)
    {
      zoom_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (zoom_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }

  g_signal_connect_object (self->settings, "changed::text-scale", G_CALLBACK (apply_zoom), self,
                           G_CONNECT_SWAPPED);
  apply_zoom (self);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (file_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}
