/* mscos-comment-editor.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The dialog that adds a review comment on an item, a recommendation or the pack, or edits
 * one: its type, its text, the words it quotes, and for the MSCOS team's answer its status and
 * response. The reviewer's name is asked the first time and kept in the settings
 * ("reviewer-name"); after that it is not asked again, and Preferences changes it. */

#define G_LOG_DOMAIN "mscos-comment-editor"

#include "config.h"

#include "mscos-comment-editor.h"

#include <glib/gi18n.h>

#include "mscos-changes-page.h"

struct _MscosCommentEditor
{
  AdwDialog           parent_instance;

  GtkButton          *save_button;
  GtkLabel           *target_label;
  GtkLabel           *quote_label;
  AdwComboRow        *type_row;
  AdwEntryRow        *name_row;
  GtkTextView        *text_view;
  AdwPreferencesGroup *answer_group;
  AdwComboRow        *status_row;
  AdwEntryRow        *response_row;
  GtkLabel           *meta_label;

  MscosReviewSession *session;
  GSettings          *settings;
  char               *item_id;
  MscosReviewQuote   *quote;
  /* Set when editing a comment made before */
  MscosReviewComment *comment;
  /* See focus_tick_cb() */
  guint               focus_tick_id;
  gboolean            opened;
};

G_DEFINE_FINAL_TYPE (MscosCommentEditor, mscos_comment_editor, ADW_TYPE_DIALOG)

static char *
dup_text (MscosCommentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_strstrip (g_steal_pointer (&text));
}

static void
update_save_button (MscosCommentEditor *self)
{
  g_autofree char *text = dup_text (self);
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  gboolean named = !gtk_widget_get_visible (GTK_WIDGET (self->name_row))
                   || g_strstrip (name)[0] != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), text[0] != '\0' && named);
}

/* What the comment is on, for the dialog's heading. */
static void
show_target (MscosCommentEditor *self)
{
  MscosPackOutline *outline = mscos_pack_diff_get_new_outline (mscos_review_session_get_diff (self->session));
  GObject *object = self->item_id != NULL ? mscos_pack_outline_lookup (outline, self->item_id)
                                          : NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;

  if (MSCOS_IS_ITEM (object))
    title = mscos_item_dup_display_title (MSCOS_ITEM (object));
  else if (MSCOS_IS_OUTCOME (object))
    title = g_strdup (mscos_outcome_get_title (MSCOS_OUTCOME (object)));
  else if (MSCOS_IS_SECTION (object))
    title = g_strdup (mscos_section_get_title (MSCOS_SECTION (object)));

  if (title != NULL)
    {
      const char *kind = MSCOS_IS_ITEM (object)
                         ? mscos_item_kind_to_string (mscos_item_get_kind (MSCOS_ITEM (object)))
                         : mscos_pack_part_to_string (mscos_pack_outline_get_part (outline,
                                                                                   self->item_id));

      /* Translators: what a review comment is on: the kind of item, then its title */
      heading = g_strdup_printf (_("%s: %s"), mscos_change_kind_title (kind), title);
    }
  else
    /* Translators: %s is the title and revision of a content pack */
    heading = g_strdup_printf (_("On the pack as a whole: %s %s"),
                               mscos_content_pack_get_title (mscos_review_session_get_pack (self->session)),
                               mscos_content_pack_get_revision (mscos_review_session_get_pack (self->session)));
  gtk_label_set_text (self->target_label, heading);

  if (self->quote != NULL)
    {
      /* Translators: the words of an item that a comment quotes */
      g_autofree char *quoted = g_strdup_printf (_("Quoting “%s”"),
                                                 mscos_review_quote_get_exact (self->quote));

      gtk_label_set_text (self->quote_label, quoted);
      gtk_widget_set_visible (GTK_WIDGET (self->quote_label), TRUE);
    }
}

static void
cancel_clicked_cb (MscosCommentEditor *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
save_clicked_cb (MscosCommentEditor *self)
{
  g_autofree char *text = dup_text (self);
  MscosCommentType type = adw_combo_row_get_selected (self->type_row);

  if (text[0] == '\0')
    return;

  if (self->comment == NULL)
    {
      g_autofree char *name = NULL;

      if (gtk_widget_get_visible (GTK_WIDGET (self->name_row)))
        {
          name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
          if (name[0] == '\0')
            return;
          g_settings_set_string (self->settings, "reviewer-name", name);
        }
      else
        {
          /* As Preferences keeps it, typed; trimmed as when it is asked. */
          name = g_strstrip (g_settings_get_string (self->settings, "reviewer-name"));
        }

      mscos_review_session_add_comment (self->session, self->item_id, type, text, name,
                                        self->quote);
    }
  else
    {
      mscos_review_comment_set_comment_type (self->comment, type);
      mscos_review_comment_set_text (self->comment, text);
      mscos_review_comment_set_status (self->comment, adw_combo_row_get_selected (self->status_row));
      mscos_review_comment_set_response (self->comment,
                                         gtk_editable_get_text (GTK_EDITABLE (self->response_row)));
    }

  adw_dialog_close (ADW_DIALOG (self));
}

/* Where the reviewer types first: the name, when it is asked, or the comment. */
static GtkWidget *
get_first_field (MscosCommentEditor *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->name_row)))
    return GTK_WIDGET (self->name_row);

  return GTK_WIDGET (self->text_view);
}

/* A dialog shown as a bottom sheet, on a narrow window, opens the sheet two frames after it is
 * mapped; the sheet then gives the focus to its first control, the Cancel button, and the
 * dialog keeps that as its focus widget rather than the one it was given (libadwaita 1.7).
 * So the first time the focus is in the dialog, it is put where the reviewer types; wide, it
 * is there already. */
static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  MscosCommentEditor *self = MSCOS_COMMENT_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    return G_SOURCE_CONTINUE;

  gtk_widget_grab_focus (get_first_field (self));
  self->focus_tick_id = 0;

  return G_SOURCE_REMOVE;
}

static void
mscos_comment_editor_map (GtkWidget *widget)
{
  MscosCommentEditor *self = MSCOS_COMMENT_EDITOR (widget);

  GTK_WIDGET_CLASS (mscos_comment_editor_parent_class)->map (widget);

  /* Only as it opens: mapped again (the window made wider or narrower), the focus stays. */
  if (!self->opened)
    self->focus_tick_id = gtk_widget_add_tick_callback (widget, focus_tick_cb, NULL, NULL);
  self->opened = TRUE;
}

static void
mscos_comment_editor_unmap (GtkWidget *widget)
{
  MscosCommentEditor *self = MSCOS_COMMENT_EDITOR (widget);

  if (self->focus_tick_id != 0)
    gtk_widget_remove_tick_callback (widget, self->focus_tick_id);
  self->focus_tick_id = 0;

  GTK_WIDGET_CLASS (mscos_comment_editor_parent_class)->unmap (widget);
}

static void
mscos_comment_editor_dispose (GObject *object)
{
  MscosCommentEditor *self = MSCOS_COMMENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_COMMENT_EDITOR);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->comment);

  G_OBJECT_CLASS (mscos_comment_editor_parent_class)->dispose (object);
}

static void
mscos_comment_editor_finalize (GObject *object)
{
  MscosCommentEditor *self = MSCOS_COMMENT_EDITOR (object);

  g_clear_pointer (&self->item_id, g_free);
  g_clear_pointer (&self->quote, mscos_review_quote_free);

  G_OBJECT_CLASS (mscos_comment_editor_parent_class)->finalize (object);
}

static void
mscos_comment_editor_class_init (MscosCommentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_comment_editor_dispose;
  object_class->finalize = mscos_comment_editor_finalize;
  widget_class->map = mscos_comment_editor_map;
  widget_class->unmap = mscos_comment_editor_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mscos-comment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, target_label);
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, answer_group);
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, response_row);
  gtk_widget_class_bind_template_child (widget_class, MscosCommentEditor, meta_label);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_save_button);
}

static void
mscos_comment_editor_init (MscosCommentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (update_save_button), self, G_CONNECT_SWAPPED);
}

static MscosCommentEditor *
create (MscosReviewSession *session,
        GSettings          *settings)
{
  MscosCommentEditor *self = g_object_new (MSCOS_TYPE_COMMENT_EDITOR, NULL);
  g_autofree char *name = g_strstrip (g_settings_get_string (settings, "reviewer-name"));

  self->session = g_object_ref (session);
  self->settings = g_object_ref (settings);
  /* Asked once: the name given the first time is kept. */
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), name[0] == '\0');
  adw_dialog_set_focus (ADW_DIALOG (self), get_first_field (self));

  return self;
}

/**
 * mscos_comment_editor_new:
 * @session: the review
 * @settings: the app's settings, which keep the reviewer's name
 * @item_id: (nullable): the item, recommendation, section or outcome to comment on, or
 *   %NULL for the pack as a whole
 * @quote: (nullable): the words of it selected
 *
 * Returns: (transfer floating): a dialog that adds a comment
 */
AdwDialog *
mscos_comment_editor_new (MscosReviewSession     *session,
                          GSettings              *settings,
                          const char             *item_id,
                          const MscosReviewQuote *quote)
{
  MscosCommentEditor *self;

  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = create (session, settings);
  self->item_id = g_strdup (item_id);
  self->quote = quote != NULL ? mscos_review_quote_copy (quote) : NULL;
  show_target (self);
  update_save_button (self);

  return ADW_DIALOG (self);
}

/**
 * mscos_comment_editor_new_for_comment:
 * @comment: a comment of the review
 *
 * Returns: (transfer floating): a dialog that edits @comment and its answer
 */
AdwDialog *
mscos_comment_editor_new_for_comment (MscosReviewSession *session,
                                      GSettings          *settings,
                                      MscosReviewComment *comment)
{
  MscosCommentEditor *self;
  g_autofree char *created = NULL;
  g_autofree char *meta = NULL;
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (comment), NULL);

  self = create (session, settings);
  self->comment = g_object_ref (comment);
  self->item_id = g_strdup (mscos_review_comment_get_item_id (comment));
  if (mscos_review_comment_get_quote (comment) != NULL)
    self->quote = mscos_review_quote_copy (mscos_review_comment_get_quote (comment));
  show_target (self);

  adw_dialog_set_title (ADW_DIALOG (self), _("Edit Comment"));
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->answer_group), TRUE);
  adw_combo_row_set_selected (self->type_row, mscos_review_comment_get_comment_type (comment));
  adw_combo_row_set_selected (self->status_row, mscos_review_comment_get_status (comment));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            mscos_review_comment_get_text (comment), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->response_row),
                         mscos_review_comment_get_response (comment) != NULL
                           ? mscos_review_comment_get_response (comment) : "");

  local = g_date_time_to_local (mscos_review_comment_get_created (comment));
  created = g_date_time_format (local, "%Y-%m-%d %H:%M");
  /* Translators: who wrote a review comment, and when */
  meta = g_strdup_printf (_("By %s, %s"), mscos_review_comment_get_reviewer (comment), created);
  gtk_label_set_text (self->meta_label, meta);
  update_save_button (self);

  return ADW_DIALOG (self);
}
