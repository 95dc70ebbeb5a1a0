/* mscos-library-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define MSCOS_LIBRARY_COMPILATION

#include "mscos-json-check.h"
#include "mscos-library.h"

G_BEGIN_DECLS

/* MscosLibrary spans three files: mscos-library.c (the object, its entries and their model,
 * changes, import and merge), mscos-library-json.c (the file's format, read and written) and
 * mscos-library-export.c (Markdown). Saving and recovery are MscosDurableStore's. */

#define MSCOS_LIBRARY_MAX_ID_LENGTH 128

/* mscos-library.c */
MscosLibraryEntry  *mscos_library_find_entry      (MscosLibrary              *self,
                                                   const char                *pack_id,
                                                   const char                *item_id);
GPtrArray          *mscos_library_dup_records     (MscosLibrary              *self);
char               *mscos_library_dup_item_title  (MscosItem                 *item);
int                 mscos_library_record_compare  (gconstpointer              a,
                                                   gconstpointer              b);
MscosLibraryRecord *mscos_library_record_merge    (const MscosLibraryRecord  *first,
                                                   const MscosLibraryRecord  *second,
                                                   const char                *label);
char               *mscos_library_make_key        (const char                *pack_id,
                                                   const char                *item_id);

/* mscos-library-json.c */
gboolean            mscos_library_json_read       (const char                *data,
                                                   gsize                      length,
                                                   MscosJsonCheck            *check,
                                                   GPtrArray                 *records,
                                                   gboolean                  *newer);
GBytes             *mscos_library_json_write      (GPtrArray                 *records);

G_END_DECLS
