/* mscos-print-layout.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-print-layout"

/* For nl_langinfo (_NL_PAPER_WIDTH). */
#define _GNU_SOURCE

#include "config.h"

#include <langinfo.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "mscos-print-layout-private.h"

/* Lays a print document out for paper and draws its pages, with Pango and Cairo only, so it
 * runs the same in the print dialog, in a thread writing a PDF and on a command line without
 * a display.
 *
 * Each block is measured once: its layout's lines give the places where it may be cut
 * between pages. Paginating places the blocks down the pages, keeping headings with what
 * follows them and at least two lines of a paragraph on each side of a cut; only where each
 * block's pieces go is kept, and drawing a page lays out again the few blocks on it. That
 * costs about one more layout of the text; keeping every layout instead held some 800 MB for
 * an outcome of 10,000 items (tests/perf/bench-print). Units are points throughout. */

#define MM (72.0 / 25.4)
/* The fewest lines of a block left at the foot of a page or carried to the next. */
#define MIN_LINES 2
/* How many blocks that keep with the next one are held together at most. */
#define MAX_KEEP_CHAIN 8
/* Blocks paginated between checks of the cancellable. */
#define CANCEL_CHECK_INTERVAL 256

typedef struct
{
  const char  *family;
  PangoStyle   slant;
  PangoWeight  weight;
  /* Sizes and spaces as multiples of the body text size. */
  double       size;
  double       space_before;
  /* Of the font's height, from one baseline to the next. */
  double       line_spacing;
  /* Of the text: 0 is black. */
  double       grey;
  /* Whether the block stays on the page of the block after it: headings and captions. */
  gboolean     keep_with_next;
  /* Inside the block, above and below its text (notes and table rows are boxed). */
  double       padding;
  /* Below the block, where the next block has less above it. */
  double       space_after;
} StyleSpec;

static const StyleSpec styles[MSCOS_PRINT_N_STYLES] = {
  [MSCOS_PRINT_KICKER] =        { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_SEMIBOLD, 0.8,  1.5,  1.15, 0.25, TRUE,  0,    0 },
  [MSCOS_PRINT_TITLE] =         { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD,     2.0,  0.3,  1.1,  0,    TRUE,  0,    0 },
  [MSCOS_PRINT_SUMMARY] =       { "Serif", PANGO_STYLE_ITALIC, PANGO_WEIGHT_NORMAL,   1.2,  0.7,  1.25, 0,    FALSE, 0,    0 },
  [MSCOS_PRINT_HEADING] =       { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD,     1.45, 2.0,  1.1,  0,    TRUE,  0,    0 },
  [MSCOS_PRINT_SUBHEADING] =    { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD,     1.15, 1.4,  1.15, 0,    TRUE,  0,    0 },
  [MSCOS_PRINT_MINOR_HEADING] = { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD,     1.0,  1.0,  1.15, 0,    TRUE,  0,    0 },
  [MSCOS_PRINT_CAPTION] =       { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,   0.9,  0.25, 1.15, 0.25, TRUE,  0,    0 },
  [MSCOS_PRINT_PARAGRAPH] =     { "Serif", PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,   1.0,  0.6,  1.3,  0,    FALSE, 0,    0 },
  [MSCOS_PRINT_LIST_ENTRY] =    { "Serif", PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,   1.0,  0.35, 1.3,  0,    FALSE, 0,    0 },
  [MSCOS_PRINT_QUOTE] =         { "Serif", PANGO_STYLE_ITALIC, PANGO_WEIGHT_NORMAL,   1.0,  0.9,  1.3,  0,    FALSE, 0,    0.9 },
  [MSCOS_PRINT_LINK] =          { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,   0.9,  0.5,  1.2,  0,    FALSE, 0,    0 },
  [MSCOS_PRINT_PHONE] =         { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,   0.9,  0.5,  1.2,  0,    FALSE, 0,    0 },
  [MSCOS_PRINT_MARK] =          { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD,     0.85, 0.6,  1.15, 0,    TRUE,  0,    0 },
  [MSCOS_PRINT_NOTE] =          { "Serif", PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,   1.0,  0.3,  1.3,  0,    FALSE, 0.5,  0.7 },
  [MSCOS_PRINT_TABLE_ROW] =     { "Sans",  PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,   0.8,  0,    1.15, 0,    FALSE, 0.35, 0 },
};

double
mscos_print_layout_style_grey (MscosPrintStyle style)
{
  return styles[style].grey;
}

/* The header and footer of every page. */
#define FURNITURE_SIZE 0.8
G_DEFINE_FINAL_TYPE (MscosPrintLayout, mscos_print_layout, G_TYPE_OBJECT)

/* Paper --------------------------------------------------------------------------------- */

static gboolean
locale_uses_letter (void)
{
#ifdef __GLIBC__
  /* glibc answers with a number in place of the string. */
  union { char *string; guint word; } width, height;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  height.string = nl_langinfo (_NL_PAPER_HEIGHT);

  return width.word == 216 && height.word == 279;
#else
  return FALSE;
#endif
}

/**
 * mscos_page_format_init:
 * @format: (out caller-allocates): the format to fill
 * @paper: the paper
 *
 * Fills @format for @paper upright, with margins of 20 mm at the sides and 15 mm at the top and
 * the foot, and body text of %MSCOS_PRINT_TEXT_SIZE points.
 */
void
mscos_page_format_init (MscosPageFormat *format,
                        MscosPaper       paper)
{
  g_return_if_fail (format != NULL);

  if (paper == MSCOS_PAPER_DEFAULT)
    paper = locale_uses_letter () ? MSCOS_PAPER_LETTER : MSCOS_PAPER_A4;

  if (paper == MSCOS_PAPER_LETTER)
    {
      format->width = 8.5 * 72;
      format->height = 11 * 72;
    }
  else
    {
      format->width = 210 * MM;
      format->height = 297 * MM;
    }

  format->margin_left = format->margin_right = 20 * MM;
  format->margin_top = format->margin_bottom = 15 * MM;
  format->text_size = MSCOS_PRINT_TEXT_SIZE;
}

/**
 * mscos_print_context_prepare:
 * @context: a Pango context for a cairo surface of paper
 *
 * Makes @context lay text out the same at any scale: unhinted metrics, glyphs placed where
 * they fall. The print dialog's context and the PDF writer's are both prepared so.
 */
void
mscos_print_context_prepare (PangoContext *context)
{
  cairo_font_options_t *options;

  g_return_if_fail (PANGO_IS_CONTEXT (context));

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_context_set_round_glyph_positions (context, FALSE);
}

/* Helpers -------------------------------------------------------------------------------- */

gboolean
mscos_print_layout_is_table_part (MscosPrintLayout *self,
                                  guint             part)
{
  return g_array_index (self->table_header_heights, double, part) > 0;
}

void
mscos_print_layout_get_area (MscosPrintLayout *self,
                             gboolean          landscape,
                             Area             *area)
{
  const MscosPageFormat *format = &self->format;
  gboolean upright = format->height >= format->width;

  if (landscape && upright)
    {
      area->width = format->height;
      area->height = format->width;
    }
  else
    {
      area->width = format->width;
      area->height = format->height;
    }

  area->left = format->margin_left;
  area->right = area->width - format->margin_right;
  area->top = format->margin_top + self->furniture_height;
  area->bottom = area->height - format->margin_bottom - self->furniture_height;
}

double
mscos_print_layout_text_size (MscosPrintLayout *self)
{
  return self->format.text_size;
}

static PangoFontDescription *
make_font (const char  *family,
           PangoStyle   slant,
           PangoWeight  weight,
           double       size)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, family);
  pango_font_description_set_style (font, slant);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_size (font, pango_units_from_double (size));

  return font;
}

PangoLayout *
mscos_print_layout_create_layout (MscosPrintLayout           *self,
                                  const PangoFontDescription *font,
                                  double                      line_spacing,
                                  const char                 *text,
                                  double                      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  /* A word longer than the line, such as an address, is cut anywhere rather than run off the
   * page; and no hyphen is added where it is cut, which would read as part of an address. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, line_spacing);
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
get_label_width (MscosPrintLayout *self,
                 const char       *label)
{
  gpointer cached;
  g_autoptr (PangoLayout) layout = NULL;
  int width;

  if (g_hash_table_lookup_extended (self->label_widths, label, NULL, &cached))
    return *(double *) cached;

  layout = mscos_print_layout_create_layout (self, self->fonts[MSCOS_PRINT_LIST_ENTRY], 1, label, 1);
  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &width, NULL);
  g_hash_table_insert (self->label_widths, g_strdup (label),
                       g_memdup2 (&(double) { (double) width / PANGO_SCALE }, sizeof (double)));

  return (double) width / PANGO_SCALE;
}

/* Space inside a block above and below its text. */
double
mscos_print_layout_block_padding (MscosPrintLayout *self,
                                  MscosPrintStyle   style)
{
  return styles[style].padding * mscos_print_layout_text_size (self);
}

/* Space below a block, where the next block has less above it. */
static double
space_after (MscosPrintLayout *self,
             MscosPrintStyle   style)
{
  return styles[style].space_after * mscos_print_layout_text_size (self);
}

/* Replaces line breaks by line separators, which keep a hanging indent. */
static char *
dup_one_paragraph (const char *text)
{
  GString *result;

  if (strchr (text, '\n') == NULL)
    return g_strdup (text);

  result = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (result, "\xe2\x80\xa8");
      else
        g_string_append_c (result, *p);
    }

  return g_string_free (result, FALSE);
}

static void
add_font_attribute (PangoLayout                *layout,
                    const PangoFontDescription *font,
                    guint                       start,
                    guint                       end)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  PangoAttribute *attr = pango_attr_font_desc_new (font);

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  /* The layout caches what it laid out with the attributes it had. */
  pango_layout_context_changed (layout);
}

/*
 * Lays a block of text out for @area; @x is where its lines start.
 */
PangoLayout *
mscos_print_layout_layout_text_block (MscosPrintLayout      *self,
                                      const MscosPrintBlock *block,
                                      const Area            *area,
                                      double                *x)
{
  const StyleSpec *spec = &styles[block->style];
  const PangoFontDescription *font = self->fonts[block->style];
  double width = area->right - area->left;
  double size = mscos_print_layout_text_size (self);
  PangoLayout *layout;

  *x = area->left;

  switch (block->style)
    {
    case MSCOS_PRINT_LIST_ENTRY:
      {
        /* The label hangs in a gutter left of the text, which runs on under itself. */
        double indent = block->depth * 1.8 * size;
        double gutter = MAX (1.8 * size, get_label_width (self, block->label) + 0.5 * size);
        g_autofree char *body = dup_one_paragraph (block->text != NULL ? block->text : "");
        g_autofree char *text = g_strconcat (block->label, "\t", body, NULL);
        PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                                  pango_units_from_double (gutter));

        *x += indent;
        layout = mscos_print_layout_create_layout (self, font, spec->line_spacing, text, width - indent);
        pango_layout_set_tabs (layout, tabs);
        pango_layout_set_indent (layout, -pango_units_from_double (gutter));
        pango_tab_array_free (tabs);
      }
      break;

    case MSCOS_PRINT_QUOTE:
      {
        /* Set apart from the text around it, with the attribution under the words. */
        g_autofree char *text = NULL;
        double inset = 1.6 * size;

        *x += inset;
        if (block->label != NULL)
          text = g_strconcat (block->text, "\n", block->label, NULL);

        layout = mscos_print_layout_create_layout (self, font, spec->line_spacing, text != NULL ? text : block->text,
                                width - 2 * inset);
        if (text != NULL)
          add_font_attribute (layout, self->attribution_font, strlen (block->text) + 1,
                              strlen (text));
      }
      break;

    case MSCOS_PRINT_LINK:
    case MSCOS_PRINT_PHONE:
      {
        /* What the link is, then its address on a line of its own; a number likewise. */
        g_autofree char *text = NULL;
        const char *uri = block->label;

        if (block->text != NULL && g_strcmp0 (block->text, uri) != 0)
          text = g_strconcat (block->text, "\n", uri, NULL);

        layout = mscos_print_layout_create_layout (self, font, spec->line_spacing, text != NULL ? text : uri, width);
        if (text != NULL)
          add_font_attribute (layout, self->fonts[MSCOS_PRINT_CAPTION], strlen (block->text) + 1,
                              strlen (text));
      }
      break;

    case MSCOS_PRINT_NOTE:
      {
        double inset = 0.7 * size;

        *x += inset;
        layout = mscos_print_layout_create_layout (self, font, spec->line_spacing, block->text, width - 2 * inset);
      }
      break;

    case MSCOS_PRINT_CAPTION:
      {
        /* Under a list entry, a caption lines up with its text. */
        double indent = block->depth * 1.8 * size;

        *x += indent;
        layout = mscos_print_layout_create_layout (self, font, spec->line_spacing, block->text, width - indent);
      }
      break;

    case MSCOS_PRINT_KICKER:
    case MSCOS_PRINT_TITLE:
    case MSCOS_PRINT_SUMMARY:
    case MSCOS_PRINT_HEADING:
    case MSCOS_PRINT_SUBHEADING:
    case MSCOS_PRINT_MINOR_HEADING:
    case MSCOS_PRINT_PARAGRAPH:
    case MSCOS_PRINT_MARK:
      layout = mscos_print_layout_create_layout (self, font, spec->line_spacing, block->text, width);
      break;

    case MSCOS_PRINT_TABLE_ROW:
    case MSCOS_PRINT_N_STYLES:
    default:
      g_assert_not_reached ();
    }

  return layout;
}

/* A table's cells, or its column headings when @cells is NULL. */
PangoLayout *
mscos_print_layout_layout_cell (MscosPrintLayout      *self,
                                const MscosPrintTable *table,
                                char * const          *cells,
                                guint                  column,
                                const Area            *area,
                                double                *x)
{
  double width = area->right - area->left;
  double pad = mscos_print_layout_block_padding (self, MSCOS_PRINT_TABLE_ROW);
  double left = area->left;
  double share = mscos_print_table_get_column_share (table, column);

  for (guint i = 0; i < column; i++)
    left += width * mscos_print_table_get_column_share (table, i);

  *x = left + pad;

  return mscos_print_layout_create_layout (self,
                        cells != NULL ? self->fonts[MSCOS_PRINT_TABLE_ROW] : self->table_header_font,
                        styles[MSCOS_PRINT_TABLE_ROW].line_spacing,
                        cells != NULL ? cells[column] : mscos_print_table_get_column_title (table, column),
                        width * share - 2 * pad);
}

/* Measuring ------------------------------------------------------------------------------ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
add_break (MscosPrintLayout *self,
           Measure          *measure,
           double            y,
           guint             lines)
{
  Break b = { y, lines };

  g_array_append_val (self->breaks, b);
  measure->n_breaks++;
}

static void
measure_text_block (MscosPrintLayout      *self,
                    const MscosPrintBlock *block,
                    const Area            *area,
                    Measure               *measure)
{
  g_autoptr (PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  double pad = mscos_print_layout_block_padding (self, block->style);
  double x;
  guint lines = 0;
  int y0, y1 = 0;

  layout = mscos_print_layout_layout_text_block (self, block, area, &x);
  iter = pango_layout_get_iter (layout);
  do
    {
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      add_break (self, measure, pad + (double) y1 / PANGO_SCALE, ++lines);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  measure->height = pad + (double) y1 / PANGO_SCALE + pad;
  g_array_index (self->breaks, Break, self->breaks->len - 1).y = measure->height;
  measure->min_lines = MIN_LINES;
  /* An attribution is not a line of the quotation: two of its lines go with it. */
  measure->min_tail = block->style == MSCOS_PRINT_QUOTE && block->label != NULL ? MIN_LINES + 1 : MIN_LINES;
  /* A link is cut only if it is longer than a page. */
  if (block->style == MSCOS_PRINT_LINK || block->style == MSCOS_PRINT_PHONE)
    measure->min_lines = measure->min_tail = lines;
}

/* A row is cut only where no cell has a line across the cut. */
static void
measure_row (MscosPrintLayout      *self,
             const MscosPrintTable *table,
             char * const          *cells,
             const Area            *area,
             Measure               *measure)
{
  guint n_columns = mscos_print_table_get_n_columns (table);
  double pad = mscos_print_layout_block_padding (self, MSCOS_PRINT_TABLE_ROW);
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  g_autoptr (GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  double height = 0;
  guint n = 0;

  for (guint column = 0; column < n_columns; column++)
    {
      g_autoptr (PangoLayout) layout = NULL;
      PangoLayoutIter *iter;
      double x;

      layout = mscos_print_layout_layout_cell (self, table, cells, column, area, &x);
      iter = pango_layout_get_iter (layout);
      do
        {
          int y0, y1;
          double line[2];

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          line[0] = pad + (double) y0 / PANGO_SCALE;
          line[1] = pad + (double) y1 / PANGO_SCALE;
          g_array_append_val (lines, line);
          g_array_append_val (bottoms, line[1]);
          height = MAX (height, line[1]);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  g_array_sort (bottoms, compare_doubles);
  height += pad;

  /* The bottoms of lines, in order, where no other line is cut. */
  for (guint i = 0; i < bottoms->len; i++)
    {
      double y = g_array_index (bottoms, double, i);
      gboolean clear = TRUE;

      for (guint j = 0; j < lines->len && clear; j++)
        {
          double *line = &g_array_index (lines, double, j * 2);

          if (line[0] < y - EPSILON && line[1] > y + EPSILON)
            clear = FALSE;
        }

      if (clear && y < height - EPSILON)
        add_break (self, measure, y, ++n);
    }

  add_break (self, measure, height, ++n);
  measure->height = height;
  /* A row is cut only if it is longer than a page. */
  measure->min_lines = measure->min_tail = n;
}

static void
measure_part (MscosPrintLayout     *self,
              const MscosPrintPart *part,
              const Area           *area)
{
  const MscosPrintBlock *blocks;
  guint n_blocks;

  blocks = mscos_print_document_get_blocks (self->document, &n_blocks);

  for (guint i = part->first_block; i < part->first_block + part->n_blocks; i++)
    {
      const MscosPrintBlock *block = &blocks[i];
      Measure *measure = &g_array_index (self->measures, Measure, i);

      measure->first_break = self->breaks->len;
      measure->n_breaks = 0;
      measure->space_before = styles[block->style].space_before * mscos_print_layout_text_size (self);
      if (i > part->first_block && blocks[i - 1].style == MSCOS_PRINT_KICKER)
        /* A kicker belongs to the title under it. */
        measure->space_before = 0.15 * mscos_print_layout_text_size (self);
      else if (i > part->first_block)
        measure->space_before = MAX (measure->space_before, space_after (self, blocks[i - 1].style));

      if (block->style == MSCOS_PRINT_TABLE_ROW)
        measure_row (self, part->table, block->cells, area, measure);
      else
        measure_text_block (self, block, area, measure);
    }
}

static double
measure_table_header (MscosPrintLayout     *self,
                      const MscosPrintPart *part,
                      const Area           *area)
{
  guint n_columns = mscos_print_table_get_n_columns (part->table);
  double pad = mscos_print_layout_block_padding (self, MSCOS_PRINT_TABLE_ROW);
  double height = 0;

  for (guint column = 0; column < n_columns; column++)
    {
      g_autoptr (PangoLayout) layout = NULL;
      int cell_height;
      double x;

      layout = mscos_print_layout_layout_cell (self, part->table, NULL, column, area, &x);
      pango_layout_get_size (layout, NULL, &cell_height);
      height = MAX (height, (double) cell_height / PANGO_SCALE);
    }

  return height + 2 * pad;
}

/* Paginating ----------------------------------------------------------------------------- */

static const Break *
get_break (MscosPrintLayout *self,
           const Measure    *measure,
           guint             index)
{
  return &g_array_index (self->breaks, Break, measure->first_break + index);
}

/* The height of the block's first piece that may end a page: all of it, or down to its first
 * allowed cut. */
static double
first_piece_height (MscosPrintLayout *self,
                    const Measure    *measure)
{
  guint total = get_break (self, measure, measure->n_breaks - 1)->lines;

  for (guint i = 0; i + 1 < measure->n_breaks; i++)
    {
      const Break *b = get_break (self, measure, i);

      if (b->lines >= measure->min_lines && total - b->lines >= measure->min_tail)
        return b->y;
    }

  return measure->height;
}

/* How much room block @index needs at the foot of a page: a heading needs room for itself and
 * the start of what follows it. */
static double
needed_height (MscosPrintLayout *self,
               guint             index,
               guint             end)
{
  const MscosPrintBlock *blocks;
  double height = 0;
  guint n_blocks;
  guint chain = 0;

  blocks = mscos_print_document_get_blocks (self->document, &n_blocks);

  for (guint i = index; i < end; i++)
    {
      const Measure *measure = &g_array_index (self->measures, Measure, i);

      if (i > index)
        height += measure->space_before;

      if (!styles[blocks[i].style].keep_with_next || i + 1 == end || ++chain > MAX_KEEP_CHAIN)
        return height + first_piece_height (self, measure);

      height += measure->height;
    }

  return height;
}

static void
start_page (MscosPrintLayout *self,
            guint             part)
{
  Page page = { part, self->fragments->len, 0 };

  g_array_append_val (self->pages, page);
}

static Page *
current_page (MscosPrintLayout *self)
{
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

static void
add_fragment (MscosPrintLayout *self,
              guint             block,
              double            from,
              double            to,
              double            y)
{
  Fragment fragment = { block, from, to, y };

  g_array_append_val (self->fragments, fragment);
  current_page (self)->n_fragments++;
}

/* The lowest allowed cut of @measure below @from that leaves its piece no taller than @room,
 * or -1. With @strict unset, any cut between lines will do. */
static int
find_cut (MscosPrintLayout *self,
          const Measure    *measure,
          double            from,
          double            room,
          gboolean          strict)
{
  guint total = get_break (self, measure, measure->n_breaks - 1)->lines;
  guint lines_before = 0;
  int found = -1;

  for (guint i = 0; i < measure->n_breaks; i++)
    {
      const Break *b = get_break (self, measure, i);

      if (b->y <= from + EPSILON)
        {
          lines_before = b->lines;
          continue;
        }

      if (b->y - from > room + EPSILON || i + 1 == measure->n_breaks)
        break;

      if (!strict || (b->lines - lines_before >= measure->min_lines
                      && total - b->lines >= measure->min_tail))
        found = i;
    }

  return found;
}

typedef struct
{
  Area   area;
  double y;
  guint  part;
  /* Whether the page has a table's column headings yet. */
  gboolean has_table_header;
} Cursor;

static void
next_page (MscosPrintLayout *self,
           Cursor           *cursor)
{
  start_page (self, cursor->part);
  cursor->y = cursor->area.top;
  cursor->has_table_header = FALSE;
}

static gboolean
at_top (const Cursor *cursor)
{
  return cursor->y <= cursor->area.top + EPSILON;
}

static void
place_block (MscosPrintLayout *self,
             Cursor           *cursor,
             guint             index,
             guint             end)
{
  const MscosPrintBlock *blocks;
  const Measure *measure = &g_array_index (self->measures, Measure, index);
  double header = g_array_index (self->table_header_heights, double, cursor->part);
  gboolean row;
  double from = 0;
  guint n_blocks;

  blocks = mscos_print_document_get_blocks (self->document, &n_blocks);
  row = blocks[index].style == MSCOS_PRINT_TABLE_ROW;

  for (;;)
    {
      double space = at_top (cursor) || from > 0 ? 0 : measure->space_before;
      double heading = row && !cursor->has_table_header ? header : 0;
      double room = cursor->area.bottom - cursor->y - space - heading;
      double needed = from > 0 ? 0 : needed_height (self, index, end);
      int cut;

      /* A heading, and what must stay with it, go to the next page together. */
      if (from == 0 && needed > room + EPSILON && !at_top (cursor)
          && needed <= cursor->area.bottom - cursor->area.top - heading)
        {
          next_page (self, cursor);
          continue;
        }

      if (heading > 0)
        {
          add_fragment (self, TABLE_HEADER, 0, header, cursor->y + space);
          cursor->y += space + header;
          cursor->has_table_header = TRUE;
          space = 0;
        }

      if (measure->height - from <= room + EPSILON)
        {
          add_fragment (self, index, from, measure->height, cursor->y + space);
          cursor->y += space + measure->height - from;
          return;
        }

      cut = find_cut (self, measure, from, room, TRUE);
      if (cut < 0 && !at_top (cursor) && (from > 0 || measure->height <= cursor->area.bottom - cursor->area.top))
        {
          /* Nothing of it fits well here; a block that fits on a page goes whole to the next. */
          if (from > 0 || measure->height - from > cursor->area.bottom - cursor->area.top - heading)
            cut = find_cut (self, measure, from, room, FALSE);
          if (cut < 0)
            {
              next_page (self, cursor);
              continue;
            }
        }
      if (cut < 0)
        cut = find_cut (self, measure, from, room, FALSE);
      if (cut < 0)
        {
          /* Not even one line fits on an empty page: it is cut after its first line. */
          cut = 0;
          while (get_break (self, measure, cut)->y <= from + EPSILON)
            cut++;
        }

      add_fragment (self, index, from, get_break (self, measure, cut)->y, cursor->y + space);
      from = get_break (self, measure, cut)->y;
      next_page (self, cursor);
    }
}

static void
clear_pagination (MscosPrintLayout *self)
{
  g_array_set_size (self->measures, 0);
  g_array_set_size (self->breaks, 0);
  g_array_set_size (self->fragments, 0);
  g_array_set_size (self->pages, 0);
  g_array_set_size (self->landmarks, 0);
  g_array_set_size (self->table_header_heights, 0);
  g_hash_table_remove_all (self->label_widths);
  self->paginated = FALSE;
}

static void
make_fonts (MscosPrintLayout *self)
{
  double size = mscos_print_layout_text_size (self);

  for (guint i = 0; i < MSCOS_PRINT_N_STYLES; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = make_font (styles[i].family, styles[i].slant, styles[i].weight,
                                  styles[i].size * size);
    }

  g_clear_pointer (&self->furniture_font, pango_font_description_free);
  self->furniture_font = make_font ("Sans", PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,
                                    FURNITURE_SIZE * size);
  g_clear_pointer (&self->table_header_font, pango_font_description_free);
  self->table_header_font = make_font ("Sans", PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD,
                                       styles[MSCOS_PRINT_TABLE_ROW].size * size);
  g_clear_pointer (&self->attribution_font, pango_font_description_free);
  self->attribution_font = make_font ("Sans", PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,
                                      0.9 * size);
}

static void
measure_furniture (MscosPrintLayout *self)
{
  g_autoptr (PangoLayout) layout = NULL;
  int height;

  layout = mscos_print_layout_create_layout (self, self->furniture_font, 1, "Page", 1000);
  pango_layout_get_size (layout, NULL, &height);
  self->furniture_height = (double) height / PANGO_SCALE + 1.4 * mscos_print_layout_text_size (self);
}

/* Overrides ------------------------------------------------------------------------------ */

static void
mscos_print_layout_finalize (GObject *object)
{
  MscosPrintLayout *self = MSCOS_PRINT_LAYOUT (object);

  g_clear_object (&self->document);
  g_clear_object (&self->context);
  for (guint i = 0; i < MSCOS_PRINT_N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->furniture_font, pango_font_description_free);
  g_clear_pointer (&self->table_header_font, pango_font_description_free);
  g_clear_pointer (&self->attribution_font, pango_font_description_free);
  g_clear_pointer (&self->label_widths, g_hash_table_unref);
  g_clear_pointer (&self->measures, g_array_unref);
  g_clear_pointer (&self->breaks, g_array_unref);
  g_clear_pointer (&self->fragments, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->landmarks, g_array_unref);
  g_clear_pointer (&self->table_header_heights, g_array_unref);

  G_OBJECT_CLASS (mscos_print_layout_parent_class)->finalize (object);
}

static void
mscos_print_layout_class_init (MscosPrintLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mscos_print_layout_finalize;
}

static void
mscos_print_layout_init (MscosPrintLayout *self)
{
  self->label_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->measures = g_array_new (FALSE, TRUE, sizeof (Measure));
  self->breaks = g_array_new (FALSE, FALSE, sizeof (Break));
  self->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  self->landmarks = g_array_new (FALSE, FALSE, sizeof (Landmark));
  self->table_header_heights = g_array_new (FALSE, TRUE, sizeof (double));
}

/* Public API ----------------------------------------------------------------------------- */

/**
 * mscos_print_layout_new:
 * @document: what to print
 * @format: the paper and margins
 *
 * Returns: (transfer full): a layout of @document, to paginate before drawing
 */
MscosPrintLayout *
mscos_print_layout_new (MscosPrintDocument    *document,
                        const MscosPageFormat *format)
{
  MscosPrintLayout *self;

  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (document), NULL);
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (format->width > format->margin_left + format->margin_right, NULL);
  g_return_val_if_fail (format->height > format->margin_top + format->margin_bottom, NULL);

  self = g_object_new (MSCOS_TYPE_PRINT_LAYOUT, NULL);
  self->document = g_object_ref (document);
  self->format = *format;
  if (self->format.text_size <= 0)
    self->format.text_size = MSCOS_PRINT_TEXT_SIZE;

  return self;
}

/**
 * mscos_print_layout_get_document:
 *
 * Returns: (transfer none): the document laid out
 */
MscosPrintDocument *
mscos_print_layout_get_document (MscosPrintLayout *self)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_LAYOUT (self), NULL);

  return self->document;
}

const MscosPageFormat *
mscos_print_layout_get_format (MscosPrintLayout *self)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_LAYOUT (self), NULL);

  return &self->format;
}

/**
 * mscos_print_layout_paginate:
 * @context: the Pango context of the surface the pages will be drawn on, in points, prepared
 *   with mscos_print_context_prepare(); the layout keeps it to draw with, and sets its language
 *   to the pack's
 * @cancellable: (nullable): a #GCancellable
 * @error: the error, %G_IO_ERROR_CANCELLED
 *
 * Measures the document and cuts it into pages. Each part begins a page; a table's part is
 * landscape.
 *
 * Returns: %TRUE unless cancelled
 */
gboolean
mscos_print_layout_paginate (MscosPrintLayout  *self,
                             PangoContext      *context,
                             GCancellable      *cancellable,
                             GError           **error)
{
  const MscosPrintPart *parts;
  const MscosPrintBlock *blocks;
  guint n_parts, n_blocks;
  guint counter = 0;
  guint first;

  g_return_val_if_fail (MSCOS_IS_PRINT_LAYOUT (self), FALSE);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  clear_pagination (self);
  g_set_object (&self->context, context);
  pango_context_set_language (context,
                              pango_language_from_string (mscos_print_document_get_language (self->document)));
  make_fonts (self);
  measure_furniture (self);

  parts = mscos_print_document_get_parts (self->document, &n_parts);
  blocks = mscos_print_document_get_blocks (self->document, &n_blocks);
  g_array_set_size (self->measures, n_blocks);
  g_array_set_size (self->table_header_heights, n_parts);

  for (guint part = 0; part < n_parts; part++)
    {
      Cursor cursor = { .part = part };
      guint end = parts[part].first_block + parts[part].n_blocks;

      mscos_print_layout_get_area (self, parts[part].table != NULL, &cursor.area);
      if (parts[part].table != NULL)
        g_array_index (self->table_header_heights, double, part) =
          measure_table_header (self, &parts[part], &cursor.area);

      measure_part (self, &parts[part], &cursor.area);
      next_page (self, &cursor);

      for (guint i = parts[part].first_block; i < end; i++)
        {
          if (++counter % CANCEL_CHECK_INTERVAL == 0
              && g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              clear_pagination (self);
              return FALSE;
            }

          first = self->fragments->len;
          place_block (self, &cursor, i, end);

          if (blocks[i].style == MSCOS_PRINT_TITLE || blocks[i].style == MSCOS_PRINT_HEADING)
            {
              Landmark landmark = { i, self->pages->len - 1, 0 };

              /* The page where the heading's first piece went. */
              while (g_array_index (self->pages, Page, landmark.page).first_fragment > first)
                landmark.page--;
              landmark.y = g_array_index (self->fragments, Fragment, first).y;
              g_array_append_val (self->landmarks, landmark);
            }
        }
    }

  self->paginated = TRUE;

  return TRUE;
}

/**
 * mscos_print_layout_get_n_pages:
 *
 * Returns: how many pages the document takes; 0 before it is paginated
 */
guint
mscos_print_layout_get_n_pages (MscosPrintLayout *self)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_LAYOUT (self), 0);

  return self->paginated ? self->pages->len : 0;
}

/**
 * mscos_print_layout_is_landscape:
 *
 * Returns: whether @page is wider than it is tall
 */
gboolean
mscos_print_layout_is_landscape (MscosPrintLayout *self,
                                 guint             page)
{
  double width, height;

  g_return_val_if_fail (MSCOS_IS_PRINT_LAYOUT (self), FALSE);

  mscos_print_layout_get_page_size (self, page, &width, &height);

  return width > height;
}

/**
 * mscos_print_layout_get_page_size:
 * @width: (out): the page's width, in points
 * @height: (out): the page's height, in points
 */
void
mscos_print_layout_get_page_size (MscosPrintLayout *self,
                                  guint             page,
                                  double           *width,
                                  double           *height)
{
  Area area;

  g_return_if_fail (MSCOS_IS_PRINT_LAYOUT (self));
  g_return_if_fail (page < mscos_print_layout_get_n_pages (self));

  mscos_print_layout_get_area (self, mscos_print_layout_is_table_part (self, g_array_index (self->pages, Page, page).part), &area);
  *width = area.width;
  *height = area.height;
}

/**
 * mscos_print_layout_add_outline:
 * @surface: the PDF surface the pages are drawn on, from the first page
 *
 * Adds the titles of the parts and their headings to @surface's outline, which PDF readers
 * show beside the pages.
 */
void
mscos_print_layout_add_outline (MscosPrintLayout *self,
                                cairo_surface_t  *surface)
{
  const MscosPrintBlock *blocks;
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  guint n_blocks;

  g_return_if_fail (MSCOS_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_PDF);

  blocks = mscos_print_document_get_blocks (self->document, &n_blocks);

  for (guint i = 0; i < self->landmarks->len; i++)
    {
      const Landmark *landmark = &g_array_index (self->landmarks, Landmark, i);
      const MscosPrintBlock *block = &blocks[landmark->block];
      g_autofree char *where = NULL;
      g_autofree char *name = g_strdup (block->text);
      int id;

      where = g_strdup_printf ("page=%u pos=[%.2f %.2f]", landmark->page + 1,
                               self->format.margin_left, landmark->y);
      /* Titles are one line in the outline. */
      g_strdelimit (name, "\n", ' ');
      id = cairo_pdf_surface_add_outline (surface,
                                          block->style == MSCOS_PRINT_TITLE ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                          name, where, 0);
      if (block->style == MSCOS_PRINT_TITLE)
        parent = id;
    }
}
