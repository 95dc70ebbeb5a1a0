/* mscos-library-indexer.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-library.h"
#include "mscos-search-index.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_LIBRARY_INDEXER (mscos_library_indexer_get_type ())

G_DECLARE_FINAL_TYPE (MscosLibraryIndexer, mscos_library_indexer, MSCOS, LIBRARY_INDEXER,
                      GObject)

MscosLibraryIndexer *mscos_library_indexer_new       (MscosLibrary        *library);
MscosSearchIndex    *mscos_library_indexer_get_index (MscosLibraryIndexer *self);
void                 mscos_library_indexer_set_index (MscosLibraryIndexer *self,
                                                      MscosSearchIndex    *index);

G_END_DECLS
