/* mscos-window-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mscos-outcome-page.h"
#include "mscos-sidebar-item.h"
#include "mscos-window.h"

G_BEGIN_DECLS

/* The window in review mode, in mscos-review-actions.c. */
typedef struct _MscosReviewMode MscosReviewMode;

/* MscosWindow spans two files: mscos-window.c (its lifecycle, pages, sidebar and banner) and
 * mscos-window-actions.c (the "win." actions: links, content packs, the library's export and
 * import, search, text size, expanding). */
struct _MscosWindow
{
  AdwApplicationWindow    parent_instance;

  /* Template children */
  AdwToastOverlay        *toast_overlay;
  AdwNavigationSplitView *split_view;
  AdwNavigationPage      *content_page;
  AdwNavigationView      *content_view;
  GtkStack               *sidebar_stack;
  GtkListView            *sidebar_list;
  GtkStack               *page_stack;
  AdwBanner              *banner;
  AdwBanner              *review_banner;
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  GMenuModel             *primary_menu;
  GMenuModel             *page_menu;
  GtkMenuButton          *primary_menu_button;
  GtkMenuButton          *page_menu_button;
  GtkWidget              *sidebar_quick_exit_button;
  GtkWidget              *content_quick_exit_button;

  MscosSession           *session;
  GSettings              *settings;
  /* Made the first time a search is opened. */
  GtkWidget              *search_panel;
  /* The primary menu's, made the first time the menu opens. */
  GtkButton              *zoom_reset_button;
  GtkWindow              *shortcuts_window;
  guint                   loading_spinner_source;
  /* What the banner above the content is saying. */
  guint                   banner_message;
  GtkSingleSelection     *sidebar_selection;
  /* an item asked for before the content was loaded, shown once it is */
  char                   *pending_item_id;
  /* outcome id → MscosOutcomePage, built the first time each outcome is shown, and
   * "library:bookmarks" and "library:notes" → MscosLibraryPage */
  GHashTable             *pages;
  MscosContentPack       *shown_pack;
  gboolean                opened_by_user;
  /* the control of the page that had the focus when F6 took it to the sidebar */
  GtkWidget              *page_focus;
  /* Made when a review is first asked for. */
  MscosReviewMode        *review;
};

/* mscos-window.c */
MscosContentPack *_mscos_window_get_content_pack  (MscosWindow *self);
MscosLibrary     *_mscos_window_get_library       (MscosWindow *self);
void              _mscos_window_open_content      (MscosWindow *self,
                                                   GFile       *file);
MscosOutcomePage *_mscos_window_get_visible_page  (MscosWindow *self);

/* mscos-window-actions.c */
void              _mscos_window_class_actions_init (MscosWindowClass *klass);
void              _mscos_window_actions_init      (MscosWindow *self);
GtkWidget        *_mscos_window_create_primary_popover (gpointer user_data);
GtkWidget        *_mscos_window_create_page_popover (gpointer user_data);

/* mscos-review-actions.c */
void              _mscos_window_review_class_init (GtkWidgetClass   *widget_class);
void              _mscos_window_review_init       (MscosWindow      *self);
void              _mscos_window_review_dispose    (MscosWindow      *self);
gboolean          _mscos_window_review_pack_changed (MscosWindow    *self,
                                                   MscosContentPack *pack);
gboolean          _mscos_window_review_is_active  (MscosWindow      *self);
MscosPackDiff    *_mscos_window_review_get_diff   (MscosWindow      *self);
GListModel       *_mscos_window_review_create_sidebar_section (MscosWindow *self);
void              _mscos_window_review_decorate_sidebar_item (MscosWindow      *self,
                                                              MscosSidebarItem *item);
void              _mscos_window_review_show_changes (MscosWindow    *self);

G_END_DECLS
