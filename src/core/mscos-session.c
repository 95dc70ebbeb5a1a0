/* mscos-session.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the app shows and keeps, for its windows, its widgets and GNOME Shell's search: the
 * content pack, the user's library, and the search index of the pack with the library's
 * notes. The application makes one and gives it to each window, which gives its widgets what
 * they need of it; nothing reaches for a global.
 *
 * Packs are read in a worker thread; the one asked for last wins over one asked for earlier
 * that took longer to read. A pack that is refused leaves the current one, or, when there is
 * none yet, the built-in one is read instead. The search index is built when first wanted (a
 * search opened, GNOME Shell asking), not at start-up, then follows every new pack; the index
 * of the previous pack answers until the new one is ready. */

#define G_LOG_DOMAIN "mscos-session"

#include "config.h"

#include "mscos-session.h"

#include "mscos-library-indexer.h"

struct _MscosSession
{
  GObject              parent_instance;

  MscosLibrary        *library;
  MscosLibraryIndexer *indexer;
  GFile               *default_content;
  GCancellable        *cancellable;
  MscosContentPack    *content_pack;
  /* Why the built-in pack could not be read; only ever set for a broken build. */
  GError              *content_error;
  MscosSearchIndex    *search_index;
  GCancellable        *index_cancellable;
  /* Set once a search was opened or GNOME Shell asked: from then on every pack is indexed. */
  gboolean             index_wanted;
  /* Counts requests to open a pack, so that only the latest one's result is used. */
  guint                load_generation;
};

typedef struct
{
  MscosSession *self;
  GFile        *file;
  guint         generation;
} LoadRequest;

G_DEFINE_FINAL_TYPE (MscosSession, mscos_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_DEFAULT_CONTENT,
  PROP_CONTENT_PACK,
  PROP_CONTENT_ERROR,
  PROP_SEARCH_INDEX,
  N_PROPS
};

enum {
  CONTENT_REFUSED,
  SEARCH_INDEX_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadRequest, load_request_free)

static void
index_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (MscosSession) self = user_data;
  g_autoptr (MscosSearchIndex) index = NULL;
  g_autoptr (GError) error = NULL;

  index = mscos_search_index_new_finish (result, &error);
  if (index == NULL)
    {
      /* A build is cancelled when a newer pack's replaces it, which answers for it. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_warning ("The content could not be indexed for search: %s", error->message);
      g_signal_emit (self, signals[SEARCH_INDEX_FAILED], 0, error);
      return;
    }

  g_set_object (&self->search_index, index);
  mscos_library_indexer_set_index (self->indexer, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_INDEX]);
}

/* Builds the search index of the current pack in a worker thread. */
static void
build_search_index (MscosSession *self)
{
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);

  if (self->content_pack == NULL)
    {
      /* Nothing will be indexed: whoever waits for it must not wait. */
      if (self->content_error != NULL)
        g_signal_emit (self, signals[SEARCH_INDEX_FAILED], 0, self->content_error);
      return;
    }

  self->index_cancellable = g_cancellable_new ();
  mscos_search_index_new_async (self->content_pack, self->index_cancellable, index_built_cb,
                                g_object_ref (self));
}

static void
set_content_pack (MscosSession     *self,
                  MscosContentPack *pack)
{
  if (!g_set_object (&self->content_pack, pack))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_PACK]);

  if (self->index_wanted)
    build_search_index (self);
}

static void
content_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (LoadRequest) request = user_data;
  MscosSession *self = request->self;
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;

  pack = mscos_content_pack_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A pack asked for later wins over one asked for earlier that took longer to read. */
  if (request->generation != self->load_generation)
    return;

  if (pack != NULL)
    {
      set_content_pack (self, pack);
      return;
    }

  g_signal_emit (self, signals[CONTENT_REFUSED], 0, request->file, error);

  if (self->content_pack != NULL)
    return;

  if (!g_file_equal (request->file, self->default_content))
    {
      /* The pack given on the command line was refused: read the built-in one instead. */
      mscos_session_open_content (self, NULL);
      return;
    }

  g_critical ("The built-in content pack cannot be read: %s", error->message);
  g_clear_error (&self->content_error);
  self->content_error = g_steal_pointer (&error);
  if (self->index_wanted)
    build_search_index (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_PACK]);
}

static void
mscos_session_constructed (GObject *object)
{
  MscosSession *self = MSCOS_SESSION (object);

  G_OBJECT_CLASS (mscos_session_parent_class)->constructed (object);

  g_assert (self->library != NULL && self->default_content != NULL);
  self->indexer = mscos_library_indexer_new (self->library);
}

static void
mscos_session_dispose (GObject *object)
{
  MscosSession *self = MSCOS_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_object (&self->indexer);
  g_clear_object (&self->search_index);
  g_clear_object (&self->content_pack);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mscos_session_parent_class)->dispose (object);
}

static void
mscos_session_finalize (GObject *object)
{
  MscosSession *self = MSCOS_SESSION (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->default_content);
  g_clear_error (&self->content_error);

  G_OBJECT_CLASS (mscos_session_parent_class)->finalize (object);
}

static void
mscos_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MscosSession *self = MSCOS_SESSION (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_DEFAULT_CONTENT:
      g_value_set_object (value, self->default_content);
      break;

    case PROP_CONTENT_PACK:
      g_value_set_object (value, self->content_pack);
      break;

    case PROP_CONTENT_ERROR:
      g_value_set_boxed (value, self->content_error);
      break;

    case PROP_SEARCH_INDEX:
      g_value_set_object (value, self->search_index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MscosSession *self = MSCOS_SESSION (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_DEFAULT_CONTENT:
      self->default_content = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_session_class_init (MscosSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mscos_session_constructed;
  object_class->dispose = mscos_session_dispose;
  object_class->finalize = mscos_session_finalize;
  object_class->get_property = mscos_session_get_property;
  object_class->set_property = mscos_session_set_property;

  /**
   * MscosSession:library:
   *
   * The user's bookmarks and notes.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         MSCOS_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MscosSession:default-content:
   *
   * The built-in content pack, read when no other is asked for or another is refused.
   */
  properties[PROP_DEFAULT_CONTENT] =
    g_param_spec_object ("default-content", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MscosSession:content-pack:
   *
   * The content shown; %NULL while the first pack is read. Replaced when the user opens
   * another pack.
   */
  properties[PROP_CONTENT_PACK] =
    g_param_spec_object ("content-pack", NULL, NULL,
                         MSCOS_TYPE_CONTENT_PACK,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosSession:content-error:
   *
   * Why the built-in content could not be read, or %NULL.
   */
  properties[PROP_CONTENT_ERROR] =
    g_param_spec_boxed ("content-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosSession:search-index:
   *
   * The search index of the content pack, with the user's notes; %NULL until it is built.
   */
  properties[PROP_SEARCH_INDEX] =
    g_param_spec_object ("search-index", NULL, NULL,
                         MSCOS_TYPE_SEARCH_INDEX,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MscosSession::content-refused:
   * @file: the pack that was refused
   * @error: why: for a pack with problems, one problem a line
   *
   * Emitted when a pack that was asked for cannot be read; the current pack stays.
   */
  signals[CONTENT_REFUSED] =
    g_signal_new ("content-refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);

  /**
   * MscosSession::search-index-failed:
   * @error: why
   *
   * Emitted when the search index that was wanted cannot be built.
   */
  signals[SEARCH_INDEX_FAILED] =
    g_signal_new ("search-index-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
mscos_session_init (MscosSession *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * mscos_session_new:
 * @library: the user's library
 * @default_content: the built-in content pack
 *
 * Returns: (transfer full): a session that shows nothing until
 *   mscos_session_open_content() is called
 */
MscosSession *
mscos_session_new (MscosLibrary *library,
                   GFile        *default_content)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (G_IS_FILE (default_content), NULL);

  return g_object_new (MSCOS_TYPE_SESSION,
                       "library", library,
                       "default-content", default_content,
                       NULL);
}

/**
 * mscos_session_get_library:
 * @self: a #MscosSession
 *
 * Returns: (transfer none): the user's bookmarks and notes
 */
MscosLibrary *
mscos_session_get_library (MscosSession *self)
{
  g_return_val_if_fail (MSCOS_IS_SESSION (self), NULL);

  return self->library;
}

/**
 * mscos_session_get_content_pack:
 * @self: a #MscosSession
 *
 * Returns: (transfer none) (nullable): the content shown, or %NULL while it loads
 */
MscosContentPack *
mscos_session_get_content_pack (MscosSession *self)
{
  g_return_val_if_fail (MSCOS_IS_SESSION (self), NULL);

  return self->content_pack;
}

/**
 * mscos_session_get_content_error:
 * @self: a #MscosSession
 *
 * Returns: (transfer none) (nullable): why the built-in content could not be read
 */
const GError *
mscos_session_get_content_error (MscosSession *self)
{
  g_return_val_if_fail (MSCOS_IS_SESSION (self), NULL);

  return self->content_error;
}

/**
 * mscos_session_open_content:
 * @self: a #MscosSession
 * @file: (nullable): a content pack, or %NULL for the built-in one
 *
 * Reads a content pack in the background. When it is good it replaces the current one;
 * when it is not, #MscosSession::content-refused says why and the current one stays.
 */
void
mscos_session_open_content (MscosSession *self,
                            GFile        *file)
{
  LoadRequest *request;

  g_return_if_fail (MSCOS_IS_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  request = g_new0 (LoadRequest, 1);
  request->self = g_object_ref (self);
  request->file = g_object_ref (file != NULL ? file : self->default_content);
  request->generation = ++self->load_generation;
  mscos_content_pack_load_async (request->file, self->cancellable, content_loaded_cb, request);
}

/**
 * mscos_session_get_content_requested:
 * @self: a #MscosSession
 *
 * Returns: whether a pack was asked for already
 */
gboolean
mscos_session_get_content_requested (MscosSession *self)
{
  g_return_val_if_fail (MSCOS_IS_SESSION (self), FALSE);

  return self->load_generation > 0;
}

/**
 * mscos_session_get_search_index:
 * @self: a #MscosSession
 *
 * Returns: (transfer none) (nullable): the search index, or %NULL while it is built
 */
MscosSearchIndex *
mscos_session_get_search_index (MscosSession *self)
{
  g_return_val_if_fail (MSCOS_IS_SESSION (self), NULL);

  return self->search_index;
}

/**
 * mscos_session_request_search_index:
 * @self: a #MscosSession
 *
 * Builds the search index of the content shown, if it is not built yet;
 * #MscosSession:search-index says when it is ready.
 */
void
mscos_session_request_search_index (MscosSession *self)
{
  g_return_if_fail (MSCOS_IS_SESSION (self));

  if (self->index_wanted)
    return;

  self->index_wanted = TRUE;
  build_search_index (self);
}
