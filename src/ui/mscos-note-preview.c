/* mscos-note-preview.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-note-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-note-preview.h"
#include "mscos-ui-utils.h"

/* The user's note on an item, shown on the item's card; hidden while there is none. It
 * follows the card's #MscosItemActions, which follows the library. */

struct _MscosNotePreview
{
  GtkWidget         parent_instance;

  MscosItemActions *actions;
  GtkLabel         *text_label;
  GtkLabel         *outdated_label;
};

G_DEFINE_FINAL_TYPE (MscosNotePreview, mscos_note_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (MscosNotePreview *self)
{
  g_autofree char *text = NULL;
  gboolean has_note = FALSE;
  gboolean outdated = FALSE;

  if (self->actions != NULL)
    g_object_get (self->actions,
                  "note-text", &text,
                  "has-note", &has_note,
                  "note-outdated", &outdated,
                  NULL);

  gtk_label_set_text (self->text_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->outdated_label), outdated);
  gtk_widget_set_visible (GTK_WIDGET (self), has_note);
}

static void
mscos_note_preview_dispose (GObject *object)
{
  MscosNotePreview *self = MSCOS_NOTE_PREVIEW (object);

  mscos_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (mscos_note_preview_parent_class)->dispose (object);
}

static void
mscos_note_preview_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MscosNotePreview *self = MSCOS_NOTE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ACTIONS:
      /* Set once, from the card's template; not construct-only so that the template may name
       * the actions widget before or after this one. */
      g_return_if_fail (self->actions == NULL);
      self->actions = g_value_dup_object (value);
      if (self->actions != NULL)
        g_signal_connect_object (self->actions, "notify", G_CALLBACK (update), self,
                                 G_CONNECT_SWAPPED);
      update (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_note_preview_class_init (MscosNotePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_note_preview_dispose;
  object_class->set_property = mscos_note_preview_set_property;

  properties[PROP_ACTIONS] =
    g_param_spec_object ("actions", NULL, NULL,
                         MSCOS_TYPE_ITEM_ACTIONS,
                         (G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notepreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mscos_note_preview_init (MscosNotePreview *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *heading = gtk_label_new (_("Your note"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_set_parent (heading, GTK_WIDGET (self));

  self->text_label = GTK_LABEL (mscos_text_label_new ("", "note-text"));
  gtk_widget_set_parent (GTK_WIDGET (self->text_label), GTK_WIDGET (self));

  self->outdated_label = GTK_LABEL (gtk_label_new (_("This item has changed since your note.")));
  gtk_label_set_xalign (self->outdated_label, 0.0f);
  gtk_label_set_wrap (self->outdated_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->outdated_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->outdated_label), "warning");
  gtk_widget_set_parent (GTK_WIDGET (self->outdated_label), GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your note"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
