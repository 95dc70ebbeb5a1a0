/* mscos-library-export.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library's exports: Markdown to read and send, and the library file's own format to
 * import elsewhere. A new export format goes here, beside them. Text from the pack and notes
 * are written through mscos-markdown.h, so nothing in them can change a document's
 * structure. */

#define G_LOG_DOMAIN "mscos-library"

#include "config.h"

#include "mscos-library-private.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mscos-markdown.h"

static void
append_heading (GString    *md,
                const char *marks,
                const char *text)
{
  g_string_append (md, marks);
  g_string_append_c (md, ' ');
  mscos_markdown_append_inline (md, text);
  g_string_append (md, "\n\n");
}

/* The quotation, then its speaker after a dash; or, for one the source attributes to nobody,
 * the sentence saying so (@credit from mscos_item_dup_quote_credit()), with no dash. */
static void
append_quote (GString    *md,
              const char *text,
              const char *credit,
              gboolean    attributed)
{
  mscos_markdown_append_block (md, text, "> ");
  if (credit != NULL)
    {
      /* Join the credit to the quotation. */
      g_string_truncate (md, md->len - 1);
      g_string_append (md, attributed ? ">\n> — " : ">\n> ");
      mscos_markdown_append_inline (md, credit);
      g_string_append (md, "\n\n");
    }
}

static void
append_marks (GString           *md,
              MscosLibraryEntry *entry,
              gboolean           changed)
{
  const char *note = mscos_library_entry_get_note (entry);

  if (mscos_library_entry_get_bookmarked (entry))
    g_string_append_printf (md, "**%s**\n\n", _("Bookmarked"));

  if (changed)
    g_string_append_printf (md, "**%s**\n\n",
                            note != NULL
                              ? _("This item has changed since the note was written.")
                              : _("This item has changed since it was bookmarked."));

  if (note != NULL)
    {
      g_string_append_printf (md, "**%s**\n\n", _("Note:"));
      mscos_markdown_append_block (md, note, "");
    }
}

static void
append_item_entry (GString           *md,
                   MscosLibraryEntry *entry,
                   MscosItem         *item,
                   MscosContentPack  *pack)
{
  g_autofree char *title = mscos_library_dup_item_title (item);
  MscosItemKind kind = mscos_item_get_kind (item);
  const char *text = mscos_item_get_text (item);
  const char *summary = mscos_item_get_summary (item);

  append_heading (md, "###", title);

  if (kind == MSCOS_ITEM_QUOTE && text != NULL)
    {
      g_autofree char *attribution = mscos_item_dup_attribution (item);
      g_autofree char *credit = mscos_item_dup_quote_credit (item);

      append_quote (md, text, credit, attribution != NULL);
    }
  else if (text != NULL)
    {
      g_autofree char *labelled = NULL;

      if (mscos_item_get_label (item) != NULL)
        labelled = g_strdup_printf ("%s %s", mscos_item_get_label (item), text);
      mscos_markdown_append_block (md, labelled != NULL ? labelled : text, "");
    }
  else if (summary != NULL)
    {
      mscos_markdown_append_block (md, summary, "");
    }

  append_marks (md, entry,
                mscos_library_entry_get_status (entry, pack) == MSCOS_LIBRARY_ENTRY_CHANGED);
}

static void
append_missing_entry (GString           *md,
                      MscosLibraryEntry *entry,
                      MscosContentPack  *pack)
{
  const char *title = mscos_library_entry_get_item_title (entry);
  const char *excerpt = mscos_library_entry_get_excerpt (entry);
  const char *pack_id = mscos_library_entry_get_pack_id (entry);

  append_heading (md, "###", title != NULL ? title : mscos_library_entry_get_item_id (entry));

  if (g_strcmp0 (pack_id, mscos_content_pack_get_id (pack)) != 0)
    {
      g_autofree char *from = g_strdup_printf (_("From the content pack “%s”."), pack_id);

      g_string_append_c (md, '*');
      mscos_markdown_append_inline (md, from);
      g_string_append (md, "*\n\n");
    }

  if (excerpt != NULL && g_strcmp0 (mscos_library_entry_get_item_kind (entry), "quote") == 0)
    append_quote (md, excerpt, NULL, FALSE);
  else if (excerpt != NULL)
    mscos_markdown_append_block (md, excerpt, "");

  append_marks (md, entry, FALSE);
}

typedef struct
{
  MscosLibrary *self;
  const char   *pack_id;
  /* Outcome id → GPtrArray of the items with an entry, in page order. */
  GHashTable   *by_outcome;
  /* The entries whose item is in the pack. */
  GHashTable   *found;
} Walk;

static void
collect_item (gpointer data,
              gpointer user_data)
{
  MscosItem *item = data;
  Walk *walk = user_data;
  const char *outcome_id = mscos_item_get_outcome_id (item);
  MscosLibraryEntry *entry;
  GPtrArray *items;

  if (mscos_item_get_id (item) == NULL || outcome_id == NULL)
    return;

  entry = mscos_library_find_entry (walk->self, walk->pack_id, mscos_item_get_id (item));
  if (entry == NULL)
    return;

  items = g_hash_table_lookup (walk->by_outcome, outcome_id);
  if (items == NULL)
    {
      items = g_ptr_array_new ();
      g_hash_table_insert (walk->by_outcome, (gpointer) outcome_id, items);
    }
  g_ptr_array_add (items, item);
  g_hash_table_add (walk->found, entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return mscos_library_record_compare (mscos_library_entry_get_record ((MscosLibraryEntry *) a),
                                       mscos_library_entry_get_record ((MscosLibraryEntry *) b));
}

typedef struct
{
  GString          *md;
  MscosContentPack *pack;
} MarkdownState;

static void
add_markdown_entry_cb (MscosOutcome      *outcome,
                       MscosItem         *item,
                       MscosLibraryEntry *entry,
                       gboolean           first,
                       gpointer           user_data)
{
  MarkdownState *state = user_data;

  if (first)
    append_heading (state->md, "##", outcome != NULL ? mscos_outcome_get_title (outcome)
                                                     : _("Not in this content pack"));

  if (item != NULL)
    append_item_entry (state->md, entry, item, state->pack);
  else
    append_missing_entry (state->md, entry, state->pack);
}

/* Public API ----------------------------------------------------------------------------- */

/**
 * MscosLibraryVisitFunc:
 * @outcome: (nullable): the outcome of @item, or %NULL when @item is not in the pack
 * @item: (nullable): the item in the pack, or %NULL when it is not in the pack
 * @entry: the library's entry
 * @first: whether @entry is the first of its outcome, or the first not in the pack: where a
 *   document puts a heading
 * @user_data: what was given to mscos_library_foreach_in_pack_order()
 */

/**
 * mscos_library_foreach_in_pack_order:
 * @self: a #MscosLibrary
 * @pack: the content pack being read
 * @func: (scope call): called for each entry
 * @user_data: for @func
 *
 * Calls @func for each entry of the library in the order a document of the library lists them:
 * entries whose item is in @pack by outcome, outcomes and items in the pack's order, then those
 * whose item is not in @pack (with a %NULL outcome and item), by pack and item id. Exports and
 * printouts of the library all list it so.
 */
void
mscos_library_foreach_in_pack_order (MscosLibrary          *self,
                                     MscosContentPack      *pack,
                                     MscosLibraryVisitFunc  func,
                                     gpointer               user_data)
{
  g_autoptr (GHashTable) by_outcome = NULL;
  g_autoptr (GHashTable) found = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  GListModel *outcomes;
  GListModel *entries;
  Walk walk;
  guint n;

  g_return_if_fail (MSCOS_IS_LIBRARY (self));
  g_return_if_fail (MSCOS_IS_CONTENT_PACK (pack));
  g_return_if_fail (func != NULL);

  by_outcome = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  found = g_hash_table_new (NULL, NULL);
  walk = (Walk) {
    .self = self,
    .pack_id = mscos_content_pack_get_id (pack),
    .by_outcome = by_outcome,
    .found = found,
  };
  mscos_content_pack_foreach_item (pack, collect_item, &walk);

  outcomes = mscos_content_pack_get_outcomes (pack);
  n = g_list_model_get_n_items (outcomes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);
      GPtrArray *items = g_hash_table_lookup (by_outcome, mscos_outcome_get_id (outcome));

      for (guint j = 0; items != NULL && j < items->len; j++)
        {
          MscosItem *item = g_ptr_array_index (items, j);

          func (outcome, item,
                mscos_library_find_entry (self, walk.pack_id, mscos_item_get_id (item)),
                j == 0, user_data);
        }
    }

  missing = g_ptr_array_new_with_free_func (g_object_unref);
  entries = mscos_library_get_entries (self);
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (!g_hash_table_contains (found, entry))
        g_ptr_array_add (missing, g_steal_pointer (&entry));
    }

  g_ptr_array_sort_values (missing, compare_entries);
  for (guint i = 0; i < missing->len; i++)
    func (NULL, NULL, g_ptr_array_index (missing, i), i == 0, user_data);
}

/**
 * mscos_library_export_markdown:
 * @self: a #MscosLibrary
 * @pack: the content pack being read
 *
 * Writes the library as a Markdown document that can be sent as it is: a title naming the
 * pack, its revision and the date; then the entries under each outcome's title, outcomes and
 * items in the pack's order, each with the item's title, its quotation or summary, whether it
 * is bookmarked, whether it changed since, and the note; then the entries whose items are not
 * in @pack under "Not in this content pack". Text from the pack and notes are escaped, so
 * nothing in them can change the document's structure.
 *
 * Returns: (transfer full): the document
 */
char *
mscos_library_export_markdown (MscosLibrary     *self,
                               MscosContentPack *pack)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autofree char *about = NULL;
  MarkdownState state;
  GString *md;

  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), NULL);

  md = g_string_new (NULL);

  title = g_strdup_printf (_("Bookmarks and notes: %s"), mscos_content_pack_get_title (pack));
  append_heading (md, "#", title);

  now = g_date_time_new_now_local ();
  /* Translators: the day of an export, "2 December 2026"; see
   * https://docs.gtk.org/glib/method.DateTime.format.html for the codes */
  today = g_date_time_format (now, C_("date format", "%-d %B %Y"));
  /* Translators: the pack's title, revision and date (as in the pack, 2026-11-28), then the
   * day of the export */
  about = g_strdup_printf (_("Content pack “%s”, revision %s of %s. Exported on %s."),
                           mscos_content_pack_get_title (pack),
                           mscos_content_pack_get_revision (pack),
                           mscos_content_pack_get_date (pack),
                           today);
  mscos_markdown_append_block (md, about, "");

  state = (MarkdownState) { md, pack };
  mscos_library_foreach_in_pack_order (self, pack, add_markdown_entry_cb, &state);

  /* End with exactly one line break. */
  while (md->len > 0 && md->str[md->len - 1] == '\n')
    g_string_truncate (md, md->len - 1);
  g_string_append_c (md, '\n');

  return g_string_free (md, FALSE);
}

/**
 * mscos_library_export_json:
 * @self: a #MscosLibrary
 *
 * Returns: (transfer full): the whole library in the format of the library file
 */
char *
mscos_library_export_json (MscosLibrary *self)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GBytes) json = NULL;

  g_return_val_if_fail (MSCOS_IS_LIBRARY (self), NULL);

  records = mscos_library_dup_records (self);
  json = mscos_library_json_write (records);

  return g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
}
