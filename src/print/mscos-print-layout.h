/* mscos-print-layout.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "mscos-print-document.h"

G_BEGIN_DECLS

typedef enum
{
  /* The paper of the user's locale (LC_PAPER): US Letter where it is used, else A4. */
  MSCOS_PAPER_DEFAULT,
  MSCOS_PAPER_A4,
  MSCOS_PAPER_LETTER,
} MscosPaper;

/* The size of the paper and where text goes on it, in points (1/72 inch). */
typedef struct
{
  /* Of a page of text; a table's pages are turned the other way when this is upright. */
  double width;
  double height;
  double margin_top;
  double margin_bottom;
  double margin_left;
  double margin_right;
  /* The size of body text, in points; headings and notes are sized from it. */
  double text_size;
} MscosPageFormat;

/* The body text size when none is chosen, in points. */
#define MSCOS_PRINT_TEXT_SIZE 10.0

void                mscos_page_format_init           (MscosPageFormat         *format,
                                                      MscosPaper               paper);

#define MSCOS_TYPE_PRINT_LAYOUT (mscos_print_layout_get_type ())

G_DECLARE_FINAL_TYPE (MscosPrintLayout, mscos_print_layout, MSCOS, PRINT_LAYOUT, GObject)

MscosPrintLayout   *mscos_print_layout_new           (MscosPrintDocument      *document,
                                                      const MscosPageFormat   *format);
MscosPrintDocument *mscos_print_layout_get_document  (MscosPrintLayout        *self);
const MscosPageFormat *mscos_print_layout_get_format (MscosPrintLayout        *self);
gboolean            mscos_print_layout_paginate      (MscosPrintLayout        *self,
                                                      PangoContext            *context,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
guint               mscos_print_layout_get_n_pages   (MscosPrintLayout        *self);
gboolean            mscos_print_layout_is_landscape  (MscosPrintLayout        *self,
                                                      guint                    page);
void                mscos_print_layout_get_page_size (MscosPrintLayout        *self,
                                                      guint                    page,
                                                      double                  *width,
                                                      double                  *height);
void                mscos_print_layout_draw_page     (MscosPrintLayout        *self,
                                                      cairo_t                 *cr,
                                                      guint                    page);
void                mscos_print_layout_add_outline   (MscosPrintLayout        *self,
                                                      cairo_surface_t         *surface);

void                mscos_print_context_prepare      (PangoContext            *context);

G_END_DECLS
