/* test-ui-utils.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The widget helpers of src/ui/mscos-ui-utils.c: that a pack's text is laid out in the
 * direction of the pack's language, whatever the interface's. */

#include "config.h"

#include <adwaita.h>

#include "mscos-ui-utils.h"

static void
test_language_direction (void)
{
  g_assert_cmpint (mscos_language_get_text_direction ("en-GB"), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (mscos_language_get_text_direction ("cy"), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (mscos_language_get_text_direction ("ar"), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (mscos_language_get_text_direction ("he-IL"), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (mscos_language_get_text_direction ("ur"), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (mscos_language_get_text_direction ("fa"), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (mscos_language_get_text_direction (""), ==, GTK_TEXT_DIR_NONE);
  g_assert_cmpint (mscos_language_get_text_direction (NULL), ==, GTK_TEXT_DIR_NONE);
}

/* A card: a heading and a paragraph of the pack's, in boxes, and a button with the interface's
 * words. */
static GtkWidget *
card_new (GtkWidget **heading,
          GtkWidget **paragraph,
          GtkWidget **button)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  *heading = mscos_heading_label_new ("Safety", NULL);
  *paragraph = mscos_text_label_new ("Staying safe from the people who trafficked you.", NULL);
  *button = gtk_button_new_with_label ("Find Out More");
  gtk_box_append (GTK_BOX (header), *heading);
  gtk_box_append (GTK_BOX (card), header);
  gtk_box_append (GTK_BOX (card), *paragraph);
  gtk_box_append (GTK_BOX (card), *button);

  return g_object_ref_sink (card);
}

static void
test_text_language (void)
{
  GtkWidget *heading, *paragraph, *button;
  g_autoptr (GtkWidget) card = card_new (&heading, &paragraph, &button);
  GtkWidget *button_label = gtk_button_get_child (GTK_BUTTON (button));

  /* English in an interface laid out right to left. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (paragraph), ==, GTK_TEXT_DIR_RTL);
  mscos_widget_set_text_language (card, "en-GB");
  g_assert_cmpint (gtk_widget_get_direction (heading), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (paragraph), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (button_label), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (card), ==, GTK_TEXT_DIR_RTL);

  /* Arabic in one laid out left to right. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  mscos_widget_set_text_language (card, "ar");
  g_assert_cmpint (gtk_widget_get_direction (paragraph), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (button_label), ==, GTK_TEXT_DIR_LTR);

  /* A language Pango does not know: the interface's direction. */
  mscos_widget_set_text_language (card, "x-unknown");
  g_assert_cmpint (gtk_widget_get_direction (paragraph), ==, GTK_TEXT_DIR_LTR);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (paragraph), ==, GTK_TEXT_DIR_RTL);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/ui-utils/language-direction", test_language_direction);
  g_test_add_func ("/ui/ui-utils/text-language", test_text_language);

  return g_test_run ();
}
