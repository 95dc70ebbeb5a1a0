/* mscos-review-export.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-review"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mscos-markdown.h"
#include "mscos-review-private.h"

/* The consultation table, as CSV for spreadsheets and as Markdown to read and send. Both
 * list the comments in the order of the pack (by JSON path), then by time. The columns and
 * the protections are in docs/review-format.md. */

/* Outcome and section titles of the pack under review, when the export has it. */
typedef struct
{
  MscosContentPack *pack;
  /* id → title, for outcomes and sections */
  GHashTable       *titles;
} Titles;

static void
titles_init (Titles           *titles,
             MscosReview      *review,
             MscosContentPack *pack)
{
  GListModel *outcomes;

  titles->pack = NULL;
  titles->titles = g_hash_table_new (g_str_hash, g_str_equal);

  /* Titles from another pack would be wrong. */
  if (pack == NULL || g_strcmp0 (mscos_content_pack_get_id (pack), review->pack_id) != 0)
    return;

  titles->pack = pack;
  outcomes = mscos_content_pack_get_outcomes (pack);
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);
      GListModel *sections = mscos_outcome_get_sections (outcome);

      g_hash_table_insert (titles->titles, (gpointer) mscos_outcome_get_id (outcome),
                           (gpointer) mscos_outcome_get_title (outcome));
      for (guint j = 0; j < g_list_model_get_n_items (sections); j++)
        {
          g_autoptr (MscosSection) section = g_list_model_get_item (sections, j);

          if (mscos_section_get_title (section) != NULL)
            g_hash_table_insert (titles->titles, (gpointer) mscos_section_get_id (section),
                                 (gpointer) mscos_section_get_title (section));
        }
    }
}

static void
titles_clear (Titles *titles)
{
  g_clear_pointer (&titles->titles, g_hash_table_unref);
}

/* Returns the title of the outcome or section @id, or @id itself. */
static const char *
titles_lookup (Titles     *titles,
               const char *id)
{
  const char *title;

  if (id == NULL)
    return "";

  title = g_hash_table_lookup (titles->titles, id);

  return title != NULL ? title : id;
}

static const char *
describe_type (MscosCommentType type)
{
  switch (type)
    {
    case MSCOS_COMMENT_COMMENT:
      return C_("review comment type", "Comment");
    case MSCOS_COMMENT_CHANGE_REQUEST:
      return C_("review comment type", "Change request");
    case MSCOS_COMMENT_QUESTION:
      return C_("review comment type", "Question");
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
describe_status (MscosCommentStatus status)
{
  switch (status)
    {
    case MSCOS_COMMENT_OPEN:
      return C_("review comment status", "Open");
    case MSCOS_COMMENT_ACCEPTED:
      return C_("review comment status", "Accepted");
    case MSCOS_COMMENT_REJECTED:
      return C_("review comment status", "Rejected");
    default:
      g_return_val_if_reached ("");
    }
}

/* The date and time a comment was made, in the local time zone, as spreadsheets read it. */
static char *
format_date (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* --- CSV --------------------------------------------------------------------------------- */

/* Appends one field, RFC 4180 style: always quoted, quotes doubled, line breaks kept inside
 * the quotes. A field that starts with a character a spreadsheet would read as the start of a
 * formula (= + - @, a tab or a carriage return: OWASP's list for CSV injection) gets an
 * apostrophe in front, which LibreOffice Calc and Excel show as text and do not run. */
static void
append_field (GString    *csv,
              const char *value,
              gboolean    first)
{
  if (!first)
    g_string_append_c (csv, ',');
  g_string_append_c (csv, '"');

  if (value == NULL)
    value = "";
  if (*value != '\0' && strchr ("=+-@\t\r", *value) != NULL)
    g_string_append_c (csv, '\'');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }

  g_string_append_c (csv, '"');
}

static void
append_row (GString            *csv,
            const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    append_field (csv, fields[i], i == 0);
  g_string_append (csv, "\r\n");
}

/**
 * mscos_review_dup_table:
 * @pack: (nullable): the pack under review, for the titles of outcomes and sections
 *
 * The consultation table as rows of plain text, in the order of the pack, then by time: the
 * column headings first, then one row a comment, each of the same columns as the CSV (see
 * docs/review-format.md), none %NULL. The CSV export and the printed table are made of it.
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
mscos_review_dup_table (MscosReview      *self,
                        MscosContentPack *pack)
{
  g_autoptr (GPtrArray) comments = NULL;
  GPtrArray *rows;
  const char *header[] = {
    _("Outcome"), _("Section"), _("Item id"), _("JSON path"),
    /* Translators: a column heading of the consultation table: the kind of item commented on
     * (quote, resource…) */
    _("Kind"), _("Quoted words"),
    /* Translators: a column heading of the consultation table: the kind of comment (change
     * request, question…) */
    _("Type"), _("Comment"), _("Reviewer"), _("Date"), _("Status"), _("Response"), NULL,
  };
  Titles titles;

  g_return_val_if_fail (MSCOS_IS_REVIEW (self), NULL);
  g_return_val_if_fail (pack == NULL || MSCOS_IS_CONTENT_PACK (pack), NULL);

  comments = mscos_review_dup_sorted (self);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  titles_init (&titles, self, pack);
  g_ptr_array_add (rows, g_strdupv ((char **) header));

  for (guint i = 0; i < comments->len; i++)
    {
      MscosReviewComment *comment = g_ptr_array_index (comments, i);
      const MscosReviewQuote *quote = mscos_review_comment_get_quote (comment);
      g_autofree char *date = format_date (mscos_review_comment_get_created (comment));
      const char *kind = mscos_review_comment_get_item_id (comment) == NULL
                         ? "pack" : mscos_review_comment_get_item_kind (comment);
      const char *row[] = {
        titles_lookup (&titles, mscos_review_comment_get_outcome_id (comment)),
        titles_lookup (&titles, mscos_review_comment_get_section_id (comment)),
        mscos_review_comment_get_item_id (comment),
        mscos_review_comment_get_item_path (comment),
        kind,
        quote != NULL ? mscos_review_quote_get_exact (quote) : NULL,
        describe_type (mscos_review_comment_get_comment_type (comment)),
        mscos_review_comment_get_text (comment),
        mscos_review_comment_get_reviewer (comment),
        date,
        describe_status (mscos_review_comment_get_status (comment)),
        mscos_review_comment_get_response (comment),
        NULL,
      };

      /* An empty field in the middle would end the row early: NULL is written as "". */
      for (guint j = 0; j < G_N_ELEMENTS (row) - 1; j++)
        if (row[j] == NULL)
          row[j] = "";
      g_ptr_array_add (rows, g_strdupv ((char **) row));
    }

  titles_clear (&titles);

  return rows;
}

/* Returns the CSV table: a UTF-8 byte-order mark (which spreadsheets need to take the file
 * as UTF-8), a header row, then one row a comment, each ended with CRLF. */
GBytes *
mscos_review_export_csv (MscosReview      *self,
                         MscosContentPack *pack)
{
  g_autoptr (GPtrArray) rows = mscos_review_dup_table (self, pack);
  GString *csv = g_string_new ("\xef\xbb\xbf");

  for (guint i = 0; i < rows->len; i++)
    append_row (csv, g_ptr_array_index (rows, i));

  return g_string_free_to_bytes (csv);
}

/* --- Markdown ---------------------------------------------------------------------------- */

static char *
dup_item_title (Titles             *titles,
                MscosReviewComment *comment)
{
  const char *id = mscos_review_comment_get_item_id (comment);
  MscosItem *item;

  if (titles->pack == NULL)
    return g_strdup (id);

  item = mscos_content_pack_lookup_item (titles->pack, id);
  if (item != NULL)
    return mscos_item_dup_display_title (item);

  return g_strdup (titles_lookup (titles, id));
}

static void
append_comment (GString            *md,
                MscosReviewComment *comment)
{
  const MscosReviewQuote *quote = mscos_review_comment_get_quote (comment);
  const char *response = mscos_review_comment_get_response (comment);
  g_autofree char *date = format_date (mscos_review_comment_get_created (comment));
  g_autofree char *heading = NULL;

  /* Translators: a review comment's heading: "Change request by Ana Silva, 2026-12-01 10:30 —
   * Open" */
  heading = g_strdup_printf (_("%s by %s, %s — %s"),
                             describe_type (mscos_review_comment_get_comment_type (comment)),
                             mscos_review_comment_get_reviewer (comment), date,
                             describe_status (mscos_review_comment_get_status (comment)));
  g_string_append (md, "#### ");
  mscos_markdown_append_inline (md, heading);
  g_string_append (md, "\n\n");

  if (quote != NULL)
    mscos_markdown_append_block (md, mscos_review_quote_get_exact (quote), "> ");
  if (*mscos_review_comment_get_text (comment) != '\0')
    mscos_markdown_append_block (md, mscos_review_comment_get_text (comment), "");

  if (response != NULL && *response != '\0')
    {
      g_string_append (md, "**");
      mscos_markdown_append_inline (md, _("Response:"));
      g_string_append (md, "**\n\n");
      mscos_markdown_append_block (md, response, "");
    }
}

/* Returns the table as Markdown: a heading, a count of the comments by status, then the
 * comments under a heading for each outcome and each item. Everything from the pack and the
 * reviewers is escaped (mscos-markdown.c). */
GBytes *
mscos_review_export_markdown (MscosReview      *self,
                              MscosContentPack *pack)
{
  g_autoptr (GPtrArray) comments = mscos_review_dup_sorted (self);
  GString *md = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *open_text = NULL;
  g_autofree char *accepted_text = NULL;
  g_autofree char *rejected_text = NULL;
  guint by_status[MSCOS_COMMENT_REJECTED + 1] = { 0 };
  guint n_open, n_accepted, n_rejected;
  const char *outcome = NULL;
  const char *item = NULL;
  gboolean first = TRUE;
  Titles titles;

  titles_init (&titles, self, pack);

  for (guint i = 0; i < comments->len; i++)
    by_status[mscos_review_comment_get_status (g_ptr_array_index (comments, i))]++;
  n_open = by_status[MSCOS_COMMENT_OPEN];
  n_accepted = by_status[MSCOS_COMMENT_ACCEPTED];
  n_rejected = by_status[MSCOS_COMMENT_REJECTED];

  if (self->label != NULL)
    /* Translators: the heading of the consultation table; %s is the pack and revision */
    title = g_strdup_printf (_("Review of %s"), self->label);
  else
    /* Translators: the heading of the consultation table: the pack's id, then its revision */
    title = g_strdup_printf (_("Review of %s %s"), self->pack_id != NULL ? self->pack_id : "",
                             self->revision != NULL ? self->revision : "");
  g_string_append (md, "# ");
  mscos_markdown_append_inline (md, title);
  g_string_append (md, "\n\n");

  total_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments",
                                             comments->len), comments->len);
  /* Translators: how many review comments are open (as in "7 open"), accepted, rejected */
  open_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", n_open),
                               n_open);
  accepted_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u accepted", "%u accepted",
                                                n_accepted), n_accepted);
  rejected_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected",
                                                n_rejected), n_rejected);
  /* Translators: each %s a count: "12 comments: 7 open, 3 accepted, 2 rejected." */
  counts = g_strdup_printf (_("%s: %s, %s, %s."), total_text, open_text, accepted_text,
                            rejected_text);
  mscos_markdown_append_block (md, counts, "");

  for (guint i = 0; i < comments->len; i++)
    {
      MscosReviewComment *comment = g_ptr_array_index (comments, i);
      const char *comment_outcome = mscos_review_comment_get_outcome_id (comment);
      const char *comment_item = mscos_review_comment_get_item_id (comment);

      if (first || g_strcmp0 (comment_outcome, outcome) != 0)
        {
          g_string_append (md, "## ");
          if (comment_item == NULL)
            mscos_markdown_append_inline (md, _("The pack as a whole"));
          else
            mscos_markdown_append_inline (md, titles_lookup (&titles, comment_outcome));
          g_string_append (md, "\n\n");
          outcome = comment_outcome;
          item = NULL;
        }

      if (comment_item != NULL && (first || g_strcmp0 (comment_item, item) != 0))
        {
          g_autofree char *item_title = dup_item_title (&titles, comment);
          const char *path = mscos_review_comment_get_item_path (comment);
          const char *kind = mscos_review_comment_get_item_kind (comment);

          g_string_append (md, "### ");
          mscos_markdown_append_inline (md, item_title);
          /* Ids, kinds and paths hold no backquote: they go in code spans as they are. */
          g_string_append_printf (md, "\n\n`%s`", comment_item);
          if (kind != NULL)
            {
              g_string_append (md, " · ");
              mscos_markdown_append_inline (md, kind);
            }
          if (path != NULL)
            g_string_append_printf (md, " · `%s`", path);
          g_string_append (md, "\n\n");
        }
      item = comment_item;
      first = FALSE;

      append_comment (md, comment);
    }

  titles_clear (&titles);

  return g_string_free_to_bytes (md);
}
