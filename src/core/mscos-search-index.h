/* mscos-search-index.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-content-pack.h"
#include "mscos-item.h"

G_BEGIN_DECLS

/* One item found by a search. Results are immutable and may be passed between threads. */
typedef struct _MscosSearchResult MscosSearchResult;

#define MSCOS_TYPE_SEARCH_RESULT (mscos_search_result_get_type ())

GType              mscos_search_result_get_type        (void) G_GNUC_CONST;
MscosSearchResult *mscos_search_result_ref             (MscosSearchResult *result);
void               mscos_search_result_unref           (MscosSearchResult *result);
const char        *mscos_search_result_get_item_id     (const MscosSearchResult *result);
const char        *mscos_search_result_get_outcome_id  (const MscosSearchResult *result);
MscosItemKind      mscos_search_result_get_kind        (const MscosSearchResult *result);
double             mscos_search_result_get_score       (const MscosSearchResult *result);
const char        *mscos_search_result_get_excerpt     (const MscosSearchResult *result);
guint              mscos_search_result_get_n_ranges    (const MscosSearchResult *result);
void               mscos_search_result_get_range       (const MscosSearchResult *result,
                                                        guint                    index,
                                                        guint                   *start,
                                                        guint                   *end);
gboolean           mscos_search_result_get_in_note     (const MscosSearchResult *result);
const char        *mscos_search_result_get_field       (const MscosSearchResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MscosSearchResult, mscos_search_result_unref)

#define MSCOS_TYPE_SEARCH_INDEX (mscos_search_index_get_type ())

G_DECLARE_FINAL_TYPE (MscosSearchIndex, mscos_search_index, MSCOS, SEARCH_INDEX, GObject)

MscosSearchIndex *mscos_search_index_new          (MscosContentPack     *pack);
void              mscos_search_index_new_async    (MscosContentPack     *pack,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
MscosSearchIndex *mscos_search_index_new_finish   (GAsyncResult         *result,
                                                   GError              **error);
MscosContentPack *mscos_search_index_get_pack     (MscosSearchIndex     *self);
guint             mscos_search_index_get_n_terms  (MscosSearchIndex     *self);
void              mscos_search_index_set_note     (MscosSearchIndex     *self,
                                                   const char           *item_id,
                                                   const char           *text);
GPtrArray        *mscos_search_index_query        (MscosSearchIndex     *self,
                                                   const char           *query,
                                                   guint                 limit);
GPtrArray        *mscos_search_index_query_content (MscosSearchIndex    *self,
                                                   const char           *query,
                                                   guint                 limit);
char             *mscos_search_fold               (const char           *text);

G_END_DECLS
