/* mscos-search-hit.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "mscos-content-pack.h"
#include "mscos-search-index.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_SEARCH_HIT (mscos_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (MscosSearchHit, mscos_search_hit, MSCOS, SEARCH_HIT, GObject)

MscosSearchHit *mscos_search_hit_new          (MscosSearchResult *result,
                                               MscosContentPack  *pack);
const char     *mscos_search_hit_get_item_id        (MscosSearchHit *self);
const char     *mscos_search_hit_get_outcome_title  (MscosSearchHit *self);

G_END_DECLS
