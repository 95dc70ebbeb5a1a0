/* mscos-page-model.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-outcome.h"
#include "mscos-pack-diff.h"
#include "mscos-page-row.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_PAGE_MODEL (mscos_page_model_get_type ())

G_DECLARE_FINAL_TYPE (MscosPageModel, mscos_page_model, MSCOS, PAGE_MODEL, GObject)

MscosPageModel *mscos_page_model_new               (MscosOutcome   *outcome);
MscosOutcome   *mscos_page_model_get_outcome       (MscosPageModel *self);
void            mscos_page_model_set_expanded      (MscosPageModel *self,
                                                    MscosPageRow   *row,
                                                    gboolean        expanded);
void            mscos_page_model_set_all_expanded  (MscosPageModel *self,
                                                    gboolean        expanded);
MscosPageRow   *mscos_page_model_reveal            (MscosPageModel *self,
                                                    MscosItem      *item);
MscosPageRow   *mscos_page_model_reveal_section    (MscosPageModel *self,
                                                    const char     *section_id);
guint           mscos_page_model_get_position      (MscosPageModel *self,
                                                    MscosPageRow   *row);
guint           mscos_page_model_find_control_row  (MscosPageModel *self,
                                                    guint           from,
                                                    gboolean        forward);
void            mscos_page_model_set_highlighted   (MscosPageModel *self,
                                                    MscosPageRow   *row);

MscosPageModel *mscos_page_model_new_for_review    (MscosOutcome   *outcome,
                                                    MscosPackDiff  *diff);
MscosPackDiff  *mscos_page_model_get_diff          (MscosPageModel *self);
MscosPageModel *mscos_page_row_get_model           (MscosPageRow   *row);
gboolean        mscos_page_model_get_only_changes  (MscosPageModel *self);
void            mscos_page_model_set_only_changes  (MscosPageModel *self,
                                                    gboolean        only_changes);

G_END_DECLS
