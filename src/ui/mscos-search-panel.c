/* mscos-search-panel.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The results of a search of the content and the user's notes, as the user types in the
 * search entry it is given: grouped by outcome under the outcome's title, the outcome of the
 * best result first, each group in rank order; or a page saying nothing matched. Activating a
 * result, or pressing Enter in the entry, opens the item ("win.show-item"); Down in the entry
 * goes to the results, as in GNOME Settings. */

#define G_LOG_DOMAIN "mscos-search-panel"

#include "config.h"

#include "mscos-search-panel.h"

#include <adwaita.h>

#include "mscos-search-hit.h"
#include "mscos-ui-utils.h"

/* At most this many results are shown. */
#define MAX_RESULTS 200

struct _MscosSearchPanel
{
  GtkWidget         parent_instance;

  GtkStack         *stack;
  GtkListView      *results_list;
  GtkNoSelection   *selection;

  MscosSession     *session;
  GtkSearchEntry   *entry;
  GSignalGroup     *entry_signals;
  GtkEventController *key_controller;
  gboolean          enabled;
  gboolean          showing;
};

G_DEFINE_FINAL_TYPE (MscosSearchPanel, mscos_search_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ENTRY,
  PROP_ENABLED,
  PROP_SHOWING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Results grouped by outcome, the outcome of the best result first, each group in rank
 * order: one section of the list per outcome, which the header factory titles. */
static GListModel *
create_results_model (MscosContentPack *pack,
                      GPtrArray        *results)
{
  g_autoptr (GHashTable) by_outcome = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *groups = g_list_store_new (G_TYPE_LIST_MODEL);

  for (guint i = 0; i < results->len; i++)
    {
      MscosSearchResult *result = g_ptr_array_index (results, i);
      const char *outcome_id = mscos_search_result_get_outcome_id (result);
      g_autoptr (MscosSearchHit) hit = mscos_search_hit_new (result, pack);
      GListStore *group;

      if (hit == NULL)
        continue;

      group = g_hash_table_lookup (by_outcome, outcome_id);
      if (group == NULL)
        {
          group = g_list_store_new (MSCOS_TYPE_SEARCH_HIT);
          g_hash_table_insert (by_outcome, (gpointer) outcome_id, group);
          g_list_store_append (groups, group);
          g_object_unref (group);
        }
      g_list_store_append (group, hit);
    }

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (groups)));
}

static void
set_showing (MscosSearchPanel *self,
             gboolean          showing)
{
  if (self->showing == showing)
    return;

  self->showing = showing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING]);
}

static void
run_search (MscosSearchPanel *self)
{
  MscosSearchIndex *index = self->session ? mscos_session_get_search_index (self->session)
                                          : NULL;
  const char *text = self->entry ? gtk_editable_get_text (GTK_EDITABLE (self->entry)) : "";
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GListModel) model = NULL;

  if (!self->enabled || trimmed[0] == '\0')
    {
      gtk_no_selection_set_model (self->selection, NULL);
      set_showing (self, FALSE);
      return;
    }

  /* The index is asked for when the search opens; this search runs again when it is ready. */
  if (index == NULL)
    return;

  results = mscos_search_index_query (index, text, MAX_RESULTS);
  model = create_results_model (mscos_search_index_get_pack (index), results);
  gtk_no_selection_set_model (self->selection, model);
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (model) > 0
                                                   ? "results" : "no-results");
  set_showing (self, TRUE);
}

static void
open_result (MscosSearchPanel *self,
             guint             position)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (self->results_list));
  g_autoptr (MscosSearchHit) hit = g_list_model_get_item (shown, position);

  if (hit != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s",
                                mscos_search_hit_get_item_id (hit));
}

/* The titles of outcomes and items are the pack's, laid out in the direction of its language
 * rather than the interface's (see mscos_widget_set_text_language()). */
static void
pack_text_label_realize_cb (GtkWidget *label,
                            gpointer   user_data)
{
  GtkWidget *panel = gtk_widget_get_ancestor (label, MSCOS_TYPE_SEARCH_PANEL);
  MscosSession *session = panel ? MSCOS_SEARCH_PANEL (panel)->session : NULL;
  MscosContentPack *pack = session ? mscos_session_get_content_pack (session) : NULL;

  mscos_widget_set_text_language (label, pack ? mscos_content_pack_get_language (pack) : NULL);
}

static void
result_activated_cb (MscosSearchPanel *self,
                     guint             position)
{
  open_result (self, position);
}

static void
entry_activated_cb (MscosSearchPanel *self)
{
  open_result (self, 0);
}

static gboolean
entry_key_pressed_cb (MscosSearchPanel      *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && self->showing
      && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    return gtk_widget_child_focus (GTK_WIDGET (self->results_list), GTK_DIR_TAB_FORWARD);

  return GDK_EVENT_PROPAGATE;
}

static void
mscos_search_panel_dispose (GObject *object)
{
  MscosSearchPanel *self = MSCOS_SEARCH_PANEL (object);

  mscos_search_panel_set_entry (self, NULL);
  g_clear_object (&self->entry_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_SEARCH_PANEL);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (mscos_search_panel_parent_class)->dispose (object);
}

static void
mscos_search_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MscosSearchPanel *self = MSCOS_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_SHOWING:
      g_value_set_boolean (value, self->showing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_search_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MscosSearchPanel *self = MSCOS_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      mscos_search_panel_set_session (self, g_value_get_object (value));
      break;

    case PROP_ENTRY:
      mscos_search_panel_set_entry (self, g_value_get_object (value));
      break;

    case PROP_ENABLED:
      mscos_search_panel_set_enabled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_search_panel_class_init (MscosSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_search_panel_dispose;
  object_class->get_property = mscos_search_panel_get_property;
  object_class->set_property = mscos_search_panel_set_property;

  /**
   * MscosSearchPanel:session:
   *
   * Whose search index is searched.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         MSCOS_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosSearchPanel:entry:
   *
   * The entry the user types the search in.
   */
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         GTK_TYPE_SEARCH_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosSearchPanel:enabled:
   *
   * Whether the search is open; when it is not, nothing is searched.
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosSearchPanel:showing:
   *
   * Whether the panel has something to show: results, or that there are none.
   */
  properties[PROP_SHOWING] =
    g_param_spec_boolean ("showing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MSCOS_TYPE_SEARCH_HIT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mscos-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosSearchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, MscosSearchPanel, results_list);
  gtk_widget_class_bind_template_child (widget_class, MscosSearchPanel, selection);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pack_text_label_realize_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mscos_search_panel_init (MscosSearchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entry_signals = g_signal_group_new (GTK_TYPE_SEARCH_ENTRY);
  g_signal_group_connect_object (self->entry_signals, "search-changed", G_CALLBACK (run_search),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->entry_signals, "activate",
                                 G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
}

MscosSession *
mscos_search_panel_get_session (MscosSearchPanel *self)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_PANEL (self), NULL);

  return self->session;
}

/**
 * mscos_search_panel_set_session:
 * @self: a #MscosSearchPanel
 * @session: (nullable): whose index to search
 *
 * Searches @session's index, and again each time the index is replaced.
 */
void
mscos_search_panel_set_session (MscosSearchPanel *self,
                                MscosSession     *session)
{
  g_return_if_fail (MSCOS_IS_SEARCH_PANEL (self));
  g_return_if_fail (session == NULL || MSCOS_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (!g_set_object (&self->session, session))
    return;

  /* The index of a new pack arrives after the pack: search again with it. */
  if (session != NULL)
    g_signal_connect_object (session, "notify::search-index", G_CALLBACK (run_search), self,
                             G_CONNECT_SWAPPED);
  run_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkSearchEntry *
mscos_search_panel_get_entry (MscosSearchPanel *self)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_PANEL (self), NULL);

  return self->entry;
}

/**
 * mscos_search_panel_set_entry:
 * @self: a #MscosSearchPanel
 * @entry: (nullable): the search entry
 *
 * Searches for what is typed in @entry.
 */
void
mscos_search_panel_set_entry (MscosSearchPanel *self,
                              GtkSearchEntry   *entry)
{
  g_return_if_fail (MSCOS_IS_SEARCH_PANEL (self));
  g_return_if_fail (entry == NULL || GTK_IS_SEARCH_ENTRY (entry));

  if (self->entry == entry)
    return;

  if (self->key_controller != NULL)
    {
      gtk_widget_remove_controller (GTK_WIDGET (self->entry), self->key_controller);
      self->key_controller = NULL;
    }

  g_set_object (&self->entry, entry);
  if (self->entry_signals != NULL)
    g_signal_group_set_target (self->entry_signals, entry);

  if (entry != NULL)
    {
      self->key_controller = gtk_event_controller_key_new ();
      g_signal_connect_object (self->key_controller, "key-pressed",
                               G_CALLBACK (entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (entry), self->key_controller);
      run_search (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

gboolean
mscos_search_panel_get_enabled (MscosSearchPanel *self)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_PANEL (self), FALSE);

  return self->enabled;
}

/**
 * mscos_search_panel_set_enabled:
 * @self: a #MscosSearchPanel
 * @enabled: whether the search is open
 *
 * Opens or closes the search: open, it asks the session for its search index and searches
 * for what the entry holds.
 */
void
mscos_search_panel_set_enabled (MscosSearchPanel *self,
                                gboolean          enabled)
{
  g_return_if_fail (MSCOS_IS_SEARCH_PANEL (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  if (enabled && self->session != NULL)
    mscos_session_request_search_index (self->session);
  run_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
mscos_search_panel_get_showing (MscosSearchPanel *self)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_PANEL (self), FALSE);

  return self->showing;
}
