/* mscos-ui-utils.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mscos-item.h"

G_BEGIN_DECLS

GtkWidget  *mscos_text_label_new          (const char  *text,
                                           const char  *css_class);
GtkWidget  *mscos_heading_label_new       (const char  *text,
                                           const char  *css_class);
void        mscos_text_label_set_text     (GtkLabel    *label,
                                           const char  *text);
char       *mscos_recommendation_count    (guint        n);
GtkWidget  *mscos_link_button_new         (const char  *title,
                                           const char  *uri);
void        mscos_links_box_fill          (GtkBox      *box,
                                           GPtrArray   *links);
void        mscos_disclosure_update       (GtkToggleButton *button,
                                           GtkRevealer     *revealer,
                                           GtkImage        *icon);
void        mscos_disclosure_open_at_once (GtkToggleButton *button,
                                           GtkRevealer     *revealer);
void        mscos_add_exit_shortcuts      (GtkWidget       *widget);

/* Makes the popover of a menu button; see mscos_menu_button_set_popover_func(). */
typedef GtkWidget *(*MscosPopoverFunc) (gpointer user_data);

void        mscos_menu_button_set_popover_func (GtkMenuButton    *button,
                                                MscosPopoverFunc  func,
                                                gpointer          user_data);
void        mscos_present_dialog          (AdwDialog       *dialog,
                                           GtkWidget       *parent);
void        mscos_widget_show_toast       (GtkWidget   *widget,
                                           const char  *message);
void        mscos_widget_unparent_children (GtkWidget  *widget);
void        mscos_widget_copy_text        (GtkWidget   *widget,
                                           const char  *text,
                                           const char  *toast);
gboolean    mscos_widget_accessible_get_bounds (GtkAccessible *accessible,
                                                int           *x,
                                                int           *y,
                                                int           *width,
                                                int           *height);

GtkTextDirection mscos_language_get_text_direction (const char *language);
void        mscos_widget_set_text_language (GtkWidget   *widget,
                                            const char  *language);

G_END_DECLS
