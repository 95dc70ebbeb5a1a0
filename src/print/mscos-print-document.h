/* mscos-print-document.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-content-pack.h"
#include "mscos-library.h"
#include "mscos-print-table.h"

G_BEGIN_DECLS

#define MSCOS_TYPE_PRINT_DOCUMENT (mscos_print_document_get_type ())

G_DECLARE_FINAL_TYPE (MscosPrintDocument, mscos_print_document, MSCOS, PRINT_DOCUMENT, GObject)

MscosPrintDocument *mscos_print_document_new                (MscosContentPack   *pack);
void                mscos_print_document_add_outcome        (MscosPrintDocument *self,
                                                             MscosOutcome       *outcome);
void                mscos_print_document_add_library        (MscosPrintDocument *self,
                                                             MscosLibrary       *library);
void                mscos_print_document_add_table          (MscosPrintDocument *self,
                                                             MscosPrintTable    *table);
const char         *mscos_print_document_get_title          (MscosPrintDocument *self);
const char         *mscos_print_document_get_pack_title     (MscosPrintDocument *self);
const char         *mscos_print_document_get_pack_revision  (MscosPrintDocument *self);
const char         *mscos_print_document_get_pack_date      (MscosPrintDocument *self);
guint               mscos_print_document_get_n_parts        (MscosPrintDocument *self);
char               *mscos_print_document_dup_header         (MscosPrintDocument *self);

const char         *mscos_print_outcome_group_name          (MscosOutcomeGroup   group);

G_END_DECLS
