/* mscos-page-feed.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-page-model.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_PAGE_FEED (mscos_page_feed_get_type ())

G_DECLARE_FINAL_TYPE (MscosPageFeed, mscos_page_feed, MSCOS, PAGE_FEED, GObject)

MscosPageFeed  *mscos_page_feed_new           (MscosPageModel *model);
MscosPageModel *mscos_page_feed_get_model     (MscosPageFeed  *self);
gboolean        mscos_page_feed_is_caught_up  (MscosPageFeed  *self);
guint           mscos_page_feed_step          (MscosPageFeed  *self,
                                               guint           from,
                                               guint           max_rows);
void            mscos_page_feed_catch_up      (MscosPageFeed  *self);

G_END_DECLS
