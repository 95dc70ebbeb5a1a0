/* mscos-review-merge.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-review.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_REVIEW_MERGE (mscos_review_merge_get_type ())

G_DECLARE_FINAL_TYPE (MscosReviewMerge, mscos_review_merge, MSCOS, REVIEW_MERGE, GObject)

MscosReviewMerge *mscos_review_merge_new               (void);
void              mscos_review_merge_add_review        (MscosReviewMerge  *self,
                                                        MscosReview       *review,
                                                        const char        *source);
gboolean          mscos_review_merge_add_bytes         (MscosReviewMerge  *self,
                                                        GBytes            *bytes,
                                                        const char        *source,
                                                        GError           **error);
MscosReview      *mscos_review_merge_get_review        (MscosReviewMerge  *self);
guint             mscos_review_merge_get_n_sources     (MscosReviewMerge  *self);
guint             mscos_review_merge_get_n_duplicates  (MscosReviewMerge  *self);
guint             mscos_review_merge_get_n_superseded  (MscosReviewMerge  *self);
guint             mscos_review_merge_get_n_conflicts   (MscosReviewMerge  *self);
char             *mscos_review_merge_dup_report        (MscosReviewMerge  *self);
GBytes           *mscos_review_merge_files             (GFile *const      *inputs,
                                                        guint              n_inputs,
                                                        const char        *output_name,
                                                        MscosContentPack  *pack,
                                                        char             **report,
                                                        GCancellable      *cancellable,
                                                        GError           **error);

G_END_DECLS
