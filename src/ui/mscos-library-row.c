/* mscos-library-row.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-library-row"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-library-row.h"
#include "mscos-ui-utils.h"

/* One bookmark or note in the Library: its outcome, the item's title, its state against the
 * content pack shown, and the note (or, for a bookmark, the item's words). It follows its entry
 * while bound, so a note typed elsewhere shows here at once. */

struct _MscosLibraryRow
{
  GtkWidget          parent_instance;

  GtkLabel          *outcome_label;
  GtkLabel          *date_label;
  GtkImage          *bookmark_icon;
  GtkLabel          *title_label;
  GtkLabel          *status_label;
  GtkLabel          *text_label;

  MscosLibraryEntry *entry;
  MscosContentPack  *pack;
  gulong             notify_id;
  gboolean           show_note;
};

G_DEFINE_FINAL_TYPE (MscosLibraryRow, mscos_library_row, GTK_TYPE_WIDGET)

static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update (MscosLibraryRow *self)
{
  MscosLibraryEntry *entry = self->entry;
  MscosOutcome *outcome = NULL;
  /* The time the page sorts on: when the note last changed, or when it was bookmarked. */
  GDateTime *modified = self->show_note ? mscos_library_entry_get_note_modified (entry)
                                        : mscos_library_entry_get_bookmark_created (entry);
  /* Translators: the day a note last changed or an outcome was bookmarked, "2 Dec 2026"; see
   * https://docs.gtk.org/glib/method.DateTime.format.html for the codes */
  g_autofree char *date = modified ? g_date_time_format (modified, C_("date format", "%e %b %Y"))
                                   : NULL;
  const char *status = NULL;
  const char *language = self->pack ? mscos_content_pack_get_language (self->pack) : NULL;
  const char *text;

  if (self->pack != NULL)
    outcome = mscos_content_pack_lookup_outcome (self->pack,
                                                 mscos_library_entry_get_outcome_id (entry));

  switch (self->pack ? mscos_library_entry_get_status (entry, self->pack)
                     : MSCOS_LIBRARY_ENTRY_MISSING)
    {
    case MSCOS_LIBRARY_ENTRY_MISSING:
      status = _("Not in this content pack");
      break;
    case MSCOS_LIBRARY_ENTRY_CHANGED:
      status = mscos_library_entry_get_note (entry) ? _("Changed since your note")
                                                    : _("Changed since you bookmarked it");
      break;
    case MSCOS_LIBRARY_ENTRY_PRESENT:
    default:
      break;
    }

  text = self->show_note ? mscos_library_entry_get_note (entry)
                         : mscos_library_entry_get_excerpt (entry);

  set_optional_text (self->outcome_label, outcome ? mscos_outcome_get_title (outcome) : NULL);
  set_optional_text (self->date_label, date ? g_strstrip (date) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->bookmark_icon),
                          mscos_library_entry_get_bookmarked (entry));
  gtk_label_set_text (self->title_label, mscos_library_entry_get_item_title (entry));
  set_optional_text (self->status_label, status);
  set_optional_text (self->text_label, text);
  /* The titles and the excerpt are the pack's; a note is the user's, in whatever direction
   * they wrote it. */
  mscos_widget_set_text_language (GTK_WIDGET (self->title_label), language);
  mscos_widget_set_text_language (GTK_WIDGET (self->outcome_label), language);
  mscos_widget_set_text_language (GTK_WIDGET (self->text_label), self->show_note ? NULL : language);
}

static void
mscos_library_row_dispose (GObject *object)
{
  MscosLibraryRow *self = MSCOS_LIBRARY_ROW (object);

  mscos_library_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_LIBRARY_ROW);
  mscos_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (mscos_library_row_parent_class)->dispose (object);
}

static void
mscos_library_row_class_init (MscosLibraryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_library_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mscos-library-row.ui");
  gtk_widget_class_set_css_name (widget_class, "libraryrow");
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryRow, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryRow, bookmark_icon);
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryRow, text_label);
}

static void
mscos_library_row_init (MscosLibraryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mscos_library_row_bind:
 * @entry: the bookmark or note to show
 * @pack: (nullable): the content pack shown, to tell whether the item is still in it
 * @show_note: whether to show the note rather than the item's words
 */
void
mscos_library_row_bind (MscosLibraryRow   *self,
                        MscosLibraryEntry *entry,
                        MscosContentPack  *pack,
                        gboolean           show_note)
{
  g_return_if_fail (MSCOS_IS_LIBRARY_ROW (self));
  g_return_if_fail (MSCOS_IS_LIBRARY_ENTRY (entry));

  mscos_library_row_unbind (self);

  self->entry = g_object_ref (entry);
  self->pack = pack ? g_object_ref (pack) : NULL;
  self->show_note = show_note;
  self->notify_id = g_signal_connect_swapped (entry, "notify", G_CALLBACK (update), self);
  update (self);
}

/**
 * mscos_library_row_unbind:
 *
 * Undoes mscos_library_row_bind().
 */
void
mscos_library_row_unbind (MscosLibraryRow *self)
{
  g_return_if_fail (MSCOS_IS_LIBRARY_ROW (self));

  if (self->entry != NULL)
    g_clear_signal_handler (&self->notify_id, self->entry);
  g_clear_object (&self->entry);
  g_clear_object (&self->pack);
}
