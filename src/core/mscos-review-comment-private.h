/* mscos-review-comment-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-review-comment.h"

G_BEGIN_DECLS

/* For reading a review (mscos-review-json.c): every member as the file has it, without
 * touching the modification time. */
struct _MscosReviewComment
{
  GObject             parent_instance;

  char               *id;
  MscosCommentType    type;
  MscosCommentStatus  status;
  char               *text;
  char               *language;
  char               *reviewer;
  char               *response;
  MscosReviewQuote   *quote;
  GDateTime          *created;
  GDateTime          *modified;
  char               *pack_id;
  char               *revision;
  /* NULL for a comment on the pack as a whole */
  char               *item_id;
  char               *item_path;
  char               *item_kind;
  char               *outcome_id;
  char               *section_id;
};

char *mscos_review_comment_dup_normalised  (const char *text,
                                            gboolean    one_line);

G_END_DECLS
