/* mscos-hanging-row.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-hanging-row"

#include "config.h"

#include "mscos-hanging-row.h"
#include "mscos-ui-utils.h"

/* A list entry laid out as text is: its number or bullet hanging in the margin, its text beside
 * it taking the width that is left, and, if there is a third child, controls at the end (a
 * recommendation's bookmark and note).
 *
 * A horizontal box would do the same, but to share out its width it asks the text how wide it
 * would like to be, which lays every paragraph out on one line and again as narrow as it can
 * go: for the recommendations of an open set that was half of what their text cost to lay out.
 * This row never asks: the text gets what the marker and the controls leave. */

/* The least width the text is given, however narrow the row. */
#define MIN_TEXT_WIDTH 64

struct _MscosHangingRow
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (MscosHangingRow, mscos_hanging_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GtkWidget *marker;
  GtkWidget *text;
  GtkWidget *controls;
  int        marker_width;
  int        controls_width;
} Parts;

static int
get_natural_width (GtkWidget *widget)
{
  int natural = 0;

  if (widget != NULL)
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

/* The children shown, in order: marker, text, controls. */
static void
get_parts (MscosHangingRow *self,
           Parts           *parts)
{
  GtkWidget *found[3] = { NULL, NULL, NULL };
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL && n < G_N_ELEMENTS (found);
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      found[n++] = child;

  parts->marker = found[0];
  parts->text = found[1];
  parts->controls = found[2];
  parts->marker_width = get_natural_width (parts->marker);
  parts->controls_width = get_natural_width (parts->controls);
}

static int
get_text_width (MscosHangingRow *self,
                Parts           *parts,
                int              width)
{
  int used = parts->marker_width + parts->controls_width;

  if (parts->text != NULL)
    used += self->spacing;
  if (parts->controls != NULL)
    used += self->spacing;

  return MAX (MIN_TEXT_WIDTH, width - used);
}

static void
measure_height (GtkWidget *child,
                int        width,
                int       *minimum,
                int       *natural)
{
  int child_minimum = 0, child_natural = 0;

  if (child == NULL)
    return;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_minimum, &child_natural, NULL, NULL);
  *minimum = MAX (*minimum, child_minimum);
  *natural = MAX (*natural, child_natural);
}

/* Allocates @child @child_width wide from @x, mirrored for right-to-left text; returns where
 * the next child goes. */
static int
place (MscosHangingRow *self,
       GtkWidget       *child,
       int              child_width,
       int              x,
       int              width,
       int              height,
       gboolean         rtl)
{
  if (child == NULL)
    return x;

  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { rtl ? width - x - child_width : x, 0, child_width, height },
                            -1);

  return x + child_width + self->spacing;
}

static GtkSizeRequestMode
mscos_hanging_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mscos_hanging_row_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  MscosHangingRow *self = MSCOS_HANGING_ROW (widget);
  Parts parts;

  get_parts (self, &parts);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = parts.marker_width + parts.controls_width + MIN_TEXT_WIDTH
                            + (parts.text ? self->spacing : 0) + (parts.controls ? self->spacing : 0);
      return;
    }

  if (for_size < 0)
    for_size = gtk_widget_get_width (widget);

  *minimum = *natural = 0;
  measure_height (parts.marker, parts.marker_width, minimum, natural);
  measure_height (parts.text, get_text_width (self, &parts, for_size), minimum, natural);
  measure_height (parts.controls, parts.controls_width, minimum, natural);
}

static void
mscos_hanging_row_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  MscosHangingRow *self = MSCOS_HANGING_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int text_width, x;
  Parts parts;

  get_parts (self, &parts);
  text_width = get_text_width (self, &parts, width);
  x = 0;

  x = place (self, parts.marker, parts.marker_width, x, width, height, rtl);
  x = place (self, parts.text, text_width, x, width, height, rtl);
  place (self, parts.controls, parts.controls_width, x, width, height, rtl);
}

static void
mscos_hanging_row_dispose (GObject *object)
{
  mscos_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (mscos_hanging_row_parent_class)->dispose (object);
}

static void
mscos_hanging_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MscosHangingRow *self = MSCOS_HANGING_ROW (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_hanging_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MscosHangingRow *self = MSCOS_HANGING_ROW (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_hanging_row_class_init (MscosHangingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_hanging_row_dispose;
  object_class->get_property = mscos_hanging_row_get_property;
  object_class->set_property = mscos_hanging_row_set_property;

  widget_class->get_request_mode = mscos_hanging_row_get_request_mode;
  widget_class->measure = mscos_hanging_row_measure;
  widget_class->size_allocate = mscos_hanging_row_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "hangingrow");
}

static void
mscos_hanging_row_init (MscosHangingRow *self)
{
}

/**
 * mscos_hanging_row_new:
 * @spacing: the space between the marker, the text and the controls
 *
 * Returns: (transfer floating): a new row, to be given a marker, text and perhaps controls
 */
GtkWidget *
mscos_hanging_row_new (int spacing)
{
  return g_object_new (MSCOS_TYPE_HANGING_ROW, "spacing", spacing, NULL);
}

/**
 * mscos_hanging_row_add:
 * @child: the marker, the text or the controls, in that order
 */
void
mscos_hanging_row_add (MscosHangingRow *self,
                       GtkWidget       *child)
{
  g_return_if_fail (MSCOS_IS_HANGING_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}
