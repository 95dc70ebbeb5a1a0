/* mscos-audio-card.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-audio-card"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-audio-card.h"
#include "mscos-blocks-view.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-ui-utils.h"

/* A recorded testimony. A recording shipped with the pack plays here; one on a web page opens
 * that page; with neither, the card says plainly that the recording is not in this pack. */

struct _MscosAudioCard
{
  MscosItemCard     parent_instance;

  GtkBox           *box;
  GtkButton        *play_button;
  GtkLabel         *title_label;
  GtkLabel         *speaker_label;
  GtkLabel         *description_label;
  GtkMediaControls *controls;
  GtkBox           *status_box;
  GtkLabel         *status_label;
  GtkBox           *links_box;
  GtkToggleButton  *transcript_button;
  GtkImage         *transcript_icon;
  GtkRevealer      *transcript_revealer;
  MscosBlocksView  *transcript_view;
  MscosItemActions *actions;

  GtkMediaStream   *stream;
};

G_DEFINE_FINAL_TYPE (MscosAudioCard, mscos_audio_card, MSCOS_TYPE_ITEM_CARD)

static const MscosAudioSource *
find_source (MscosAudioCard       *self,
             MscosAudioSourceType  type)
{
  GPtrArray *sources = mscos_item_get_audio_sources (mscos_item_card_get_item (MSCOS_ITEM_CARD (self)));

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const MscosAudioSource *source = g_ptr_array_index (sources, i);

      if (source->type == type && source->uri != NULL)
        return source;
    }

  return NULL;
}

static void
show_status (MscosAudioCard *self,
             const char     *message)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_box), TRUE);
}

static void
stream_changed_cb (MscosAudioCard *self)
{
  gboolean playing = gtk_media_stream_get_playing (self->stream);
  const GError *error = gtk_media_stream_get_error (self->stream);
  const char *label = playing ? _("Pause") : _("Play");

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (error != NULL)
    {
      /* Translators: %s says why, as the media framework put it */
      g_autofree char *message = g_strdup_printf (_("This recording cannot be played: %s"), error->message);

      show_status (self, message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->play_button), FALSE);
    }
}

static void
play_clicked_cb (MscosAudioCard *self)
{
  const MscosAudioSource *file_source = find_source (self, MSCOS_AUDIO_SOURCE_FILE);
  const MscosAudioSource *page_source = find_source (self, MSCOS_AUDIO_SOURCE_PAGE);

  if (file_source == NULL)
    {
      if (page_source != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.open-uri", "s", page_source->uri);
      return;
    }

  if (self->stream == NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (file_source->uri);

      self->stream = gtk_media_file_new_for_file (file);
      g_signal_connect_object (self->stream, "notify::playing", G_CALLBACK (stream_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stream, "notify::error", G_CALLBACK (stream_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_media_controls_set_media_stream (self->controls, self->stream);
      gtk_widget_set_visible (GTK_WIDGET (self->controls), TRUE);
      /* A stream that cannot be played may say so as soon as it is made. */
      stream_changed_cb (self);
      if (gtk_media_stream_get_error (self->stream) != NULL)
        return;
    }

  if (gtk_media_stream_get_playing (self->stream))
    gtk_media_stream_pause (self->stream);
  else
    gtk_media_stream_play (self->stream);
}

static void
transcript_toggled_cb (MscosAudioCard *self)
{
  mscos_disclosure_update (self->transcript_button, self->transcript_revealer, self->transcript_icon);
}

static void
mscos_audio_card_set_expanded (MscosItemCard *card,
                               gboolean       expanded)
{
  MscosAudioCard *self = MSCOS_AUDIO_CARD (card);

  if (gtk_widget_get_visible (GTK_WIDGET (self->transcript_button)))
    gtk_toggle_button_set_active (self->transcript_button, expanded);
}

static void
mscos_audio_card_constructed (GObject *object)
{
  MscosAudioCard *self = MSCOS_AUDIO_CARD (object);
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (self));
  GPtrArray *sources = mscos_item_get_audio_sources (item);
  const MscosAudioSource *file_source;
  const MscosAudioSource *page_source;

  G_OBJECT_CLASS (mscos_audio_card_parent_class)->constructed (object);

  gtk_label_set_text (self->title_label, mscos_item_get_title (item));
  gtk_label_set_text (self->speaker_label, mscos_item_get_speaker (item));
  gtk_label_set_text (self->description_label, mscos_item_get_summary (item));
  mscos_item_actions_set_item (self->actions, item);

  file_source = find_source (self, MSCOS_AUDIO_SOURCE_FILE);
  page_source = find_source (self, MSCOS_AUDIO_SOURCE_PAGE);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const MscosAudioSource *source = g_ptr_array_index (sources, i);

      if (source->type == MSCOS_AUDIO_SOURCE_PAGE)
        {
          gtk_box_append (self->links_box,
                          mscos_link_button_new (source->title ? source->title : _("Listen on the Web"),
                                                 source->uri));
          gtk_widget_set_visible (GTK_WIDGET (self->links_box), TRUE);
        }
    }

  if (file_source == NULL && page_source == NULL)
    {
      show_status (self, _("The recording is not in this content pack."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->play_button), FALSE);
    }
  else if (file_source == NULL)
    {
      gtk_button_set_icon_name (self->play_button, "adw-external-link-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), _("Listen on the Web"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Listen on the web"), -1);
    }

  if (mscos_item_get_blocks (item) != NULL && mscos_item_get_blocks (item)->len > 0)
    {
      mscos_blocks_view_set_blocks (self->transcript_view, mscos_item_get_blocks (item));
      gtk_widget_set_visible (GTK_WIDGET (self->transcript_button), TRUE);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mscos_item_get_title (item), -1);
  mscos_disclosure_update (self->transcript_button, self->transcript_revealer, self->transcript_icon);
}

static void
mscos_audio_card_dispose (GObject *object)
{
  MscosAudioCard *self = MSCOS_AUDIO_CARD (object);

  if (self->stream != NULL)
    gtk_media_stream_pause (self->stream);
  g_clear_object (&self->stream);

  G_OBJECT_CLASS (mscos_audio_card_parent_class)->dispose (object);
}

static void
mscos_audio_card_class_init (MscosAudioCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mscos_audio_card_constructed;
  object_class->dispose = mscos_audio_card_dispose;
  MSCOS_ITEM_CARD_CLASS (klass)->set_expanded = mscos_audio_card_set_expanded;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-audio-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, box);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, play_button);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, controls);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, status_box);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, links_box);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, transcript_button);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, transcript_icon);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, transcript_revealer);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, transcript_view);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, actions);
  gtk_widget_class_bind_template_callback (widget_class, play_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, transcript_toggled_cb);
}

static void
mscos_audio_card_init (MscosAudioCard *self)
{
  g_type_ensure (MSCOS_TYPE_BLOCKS_VIEW);
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}
