/* mscos-review-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-review.h"

G_BEGIN_DECLS

/* MscosReview spans three files: mscos-review.c (the object and its model),
 * mscos-review-json.c (the JSON-LD file) and mscos-review-export.c (CSV and Markdown). */
struct _MscosReview
{
  GObject    parent_instance;

  char      *id;
  /* NULL in a file that names neither, until a comment does */
  char      *pack_id;
  char      *revision;
  char      *base_revision;
  char      *label;
  /* MscosReviewComment, in the order they were added */
  GPtrArray *comments;
  /* id → MscosReviewComment */
  GHashTable *by_id;
};

MscosReview *mscos_review_new_empty         (void);
void         mscos_review_replace           (MscosReview        *self,
                                             MscosReviewComment *old_comment,
                                             MscosReviewComment *new_comment);
GPtrArray   *mscos_review_dup_sorted        (MscosReview        *self);
GBytes      *mscos_review_export_csv        (MscosReview        *self,
                                             MscosContentPack   *pack);
GBytes      *mscos_review_export_markdown   (MscosReview        *self,
                                             MscosContentPack   *pack);

G_END_DECLS
