/* mscos-review-actions.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window in review mode, and its actions: Review a New Revision… (a pack chosen, compared
 * with the pack in use or another file), the banner that says what is reviewed and how to
 * stop, the Changes page, the comment editor, and the export and import of comments.
 *
 * While reviewing, the window shows the revision under review: the session is asked to open
 * it, and once it has, the review is made of it and the base (MscosReviewSession), the sidebar
 * gets a Changes row and each outcome its count. Stop Reviewing opens the base again. A pack
 * opened otherwise while reviewing ends the review. */

#define G_LOG_DOMAIN "mscos-window"

#include "config.h"

#include "mscos-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mscos-change-label.h"
#include "mscos-changes-page.h"
#include "mscos-comment-editor.h"
#include "mscos-item-actions.h"
#include "mscos-item-card.h"
#include "mscos-review-session.h"
#include "mscos-ui-utils.h"

#define CHANGES_PAGE "review:changes"

struct _MscosReviewMode
{
  /* The review shown, once the revision under review is the session's pack. */
  MscosReviewSession *session;
  /* A review asked for: the revision to open and the base to compare it with. */
  GFile              *pending_file;
  MscosContentPack   *pending_base;
  /* The label where words were last selected, for quoting them. */
  GtkLabel           *last_label;
  GCancellable       *cancellable;
};

static MscosReviewMode *
get_mode (MscosWindow *self)
{
  if (self->review == NULL)
    {
      self->review = g_new0 (MscosReviewMode, 1);
      self->review->cancellable = g_cancellable_new ();
    }

  return self->review;
}

static GFile *
get_reviews_folder (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), APPLICATION_ID, "reviews", NULL);
}

static void
update_review_actions (MscosWindow *self)
{
  gboolean reviewing = self->review != NULL && self->review->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-review", reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-changes", reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-comment", reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.comment-selection", reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-comment", reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-review", reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-reviews", reviewing);
}

static void
update_review_banner (MscosWindow *self)
{
  MscosReviewSession *session = self->review != NULL ? self->review->session : NULL;
  const char *problem = session != NULL
                        ? mscos_durable_store_get_save_error (MSCOS_DURABLE_STORE (session))
                        : NULL;
  g_autofree char *title = NULL;

  if (session == NULL)
    {
      adw_banner_set_revealed (self->review_banner, FALSE);
      return;
    }

  if (problem == NULL)
    problem = mscos_durable_store_get_load_problem (MSCOS_DURABLE_STORE (session));
  title = mscos_review_session_dup_title (session);
  if (problem != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s. %s", title, problem);

      g_free (title);
      title = g_steal_pointer (&both);
    }

  adw_banner_set_title (self->review_banner, title);
  adw_banner_set_revealed (self->review_banner, TRUE);
}

static void
set_session (MscosWindow        *self,
             MscosReviewSession *session)
{
  MscosReviewMode *mode = get_mode (self);

  if (mode->session == session)
    return;

  if (mode->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (mode->session, self);
      /* What is not saved yet is written now (MscosDurableStore's dispose). */
      g_clear_object (&mode->session);
    }

  if (session != NULL)
    {
      mode->session = g_object_ref (session);
      g_signal_connect_swapped (session, "notify::save-error", G_CALLBACK (update_review_banner),
                                self);
      g_signal_connect_swapped (session, "notify::load-problem",
                                G_CALLBACK (update_review_banner), self);
      mscos_durable_store_load_async (MSCOS_DURABLE_STORE (session), NULL, NULL, NULL);
    }

  update_review_actions (self);
  update_review_banner (self);
}

static gboolean
is_same_revision (MscosContentPack *a,
                  MscosContentPack *b)
{
  return g_strcmp0 (mscos_content_pack_get_id (a), mscos_content_pack_get_id (b)) == 0
         && g_strcmp0 (mscos_content_pack_get_revision (a), mscos_content_pack_get_revision (b)) == 0;
}

/* --- Starting and stopping -------------------------------------------------------------- */

static void
open_for_review (MscosWindow      *self,
                 GFile            *file,
                 MscosContentPack *base)
{
  MscosReviewMode *mode = get_mode (self);

  g_set_object (&mode->pending_file, file);
  g_set_object (&mode->pending_base, base);
  mscos_session_open_content (self->session, file);
}

typedef struct
{
  MscosWindow *self;
  GFile       *file;
} BaseRequest;

static void
base_request_free (BaseRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BaseRequest, base_request_free)

static void
base_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (BaseRequest) request = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (MscosContentPack) base = mscos_content_pack_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (base == NULL)
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Cannot Open the Base Revision"), NULL);

      adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog), "%s", error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      mscos_present_dialog (dialog, GTK_WIDGET (request->self));
      return;
    }

  open_for_review (request->self, request->file, base);
}

/* Starts a review of @file against @base_file, or against the pack in use. */
static void
start_review (MscosWindow *self,
              GFile       *file,
              GFile       *base_file)
{
  MscosReviewMode *mode = get_mode (self);
  MscosContentPack *in_use = _mscos_window_get_content_pack (self);
  g_autoptr (GFile) built_in = NULL;
  BaseRequest *request;

  if (base_file == NULL && mode->session != NULL)
    /* Reviewing already: the base stays the base, not the revision shown. */
    in_use = mscos_review_session_get_base_pack (mode->session);

  if (base_file == NULL && in_use != NULL)
    {
      open_for_review (self, file, in_use);
      return;
    }

  if (base_file == NULL)
    base_file = built_in = g_file_new_for_uri ("resource://" RESOURCE_PATH "/content/mscos.json");

  request = g_new0 (BaseRequest, 1);
  request->self = g_object_ref (self);
  request->file = g_object_ref (file);
  mscos_content_pack_load_async (base_file, mode->cancellable, base_loaded_cb, request);
}

static void
stop_review (MscosWindow *self)
{
  MscosReviewMode *mode = get_mode (self);
  g_autoptr (MscosContentPack) base = NULL;

  if (mode->session == NULL)
    return;

  base = g_object_ref (mscos_review_session_get_base_pack (mode->session));
  set_session (self, NULL);
  g_clear_object (&mode->pending_file);
  g_clear_object (&mode->pending_base);
  mscos_session_open_content (self->session, mscos_content_pack_get_file (base));
}

/* --- Choosing what to review ------------------------------------------------------------ */

static void
base_chosen_cb (GtkFileDialog *chooser,
                GAsyncResult  *result,
                AdwDialog     *dialog)
{
  g_autoptr (GFile) file = gtk_file_dialog_open_finish (chooser, result, NULL);
  AdwActionRow *row = g_object_get_data (G_OBJECT (dialog), "base-row");

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      adw_action_row_set_subtitle (row, name);
      g_object_set_data_full (G_OBJECT (dialog), "base-file", g_steal_pointer (&file),
                              g_object_unref);
    }

  g_object_unref (dialog);
}

static GListModel *
create_pack_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Content Packs"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}

static void
choose_base_clicked_cb (GtkButton *button,
                        AdwDialog *dialog)
{
  g_autoptr (GtkFileDialog) chooser = gtk_file_dialog_new ();
  g_autoptr (GListModel) filters = create_pack_filters ();

  gtk_file_dialog_set_title (chooser, _("Choose the Base Revision"));
  gtk_file_dialog_set_filters (chooser, filters);
  gtk_file_dialog_open (chooser, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (dialog))), NULL,
                        (GAsyncReadyCallback) base_chosen_cb, g_object_ref (dialog));
}

static void
review_dialog_responded_cb (AdwAlertDialog *dialog,
                            GAsyncResult   *result,
                            MscosWindow    *self)
{
  g_autoptr (MscosWindow) owned = self;

  if (g_str_equal (adw_alert_dialog_choose_finish (dialog, result), "review"))
    start_review (self, g_object_get_data (G_OBJECT (dialog), "file"),
                  g_object_get_data (G_OBJECT (dialog), "base-file"));
}

/* Two rows: the revision under review, and what it is compared with, the pack in use unless
 * another file is chosen. */
static void
ask_base (MscosWindow *self,
          GFile       *file)
{
  MscosContentPack *in_use = _mscos_window_get_content_pack (self);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *in_use_name = NULL;
  AdwDialog *dialog = adw_alert_dialog_new (_("Review a New Revision"), NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *new_row;
  GtkWidget *base_row;
  GtkWidget *button;

  if (self->review != NULL && self->review->session != NULL)
    in_use = mscos_review_session_get_base_pack (self->review->session);
  if (in_use != NULL)
    /* Translators: the pack in use, its title and revision */
    in_use_name = g_strdup_printf (_("The pack in use: %s %s"),
                                   mscos_content_pack_get_title (in_use),
                                   mscos_content_pack_get_revision (in_use));
  else
    in_use_name = g_strdup (_("The built-in pack"));

  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog),
                             _("See what changed since the base revision, and comment on it."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  new_row = g_object_new (ADW_TYPE_ACTION_ROW, "title", _("Revision under review"),
                          "subtitle", name, "use-markup", FALSE, "subtitle-selectable", TRUE,
                          NULL);
  gtk_widget_add_css_class (new_row, "property");
  base_row = g_object_new (ADW_TYPE_ACTION_ROW, "title", _("Compared with"),
                           "subtitle", in_use_name, "use-markup", FALSE, NULL);
  gtk_widget_add_css_class (base_row, "property");
  button = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose another base revision"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (choose_base_clicked_cb), dialog);
  adw_action_row_add_suffix (ADW_ACTION_ROW (base_row), button);
  gtk_list_box_append (GTK_LIST_BOX (list), new_row);
  gtk_list_box_append (GTK_LIST_BOX (list), base_row);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), list);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "review", _("_Review"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "review",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "review");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "base-row", base_row);
  mscos_add_exit_shortcuts (GTK_WIDGET (dialog));
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) review_dialog_responded_cb, g_object_ref (self));
}

static void
revision_chosen_cb (GtkFileDialog *chooser,
                    GAsyncResult  *result,
                    MscosWindow   *self)
{
  g_autoptr (MscosWindow) owned = self;
  g_autoptr (GFile) file = gtk_file_dialog_open_finish (chooser, result, NULL);

  if (file != NULL)
    ask_base (self, file);
}

static void
review_revision_activated_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  g_autoptr (GtkFileDialog) chooser = gtk_file_dialog_new ();
  g_autoptr (GListModel) filters = create_pack_filters ();

  gtk_file_dialog_set_title (chooser, _("Review a New Revision"));
  gtk_file_dialog_set_filters (chooser, filters);
  gtk_file_dialog_open (chooser, GTK_WINDOW (self), NULL,
                        (GAsyncReadyCallback) revision_chosen_cb, g_object_ref (self));
}

/* "(ss)": the revision's URI, and the base's, or "" for the pack in use. */
static void
start_review_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  const char *uri, *base_uri;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) base = NULL;

  g_variant_get (parameter, "(&s&s)", &uri, &base_uri);
  file = g_file_new_for_uri (uri);
  if (base_uri[0] != '\0')
    base = g_file_new_for_uri (base_uri);
  start_review (MSCOS_WINDOW (widget), file, base);
}

static void
stop_review_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  stop_review (MSCOS_WINDOW (widget));
}

static void
show_changes_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _mscos_window_review_show_changes (MSCOS_WINDOW (widget));
}

/* --- Comments --------------------------------------------------------------------------- */

/* The item that @widget shows: that of the item buttons beside it (a single recommendation
 * has its own), or of the card it is in. */
static MscosItem *
find_item_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (MSCOS_IS_ITEM_CARD (widget))
        return mscos_item_card_get_item (MSCOS_ITEM_CARD (widget));

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (MSCOS_IS_ITEM_ACTIONS (child) && mscos_item_actions_get_item (MSCOS_ITEM_ACTIONS (child)))
          return mscos_item_actions_get_item (MSCOS_ITEM_ACTIONS (child));
    }

  return NULL;
}

/* The words selected in the label focused, or else in the one last focused or pressed in, if
 * they are of @item_id (or of any item, for %NULL, which then says which). */
static MscosReviewQuote *
dup_selection (MscosWindow  *self,
               const char   *item_id,
               char        **found_item_id)
{
  GtkLabel *label = self->review != NULL ? self->review->last_label : NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  MscosItem *item;

  if (GTK_IS_LABEL (focus))
    label = GTK_LABEL (focus);
  if (label == NULL || !gtk_label_get_selection_bounds (label, NULL, NULL))
    return NULL;

  item = find_item_of (GTK_WIDGET (label));
  if (item == NULL || (item_id != NULL && g_strcmp0 (mscos_item_get_id (item), item_id) != 0))
    return NULL;

  if (found_item_id != NULL)
    *found_item_id = g_strdup (mscos_item_get_id (item));

  /* The words of the revision, without those it deleted that the label shows among them. */
  return mscos_change_label_dup_quote (label);
}

static void
focus_changed_cb (MscosWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (GTK_IS_LABEL (focus) && gtk_label_get_selectable (GTK_LABEL (focus)))
    g_set_weak_pointer (&get_mode (self)->last_label, GTK_LABEL (focus));
}

/* The words of a card are selectable labels that do not take the focus (Tab goes from control
 * to control), so the label words are selected in is the one last pressed in with the pointer.
 * The gesture only looks: it never claims the press, which the label's own gestures take. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            MscosWindow     *self)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (widget != NULL && !GTK_IS_LABEL (widget))
    widget = gtk_widget_get_parent (widget);

  if (widget != NULL && gtk_label_get_selectable (GTK_LABEL (widget)))
    g_set_weak_pointer (&get_mode (self)->last_label, GTK_LABEL (widget));
}

static void
open_editor (MscosWindow            *self,
             const char             *item_id,
             const MscosReviewQuote *quote)
{
  mscos_present_dialog (mscos_comment_editor_new (self->review->session, self->settings,
                                                  item_id, quote),
                        GTK_WIDGET (self));
}

/* "s": the id of an item, a recommendation, a section or an outcome, or "" for the pack. */
static void
add_comment_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  const char *item_id = g_variant_get_string (parameter, NULL);
  g_autoptr (MscosReviewQuote) quote = NULL;

  if (item_id[0] == '\0')
    item_id = NULL;
  else
    quote = dup_selection (self, item_id, NULL);

  open_editor (self, item_id, quote);
}

/* Comments on the words selected, or on the item that has the focus, or on the outcome. */
static void
comment_selection_activated_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  g_autofree char *item_id = NULL;
  g_autoptr (MscosReviewQuote) quote = dup_selection (self, NULL, &item_id);
  MscosOutcomePage *page = _mscos_window_get_visible_page (self);

  if (item_id == NULL)
    {
      MscosItem *item = find_item_of (gtk_root_get_focus (GTK_ROOT (self)));

      if (item != NULL)
        item_id = g_strdup (mscos_item_get_id (item));
      else if (page != NULL)
        item_id = g_strdup (mscos_outcome_get_id (mscos_outcome_page_get_outcome (page)));
    }

  open_editor (self, item_id, quote);
}

static void
edit_comment_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  MscosReview *review = mscos_review_session_get_review (self->review->session);
  MscosReviewComment *comment = mscos_review_lookup (review,
                                                     g_variant_get_string (parameter, NULL));

  if (comment != NULL)
    mscos_present_dialog (mscos_comment_editor_new_for_comment (self->review->session,
                                                                self->settings, comment),
                          GTK_WIDGET (self));
}

/* --- Export and import ------------------------------------------------------------------ */

static const char * const review_extensions[] = {
  [MSCOS_REVIEW_FORMAT_JSONLD] = ".jsonld",
  [MSCOS_REVIEW_FORMAT_CSV] = ".csv",
  [MSCOS_REVIEW_FORMAT_MARKDOWN] = ".md",
};

static void
review_written_cb (GFile        *file,
                   GAsyncResult *result,
                   MscosWindow  *self)
{
  g_autoptr (MscosWindow) owned = self;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (g_file_replace_contents_finish (file, result, NULL, &error))
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Comments exported to “%s”"), name);
  else
    message = g_strdup_printf (_("The comments could not be exported: %s"), error->message);

  mscos_window_show_toast (self, message);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
review_export_responded_cb (GtkNativeDialog *chooser,
                            int              response,
                            MscosWindow     *self)
{
  g_autoptr (MscosWindow) owned = self;
  g_autoptr (GtkNativeDialog) owned_chooser = chooser;
  g_autoptr (GFile) chosen = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;
  MscosReviewFormat format = MSCOS_REVIEW_FORMAT_CSV;

  if (response != GTK_RESPONSE_ACCEPT || self->review == NULL || self->review->session == NULL)
    return;

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chosen == NULL)
    return;

  /* The name's extension decides, failing that the filter chosen, and the name gets it. */
  name = g_file_get_basename (chosen);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  if (!mscos_review_format_for_filename (name, &format) && filter != NULL)
    {
      g_autofree char *with = NULL;
      g_autoptr (GFile) folder = g_file_get_parent (chosen);

      format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "format"));
      with = g_strconcat (name, review_extensions[format], NULL);
      file = g_file_get_child_for_display_name (folder, with, NULL);
    }
  if (file == NULL)
    file = g_object_ref (chosen);

  bytes = mscos_review_export (mscos_review_session_get_review (self->review->session), format,
                               mscos_review_session_get_pack (self->review->session));
  /* Private (0600): it holds what the reviewers wrote. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, (GAsyncReadyCallback) review_written_cb,
                                       g_steal_pointer (&owned));
}

static void
add_export_filter (GtkFileChooser    *chooser,
                   const char        *name,
                   MscosReviewFormat  format,
                   const char        *mime_type)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, review_extensions[format] + 1);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data (G_OBJECT (filter), "format", GINT_TO_POINTER (format));
  gtk_file_chooser_add_filter (chooser, filter);
  if (format == MSCOS_REVIEW_FORMAT_CSV)
    gtk_file_chooser_set_filter (chooser, filter);
}

/* GtkFileChooserNative, as the library's export does: it says which filter was chosen. */
static void
export_review_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  MscosContentPack *pack = mscos_review_session_get_pack (self->review->session);
  /* Translators: the suggested name of exported review comments; %s is the revision */
  g_autofree char *name = g_strdup_printf (_("MSCOS review %s.csv"),
                                           mscos_content_pack_get_revision (pack));
  GtkFileChooserNative *chooser;

  g_strdelimit (name, "/", '-');
  chooser = gtk_file_chooser_native_new (_("Export Comments"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_export_filter (GTK_FILE_CHOOSER (chooser), _("CSV, the consultation table"),
                     MSCOS_REVIEW_FORMAT_CSV, "text/csv");
  add_export_filter (GTK_FILE_CHOOSER (chooser), _("Markdown, to read and send"),
                     MSCOS_REVIEW_FORMAT_MARKDOWN, "text/markdown");
  add_export_filter (GTK_FILE_CHOOSER (chooser), _("JSON-LD, to merge with others"),
                     MSCOS_REVIEW_FORMAT_JSONLD, "application/ld+json");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (review_export_responded_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

G_GNUC_END_IGNORE_DEPRECATIONS

/* Reads the files chosen one after the other, then merges them all or none. */
typedef struct
{
  MscosWindow *self;
  GPtrArray   *files;
  GPtrArray   *contents;
  GPtrArray   *names;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->self);
  g_ptr_array_unref (job->files);
  g_ptr_array_unref (job->contents);
  g_ptr_array_unref (job->names);
  g_free (job);
}

static void
show_import_problem (MscosWindow *self,
                     const char  *message)
{
  AdwDialog *dialog = adw_alert_dialog_new (_("Cannot Merge Comments"), NULL);

  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("Nothing was merged.\n\n%s"), message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  mscos_present_dialog (dialog, GTK_WIDGET (self));
}

static void read_next (ImportJob *job);

static void
import_file_read_cb (GFile        *file,
                     GAsyncResult *result,
                     ImportJob    *job)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_file_load_bytes_finish (file, result, NULL, &error);

  if (bytes == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf ("%s: %s", name, error->message);

      show_import_problem (job->self, message);
      import_job_free (job);
      return;
    }

  g_ptr_array_add (job->contents, bytes);
  g_ptr_array_add (job->names, g_file_get_basename (file));
  read_next (job);
}

static void
read_next (ImportJob *job)
{
  MscosWindow *self = job->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;

  if (job->contents->len < job->files->len)
    {
      g_file_load_bytes_async (g_ptr_array_index (job->files, job->contents->len), NULL,
                               (GAsyncReadyCallback) import_file_read_cb, job);
      return;
    }

  if (self->review == NULL || self->review->session == NULL)
    ;
  else if (mscos_review_session_merge (self->review->session, (GBytes **) job->contents->pdata,
                                       (const char * const *) job->names->pdata,
                                       job->contents->len, &report, &error))
    {
      /* The report's first line says what was merged; the rest, which versions were kept. */
      report[strcspn (report, "\n")] = '\0';
      mscos_window_show_toast (self, report);
    }
  else
    {
      show_import_problem (self, error->message);
    }

  import_job_free (job);
}

static void
import_chosen_cb (GtkFileDialog *chooser,
                  GAsyncResult  *result,
                  MscosWindow   *self)
{
  g_autoptr (GListModel) files = gtk_file_dialog_open_multiple_finish (chooser, result, NULL);
  ImportJob *job;

  if (files == NULL || g_list_model_get_n_items (files) == 0)
    {
      g_object_unref (self);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->self = self;
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  job->contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  job->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (job->files, g_list_model_get_item (files, i));
  read_next (job);
}

static void
import_reviews_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  MscosWindow *self = MSCOS_WINDOW (widget);
  g_autoptr (GtkFileDialog) chooser = gtk_file_dialog_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Review files (JSON-LD)"));
  gtk_file_filter_add_suffix (filter, "jsonld");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/ld+json");
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (chooser, _("Merge Reviewers’ Comments"));
  gtk_file_dialog_set_filters (chooser, G_LIST_MODEL (filters));
  gtk_file_dialog_open_multiple (chooser, GTK_WINDOW (self), NULL,
                                 (GAsyncReadyCallback) import_chosen_cb, g_object_ref (self));
}

/* --- For the window --------------------------------------------------------------------- */

/* Called first when the session's pack changes: a review asked for begins once its revision
 * is shown; another pack shown ends the review. Returns whether a review began. */
gboolean
_mscos_window_review_pack_changed (MscosWindow      *self,
                                   MscosContentPack *pack)
{
  MscosReviewMode *mode = self->review;
  g_autoptr (GFile) folder = NULL;
  g_autoptr (MscosReviewSession) session = NULL;

  if (mode == NULL || pack == NULL)
    return FALSE;

  if (mode->session != NULL
      && !is_same_revision (pack, mscos_review_session_get_pack (mode->session)))
    set_session (self, NULL);

  if (mode->pending_file == NULL || mscos_content_pack_get_file (pack) == NULL
      || !g_file_equal (mscos_content_pack_get_file (pack), mode->pending_file))
    return FALSE;

  folder = get_reviews_folder ();
  session = mscos_review_session_new (mode->pending_base, pack, folder);
  g_clear_object (&mode->pending_file);
  g_clear_object (&mode->pending_base);
  set_session (self, session);

  return TRUE;
}

gboolean
_mscos_window_review_is_active (MscosWindow *self)
{
  return self->review != NULL && self->review->session != NULL;
}

/* The comparison the outcome pages show, while reviewing. */
MscosPackDiff *
_mscos_window_review_get_diff (MscosWindow *self)
{
  if (!_mscos_window_review_is_active (self))
    return NULL;

  return mscos_review_session_get_diff (self->review->session);
}

/* The sidebar's Changes row, while reviewing. */
GListModel *
_mscos_window_review_create_sidebar_section (MscosWindow *self)
{
  g_autoptr (GListStore) section = NULL;
  g_autoptr (MscosSidebarItem) changes = NULL;

  if (!_mscos_window_review_is_active (self))
    return NULL;

  section = g_list_store_new (MSCOS_TYPE_SIDEBAR_ITEM);
  changes = mscos_sidebar_item_new_for_place (MSCOS_SIDEBAR_CHANGES, _("Changes"),
                                              "view-list-bullet-symbolic", _("Review"));
  g_list_store_append (section, changes);

  return G_LIST_MODEL (g_steal_pointer (&section));
}

/* Gives an outcome's row in the sidebar how many of its items changed. */
void
_mscos_window_review_decorate_sidebar_item (MscosWindow      *self,
                                            MscosSidebarItem *item)
{
  MscosOutcome *outcome = mscos_sidebar_item_get_outcome (item);
  guint n;

  if (!_mscos_window_review_is_active (self) || outcome == NULL)
    return;

  n = mscos_pack_diff_count_in_outcome (mscos_review_session_get_diff (self->review->session),
                                        mscos_outcome_get_id (outcome));
  if (n > 0)
    {
      /* Translators: how many items of an outcome changed, in the sidebar */
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change",
                                                             "%u changes", n), n);

      mscos_sidebar_item_set_changes (item, count);
    }
}

void
_mscos_window_review_show_changes (MscosWindow *self)
{
  GtkWidget *page;

  if (!_mscos_window_review_is_active (self))
    return;

  page = g_hash_table_lookup (self->pages, CHANGES_PAGE);
  if (page != NULL
      && mscos_changes_page_get_session (MSCOS_CHANGES_PAGE (page)) != self->review->session)
    {
      gtk_stack_remove (self->page_stack, page);
      g_hash_table_remove (self->pages, CHANGES_PAGE);
      page = NULL;
    }

  if (page == NULL)
    {
      page = mscos_changes_page_new (self->review->session);
      gtk_stack_add_named (self->page_stack, page, CHANGES_PAGE);
      g_hash_table_insert (self->pages, g_strdup (CHANGES_PAGE), page);
    }

  gtk_stack_set_visible_child (self->page_stack, page);
  adw_navigation_page_set_title (self->content_page, _("Changes"));
  adw_navigation_view_pop_to_tag (self->content_view, "outcome");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.expand-all", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.collapse-all", FALSE);
}

void
_mscos_window_review_init (MscosWindow *self)
{
  GtkGesture *gesture = gtk_gesture_click_new ();

  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  update_review_actions (self);
}

void
_mscos_window_review_dispose (MscosWindow *self)
{
  MscosReviewMode *mode = self->review;

  if (mode == NULL)
    return;

  g_cancellable_cancel (mode->cancellable);
  g_clear_object (&mode->cancellable);
  if (mode->session != NULL)
    g_signal_handlers_disconnect_by_data (mode->session, self);
  g_clear_object (&mode->session);
  g_clear_object (&mode->pending_file);
  g_clear_object (&mode->pending_base);
  g_clear_weak_pointer (&mode->last_label);
  g_clear_pointer (&self->review, g_free);
}

void
_mscos_window_review_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.review-revision", NULL,
                                   review_revision_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.start-review", "(ss)",
                                   start_review_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.stop-review", NULL,
                                   stop_review_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.show-changes", NULL,
                                   show_changes_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.add-comment", "s",
                                   add_comment_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.comment-selection", NULL,
                                   comment_selection_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-comment", "s",
                                   edit_comment_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.export-review", NULL,
                                   export_review_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.import-reviews", NULL,
                                   import_reviews_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.comment-selection", NULL);
}
