/* mscos-outcome-page.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-outcome-page"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "mscos-outcome-page.h"
#include "mscos-outcome-row.h"
#include "mscos-page-feed.h"
#include "mscos-page-model.h"

/* One outcome: its title, summary and study descriptor, then its sections with a card for
 * each item. The page is a list view over the page's rows (MscosPageModel), so it makes
 * widgets only for the rows on screen, and what opening an item shows is rows of their own:
 * a page of ten thousand items opens as fast as one of a hundred, and Expand All costs what
 * is on screen.
 *
 * Why a list view and not a box of cards built lazily: measured with bench-outcome-page, a
 * box of every item's widgets measured all their wrapped text again as pieces were added
 * (1,000 items: 41 s of CPU before the page was idle, one stall of 29 s), and a box built
 * lazily still holds, and lays out, whatever has been scrolled past or opened. */

/* The view is given the page's rows a few a frame (MscosPageFeed). A row costs the layout of
 * its text, 5 to 15 ms on these machines, and the grid view keeps 30 rows around where it is
 * scrolled to: given all at once, as when the page first shows, when Expand All opens every
 * card in view or when a set of forty recommendations opens, they stalled the main loop for
 * 250 ms. How many a frame follows what the last frame cost, from its update to its paint,
 * for the rows the view bound in it, so that a frame costs about FRAME_BUDGET_US; once rows
 * come that the view does not bind, they are past those it keeps, and the rest come at once.
 *
 * Timed by the frame clock's interval instead, which is never under a refresh's 16.7 ms, the
 * pace never rose above one row a frame, and every frame costs the style and the drawing of
 * the rows in view again: Expand All on the Safety page took 21 frames for its 20 new rows
 * (callgrind: a fifth more instructions than given in one frame), and takes 5 or 6. */
#define FRAME_BUDGET_US (30 * G_TIME_SPAN_MILLISECOND)
#define MAX_ROWS_PER_FRAME 8
/* How many rows the page's first frame shows: its heading and the first items a window of
 * the usual height shows; fewer than that showed the page half drawn. */
#define FIRST_SCREEN_ROWS 4
/* How long a jumped-to item stays marked. */
#define HIGHLIGHT_SECONDS 3
/* How many frames a jump may take to settle the item where the eye looks first, as rows
 * above it are measured for the first time. */
#define SCROLL_SETTLE_FRAMES 6

struct _MscosOutcomePage
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkGridView       *grid_view;

  MscosOutcome      *outcome;
  MscosContentPack  *pack;
  MscosLibrary      *library;
  /* While reviewing: the comparison of the base pack with the revision shown */
  MscosPackDiff     *diff;
  MscosPageModel    *model;
  /* What of the model the view has been given. */
  MscosPageFeed     *feed;
  /* item id → GtkMediaStream: recordings go on playing while their rows are off screen */
  GHashTable        *media_streams;
  /* MscosPageRow → the GtkListItem it is bound to, while it is */
  GHashTable        *row_items;
  double             text_scale;

  guint              highlight_source;
  /* Rows bound since the page was made, to see what a change cost. */
  guint              n_bound;
  guint              feed_tick;
  guint              rows_per_frame;
  /* The frame clock's after-paint, while rows are fed: when the last frame that fed rows
   * began feeding them and n_bound then, what it cost until painted and how many rows the
   * view bound in it. */
  GdkFrameClock     *feed_clock;
  gulong             painted_handler;
  gint64             feed_start;
  guint              bound_at_start;
  gint64             frame_cost;
  guint              frame_rows;

  /* A row just jumped to, brought to the upper third of the page after each layout until it
   * stays there. */
  MscosPageRow      *scroll_target;
  GdkFrameClock     *scroll_clock;
  gulong             scroll_handler;
  guint              scroll_frames;
};

G_DEFINE_FINAL_TYPE (MscosOutcomePage, mscos_outcome_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OUTCOME,
  PROP_PACK,
  PROP_LIBRARY,
  PROP_DIFF,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
get_row_widget (MscosOutcomePage *self,
                MscosPageRow     *row)
{
  GtkListItem *list_item = row ? g_hash_table_lookup (self->row_items, row) : NULL;

  return list_item ? gtk_list_item_get_child (list_item) : NULL;
}

/* Scrolls to the row at @position, which makes its widget, and moves the focus into it:
 * to its first control going forward, its last going back. */
static gboolean
focus_row (MscosOutcomePage *self,
           guint             position,
           gboolean          forward)
{
  g_autoptr (MscosPageRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  GtkWidget *widget;

  if (row == NULL)
    return FALSE;

  gtk_grid_view_scroll_to (self->grid_view, position, GTK_LIST_SCROLL_NONE, NULL);
  widget = get_row_widget (self, row);
  if (widget == NULL)
    return FALSE;

  return mscos_outcome_row_focus_control (MSCOS_OUTCOME_ROW (widget), forward);
}

static void
stop_scrolling_to_target (MscosOutcomePage *self)
{
  if (self->scroll_clock != NULL)
    g_clear_signal_handler (&self->scroll_handler, self->scroll_clock);
  g_clear_object (&self->scroll_clock);
  g_clear_object (&self->scroll_target);
}

/* After the frame's layout, before it is drawn: moves the target row to the upper third of
 * the page, where the eye looks first. Rows are measured as they come on screen, so it may
 * move again in the next frames. */
static void
layout_done_cb (MscosOutcomePage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *widget = get_row_widget (self, self->scroll_target);
  graphene_point_t point;
  double wanted, value;

  if (widget == NULL
      || !gtk_widget_compute_point (widget, GTK_WIDGET (self->grid_view), &GRAPHENE_POINT_INIT (0, 0), &point)
      || ++self->scroll_frames > SCROLL_SETTLE_FRAMES)
    {
      stop_scrolling_to_target (self);
      return;
    }

  wanted = gtk_adjustment_get_page_size (adjustment) / 3;
  value = gtk_adjustment_get_value (adjustment);
  if (fabs (point.y - wanted) < 1
      || (point.y > wanted && value >= gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
      || (point.y < wanted && value <= gtk_adjustment_get_lower (adjustment)))
    return;

  gtk_adjustment_set_value (adjustment, value + point.y - wanted);
}

static void
scroll_to_row (MscosOutcomePage *self,
               MscosPageRow     *row)
{
  g_autoptr (GtkScrollInfo) info = gtk_scroll_info_new ();
  GdkFrameClock *clock;

  stop_scrolling_to_target (self);

  gtk_scroll_info_set_enable_horizontal (info, FALSE);
  gtk_grid_view_scroll_to (self->grid_view, mscos_page_model_get_position (self->model, row),
                           GTK_LIST_SCROLL_NONE, g_steal_pointer (&info));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  self->scroll_target = g_object_ref (row);
  self->scroll_clock = g_object_ref (clock);
  self->scroll_frames = 0;
  /* Connected after GTK's own handler, so the page is laid out when it runs. */
  self->scroll_handler = g_signal_connect_object (clock, "layout", G_CALLBACK (layout_done_cb), self,
                                                  G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static gboolean
remove_highlight_cb (gpointer data)
{
  MscosOutcomePage *self = data;

  self->highlight_source = 0;
  mscos_page_model_set_highlighted (self->model, NULL);

  return G_SOURCE_REMOVE;
}

static void
highlight_row (MscosOutcomePage *self,
               MscosPageRow     *row)
{
  mscos_page_model_set_highlighted (self->model, row);
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  self->highlight_source = g_timeout_add_seconds (HIGHLIGHT_SECONDS, remove_highlight_cb, self);
}

/* Where the first row on screen is in the view, or 0 if none is. */
static guint
get_top_position (MscosOutcomePage *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  GHashTableIter iter;
  gpointer list_item;
  guint top = G_MAXUINT;

  g_hash_table_iter_init (&iter, self->row_items);
  while (g_hash_table_iter_next (&iter, NULL, &list_item))
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (gtk_list_item_get_child (list_item), GTK_WIDGET (self->scroller), &bounds)
          && bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < height)
        top = MIN (top, gtk_list_item_get_position (list_item));
    }

  return top == G_MAXUINT ? 0 : top;
}

/* As many rows the next frame as fit in FRAME_BUDGET_US at what each row the view bound in
 * the last one cost, and no more than twice as many: rows differ (a quote of 1,700
 * characters costs three times a short one). A frame that bound none says nothing of what
 * rows cost: as sets close, rows are taken away past the view first, and then those in it
 * bring rows into view a few at a time. */
static void
update_rows_per_frame (MscosOutcomePage *self)
{
  guint most = MIN (MAX_ROWS_PER_FRAME, self->rows_per_frame * 2);

  if (self->frame_cost > 0 && self->frame_rows > 0)
    self->rows_per_frame = CLAMP ((gint64) FRAME_BUDGET_US * self->frame_rows / self->frame_cost,
                                  1, most);
  self->frame_cost = 0;
}

static void
frame_painted_cb (MscosOutcomePage *self)
{
  if (self->feed_start == 0)
    return;

  self->frame_cost = g_get_monotonic_time () - self->feed_start;
  self->frame_rows = self->n_bound - self->bound_at_start;
  self->feed_start = 0;
}

static void
stop_timing_frames (MscosOutcomePage *self)
{
  if (self->feed_clock != NULL)
    g_clear_signal_handler (&self->painted_handler, self->feed_clock);
  g_clear_object (&self->feed_clock);
  self->feed_start = 0;
  self->frame_cost = 0;
}

static void
time_frames (MscosOutcomePage *self,
             GdkFrameClock    *clock)
{
  if (self->feed_clock == clock)
    return;

  stop_timing_frames (self);
  self->feed_clock = g_object_ref (clock);
  self->painted_handler = g_signal_connect_object (clock, "after-paint",
                                                   G_CALLBACK (frame_painted_cb), self,
                                                   G_CONNECT_SWAPPED);
}

static gboolean
feed_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (widget);
  GListModel *feed = G_LIST_MODEL (self->feed);
  guint bound = self->n_bound;
  guint n_rows = g_list_model_get_n_items (feed);
  guint changed;

  time_frames (self, clock);
  update_rows_per_frame (self);
  self->feed_start = g_get_monotonic_time ();
  self->bound_at_start = self->n_bound;

  /* From where the screen begins, so that what is in view comes first. Rows added that the
   * view did not bind are past those it keeps, and the rest may come at once; rows taken
   * away (the feed takes them from past the view first) say nothing of that. */
  changed = mscos_page_feed_step (self->feed, get_top_position (self), self->rows_per_frame);
  if (changed == 0 || (self->n_bound == bound && g_list_model_get_n_items (feed) > n_rows))
    mscos_page_feed_catch_up (self->feed);

  if (!mscos_page_feed_is_caught_up (self->feed))
    return G_SOURCE_CONTINUE;

  stop_timing_frames (self);
  self->feed_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
feed_caught_up_changed_cb (MscosOutcomePage *self)
{
  if (mscos_page_feed_is_caught_up (self->feed) || self->feed_tick != 0)
    return;

  /* Each change starts with one row, as what rows cost may have changed since the last. */
  self->rows_per_frame = 1;
  self->feed_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), feed_cb, NULL, NULL);
}

/* Gives the view every row at once, for what cannot wait: a jump to an item. */
static void
catch_up (MscosOutcomePage *self)
{
  mscos_page_feed_catch_up (self->feed);
}

/* Tab, Shift+Tab, Up and Down go through the controls of a row, and past its first or last
 * (MscosOutcomeRow::focus-past) on to the next row that has one, in the order of the page. */
static gboolean
row_focus_past_cb (MscosOutcomeRow  *row_widget,
                   GtkDirectionType  direction,
                   MscosOutcomePage *self)
{
  MscosPageRow *row = mscos_outcome_row_get_row (row_widget);
  gboolean forward;
  guint next;

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_DOWN:
      forward = TRUE;
      break;

    case GTK_DIR_TAB_BACKWARD:
    case GTK_DIR_UP:
      forward = FALSE;
      break;

    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
    default:
      return FALSE;
    }

  catch_up (self);
  next = mscos_page_model_find_control_row (self->model, mscos_page_model_get_position (self->model, row),
                                            forward);
  if (next == G_MAXUINT)
    return FALSE;

  return focus_row (self, next, forward);
}

/* Tab into the page from the header bar or the sidebar goes to its first control, Shift+Tab
 * to its last, wherever the page is scrolled to; the list view would go to its first or last
 * row, and out of the page again if that row has no control. */
static gboolean
mscos_outcome_page_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  guint first;

  if (gtk_widget_get_focus_child (widget) != NULL
      || (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD))
    return GTK_WIDGET_CLASS (mscos_outcome_page_parent_class)->focus (widget, direction);

  catch_up (self);
  first = mscos_page_model_find_control_row (self->model, G_MAXUINT, forward);

  return first != G_MAXUINT && focus_row (self, first, forward);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              MscosOutcomePage         *self)
{
  GtkWidget *row_widget = mscos_outcome_row_new (self->library, self->pack, self->media_streams);

  /* Rows are read, not chosen: only their controls take the focus. */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_focusable (list_item, FALSE);
  g_signal_connect_object (row_widget, "focus-past", G_CALLBACK (row_focus_past_cb), self, 0);
  gtk_list_item_set_child (list_item, row_widget);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             MscosOutcomePage         *self)
{
  MscosPageRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  mscos_outcome_row_set_text_scale (MSCOS_OUTCOME_ROW (widget), self->text_scale);
  mscos_outcome_row_set_row (MSCOS_OUTCOME_ROW (widget), row);
  g_hash_table_insert (self->row_items, row, list_item);
  self->n_bound++;
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               MscosOutcomePage         *self)
{
  MscosPageRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  if (g_hash_table_lookup (self->row_items, row) == list_item)
    g_hash_table_remove (self->row_items, row);
  mscos_outcome_row_set_row (MSCOS_OUTCOME_ROW (widget), NULL);
}

static void
pause_stream (gpointer key,
              gpointer value,
              gpointer user_data)
{
  gtk_media_stream_pause (value);
}

static void
mscos_outcome_page_constructed (GObject *object)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (object);
  g_autoptr (GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (mscos_outcome_page_parent_class)->constructed (object);

  self->model = self->diff != NULL ? mscos_page_model_new_for_review (self->outcome, self->diff)
                                   : mscos_page_model_new (self->outcome);
  /* The view starts with the rows of a first screen, so that the page's first frame shows
   * its heading and first items, and is given the rest in the frames that follow. Given one
   * row a frame from the first, the outcome's first items came two or three frames after the
   * page (bench-startup, time to content). */
  self->feed = mscos_page_feed_new (self->model);
  mscos_page_feed_step (self->feed, 0, FIRST_SCREEN_ROWS);
  g_signal_connect_object (self->feed, "notify::caught-up", G_CALLBACK (feed_caught_up_changed_cb),
                           self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->feed)));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mscos_outcome_get_title (self->outcome), -1);
  feed_caught_up_changed_cb (self);
}

static void
mscos_outcome_page_dispose (GObject *object)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (object);

  stop_scrolling_to_target (self);
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  if (self->feed_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->feed_tick);
  self->feed_tick = 0;
  stop_timing_frames (self);
  if (self->media_streams != NULL)
    g_hash_table_foreach (self->media_streams, pause_stream, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_OUTCOME_PAGE);

  g_clear_pointer (&self->row_items, g_hash_table_unref);
  g_clear_pointer (&self->media_streams, g_hash_table_unref);
  g_clear_object (&self->feed);
  g_clear_object (&self->model);
  g_clear_object (&self->outcome);
  g_clear_object (&self->pack);
  g_clear_object (&self->library);
  g_clear_object (&self->diff);

  G_OBJECT_CLASS (mscos_outcome_page_parent_class)->dispose (object);
}

static void
set_text_scale (MscosOutcomePage *self,
                double            scale)
{
  GHashTableIter iter;
  GtkListItem *list_item;

  if (G_APPROX_VALUE (self->text_scale, scale, 0.001))
    return;

  self->text_scale = scale;
  g_hash_table_iter_init (&iter, self->row_items);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &list_item))
    mscos_outcome_row_set_text_scale (MSCOS_OUTCOME_ROW (gtk_list_item_get_child (list_item)), scale);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

static void
mscos_outcome_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_OUTCOME:
      g_value_set_object (value, self->outcome);
      break;

    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_DIFF:
      g_value_set_object (value, self->diff);
      break;

    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_outcome_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_OUTCOME:
      self->outcome = g_value_dup_object (value);
      break;

    case PROP_PACK:
      self->pack = g_value_dup_object (value);
      break;

    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_DIFF:
      self->diff = g_value_dup_object (value);
      break;

    case PROP_TEXT_SCALE:
      set_text_scale (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_outcome_page_class_init (MscosOutcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mscos_outcome_page_constructed;
  object_class->dispose = mscos_outcome_page_dispose;
  object_class->get_property = mscos_outcome_page_get_property;
  object_class->set_property = mscos_outcome_page_set_property;
  widget_class->focus = mscos_outcome_page_focus;

  properties[PROP_OUTCOME] =
    g_param_spec_object ("outcome", NULL, NULL,
                         MSCOS_TYPE_OUTCOME,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * MscosOutcomePage:pack:
   *
   * The content pack the outcome is from.
   */
  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         MSCOS_TYPE_CONTENT_PACK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * MscosOutcomePage:library:
   *
   * The user's library, for every item's bookmark and note.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         MSCOS_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * MscosOutcomePage:diff:
   *
   * While a revision is reviewed, its comparison with the base pack: the page marks what
   * is new, removed, moved or changed, and its header has Show Only Changes.
   */
  properties[PROP_DIFF] =
    g_param_spec_object ("diff", NULL, NULL,
                         MSCOS_TYPE_PACK_DIFF,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * MscosOutcomePage:text-scale:
   *
   * The size of the page's text, relative to the normal size, as the window's zoom sets it
   * in CSS: the rows' paragraphs take their least width from it.
   */
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.1, 10.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-outcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);
}

static void
mscos_outcome_page_init (MscosOutcomePage *self)
{
  g_type_ensure (ADW_TYPE_CLAMP_SCROLLABLE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->media_streams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->row_items = g_hash_table_new (NULL, NULL);
  self->rows_per_frame = 1;
  self->text_scale = 1.0;
}

/**
 * mscos_outcome_page_new:
 * @outcome: the outcome to show
 * @pack: (nullable): the content pack @outcome is from
 * @library: (nullable): the user's library
 *
 * Returns: (transfer floating): the page of @outcome
 */
GtkWidget *
mscos_outcome_page_new (MscosOutcome     *outcome,
                        MscosContentPack *pack,
                        MscosLibrary     *library)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (outcome), NULL);
  g_return_val_if_fail (pack == NULL || MSCOS_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (library == NULL || MSCOS_IS_LIBRARY (library), NULL);

  return g_object_new (MSCOS_TYPE_OUTCOME_PAGE,
                       "outcome", outcome,
                       "pack", pack,
                       "library", library,
                       NULL);
}

/**
 * mscos_outcome_page_get_outcome:
 *
 * Returns: (transfer none): the outcome shown
 */
MscosOutcome *
mscos_outcome_page_get_outcome (MscosOutcomePage *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME_PAGE (self), NULL);

  return self->outcome;
}

/**
 * mscos_outcome_page_reveal_item:
 * @item: an item of this page, at any depth
 *
 * Opens whatever holds @item, scrolls it into view, highlights it and moves the keyboard
 * focus to it.
 *
 * Returns: whether @item is on this page
 */
gboolean
mscos_outcome_page_reveal_item (MscosOutcomePage *self,
                                MscosItem        *item)
{
  MscosPageRow *row;
  GtkWidget *widget;

  g_return_val_if_fail (MSCOS_IS_OUTCOME_PAGE (self), FALSE);
  g_return_val_if_fail (MSCOS_IS_ITEM (item), FALSE);

  row = mscos_page_model_reveal (self->model, item);
  if (row == NULL)
    return FALSE;

  /* Scrolling to the row makes its widget, if it had none; the widget is not mapped until
   * the next frame (nor is the page, if it was hidden), and GTK's focus movement would pass
   * over it to the next row's controls, so its first control is given the focus directly. */
  catch_up (self);
  scroll_to_row (self, row);
  widget = get_row_widget (self, row);
  if (widget != NULL && gtk_widget_get_focus_child (widget) == NULL)
    mscos_outcome_row_focus_control (MSCOS_OUTCOME_ROW (widget), TRUE);
  highlight_row (self, row);

  return TRUE;
}

/**
 * mscos_outcome_page_reveal_section:
 * @section_id: the id of a section of the outcome; while reviewing, or of one the revision
 *   removed
 *
 * Scrolls to the section's heading and highlights it. The focus stays where it is, as for a
 * removed item: a heading has no control, and moving the focus to the next row's would make
 * GTK scroll to that row while the page scrolls to the heading.
 *
 * Returns: whether the page has the section's heading
 */
gboolean
mscos_outcome_page_reveal_section (MscosOutcomePage *self,
                                   const char       *section_id)
{
  MscosPageRow *row;

  g_return_val_if_fail (MSCOS_IS_OUTCOME_PAGE (self), FALSE);
  g_return_val_if_fail (section_id != NULL, FALSE);

  row = mscos_page_model_reveal_section (self->model, section_id);
  if (row == NULL)
    return FALSE;

  catch_up (self);
  scroll_to_row (self, row);
  highlight_row (self, row);

  return TRUE;
}

/**
 * mscos_outcome_page_set_expanded:
 *
 * Opens or closes every resource, recommendation set, profile and transcript of the page;
 * the view shows those on screen first.
 */
void
mscos_outcome_page_set_expanded (MscosOutcomePage *self,
                                 gboolean          expanded)
{
  g_return_if_fail (MSCOS_IS_OUTCOME_PAGE (self));

  mscos_page_model_set_all_expanded (self->model, expanded);
}

void
mscos_outcome_page_scroll_to_top (MscosOutcomePage *self)
{
  g_return_if_fail (MSCOS_IS_OUTCOME_PAGE (self));

  stop_scrolling_to_target (self);
  catch_up (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_grid_view_scroll_to (self->grid_view, 0, GTK_LIST_SCROLL_NONE, NULL);
}
