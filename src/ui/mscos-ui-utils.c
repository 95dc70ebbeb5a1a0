/* mscos-ui-utils.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-ui-utils"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mscos-ui-utils.h"

static GtkWidget *
new_label (const char        *text,
           const char        *css_class,
           GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "use-markup", FALSE,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "natural-wrap-mode", GTK_NATURAL_WRAP_WORD,
                                   "selectable", TRUE,
                                   "xalign", 0.0f,
                                   "halign", GTK_ALIGN_FILL,
                                   "accessible-role", role,
                                   NULL);

  /* Text can be selected with the pointer and copied, but paragraphs are not stops for Tab:
   * keyboard users move between the controls of each item instead. A selectable label that
   * cannot be focused would still stop Tab (it claims the focus it cannot take), so it is left
   * out of keyboard navigation altogether. */
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_can_focus (label, FALSE);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * mscos_text_label_new:
 * @text: plain text from a content pack; never read as markup
 * @css_class: (nullable): a style class
 *
 * Returns: (transfer floating): a wrapping, selectable label for reading text
 */
GtkWidget *
mscos_text_label_new (const char *text,
                      const char *css_class)
{
  return new_label (text, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

/**
 * mscos_heading_label_new:
 *
 * Returns: (transfer floating): a label that screen readers announce as a heading
 */
GtkWidget *
mscos_heading_label_new (const char *text,
                         const char *css_class)
{
  return new_label (text, css_class, GTK_ACCESSIBLE_ROLE_HEADING);
}

void
mscos_text_label_set_text (GtkLabel   *label,
                           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/**
 * mscos_recommendation_count:
 *
 * Returns: (transfer full): "18 recommendations"
 */
char *
mscos_recommendation_count (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation", "%u recommendations", n), n);
}

/**
 * mscos_link_button_new:
 * @title: what the link is, in a few words
 * @uri: where it goes
 *
 * Returns: (transfer floating): a button that opens @uri through the window's link policy
 */
GtkWidget *
mscos_link_button_new (const char *title,
                       const char *uri)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), title);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "adw-external-link-symbolic");
  /* Long link titles are ellipsized on narrow windows rather than widening the page. */
  adw_button_content_set_can_shrink (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, uri);
  gtk_widget_add_css_class (button, "link-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-uri");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);

  return button;
}

/**
 * mscos_links_box_fill:
 * @box: a box
 * @links: (nullable) (element-type MscosLink): links
 *
 * Puts a button for each link in @box, and shows @box if there is any.
 */
void
mscos_links_box_fill (GtkBox    *box,
                      GPtrArray *links)
{
  if (links == NULL)
    return;

  for (guint i = 0; i < links->len; i++)
    {
      MscosLink *link = g_ptr_array_index (links, i);

      gtk_box_append (box, mscos_link_button_new (link->title, link->uri));
    }

  gtk_widget_set_visible (GTK_WIDGET (box), links->len > 0);
}

/**
 * mscos_disclosure_update:
 * @button: the toggle that shows more
 * @revealer: what it shows
 * @icon: (nullable): its arrow
 *
 * Brings @revealer, @icon and the accessible state of @button in line with @button.
 */
void
mscos_disclosure_update (GtkToggleButton *button,
                         GtkRevealer     *revealer,
                         GtkImage        *icon)
{
  gboolean expanded = gtk_toggle_button_get_active (button);

  gtk_revealer_set_reveal_child (revealer, expanded);
  if (icon != NULL)
    gtk_image_set_from_icon_name (icon, expanded ? "pan-up-symbolic" : "pan-down-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

/**
 * mscos_disclosure_open_at_once:
 * @button: the toggle that shows more
 * @revealer: what it shows
 *
 * Opens @revealer without its animation, for jumps to an item inside it: the page can only
 * scroll to the item once it is laid out at its full height.
 */
void
mscos_disclosure_open_at_once (GtkToggleButton *button,
                               GtkRevealer     *revealer)
{
  guint duration = gtk_revealer_get_transition_duration (revealer);

  gtk_revealer_set_transition_duration (revealer, 0);
  gtk_toggle_button_set_active (button, TRUE);
  gtk_revealer_set_transition_duration (revealer, duration);
}

/**
 * mscos_add_exit_shortcuts:
 * @widget: a window, or a popover, which has a surface of its own
 *
 * Makes Shift+Esc (quick exit) and Ctrl+Q (quit) work everywhere in @widget, before anything
 * inside it sees the keys: the application's accelerators reach neither popovers nor a window
 * with a dialog open, and someone who needs the quick exit may be typing a note or reading the
 * preferences when they do.
 */
void
mscos_add_exit_shortcuts (GtkWidget *widget)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("app.quick-exit")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_q, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("app.quit")));
  gtk_widget_add_controller (widget, controller);
}

typedef struct
{
  MscosPopoverFunc func;
  gpointer         user_data;
} PopoverFunc;

static void
create_popover_cb (GtkMenuButton *button,
                   gpointer       data)
{
  PopoverFunc *popover_func = data;
  GtkWidget *popover;

  /* GTK asks each time the button is pressed; the popover made the first time stays. */
  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  popover = popover_func->func (popover_func->user_data);
  mscos_add_exit_shortcuts (popover);
  gtk_menu_button_set_popover (button, popover);
}

/**
 * mscos_menu_button_set_popover_func:
 * @button: a menu button with no popover
 * @func: makes the popover
 * @user_data: for @func, which must outlive @button
 *
 * Has @func make the popover of @button the first time it is pressed, with the exit shortcuts
 * working inside it: most popovers are never opened, and each costs start-up time.
 */
void
mscos_menu_button_set_popover_func (GtkMenuButton    *button,
                                    MscosPopoverFunc  func,
                                    gpointer          user_data)
{
  PopoverFunc *popover_func = g_new0 (PopoverFunc, 1);

  popover_func->func = func;
  popover_func->user_data = user_data;
  gtk_menu_button_set_create_popup_func (button, create_popover_cb, popover_func, g_free);
}

/**
 * mscos_present_dialog:
 * @dialog: (transfer floating): a dialog
 * @parent: the widget it belongs to
 *
 * Presents @dialog with the exit shortcuts working inside it: key events in a dialog do not
 * pass through its window.
 */
void
mscos_present_dialog (AdwDialog *dialog,
                      GtkWidget *parent)
{
  mscos_add_exit_shortcuts (GTK_WIDGET (dialog));
  adw_dialog_present (dialog, parent);
}

/**
 * mscos_widget_show_toast:
 *
 * Shows @message in the toast overlay of @widget's window.
 */
void
mscos_widget_show_toast (GtkWidget  *widget,
                         const char *message)
{
  gtk_widget_activate_action (widget, "win.toast", "s", message);
}

/**
 * mscos_widget_copy_text:
 *
 * Puts @text on the clipboard and says so with @toast.
 */
void
mscos_widget_copy_text (GtkWidget  *widget,
                        const char *text,
                        const char *toast)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  mscos_widget_show_toast (widget, toast);
}

/**
 * mscos_widget_unparent_children:
 * @widget: a widget that holds its children itself (with a layout manager)
 *
 * Unparents every child of @widget: in dispose, after gtk_widget_dispose_template(), which
 * leaves the template's children that have no id, and those added in code.
 */
void
mscos_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/**
 * mscos_widget_accessible_get_bounds:
 * @accessible: a widget
 *
 * An implementation of GtkAccessibleInterface.get_bounds, for a widget to give assistive
 * technologies where it is drawn.
 *
 * AT-SPI's extents of a widget are the sum of the bounds of the widget and of every accessible
 * ancestor. GTK (4.18, and still 4.24) gives each widget's bounds in its parent's content box,
 * inside the parent's CSS border and padding, so the sum leaves out the border and padding of
 * every ancestor: the buttons of a card, inside the page's padded card frames, were reported
 * some 30 px up and to the left of where they are drawn, and a magnifier following the focus or
 * a click at their accessible position missed them. This reports the widget's bounds relative
 * to whatever its ancestors report, so the sum comes out where the widget is drawn in its
 * window, and stays right if GTK changes what the ancestors report.
 *
 * Returns: %FALSE if @accessible is not on screen
 */
gboolean
mscos_widget_accessible_get_bounds (GtkAccessible *accessible,
                                    int           *x,
                                    int           *y,
                                    int           *width,
                                    int           *height)
{
  GtkWidget *widget = GTK_WIDGET (accessible);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkAccessible *ancestor;
  graphene_rect_t bounds;
  int ancestors_x = 0, ancestors_y = 0;

  if (root == NULL || !gtk_widget_get_realized (widget)
      || !gtk_widget_compute_bounds (widget, GTK_WIDGET (root), &bounds))
    return FALSE;

  /* As AT-SPI adds them up (gtk/a11y/gtkatspicomponent.c): up to the first ancestor that has
   * no bounds. */
  ancestor = gtk_accessible_get_accessible_parent (accessible);
  while (ancestor != NULL)
    {
      GtkAccessible *next = NULL;
      int ancestor_x, ancestor_y, ancestor_width, ancestor_height;

      if (gtk_accessible_get_bounds (ancestor, &ancestor_x, &ancestor_y, &ancestor_width, &ancestor_height))
        {
          ancestors_x += ancestor_x;
          ancestors_y += ancestor_y;
          next = gtk_accessible_get_accessible_parent (ancestor);
        }
      g_object_unref (ancestor);
      ancestor = next;
    }

  graphene_rect_round_extents (&bounds, &bounds);
  *x = (int) bounds.origin.x - ancestors_x;
  *y = (int) bounds.origin.y - ancestors_y;
  *width = (int) bounds.size.width;
  *height = (int) bounds.size.height;

  return TRUE;
}

/* The scripts written right to left (Unicode's Bidi_Class R and AL letters) that
 * pango_language_get_scripts() can give for a language: Pango has no call that says a
 * script's direction, and GTK only knows the direction of the locale it runs in. */
static const GUnicodeScript rtl_scripts[] = {
  G_UNICODE_SCRIPT_ARABIC, G_UNICODE_SCRIPT_HEBREW, G_UNICODE_SCRIPT_SYRIAC,
  G_UNICODE_SCRIPT_THAANA, G_UNICODE_SCRIPT_NKO, G_UNICODE_SCRIPT_SAMARITAN,
  G_UNICODE_SCRIPT_MANDAIC, G_UNICODE_SCRIPT_ADLAM, G_UNICODE_SCRIPT_HANIFI_ROHINGYA,
  G_UNICODE_SCRIPT_MENDE_KIKAKUI, G_UNICODE_SCRIPT_YEZIDI,
};

/**
 * mscos_language_get_text_direction:
 * @language: (nullable): a BCP 47 language tag, such as a content pack's "en-GB" or "ar"
 *
 * Returns: the direction text in @language is written in, from the first script Pango knows
 *   it to be written in; %GTK_TEXT_DIR_NONE if Pango knows no script for it
 */
GtkTextDirection
mscos_language_get_text_direction (const char *language)
{
  const PangoScript *scripts;
  int n_scripts = 0;

  if (language == NULL || *language == '\0')
    return GTK_TEXT_DIR_NONE;

  scripts = pango_language_get_scripts (pango_language_from_string (language), &n_scripts);
  if (scripts == NULL || n_scripts == 0)
    return GTK_TEXT_DIR_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (rtl_scripts); i++)
    if ((GUnicodeScript) scripts[0] == rtl_scripts[i])
      return GTK_TEXT_DIR_RTL;

  return GTK_TEXT_DIR_LTR;
}

static void
set_labels_direction (GtkWidget        *widget,
                      GtkTextDirection  direction)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        gtk_widget_set_direction (child, direction);
      else if (!GTK_IS_BUTTON (child))
        set_labels_direction (child, direction);
    }
}

/**
 * mscos_widget_set_text_language:
 * @widget: a widget that shows text in @language, such as a card of a content pack's item
 * @language: (nullable): the text's BCP 47 language tag
 *
 * Lays out every label under @widget (@widget too, if it is one) in the direction @language is
 * written in, so that a pack's English is aligned to the left in an interface laid out right
 * to left, and Arabic to the right in one laid out left to right. GTK aligns a label by the
 * widget's direction, which is the interface's, not by its text's, and a widget does not take
 * its direction from its parent, so each label is given it. Labels in buttons are left to the
 * interface's direction: they are the interface's words. Call it again when labels are added.
 */
void
mscos_widget_set_text_language (GtkWidget  *widget,
                                const char *language)
{
  GtkTextDirection direction;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  direction = mscos_language_get_text_direction (language);
  if (GTK_IS_LABEL (widget))
    gtk_widget_set_direction (widget, direction);
  else
    set_labels_direction (widget, direction);
}
