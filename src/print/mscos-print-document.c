/* mscos-print-document.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-print-document"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-print-private.h"

/* What is to be printed, as a flow of styled blocks of plain text copied from the pack and
 * the library (mscos-print-content.c), so that it can be laid out in another thread while
 * the user goes on reading and writing. Once handed to a layout it does not change. */

struct _MscosPrintDocument
{
  GObject            parent_instance;

  /* Read while blocks are added, never by the layout. */
  MscosContentPack  *pack;
  char              *pack_title;
  char              *pack_revision;
  char              *pack_date;
  char              *language;
  GArray            *blocks;
  GArray            *parts;
};

G_DEFINE_FINAL_TYPE (MscosPrintDocument, mscos_print_document, G_TYPE_OBJECT)

static void
clear_block (gpointer data)
{
  MscosPrintBlock *block = data;

  g_free (block->text);
  g_free (block->label);
  g_strfreev (block->cells);
}

static void
clear_part (gpointer data)
{
  MscosPrintPart *part = data;

  g_free (part->title);
  g_clear_pointer (&part->table, mscos_print_table_unref);
}

static void
mscos_print_document_finalize (GObject *object)
{
  MscosPrintDocument *self = MSCOS_PRINT_DOCUMENT (object);

  g_clear_object (&self->pack);
  g_free (self->pack_title);
  g_free (self->pack_revision);
  g_free (self->pack_date);
  g_free (self->language);
  g_array_unref (self->blocks);
  g_array_unref (self->parts);

  G_OBJECT_CLASS (mscos_print_document_parent_class)->finalize (object);
}

static void
mscos_print_document_class_init (MscosPrintDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mscos_print_document_finalize;
}

static void
mscos_print_document_init (MscosPrintDocument *self)
{
  self->blocks = g_array_new (FALSE, FALSE, sizeof (MscosPrintBlock));
  g_array_set_clear_func (self->blocks, clear_block);
  self->parts = g_array_new (FALSE, FALSE, sizeof (MscosPrintPart));
  g_array_set_clear_func (self->parts, clear_part);
}

/**
 * mscos_print_document_new:
 * @pack: the content pack, whose title, revision and date head every page
 *
 * Returns: (transfer full): an empty document
 */
MscosPrintDocument *
mscos_print_document_new (MscosContentPack *pack)
{
  MscosPrintDocument *self;

  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), NULL);

  self = g_object_new (MSCOS_TYPE_PRINT_DOCUMENT, NULL);
  self->pack = g_object_ref (pack);
  self->pack_title = g_strdup (mscos_content_pack_get_title (pack));
  self->pack_revision = g_strdup (mscos_content_pack_get_revision (pack));
  self->pack_date = g_strdup (mscos_content_pack_get_date (pack));
  self->language = g_strdup (mscos_content_pack_get_language (pack));

  return self;
}

/**
 * mscos_print_document_add_table:
 * @table: the table
 *
 * Adds @table as a part of its own, printed landscape, with the column headings at the top
 * of each of its pages. The table is printed as it is when the document is laid out.
 */
void
mscos_print_document_add_table (MscosPrintDocument *self,
                                MscosPrintTable    *table)
{
  guint n_rows, n_columns;

  g_return_if_fail (MSCOS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (table != NULL);
  g_return_if_fail (mscos_print_table_get_n_columns (table) > 0);

  n_rows = mscos_print_table_get_n_rows (table);
  n_columns = mscos_print_table_get_n_columns (table);

  mscos_print_document_begin_part (self, mscos_print_table_get_title (table), table);
  mscos_print_document_append (self, MSCOS_PRINT_TITLE, 0, mscos_print_table_get_title (table), NULL);

  for (guint row = 0; row < n_rows; row++)
    {
      MscosPrintBlock *block = mscos_print_document_append (self, MSCOS_PRINT_TABLE_ROW, 0, NULL, NULL);

      block->cells = g_new0 (char *, n_columns + 1);
      for (guint column = 0; column < n_columns; column++)
        block->cells[column] = g_strdup (mscos_print_table_get_cell (table, row, column));
    }
}

/**
 * mscos_print_document_get_title:
 *
 * Returns: a title for the whole document, as a PDF's properties show it: the title of its
 *   only part, or else the pack's
 */
const char *
mscos_print_document_get_title (MscosPrintDocument *self)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (self), NULL);

  if (self->parts->len == 1)
    return g_array_index (self->parts, MscosPrintPart, 0).title;

  return self->pack_title;
}

const char *
mscos_print_document_get_pack_title (MscosPrintDocument *self)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (self), NULL);

  return self->pack_title;
}

const char *
mscos_print_document_get_pack_revision (MscosPrintDocument *self)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (self), NULL);

  return self->pack_revision;
}

const char *
mscos_print_document_get_pack_date (MscosPrintDocument *self)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (self), NULL);

  return self->pack_date;
}

guint
mscos_print_document_get_n_parts (MscosPrintDocument *self)
{
  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (self), 0);

  return self->parts->len;
}

/**
 * mscos_print_document_dup_header:
 *
 * Returns: (transfer full): what the right of every page's header says beside the pack's
 *   title: "Revision 2026.1, 28 November 2026"
 */
char *
mscos_print_document_dup_header (MscosPrintDocument *self)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (MSCOS_IS_PRINT_DOCUMENT (self), NULL);

  /* The pack's date is "YYYY-MM-DD", which the loader checked. */
  iso = g_strconcat (self->pack_date, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  /* Translators: a day, "2 December 2026"; see
   * https://docs.gtk.org/glib/method.DateTime.format.html for the codes */
  day = date != NULL ? g_date_time_format (date, C_("date format", "%-d %B %Y"))
                     : g_strdup (self->pack_date);

  /* Translators: in the header of every printed page, "Revision 2026.1, 28 November 2026" */
  return g_strdup_printf (_("Revision %s, %s"), self->pack_revision, day);
}

/* For the content walkers and the layout ------------------------------------------------ */

/*
 * mscos_print_document_begin_part:
 * @title: the part's title, in the footer of its pages
 * @table: (nullable): the table whose rows the part holds
 *
 * Starts a part, which begins a page.
 */
void
mscos_print_document_begin_part (MscosPrintDocument *self,
                                 const char         *title,
                                 MscosPrintTable    *table)
{
  MscosPrintPart part = {
    .title = g_strdup (title),
    .table = table != NULL ? mscos_print_table_ref (table) : NULL,
    .first_block = self->blocks->len,
  };

  g_assert (MSCOS_IS_PRINT_DOCUMENT (self));

  g_array_append_val (self->parts, part);
}

/*
 * mscos_print_document_append:
 *
 * Adds a block at the end of the current part; text and label are copied.
 *
 * Returns: (transfer none): the block, valid until the next one is added
 */
MscosPrintBlock *
mscos_print_document_append (MscosPrintDocument *self,
                             MscosPrintStyle     style,
                             guint               depth,
                             const char         *text,
                             const char         *label)
{
  MscosPrintBlock block = {
    .style = style,
    .depth = depth,
    .text = g_strdup (text),
    .label = g_strdup (label),
  };

  g_assert (MSCOS_IS_PRINT_DOCUMENT (self));
  g_assert (self->parts->len > 0);

  g_array_append_val (self->blocks, block);
  g_array_index (self->parts, MscosPrintPart, self->parts->len - 1).n_blocks++;

  return &g_array_index (self->blocks, MscosPrintBlock, self->blocks->len - 1);
}

const MscosPrintBlock *
mscos_print_document_get_blocks (MscosPrintDocument *self,
                                 guint              *n_blocks)
{
  g_assert (MSCOS_IS_PRINT_DOCUMENT (self));

  *n_blocks = self->blocks->len;

  return (const MscosPrintBlock *) self->blocks->data;
}

const MscosPrintPart *
mscos_print_document_get_parts (MscosPrintDocument *self,
                                guint              *n_parts)
{
  g_assert (MSCOS_IS_PRINT_DOCUMENT (self));

  *n_parts = self->parts->len;

  return (const MscosPrintPart *) self->parts->data;
}

MscosContentPack *
mscos_print_document_get_pack (MscosPrintDocument *self)
{
  g_assert (MSCOS_IS_PRINT_DOCUMENT (self));

  return self->pack;
}

const char *
mscos_print_document_get_language (MscosPrintDocument *self)
{
  g_assert (MSCOS_IS_PRINT_DOCUMENT (self));

  return self->language;
}

/* Names ---------------------------------------------------------------------------------- */

/**
 * mscos_print_outcome_group_name:
 *
 * Returns: the name that printed pages give to an outcome's group, as the outcome page does
 */
const char *
mscos_print_outcome_group_name (MscosOutcomeGroup group)
{
  switch (group)
    {
    case MSCOS_OUTCOME_GROUP_CORE:
      return _("Core outcome");
    case MSCOS_OUTCOME_GROUP_WORKING_WITH_THE_SET:
      return _("Working with the outcome set");
    case MSCOS_OUTCOME_GROUP_RELATED_FRAMEWORK:
      return _("Related framework");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * mscos_print_resource_type_name:
 * @type: (nullable): a resource type as a pack spells it
 *
 * Returns: the type's name for people, as the resource cards show it
 */
const char *
mscos_print_resource_type_name (const char *type)
{
  static const struct {
    const char *type;
    const char *name;
  } names[] = {
    /* Translators: the kinds of resource, all nouns: a report, an organisation, a tool… */
    { "report", N_("Report") },
    { "organisation", N_("Organisation") },
    { "helpline", N_("Helpline") },
    { "programme", N_("Programme") },
    { "podcast", N_("Podcast") },
    { "tool", N_("Tool") },
    { "blog", N_("Blog") },
    { "webinar", N_("Webinar") },
    { "legislation", N_("Legislation") },
    { "guidance", N_("Guidance") },
    { "network", N_("Network") },
    { "article", N_("Article") },
    { "book", N_("Book") },
    { "event", N_("Event") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (type, names[i].type) == 0)
      return _(names[i].name);

  return _("Resource");
}
