/* mscos-print-content.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-print-content"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-print-private.h"

/* Turns an outcome, or the Library, into blocks of a print document: everything the page
 * shows, with everything that opens on demand opened — the full text of resources, every
 * recommendation with the source's numbering and nesting, quotes with the attribution the
 * pack gives and no other, audio with its description and where to listen, every link with
 * its address, telephone numbers, and the corrections the pack's editors recorded. */

/* Marks of bulleted lists, by depth. */
static const char * const bullets[] = { "•", "◦", "▪" };

static const char *
bullet_for_depth (guint depth)
{
  return bullets[MIN (depth, G_N_ELEMENTS (bullets) - 1)];
}

/* Adds a block of text, unless there is no text. */
static void
add_text (MscosPrintDocument *self,
          MscosPrintStyle     style,
          guint               depth,
          const char         *text)
{
  if (text != NULL && *text != '\0')
    mscos_print_document_append (self, style, depth, text, NULL);
}

/* Quoted words and, under them, who said them — or, where the source names nobody, @credit
 * in place of a name, never a guessed one. */
static void
add_quote (MscosPrintDocument *self,
           const char         *text,
           const char         *attribution,
           const char         *credit)
{
  g_autofree char *signed_by = NULL;

  if (text == NULL)
    return;

  if (attribution != NULL)
    /* Translators: under a quotation, who said it: "— Keith, MSCOS Research Advisory Board" */
    signed_by = g_strdup_printf (_("— %s"), attribution);

  mscos_print_document_append (self, MSCOS_PRINT_QUOTE, 0, text,
                               signed_by != NULL ? signed_by : credit);
}

/* Where the pack's words differ from the source's, as its editors recorded; under a
 * recommendation at @depth, indented as its text. */
static void
add_corrections (MscosPrintDocument *self,
                 MscosItem          *item,
                 guint               depth)
{
  GPtrArray *corrections = mscos_item_get_corrections (item);

  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    {
      const MscosCorrection *correction = g_ptr_array_index (corrections, i);
      /* Translators: a change the pack's editors made to the source's text */
      g_autofree char *change = g_strdup_printf (_("Correction: the source has “%s”, this pack “%s”"),
                                                 correction->original, correction->corrected);
      /* Translators: a correction, then why it was made */
      g_autofree char *text = correction->note != NULL
                                ? g_strdup_printf (_("%s — %s"), change, correction->note)
                                : g_strdup (change);

      add_text (self, MSCOS_PRINT_CAPTION, depth, text);
    }
}

static void
add_phones (MscosPrintDocument *self,
            MscosItem          *item)
{
  GPtrArray *phones = mscos_item_get_phones (item);

  for (guint i = 0; phones != NULL && i < phones->len; i++)
    {
      const MscosPhone *phone = g_ptr_array_index (phones, i);

      mscos_print_document_append (self, MSCOS_PRINT_PHONE, 0, phone->title, phone->number);
    }
}

static void
add_list (MscosPrintDocument *self,
          const MscosBlock   *list,
          guint               depth)
{
  guint n = mscos_block_get_n_children (list);

  for (guint i = 0; i < n; i++)
    {
      const MscosBlock *entry = mscos_block_get_child (list, i);
      const char *label = mscos_block_get_label (entry);

      mscos_print_document_append (self, MSCOS_PRINT_LIST_ENTRY, depth,
                                   mscos_block_get_text (entry),
                                   label != NULL ? label : bullet_for_depth (depth));

      for (guint j = 0; j < mscos_block_get_n_children (entry); j++)
        add_list (self, mscos_block_get_child (entry, j), depth + 1);
    }
}

static void
add_blocks (MscosPrintDocument *self,
            GPtrArray          *blocks)
{
  if (blocks == NULL)
    return;

  for (guint i = 0; i < blocks->len; i++)
    {
      const MscosBlock *block = g_ptr_array_index (blocks, i);
      const char *text = mscos_block_get_text (block);

      switch (mscos_block_get_block_type (block))
        {
        case MSCOS_BLOCK_PARAGRAPH:
          add_text (self, MSCOS_PRINT_PARAGRAPH, 0, text);
          break;

        case MSCOS_BLOCK_HEADING:
          add_text (self, MSCOS_PRINT_MINOR_HEADING, 0, text);
          break;

        case MSCOS_BLOCK_QUOTE:
          add_quote (self, text, mscos_block_get_label (block), NULL);
          break;

        case MSCOS_BLOCK_LIST:
          add_list (self, block, 0);
          break;

        case MSCOS_BLOCK_LIST_ITEM:
        default:
          g_warn_if_reached ();
        }
    }
}

static void
add_links (MscosPrintDocument *self,
           GPtrArray          *links)
{
  if (links == NULL)
    return;

  for (guint i = 0; i < links->len; i++)
    {
      const MscosLink *link = g_ptr_array_index (links, i);

      mscos_print_document_append (self, MSCOS_PRINT_LINK, 0, link->title, link->uri);
    }
}

/* A recommendation and, under it, those nested in it. */
static void
add_recommendation (MscosPrintDocument *self,
                    MscosItem          *recommendation,
                    guint               depth)
{
  GListModel *children = mscos_item_get_children (recommendation);
  const char *label = mscos_item_get_label (recommendation);
  guint n = g_list_model_get_n_items (children);

  mscos_print_document_append (self, MSCOS_PRINT_LIST_ENTRY, depth,
                               mscos_item_get_text (recommendation),
                               label != NULL ? label : bullet_for_depth (depth));
  add_corrections (self, recommendation, depth + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) child = g_list_model_get_item (children, i);

      add_recommendation (self, child, depth + 1);
    }
}

static void
add_group (MscosPrintDocument *self,
           MscosItem          *group)
{
  GListModel *children = mscos_item_get_children (group);
  guint n = g_list_model_get_n_items (children);

  add_text (self, MSCOS_PRINT_MINOR_HEADING, 0, mscos_item_get_title (group));
  add_blocks (self, mscos_item_get_intro (group));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) child = g_list_model_get_item (children, i);

      add_recommendation (self, child, 0);
    }
}

static void
add_recommendation_set (MscosPrintDocument *self,
                        MscosItem          *set)
{
  GListModel *groups = mscos_item_get_children (set);
  guint n = g_list_model_get_n_items (groups);

  add_text (self, MSCOS_PRINT_SUBHEADING, 0, mscos_item_get_title (set));

  if (mscos_item_get_organisation (set) != NULL)
    {
      /* Translators: who made a set of recommendations, "From Hope for Justice" */
      g_autofree char *source = g_strdup_printf (_("From %s"), mscos_item_get_organisation (set));

      add_text (self, MSCOS_PRINT_CAPTION, 0, source);
    }

  add_blocks (self, mscos_item_get_intro (set));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) group = g_list_model_get_item (groups, i);

      add_group (self, group);
    }

  add_corrections (self, set, 0);
}

static void
add_audio (MscosPrintDocument *self,
           MscosItem          *audio,
           gboolean            brief)
{
  GPtrArray *sources = mscos_item_get_audio_sources (audio);
  GPtrArray *transcript = mscos_item_get_blocks (audio);

  add_text (self, MSCOS_PRINT_SUBHEADING, 0, mscos_item_get_title (audio));
  add_text (self, MSCOS_PRINT_CAPTION, 0, mscos_item_get_speaker (audio));
  add_text (self, MSCOS_PRINT_PARAGRAPH, 0, mscos_item_get_summary (audio));

  /* Where to listen: the web pages by their address; a recording in the pack by its name,
   * as the app plays it. */
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const MscosAudioSource *source = g_ptr_array_index (sources, i);

      if (source->type == MSCOS_AUDIO_SOURCE_PAGE)
        {
          mscos_print_document_append (self, MSCOS_PRINT_LINK, 0,
                                       source->title != NULL ? source->title : _("Listen on the web"),
                                       source->uri);
        }
      else if (source->uri != NULL)
        {
          g_autoptr (GFile) file = g_file_new_for_uri (source->uri);
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: where a recording of the content pack can be heard, with its file name */
          g_autofree char *where = g_strdup_printf (_("Recording in the app: %s"), name);

          add_text (self, MSCOS_PRINT_CAPTION, 0, where);
        }
    }

  if (sources == NULL || sources->len == 0)
    add_text (self, MSCOS_PRINT_CAPTION, 0, _("The recording is not in this content pack."));

  if (!brief && transcript != NULL && transcript->len > 0)
    {
      add_text (self, MSCOS_PRINT_MINOR_HEADING, 0, _("Transcript"));
      add_blocks (self, transcript);
    }

  add_corrections (self, audio, 0);
}

static void add_item (MscosPrintDocument *self,
                      MscosItem          *item,
                      gboolean            brief);

static void
add_resource (MscosPrintDocument *self,
              MscosItem          *resource,
              gboolean            brief)
{
  GListModel *children = mscos_item_get_children (resource);
  guint n = g_list_model_get_n_items (children);

  add_text (self, MSCOS_PRINT_KICKER, 0,
            mscos_print_resource_type_name (mscos_item_get_resource_type (resource)));
  add_text (self, MSCOS_PRINT_SUBHEADING, 0, mscos_item_get_title (resource));
  add_text (self, MSCOS_PRINT_CAPTION, 0, mscos_item_get_organisation (resource));
  add_text (self, MSCOS_PRINT_PARAGRAPH, 0, mscos_item_get_summary (resource));

  if (!brief)
    add_blocks (self, mscos_item_get_blocks (resource));
  add_links (self, mscos_item_get_links (resource));
  add_phones (self, resource);
  add_corrections (self, resource, 0);

  if (brief)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) child = g_list_model_get_item (children, i);

      add_item (self, child, FALSE);
    }
}

/* Adds @item with everything that opens on demand opened; @brief leaves out the full text of
 * a resource and the items in it, and an audio clip's transcript, for the Library. */
static void
add_item (MscosPrintDocument *self,
          MscosItem          *item,
          gboolean            brief)
{
  switch (mscos_item_get_kind (item))
    {
    case MSCOS_ITEM_QUOTE:
      {
        g_autofree char *attribution = mscos_item_dup_attribution (item);
        g_autofree char *credit = mscos_item_dup_quote_credit (item);

        add_quote (self, mscos_item_get_text (item), attribution, credit);
      }
      break;

    case MSCOS_ITEM_AUDIO:
      add_audio (self, item, brief);
      break;

    case MSCOS_ITEM_RESOURCE:
      add_resource (self, item, brief);
      break;

    case MSCOS_ITEM_RECOMMENDATIONS:
      add_recommendation_set (self, item);
      break;

    case MSCOS_ITEM_PROFILE:
      add_text (self, MSCOS_PRINT_SUBHEADING, 0, mscos_item_get_title (item));
      add_text (self, MSCOS_PRINT_CAPTION, 0, mscos_item_get_role (item));
      add_blocks (self, mscos_item_get_blocks (item));
      add_links (self, mscos_item_get_links (item));
      add_corrections (self, item, 0);
      break;

    case MSCOS_ITEM_TEXT:
      add_text (self, MSCOS_PRINT_SUBHEADING, 0, mscos_item_get_title (item));
      add_blocks (self, mscos_item_get_blocks (item));
      add_links (self, mscos_item_get_links (item));
      add_phones (self, item);
      add_corrections (self, item, 0);
      break;

    case MSCOS_ITEM_GROUP:
      add_group (self, item);
      break;

    case MSCOS_ITEM_RECOMMENDATION:
      add_recommendation (self, item, 0);
      break;

    default:
      g_warn_if_reached ();
    }
}

/**
 * mscos_print_document_add_outcome:
 * @outcome: an outcome of the document's pack
 *
 * Adds @outcome as a part of its own: its title, summary and study descriptor, then every
 * section with everything in it opened.
 */
void
mscos_print_document_add_outcome (MscosPrintDocument *self,
                                  MscosOutcome       *outcome)
{
  GListModel *sections;
  GPtrArray *descriptor;
  const MscosLink *link;
  guint n;

  g_return_if_fail (MSCOS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (MSCOS_IS_OUTCOME (outcome));

  sections = mscos_outcome_get_sections (outcome);
  descriptor = mscos_outcome_get_descriptor (outcome);
  link = mscos_outcome_get_link (outcome);
  n = g_list_model_get_n_items (sections);

  mscos_print_document_begin_part (self, mscos_outcome_get_title (outcome), NULL);
  add_text (self, MSCOS_PRINT_KICKER, 0, mscos_outcome_get_strapline (outcome));
  add_text (self, MSCOS_PRINT_TITLE, 0, mscos_outcome_get_title (outcome));
  add_text (self, MSCOS_PRINT_CAPTION, 0,
            mscos_print_outcome_group_name (mscos_outcome_get_group (outcome)));
  add_text (self, MSCOS_PRINT_SUMMARY, 0, mscos_outcome_get_summary (outcome));

  if (descriptor != NULL && descriptor->len > 0)
    {
      add_text (self, MSCOS_PRINT_MINOR_HEADING, 0,
                mscos_outcome_get_descriptor_source (outcome) == MSCOS_DESCRIPTOR_SOURCE_STUDY
                  ? _("MSCOS Study Descriptor") : _("Summary by the editors of this pack"));
      add_blocks (self, descriptor);
    }

  if (link != NULL)
    mscos_print_document_append (self, MSCOS_PRINT_LINK, 0, link->title, link->uri);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosSection) section = g_list_model_get_item (sections, i);
      GListModel *items = mscos_section_get_items (section);
      guint n_items = g_list_model_get_n_items (items);

      add_text (self, MSCOS_PRINT_HEADING, 0, mscos_section_get_title (section));
      add_blocks (self, mscos_section_get_intro (section));

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr (MscosItem) item = g_list_model_get_item (items, j);

          add_item (self, item, FALSE);
        }
    }
}

/* The Library ---------------------------------------------------------------------------- */

static void
add_marks (MscosPrintDocument *self,
           MscosLibraryEntry  *entry,
           gboolean            changed)
{
  const char *note = mscos_library_entry_get_note (entry);

  if (mscos_library_entry_get_bookmarked (entry))
    add_text (self, MSCOS_PRINT_MARK, 0, _("Bookmarked"));

  if (changed)
    add_text (self, MSCOS_PRINT_MARK, 0,
              note != NULL ? _("This item has changed since the note was written.")
                           : _("This item has changed since it was bookmarked."));

  if (note != NULL)
    {
      GDateTime *modified = mscos_library_entry_get_note_modified (entry);
      g_autofree char *heading = NULL;

      if (modified != NULL)
        {
          g_autoptr (GDateTime) local = g_date_time_to_local (modified);
          /* Translators: a day, "2 December 2026"; see
           * https://docs.gtk.org/glib/method.DateTime.format.html for the codes */
          g_autofree char *day = g_date_time_format (local, C_("date format", "%-d %B %Y"));

          /* Translators: above a note the user wrote, with the day it was last changed */
          heading = g_strdup_printf (_("Your note, %s"), day);
        }

      add_text (self, MSCOS_PRINT_MARK, 0, heading != NULL ? heading : _("Your note"));
      add_text (self, MSCOS_PRINT_NOTE, 0, note);
    }
}

static void
add_library_item (MscosPrintDocument *self,
                  MscosItem          *item,
                  MscosLibraryEntry  *entry)
{
  MscosContentPack *pack = mscos_print_document_get_pack (self);

  /* A single recommendation, under the title of its set. */
  if (mscos_item_get_kind (item) == MSCOS_ITEM_RECOMMENDATION)
    add_text (self, MSCOS_PRINT_SUBHEADING, 0,
              mscos_item_get_title (mscos_item_get_container (item)));

  add_item (self, item, TRUE);
  add_marks (self, entry,
             mscos_library_entry_get_status (entry, pack) == MSCOS_LIBRARY_ENTRY_CHANGED);
}

/* What the library kept of an item that is not in the pack: its title and words as they were
 * when the entry was saved. */
static void
add_missing_entry (MscosPrintDocument *self,
                   MscosLibraryEntry  *entry)
{
  MscosContentPack *pack = mscos_print_document_get_pack (self);
  const char *title = mscos_library_entry_get_item_title (entry);
  const char *excerpt = mscos_library_entry_get_excerpt (entry);
  const char *pack_id = mscos_library_entry_get_pack_id (entry);

  add_text (self, MSCOS_PRINT_SUBHEADING, 0,
            title != NULL ? title : mscos_library_entry_get_item_id (entry));

  if (g_strcmp0 (pack_id, mscos_content_pack_get_id (pack)) != 0)
    {
      g_autofree char *from = g_strdup_printf (_("From the content pack “%s”."), pack_id);

      add_text (self, MSCOS_PRINT_CAPTION, 0, from);
    }

  if (excerpt != NULL && g_strcmp0 (mscos_library_entry_get_item_kind (entry), "quote") == 0)
    add_quote (self, excerpt, NULL, NULL);
  else
    add_text (self, MSCOS_PRINT_PARAGRAPH, 0, excerpt);

  add_marks (self, entry, FALSE);
}

static void
add_library_entry_cb (MscosOutcome      *outcome,
                      MscosItem         *item,
                      MscosLibraryEntry *entry,
                      gboolean           first,
                      gpointer           user_data)
{
  MscosPrintDocument *self = user_data;

  if (first)
    add_text (self, MSCOS_PRINT_HEADING, 0, outcome != NULL ? mscos_outcome_get_title (outcome)
                                                            : _("Not in this content pack"));

  if (item != NULL)
    add_library_item (self, item, entry);
  else
    add_missing_entry (self, entry);
}

/**
 * mscos_print_document_add_library:
 * @library: the user's library, loaded
 *
 * Adds the bookmarks and notes as a part of their own: under each outcome's title, in the
 * pack's order, each item with its words, whether it is bookmarked or changed since, and the
 * note; then the entries whose items are not in the pack, as the library kept them.
 */
void
mscos_print_document_add_library (MscosPrintDocument *self,
                                  MscosLibrary       *library)
{
  g_return_if_fail (MSCOS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (MSCOS_IS_LIBRARY (library));

  mscos_print_document_begin_part (self, _("Bookmarks and notes"), NULL);
  add_text (self, MSCOS_PRINT_TITLE, 0, _("Bookmarks and notes"));

  if (g_list_model_get_n_items (mscos_library_get_entries (library)) == 0)
    add_text (self, MSCOS_PRINT_PARAGRAPH, 0, _("There are no bookmarks or notes."));

  mscos_library_foreach_in_pack_order (library, mscos_print_document_get_pack (self),
                                       add_library_entry_cb, self);
}
