/* test-library-page.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Library page built on its own, with a library in the test's own folders and a pack of
 * every kind of item, without the application: what it lists, in what order, what the filter
 * keeps, and that a change to one entry is a change to one row of what the list view shows. */

#include "config.h"

#include <adwaita.h>

#include "mscos-library-page.h"

#define PACK_ID     "test.every-kind"
#define QUOTE_ID    "safety.quote-keith"
#define RESOURCE_ID "safety.beyond-survival"

typedef struct
{
  MscosContentPack *pack;
  MscosLibrary     *library;
  GtkWindow        *window;
  GtkWidget        *page;
  GListModel       *shown;
} Fixture;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_assert_true (mscos_library_load_finish (MSCOS_LIBRARY (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static MscosItem *
get_item (Fixture    *fixture,
          const char *id)
{
  MscosItem *item = mscos_content_pack_lookup_item (fixture->pack, id);

  g_assert_nonnull (item);

  return item;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pack_path = g_test_build_filename (G_TEST_DIST, "data", "good",
                                                      "every-kind.json", NULL);
  g_autofree char *library_path = g_build_filename (g_get_user_data_dir (), "library.json",
                                                    NULL);
  g_autoptr (GFile) pack_file = g_file_new_for_path (pack_path);
  g_autoptr (GFile) library_file = g_file_new_for_path (library_path);
  g_autoptr (GError) error = NULL;
  gboolean loaded = FALSE;

  fixture->pack = mscos_content_pack_load (pack_file, NULL, &error);
  g_assert_no_error (error);
  fixture->library = mscos_library_new (library_file);
  mscos_library_load_async (fixture->library, NULL, loaded_cb, &loaded);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
}

static void
show_page (Fixture              *fixture,
           MscosLibraryPageMode  mode)
{
  GtkListView *list_view;

  fixture->page = mscos_library_page_new (mode, fixture->library, fixture->pack);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, fixture->page);
  gtk_window_present (fixture->window);
  list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (fixture->page,
                                                            MSCOS_TYPE_LIBRARY_PAGE,
                                                            "list_view"));
  fixture->shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->pack);
}

static const char *
shown_item_id (Fixture *fixture,
               guint    position)
{
  g_autoptr (MscosLibraryEntry) entry = g_list_model_get_item (fixture->shown, position);

  g_assert_nonnull (entry);

  return mscos_library_entry_get_item_id (entry);
}

static gboolean
taken_in_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Types @text over the filter's words, which must differ from those typed before, and waits
 * until the page has taken them in: the page takes them in from an idle of high priority,
 * and this idle runs next. */
static void
type_filter (Fixture    *fixture,
             const char *text)
{
  GObject *entry = gtk_widget_get_template_child (fixture->page, MSCOS_TYPE_LIBRARY_PAGE,
                                                  "filter_entry");
  gboolean taken_in = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* What the entry emits once the user pauses. */
  g_signal_emit_by_name (entry, "search-changed");
  g_idle_add_full (G_PRIORITY_HIGH_IDLE + 1, taken_in_cb, &taken_in, NULL);
  while (!taken_in)
    g_main_context_iteration (NULL, TRUE);
}

/* Bookmarks newest first; a bookmark removed leaves the list. */
static void
test_bookmarks_newest_first (Fixture       *fixture,
                             gconstpointer  data)
{
  mscos_library_set_bookmarked (fixture->library, PACK_ID, get_item (fixture, QUOTE_ID), TRUE);
  /* A note alone is not a bookmark. */
  mscos_library_set_note (fixture->library, PACK_ID, get_item (fixture, QUOTE_ID), "Mine");
  mscos_library_set_note (fixture->library, PACK_ID, get_item (fixture, RESOURCE_ID), "Too");
  show_page (fixture, MSCOS_LIBRARY_PAGE_BOOKMARKS);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 1);

  mscos_library_set_bookmarked (fixture->library, PACK_ID, get_item (fixture, RESOURCE_ID),
                                TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 2);
  g_assert_cmpstr (shown_item_id (fixture, 0), ==, RESOURCE_ID);
  g_assert_cmpstr (shown_item_id (fixture, 1), ==, QUOTE_ID);

  mscos_library_set_bookmarked (fixture->library, PACK_ID, get_item (fixture, RESOURCE_ID),
                                FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 1);
  g_assert_cmpstr (shown_item_id (fixture, 0), ==, QUOTE_ID);
}

/* The filter keeps the notes with every word typed, whatever their case and accents, and
 * gives the others back as words are deleted. */
static void
test_filter_words (Fixture       *fixture,
                   gconstpointer  data)
{
  mscos_library_set_note (fixture->library, PACK_ID, get_item (fixture, QUOTE_ID),
                          "Call Wendy at the café first");
  mscos_library_set_note (fixture->library, PACK_ID, get_item (fixture, RESOURCE_ID),
                          "Ask the police");
  show_page (fixture, MSCOS_LIBRARY_PAGE_NOTES);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 2);

  type_filter (fixture, "wen");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 1);
  type_filter (fixture, "wendy CAFE");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 1);
  g_assert_cmpstr (shown_item_id (fixture, 0), ==, QUOTE_ID);
  type_filter (fixture, "wendy zebra");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 0);
  type_filter (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 2);

  /* An entry that changes is looked at again with the words typed. */
  type_filter (fixture, "ask");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 1);
  mscos_library_set_note (fixture->library, PACK_ID, get_item (fixture, QUOTE_ID),
                          "Call Wendy, or ask the police");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 2);
}

typedef struct
{
  guint changes;
  guint most_rows;
} RowChanges;

static void
shown_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  RowChanges *changes)
{
  changes->changes++;
  changes->most_rows = MAX (changes->most_rows, MAX (removed, added));
}

/* Typing in one note, and bookmarking an item that has a note, each change one row of what
 * the Notes page shows, not the whole list: the list view then rebinds one row. */
static void
test_one_row_per_change (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const ids[] = {
    "safety.quote-keith", "safety.audio-keith", "safety.beyond-survival",
    "safety.helpline-steps",
  };
  RowChanges changes = { 0, };
  GString *note = g_string_new ("Typed");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    mscos_library_set_note (fixture->library, PACK_ID, get_item (fixture, ids[i]), ids[i]);
  show_page (fixture, MSCOS_LIBRARY_PAGE_NOTES);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, G_N_ELEMENTS (ids));
  g_signal_connect (fixture->shown, "items-changed", G_CALLBACK (shown_changed_cb), &changes);

  /* The newest note is at the top, where typing keeps it. */
  for (guint i = 0; i < 10; i++)
    {
      g_string_append_c (note, 'a' + i);
      mscos_library_set_note (fixture->library, PACK_ID, get_item (fixture, ids[3]), note->str);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_cmpuint (changes.most_rows, <=, 1);

  /* The oldest note, bookmarked, stays where it is among the notes. */
  mscos_library_set_bookmarked (fixture->library, PACK_ID, get_item (fixture, ids[0]), TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changes.most_rows, <=, 1);
  g_assert_cmpstr (shown_item_id (fixture, G_N_ELEMENTS (ids) - 1), ==, ids[0]);

  g_signal_handlers_disconnect_by_data (fixture->shown, &changes);
  g_string_free (note, TRUE);
}

/* Words replaced at once (selected and typed over) pass through an empty text, for which the
 * search entry tells of a change at once: the page filters once, for the words typed, and does
 * not show every note in between. */
static void
test_filter_replaced (Fixture       *fixture,
                      gconstpointer  data)
{
  RowChanges changes = { 0, };

  mscos_library_set_note (fixture->library, PACK_ID, get_item (fixture, QUOTE_ID),
                          "Call Wendy at the café first");
  mscos_library_set_note (fixture->library, PACK_ID, get_item (fixture, RESOURCE_ID),
                          "Ask the police");
  show_page (fixture, MSCOS_LIBRARY_PAGE_NOTES);
  type_filter (fixture, "wen");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 1);
  g_signal_connect (fixture->shown, "items-changed", G_CALLBACK (shown_changed_cb), &changes);

  type_filter (fixture, "wendy");
  g_assert_cmpuint (changes.changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 1);
  g_assert_cmpstr (shown_item_id (fixture, 0), ==, QUOTE_ID);

  g_signal_handlers_disconnect_by_data (fixture->shown, &changes);
}

/* A page not on screen (the window keeps the Bookmarks page while the Notes page or an outcome
 * is shown) does not follow the library, and costs nothing per change; shown again, it lists
 * what changed meanwhile, with the words typed in its filter. */
static void
test_hidden_page_waits (Fixture       *fixture,
                        gconstpointer  data)
{
  RowChanges changes = { 0, };

  mscos_library_set_bookmarked (fixture->library, PACK_ID, get_item (fixture, QUOTE_ID), TRUE);
  show_page (fixture, MSCOS_LIBRARY_PAGE_BOOKMARKS);
  type_filter (fixture, "survival");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 0);
  g_signal_connect (fixture->shown, "items-changed", G_CALLBACK (shown_changed_cb), &changes);

  gtk_widget_set_visible (fixture->page, FALSE);
  mscos_library_set_bookmarked (fixture->library, PACK_ID, get_item (fixture, RESOURCE_ID),
                                TRUE);
  mscos_library_set_bookmarked (fixture->library, PACK_ID, get_item (fixture, RESOURCE_ID),
                                FALSE);
  mscos_library_set_bookmarked (fixture->library, PACK_ID, get_item (fixture, RESOURCE_ID),
                                TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changes.changes, ==, 0);
  g_signal_handlers_disconnect_by_data (fixture->shown, &changes);

  gtk_widget_set_visible (fixture->page, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 1);
  g_assert_cmpstr (shown_item_id (fixture, 0), ==, RESOURCE_ID);
  type_filter (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 2);
}

static void
note_on_item_cb (gpointer data,
                 gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *note = g_strdup_printf ("A note on %s", mscos_item_get_id (data));

  mscos_library_set_note (fixture->library, PACK_ID, data, note);
}

/* The list view scrolls itself, so that it makes rows only for what is on screen: inside a
 * plain viewport it was given its whole height, and made and laid out a row for every note
 * on every change. */
static void
test_rows_on_screen_only (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *list_view;
  guint n_notes;

  mscos_content_pack_foreach_item (fixture->pack, note_on_item_cb, fixture);
  show_page (fixture, MSCOS_LIBRARY_PAGE_NOTES);
  gtk_window_set_default_size (fixture->window, 500, 300);
  n_notes = g_list_model_get_n_items (mscos_library_get_entries (fixture->library));
  g_assert_cmpuint (n_notes, >, 10);
  list_view = GTK_WIDGET (gtk_widget_get_template_child (fixture->page, MSCOS_TYPE_LIBRARY_PAGE,
                                                         "list_view"));
  /* The view is given the notes a screen at a time (opens-a-screen-first). */
  while (gtk_widget_get_height (list_view) == 0 || gtk_widget_get_first_child (list_view) == NULL
         || g_list_model_get_n_items (fixture->shown) < n_notes)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (gtk_widget_get_height (list_view), <=, 300);
}

/* Notes whose items have left the pack, @n of them, each its own time. */
static void
import_notes (Fixture *fixture,
              guint    n)
{
  GString *json = g_string_new ("{ \"format\": \"mscos-library\", \"version\": 1, \"entries\": [");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *time = g_strdup_printf ("2026-11-01T%02u:%02u:%02uZ", i / 3600 % 24,
                                              i / 60 % 60, i % 60);

      g_string_append_printf (json, "%s{ \"pack\": \"" PACK_ID "\", \"item\": \"gone.item-%u\", "
                              "\"outcome\": \"safety\", \"kind\": \"quote\", "
                              "\"title\": \"An item no longer in the pack, number %u, whose "
                              "title wraps\", \"note\": { \"text\": \"A note on item %u that "
                              "is long enough to wrap on a narrow window\", \"created\": \"%s\", "
                              "\"modified\": \"%s\" } }",
                              i > 0 ? ", " : "", i, i, i, time, time);
    }
  g_string_append (json, "] }");
  bytes = g_string_free_to_bytes (json);
  g_assert_true (mscos_library_import_json (fixture->library, bytes, NULL, &error));
  g_assert_no_error (error);
}

/* The list view of a page of 2,000 notes opened just now, once it has its first rows. */
static GtkWidget *
open_long_page (Fixture *fixture)
{
  GtkWidget *list_view;

  import_notes (fixture, 2000);
  show_page (fixture, MSCOS_LIBRARY_PAGE_NOTES);
  gtk_window_set_default_size (fixture->window, 500, 700);
  list_view = GTK_WIDGET (gtk_widget_get_template_child (fixture->page, MSCOS_TYPE_LIBRARY_PAGE,
                                                         "list_view"));
  while (gtk_widget_get_first_child (list_view) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), <, 2000);

  return list_view;
}

/* Opening a page of 2,000 notes builds the rows of a screen in its first frame, and the others
 * in the frames after, until the list view holds every note: given them all at once, the list
 * view built and laid out the 200 rows it keeps before it has measured any, in one frame (a
 * stall of half a second, bench-library-ui). */
static void
test_opens_a_screen_first (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *list_view = open_long_page (fixture);
  guint n_rows = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, <=, 20);

  while (g_list_model_get_n_items (fixture->shown) < 2000)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 2000);
}

/* End, Page Down or any key pressed in the list while the page opens reaches the last note,
 * not the last of those given to the list view so far: the view is given them all first. */
static void
test_key_while_opening (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *list_view = open_long_page (fixture);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (list_view);
  gboolean pressed = FALSE;

  /* What the window gives the list for the key, before the list's own bindings. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller)
          || gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_End, 0, 0, &handled);
      g_assert_false (handled);
      pressed = TRUE;
    }
  g_assert_true (pressed);

  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 2000);
}

/* The list scrolled (the scroll bar dragged, the wheel) while the page opens can reach the last
 * note at once. */
static void
test_scroll_while_opening (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *list_view = open_long_page (fixture);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));

  /* Once there is something to scroll to. */
  while (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), <, 2000);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));

  g_assert_cmpuint (g_list_model_get_n_items (fixture->shown), ==, 2000);
}

/* The test's own folders hold no MIME database, without which GTK cannot tell an icon's SVG
 * from other data: the empty page's icon, which GTK starts loading in a thread once the page
 * is laid out (a stack measures each of its pages), fails to load, and its warning would end
 * the test at a moment that depends on the machine. That warning alone is dropped. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;

  if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL
      && g_str_has_prefix (message, "Failed to load icon"))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/library-page/bookmarks-newest-first", Fixture, NULL, fixture_set_up,
              test_bookmarks_newest_first, fixture_tear_down);
  g_test_add ("/ui/library-page/filter-words", Fixture, NULL, fixture_set_up,
              test_filter_words, fixture_tear_down);
  g_test_add ("/ui/library-page/one-row-per-change", Fixture, NULL, fixture_set_up,
              test_one_row_per_change, fixture_tear_down);
  g_test_add ("/ui/library-page/filter-replaced", Fixture, NULL, fixture_set_up,
              test_filter_replaced, fixture_tear_down);
  g_test_add ("/ui/library-page/hidden-page-waits", Fixture, NULL, fixture_set_up,
              test_hidden_page_waits, fixture_tear_down);
  g_test_add ("/ui/library-page/rows-on-screen-only", Fixture, NULL, fixture_set_up,
              test_rows_on_screen_only, fixture_tear_down);
  g_test_add ("/ui/library-page/opens-a-screen-first", Fixture, NULL, fixture_set_up,
              test_opens_a_screen_first, fixture_tear_down);
  g_test_add ("/ui/library-page/key-while-opening", Fixture, NULL, fixture_set_up,
              test_key_while_opening, fixture_tear_down);
  g_test_add ("/ui/library-page/scroll-while-opening", Fixture, NULL, fixture_set_up,
              test_scroll_while_opening, fixture_tear_down);

  return g_test_run ();
}
