/* mscos-note-editor.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-note-editor"

#include "config.h"

#include "mscos-note-editor.h"

/* The popover in which a note is written. It is made the first time an item's note button is
 * used: a page holds hundreds of items, and most never get a note. */

struct _MscosNoteEditor
{
  GtkPopover   parent_instance;

  GtkTextView *text_view;
  GtkButton   *delete_button;
};

G_DEFINE_FINAL_TYPE (MscosNoteEditor, mscos_note_editor, GTK_TYPE_POPOVER)

enum {
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
delete_clicked_cb (MscosNoteEditor *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

static void
mscos_note_editor_show (GtkWidget *widget)
{
  MscosNoteEditor *self = MSCOS_NOTE_EDITOR (widget);

  GTK_WIDGET_CLASS (mscos_note_editor_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
mscos_note_editor_class_init (MscosNoteEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->show = mscos_note_editor_show;

  /**
   * MscosNoteEditor::delete:
   *
   * The user asked to delete the note.
   */
  signals[DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, MscosNoteEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
mscos_note_editor_init (MscosNoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mscos_note_editor_new:
 *
 * Returns: (transfer floating): a new note editor
 */
GtkWidget *
mscos_note_editor_new (void)
{
  return g_object_new (MSCOS_TYPE_NOTE_EDITOR, NULL);
}

/**
 * mscos_note_editor_get_buffer:
 *
 * Returns: (transfer none): the text being edited
 */
GtkTextBuffer *
mscos_note_editor_get_buffer (MscosNoteEditor *self)
{
  g_return_val_if_fail (MSCOS_IS_NOTE_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

void
mscos_note_editor_set_can_delete (MscosNoteEditor *self,
                                  gboolean         can_delete)
{
  g_return_if_fail (MSCOS_IS_NOTE_EDITOR (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), can_delete);
}
