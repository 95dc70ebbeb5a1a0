/* mscos-recommendation-set.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-item-card.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_RECOMMENDATION_SET (mscos_recommendation_set_get_type ())

G_DECLARE_FINAL_TYPE (MscosRecommendationSet, mscos_recommendation_set, MSCOS, RECOMMENDATION_SET, MscosItemCard)

G_END_DECLS
