/* mscos-review.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-content-pack.h"
#include "mscos-review-comment.h"

G_BEGIN_DECLS

#define MSCOS_REVIEW_ERROR (mscos_review_error_quark ())

typedef enum
{
  /* The file is not a review this app reads; the message lists the problems, one a line, as
   * "PATH: message". */
  MSCOS_REVIEW_ERROR_INVALID,
  /* The file was written by a newer version of the app. */
  MSCOS_REVIEW_ERROR_NEWER_VERSION,
} MscosReviewError;

typedef enum
{
  MSCOS_REVIEW_FORMAT_JSONLD,
  MSCOS_REVIEW_FORMAT_CSV,
  MSCOS_REVIEW_FORMAT_MARKDOWN,
} MscosReviewFormat;

/* The version of the review file format that this app writes and reads. */
#define MSCOS_REVIEW_FORMAT_VERSION 1

#define MSCOS_REVIEW_ANNOTATION_CONTEXT "http://www.w3.org/ns/anno.jsonld"
#define MSCOS_REVIEW_NAMESPACE "tag:mscos.co.uk,2026:review#"

#define MSCOS_TYPE_REVIEW (mscos_review_get_type ())

G_DECLARE_FINAL_TYPE (MscosReview, mscos_review, MSCOS, REVIEW, GObject)

GQuark              mscos_review_error_quark          (void);
gboolean            mscos_review_format_for_filename  (const char          *filename,
                                                       MscosReviewFormat   *format);
MscosReview        *mscos_review_new                  (const char          *pack_id,
                                                       const char          *revision);
MscosReview        *mscos_review_new_for_pack         (MscosContentPack    *pack,
                                                       MscosContentPack    *base);
MscosReview        *mscos_review_new_from_bytes       (GBytes              *bytes,
                                                       GError             **error);
GBytes             *mscos_review_to_bytes             (MscosReview         *self);
GBytes             *mscos_review_export               (MscosReview         *self,
                                                       MscosReviewFormat    format,
                                                       MscosContentPack    *pack);
GPtrArray          *mscos_review_dup_table            (MscosReview         *self,
                                                       MscosContentPack    *pack);
const char         *mscos_review_get_id               (MscosReview         *self);
const char         *mscos_review_get_pack_id          (MscosReview         *self);
const char         *mscos_review_get_revision         (MscosReview         *self);
const char         *mscos_review_get_base_revision    (MscosReview         *self);
void                mscos_review_set_base_revision    (MscosReview         *self,
                                                       const char          *base_revision);
const char         *mscos_review_get_label            (MscosReview         *self);
void                mscos_review_set_label            (MscosReview         *self,
                                                       const char          *label);
void                mscos_review_add                  (MscosReview         *self,
                                                       MscosReviewComment  *comment);
gboolean            mscos_review_remove               (MscosReview         *self,
                                                       const char          *id);
MscosReviewComment *mscos_review_lookup               (MscosReview         *self,
                                                       const char          *id);

G_END_DECLS
