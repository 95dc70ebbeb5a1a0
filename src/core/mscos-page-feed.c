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
 * @max_rows: how many rows may be added or removed
 *
 * Gives the view the model's next changes from @from on, up to @max_rows rows: rows added
 * after the row at @from and rows removed from it on. Rows added before it wait, as they would
 * go above it.
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
  guint changed = 0;
  guint i = 0, j = 0;

  g_return_val_if_fail (MSCOS_IS_PAGE_FEED (self), 0);

  shown = mscos_page_model_get_shown (self->model);

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

      if (changed >= max_rows && i >= from)
        return changed;

      if (row != NULL && !row->fed)
        {
          /* Rows the model added; those that go in before the row at @from go above it, off
           * screen, and wait. */
          gboolean waits = i <= from && i < self->rows->len;

          while (j + n < shown->len && !((MscosPageRow *) g_ptr_array_index (shown, j + n))->fed
                 && (waits || changed + n < max_rows))
            n++;

          if (!waits)
            {
              insert (self, i, shown, j, n);
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
           * past it is taken from there. */
          gboolean waits = i < from;

          while (i + n < self->rows->len
                 && !mscos_page_row_is_shown (g_ptr_array_index (self->rows, i + n))
                 && (waits ? i + n < from : changed + n < max_rows))
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
