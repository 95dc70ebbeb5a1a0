/* mscos-search-provider.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-search-index.h"

G_BEGIN_DECLS

#define MSCOS_SEARCH_PROVIDER_PATH "/uk/co/mscos/Outcomes/SearchProvider"

#define MSCOS_TYPE_SEARCH_PROVIDER (mscos_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (MscosSearchProvider, mscos_search_provider, MSCOS, SEARCH_PROVIDER, GObject)

MscosSearchProvider *mscos_search_provider_new        (GApplication        *application);
gboolean             mscos_search_provider_export     (MscosSearchProvider *self,
                                                       GDBusConnection     *connection,
                                                       GError             **error);
void                 mscos_search_provider_unexport   (MscosSearchProvider *self);
void                 mscos_search_provider_set_index  (MscosSearchProvider *self,
                                                       MscosSearchIndex    *index);
void                 mscos_search_provider_set_index_error (MscosSearchProvider *self,
                                                            const GError        *error);
void                 mscos_search_provider_set_enabled (MscosSearchProvider *self,
                                                        gboolean             enabled);

G_END_DECLS
