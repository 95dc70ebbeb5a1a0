/* mscos-outcome-row.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-outcome-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mscos-blocks-view.h"
#include "mscos-change-label.h"
#include "mscos-item-card.h"
#include "mscos-outcome-header.h"
#include "mscos-outcome-row.h"
#include "mscos-page-model.h"
#include "mscos-recommendation-row.h"
#include "mscos-ui-utils.h"

/* The widget of one row of an outcome page (an MscosPageRow), which the page's list view
 * gives one row after another as they come on screen.
 *
 * A card that is open spans several rows; each row draws its piece of every card it is drawn
 * in, in nested frames: a frame that begins at the row has the card's top edge, one that ends
 * there its bottom edge, and the innermost frame that goes on from the row above holds the
 * gap between the two rows, so the pieces join into one card.
 *
 * What a row shows differs with its kind; the widget keeps what it has made for each kind,
 * hidden while another is shown, so a row of a kind it has shown before costs no new
 * widgets.
 *
 * A row does not measure how wide its text would like to be. Its paragraphs wrap to any width;
 * their natural width is each laid out on one line, and with their minimum width that was
 * two thirds of the text layout a row cost when it came on screen (callgrind, 10,000-item
 * page: 1.3 G of the main thread's 3 G instructions in pango_layout_get_size). The page is
 * as wide as the window allows up to its clamp, so a row asks for the width of the narrowest
 * window instead, and measures only its height for the width it is given.
 *
 * GTK still asks every label how wide it can be before it asks how tall it is at a width,
 * and a label that wraps at any character works that out by laying its text out at no width
 * at all, a character a line: for a quote of 1,700 characters 22 ms, where laying it out at
 * the width shown takes 1 ms (Pango shapes what is left of a paragraph again for each line).
 * That was 85 of the 97 ms of text layout of Expand All on the Safety page. A row's
 * paragraphs are therefore never narrower than a few characters, and work out that width at
 * it, a few characters a line. How many follows the page's text size: 6 at the largest (300 %),
 * where the text of a recommendation inside a set has about 220 px in a 360 px window (less
 * while reviewing, where a change is indented), and as many more as make the same width at a
 * smaller size, 18 at the normal size. At 18 characters a line instead of 6, Expand All on the
 * Safety page costs 22 % fewer instructions (callgrind: 250 million against 321 million). */

/* The width a row needs: that of a 360 px window less the page's margins. */
#define ROW_MIN_WIDTH 300
/* The least width, in characters, of the row's paragraphs at the largest text size, that text
 * size, the most characters that width is taken to be at a smaller size, and how long a text
 * is to be taken for a paragraph; see get_label_min_chars() and limit_label_widths(). */
#define LABEL_MIN_CHARS 6
#define LARGEST_TEXT_SCALE 3.0
#define LABEL_MAX_CHARS 18
#define PARAGRAPH_BYTES 64
/* How far a recommendation's change is indented at each level, as the recommendation is
 * (mscos-recommendation-row.c). */
#define CHANGE_INDENT_PX 24

/* The width the last row was given, which is what a new row will get: the rows of a page are
 * all as wide. */
static int last_row_width;

typedef enum
{
  CONTENT_NONE = -1,
  CONTENT_HEADER,
  CONTENT_SECTION,
  CONTENT_QUOTE,
  CONTENT_AUDIO,
  CONTENT_RESOURCE,
  CONTENT_SET,
  CONTENT_PROFILE,
  CONTENT_TEXT,
  CONTENT_BLOCK,
  CONTENT_LINKS,
  CONTENT_SET_INTRO,
  CONTENT_GROUP,
  CONTENT_RECOMMENDATION,
  N_CONTENTS
} Content;

struct _MscosOutcomeRow
{
  GtkWidget         parent_instance;

  MscosLibrary     *library;
  MscosContentPack *pack;
  GHashTable       *media_streams;
  /* the page's text size, relative to the normal size */
  double            text_scale;

  GtkWidget        *frames[MSCOS_PAGE_ROW_MAX_FRAMES];
  /* the style class of the kind of card each frame draws, while it draws one */
  const char       *frame_classes[MSCOS_PAGE_ROW_MAX_FRAMES];
  GtkWidget        *contents[N_CONTENTS];
  Content           shown;

  MscosPageRow     *row;
  GSignalGroup     *row_signals;

  /* While reviewing: what changed in the row's item, above its card, made the first time a
   * row has a change; and the header's Show Only Changes, bound to the page's model. */
  GtkWidget        *change_label;
  GtkWidget        *only_changes_button;
  GBinding         *only_changes_binding;
};

G_DEFINE_FINAL_TYPE (MscosOutcomeRow, mscos_outcome_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_PACK,
  PROP_MEDIA_STREAMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FOCUS_PAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Content
content_for_row (MscosPageRow *row)
{
  switch (mscos_page_row_get_kind (row))
    {
    case MSCOS_PAGE_ROW_HEADER:
      return CONTENT_HEADER;
    case MSCOS_PAGE_ROW_SECTION:
      return CONTENT_SECTION;
    case MSCOS_PAGE_ROW_BLOCK:
      return CONTENT_BLOCK;
    case MSCOS_PAGE_ROW_LINKS:
      return CONTENT_LINKS;
    case MSCOS_PAGE_ROW_SET_INTRO:
      return CONTENT_SET_INTRO;
    case MSCOS_PAGE_ROW_GROUP:
      return CONTENT_GROUP;
    case MSCOS_PAGE_ROW_RECOMMENDATION:
      return CONTENT_RECOMMENDATION;
    case MSCOS_PAGE_ROW_ITEM:
    default:
      break;
    }

  switch (mscos_item_get_kind (mscos_page_row_get_item (row)))
    {
    case MSCOS_ITEM_QUOTE:
      return CONTENT_QUOTE;
    case MSCOS_ITEM_AUDIO:
      return CONTENT_AUDIO;
    case MSCOS_ITEM_RESOURCE:
      return CONTENT_RESOURCE;
    case MSCOS_ITEM_RECOMMENDATIONS:
      return CONTENT_SET;
    case MSCOS_ITEM_PROFILE:
      return CONTENT_PROFILE;
    case MSCOS_ITEM_TEXT:
      return CONTENT_TEXT;
    case MSCOS_ITEM_GROUP:
    case MSCOS_ITEM_RECOMMENDATION:
    default:
      g_return_val_if_reached (CONTENT_NONE);
    }
}

/* The style class of an item's card, for the frame that draws it. */
static const char *
get_card_class (MscosItem *item)
{
  switch (mscos_item_get_kind (item))
    {
    case MSCOS_ITEM_QUOTE:
      return "quote-card";
    case MSCOS_ITEM_AUDIO:
      return "audio-card";
    case MSCOS_ITEM_RESOURCE:
      return "resource-card";
    case MSCOS_ITEM_RECOMMENDATIONS:
      return "recommendation-set";
    case MSCOS_ITEM_PROFILE:
      return "profile-card";
    case MSCOS_ITEM_TEXT:
    case MSCOS_ITEM_GROUP:
    case MSCOS_ITEM_RECOMMENDATION:
    default:
      return "text-card";
    }
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* A heading or line of text with blocks under it: a section's heading and intro, a group's,
 * a set's source and intro. */
static GtkWidget *
create_titled_blocks (const char *css_class,
                      gboolean    heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = heading ? mscos_heading_label_new ("", css_class) : mscos_text_label_new ("", css_class);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), mscos_blocks_view_new (NULL));

  return box;
}

/* While reviewing a change of them, the title and blocks are compared with @old_title and
 * @old_blocks. */
static void
show_titled_blocks (GtkWidget  *box,
                    const char *title,
                    GPtrArray  *blocks,
                    const char *old_title,
                    GPtrArray  *old_blocks)
{
  mscos_change_label_set_words (GTK_LABEL (gtk_widget_get_first_child (box)), title, old_title);
  mscos_blocks_view_set_compared_blocks (MSCOS_BLOCKS_VIEW (gtk_widget_get_last_child (box)),
                                         blocks, old_blocks);
}

/* The least width, in characters, of the row's paragraphs at its text size: about as wide at
 * every size as LABEL_MIN_CHARS at the largest. */
static int
get_label_min_chars (MscosOutcomeRow *self)
{
  return CLAMP ((int) (LABEL_MIN_CHARS * LARGEST_TEXT_SCALE / self->text_scale), LABEL_MIN_CHARS,
                LABEL_MAX_CHARS);
}

/* Gives every wrapping label under @widget that shows a paragraph its least width (@min_chars),
 * and takes it from one that shows a few words again: a heading of large type that wide could
 * be wider than a 360 px window at the largest text size, and laying a few words out a
 * character a line costs little. Cards and blocks add labels and change their text as they
 * show an item, so it is done at each binding. Labels in buttons do not wrap; a label given a
 * width of its own (a list's marker) keeps it. */
static void
limit_label_widths (GtkWidget *widget,
                    int        min_chars)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          GtkLabel *label = GTK_LABEL (child);
          int chars = gtk_label_get_width_chars (label);

          if (gtk_label_get_wrap (label)
              && (chars == -1 || (chars >= LABEL_MIN_CHARS && chars <= LABEL_MAX_CHARS)))
            gtk_label_set_width_chars (label, strlen (gtk_label_get_text (label)) >= PARAGRAPH_BYTES
                                                ? min_chars : -1);
        }
      else if (!GTK_IS_BUTTON (child))
        {
          limit_label_widths (child, min_chars);
        }
    }
}

static GtkWidget *
create_content (MscosOutcomeRow *self,
                Content          content,
                MscosPageRow    *row)
{
  GtkWidget *widget;

  switch (content)
    {
    case CONTENT_HEADER:
      widget = g_object_new (MSCOS_TYPE_OUTCOME_HEADER, NULL);
      break;

    case CONTENT_SECTION:
      widget = create_titled_blocks ("section-title", TRUE);
      break;

    case CONTENT_GROUP:
      widget = create_titled_blocks ("group-title", TRUE);
      break;

    case CONTENT_SET_INTRO:
      widget = create_titled_blocks ("dim-label", FALSE);
      break;

    case CONTENT_BLOCK:
      widget = mscos_blocks_view_new (NULL);
      break;

    case CONTENT_LINKS:
      widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      break;

    case CONTENT_RECOMMENDATION:
      widget = mscos_recommendation_row_new (self->library, self->pack);
      break;

    case CONTENT_AUDIO:
      widget = g_object_new (mscos_item_card_type_for_item (mscos_page_row_get_item (row)),
                             "library", self->library,
                             "pack", self->pack,
                             "media-streams", self->media_streams,
                             NULL);
      break;

    case CONTENT_QUOTE:
    case CONTENT_RESOURCE:
    case CONTENT_SET:
    case CONTENT_PROFILE:
    case CONTENT_TEXT:
      widget = g_object_new (mscos_item_card_type_for_item (mscos_page_row_get_item (row)),
                             "library", self->library,
                             "pack", self->pack,
                             NULL);
      break;

    case CONTENT_NONE:
    case N_CONTENTS:
    default:
      g_return_val_if_reached (NULL);
    }

  gtk_box_append (GTK_BOX (self->frames[MSCOS_PAGE_ROW_MAX_FRAMES - 1]), widget);

  return widget;
}

static void
bind_content (MscosOutcomeRow *self,
              Content          content,
              MscosPageRow    *row)
{
  GtkWidget *widget = self->contents[content];
  MscosItem *item = row ? mscos_page_row_get_item (row) : NULL;
  GtkWidget *child;

  switch (content)
    {
    case CONTENT_HEADER:
      mscos_outcome_header_set_outcome (MSCOS_OUTCOME_HEADER (widget),
                                        row ? mscos_page_row_get_outcome (row) : NULL);
      break;

    case CONTENT_SECTION:
      if (row != NULL)
        {
          MscosSection *section = mscos_page_row_get_section (row);
          MscosSection *old = mscos_page_row_get_old_section (row);

          show_titled_blocks (widget, mscos_section_get_title (section),
                              mscos_section_get_intro (section),
                              old ? mscos_section_get_title (old) : NULL,
                              old ? mscos_section_get_intro (old) : NULL);
        }
      break;

    case CONTENT_GROUP:
      if (row != NULL)
        {
          MscosItem *old = mscos_page_row_get_old_item (row);

          show_titled_blocks (widget, mscos_item_get_title (item), mscos_item_get_intro (item),
                              old ? mscos_item_get_title (old) : NULL,
                              old ? mscos_item_get_intro (old) : NULL);
        }
      break;

    case CONTENT_SET_INTRO:
      if (row != NULL && mscos_item_get_organisation (item) != NULL)
        {
          /* Translators: who made a set of recommendations, "From Hope for Justice" */
          g_autofree char *source = g_strdup_printf (_("From %s"), mscos_item_get_organisation (item));

          show_titled_blocks (widget, source, mscos_item_get_intro (item), NULL, NULL);
        }
      else if (row != NULL)
        {
          show_titled_blocks (widget, NULL, mscos_item_get_intro (item), NULL, NULL);
        }
      break;

    case CONTENT_BLOCK:
      mscos_blocks_view_set_row (MSCOS_BLOCKS_VIEW (widget), row);
      break;

    case CONTENT_LINKS:
      while ((child = gtk_widget_get_first_child (widget)) != NULL)
        gtk_box_remove (GTK_BOX (widget), child);
      if (row != NULL)
        mscos_links_box_fill (GTK_BOX (widget), mscos_item_get_links (item));
      break;

    case CONTENT_RECOMMENDATION:
      mscos_recommendation_row_set_row (MSCOS_RECOMMENDATION_ROW (widget), row);
      break;

    case CONTENT_QUOTE:
    case CONTENT_AUDIO:
    case CONTENT_RESOURCE:
    case CONTENT_SET:
    case CONTENT_PROFILE:
    case CONTENT_TEXT:
      mscos_item_card_set_row (MSCOS_ITEM_CARD (widget), row);
      break;

    case CONTENT_NONE:
    case N_CONTENTS:
    default:
      g_assert_not_reached ();
    }

  if (row != NULL)
    {
      mscos_widget_set_text_language (widget, mscos_content_pack_get_language (self->pack));
      limit_label_widths (widget, get_label_min_chars (self));
    }
}

static GtkWidget *
get_highlight_target (MscosOutcomeRow *self)
{
  guint n_frames = mscos_page_row_get_n_frames (self->row);

  /* An item's card is marked; anything else, such as one recommendation, by itself. */
  if (mscos_page_row_get_kind (self->row) == MSCOS_PAGE_ROW_ITEM && n_frames > 0)
    return self->frames[n_frames - 1];

  return self->contents[self->shown];
}

static void
update_highlight (MscosOutcomeRow *self)
{
  for (guint i = 0; i < MSCOS_PAGE_ROW_MAX_FRAMES; i++)
    gtk_widget_remove_css_class (self->frames[i], "highlighted");
  for (guint i = 0; i < N_CONTENTS; i++)
    if (self->contents[i] != NULL)
      gtk_widget_remove_css_class (self->contents[i], "highlighted");

  if (self->row != NULL && mscos_page_row_get_highlighted (self->row))
    gtk_widget_add_css_class (get_highlight_target (self), "highlighted");
}

static void
update_frames (MscosOutcomeRow *self)
{
  guint n_frames = self->row ? mscos_page_row_get_n_frames (self->row) : 0;
  int gap_frame = -1;

  for (guint i = 0; i < n_frames; i++)
    if (!mscos_page_row_get_frame_first (self->row, i))
      gap_frame = i;

  for (guint i = 0; i < MSCOS_PAGE_ROW_MAX_FRAMES; i++)
    {
      GtkWidget *frame = self->frames[i];
      gboolean drawn = i < n_frames;
      const char *card_class = drawn ? get_card_class (mscos_page_row_get_frame_item (self->row, i)) : NULL;

      if (self->frame_classes[i] != card_class)
        {
          if (self->frame_classes[i] != NULL)
            gtk_widget_remove_css_class (frame, self->frame_classes[i]);
          if (card_class != NULL)
            gtk_widget_add_css_class (frame, card_class);
          self->frame_classes[i] = card_class;
        }

      set_css_class (frame, "card-frame", drawn);
      set_css_class (frame, "nested", drawn && i > 0);
      set_css_class (frame, "frame-first", drawn && mscos_page_row_get_frame_first (self->row, i));
      set_css_class (frame, "frame-last", drawn && mscos_page_row_get_frame_last (self->row, i));
      set_css_class (frame, "frame-gap", drawn && (int) i == gap_frame);
    }

  /* The space between cards, and after the header and headings, is outside the cards. */
  set_css_class (GTK_WIDGET (self), "row-end",
                 self->row != NULL && (n_frames == 0 || mscos_page_row_get_frame_last (self->row, 0)));
  set_css_class (GTK_WIDGET (self), "header-row",
                 self->row != NULL && mscos_page_row_get_kind (self->row) == MSCOS_PAGE_ROW_HEADER);
}

static void
clear_only_changes_binding (MscosOutcomeRow *self)
{
  if (self->only_changes_binding == NULL)
    return;

  g_binding_unbind (self->only_changes_binding);
  g_clear_object (&self->only_changes_binding);
}

/* While reviewing: the row's change above its card; a removed item's card dimmed; Show Only
 * Changes under the page's header. */
static void
update_change (MscosOutcomeRow *self)
{
  MscosPageRow *row = self->row;
  MscosPackChange *change = row ? mscos_page_row_get_change (row) : NULL;
  gboolean header = row != NULL && mscos_page_row_get_kind (row) == MSCOS_PAGE_ROW_HEADER
                    && mscos_page_row_get_diff (row) != NULL;
  GtkWidget *content = self->shown != CONTENT_NONE ? self->contents[self->shown] : NULL;

  if (change != NULL && self->change_label == NULL)
    {
      self->change_label = mscos_change_label_new ();
      gtk_box_prepend (GTK_BOX (self->frames[MSCOS_PAGE_ROW_MAX_FRAMES - 1]), self->change_label);
    }
  if (self->change_label != NULL)
    {
      gboolean nested = change != NULL
                        && mscos_page_row_get_kind (row) == MSCOS_PAGE_ROW_RECOMMENDATION;

      mscos_change_label_set_row (MSCOS_CHANGE_LABEL (self->change_label), change ? row : NULL);
      gtk_widget_set_margin_start (self->change_label,
                                   nested ? CHANGE_INDENT_PX * mscos_page_row_get_level (row) : 0);
    }

  /* The cards say their change to screen readers themselves (MscosItemCard). */
  for (guint i = 0; i < N_CONTENTS; i++)
    if (self->contents[i] != NULL)
      set_css_class (self->contents[i], "removed-item",
                     self->contents[i] == content && row != NULL
                     && mscos_page_row_is_removed (row));

  clear_only_changes_binding (self);
  if (header && self->only_changes_button == NULL)
    {
      self->only_changes_button = gtk_toggle_button_new_with_mnemonic (_("Show _Only Changes"));
      gtk_widget_set_halign (self->only_changes_button, GTK_ALIGN_START);
      gtk_widget_add_css_class (self->only_changes_button, "only-changes-button");
      gtk_box_append (GTK_BOX (self->frames[MSCOS_PAGE_ROW_MAX_FRAMES - 1]),
                      self->only_changes_button);
    }
  if (self->only_changes_button != NULL)
    gtk_widget_set_visible (self->only_changes_button, header);
  if (header)
    self->only_changes_binding =
      g_object_ref (g_object_bind_property (mscos_page_row_get_model (row), "only-changes",
                                            self->only_changes_button, "active",
                                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

static GtkSizeRequestMode
mscos_outcome_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mscos_outcome_row_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  MscosOutcomeRow *self = MSCOS_OUTCOME_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = ROW_MIN_WIDTH;
      return;
    }

  /* Asked for its height at no width in particular, or at the least width it asked for, the
   * row answers for the width rows are given. The window asks, through the grid view, which
   * then measures every row at its least width, each time it works out its own least size;
   * laying the text out at that width cost as much again as the layout the page shows, for a
   * figure the scrolled window does not use. No row is ever given ROW_MIN_WIDTH: the narrowest
   * window leaves them wider. */
  if (for_size < 0 || for_size == ROW_MIN_WIDTH)
    {
      int width = gtk_widget_get_width (widget);

      for_size = width > 0 ? width : last_row_width;
    }

  gtk_widget_measure (self->frames[0], orientation, MAX (for_size, ROW_MIN_WIDTH),
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
mscos_outcome_row_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  MscosOutcomeRow *self = MSCOS_OUTCOME_ROW (widget);

  last_row_width = width;
  gtk_widget_allocate (self->frames[0], width, height, baseline, NULL);
}

/* Gives the focus to the first (or, going back, the last) control under @widget that is shown
 * and takes it, in the order Tab goes through them (the order of the widgets), and returns it.
 * GTK's own focus movement looks only at widgets that are mapped, and a row the page has just
 * scrolled to is not mapped until the next frame; its grab_focus() looks at hidden ones too,
 * and a row keeps hidden what it showed for other kinds of rows. */
static GtkWidget *
grab_control (GtkWidget *widget,
              gboolean   forward)
{
  for (GtkWidget *child = forward ? gtk_widget_get_first_child (widget) : gtk_widget_get_last_child (widget);
       child != NULL;
       child = forward ? gtk_widget_get_next_sibling (child) : gtk_widget_get_prev_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child)
          || !gtk_widget_get_sensitive (child) || !gtk_widget_get_can_focus (child))
        continue;
      if (gtk_widget_get_focusable (child) && gtk_widget_grab_focus (child))
        return child;
      found = grab_control (child, forward);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Tab and Shift+Tab go through the row's controls; past its first or last, and through a row
 * without controls (a heading, a paragraph), the page moves the focus on to the next row that
 * has one (MscosOutcomeRow::focus-past). The list view would move it to the next row itself,
 * but gives up at a row without controls, letting the focus leave the page, and goes into the
 * row above at its first control rather than its last. */
static gboolean
mscos_outcome_row_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  gboolean handled = FALSE;

  if (GTK_WIDGET_CLASS (mscos_outcome_row_parent_class)->focus (widget, direction))
    return TRUE;

  if (MSCOS_OUTCOME_ROW (widget)->row == NULL)
    return FALSE;

  g_signal_emit (widget, signals[FOCUS_PAST], 0, direction, &handled);

  return handled;
}

/* A control given the focus before it is on screen is not yet in the accessibility tree, and
 * screen readers are not told it has the focus: they are told when it comes on screen. */
static void
focused_control_mapped_cb (GtkWidget *control)
{
  g_signal_handlers_disconnect_by_func (control, focused_control_mapped_cb, NULL);
  if (gtk_widget_has_focus (control))
    gtk_accessible_update_platform_state (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PLATFORM_STATE_FOCUSED);
}

static void
mscos_outcome_row_dispose (GObject *object)
{
  MscosOutcomeRow *self = MSCOS_OUTCOME_ROW (object);

  mscos_outcome_row_set_row (self, NULL);
  clear_only_changes_binding (self);
  mscos_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->row_signals);
  g_clear_object (&self->library);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->media_streams, g_hash_table_unref);

  G_OBJECT_CLASS (mscos_outcome_row_parent_class)->dispose (object);
}

static void
mscos_outcome_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MscosOutcomeRow *self = MSCOS_OUTCOME_ROW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_PACK:
      self->pack = g_value_dup_object (value);
      break;

    case PROP_MEDIA_STREAMS:
      self->media_streams = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_outcome_row_class_init (MscosOutcomeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_outcome_row_dispose;
  object_class->set_property = mscos_outcome_row_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         MSCOS_TYPE_LIBRARY,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         MSCOS_TYPE_CONTENT_PACK,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * MscosOutcomeRow:media-streams: (type GLib.HashTable(utf8,GtkMediaStream))
   *
   * The page's recordings, see #MscosAudioCard:media-streams.
   */
  properties[PROP_MEDIA_STREAMS] =
    g_param_spec_boxed ("media-streams", NULL, NULL,
                        G_TYPE_HASH_TABLE,
                        (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MscosOutcomeRow::focus-past:
   * @direction: where the focus was going
   *
   * Emitted when the focus, moving in @direction, finds nothing more in the row to take it.
   *
   * Returns: whether the handler moved the focus on
   */
  signals[FOCUS_PAST] =
    g_signal_new ("focus-past",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 1, GTK_TYPE_DIRECTION_TYPE);

  widget_class->focus = mscos_outcome_row_focus;
  widget_class->get_request_mode = mscos_outcome_row_get_request_mode;
  widget_class->measure = mscos_outcome_row_measure;
  widget_class->size_allocate = mscos_outcome_row_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "outcomerow");
}

static void
mscos_outcome_row_init (MscosOutcomeRow *self)
{
  GtkWidget *parent = GTK_WIDGET (self);

  self->text_scale = 1.0;

  for (guint i = 0; i < MSCOS_PAGE_ROW_MAX_FRAMES; i++)
    {
      self->frames[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      if (i == 0)
        gtk_widget_set_parent (self->frames[i], parent);
      else
        gtk_box_append (GTK_BOX (parent), self->frames[i]);
      parent = self->frames[i];
    }

  self->shown = CONTENT_NONE;
  self->row_signals = g_signal_group_new (MSCOS_TYPE_PAGE_ROW);
  g_signal_group_connect_object (self->row_signals, "notify::frame-last-mask",
                                 G_CALLBACK (update_frames), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->row_signals, "notify::highlighted",
                                 G_CALLBACK (update_highlight), self, G_CONNECT_SWAPPED);
}

/**
 * mscos_outcome_row_new:
 * @library: (nullable): the user's library
 * @pack: (nullable): the content pack
 * @media_streams: (element-type utf8 GtkMediaStream): the page's recordings
 *
 * Returns: (transfer floating): a widget to show the rows of an outcome page in
 */
GtkWidget *
mscos_outcome_row_new (MscosLibrary     *library,
                       MscosContentPack *pack,
                       GHashTable       *media_streams)
{
  return g_object_new (MSCOS_TYPE_OUTCOME_ROW,
                       "library", library,
                       "pack", pack,
                       "media-streams", media_streams,
                       NULL);
}

/**
 * mscos_outcome_row_get_row:
 *
 * Returns: (transfer none) (nullable): the row shown
 */
MscosPageRow *
mscos_outcome_row_get_row (MscosOutcomeRow *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME_ROW (self), NULL);

  return self->row;
}

/**
 * mscos_outcome_row_set_row:
 * @row: (nullable): a row of an outcome page
 *
 * Shows @row, or nothing: what the last row showed is cleared first.
 */
void
mscos_outcome_row_set_row (MscosOutcomeRow *self,
                           MscosPageRow    *row)
{
  Content content;

  g_return_if_fail (MSCOS_IS_OUTCOME_ROW (self));
  g_return_if_fail (row == NULL || MSCOS_IS_PAGE_ROW (row));

  if (self->row == row)
    return;

  if (self->shown != CONTENT_NONE)
    bind_content (self, self->shown, NULL);

  g_set_object (&self->row, row);
  g_signal_group_set_target (self->row_signals, row);
  content = row ? content_for_row (row) : CONTENT_NONE;

  if (content != self->shown)
    {
      if (self->shown != CONTENT_NONE)
        gtk_widget_set_visible (self->contents[self->shown], FALSE);
      if (content != CONTENT_NONE && self->contents[content] == NULL)
        self->contents[content] = create_content (self, content, row);
      if (content != CONTENT_NONE)
        gtk_widget_set_visible (self->contents[content], TRUE);
      self->shown = content;
    }

  if (content != CONTENT_NONE)
    bind_content (self, content, row);
  if (self->change_label != NULL || self->only_changes_button != NULL
      || (row != NULL && mscos_page_row_get_diff (row) != NULL))
    update_change (self);

  update_frames (self);
  if (self->shown != CONTENT_NONE)
    update_highlight (self);
}

/**
 * mscos_outcome_row_set_text_scale:
 * @scale: the page's text size, relative to the normal size
 *
 * Tells the row the size its text is shown at, from which its paragraphs' least width follows.
 */
void
mscos_outcome_row_set_text_scale (MscosOutcomeRow *self,
                                  double           scale)
{
  g_return_if_fail (MSCOS_IS_OUTCOME_ROW (self));
  g_return_if_fail (scale > 0);

  if (G_APPROX_VALUE (self->text_scale, scale, 0.001))
    return;

  self->text_scale = scale;
  if (self->shown != CONTENT_NONE)
    limit_label_widths (self->contents[self->shown], get_label_min_chars (self));
}

/**
 * mscos_outcome_row_focus_control:
 * @forward: whether to focus the row's first control or its last
 *
 * Moves the keyboard focus to the row's first or last control, on screen yet or not.
 *
 * Returns: whether the row has a control to take it
 */
gboolean
mscos_outcome_row_focus_control (MscosOutcomeRow *self,
                                 gboolean         forward)
{
  GtkWidget *control;

  g_return_val_if_fail (MSCOS_IS_OUTCOME_ROW (self), FALSE);

  control = grab_control (GTK_WIDGET (self), forward);
  if (control == NULL)
    return FALSE;

  if (!gtk_widget_get_mapped (control))
    g_signal_connect (control, "map", G_CALLBACK (focused_control_mapped_cb), NULL);
  else
    gtk_accessible_update_platform_state (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PLATFORM_STATE_FOCUSED);

  return TRUE;
}
