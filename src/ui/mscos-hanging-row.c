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
 * recommendation's bookmark and note), or under the text when the row is too narrow for
 * them beside it (MIN_SIDE_TEXT_EMS).
 *
 * A horizontal box would do the same, but to share out its width it asks the text how wide it
 * would like to be, which lays every paragraph out on one line and again as narrow as it can
 * go: for the recommendations of an open set that was half of what their text cost to lay out.
 * This row never asks: the text gets what the marker and the controls leave. */

/* The least width the text is given, however narrow the row. */
#define MIN_TEXT_WIDTH 64

/* When the text beside the controls would have a line of fewer than MIN_SIDE_TEXT_EMS ems
 * (some 30 letters of body text, a letter being about 0.55 em), the controls go under it, in
 * a row at its end, and the text takes the width beside the marker. At the default text size
 * an em is 13 px. In a 360 px window a recommendation of an open set is 288 px wide: beside
 * its bookmark, note and, while reviewing, comment buttons (106 px) its text had 146 px,
 * 11 ems, 18 letters a line; with the buttons under it, it has 260 px, 20 ems, 35 letters. In
 * a 1,100 px window it has 555 px beside them, 42 ems, and the buttons stay there.
 *
 * The choice is made from the width the row is given and nothing else (the controls' width
 * does not depend on it), the same way when the row is measured for a width as when it is
 * allocated that width, so the height a list view measures is the height the row takes. The
 * em is that of the text's font, which follows the page's text size.
 *
 * A card's heading (a title beside the card's controls) is such a row without a marker
 * ("hanging" false), with a shorter least line ("min-side-text-ems" 15): at 360 px a
 * resource's title has 214 px, 16.5 ems, beside its bookmark and note buttons, where it
 * stays; beside the three buttons of a review it would have 178 px, 13.7 ems, and a set's
 * heading 174 px, so those take the card's width (288 px for a set) with the buttons under
 * them. So do a text's title and a quote's attribution, and, beside the avatar or the play
 * button that is their marker, a profile's name (90 px beside a review's buttons, 229 px
 * over them) and an audio clip's title (134 px, 238 px). */
#define MIN_SIDE_TEXT_EMS 17
/* The space between the text and the controls under it. */
#define STACKED_SPACING 2

struct _MscosHangingRow
{
  GtkWidget parent_instance;

  int       spacing;
  gboolean  hanging;
  int       min_side_text_ems;
};

G_DEFINE_FINAL_TYPE (MscosHangingRow, mscos_hanging_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_HANGING,
  PROP_MIN_SIDE_TEXT_EMS,
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

/* The children shown, in order: marker (if the row is hanging), text, controls. */
static void
get_parts (MscosHangingRow *self,
           Parts           *parts)
{
  GtkWidget *found[3] = { NULL, NULL, NULL };
  guint n = self->hanging ? 0 : 1;

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

/* The width of an em in the text's font, in pixels. */
static int
get_em_width (GtkWidget *text)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (text));
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  /* GTK gives a widget's font its size in pixels; a size in points is at 96 dots an inch. */
  if (!pango_font_description_get_size_is_absolute (font))
    size = size * 96 / 72;

  return (int) (size + 0.5);
}

/* The width of the text beside the marker and, unless they are under it, the controls. */
static int
get_text_width (MscosHangingRow *self,
                Parts           *parts,
                int              width,
                gboolean         stacked)
{
  int used = parts->marker_width;

  if (parts->marker != NULL && parts->text != NULL)
    used += self->spacing;
  if (parts->controls != NULL && !stacked)
    used += self->spacing + parts->controls_width;

  return MAX (MIN_TEXT_WIDTH, width - used);
}

/* Whether the controls go under the text at @width. */
static gboolean
is_stacked (MscosHangingRow *self,
            Parts           *parts,
            int              width)
{
  if (parts->text == NULL || parts->controls == NULL)
    return FALSE;

  return get_text_width (self, parts, width, FALSE) < self->min_side_text_ems * get_em_width (parts->text);
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
       int              y,
       int              width,
       int              height,
       gboolean         rtl)
{
  if (child == NULL)
    return x;

  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { rtl ? width - x - child_width : x, y, child_width, height },
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
      /* At the least width the controls are under the text. */
      *minimum = *natural = parts.marker_width + (parts.marker && parts.text ? self->spacing : 0)
                            + MAX (MIN_TEXT_WIDTH, parts.controls_width);
      return;
    }

  if (for_size < 0)
    for_size = gtk_widget_get_width (widget);

  *minimum = *natural = 0;
  measure_height (parts.marker, parts.marker_width, minimum, natural);
  if (is_stacked (self, &parts, for_size))
    {
      int text_minimum = 0, text_natural = 0;
      int controls_minimum = 0, controls_natural = 0;

      measure_height (parts.text, get_text_width (self, &parts, for_size, TRUE),
                      &text_minimum, &text_natural);
      measure_height (parts.controls, parts.controls_width, &controls_minimum, &controls_natural);
      *minimum = MAX (*minimum, text_minimum + STACKED_SPACING + controls_minimum);
      *natural = MAX (*natural, text_natural + STACKED_SPACING + controls_natural);
    }
  else
    {
      measure_height (parts.text, get_text_width (self, &parts, for_size, FALSE), minimum, natural);
      measure_height (parts.controls, parts.controls_width, minimum, natural);
    }
}

static void
mscos_hanging_row_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  MscosHangingRow *self = MSCOS_HANGING_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gboolean stacked;
  int text_width, x;
  Parts parts;

  get_parts (self, &parts);
  stacked = is_stacked (self, &parts, width);
  text_width = get_text_width (self, &parts, width, stacked);

  x = place (self, parts.marker, parts.marker_width, 0, 0, width, height, rtl);
  if (stacked)
    {
      int controls_height, text_height;

      gtk_widget_measure (parts.controls, GTK_ORIENTATION_VERTICAL, parts.controls_width,
                          NULL, &controls_height, NULL, NULL);
      controls_height = MIN (controls_height, height);
      text_height = MAX (0, height - controls_height - STACKED_SPACING);
      place (self, parts.text, text_width, x, 0, width, text_height, rtl);
      place (self, parts.controls, parts.controls_width, width - parts.controls_width,
             height - controls_height, width, controls_height, rtl);
    }
  else
    {
      x = place (self, parts.text, text_width, x, 0, width, height, rtl);
      place (self, parts.controls, parts.controls_width, x, 0, width, height, rtl);
    }
}

/* Tab goes through the children in their order, the reading order: GTK's own order is by
 * where they are, and the controls, at the top of a row taller than they are, would come
 * before a heading that is a control itself (a set's), which Tab then left out. */
static gboolean
mscos_hanging_row_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  GtkWidget *child;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (mscos_hanging_row_parent_class)->focus (widget, direction);

  child = gtk_widget_get_focus_child (widget);
  if (child == NULL)
    child = forward ? gtk_widget_get_first_child (widget) : gtk_widget_get_last_child (widget);

  for (; child != NULL;
       child = forward ? gtk_widget_get_next_sibling (child) : gtk_widget_get_prev_sibling (child))
    if (gtk_widget_should_layout (child) && gtk_widget_child_focus (child, direction))
      return TRUE;

  return FALSE;
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

    case PROP_HANGING:
      g_value_set_boolean (value, self->hanging);
      break;

    case PROP_MIN_SIDE_TEXT_EMS:
      g_value_set_int (value, self->min_side_text_ems);
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

    case PROP_HANGING:
      if (self->hanging != g_value_get_boolean (value))
        {
          self->hanging = g_value_get_boolean (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_MIN_SIDE_TEXT_EMS:
      if (self->min_side_text_ems != g_value_get_int (value))
        {
          self->min_side_text_ems = g_value_get_int (value);
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
  widget_class->focus = mscos_hanging_row_focus;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the first child is a marker hanging in the margin; without one, the text comes
   * first. */
  properties[PROP_HANGING] =
    g_param_spec_boolean ("hanging", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The least line, in ems, the text is to have beside the controls. */
  properties[PROP_MIN_SIDE_TEXT_EMS] =
    g_param_spec_int ("min-side-text-ems", NULL, NULL, 0, G_MAXINT, MIN_SIDE_TEXT_EMS,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "hangingrow");
}

static void
mscos_hanging_row_init (MscosHangingRow *self)
{
  self->hanging = TRUE;
  self->min_side_text_ems = MIN_SIDE_TEXT_EMS;
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
