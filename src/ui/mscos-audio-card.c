/* mscos-audio-card.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-audio-card"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-change-label.h"
#include "mscos-audio-card.h"
#include "mscos-hanging-row.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-ui-utils.h"

/* A recorded testimony. A recording shipped with the pack plays here; one on a web page opens
 * that page; with neither, the card says plainly that the recording is not in this pack. A
 * recording of the pack that was not there to read when the pack was read (not copied with
 * it, or not granted: a pack file opened on its own through the document portal comes without
 * its folder) is not handed to the media framework, whose error would say nothing useful: the
 * card says the recording is not with the pack and offers to open the pack's folder. The
 * transcript, when there is one, is shown by the page under the card either way.
 *
 * The streams belong to the page (MscosAudioCard:media-streams, by item id), not to the card:
 * a recording goes on playing when its card scrolls away and the list view gives the card to
 * another row, and its card shows it playing when it comes back. */

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
  GtkButton        *folder_button;
  GtkBox           *links_box;
  GtkToggleButton  *transcript_button;
  GtkImage         *transcript_icon;
  MscosItemActions *actions;

  GHashTable       *streams;
  GtkMediaStream   *stream;
  GSignalGroup     *stream_signals;
};

G_DEFINE_FINAL_TYPE (MscosAudioCard, mscos_audio_card, MSCOS_TYPE_ITEM_CARD)

enum {
  PROP_0,
  PROP_MEDIA_STREAMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const MscosAudioSource *
find_source (MscosAudioCard       *self,
             MscosAudioSourceType  type)
{
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (self));
  GPtrArray *sources = item ? mscos_item_get_audio_sources (item) : NULL;

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
  gtk_label_set_text (self->status_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_box), message != NULL);
}

static void
show_play_button (MscosAudioCard *self,
                  const char     *icon_name,
                  const char     *tooltip,
                  const char     *accessible)
{
  gtk_button_set_icon_name (self->play_button, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
stream_changed_cb (MscosAudioCard *self)
{
  gboolean playing = gtk_media_stream_get_playing (self->stream);
  const GError *error = gtk_media_stream_get_error (self->stream);
  const char *label = playing ? _("Pause") : _("Play");

  show_play_button (self, playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic",
                    label, label);

  if (error != NULL)
    {
      /* Translators: %s says why, as the media framework put it */
      g_autofree char *message = g_strdup_printf (_("This recording cannot be played: %s"), error->message);

      show_status (self, message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->play_button), FALSE);
    }
}

/* Shows @stream, the recording of the card's item, in the card. */
static void
attach_stream (MscosAudioCard *self,
               GtkMediaStream *stream)
{
  self->stream = stream;
  g_signal_group_set_target (self->stream_signals, stream);
  gtk_media_controls_set_media_stream (self->controls, stream);
  gtk_widget_set_visible (GTK_WIDGET (self->controls), stream != NULL);
  if (stream != NULL)
    stream_changed_cb (self);
}

static void
play_clicked_cb (MscosAudioCard *self)
{
  const MscosAudioSource *file_source = find_source (self, MSCOS_AUDIO_SOURCE_FILE);
  const MscosAudioSource *page_source = find_source (self, MSCOS_AUDIO_SOURCE_PAGE);
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (self));

  if (file_source == NULL || !file_source->reachable)
    {
      if (page_source != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.open-uri", "s", page_source->uri);
      return;
    }

  if (self->stream == NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (file_source->uri);
      GtkMediaStream *stream = gtk_media_file_new_for_file (file);

      if (self->streams != NULL)
        g_hash_table_insert (self->streams, g_strdup (mscos_item_get_id (item)), stream);
      else
        g_object_set_data_full (G_OBJECT (self), "stream", stream, g_object_unref);
      /* A stream that cannot be played may say so as soon as it is made. */
      attach_stream (self, stream);
      if (gtk_media_stream_get_error (stream) != NULL)
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
  mscos_item_card_toggled (MSCOS_ITEM_CARD (self), self->transcript_button);
}

static void
clear_links (MscosAudioCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_box_remove (self->links_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), FALSE);
}

static void
mscos_audio_card_bind (MscosItemCard *card,
                       MscosPageRow  *row)
{
  MscosAudioCard *self = MSCOS_AUDIO_CARD (card);
  MscosItem *item = mscos_page_row_get_item (row);
  GPtrArray *sources = mscos_item_get_audio_sources (item);
  const MscosAudioSource *file_source = find_source (self, MSCOS_AUDIO_SOURCE_FILE);
  const MscosAudioSource *page_source = find_source (self, MSCOS_AUDIO_SOURCE_PAGE);
  GtkMediaStream *stream = NULL;
  gboolean playable;
  MscosItem *old = mscos_page_row_get_old_item (row);

  mscos_change_label_set_words (self->title_label, mscos_item_get_title (item),
                                old ? mscos_item_get_title (old) : NULL);
  gtk_label_set_text (self->speaker_label, mscos_item_get_speaker (item));
  mscos_change_label_set_words (self->description_label, mscos_item_get_summary (item),
                                old ? mscos_item_get_summary (old) : NULL);
  mscos_item_actions_set_item (self->actions, item);

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

  playable = file_source != NULL && file_source->reachable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->play_button), playable || page_source != NULL);
  if (file_source != NULL && !playable)
    {
      show_status (self, _("This recording is not with the pack. Open the pack’s folder to "
                           "play it."));
      gtk_widget_set_visible (GTK_WIDGET (self->folder_button), TRUE);
    }

  if (!playable && page_source == NULL)
    {
      show_play_button (self, "media-playback-start-symbolic", _("Play"), _("Play"));
      if (file_source == NULL)
        show_status (self, _("The recording is not in this content pack."));
    }
  else if (!playable)
    {
      show_play_button (self, "adw-external-link-symbolic", _("Listen on the Web"), _("Listen on the web"));
    }
  else
    {
      show_play_button (self, "media-playback-start-symbolic", _("Play"), _("Play"));
      if (self->streams != NULL)
        stream = g_hash_table_lookup (self->streams, mscos_item_get_id (item));
    }

  attach_stream (self, stream);
  gtk_widget_set_visible (GTK_WIDGET (self->transcript_button), mscos_page_row_get_expandable (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mscos_item_get_title (item), -1);
  /* Every recording has these buttons: a screen reader says which recording they are for. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mscos_item_get_title (item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->transcript_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mscos_item_get_title (item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->folder_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mscos_item_get_title (item), -1);
}

static void
mscos_audio_card_unbind (MscosItemCard *card)
{
  MscosAudioCard *self = MSCOS_AUDIO_CARD (card);

  attach_stream (self, NULL);
  /* A stream made without the page's table ends with its card's row. */
  g_object_set_data (G_OBJECT (self), "stream", NULL);
  show_status (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->folder_button), FALSE);
  clear_links (self);
  mscos_item_actions_set_item (self->actions, NULL);
}

static void
mscos_audio_card_expanded_changed (MscosItemCard *card,
                                   gboolean       expanded)
{
  MscosAudioCard *self = MSCOS_AUDIO_CARD (card);

  mscos_item_card_show_expanded (card, self->transcript_button, self->transcript_icon, expanded);
}

static void
mscos_audio_card_constructed (GObject *object)
{
  MscosAudioCard *self = MSCOS_AUDIO_CARD (object);

  G_OBJECT_CLASS (mscos_audio_card_parent_class)->constructed (object);

  mscos_item_card_set_up_actions (MSCOS_ITEM_CARD (self), GTK_WIDGET (self->actions));
}

static void
mscos_audio_card_dispose (GObject *object)
{
  MscosAudioCard *self = MSCOS_AUDIO_CARD (object);

  mscos_item_card_set_row (MSCOS_ITEM_CARD (self), NULL);
  g_clear_object (&self->stream_signals);
  g_clear_pointer (&self->streams, g_hash_table_unref);

  G_OBJECT_CLASS (mscos_audio_card_parent_class)->dispose (object);
}

static void
mscos_audio_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MscosAudioCard *self = MSCOS_AUDIO_CARD (object);

  switch (prop_id)
    {
    case PROP_MEDIA_STREAMS:
      self->streams = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_audio_card_class_init (MscosAudioCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MscosItemCardClass *card_class = MSCOS_ITEM_CARD_CLASS (klass);

  object_class->constructed = mscos_audio_card_constructed;
  object_class->dispose = mscos_audio_card_dispose;
  object_class->set_property = mscos_audio_card_set_property;

  card_class->bind = mscos_audio_card_bind;
  card_class->unbind = mscos_audio_card_unbind;
  card_class->expanded_changed = mscos_audio_card_expanded_changed;

  /**
   * MscosAudioCard:media-streams: (type GLib.HashTable(utf8,GtkMediaStream))
   *
   * The page's recordings by item id, made the first time each is played.
   */
  properties[PROP_MEDIA_STREAMS] =
    g_param_spec_boxed ("media-streams", NULL, NULL,
                        G_TYPE_HASH_TABLE,
                        (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-audio-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, box);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, play_button);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, controls);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, status_box);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, folder_button);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, links_box);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, transcript_button);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, transcript_icon);
  gtk_widget_class_bind_template_child (widget_class, MscosAudioCard, actions);
  gtk_widget_class_bind_template_callback (widget_class, play_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, transcript_toggled_cb);
}

static void
mscos_audio_card_init (MscosAudioCard *self)
{
  g_type_ensure (MSCOS_TYPE_HANGING_ROW);
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->stream_signals = g_signal_group_new (GTK_TYPE_MEDIA_STREAM);
  g_signal_group_connect_object (self->stream_signals, "notify::playing", G_CALLBACK (stream_changed_cb),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->stream_signals, "notify::error", G_CALLBACK (stream_changed_cb),
                                 self, G_CONNECT_SWAPPED);
}
