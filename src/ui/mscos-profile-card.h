/* mscos-profile-card.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-item-card.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_PROFILE_CARD (mscos_profile_card_get_type ())

G_DECLARE_FINAL_TYPE (MscosProfileCard, mscos_profile_card, MSCOS, PROFILE_CARD, MscosItemCard)

G_END_DECLS
