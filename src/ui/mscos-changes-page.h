/* mscos-changes-page.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mscos-review-session.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_CHANGES_PAGE (mscos_changes_page_get_type ())

G_DECLARE_FINAL_TYPE (MscosChangesPage, mscos_changes_page, MSCOS, CHANGES_PAGE, AdwBin)

GtkWidget          *mscos_changes_page_new          (MscosReviewSession *session);
MscosReviewSession *mscos_changes_page_get_session  (MscosChangesPage   *self);
const char         *mscos_change_kind_title         (const char         *kind_name);

G_END_DECLS
