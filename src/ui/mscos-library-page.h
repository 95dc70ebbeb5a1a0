/* mscos-library-page.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mscos-library.h"

G_BEGIN_DECLS

typedef enum
{
  MSCOS_LIBRARY_PAGE_BOOKMARKS,
  MSCOS_LIBRARY_PAGE_NOTES,
} MscosLibraryPageMode;

#define MSCOS_TYPE_LIBRARY_PAGE (mscos_library_page_get_type ())

G_DECLARE_FINAL_TYPE (MscosLibraryPage, mscos_library_page, MSCOS, LIBRARY_PAGE, GtkWidget)

GtkWidget  *mscos_library_page_new        (MscosLibraryPageMode  mode,
                                           MscosLibrary         *library,
                                           MscosContentPack     *pack);
const char *mscos_library_page_get_title  (MscosLibraryPage     *self);

G_END_DECLS
