/* mscos-print-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-print-document.h"

G_BEGIN_DECLS

/* A printed document is a flow of styled blocks of plain text, cut into parts that each begin
 * a page; the layout (mscos-print-layout.c) gives each style its font and spacing, measures
 * the blocks and cuts the flow into pages. */

typedef enum
{
  /* A short line above a title: the kind of a resource, the website's strapline. */
  MSCOS_PRINT_KICKER,
  /* The title of a part: an outcome, "Bookmarks and notes", a table. */
  MSCOS_PRINT_TITLE,
  MSCOS_PRINT_SUMMARY,
  /* A section of an outcome, or an outcome in the Library. */
  MSCOS_PRINT_HEADING,
  /* An item. */
  MSCOS_PRINT_SUBHEADING,
  /* A group of recommendations, a heading inside text. */
  MSCOS_PRINT_MINOR_HEADING,
  /* Who or where from, under a title. */
  MSCOS_PRINT_CAPTION,
  MSCOS_PRINT_PARAGRAPH,
  /* One entry of a list or one recommendation; the label is its number or mark. */
  MSCOS_PRINT_LIST_ENTRY,
  /* Quoted words, set apart; the label, under them, says who said them. */
  MSCOS_PRINT_QUOTE,
  /* A link: the text is what it is, the label its address, which is always printed. */
  MSCOS_PRINT_LINK,
  /* A telephone number: the text is whose, the label the number. */
  MSCOS_PRINT_PHONE,
  /* What the user did with an item: "Bookmarked", "Changed since…". */
  MSCOS_PRINT_MARK,
  /* The user's own note. */
  MSCOS_PRINT_NOTE,
  /* A row of the part's table: the cells. */
  MSCOS_PRINT_TABLE_ROW,
  MSCOS_PRINT_N_STYLES
} MscosPrintStyle;

typedef struct
{
  MscosPrintStyle   style;
  /* How deep in lists and nested recommendations. */
  guint             depth;
  /* Plain text, never markup; NULL only for a table row and a link without a title. */
  char             *text;
  char             *label;
  /* A table row's cells, as many as the part's table has columns. */
  char            **cells;
} MscosPrintBlock;

typedef struct
{
  char             *title;
  /* For a table: its columns; the part is printed landscape. */
  MscosPrintTable  *table;
  guint             first_block;
  guint             n_blocks;
} MscosPrintPart;

void                    mscos_print_document_begin_part  (MscosPrintDocument  *self,
                                                          const char          *title,
                                                          MscosPrintTable     *table);
MscosPrintBlock        *mscos_print_document_append      (MscosPrintDocument  *self,
                                                          MscosPrintStyle      style,
                                                          guint                depth,
                                                          const char          *text,
                                                          const char          *label);
const MscosPrintBlock  *mscos_print_document_get_blocks  (MscosPrintDocument  *self,
                                                          guint               *n_blocks);
const MscosPrintPart   *mscos_print_document_get_parts   (MscosPrintDocument  *self,
                                                          guint               *n_parts);
MscosContentPack       *mscos_print_document_get_pack    (MscosPrintDocument  *self);
const char             *mscos_print_document_get_language (MscosPrintDocument *self);

G_END_DECLS
