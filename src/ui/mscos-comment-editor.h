/* mscos-comment-editor.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mscos-review-session.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_COMMENT_EDITOR (mscos_comment_editor_get_type ())

G_DECLARE_FINAL_TYPE (MscosCommentEditor, mscos_comment_editor, MSCOS, COMMENT_EDITOR, AdwDialog)

AdwDialog *mscos_comment_editor_new  (MscosReviewSession     *session,
                                      GSettings              *settings,
                                      const char             *item_id,
                                      const MscosReviewQuote *quote);
AdwDialog *mscos_comment_editor_new_for_comment (MscosReviewSession *session,
                                                 GSettings          *settings,
                                                 MscosReviewComment *comment);

G_END_DECLS
