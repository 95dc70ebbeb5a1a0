/* mscos-note-preview.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-item-actions.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_NOTE_PREVIEW (mscos_note_preview_get_type ())

G_DECLARE_FINAL_TYPE (MscosNotePreview, mscos_note_preview, MSCOS, NOTE_PREVIEW, GtkWidget)

G_END_DECLS
