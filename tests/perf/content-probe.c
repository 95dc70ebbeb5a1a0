/* content-probe.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A probe of when a program's first window shows something, for the start-up benchmark:
 * loaded into the program with LD_PRELOAD, so that nothing of it is in the app, and turned on
 * by naming a file in MSCOS_CONTENT_PROBE_LOG. It writes to the file the lines
 *
 *   PAINT US     the first frame of a window was drawn
 *   CONTENT US   the first frame in which content was drawn
 *
 * US being CLOCK_MONOTONIC in microseconds, as Python's time.monotonic() reads it. Content is
 * named by MSCOS_CONTENT_PROBE_PAGE, a widget type (MscosOutcomePage): a frame holds content
 * once such a widget is on screen and the list view inside it has drawn CONTENT_ROWS rows
 * (the outcome's heading and its first items); a page of fewer rows never counts. Without
 * MSCOS_CONTENT_PROBE_PAGE the first frame is the content, as for the empty window the
 * benchmark compares the app with.
 *
 * The probe waits for the main loop's first turn (GTK is set up by then: a GApplication makes
 * and presents its window in startup and activate, before its main loop runs) and follows
 * every top-level window's frame clock from then on. It costs one walk of the page's children
 * a frame until content is drawn, and nothing after. */

#include <fcntl.h>
#include <unistd.h>

#include <gtk/gtk.h>

#define CONTENT_ROWS 3

static int log_fd = -1;
static GType page_type;
static const char *page_type_name;
static gboolean painted;
static gboolean content_drawn;

static void
write_line (const char *what)
{
  char line[64];
  int length = g_snprintf (line, sizeof line, "%s %" G_GINT64_FORMAT "\n", what,
                           g_get_monotonic_time ());

  if (write (log_fd, line, length) != length)
    g_warning ("content-probe: cannot write its log");
}

/* The first mapped descendant of @widget of type @type, or of @other_type, depth first: the
 * page's own list view comes before any inside its rows. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 GType      other_type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          || G_TYPE_CHECK_INSTANCE_TYPE (child, other_type))
        return child;
      found = find_descendant (child, type, other_type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether the page on screen has drawn its first rows: rows the list view has laid out, each
 * with a row widget of some height. */
static gboolean
has_content (GtkWidget *window)
{
  GtkWidget *page;
  GtkWidget *list;
  guint n_rows = 0;

  if (page_type_name == NULL)
    return TRUE;
  if (page_type == 0)
    page_type = g_type_from_name (page_type_name);
  if (page_type == 0)
    return FALSE;

  page = find_descendant (window, page_type, page_type);
  list = page != NULL ? find_descendant (page, GTK_TYPE_LIST_VIEW, GTK_TYPE_GRID_VIEW) : NULL;
  if (list == NULL)
    return FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);

      if (gtk_widget_get_mapped (row) && child != NULL && gtk_widget_get_height (child) > 0)
        n_rows++;
    }

  /* Not fewer when the list's model holds fewer yet: the page gives its view its rows over a
   * few frames, and the pages the benchmark opens have more. */
  return n_rows >= CONTENT_ROWS;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (!painted)
    {
      painted = TRUE;
      write_line ("PAINT");
    }

  if (!content_drawn && has_content (window))
    {
      content_drawn = TRUE;
      write_line ("CONTENT");
    }

  if (content_drawn)
    g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
}

static void
window_realized_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

static void
follow_window (GtkWidget *window)
{
  if (gtk_widget_get_realized (window))
    window_realized_cb (window);
  else
    g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      follow_window (window);
    }
}

static gboolean
main_loop_started_cb (gpointer user_data)
{
  GListModel *toplevels;

  if (!gtk_is_initialized ())
    return G_SOURCE_CONTINUE;

  toplevels = gtk_window_get_toplevels ();
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));

  return G_SOURCE_REMOVE;
}

__attribute__ ((constructor)) static void
install_probe (void)
{
  const char *path = g_getenv ("MSCOS_CONTENT_PROBE_LOG");

  if (path == NULL)
    return;

  /* Only the program itself, not the helpers it starts. */
  g_unsetenv ("LD_PRELOAD");

  log_fd = open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0)
    return;

  page_type_name = g_getenv ("MSCOS_CONTENT_PROBE_PAGE");
  g_idle_add_full (G_PRIORITY_HIGH, main_loop_started_cb, NULL, NULL);
}
