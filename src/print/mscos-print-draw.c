/* mscos-print-draw.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-print-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "mscos-print-layout-private.h"

/* Draws the pages that mscos-print-layout.c has cut: the furniture (the pack's title,
 * revision and date at the head, "Page N of M" at the foot), then each fragment of a block
 * or a table row, laid out again from the document's text. */

/* Pieces -------------------------------------------------------------------------------- */

static void
set_grey (cairo_t *cr,
          double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

static void
draw_rule (cairo_t *cr,
           double   x0,
           double   y0,
           double   x1,
           double   y1,
           double   width,
           double   grey)
{
  cairo_save (cr);
  set_grey (cr, grey);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Draws the lines of @layout that lie between @from and @to below @top_offset, with the line
 * at @from at @y. */
static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            double       top_offset,
            double       from,
            double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double top, bottom, baseline;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = top_offset + (double) y0 / PANGO_SCALE;
      bottom = top_offset + (double) y1 / PANGO_SCALE;
      if (top < from - EPSILON)
        continue;
      if (bottom > to + EPSILON)
        break;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = top_offset + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + baseline - from);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* Escapes a string for the attributes of a cairo tag. */
static char *
dup_tag_string (const char *text)
{
  GString *result = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (result, '\\');
      g_string_append_c (result, *p);
    }

  return g_string_free (result, FALSE);
}

static void
draw_text_fragment (MscosPrintLayout      *self,
                    cairo_t               *cr,
                    const MscosPrintBlock *block,
                    const Fragment        *fragment,
                    const Area            *area)
{
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *link = NULL;
  double pad = mscos_print_layout_block_padding (self, block->style);
  double height = fragment->to - fragment->from;
  double size = mscos_print_layout_text_size (self);
  double x;

  layout = mscos_print_layout_layout_text_block (self, block, area, &x);

  if (block->style == MSCOS_PRINT_QUOTE)
    draw_rule (cr, area->left + 0.55 * size, fragment->y + 0.15 * size,
               area->left + 0.55 * size, fragment->y + height - 0.15 * size, 1.5, RULE_GREY);

  if (block->style == MSCOS_PRINT_NOTE)
    {
      cairo_save (cr);
      set_grey (cr, RULE_GREY);
      cairo_set_line_width (cr, 0.6);
      cairo_rectangle (cr, area->left, fragment->y, area->right - area->left, height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* A link's address takes the reader there in a PDF. */
  if (block->style == MSCOS_PRINT_LINK)
    {
      g_autofree char *uri = dup_tag_string (block->label);

      link = g_strdup_printf ("uri='%s'", uri);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
    }

  set_grey (cr, mscos_print_layout_style_grey (block->style));
  draw_lines (cr, layout, x, fragment->y, pad, fragment->from, fragment->to);

  if (link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

static void
draw_row_fragment (MscosPrintLayout      *self,
                   cairo_t               *cr,
                   const MscosPrintPart  *part,
                   char * const          *cells,
                   const Fragment        *fragment,
                   const Area            *area)
{
  guint n_columns = mscos_print_table_get_n_columns (part->table);
  double pad = mscos_print_layout_block_padding (self, MSCOS_PRINT_TABLE_ROW);
  double height = fragment->to - fragment->from;
  double width = area->right - area->left;
  double left = area->left;

  if (cells == NULL)
    {
      cairo_save (cr);
      set_grey (cr, 0.9);
      cairo_rectangle (cr, area->left, fragment->y, width, height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  set_grey (cr, 0);
  for (guint column = 0; column < n_columns; column++)
    {
      g_autoptr (PangoLayout) layout = NULL;
      double x;

      layout = mscos_print_layout_layout_cell (self, part->table, cells, column, area, &x);
      set_grey (cr, 0);
      draw_lines (cr, layout, x, fragment->y, pad, fragment->from, fragment->to);
    }

  /* The grid. */
  cairo_save (cr);
  set_grey (cr, RULE_GREY);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, area->left, fragment->y, width, height);
  for (guint column = 0; column + 1 < n_columns; column++)
    {
      left += width * mscos_print_table_get_column_share (part->table, column);
      cairo_move_to (cr, left, fragment->y);
      cairo_line_to (cr, left, fragment->y + height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_furniture (MscosPrintLayout *self,
                cairo_t          *cr,
                guint             page_number,
                const Area       *area)
{
  const MscosPrintPart *parts;
  const Page *page = &g_array_index (self->pages, Page, page_number);
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) edition = NULL;
  g_autoptr (PangoLayout) part_title = NULL;
  g_autoptr (PangoLayout) number = NULL;
  g_autofree char *edition_text = NULL;
  g_autofree char *number_text = NULL;
  double width = area->right - area->left;
  double top = self->format.margin_top;
  double foot;
  int edition_width, number_width, line_height;
  guint n_parts;

  parts = mscos_print_document_get_parts (self->document, &n_parts);

  /* The pack's title at the left, its revision and date at the right, over a rule. */
  edition_text = mscos_print_document_dup_header (self->document);
  edition = mscos_print_layout_create_layout (self, self->furniture_font, 1, edition_text, width);
  pango_layout_get_size (edition, &edition_width, &line_height);
  title = mscos_print_layout_create_layout (self, self->furniture_font, 1,
                         mscos_print_document_get_pack_title (self->document),
                         width - (double) edition_width / PANGO_SCALE - mscos_print_layout_text_size (self));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);

  set_grey (cr, FURNITURE_GREY);
  cairo_move_to (cr, area->left, top);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, area->right - (double) edition_width / PANGO_SCALE, top);
  pango_cairo_show_layout (cr, edition);
  draw_rule (cr, area->left, top + (double) line_height / PANGO_SCALE + 0.45 * mscos_print_layout_text_size (self),
             area->right, top + (double) line_height / PANGO_SCALE + 0.45 * mscos_print_layout_text_size (self),
             0.5, RULE_GREY);

  /* The part's title at the left, the page's number at the right. */
  /* Translators: at the foot of every printed page */
  number_text = g_strdup_printf (_("Page %u of %u"), page_number + 1, self->pages->len);
  number = mscos_print_layout_create_layout (self, self->furniture_font, 1, number_text, width);
  pango_layout_get_size (number, &number_width, NULL);
  part_title = mscos_print_layout_create_layout (self, self->furniture_font, 1, parts[page->part].title,
                              width - (double) number_width / PANGO_SCALE - 2 * mscos_print_layout_text_size (self));
  pango_layout_set_ellipsize (part_title, PANGO_ELLIPSIZE_END);

  foot = area->height - self->format.margin_bottom - (double) line_height / PANGO_SCALE;
  set_grey (cr, FURNITURE_GREY);
  cairo_move_to (cr, area->left, foot);
  pango_cairo_show_layout (cr, part_title);
  cairo_move_to (cr, area->right - (double) number_width / PANGO_SCALE, foot);
  pango_cairo_show_layout (cr, number);
}

/* Pages ----------------------------------------------------------------------------------- */

/**
 * mscos_print_layout_draw_page:
 * @cr: a cairo context in points, with the page's top left corner at its origin
 * @page: the page's index, from 0
 *
 * Draws @page: the header, the text, and the footer with the page's number. Nothing is
 * painted under the text: the paper is white, the text black.
 */
void
mscos_print_layout_draw_page (MscosPrintLayout *self,
                              cairo_t          *cr,
                              guint             page_number)
{
  const MscosPrintBlock *blocks;
  const MscosPrintPart *parts;
  const Page *page;
  guint n_blocks, n_parts;
  Area area;

  g_return_if_fail (MSCOS_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_number < mscos_print_layout_get_n_pages (self));

  blocks = mscos_print_document_get_blocks (self->document, &n_blocks);
  parts = mscos_print_document_get_parts (self->document, &n_parts);
  page = &g_array_index (self->pages, Page, page_number);
  mscos_print_layout_get_area (self, mscos_print_layout_is_table_part (self, page->part), &area);

  cairo_save (cr);
  draw_furniture (self, cr, page_number, &area);

  for (guint i = page->first_fragment; i < page->first_fragment + page->n_fragments; i++)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, i);

      if (fragment->block == TABLE_HEADER)
        draw_row_fragment (self, cr, &parts[page->part], NULL, fragment, &area);
      else if (blocks[fragment->block].style == MSCOS_PRINT_TABLE_ROW)
        draw_row_fragment (self, cr, &parts[page->part], blocks[fragment->block].cells, fragment, &area);
      else
        draw_text_fragment (self, cr, &blocks[fragment->block], fragment, &area);
    }

  cairo_restore (cr);
}

