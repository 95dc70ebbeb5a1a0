/* mscos-print-table.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-print-table"

#include "config.h"

#include "mscos-print-table.h"

#include <glib/gi18n.h>

typedef struct
{
  char   *title;
  double  weight;
} Column;

struct _MscosPrintTable
{
  gatomicrefcount  ref_count;
  char            *title;
  GArray          *columns;
  /* One GStrv a row, with one string a column. */
  GPtrArray       *rows;
  double           total_weight;
};

G_DEFINE_BOXED_TYPE (MscosPrintTable, mscos_print_table, mscos_print_table_ref,
                     mscos_print_table_unref)

static void
clear_column (gpointer data)
{
  Column *column = data;

  g_free (column->title);
}

/**
 * mscos_print_table_new:
 * @title: what the table is, printed above it
 *
 * Returns: (transfer full): a table with no columns
 */
MscosPrintTable *
mscos_print_table_new (const char *title)
{
  MscosPrintTable *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_new0 (MscosPrintTable, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title);
  self->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_array_set_clear_func (self->columns, clear_column);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return self;
}

/**
 * mscos_print_table_new_for_review:
 * @review: the comments
 * @pack: (nullable): the pack under review, for the titles of outcomes and sections
 *
 * The consultation table of @review, with the columns and rows of its CSV export
 * (mscos_review_dup_table()) but for the JSON path, which is for scripts and would take a
 * column of the page for a line of brackets; the item's id says where each comment is. Each
 * column has a share of the width for what it holds: "recommendation" and a date on one line,
 * the comment and the response most.
 *
 * Returns: (transfer full): the table
 */
MscosPrintTable *
mscos_print_table_new_for_review (MscosReview      *review,
                                  MscosContentPack *pack)
{
  /* In the order of mscos_review_dup_table()'s columns: outcome, section, item id, JSON path
   * (not printed), kind, quoted words, type, comment, reviewer, date, status, response. */
  static const double weights[] = { 1.3, 1.6, 1.6, 0, 2.0, 1.3, 1.2, 3.0, 1.35, 1.6, 1.3, 2.4 };
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *title = NULL;
  MscosPrintTable *self;
  char **header;

  g_return_val_if_fail (MSCOS_IS_REVIEW (review), NULL);

  rows = mscos_review_dup_table (review, pack);
  if (mscos_review_get_label (review) != NULL)
    /* Translators: the heading of a printed consultation table; %s is what the review is of */
    title = g_strdup_printf (_("Consultation table: %s"), mscos_review_get_label (review));
  else
    title = g_strdup (_("Consultation table"));
  self = mscos_print_table_new (title);

  header = g_ptr_array_index (rows, 0);
  g_return_val_if_fail (g_strv_length (header) == G_N_ELEMENTS (weights), self);
  for (guint i = 0; header[i] != NULL; i++)
    if (weights[i] > 0)
      mscos_print_table_add_column (self, header[i], weights[i]);

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      const char *cells[G_N_ELEMENTS (weights) + 1] = { NULL, };
      guint n = 0;

      for (guint j = 0; j < G_N_ELEMENTS (weights); j++)
        if (weights[j] > 0)
          cells[n++] = row[j];
      mscos_print_table_add_row (self, cells);
    }

  return self;
}

MscosPrintTable *
mscos_print_table_ref (MscosPrintTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
mscos_print_table_unref (MscosPrintTable *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->title);
      g_array_unref (self->columns);
      g_ptr_array_unref (self->rows);
      g_free (self);
    }
}

/**
 * mscos_print_table_add_column:
 * @title: the column's heading, repeated at the top of every page
 * @weight: the column's share of the width, relative to the other columns' (> 0)
 *
 * Adds a column. Columns are added before any row.
 */
void
mscos_print_table_add_column (MscosPrintTable *self,
                              const char      *title,
                              double           weight)
{
  Column column;

  g_return_if_fail (self != NULL);
  g_return_if_fail (title != NULL);
  g_return_if_fail (weight > 0);
  g_return_if_fail (self->rows->len == 0);

  column.title = g_strdup (title);
  column.weight = weight;
  g_array_append_val (self->columns, column);
  self->total_weight += weight;
}

/**
 * mscos_print_table_add_row:
 * @cells: (array zero-terminated=1): the text of each column, plain text; fewer than the
 *   columns leave the others empty
 *
 * Adds a row at the end.
 */
void
mscos_print_table_add_row (MscosPrintTable    *self,
                           const char * const *cells)
{
  char **row;
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->columns->len > 0);

  n = g_strv_length ((char **) cells);
  g_return_if_fail (n <= self->columns->len);

  row = g_new0 (char *, self->columns->len + 1);
  for (guint i = 0; i < self->columns->len; i++)
    row[i] = g_strdup (i < n ? cells[i] : "");
  g_ptr_array_add (self->rows, row);
}

const char *
mscos_print_table_get_title (const MscosPrintTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

guint
mscos_print_table_get_n_columns (const MscosPrintTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

const char *
mscos_print_table_get_column_title (const MscosPrintTable *self,
                                    guint                  column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).title;
}

/**
 * mscos_print_table_get_column_share:
 *
 * Returns: the part of the table's width that @column takes, between 0 and 1
 */
double
mscos_print_table_get_column_share (const MscosPrintTable *self,
                                    guint                  column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < self->columns->len, 0);

  return g_array_index (self->columns, Column, column).weight / self->total_weight;
}

guint
mscos_print_table_get_n_rows (const MscosPrintTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

const char *
mscos_print_table_get_cell (const MscosPrintTable *self,
                            guint                  row,
                            guint                  column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return ((char **) g_ptr_array_index (self->rows, row))[column];
}
