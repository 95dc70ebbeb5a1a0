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

#include "mscos-corrections-dialog.h"
#include "mscos-item-actions.h"
#include "mscos-library.h"
#include "mscos-note-editor.h"
#include "mscos-ui-utils.h"
#include "mscos-window.h"

/* The bookmark toggle and the note button of one item, while the window reviews a revision of
 * the pack its Add Comment button, and for an item whose words the pack's editors corrected, a
 * menu with "Changed from the Source". The library is the only truth: the buttons show the
 * item's library entry and every change goes straight to the library, which saves it. The
 * entry is looked up again only when entries come or go; while it lives, its own notifications
 * keep the buttons current. The widget can be given another item at any time, as a list view
 * reuses it for the rows that come on screen. */


/* What the buttons show, so that they change (tooltips are not cheap) only when it does. */
typedef enum
{
  SHOWN_NOTHING = -1,
  SHOWN_NONE = 0,
  SHOWN_BOOKMARK = 1 << 0,
  SHOWN_NOTE = 1 << 1,
} Shown;

struct _MscosItemActions
{
  GtkWidget          parent_instance;

  GtkToggleButton   *bookmark_button;
  GtkMenuButton     *note_button;
  GtkButton         *comment_button;
  GtkMenuButton     *menu_button;
  GMenuModel        *item_menu;
  /* Made the first time the note button is used. */
  MscosNoteEditor   *note_editor;

  MscosItem         *item;
  MscosLibrary      *library;
  MscosContentPack  *pack;
  GSignalGroup      *library_signals;
  MscosLibraryEntry *entry;
  GSignalGroup      *entry_signals;
  int                shown;
  /* What the note properties last said, so they notify only on a real change. */
  char              *published_note;
  gboolean           published_outdated;
  /* Set while the widgets are brought in line with the library, so that doing so is not
   * taken for the user's own change. */
  gboolean           updating;
};

static void mscos_item_actions_accessible_init (GtkAccessibleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MscosItemActions, mscos_item_actions, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ACCESSIBLE,
                                                      mscos_item_actions_accessible_init))

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_PACK,
  PROP_NOTE_TEXT,
  PROP_HAS_NOTE,
  PROP_NOTE_OUTDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_pack_id (MscosItemActions *self)
{
  return self->pack ? mscos_content_pack_get_id (self->pack) : NULL;
}

static gboolean
can_change (MscosItemActions *self)
{
  return self->library != NULL && self->pack != NULL && self->item != NULL;
}

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
  return has_note (self) && self->pack != NULL
         && mscos_library_entry_get_status (self->entry, self->pack) == MSCOS_LIBRARY_ENTRY_CHANGED;
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
  int shown = (bookmarked ? SHOWN_BOOKMARK : 0) | (noted ? SHOWN_NOTE : 0);

  self->updating = TRUE;

  gtk_toggle_button_set_active (self->bookmark_button, bookmarked);
  if (self->note_editor != NULL)
    mscos_note_editor_set_can_delete (self->note_editor, noted);

  if (shown != self->shown)
    {
      gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                                bookmarked ? "mscos-starred-symbolic" : "mscos-non-starred-symbolic");
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
      self->shown = shown;
    }

  self->updating = FALSE;

  publish_note (self);
}

static void
lookup_entry (MscosItemActions *self)
{
  MscosLibraryEntry *entry = NULL;

  if (can_change (self))
    entry = mscos_library_lookup (self->library, get_pack_id (self), mscos_item_get_id (self->item));

  if (g_set_object (&self->entry, entry))
    g_signal_group_set_target (self->entry_signals, entry);

  gtk_widget_set_sensitive (GTK_WIDGET (self->bookmark_button), can_change (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_button), can_change (self));
  update_from_entry (self);
}

/* The window enables win.add-comment only while it reviews a revision, which is when the button
 * is of use: it is shown then, and takes no room on the page otherwise. */
static void
show_comment_button (MscosItemActions *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->comment_button),
                          self->item != NULL
                          && gtk_widget_get_sensitive (GTK_WIDGET (self->comment_button)));
}

/* The buttons are on every card: a screen reader says which item each belongs to. */
static void
show_item (MscosItemActions *self)
{
  g_autofree char *name = self->item ? mscos_item_dup_display_title (self->item) : NULL;
  GtkWidget *buttons[] = {
    GTK_WIDGET (self->bookmark_button),
    GTK_WIDGET (self->note_button),
    GTK_WIDGET (self->comment_button),
    GTK_WIDGET (self->menu_button),
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (name != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
    else
      gtk_accessible_reset_property (GTK_ACCESSIBLE (buttons[i]),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  gtk_widget_set_visible (GTK_WIDGET (self->menu_button),
                          self->item != NULL && mscos_item_get_corrections (self->item)->len > 0);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->comment_button), "s",
                                    self->item ? mscos_item_get_id (self->item) : "");
  show_comment_button (self);
}

static void
show_corrections_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MscosItemActions *self = MSCOS_ITEM_ACTIONS (widget);

  if (self->item == NULL || mscos_item_get_corrections (self->item)->len == 0)
    return;

  mscos_present_dialog (mscos_corrections_dialog_new (self->item), widget);
}

static void
comment_button_sensitive_cb (MscosItemActions *self)
{
  show_comment_button (self);
}

static void
bookmark_toggled_cb (MscosItemActions *self)
{
  if (self->updating || !can_change (self))
    return;

  mscos_library_set_bookmarked (self->library, get_pack_id (self), self->item,
                                gtk_toggle_button_get_active (self->bookmark_button));
}

static void
note_changed_cb (MscosItemActions *self,
                 GtkTextBuffer    *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || !can_change (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  mscos_library_set_note (self->library, get_pack_id (self), self->item, text);
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

typedef struct
{
  MscosLibrary      *library;
  MscosLibraryEntry *snapshot;
} DeletedNote;

static void
deleted_note_free (gpointer  data,
                   GClosure *closure)
{
  DeletedNote *deleted = data;

  g_object_unref (deleted->library);
  g_object_unref (deleted->snapshot);
  g_free (deleted);
}

static void
undo_delete_cb (AdwToast    *toast,
                DeletedNote *deleted)
{
  mscos_library_restore (deleted->library, deleted->snapshot);
}

static void
delete_clicked_cb (MscosItemActions *self)
{
  DeletedNote *deleted;
  AdwToast *toast;
  GtkRoot *root;

  if (self->entry == NULL || !can_change (self))
    return;

  deleted = g_new0 (DeletedNote, 1);
  deleted->library = g_object_ref (self->library);
  deleted->snapshot = mscos_library_entry_copy (self->entry);
  gtk_menu_button_popdown (self->note_button);
  mscos_library_set_note (self->library, get_pack_id (self), self->item, NULL);

  toast = adw_toast_new (_("Note deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                         deleted, deleted_note_free, 0);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (MSCOS_IS_WINDOW (root))
    mscos_window_add_toast (MSCOS_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* The item's menu, made the first time it is opened: a menu model given to the button makes
 * its popover at once, for every card of a page. A screen reader names it after its button,
 * as it named the menu the button made. */
static GtkWidget *
create_item_menu (gpointer user_data)
{
  MscosItemActions *self = MSCOS_ITEM_ACTIONS (user_data);
  GtkWidget *menu = gtk_popover_menu_new_from_model (self->item_menu);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->menu_button, NULL, -1);

  return menu;
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

/* The buttons are also in rows that are not cards (a recommendation's), inside the page's
 * padded card frames: see mscos_widget_accessible_get_bounds(). */
static void
mscos_item_actions_accessible_init (GtkAccessibleInterface *iface)
{
  iface->get_bounds = mscos_widget_accessible_get_bounds;
}

static void
mscos_item_actions_dispose (GObject *object)
{
  MscosItemActions *self = MSCOS_ITEM_ACTIONS (object);

  g_clear_weak_pointer (&self->note_editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_ITEM_ACTIONS);

  g_clear_object (&self->library_signals);
  g_clear_object (&self->entry_signals);
  g_clear_object (&self->entry);
  g_clear_object (&self->library);
  g_clear_object (&self->pack);
  g_clear_object (&self->item);
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
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

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
mscos_item_actions_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MscosItemActions *self = MSCOS_ITEM_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      mscos_item_actions_set_library (self, g_value_get_object (value));
      break;

    case PROP_PACK:
      mscos_item_actions_set_pack (self, g_value_get_object (value));
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
  object_class->set_property = mscos_item_actions_set_property;


  /**
   * MscosItemActions:library:
   *
   * The user's library, where the bookmark and note are kept.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         MSCOS_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * MscosItemActions:pack:
   *
   * The content pack the item is from, whose id the library files the entry under.
   */
  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         MSCOS_TYPE_CONTENT_PACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
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
  gtk_widget_class_bind_template_child (widget_class, MscosItemActions, comment_button);
  gtk_widget_class_bind_template_child (widget_class, MscosItemActions, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MscosItemActions, item_menu);
  gtk_widget_class_bind_template_callback (widget_class, bookmark_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, comment_button_sensitive_cb);

  gtk_widget_class_install_action (widget_class, "item.show-corrections", NULL, show_corrections_cb);
}

static void
mscos_item_actions_init (MscosItemActions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = SHOWN_NOTHING;
  self->entry_signals = g_signal_group_new (MSCOS_TYPE_LIBRARY_ENTRY);
  g_signal_group_connect_object (self->entry_signals, "notify", G_CALLBACK (update_from_entry),
                                 self, G_CONNECT_SWAPPED);
  self->library_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->library_signals, "items-changed", G_CALLBACK (lookup_entry),
                                 self, G_CONNECT_SWAPPED);
  mscos_menu_button_set_popover_func (self->note_button, create_note_editor, self);
  mscos_menu_button_set_popover_func (self->menu_button, create_item_menu, self);
  /* The target first: the action takes an item's id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->comment_button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->comment_button), "win.add-comment");
  gtk_widget_set_sensitive (GTK_WIDGET (self->bookmark_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_button), FALSE);
}

/**
 * mscos_item_actions_set_library:
 * @library: (nullable): the user's library
 */
void
mscos_item_actions_set_library (MscosItemActions *self,
                                MscosLibrary     *library)
{
  g_return_if_fail (MSCOS_IS_ITEM_ACTIONS (self));
  g_return_if_fail (library == NULL || MSCOS_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  g_signal_group_set_target (self->library_signals, library ? mscos_library_get_entries (library) : NULL);
  lookup_entry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * mscos_item_actions_set_pack:
 * @pack: (nullable): the content pack the items are from
 */
void
mscos_item_actions_set_pack (MscosItemActions *self,
                             MscosContentPack *pack)
{
  g_return_if_fail (MSCOS_IS_ITEM_ACTIONS (self));
  g_return_if_fail (pack == NULL || MSCOS_IS_CONTENT_PACK (pack));

  if (!g_set_object (&self->pack, pack))
    return;

  lookup_entry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

/**
 * mscos_item_actions_set_item:
 * @item: (nullable): a bookmarkable item
 *
 * Shows and changes the bookmark and note of @item in the library.
 */
void
mscos_item_actions_set_item (MscosItemActions *self,
                             MscosItem        *item)
{
  g_return_if_fail (MSCOS_IS_ITEM_ACTIONS (self));
  g_return_if_fail (item == NULL || MSCOS_IS_ITEM (item));

  if (self->item == item)
    return;

  /* A note being written belongs to the item it was opened for. */
  if (self->note_editor != NULL)
    gtk_menu_button_popdown (self->note_button);

  gtk_menu_button_popdown (self->menu_button);

  g_set_object (&self->item, item);
  show_item (self);
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
