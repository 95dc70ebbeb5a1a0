/* mscos-review-session.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-durable-store.h"
#include "mscos-pack-diff.h"
#include "mscos-review.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_REVIEW_SESSION (mscos_review_session_get_type ())

G_DECLARE_FINAL_TYPE (MscosReviewSession, mscos_review_session, MSCOS, REVIEW_SESSION,
                      MscosDurableStore)

GFile              *mscos_review_session_dup_file_for    (GFile               *folder,
                                                          MscosContentPack    *pack);
MscosReviewSession *mscos_review_session_new             (MscosContentPack    *base,
                                                          MscosContentPack    *pack,
                                                          GFile               *folder);
MscosContentPack   *mscos_review_session_get_base_pack   (MscosReviewSession  *self);
MscosContentPack   *mscos_review_session_get_pack        (MscosReviewSession  *self);
MscosPackDiff      *mscos_review_session_get_diff        (MscosReviewSession  *self);
MscosReview        *mscos_review_session_get_review      (MscosReviewSession  *self);
char               *mscos_review_session_dup_title       (MscosReviewSession  *self);
char               *mscos_review_session_dup_summary     (MscosReviewSession  *self,
                                                          const char          *outcome_id);
MscosReviewComment *mscos_review_session_add_comment     (MscosReviewSession  *self,
                                                          const char          *item_id,
                                                          MscosCommentType     type,
                                                          const char          *text,
                                                          const char          *reviewer,
                                                          const MscosReviewQuote *quote);
gboolean            mscos_review_session_merge           (MscosReviewSession  *self,
                                                          GBytes *const       *files,
                                                          const char * const  *names,
                                                          guint                n_files,
                                                          char               **report,
                                                          GError             **error);

G_END_DECLS
