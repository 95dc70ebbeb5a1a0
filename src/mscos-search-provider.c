/* mscos-search-provider.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-search-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-search-provider.h"
#include "mscos-shell-search-provider-generated.h"

/* The GNOME Shell search provider, exported by the application on its own bus name. It searches
 * the content pack's own text only, never the user's notes: what the Shell shows, anyone at the
 * computer sees. Requests that arrive before the content is indexed (the Shell may start the app
 * just to ask) wait for the index instead of answering empty, and get an error if it cannot be
 * made. Turned off (#MscosSearchProvider:enabled), it answers every search with nothing.
 * Activating a result or the search itself is left to the application, through signals. */

/* GNOME Shell shows a handful of results per provider. */
#define MAX_RESULTS 20
/* Characters of an item's text shown under its title in the Shell. */
#define DESCRIPTION_LENGTH 120

struct _MscosSearchProvider
{
  GObject                  parent_instance;

  GApplication            *application;
  MscosShellSearchProvider2 *skeleton;
  MscosSearchIndex        *index;
  /* why there is no index and will be none, or %NULL */
  GError                  *index_error;
  /* invocations waiting for the index */
  GPtrArray               *waiting;
  gboolean                 enabled;
};

G_DEFINE_FINAL_TYPE (MscosSearchProvider, mscos_search_provider, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_RESULT,
  LAUNCH_SEARCH,
  INDEX_WANTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
join_terms (const char * const *terms)
{
  return g_strjoinv (" ", (char **) terms);
}

/* The ids of the best results for @terms; with @within, only those among @within, as the Shell
 * expects a longer query to narrow the results it already shows. */
static GVariant *
query_to_variant (MscosSearchProvider *self,
                  const char * const  *terms,
                  const char * const  *within)
{
  g_autofree char *query = join_terms (terms);
  g_autoptr (GPtrArray) results = mscos_search_index_query_content (self->index, query,
                                                                    within ? 0 : MAX_RESULTS);
  GVariantBuilder builder;
  guint n = 0;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < results->len && n < MAX_RESULTS; i++)
    {
      const char *id = mscos_search_result_get_item_id (g_ptr_array_index (results, i));

      if (within != NULL && !g_strv_contains (within, id))
        continue;

      g_variant_builder_add (&builder, "s", id);
      n++;
    }

  return g_variant_new ("(as)", &builder);
}

static char *
dup_description (MscosContentPack *pack,
                 MscosItem        *item)
{
  MscosOutcome *outcome = mscos_content_pack_lookup_outcome (pack, mscos_item_get_outcome_id (item));
  const char *text = mscos_item_get_text (item) ? mscos_item_get_text (item) : mscos_item_get_summary (item);
  g_autofree char *flat = NULL;

  if (text == NULL)
    return g_strdup (mscos_outcome_get_title (outcome));

  flat = g_strdup (text);
  g_strdelimit (flat, "\n", ' ');
  if (g_utf8_strlen (flat, -1) > DESCRIPTION_LENGTH)
    {
      g_autofree char *start = g_utf8_substring (flat, 0, DESCRIPTION_LENGTH);

      g_free (flat);
      flat = g_strconcat (start, "…", NULL);
    }

  /* Translators: under a search result in GNOME Shell: the outcome, then the item's words */
  return g_strdup_printf (_("%s — %s"), mscos_outcome_get_title (outcome), flat);
}

static GVariant *
metas_to_variant (MscosSearchProvider *self,
                  const char * const  *identifiers)
{
  MscosContentPack *pack = mscos_search_index_get_pack (self->index);
  g_autoptr (GIcon) icon = g_themed_icon_new (APPLICATION_ID);
  g_autoptr (GVariant) serialized_icon = g_icon_serialize (icon);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; identifiers[i] != NULL; i++)
    {
      MscosItem *item = mscos_content_pack_lookup_item (pack, identifiers[i]);
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;

      if (item == NULL)
        continue;

      name = mscos_item_dup_display_title (item);
      description = dup_description (pack, item);

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (identifiers[i]));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&builder, "{sv}", "icon", serialized_icon);
      g_variant_builder_close (&builder);
    }

  return g_variant_new ("(aa{sv})", &builder);
}

/* The answer of a provider turned off: no result, and no description of any. */
static void
answer_nothing (GDBusMethodInvocation *invocation)
{
  const char *method = g_dbus_method_invocation_get_method_name (invocation);

  if (g_str_equal (method, "GetResultMetas"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", NULL));
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", NULL));
}

/* Answers an invocation now that the index is there. */
static void
answer (MscosSearchProvider   *self,
        GDBusMethodInvocation *invocation)
{
  const char *method = g_dbus_method_invocation_get_method_name (invocation);
  GVariant *parameters = g_dbus_method_invocation_get_parameters (invocation);
  g_autofree const char **first = NULL;
  g_autofree const char **second = NULL;

  if (!self->enabled)
    answer_nothing (invocation);
  else if (g_str_equal (method, "GetInitialResultSet"))
    {
      g_variant_get (parameters, "(^a&s)", &first);
      g_dbus_method_invocation_return_value (invocation, query_to_variant (self, first, NULL));
    }
  else if (g_str_equal (method, "GetSubsearchResultSet"))
    {
      g_variant_get (parameters, "(^a&s^a&s)", &first, &second);
      g_dbus_method_invocation_return_value (invocation, query_to_variant (self, second, first));
    }
  else if (g_str_equal (method, "GetResultMetas"))
    {
      g_variant_get (parameters, "(^a&s)", &first);
      g_dbus_method_invocation_return_value (invocation, metas_to_variant (self, first));
    }
  else
    {
      g_assert_not_reached ();
    }
}

/* Answers the invocations waiting for the index with @error. */
static void
fail_waiting (MscosSearchProvider *self,
              const GError        *error)
{
  g_autoptr (GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    g_dbus_method_invocation_return_error_literal (g_ptr_array_index (waiting, i), G_DBUS_ERROR,
                                                   G_DBUS_ERROR_FAILED, error->message);
}

/* Answers at once when the index is ready, cannot be made, or is not needed; otherwise keeps
 * the invocation until it is ready. */
static gboolean
handle_search_cb (MscosSearchProvider   *self,
                  GDBusMethodInvocation *invocation)
{
  if (self->index != NULL || !self->enabled)
    {
      answer (self, invocation);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (self->index_error != NULL)
    {
      g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED,
                                                     self->index_error->message);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  g_ptr_array_add (self->waiting, g_object_ref (invocation));
  g_signal_emit (self, signals[INDEX_WANTED], 0);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_activate_result_cb (MscosSearchProvider       *self,
                           GDBusMethodInvocation     *invocation,
                           const char                *identifier,
                           const char * const        *terms,
                           guint                      timestamp,
                           MscosShellSearchProvider2 *skeleton)
{
  if (self->enabled)
    g_signal_emit (self, signals[ACTIVATE_RESULT], 0, identifier, timestamp);
  mscos_shell_search_provider2_complete_activate_result (skeleton, invocation);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_launch_search_cb (MscosSearchProvider       *self,
                         GDBusMethodInvocation     *invocation,
                         const char * const        *terms,
                         guint                      timestamp,
                         MscosShellSearchProvider2 *skeleton)
{
  g_autofree char *query = join_terms (terms);

  if (self->enabled)
    g_signal_emit (self, signals[LAUNCH_SEARCH], 0, query, timestamp);
  mscos_shell_search_provider2_complete_launch_search (skeleton, invocation);

  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static void
mscos_search_provider_dispose (GObject *object)
{
  MscosSearchProvider *self = MSCOS_SEARCH_PROVIDER (object);

  mscos_search_provider_unexport (self);
  g_clear_object (&self->skeleton);
  g_clear_object (&self->index);
  g_clear_error (&self->index_error);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (mscos_search_provider_parent_class)->dispose (object);
}

static void
mscos_search_provider_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MscosSearchProvider *self = MSCOS_SEARCH_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_search_provider_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MscosSearchProvider *self = MSCOS_SEARCH_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      mscos_search_provider_set_enabled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_search_provider_class_init (MscosSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mscos_search_provider_dispose;
  object_class->get_property = mscos_search_provider_get_property;
  object_class->set_property = mscos_search_provider_set_property;

  /**
   * MscosSearchProvider:enabled:
   *
   * Whether the provider answers the Shell's searches; when off, it answers every one with
   * nothing and activates nothing.
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MscosSearchProvider::activate-result:
   * @item_id: the item the user chose in the Shell
   * @timestamp: the time of the user's action that chose it, for focusing the window
   */
  signals[ACTIVATE_RESULT] =
    g_signal_new ("activate-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  /**
   * MscosSearchProvider::launch-search:
   * @query: what the user typed in the Shell
   * @timestamp: the time of the user's action, for focusing the window
   */
  signals[LAUNCH_SEARCH] =
    g_signal_new ("launch-search", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  /**
   * MscosSearchProvider::index-wanted:
   *
   * Emitted when a request waits for an index to answer it.
   */
  signals[INDEX_WANTED] =
    g_signal_new ("index-wanted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mscos_search_provider_init (MscosSearchProvider *self)
{
  self->enabled = TRUE;
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->skeleton = mscos_shell_search_provider2_skeleton_new ();

  g_signal_connect_object (self->skeleton, "handle-get-initial-result-set",
                           G_CALLBACK (handle_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skeleton, "handle-get-subsearch-result-set",
                           G_CALLBACK (handle_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skeleton, "handle-get-result-metas",
                           G_CALLBACK (handle_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skeleton, "handle-activate-result",
                           G_CALLBACK (handle_activate_result_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skeleton, "handle-launch-search",
                           G_CALLBACK (handle_launch_search_cb), self, G_CONNECT_SWAPPED);
}

MscosSearchProvider *
mscos_search_provider_new (GApplication *application)
{
  MscosSearchProvider *self = g_object_new (MSCOS_TYPE_SEARCH_PROVIDER, NULL);

  self->application = application;

  return self;
}

/**
 * mscos_search_provider_export:
 *
 * Exports the provider at %MSCOS_SEARCH_PROVIDER_PATH on @connection.
 */
gboolean
mscos_search_provider_export (MscosSearchProvider  *self,
                              GDBusConnection      *connection,
                              GError              **error)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_PROVIDER (self), FALSE);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton), connection,
                                           MSCOS_SEARCH_PROVIDER_PATH, error);
}

void
mscos_search_provider_unexport (MscosSearchProvider *self)
{
  g_return_if_fail (MSCOS_IS_SEARCH_PROVIDER (self));

  /* The Shell waits for an answer to every request: the app is going, and no index comes. */
  if (self->waiting != NULL && self->waiting->len > 0)
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CLOSED,
                                                      "The app is closing");

      fail_waiting (self, error);
    }

  if (self->skeleton != NULL
      && g_dbus_interface_skeleton_get_connection (G_DBUS_INTERFACE_SKELETON (self->skeleton)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
}

/**
 * mscos_search_provider_set_index:
 * @index: (nullable): the index of the content now shown
 *
 * Searches @index from now on, and answers the requests that were waiting for it.
 */
void
mscos_search_provider_set_index (MscosSearchProvider *self,
                                 MscosSearchIndex    *index)
{
  g_return_if_fail (MSCOS_IS_SEARCH_PROVIDER (self));

  if (!g_set_object (&self->index, index) || index == NULL)
    return;

  g_clear_error (&self->index_error);
  for (guint i = 0; i < self->waiting->len; i++)
    answer (self, g_ptr_array_index (self->waiting, i));
  g_ptr_array_set_size (self->waiting, 0);
}

/**
 * mscos_search_provider_set_index_error:
 * @error: why no index can be made of the content
 *
 * Answers the requests waiting for an index with @error, and later ones too until an index
 * comes with mscos_search_provider_set_index().
 */
void
mscos_search_provider_set_index_error (MscosSearchProvider *self,
                                       const GError        *error)
{
  g_return_if_fail (MSCOS_IS_SEARCH_PROVIDER (self));
  g_return_if_fail (error != NULL);

  g_clear_error (&self->index_error);
  self->index_error = g_error_copy (error);
  fail_waiting (self, error);
}

/**
 * mscos_search_provider_set_enabled:
 * @enabled: whether to answer the Shell's searches
 */
void
mscos_search_provider_set_enabled (MscosSearchProvider *self,
                                   gboolean             enabled)
{
  g_return_if_fail (MSCOS_IS_SEARCH_PROVIDER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  /* Requests waiting for an index need none now. */
  if (!enabled)
    {
      for (guint i = 0; i < self->waiting->len; i++)
        answer (self, g_ptr_array_index (self->waiting, i));
      g_ptr_array_set_size (self->waiting, 0);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}
