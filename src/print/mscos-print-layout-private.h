/* mscos-print-layout-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "mscos-print-layout.h"
#include "mscos-print-private.h"

G_BEGIN_DECLS

/* What the layout (mscos-print-layout.c, measuring and paginating) and the drawing of pages
 * (mscos-print-draw.c) share. */

/* Lengths closer than this, in points, are the same. */
#define EPSILON 0.01

#define FURNITURE_GREY 0.25
#define RULE_GREY 0.55

/* Where a block may be cut: @y from its top, with @lines of its lines above. The last break
 * of a block is its foot. */
typedef struct
{
  double y;
  guint  lines;
} Break;

typedef struct
{
  double space_before;
  double height;
  guint  first_break;
  guint  n_breaks;
  /* The fewest lines above a cut, and below it. */
  guint  min_lines;
  guint  min_tail;
} Measure;

/* A table's column headings, at the top of each page of its rows. */
#define TABLE_HEADER G_MAXUINT

/* The piece of a block between @from and @to, drawn with its top at @y. */
typedef struct
{
  guint  block;
  double from;
  double to;
  double y;
} Fragment;

typedef struct
{
  guint part;
  guint first_fragment;
  guint n_fragments;
} Page;

/* The titles and headings, for a PDF's outline. */
typedef struct
{
  guint  block;
  guint  page;
  double y;
} Landmark;

/* The text area of a page. */
typedef struct
{
  double width;
  double height;
  double left;
  double top;
  double right;
  double bottom;
} Area;

struct _MscosPrintLayout
{
  GObject               parent_instance;

  MscosPrintDocument   *document;
  MscosPageFormat       format;
  PangoContext         *context;
  PangoFontDescription *fonts[MSCOS_PRINT_N_STYLES];
  PangoFontDescription *furniture_font;
  PangoFontDescription *table_header_font;
  PangoFontDescription *attribution_font;
  /* List labels → their width, as most labels recur. */
  GHashTable           *label_widths;

  GArray               *measures;
  GArray               *breaks;
  GArray               *fragments;
  GArray               *pages;
  GArray               *landmarks;
  /* Of each part that is a table: its column headings' height; else 0. */
  GArray               *table_header_heights;
  double                furniture_height;
  gboolean              paginated;
};

double       mscos_print_layout_style_grey        (MscosPrintStyle             style);
double       mscos_print_layout_text_size         (MscosPrintLayout           *self);
double       mscos_print_layout_block_padding     (MscosPrintLayout           *self,
                                                   MscosPrintStyle             style);
void         mscos_print_layout_get_area          (MscosPrintLayout           *self,
                                                   gboolean                    landscape,
                                                   Area                       *area);
gboolean     mscos_print_layout_is_table_part     (MscosPrintLayout           *self,
                                                   guint                       part);
PangoLayout *mscos_print_layout_create_layout     (MscosPrintLayout           *self,
                                                   const PangoFontDescription *font,
                                                   double                      line_spacing,
                                                   const char                 *text,
                                                   double                      width);
PangoLayout *mscos_print_layout_layout_text_block (MscosPrintLayout           *self,
                                                   const MscosPrintBlock      *block,
                                                   const Area                 *area,
                                                   double                     *x);
PangoLayout *mscos_print_layout_layout_cell       (MscosPrintLayout           *self,
                                                   const MscosPrintTable      *table,
                                                   char * const               *cells,
                                                   guint                       column,
                                                   const Area                 *area,
                                                   double                     *x);

G_END_DECLS
