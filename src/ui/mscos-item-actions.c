/* mscos-item-actions.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-item-actions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mscos-application.h"
#include "mscos-item-actions.h"
#include "mscos-library.h"
#include "mscos-note-editor.h"
#include "mscos-ui-utils.h"
#include "mscos-window.h"

/* The bookmark toggle and the note button of one item. The library is the only truth: the
 * buttons show the item's library entry and every change goes straight to the library,
 * which saves it. The entry is looked up again only when entries come or go; while it lives,
 * its own notifications keep the buttons current. */

struct _MscosItemActions
{
  GtkWidget          parent_instance;

  GtkToggleButton   *bookmark_button;
  GtkMenuButton     *note_button;
  /* Made the first time the note button is used. */
  MscosNoteEditor   *note_editor;

  MscosItem         *item;
  MscosLibrary      *library;
  MscosLibraryEntry *entry;
  GSignalGroup      *entry_signals;
  char              *pack_id;
  /* What the note properties last said, so they notify only on a real change. */
  char              *published_note;
  gboolean           published_outdated;
  /* Set while the widgets are brought in line with the library, so that doing so is not
   * taken for the user's own change. */
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (MscosItemActions, mscos_item_actions, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOTE_TEXT,
  PROP_HAS_NOTE,
  PROP_NOTE_OUTDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_note (MscosItemActions *self)
{
  return self->entry ? mscos_library_entry_get_note (self->entry) : NULL;
}

static gboolean
has_note (MscosItemActions *self)
{
  const char *note = get_note (self);

  return note != NULL && *note != '\0';
}

static gboolean
is_note_outdated (MscosItemActions *self)
{
  MscosApplication *app = mscos_application_get_default ();
  MscosContentPack *pack = app ? mscos_application_get_content_pack (app) : NULL;

  return has_note (self) && pack != NULL
         && mscos_library_entry_get_status (self->entry, pack) == MSCOS_LIBRARY_ENTRY_CHANGED;
}

static void
publish_note (MscosItemActions *self)
{
  const char *note = has_note (self) ? get_note (self) : NULL;
  gboolean outdated = is_note_outdated (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (note, self->published_note) != 0)
    {
      gboolean had_note = self->published_note != NULL;

      g_free (self->published_note);
      self->published_note = g_strdup (note);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_TEXT]);
      if (had_note != (note != NULL))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_NOTE]);
    }

  if (outdated != self->published_outdated)
    {
      self->published_outdated = outdated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_OUTDATED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
update_from_entry (MscosItemActions *self)
{
  gboolean bookmarked = self->entry && mscos_library_entry_get_bookmarked (self->entry);
  gboolean noted = has_note (self);

  self->updating = TRUE;

  gtk_toggle_button_set_active (self->bookmark_button, bookmarked);
  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button),
                               bookmarked ? _("Remove Bookmark") : _("Bookmark"));

  if (noted)
    gtk_widget_add_css_class (GTK_WIDGET (self->note_button), "has-note");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->note_button), "has-note");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_button),
                               noted ? _("Edit Note") : _("Add Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  noted ? _("Edit note") : _("Add note"),
                                  -1);
  if (self->note_editor != NULL)
    mscos_note_editor_set_can_delete (self->note_editor, noted);
  if (bookmarked || noted)
    gtk_widget_add_css_class (GTK_WIDGET (self), "in-use");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "in-use");

  self->updating = FALSE;

  publish_note (self);
}

static void
lookup_entry (MscosItemActions *self)
{
  MscosLibraryEntry *entry = NULL;

  if (self->library != NULL && self->item != NULL)
    entry = mscos_library_lookup (self->library, self->pack_id, mscos_item_get_id (self->item));

  if (g_set_object (&self->entry, entry))
    g_signal_group_set_target (self->entry_signals, entry);

  update_from_entry (self);
}

static void
library_items_changed_cb (MscosItemActions *self)
{
  lookup_entry (self);
}

static void
bookmark_toggled_cb (MscosItemActions *self)
{
  if (self->updating || self->library == NULL)
    return;

  mscos_library_set_bookmarked (self->library, self->pack_id, self->item,
                                gtk_toggle_button_get_active (self->bookmark_button));
}

static void
note_changed_cb (MscosItemActions *self,
                 GtkTextBuffer    *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->library == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  mscos_library_set_note (self->library, self->pack_id, self->item, text);
}

static void
note_editor_shown_cb (MscosItemActions *self)
{
  GtkTextBuffer *buffer = mscos_note_editor_get_buffer (self->note_editor);
  const char *note = get_note (self);
  GtkTextIter end;

  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, note ? note : "", -1);
  self->updating = FALSE;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

static void
undo_delete_cb (AdwToast          *toast,
                MscosLibraryEntry *snapshot)
{
  MscosApplication *app = mscos_application_get_default ();

  mscos_library_restore (mscos_application_get_library (app), snapshot);
}

static void
delete_clicked_cb (MscosItemActions *self)
{
  g_autoptr (MscosLibraryEntry) snapshot = NULL;
  AdwToast *toast;
  GtkRoot *root;

  if (self->entry == NULL || self->library == NULL)
    return;

  snapshot = mscos_library_entry_copy (self->entry);
  gtk_menu_button_popdown (self->note_button);
  mscos_library_set_note (self->library, self->pack_id, self->item, NULL);

  toast = adw_toast_new (_("Note deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                         g_steal_pointer (&snapshot), (GClosureNotify) g_object_unref, 0);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (MSCOS_IS_WINDOW (root))
    mscos_window_add_toast (MSCOS_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static GtkWidget *
create_note_editor (gpointer user_data)
{
  MscosItemActions *self = MSCOS_ITEM_ACTIONS (user_data);

  self->note_editor = MSCOS_NOTE_EDITOR (mscos_note_editor_new ());
  g_object_add_weak_pointer (G_OBJECT (self->note_editor), (gpointer *) &self->note_editor);
  mscos_note_editor_set_can_delete (self->note_editor, has_note (self));
  g_signal_connect_object (self->note_editor, "show",
                           G_CALLBACK (note_editor_shown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_editor, "delete",
                           G_CALLBACK (delete_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mscos_note_editor_get_buffer (self->note_editor), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self->note_editor);
}

static void
mscos_item_actions_dispose (GObject *object)
{
  MscosItemActions *self = MSCOS_ITEM_ACTIONS (object);

  g_clear_weak_pointer (&self->note_editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_ITEM_ACTIONS);

  g_clear_object (&self->entry_signals);
  g_clear_object (&self->entry);
  g_clear_object (&self->library);
  g_clear_object (&self->item);
  g_clear_pointer (&self->pack_id, g_free);
  g_clear_pointer (&self->published_note, g_free);

  G_OBJECT_CLASS (mscos_item_actions_parent_class)->dispose (object);
}

static void
mscos_item_actions_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MscosItemActions *self = MSCOS_ITEM_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_NOTE_TEXT:
      g_value_set_string (value, self->published_note);
      break;

    case PROP_HAS_NOTE:
      g_value_set_boolean (value, self->published_note != NULL);
      break;

    case PROP_NOTE_OUTDATED:
      g_value_set_boolean (value, self->published_outdated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_item_actions_class_init (MscosItemActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_item_actions_dispose;
  object_class->get_property = mscos_item_actions_get_property;

  properties[PROP_NOTE_TEXT] =
    g_param_spec_string ("note-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HAS_NOTE] =
    g_param_spec_boolean ("has-note", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE_OUTDATED] =
    g_param_spec_boolean ("note-outdated", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-item-actions.ui");
  gtk_widget_class_set_css_name (widget_class, "itemactions");
  gtk_widget_class_bind_template_child (widget_class, MscosItemActions, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, MscosItemActions, note_button);
  gtk_widget_class_bind_template_callback (widget_class, bookmark_toggled_cb);
}

static void
mscos_item_actions_init (MscosItemActions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entry_signals = g_signal_group_new (MSCOS_TYPE_LIBRARY_ENTRY);
  g_signal_group_connect_object (self->entry_signals, "notify", G_CALLBACK (update_from_entry),
                                 self, G_CONNECT_SWAPPED);
  mscos_menu_button_set_popover_func (self->note_button, create_note_editor, self);
}

/**
 * mscos_item_actions_set_item:
 * @item: a bookmarkable item
 *
 * Shows and changes the bookmark and note of @item in the app's library.
 */
void
mscos_item_actions_set_item (MscosItemActions *self,
                             MscosItem        *item)
{
  MscosApplication *app = mscos_application_get_default ();
  MscosContentPack *pack;
  MscosLibrary *library;

  g_return_if_fail (MSCOS_IS_ITEM_ACTIONS (self));
  g_return_if_fail (MSCOS_IS_ITEM (item));
  g_return_if_fail (self->item == NULL);

  self->item = g_object_ref (item);
  pack = app ? mscos_application_get_content_pack (app) : NULL;
  library = app ? mscos_application_get_library (app) : NULL;
  self->pack_id = g_strdup (pack ? mscos_content_pack_get_id (pack) : NULL);

  if (library != NULL && self->pack_id != NULL)
    {
      self->library = g_object_ref (library);
      g_signal_connect_object (mscos_library_get_entries (library), "items-changed",
                               G_CALLBACK (library_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->library != NULL);
  lookup_entry (self);
}

/**
 * mscos_item_actions_get_item:
 *
 * Returns: (transfer none) (nullable): the item
 */
MscosItem *
mscos_item_actions_get_item (MscosItemActions *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM_ACTIONS (self), NULL);

  return self->item;
}

/**
 * mscos_item_actions_edit_note:
 *
 * Opens the note editor.
 */
void
mscos_item_actions_edit_note (MscosItemActions *self)
{
  g_return_if_fail (MSCOS_IS_ITEM_ACTIONS (self));

  gtk_menu_button_popup (self->note_button);
}
