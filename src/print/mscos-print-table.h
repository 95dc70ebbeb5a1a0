/* mscos-print-table.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mscos-review.h"

G_BEGIN_DECLS

/* A table to print: a title, columns with their share of the width, and rows of plain text.
 * The consultation table of a review is printed through it. */
typedef struct _MscosPrintTable MscosPrintTable;

#define MSCOS_TYPE_PRINT_TABLE (mscos_print_table_get_type ())

GType            mscos_print_table_get_type          (void) G_GNUC_CONST;
MscosPrintTable *mscos_print_table_new               (const char              *title);
MscosPrintTable *mscos_print_table_ref               (MscosPrintTable         *self);
void             mscos_print_table_unref             (MscosPrintTable         *self);
void             mscos_print_table_add_column        (MscosPrintTable         *self,
                                                      const char              *title,
                                                      double                   weight);
void             mscos_print_table_add_row           (MscosPrintTable         *self,
                                                      const char * const      *cells);
MscosPrintTable *mscos_print_table_new_for_review    (MscosReview             *review,
                                                      MscosContentPack        *pack);
const char      *mscos_print_table_get_title         (const MscosPrintTable   *self);
guint            mscos_print_table_get_n_columns     (const MscosPrintTable   *self);
const char      *mscos_print_table_get_column_title  (const MscosPrintTable   *self,
                                                      guint                    column);
double           mscos_print_table_get_column_share  (const MscosPrintTable   *self,
                                                      guint                    column);
guint            mscos_print_table_get_n_rows        (const MscosPrintTable   *self);
const char      *mscos_print_table_get_cell          (const MscosPrintTable   *self,
                                                      guint                    row,
                                                      guint                    column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MscosPrintTable, mscos_print_table_unref)

G_END_DECLS
