/* mscos-library-page.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-library-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mscos-library-page.h"
#include "mscos-library-row.h"
#include "mscos-search-index.h"
#include "mscos-ui-utils.h"

/* The user's bookmarks or notes across all outcomes, newest first, filtered by outcome and by
 * words. Entries whose item has left the content pack are listed with what was saved of them,
 * never dropped. The library's entries flow through a filter and a sorter into the list view;
 * the library signals a changed entry as one changed row, which the filter and the sorter
 * look at again on their own, so a change costs one row whatever the size of the library.
 * Each page sorts on its own time (when bookmarked, when the note last changed), so that a
 * bookmark toggled does not move the item's note across the Notes page, which would make the
 * list view rebind every row it holds. Typing in the filter narrows what is shown: only the
 * rows shown are looked at again, and only entries of the page's kind are matched against
 * the words. */

/* The list view is given the sorted entries a screen at a time as the page opens: a first
 * screen, then ROWS_PER_FRAME more each frame while the view builds a row for each, and the
 * rest at once when it builds no more (they are past the rows it keeps). Given them all at
 * once, the view built and laid out the 200 rows it keeps before it has measured any, in one
 * frame: a stall of 390 to 600 ms with 2,000 notes (bench-library-ui); a row costs 2 to 3 ms,
 * the layout of its wrapped text. */
#define FIRST_SCREEN_ROWS 10
#define ROWS_PER_FRAME    6

/* The entries as the view is given them: those of a model up to a limit, which grows as the
 * page opens and is then lifted, each change of the model passed on as it is. Why not
 * GtkSliceListModel: it passes a row added or removed as a change of every row from there to
 * the end of the slice, so that a bookmark toggled would rebind every row the view keeps. */
#define MSCOS_TYPE_LIBRARY_FEED (mscos_library_feed_get_type ())

G_DECLARE_FINAL_TYPE (MscosLibraryFeed, mscos_library_feed, MSCOS, LIBRARY_FEED, GObject)

struct _MscosLibraryFeed
{
  GObject     parent_instance;

  GListModel *model;
  /* G_MAXUINT once lifted */
  guint       limit;
};

static void mscos_library_feed_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MscosLibraryFeed, mscos_library_feed, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mscos_library_feed_list_model_init))

static GType
mscos_library_feed_get_item_type (GListModel *list)
{
  return MSCOS_TYPE_LIBRARY_ENTRY;
}

static guint
mscos_library_feed_get_n_items (GListModel *list)
{
  MscosLibraryFeed *self = MSCOS_LIBRARY_FEED (list);

  return MIN (g_list_model_get_n_items (self->model), self->limit);
}

static gpointer
mscos_library_feed_get_item (GListModel *list,
                             guint       position)
{
  MscosLibraryFeed *self = MSCOS_LIBRARY_FEED (list);

  if (position >= self->limit)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
mscos_library_feed_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mscos_library_feed_get_item_type;
  iface->get_n_items = mscos_library_feed_get_n_items;
  iface->get_item = mscos_library_feed_get_item;
}

static void
feed_model_changed_cb (GListModel       *model,
                       guint             position,
                       guint             removed,
                       guint             added,
                       MscosLibraryFeed *self)
{
  guint n_after = g_list_model_get_n_items (model);
  guint n_before = n_after - added + removed;

  if (self->limit == G_MAXUINT)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* While the limit holds, rows move in from past it, or out past it, as rows are added or
   * removed above it: the rows from @position on to the limit change. */
  if (position >= self->limit)
    return;
  if (removed == added)
    {
      removed = added = MIN (added, self->limit - position);
    }
  else
    {
      removed = MIN (n_before, self->limit) - position;
      added = MIN (n_after, self->limit) - position;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
mscos_library_feed_set_limit (MscosLibraryFeed *self,
                              guint             limit)
{
  guint n_items = g_list_model_get_n_items (self->model);
  guint before = MIN (n_items, self->limit);
  guint after = MIN (n_items, limit);

  self->limit = limit;
  if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
  else if (after < before)
    g_list_model_items_changed (G_LIST_MODEL (self), after, before - after, 0);
}

static void
mscos_library_feed_dispose (GObject *object)
{
  MscosLibraryFeed *self = MSCOS_LIBRARY_FEED (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, feed_model_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (mscos_library_feed_parent_class)->dispose (object);
}

static void
mscos_library_feed_class_init (MscosLibraryFeedClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mscos_library_feed_dispose;
}

static void
mscos_library_feed_init (MscosLibraryFeed *self)
{
  self->limit = G_MAXUINT;
}

/* Takes @model. */
static MscosLibraryFeed *
mscos_library_feed_new (GListModel *model)
{
  MscosLibraryFeed *self = g_object_new (MSCOS_TYPE_LIBRARY_FEED, NULL);

  self->model = model;
  g_signal_connect (model, "items-changed", G_CALLBACK (feed_model_changed_cb), self);

  return self;
}

/* The outcome filter's first choices, before the pack's outcomes. */
enum {
  ALL_OUTCOMES,
  NOT_IN_PACK,
  FIRST_OUTCOME,
};

struct _MscosLibraryPage
{
  GtkWidget             parent_instance;

  GtkSearchEntry       *filter_entry;
  GtkDropDown          *outcome_dropdown;
  GtkStack             *stack;
  GtkListView          *list_view;
  AdwStatusPage        *empty_page;

  MscosLibraryPageMode  mode;
  MscosLibrary         *library;
  MscosContentPack     *pack;
  GtkFilterListModel   *in_mode;
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  GtkFilterListModel   *filtered;
  GtkSortListModel     *sorted;
  MscosLibraryFeed     *feed;
  /* While the page opens: the tick that gives the view more rows, the end of the rows the
   * view has bound since the page was mapped, and whether the tick has waited a frame for
   * the view to bind the last rows given */
  guint                 feed_tick;
  /* the list view's vertical adjustment while the page is mapped */
  GtkAdjustment        *vadjustment;
  guint                 bound_end;
  gboolean              waited;
  /* the outcome id of each choice of the outcome filter */
  GPtrArray            *outcome_ids;
  /* the filter's words, folded, and split */
  char                 *folded_words;
  GStrv                 words;
  /* the idle that takes in the filter's words */
  guint                 words_source;
};

G_DEFINE_FINAL_TYPE (MscosLibraryPage, mscos_library_page, GTK_TYPE_WIDGET)

static gboolean
entry_in_mode (MscosLibraryPage  *self,
               MscosLibraryEntry *entry)
{
  if (self->mode == MSCOS_LIBRARY_PAGE_BOOKMARKS)
    return mscos_library_entry_get_bookmarked (entry);

  return mscos_library_entry_get_note (entry) != NULL;
}

typedef struct
{
  /* The entry's version the text was folded from. */
  guint  version;
  char  *folded;
} FoldedText;

static void
folded_text_free (FoldedText *folded)
{
  g_free (folded->folded);
  g_free (folded);
}

/* The entry's title, words and note, folded as the filter's words are, kept on the entry
 * until it changes: each keystroke in the filter looks at every row shown. */
static const char *
get_folded_text (MscosLibraryEntry *entry)
{
  static GQuark quark;
  guint version = mscos_library_entry_get_version (entry);
  FoldedText *folded;

  if (quark == 0)
    quark = g_quark_from_static_string ("mscos-library-page-folded-text");

  folded = g_object_get_qdata (G_OBJECT (entry), quark);
  if (folded == NULL || folded->version != version)
    {
      const char *title = mscos_library_entry_get_item_title (entry);
      const char *excerpt = mscos_library_entry_get_excerpt (entry);
      const char *note = mscos_library_entry_get_note (entry);
      g_autofree char *text = g_strjoin (" ", title ? title : "", excerpt ? excerpt : "",
                                         note ? note : "", NULL);

      folded = g_new0 (FoldedText, 1);
      folded->version = version;
      folded->folded = mscos_search_fold (text);
      g_object_set_qdata_full (G_OBJECT (entry), quark, folded,
                               (GDestroyNotify) folded_text_free);
    }

  return folded->folded;
}

static gboolean
matches_words (MscosLibraryPage  *self,
               MscosLibraryEntry *entry)
{
  const char *folded;

  if (self->words == NULL)
    return TRUE;

  folded = get_folded_text (entry);
  for (guint i = 0; self->words[i] != NULL; i++)
    if (*self->words[i] != '\0' && strstr (folded, self->words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
filter_mode_cb (gpointer item,
                gpointer user_data)
{
  return entry_in_mode (user_data, item);
}

static gboolean
filter_entry_cb (gpointer item,
                 gpointer user_data)
{
  MscosLibraryPage *self = user_data;
  MscosLibraryEntry *entry = item;
  guint choice = gtk_drop_down_get_selected (self->outcome_dropdown);
  gboolean missing;

  if (!entry_in_mode (self, entry))
    return FALSE;

  /* Each keystroke in the filter looks at every row shown: whether the item is in the pack
   * is looked up only when an outcome is chosen. */
  if (choice != ALL_OUTCOMES)
    {
      missing = self->pack == NULL
                || mscos_library_entry_get_status (entry, self->pack)
                   == MSCOS_LIBRARY_ENTRY_MISSING;

      if (choice == NOT_IN_PACK && !missing)
        return FALSE;
      if (choice >= FIRST_OUTCOME && choice < self->outcome_ids->len
          && (missing || g_strcmp0 (mscos_library_entry_get_outcome_id (entry),
                                    g_ptr_array_index (self->outcome_ids, choice)) != 0))
        return FALSE;
    }

  return matches_words (self, entry);
}

static GDateTime *
get_mode_time (MscosLibraryPage  *self,
               MscosLibraryEntry *entry)
{
  if (self->mode == MSCOS_LIBRARY_PAGE_BOOKMARKS)
    return mscos_library_entry_get_bookmark_created (entry);

  return mscos_library_entry_get_note_modified (entry);
}

static int
sort_newest_first_cb (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GDateTime *time_a = get_mode_time (user_data, (MscosLibraryEntry *) a);
  GDateTime *time_b = get_mode_time (user_data, (MscosLibraryEntry *) b);

  if (time_a == NULL || time_b == NULL)
    return (time_a == NULL) - (time_b == NULL);

  return -g_date_time_compare (time_a, time_b);
}

static void
update_empty_state (MscosLibraryPage *self)
{
  gboolean bookmarks = self->mode == MSCOS_LIBRARY_PAGE_BOOKMARKS;
  gboolean any;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  any = g_list_model_get_n_items (G_LIST_MODEL (self->in_mode)) > 0;

  if (any)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, bookmarks ? _("No Matching Bookmarks")
                                                             : _("No Matching Notes"));
      adw_status_page_set_description (self->empty_page, _("Try other words or another outcome."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, bookmarks ? "starred-symbolic"
                                                                 : "document-edit-symbolic");
      adw_status_page_set_title (self->empty_page, bookmarks ? _("No Bookmarks Yet")
                                                             : _("No Notes Yet"));
      adw_status_page_set_description (self->empty_page,
                                       bookmarks ? _("Select the star on any quote, resource or "
                                                     "recommendation to keep it here.")
                                                 : _("Select the note button on any item to "
                                                     "write a note. Notes stay on this "
                                                     "computer."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
entries_changed_cb (MscosLibraryPage *self)
{
  update_empty_state (self);
}

static void
outcome_chosen_cb (MscosLibraryPage *self)
{
  /* The choices are filled in before the filter is made. */
  if (self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

static gboolean
apply_words_cb (gpointer user_data)
{
  MscosLibraryPage *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *before = g_steal_pointer (&self->folded_words);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->words_source = 0;
  g_clear_pointer (&self->words, g_strfreev);
  if (text != NULL && *text != '\0')
    {
      self->folded_words = mscos_search_fold (text);
      self->words = g_strsplit (self->folded_words, " ", -1);
    }

  if (self->filter == NULL || g_strcmp0 (before, self->folded_words) == 0)
    return G_SOURCE_REMOVE;

  /* Words typed at the end only narrow what is shown, and deleting them only widens it: the
   * filter then looks again at the rows shown, or at those hidden, only. */
  if (before == NULL || (self->folded_words != NULL && g_str_has_prefix (self->folded_words,
                                                                          before)))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->folded_words == NULL || g_str_has_prefix (before, self->folded_words))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_empty_state (self);

  return G_SOURCE_REMOVE;
}

/* The words are taken in from an idle that runs before the next frame, not at once: text
 * replaced (words selected and typed over, or set) passes through an empty text, for which the
 * search entry says at once that the search changed, and then the words typed; taken in at
 * once, the filter would show every entry and then narrow them again, which cost each such
 * keystroke 8 ms of the main thread with 2,000 notes (bench-library-ui). */
static void
filter_changed_cb (MscosLibraryPage *self)
{
  if (self->words_source == 0)
    self->words_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_words_cb, self, NULL);
}

static void
entry_activated_cb (MscosLibraryPage *self,
                    guint             position)
{
  /* @position is in the sorted list the view shows. */
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (self->list_view));
  g_autoptr (MscosLibraryEntry) entry = g_list_model_get_item (shown, position);

  if (entry == NULL)
    return;

  if (self->pack != NULL
      && mscos_library_entry_get_status (entry, self->pack) != MSCOS_LIBRARY_ENTRY_MISSING)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s",
                                mscos_library_entry_get_item_id (entry));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                                _("This item is not in the content pack shown; what you saved "
                                  "of it is kept here"));
}

static void
row_set_up_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               MscosLibraryPage         *self)
{
  gtk_list_item_set_child (list_item, g_object_new (MSCOS_TYPE_LIBRARY_ROW, NULL));
}

static void
row_bound_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              MscosLibraryPage         *self)
{
  MscosLibraryEntry *entry = gtk_list_item_get_item (list_item);

  self->bound_end = MAX (self->bound_end, gtk_list_item_get_position (list_item) + 1);
  mscos_library_row_bind (MSCOS_LIBRARY_ROW (gtk_list_item_get_child (list_item)), entry,
                          self->pack, self->mode == MSCOS_LIBRARY_PAGE_NOTES);
  gtk_list_item_set_accessible_label (list_item, mscos_library_entry_get_item_title (entry));
}

static void
row_unbound_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                MscosLibraryPage         *self)
{
  mscos_library_row_unbind (MSCOS_LIBRARY_ROW (gtk_list_item_get_child (list_item)));
}

static void
fill_outcome_choices (MscosLibraryPage *self)
{
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("All outcomes"));
  g_ptr_array_add (self->outcome_ids, NULL);
  gtk_string_list_append (choices, _("Not in this content pack"));
  g_ptr_array_add (self->outcome_ids, NULL);

  if (self->pack != NULL)
    {
      GListModel *outcomes = mscos_content_pack_get_outcomes (self->pack);

      for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
        {
          g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);

          gtk_string_list_append (choices, mscos_outcome_get_title (outcome));
          g_ptr_array_add (self->outcome_ids, g_strdup (mscos_outcome_get_id (outcome)));
        }
    }

  gtk_drop_down_set_model (self->outcome_dropdown, G_LIST_MODEL (choices));
}

/* Gives the view every entry at once, for good. */
static void
finish_feed (MscosLibraryPage *self)
{
  if (self->feed_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->feed_tick);
  self->feed_tick = 0;
  mscos_library_feed_set_limit (self->feed, G_MAXUINT);
}

static gboolean
feed_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  MscosLibraryPage *self = MSCOS_LIBRARY_PAGE (widget);
  guint limit = self->feed->limit;

  /* The view binds the rows given when it lays them out, after this tick: it is given a
   * frame, and then no more rows once it binds none of those given. */
  if (limit < g_list_model_get_n_items (G_LIST_MODEL (self->sorted))
      && (self->bound_end >= limit || !self->waited))
    {
      if (self->bound_end >= limit)
        {
          mscos_library_feed_set_limit (self->feed, limit + ROWS_PER_FRAME);
          self->waited = FALSE;
        }
      else
        {
          self->waited = TRUE;
        }
      return G_SOURCE_CONTINUE;
    }

  mscos_library_feed_set_limit (self->feed, G_MAXUINT);
  self->feed_tick = 0;
  return G_SOURCE_REMOVE;
}

/* A key pressed in the list, or the list scrolled, while the page opens: the view is given every
 * entry first, so that End, Page Down or the scroll bar reach the last one, not the last given
 * so far. The view then builds the rows where it is taken to, as it would have anyway. */
static gboolean
list_key_pressed_cb (MscosLibraryPage *self)
{
  if (self->feed_tick != 0)
    finish_feed (self);

  return GDK_EVENT_PROPAGATE;
}

static void
list_scrolled_cb (MscosLibraryPage *self)
{
  /* The page opens at the top; the view moves from it only when the user scrolls. */
  if (self->feed_tick != 0 && gtk_adjustment_get_value (self->vadjustment) > 0)
    finish_feed (self);
}

/* A page not on screen does not follow the library: the window keeps the Bookmarks page while
 * the Notes page or an outcome is shown, and a hidden list view that followed every change
 * cost each bookmark toggle 4 ms of the main thread with a library of 20 entries, and 8 ms
 * with 4,000 (bench-library-ui). Shown again, the page filters and sorts the entries once,
 * and the list starts from the top. */
static void
mscos_library_page_map (GtkWidget *widget)
{
  MscosLibraryPage *self = MSCOS_LIBRARY_PAGE (widget);

  mscos_library_feed_set_limit (self->feed, FIRST_SCREEN_ROWS);
  self->bound_end = 0;
  self->waited = FALSE;
  if (self->feed_tick == 0)
    self->feed_tick = gtk_widget_add_tick_callback (widget, feed_cb, NULL, NULL);

  gtk_filter_list_model_set_model (self->in_mode, mscos_library_get_entries (self->library));
  gtk_filter_list_model_set_model (self->filtered, mscos_library_get_entries (self->library));
  update_empty_state (self);

  GTK_WIDGET_CLASS (mscos_library_page_parent_class)->map (widget);

  g_set_object (&self->vadjustment,
                gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)));
  if (self->vadjustment != NULL)
    g_signal_connect_swapped (self->vadjustment, "value-changed",
                              G_CALLBACK (list_scrolled_cb), self);
}

static void
mscos_library_page_unmap (GtkWidget *widget)
{
  MscosLibraryPage *self = MSCOS_LIBRARY_PAGE (widget);

  GTK_WIDGET_CLASS (mscos_library_page_parent_class)->unmap (widget);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, list_scrolled_cb, self);
  g_clear_object (&self->vadjustment);
  if (self->feed_tick != 0)
    gtk_widget_remove_tick_callback (widget, self->feed_tick);
  self->feed_tick = 0;
  gtk_filter_list_model_set_model (self->filtered, NULL);
  gtk_filter_list_model_set_model (self->in_mode, NULL);
}

static void
mscos_library_page_dispose (GObject *object)
{
  MscosLibraryPage *self = MSCOS_LIBRARY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_LIBRARY_PAGE);
  mscos_widget_unparent_children (GTK_WIDGET (self));

  g_clear_handle_id (&self->words_source, g_source_remove);
  if (self->feed_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->feed_tick);
  self->feed_tick = 0;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, list_scrolled_cb, self);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->feed);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->in_mode);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->library);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->outcome_ids, g_ptr_array_unref);
  g_clear_pointer (&self->folded_words, g_free);
  g_clear_pointer (&self->words, g_strfreev);

  G_OBJECT_CLASS (mscos_library_page_parent_class)->dispose (object);
}

static void
mscos_library_page_class_init (MscosLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_library_page_dispose;

  widget_class->map = mscos_library_page_map;
  widget_class->unmap = mscos_library_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mscos-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryPage, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, MscosLibraryPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

static void
mscos_library_page_init (MscosLibraryPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Before the view's own key bindings. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  self->outcome_ids = g_ptr_array_new_with_free_func (g_free);
}

/**
 * mscos_library_page_new:
 * @mode: bookmarks or notes
 * @library: the user's library
 * @pack: (nullable): the content pack shown
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
mscos_library_page_new (MscosLibraryPageMode  mode,
                        MscosLibrary         *library,
                        MscosContentPack     *pack)
{
  MscosLibraryPage *self;
  g_autoptr (GtkNoSelection) selection = NULL;
  GtkListItemFactory *factory;

  g_return_val_if_fail (MSCOS_IS_LIBRARY (library), NULL);

  self = g_object_new (MSCOS_TYPE_LIBRARY_PAGE, NULL);
  self->mode = mode;
  self->library = g_object_ref (library);
  self->pack = pack ? g_object_ref (pack) : NULL;
  fill_outcome_choices (self);

  /* The entries are given on map. */
  self->in_mode = gtk_filter_list_model_new (NULL,
                                             GTK_FILTER (gtk_custom_filter_new (filter_mode_cb,
                                                                                self, NULL)));
  self->filter = gtk_custom_filter_new (filter_entry_cb, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_newest_first_cb, self, NULL);
  /* The words are matched against the library's entries themselves, not against those of the
   * page's kind (which are counted apart, to tell an empty page from one filtered empty):
   * fetched through a second filter model, each entry looked at for a keystroke in the filter
   * cost three times the instructions (callgrind, bench-library-ui with 2,000 notes). */
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (g_object_ref (self->sorter)));
  self->feed = mscos_library_feed_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->feed)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_set_up_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bound_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbound_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mscos_library_page_get_title (self), -1);

  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (entries_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->in_mode, "items-changed", G_CALLBACK (entries_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_empty_state (self);

  return GTK_WIDGET (self);
}

const char *
mscos_library_page_get_title (MscosLibraryPage *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_PAGE (self), NULL);

  return self->mode == MSCOS_LIBRARY_PAGE_BOOKMARKS ? _("Bookmarks") : _("Notes");
}
