/* mscos-review-quote.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How many characters of the text before and after quoted words a quote keeps. */
#define MSCOS_REVIEW_QUOTE_CONTEXT 32

typedef struct _MscosReviewQuote MscosReviewQuote;

/**
 * MscosReviewQuoteGap:
 * @start: where the run starts in the text shown, in bytes
 * @end: where it ends
 *
 * A run of a text as it is shown that is not of the text quoted: words a revision deleted,
 * shown struck through among the words it has.
 */
typedef struct
{
  gsize start;
  gsize end;
} MscosReviewQuoteGap;

#define MSCOS_TYPE_REVIEW_QUOTE (mscos_review_quote_get_type ())

GType             mscos_review_quote_get_type            (void) G_GNUC_CONST;
MscosReviewQuote *mscos_review_quote_new                 (const char              *exact,
                                                          const char              *prefix,
                                                          const char              *suffix);
MscosReviewQuote *mscos_review_quote_new_from_selection  (const char              *text,
                                                          gsize                    start,
                                                          gsize                    end);
MscosReviewQuote *mscos_review_quote_new_from_shown      (const char              *shown,
                                                          const GArray            *gaps,
                                                          gsize                    start,
                                                          gsize                    end);
MscosReviewQuote *mscos_review_quote_copy                (const MscosReviewQuote  *quote);
void              mscos_review_quote_free                (MscosReviewQuote        *quote);
gboolean          mscos_review_quote_equal               (const MscosReviewQuote  *a,
                                                          const MscosReviewQuote  *b);
const char       *mscos_review_quote_get_exact           (const MscosReviewQuote  *quote);
const char       *mscos_review_quote_get_prefix          (const MscosReviewQuote  *quote);
const char       *mscos_review_quote_get_suffix          (const MscosReviewQuote  *quote);
gboolean          mscos_review_quote_find                (const MscosReviewQuote  *quote,
                                                          const char              *text,
                                                          gsize                   *start,
                                                          gsize                   *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MscosReviewQuote, mscos_review_quote_free)

G_END_DECLS
