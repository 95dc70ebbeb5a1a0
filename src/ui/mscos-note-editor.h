/* mscos-note-editor.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MSCOS_TYPE_NOTE_EDITOR (mscos_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (MscosNoteEditor, mscos_note_editor, MSCOS, NOTE_EDITOR, GtkPopover)

GtkWidget     *mscos_note_editor_new                (void);
GtkTextBuffer *mscos_note_editor_get_buffer         (MscosNoteEditor *self);
void           mscos_note_editor_set_can_delete     (MscosNoteEditor *self,
                                                     gboolean         can_delete);

G_END_DECLS
