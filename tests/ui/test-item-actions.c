/* test-item-actions.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An item's bookmark and note buttons built on their own, with a library in the test's own
 * folders and a pack of every kind of item, without the application: what the buttons do to
 * the library, and that a change made elsewhere (another page, an import) shows on them. */

#include "config.h"

#include <adwaita.h>

#include "mscos-item-actions.h"

#define PACK_ID  "test.every-kind"
#define QUOTE_ID "safety.quote-keith"

typedef struct
{
  MscosContentPack *pack;
  MscosLibrary     *library;
  MscosItem        *item;
  GtkWindow        *window;
  GtkWidget        *actions;
  GtkToggleButton  *bookmark_button;
} Fixture;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_assert_true (mscos_library_load_finish (MSCOS_LIBRARY (object), result, NULL));
  *(gboolean *) user_data = TRUE;
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
  fixture->item = mscos_content_pack_lookup_item (fixture->pack, QUOTE_ID);
  g_assert_nonnull (fixture->item);
  fixture->library = mscos_library_new (library_file);
  mscos_library_load_async (fixture->library, NULL, loaded_cb, &loaded);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);

  fixture->actions = g_object_new (MSCOS_TYPE_ITEM_ACTIONS, NULL);
  mscos_item_actions_set_library (MSCOS_ITEM_ACTIONS (fixture->actions), fixture->library);
  mscos_item_actions_set_pack (MSCOS_ITEM_ACTIONS (fixture->actions), fixture->pack);
  mscos_item_actions_set_item (MSCOS_ITEM_ACTIONS (fixture->actions), fixture->item);
  fixture->bookmark_button =
    GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (fixture->actions, MSCOS_TYPE_ITEM_ACTIONS,
                                                      "bookmark_button"));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, fixture->actions);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->pack);
}

static gboolean
is_bookmarked (Fixture *fixture)
{
  MscosLibraryEntry *entry = mscos_library_lookup (fixture->library, PACK_ID, QUOTE_ID);

  return entry != NULL && mscos_library_entry_get_bookmarked (entry);
}

/* What a click does (gtk_widget_activate() would click only once its press is drawn). */
static void
click (GtkToggleButton *button)
{
  g_signal_emit_by_name (button, "clicked");
}

/* The star bookmarks the item and takes the bookmark off again. */
static void
test_bookmark_button (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_true (gtk_widget_get_sensitive (fixture->actions));
  g_assert_false (gtk_toggle_button_get_active (fixture->bookmark_button));

  click (fixture->bookmark_button);
  g_assert_true (is_bookmarked (fixture));
  g_assert_true (gtk_toggle_button_get_active (fixture->bookmark_button));

  click (fixture->bookmark_button);
  g_assert_false (is_bookmarked (fixture));
  g_assert_false (gtk_toggle_button_get_active (fixture->bookmark_button));
}

/* A bookmark made or taken off elsewhere shows on the star at once, and a note made elsewhere
 * shows on the note button. */
static void
test_follows_library (Fixture       *fixture,
                      gconstpointer  data)
{
  GObject *note_button = gtk_widget_get_template_child (fixture->actions,
                                                        MSCOS_TYPE_ITEM_ACTIONS, "note_button");

  mscos_library_set_bookmarked (fixture->library, PACK_ID, fixture->item, TRUE);
  g_assert_true (gtk_toggle_button_get_active (fixture->bookmark_button));
  mscos_library_set_bookmarked (fixture->library, PACK_ID, fixture->item, FALSE);
  g_assert_false (gtk_toggle_button_get_active (fixture->bookmark_button));

  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (note_button), "has-note"));
  mscos_library_set_note (fixture->library, PACK_ID, fixture->item, "Ask Wendy");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (note_button), "has-note"));
  mscos_library_set_note (fixture->library, PACK_ID, fixture->item, NULL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (note_button), "has-note"));
}

/* Without a library (the app still reading it) Bookmark and Add note cannot be used; the
 * rest (the item's menu, with "Changed from the Source") still can. */
static void
test_without_library (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *note_button = GTK_WIDGET (gtk_widget_get_template_child (fixture->actions,
                                                                      MSCOS_TYPE_ITEM_ACTIONS,
                                                                      "note_button"));

  mscos_item_actions_set_library (MSCOS_ITEM_ACTIONS (fixture->actions), NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fixture->bookmark_button)));
  g_assert_false (gtk_widget_get_sensitive (note_button));
  g_assert_true (gtk_widget_get_sensitive (fixture->actions));

  mscos_item_actions_set_library (MSCOS_ITEM_ACTIONS (fixture->actions), fixture->library);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (fixture->bookmark_button)));
  g_assert_true (gtk_widget_get_sensitive (note_button));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/item-actions/bookmark-button", Fixture, NULL,
              fixture_set_up, test_bookmark_button, fixture_tear_down);
  g_test_add ("/ui/item-actions/follows-library", Fixture, NULL,
              fixture_set_up, test_follows_library, fixture_tear_down);
  g_test_add ("/ui/item-actions/without-library", Fixture, NULL,
              fixture_set_up, test_without_library, fixture_tear_down);

  return g_test_run ();
}
