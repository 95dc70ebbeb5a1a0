/* mscos-review-comment.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-pack-outline.h"
#include "mscos-review-quote.h"

G_BEGIN_DECLS

typedef enum
{
  MSCOS_COMMENT_COMMENT,
  MSCOS_COMMENT_CHANGE_REQUEST,
  MSCOS_COMMENT_QUESTION,
} MscosCommentType;

typedef enum
{
  MSCOS_COMMENT_OPEN,
  MSCOS_COMMENT_ACCEPTED,
  MSCOS_COMMENT_REJECTED,
} MscosCommentStatus;

#define MSCOS_TYPE_COMMENT_TYPE (mscos_comment_type_get_type ())
#define MSCOS_TYPE_COMMENT_STATUS (mscos_comment_status_get_type ())
#define MSCOS_TYPE_REVIEW_COMMENT (mscos_review_comment_get_type ())

GType mscos_comment_type_get_type   (void) G_GNUC_CONST;
GType mscos_comment_status_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (MscosReviewComment, mscos_review_comment, MSCOS, REVIEW_COMMENT, GObject)

const char             *mscos_comment_type_to_string            (MscosCommentType     type);
const char             *mscos_comment_status_to_string          (MscosCommentStatus   status);
MscosReviewComment     *mscos_review_comment_new                (const char          *pack_id,
                                                                 const char          *revision,
                                                                 const char          *item_id,
                                                                 MscosCommentType     type,
                                                                 const char          *text,
                                                                 const char          *reviewer);
MscosReviewComment     *mscos_review_comment_new_for_item       (MscosPackOutline    *outline,
                                                                 const char          *item_id,
                                                                 MscosCommentType     type,
                                                                 const char          *text,
                                                                 const char          *reviewer);
void                    mscos_review_comment_set_place          (MscosReviewComment  *self,
                                                                 const char          *item_path,
                                                                 const char          *item_kind,
                                                                 const char          *outcome_id,
                                                                 const char          *section_id);
gboolean                mscos_review_comment_equal              (MscosReviewComment  *a,
                                                                 MscosReviewComment  *b);
const char             *mscos_review_comment_get_id             (MscosReviewComment  *self);
MscosCommentType        mscos_review_comment_get_comment_type   (MscosReviewComment  *self);
void                    mscos_review_comment_set_comment_type   (MscosReviewComment  *self,
                                                                 MscosCommentType     type);
const char             *mscos_review_comment_get_text           (MscosReviewComment  *self);
void                    mscos_review_comment_set_text           (MscosReviewComment  *self,
                                                                 const char          *text);
const char             *mscos_review_comment_get_language       (MscosReviewComment  *self);
void                    mscos_review_comment_set_language       (MscosReviewComment  *self,
                                                                 const char          *language);
const MscosReviewQuote *mscos_review_comment_get_quote          (MscosReviewComment  *self);
void                    mscos_review_comment_set_quote          (MscosReviewComment  *self,
                                                                 const MscosReviewQuote *quote);
const char             *mscos_review_comment_get_reviewer       (MscosReviewComment  *self);
GDateTime              *mscos_review_comment_get_created        (MscosReviewComment  *self);
GDateTime              *mscos_review_comment_get_modified       (MscosReviewComment  *self);
MscosCommentStatus      mscos_review_comment_get_status         (MscosReviewComment  *self);
void                    mscos_review_comment_set_status         (MscosReviewComment  *self,
                                                                 MscosCommentStatus   status);
const char             *mscos_review_comment_get_response       (MscosReviewComment  *self);
void                    mscos_review_comment_set_response       (MscosReviewComment  *self,
                                                                 const char          *response);
const char             *mscos_review_comment_get_pack_id        (MscosReviewComment  *self);
const char             *mscos_review_comment_get_revision       (MscosReviewComment  *self);
const char             *mscos_review_comment_get_item_id        (MscosReviewComment  *self);
const char             *mscos_review_comment_get_item_path      (MscosReviewComment  *self);
const char             *mscos_review_comment_get_item_kind      (MscosReviewComment  *self);
const char             *mscos_review_comment_get_outcome_id     (MscosReviewComment  *self);
const char             *mscos_review_comment_get_section_id     (MscosReviewComment  *self);

G_END_DECLS
