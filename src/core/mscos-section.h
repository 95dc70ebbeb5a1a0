/* mscos-section.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MSCOS_TYPE_SECTION (mscos_section_get_type ())

G_DECLARE_FINAL_TYPE (MscosSection, mscos_section, MSCOS, SECTION, GObject)

const char *mscos_section_get_id     (MscosSection *self);
const char *mscos_section_get_title  (MscosSection *self);
GPtrArray  *mscos_section_get_intro  (MscosSection *self);
GListModel *mscos_section_get_items  (MscosSection *self);

G_END_DECLS
