/* mscos-library-row.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-library.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_LIBRARY_ROW (mscos_library_row_get_type ())

G_DECLARE_FINAL_TYPE (MscosLibraryRow, mscos_library_row, MSCOS, LIBRARY_ROW, GtkWidget)

void mscos_library_row_bind    (MscosLibraryRow   *self,
                                MscosLibraryEntry *entry,
                                MscosContentPack  *pack,
                                gboolean           show_note);
void mscos_library_row_unbind  (MscosLibraryRow   *self);

G_END_DECLS
