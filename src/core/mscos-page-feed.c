/* mscos-page-feed.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-page-feed"

#include "config.h"

#include "mscos-page-feed.h"
#include "mscos-page-model-private.h"

/* The rows of a page model as a list view is given them: a few at a time.
 *
 * A list view makes and lays out a widget for every row near where it is scrolled to, as soon
 * as the row is there; opening a set of forty recommendations, or the page's first showing,
 * would bring thirty rows at once, and laying out their text stalls the main loop for a
 * quarter of a second. The feed follows its model: it is a list of the rows the view has been
 * given, and each step gives it a few more of the model's changes, in the page's order, from
 * a position on (where the screen begins, so that what is in view comes first);
 * catching up gives it every change left at once, which costs little once the changes left
 * are past the rows the view keeps.
 *
 * Rows keep their order in a page model, so the feed finds what changed by walking the two
 * lists side by side: a row the feed lacks was added to the model, a row the model no longer
 * shows was removed. A model has at most one feed. */

struct _MscosPageFeed
{
  GObject         parent_instance;

  MscosPageModel *model;
  /* The rows given to the view, in order; the model owns them. */
  GPtrArray      *rows;
  gboolean        caught_up;
};

static void mscos_page_feed_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MscosPageFeed, mscos_page_feed, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mscos_page_feed_list_model_init))

enum {
  PROP_0,
  PROP_CAUGHT_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many rows from where the screen begins the view may bind: a grid view keeps thirty a
 * column, from a row at or just above the screen's first. */
#define VIEW_ROWS 40

static void
set_caught_up (MscosPageFeed *self,
               gboolean       caught_up)
{
  if (self->caught_up == caught_up)
    return;

  self->caught_up = caught_up;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAUGHT_UP]);
}

static void
model_changed_cb (MscosPageFeed *self)
{
  set_caught_up (self, FALSE);
}

/* Gives the view @n_rows rows of the model, from @from in the model's list, at @index. */
static void
insert (MscosPageFeed *self,
        guint          index,
        GPtrArray     *shown,
        guint          from,
        guint          n_rows)
{
  for (guint k = 0; k < n_rows; k++)
    ((MscosPageRow *) g_ptr_array_index (shown, from + k))->fed = TRUE;

  mscos_page_rows_insert (self->rows, index, shown->pdata + from, n_rows);
  g_list_model_items_changed (G_LIST_MODEL (self), index, 0, n_rows);
}

static void
remove (MscosPageFeed *self,
        guint          index,
        guint          n_rows)
{
  for (guint k = 0; k < n_rows; k++)
    ((MscosPageRow *) g_ptr_array_index (self->rows, index + k))->fed = FALSE;

  g_ptr_array_remove_range (self->rows, index, n_rows);
  g_list_model_items_changed (G_LIST_MODEL (self), index, n_rows, 0);
}

/* Whether the model shows rows the view has not been given. */
static gboolean
has_rows_to_add (GPtrArray *shown)
{
  for (guint k = 0; k < shown->len; k++)
    if (!((MscosPageRow *) g_ptr_array_index (shown, k))->fed)
      return TRUE;

  return FALSE;
}

/* Gives the view, in one change, the rows the model took away from @start on. */
static guint
take_away_from (MscosPageFeed *self,
                guint          start)
{
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  guint first = G_MAXUINT;

  for (guint k = start; k < self->rows->len; k++)
    {
      MscosPageRow *row = g_ptr_array_index (self->rows, k);

      if (mscos_page_row_is_shown (row))
        {
          if (first != G_MAXUINT)
            g_ptr_array_add (kept, row);
        }
      else
        {
          row->fed = FALSE;
          if (first == G_MAXUINT)
            first = k;
        }
    }

  if (first == G_MAXUINT)
    return 0;

  {
    guint removed = self->rows->len - first;

    g_ptr_array_set_size (self->rows, first);
    mscos_page_rows_insert (self->rows, first, kept->pdata, kept->len);
    g_list_model_items_changed (G_LIST_MODEL (self), first, removed, kept->len);

    return removed - kept->len;
  }
}

/* Gives the view the rows the model took away (it added none), as sets close, so that few
 * rows come into view each step. Removing a row lays nothing out, but the rows below move
 * up into the range the view binds: closing every set of the real Safety page at once bound
 * thirty rows in one frame, a stall of 200 ms, and given a few rows a frame in the page's
 * order, rows came into view one frame to go the next (2 s of main-thread time). So the rows
 * past the view's range go first, in one change, then those in it from the bottom up, up to
 * @max_rows a step, each row that comes into view one that stays; those above @from wait,
 * as other changes above it do, until the feed catches up. */
static guint
take_away (MscosPageFeed *self,
           guint          from,
           guint          max_rows)
{
  guint view_end = MIN ((guint64) from + VIEW_ROWS, self->rows->len);
  guint far = take_away_from (self, view_end);
  guint near = 0;
  guint k = view_end;

  while (k > from && near < max_rows)
    {
      guint n = 0;

      while (k > from && mscos_page_row_is_shown (g_ptr_array_index (self->rows, k - 1)))
        k--;
      while (k > from && !mscos_page_row_is_shown (g_ptr_array_index (self->rows, k - 1))
             && near + n < max_rows)
        k--, n++;
      if (n > 0)
        {
          remove (self, k, n);
          near += n;
        }
    }

  /* Caught up once no row the model took away is left, those above @from included. */
  while (k > 0 && mscos_page_row_is_shown (g_ptr_array_index (self->rows, k - 1)))
    k--;
  if (k == 0)
    set_caught_up (self, TRUE);

  return far + near;
}

static void
mscos_page_feed_dispose (GObject *object)
{
  MscosPageFeed *self = MSCOS_PAGE_FEED (object);

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
      for (guint i = 0; i < self->rows->len; i++)
        ((MscosPageRow *) g_ptr_array_index (self->rows, i))->fed = FALSE;
      g_ptr_array_set_size (self->rows, 0);
    }
  g_clear_object (&self->model);

  G_OBJECT_CLASS (mscos_page_feed_parent_class)->dispose (object);
}

static void
mscos_page_feed_finalize (GObject *object)
{
  MscosPageFeed *self = MSCOS_PAGE_FEED (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mscos_page_feed_parent_class)->finalize (object);
}

static void
mscos_page_feed_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MscosPageFeed *self = MSCOS_PAGE_FEED (object);

  switch (prop_id)
    {
    case PROP_CAUGHT_UP:
      g_value_set_boolean (value, self->caught_up);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GType
mscos_page_feed_get_item_type (GListModel *model)
{
  return MSCOS_TYPE_PAGE_ROW;
}

static guint
mscos_page_feed_get_n_items (GListModel *model)
{
  return MSCOS_PAGE_FEED (model)->rows->len;
}

static gpointer
mscos_page_feed_get_item (GListModel *model,
                          guint       position)
{
  MscosPageFeed *self = MSCOS_PAGE_FEED (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
mscos_page_feed_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mscos_page_feed_get_item_type;
  iface->get_n_items = mscos_page_feed_get_n_items;
  iface->get_item = mscos_page_feed_get_item;
}

static void
mscos_page_feed_class_init (MscosPageFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mscos_page_feed_dispose;
  object_class->finalize = mscos_page_feed_finalize;
  object_class->get_property = mscos_page_feed_get_property;

  /**
   * MscosPageFeed:caught-up:
   *
   * Whether the feed holds every row of its model; it turns false when the model changes.
   */
  properties[PROP_CAUGHT_UP] =
    g_param_spec_boolean ("caught-up", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_page_feed_init (MscosPageFeed *self)
{
  self->rows = g_ptr_array_new ();
}

/**
 * mscos_page_feed_new:
 * @model: a page model without a feed
 *
 * Returns: (transfer full): a feed of @model's rows, empty until its first step
 */
MscosPageFeed *
mscos_page_feed_new (MscosPageModel *model)
{
  MscosPageFeed *self;

  g_return_val_if_fail (MSCOS_IS_PAGE_MODEL (model), NULL);

  self = g_object_new (MSCOS_TYPE_PAGE_FEED, NULL);
  self->model = g_object_ref (model);
  self->caught_up = g_list_model_get_n_items (G_LIST_MODEL (model)) == 0;
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_changed_cb), self);

  return self;
}

/**
 * mscos_page_feed_get_model:
 *
 * Returns: (transfer none): the model fed
 */
MscosPageModel *
mscos_page_feed_get_model (MscosPageFeed *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_FEED (self), NULL);

  return self->model;
}

gboolean
mscos_page_feed_is_caught_up (MscosPageFeed *self)
{
  g_return_val_if_fail (MSCOS_IS_PAGE_FEED (self), TRUE);

  return self->caught_up;
}

/**
 * mscos_page_feed_step:
 * @from: the position in the feed from which changes are given; those before it wait
 * @max_rows: how many rows may be added
 *
 * Gives the view the model's next changes from @from on, up to @max_rows rows added: rows
 * added after the row at @from, and runs of rows removed from it on, whole. Rows added before
 * it wait, as they would go above it. When the model only took rows away, every one goes at
 * once, in one change.
 *
 * Returns: how many rows were added or removed
 */
guint
mscos_page_feed_step (MscosPageFeed *self,
                      guint          from,
                      guint          max_rows)
{
  GPtrArray *shown;
  gboolean skipped = FALSE;
  guint changed = 0, added = 0;
  guint i = 0, j = 0;

  g_return_val_if_fail (MSCOS_IS_PAGE_FEED (self), 0);

  shown = mscos_page_model_get_shown (self->model);

  if (!has_rows_to_add (shown))
    return take_away (self, from, max_rows);

  while (i < self->rows->len || j < shown->len)
    {
      MscosPageRow *fed = i < self->rows->len ? g_ptr_array_index (self->rows, i) : NULL;
      MscosPageRow *row = j < shown->len ? g_ptr_array_index (shown, j) : NULL;
      guint n = 0;

      if (fed == row)
        {
          i++, j++;
          continue;
        }

      if (added >= max_rows && i >= from)
        return changed;

      if (row != NULL && !row->fed)
        {
          /* Rows the model added; those that go in before the row at @from go above it, off
           * screen, and wait. */
          gboolean waits = i <= from && i < self->rows->len;

          while (j + n < shown->len && !((MscosPageRow *) g_ptr_array_index (shown, j + n))->fed
                 && (waits || added + n < max_rows))
            n++;

          if (!waits)
            {
              insert (self, i, shown, j, n);
              added += n;
              changed += n;
              i += n;
            }
          else
            {
              skipped = TRUE;
            }
          j += n;
        }
      else
        {
          /* Rows the model no longer shows; those before @from wait, and a run that goes on
           * past it is taken from there, whole: removing a row lays nothing out, and a run
           * given a few rows a frame would have the view bind, one frame, rows that go the
           * next (closing every set of the real Safety page took 2 s of main-thread time). */
          gboolean waits = i < from;

          while (i + n < self->rows->len
                 && !mscos_page_row_is_shown (g_ptr_array_index (self->rows, i + n))
                 && (!waits || i + n < from))
            n++;

          /* Only if the rows were reordered, which a page model never does. */
          if (G_UNLIKELY (n == 0))
            {
              g_critical ("The page feed lost its place; it catches up at once");
              mscos_page_feed_catch_up (self);
              return changed;
            }

          if (!waits)
            {
              remove (self, i, n);
              changed += n;
            }
          else
            {
              skipped = TRUE;
              i += n;
            }
        }
    }

  if (!skipped)
    set_caught_up (self, TRUE);

  return changed;
}

/**
 * mscos_page_feed_catch_up:
 *
 * Gives the view every change of the model left, in one change.
 */
void
mscos_page_feed_catch_up (MscosPageFeed *self)
{
  GPtrArray *shown;
  guint first, common_end, removed, added;

  g_return_if_fail (MSCOS_IS_PAGE_FEED (self));

  shown = mscos_page_model_get_shown (self->model);

  for (first = 0; first < self->rows->len && first < shown->len; first++)
    if (g_ptr_array_index (self->rows, first) != g_ptr_array_index (shown, first))
      break;
  for (common_end = 0; common_end < self->rows->len - first && common_end < shown->len - first; common_end++)
    if (g_ptr_array_index (self->rows, self->rows->len - 1 - common_end)
        != g_ptr_array_index (shown, shown->len - 1 - common_end))
      break;

  removed = self->rows->len - common_end - first;
  added = shown->len - common_end - first;

  if (removed > 0 || added > 0)
    {
      for (guint k = first; k < first + removed; k++)
        ((MscosPageRow *) g_ptr_array_index (self->rows, k))->fed = FALSE;
      for (guint k = first; k < first + added; k++)
        ((MscosPageRow *) g_ptr_array_index (shown, k))->fed = TRUE;

      g_ptr_array_remove_range (self->rows, first, removed);
      mscos_page_rows_insert (self->rows, first, shown->pdata + first, added);
      g_list_model_items_changed (G_LIST_MODEL (self), first, removed, added);
    }

  set_caught_up (self, TRUE);
}
