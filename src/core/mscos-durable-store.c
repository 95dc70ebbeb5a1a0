/* mscos-durable-store.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A document the user wrote, kept in one file with every safety the app promises: the base
 * class of the user's library (MscosLibrary) and of every later store of the user's words.
 * A subclass says how its document is read, snapshotted and written (MscosDurableStoreClass);
 * this class reads it once off the main thread, schedules the saves, and keeps the file safe
 * through mscos-durable-file.c (atomic replacement, fsync, 0600, a whole-file backup, a
 * corrupt file moved aside and reported, a newer version's file kept and not written, a
 * read-only mode for the command line).
 *
 * # Saving
 *
 * Every change counts one more change (mscos_durable_store_note_change()). A save is due
 * 500 ms after the last change, and at most 3 s after the first change that is not saved yet.
 * It takes a snapshot on the main thread (the subclass makes it cheap), then a worker thread
 * serialises it and replaces the file. One save runs at a time; changes made meanwhile are
 * saved after it. A failed save leaves the file as it was, keeps everything in memory, sets
 * #MscosDurableStore:save-error, and is tried again 5 s later and after the next change.
 * mscos_durable_store_flush() writes synchronously, waiting for a load or a save under way;
 * so does dispose, so that nothing the user wrote is left behind. Nothing is written before
 * the file has been read. */

#define G_LOG_DOMAIN "mscos-durable-store"

#include "config.h"

#include "mscos-durable-store.h"

#include <glib/gi18n.h>

#include "mscos-durable-file-private.h"

#define DEFAULT_QUIET_MS 500
#define DEFAULT_MAX_MS   3000
#define RETRY_MS         5000

typedef enum
{
  LOAD_NOT_STARTED,
  LOAD_RUNNING,
  LOAD_DONE,
} LoadState;

typedef struct
{
  GFile            *file;
  MscosDurableFile *disk;
  /* Never writes, renames or deletes a file. */
  gboolean          read_only;

  LoadState         load_state;
  GPtrArray        *load_waiters;

  guint64           change_count;
  guint64           saved_change_count;
  /* The change count of the latest change that deleted something of the user's. */
  guint64           last_removal;
  gint64            last_change_time;
  /* The first change that no save under way or done holds, or 0. */
  gint64            first_unsaved_time;
  guint             quiet_ms;
  guint             max_ms;
  guint             save_source;
  guint             retry_source;
  gboolean          saving;
  gboolean          save_blocked;
  /* Nothing is written until mscos_durable_store_start_new(). */
  gboolean          newer_version;

  char             *save_error;
  char             *load_problem;
  GFile            *moved_aside_file;
} MscosDurableStorePrivate;

typedef struct
{
  MscosDurableFile *disk;
  gpointer          snapshot;
  GDestroyNotify    free_snapshot;
  GBytes         *(*serialise) (gpointer snapshot);
  guint64           change_count;
  guint64           last_removal;
} SaveJob;

static void     schedule_save (MscosDurableStore *self);
static gboolean retry_due_cb (gpointer           user_data);

G_DEFINE_TYPE_WITH_PRIVATE (MscosDurableStore, mscos_durable_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (mscos-durable-store-error-quark, mscos_durable_store_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_LOADED,
  PROP_SAVE_ERROR,
  PROP_HAS_UNSAVED_CHANGES,
  PROP_MOVED_ASIDE_FILE,
  PROP_LOAD_PROBLEM,
  PROP_READ_ONLY,
  PROP_NEWER_VERSION,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static MscosDurableStorePrivate *
get_priv (MscosDurableStore *self)
{
  return mscos_durable_store_get_instance_private (self);
}

static gboolean
has_unsaved_changes (MscosDurableStorePrivate *priv)
{
  return priv->change_count != priv->saved_change_count;
}

/* Whether saves may write the file: not over a file that could not be read nor set aside, not
 * over a newer version's file, never for a read-only store. */
static gboolean
may_write (MscosDurableStorePrivate *priv)
{
  return !priv->save_blocked && !priv->newer_version && !priv->read_only;
}

static char *
describe (MscosDurableStore   *self,
          MscosDurableProblem  problem,
          const char          *reason,
          const char          *detail)
{
  return MSCOS_DURABLE_STORE_GET_CLASS (self)->describe (self, problem, reason, detail);
}

static void
set_save_error (MscosDurableStore *self,
                const char        *message)
{
  MscosDurableStorePrivate *priv = get_priv (self);

  if (g_set_str (&priv->save_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
}

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->disk, mscos_durable_file_unref);
  if (job->snapshot != NULL)
    job->free_snapshot (job->snapshot);
  g_free (job);
}

static SaveJob *
save_job_new (MscosDurableStore *self)
{
  MscosDurableStoreClass *klass = MSCOS_DURABLE_STORE_GET_CLASS (self);
  MscosDurableStorePrivate *priv = get_priv (self);
  SaveJob *job = g_new0 (SaveJob, 1);

  job->disk = mscos_durable_file_ref (priv->disk);
  job->snapshot = klass->snapshot (self);
  job->free_snapshot = klass->free_snapshot;
  job->serialise = klass->serialise;
  job->change_count = priv->change_count;
  job->last_removal = priv->last_removal;

  return job;
}

static gboolean
save_job_run (SaveJob  *job,
              GError  **error)
{
  g_autoptr (GBytes) contents = job->serialise (job->snapshot);

  return mscos_durable_file_write (job->disk, contents, job->change_count, job->last_removal,
                                   error);
}

static gint64
get_save_due_time (MscosDurableStorePrivate *priv)
{
  gint64 due = priv->last_change_time + (gint64) priv->quiet_ms * 1000;

  if (priv->first_unsaved_time != 0)
    due = MIN (due, priv->first_unsaved_time + (gint64) priv->max_ms * 1000);

  return due;
}

static void
record_save_success (MscosDurableStore *self,
                     guint64            change_count)
{
  MscosDurableStorePrivate *priv = get_priv (self);

  if (change_count <= priv->saved_change_count)
    return;

  priv->saved_change_count = change_count;
  g_clear_handle_id (&priv->retry_source, g_source_remove);
  set_save_error (self, NULL);
  if (!has_unsaved_changes (priv))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED_CHANGES]);

  g_signal_emit (self, signals[SAVED], 0);
}

static void
record_save_failure (MscosDurableStore *self,
                     const GError      *error)
{
  MscosDurableStorePrivate *priv = get_priv (self);
  g_autofree char *reason = mscos_durable_describe_error (error);
  g_autofree char *message = NULL;

  g_debug ("Could not save %s: %s", mscos_durable_file_get_path (priv->disk), error->message);

  message = describe (self, MSCOS_DURABLE_PROBLEM_SAVE_FAILED, reason, NULL);
  set_save_error (self, message);

  if (priv->retry_source == 0)
    {
      priv->retry_source = g_timeout_add (RETRY_MS, retry_due_cb, self);
      g_source_set_name_by_id (priv->retry_source, "[mscos] retry saving");
    }
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MscosDurableStore *self = MSCOS_DURABLE_STORE (object);
  MscosDurableStorePrivate *priv = get_priv (self);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  priv->saving = FALSE;
  if (MSCOS_DURABLE_STORE_GET_CLASS (self)->save_finished != NULL)
    MSCOS_DURABLE_STORE_GET_CLASS (self)->save_finished (self);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    record_save_success (self, job->change_count);
  else if (job->change_count > priv->saved_change_count)
    record_save_failure (self, error);

  /* Changes made during the save are saved after it; after a failure, only when there are
   * such changes, or else the retry does it. */
  if (priv->save_error == NULL || priv->change_count > job->change_count)
    schedule_save (self);
}

static void
start_save (MscosDurableStore *self)
{
  MscosDurableStorePrivate *priv = get_priv (self);
  g_autoptr (GTask) task = NULL;

  g_clear_handle_id (&priv->save_source, g_source_remove);

  if (priv->saving || !may_write (priv) || priv->load_state != LOAD_DONE ||
      !has_unsaved_changes (priv))
    return;

  g_clear_handle_id (&priv->retry_source, g_source_remove);

  priv->saving = TRUE;
  priv->first_unsaved_time = 0;

  /* A save is never cancelled: the task keeps the store alive until it is done. */
  task = g_task_new (self, NULL, save_finished_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_static_name (task, "[mscos] save");
  g_task_set_task_data (task, save_job_new (self), (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_in_thread);
}

static gboolean
save_due_cb (gpointer user_data)
{
  MscosDurableStore *self = user_data;
  MscosDurableStorePrivate *priv = get_priv (self);

  priv->save_source = 0;

  if (g_get_monotonic_time () < get_save_due_time (priv))
    schedule_save (self);
  else
    start_save (self);

  return G_SOURCE_REMOVE;
}

static gboolean
retry_due_cb (gpointer user_data)
{
  MscosDurableStore *self = user_data;

  get_priv (self)->retry_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

/* Tells the subclass what was read, and the user what was wrong with it. */
static void
apply_load (MscosDurableStore *self,
            MscosDurableLoad  *load)
{
  MscosDurableStorePrivate *priv = get_priv (self);
  g_autoptr (GPtrArray) waiters = NULL;
  g_autofree char *problem = NULL;
  gboolean merged;

  if (priv->load_state == LOAD_DONE)
    return;

  priv->load_state = LOAD_DONE;

  merged = MSCOS_DURABLE_STORE_GET_CLASS (self)->apply_document (self, load->document);

  g_object_freeze_notify (G_OBJECT (self));

  priv->save_blocked = load->blocked;
  if (load->newer)
    {
      priv->newer_version = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWER_VERSION]);
    }
  if (load->blocked && !priv->read_only)
    {
      g_autofree char *message = describe (self, MSCOS_DURABLE_PROBLEM_SAVE_BLOCKED, NULL, NULL);

      set_save_error (self, message);
    }

  if (load->has_problem)
    problem = describe (self, load->problem, load->reason, load->detail);
  if (g_set_object (&priv->moved_aside_file, load->moved_aside))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVED_ASIDE_FILE]);
  if (g_set_str (&priv->load_problem, problem))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_PROBLEM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);

  /* What was read is in the store now; the file is read only once. */
  if (load->rewrite || merged)
    mscos_durable_store_note_change (self, FALSE);
  else
    schedule_save (self);
  mscos_durable_file_forget_load (priv->disk);

  g_object_thaw_notify (G_OBJECT (self));

  waiters = g_steal_pointer (&priv->load_waiters);
  priv->load_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (!g_task_return_error_if_cancelled (task))
        g_task_return_boolean (task, TRUE);
    }
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  mscos_durable_file_load (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
load_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MscosDurableStore *self = MSCOS_DURABLE_STORE (object);
  MscosDurableStorePrivate *priv = get_priv (self);

  g_task_propagate_boolean (G_TASK (result), NULL);

  /* A flush may have read and applied the file first. */
  if (priv->load_state != LOAD_DONE)
    apply_load (self, mscos_durable_file_load (priv->disk));
}

static void
schedule_save (MscosDurableStore *self)
{
  MscosDurableStorePrivate *priv = get_priv (self);
  gint64 delay;

  /* Nothing is written before the file on disk has been read. */
  if (priv->load_state != LOAD_DONE)
    {
      mscos_durable_store_ensure_loading (self);
      return;
    }

  if (!may_write (priv) || priv->saving || priv->save_source != 0 || !has_unsaved_changes (priv))
    return;

  delay = get_save_due_time (priv) - g_get_monotonic_time ();
  priv->save_source = g_timeout_add (delay > 0 ? (guint) ((delay + 999) / 1000) : 0,
                                     save_due_cb, self);
  g_source_set_name_by_id (priv->save_source, "[mscos] save");
}

/* Writes what is not saved yet, now, on this thread. */
static gboolean
write_now (MscosDurableStore  *self,
           GError            **error)
{
  MscosDurableStorePrivate *priv = get_priv (self);
  g_autoptr (GError) local_error = NULL;
  SaveJob *job;
  gboolean written;
  guint64 change_count;

  g_clear_handle_id (&priv->save_source, g_source_remove);

  job = save_job_new (self);
  change_count = job->change_count;
  priv->first_unsaved_time = 0;
  written = save_job_run (job, &local_error);
  save_job_free (job);

  if (!written)
    {
      record_save_failure (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  record_save_success (self, change_count);

  return TRUE;
}

/* Overrides ------------------------------------------------------------------------------ */

static char *
mscos_durable_store_real_describe (MscosDurableStore   *self,
                                   MscosDurableProblem  problem,
                                   const char          *reason,
                                   const char          *detail)
{
  switch (problem)
    {
    case MSCOS_DURABLE_PROBLEM_NEWER_VERSION:
      return g_strdup (_("The file was saved by a newer version of MSCOS Outcomes. This version "
                         "shows what it can read of it, but cannot save changes to it."));
    case MSCOS_DURABLE_PROBLEM_UNREADABLE_LEFT:
      return g_strdup_printf (_("The file could not be read (%s)."), reason);
    case MSCOS_DURABLE_PROBLEM_UNREADABLE_BLOCKED:
      /* Translators: the first %s says why the file could not be read, the second why it
       * could not be renamed */
      return g_strdup_printf (_("The file could not be read (%s), and it could not be set aside "
                                "(%s). Nothing will be saved over it."), reason, detail);
    case MSCOS_DURABLE_PROBLEM_PARTIAL:
      /* Translators: %s says why, then the name the file was kept under */
      return g_strdup_printf (_("Part of the file could not be read (%s). It was kept as %s."),
                              reason, detail);
    case MSCOS_DURABLE_PROBLEM_RESTORED:
      /* Translators: %s says why, then the name the file was kept under */
      return g_strdup_printf (_("The file could not be read (%s). It was kept as %s, and the "
                                "backup made by the save before was read."), reason, detail);
    case MSCOS_DURABLE_PROBLEM_UNREADABLE:
      /* Translators: %s says why, then the name the file was kept under */
      return g_strdup_printf (_("The file could not be read (%s). It was kept as %s."),
                              reason, detail);
    case MSCOS_DURABLE_PROBLEM_SAVE_FAILED:
      return g_strdup_printf (_("Your changes could not be saved: %s."), reason);
    case MSCOS_DURABLE_PROBLEM_SAVE_BLOCKED:
      return g_strdup (_("Your changes cannot be saved."));
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
mscos_durable_store_constructed (GObject *object)
{
  MscosDurableStore *self = MSCOS_DURABLE_STORE (object);
  MscosDurableStoreClass *klass = MSCOS_DURABLE_STORE_GET_CLASS (self);
  MscosDurableStorePrivate *priv = get_priv (self);
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (mscos_durable_store_parent_class)->constructed (object);

  g_assert (klass->parse != NULL && klass->apply_document != NULL);
  g_assert (klass->snapshot != NULL && klass->serialise != NULL);

  path = g_file_get_path (priv->file);
  g_assert (path != NULL);

  priv->disk = mscos_durable_file_new (path, priv->read_only, klass->parse,
                                       klass->free_document);
}

static void
mscos_durable_store_dispose (GObject *object)
{
  MscosDurableStore *self = MSCOS_DURABLE_STORE (object);
  MscosDurableStorePrivate *priv = get_priv (self);

  /* Nothing the user wrote is left behind. No save or load is under way here: their tasks
   * hold a reference on the store. Subclasses keep their state until finalize for this. */
  if (priv->load_state == LOAD_DONE && may_write (priv) && has_unsaved_changes (priv))
    {
      SaveJob *job = save_job_new (self);
      g_autoptr (GError) error = NULL;

      if (!save_job_run (job, &error))
        g_debug ("Could not save %s: %s", mscos_durable_file_get_path (priv->disk),
                 error->message);
      priv->saved_change_count = priv->change_count;
      save_job_free (job);
    }

  g_clear_handle_id (&priv->save_source, g_source_remove);
  g_clear_handle_id (&priv->retry_source, g_source_remove);

  G_OBJECT_CLASS (mscos_durable_store_parent_class)->dispose (object);
}

static void
mscos_durable_store_finalize (GObject *object)
{
  MscosDurableStorePrivate *priv = get_priv (MSCOS_DURABLE_STORE (object));

  g_clear_object (&priv->file);
  g_clear_pointer (&priv->disk, mscos_durable_file_unref);
  g_clear_pointer (&priv->load_waiters, g_ptr_array_unref);
  g_clear_pointer (&priv->save_error, g_free);
  g_clear_pointer (&priv->load_problem, g_free);
  g_clear_object (&priv->moved_aside_file);

  G_OBJECT_CLASS (mscos_durable_store_parent_class)->finalize (object);
}

static void
mscos_durable_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MscosDurableStore *self = MSCOS_DURABLE_STORE (object);
  MscosDurableStorePrivate *priv = get_priv (self);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, priv->file);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, priv->load_state == LOAD_DONE);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, priv->save_error);
      break;

    case PROP_HAS_UNSAVED_CHANGES:
      g_value_set_boolean (value, has_unsaved_changes (priv));
      break;

    case PROP_MOVED_ASIDE_FILE:
      g_value_set_object (value, priv->moved_aside_file);
      break;

    case PROP_LOAD_PROBLEM:
      g_value_set_string (value, priv->load_problem);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, priv->read_only);
      break;

    case PROP_NEWER_VERSION:
      g_value_set_boolean (value, priv->newer_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_durable_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MscosDurableStorePrivate *priv = get_priv (MSCOS_DURABLE_STORE (object));

  switch (prop_id)
    {
    case PROP_FILE:
      priv->file = g_value_dup_object (value);
      break;

    case PROP_READ_ONLY:
      priv->read_only = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_durable_store_class_init (MscosDurableStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mscos_durable_store_constructed;
  object_class->dispose = mscos_durable_store_dispose;
  object_class->finalize = mscos_durable_store_finalize;
  object_class->get_property = mscos_durable_store_get_property;
  object_class->set_property = mscos_durable_store_set_property;

  klass->describe = mscos_durable_store_real_describe;

  /**
   * MscosDurableStore:file:
   *
   * The file, a native one; its folder need not exist yet.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MscosDurableStore:loaded:
   *
   * Whether the file has been read and what it holds is in the store.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosDurableStore:save-error:
   *
   * A sentence for the user saying why the last save failed, or %NULL when it succeeded.
   */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosDurableStore:has-unsaved-changes:
   *
   * Whether there are changes that are not on disk yet.
   */
  properties[PROP_HAS_UNSAVED_CHANGES] =
    g_param_spec_boolean ("has-unsaved-changes", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosDurableStore:moved-aside-file:
   *
   * The file an unreadable file was renamed to, or %NULL.
   */
  properties[PROP_MOVED_ASIDE_FILE] =
    g_param_spec_object ("moved-aside-file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosDurableStore:load-problem:
   *
   * A sentence for the user saying what was wrong with the file and where it was kept, or
   * %NULL.
   */
  properties[PROP_LOAD_PROBLEM] =
    g_param_spec_string ("load-problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosDurableStore:read-only:
   *
   * Whether the store only reads its file: it never writes, renames or deletes a file, and
   * changes stay in memory.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * MscosDurableStore:newer-version:
   *
   * Whether the file was written by a newer version of the app. It is then kept as it is, and
   * nothing is saved, until mscos_durable_store_start_new().
   */
  properties[PROP_NEWER_VERSION] =
    g_param_spec_boolean ("newer-version", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MscosDurableStore::saved:
   *
   * Emitted after each successful write of the file.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
mscos_durable_store_init (MscosDurableStore *self)
{
  MscosDurableStorePrivate *priv = get_priv (self);

  priv->load_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  priv->quiet_ms = DEFAULT_QUIET_MS;
  priv->max_ms = DEFAULT_MAX_MS;
}

/* Public API ----------------------------------------------------------------------------- */

/**
 * mscos_durable_store_get_file:
 * @self: a #MscosDurableStore
 *
 * Returns: (transfer none): the file
 */
GFile *
mscos_durable_store_get_file (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), NULL);

  return get_priv (self)->file;
}

/**
 * mscos_durable_store_get_read_only:
 * @self: a #MscosDurableStore
 *
 * Returns: whether the store never writes
 */
gboolean
mscos_durable_store_get_read_only (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), FALSE);

  return get_priv (self)->read_only;
}

/**
 * mscos_durable_store_load_async:
 * @self: a #MscosDurableStore
 * @cancellable: (nullable): a #GCancellable; cancelling it does not stop the file being read
 * @callback: called when the store is loaded
 * @user_data: data for @callback
 *
 * Reads and checks the file in a worker thread. A missing file is an empty store. A file that
 * cannot be read is set aside and reported through #MscosDurableStore:load-problem; that is
 * not an error. Changes made before the file is read are merged with it.
 */
void
mscos_durable_store_load_async (MscosDurableStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (MSCOS_IS_DURABLE_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mscos_durable_store_load_async);

  if (get_priv (self)->load_state == LOAD_DONE)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (get_priv (self)->load_waiters, g_steal_pointer (&task));
  mscos_durable_store_ensure_loading (self);
}

/**
 * mscos_durable_store_load_finish:
 * @self: a #MscosDurableStore
 * @result: the #GAsyncResult
 * @error: the error, only %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE once the store is loaded
 */
gboolean
mscos_durable_store_load_finish (MscosDurableStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mscos_durable_store_get_loaded:
 * @self: a #MscosDurableStore
 *
 * Returns: whether the file has been read
 */
gboolean
mscos_durable_store_get_loaded (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), FALSE);

  return get_priv (self)->load_state == LOAD_DONE;
}

/**
 * mscos_durable_store_flush:
 * @self: a #MscosDurableStore
 * @error: the error, in %MSCOS_DURABLE_STORE_ERROR when the store does not write
 *
 * Writes every change not saved yet, now: on quit. Waits for a load or a save under way in a
 * thread first. Does nothing when everything is saved.
 *
 * Returns: %TRUE when everything is on disk
 */
gboolean
mscos_durable_store_flush (MscosDurableStore  *self,
                           GError            **error)
{
  MscosDurableStorePrivate *priv;

  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = get_priv (self);
  if (priv->load_state != LOAD_DONE)
    apply_load (self, mscos_durable_file_load (priv->disk));

  if (priv->save_blocked && !priv->read_only)
    {
      g_set_error_literal (error, MSCOS_DURABLE_STORE_ERROR, MSCOS_DURABLE_STORE_ERROR_BLOCKED,
                           priv->save_error);
      return FALSE;
    }

  if (!has_unsaved_changes (priv))
    return TRUE;

  if (!may_write (priv))
    {
      g_set_error_literal (error, MSCOS_DURABLE_STORE_ERROR, MSCOS_DURABLE_STORE_ERROR_READ_ONLY,
                           priv->read_only ? _("The file was opened read-only")
                                           : _("The file was written by a newer version"));
      return FALSE;
    }

  return write_now (self, error);
}

/**
 * mscos_durable_store_get_saving:
 * @self: a #MscosDurableStore
 *
 * Returns: whether a save is under way in a worker thread
 */
gboolean
mscos_durable_store_get_saving (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), FALSE);

  return get_priv (self)->saving;
}

/**
 * mscos_durable_store_get_newer_version:
 * @self: a #MscosDurableStore
 *
 * Returns: whether the file was written by a newer version of the app, and so is kept as it
 *   is and not saved to
 */
gboolean
mscos_durable_store_get_newer_version (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), FALSE);

  return get_priv (self)->newer_version;
}

/**
 * mscos_durable_store_dup_newer_version_destination:
 * @self: a #MscosDurableStore whose file was written by a newer version
 *
 * Returns: (transfer full) (nullable): where mscos_durable_store_start_new() would keep the
 *   newer version's file, "NAME.YYYYMMDD-HHMMSS.newer-version" beside it, to tell the user
 *   before they choose; %NULL when no such name is free
 */
GFile *
mscos_durable_store_dup_newer_version_destination (MscosDurableStore *self)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), NULL);

  target = mscos_durable_file_find_aside_path (get_priv (self)->disk, "newer-version");

  return target != NULL ? g_file_new_for_path (target) : NULL;
}

/**
 * mscos_durable_store_start_new:
 * @self: a #MscosDurableStore whose file was written by a newer version
 * @destination: where to keep that file, from
 *   mscos_durable_store_dup_newer_version_destination()
 * @error: the error
 *
 * Renames the newer version's file to @destination, never replacing a file, and starts a new
 * file with what the store holds now: what could be read, and the changes since.
 *
 * Returns: %TRUE when the file was set aside and saving starts
 */
gboolean
mscos_durable_store_start_new (MscosDurableStore  *self,
                               GFile              *destination,
                               GError            **error)
{
  MscosDurableStorePrivate *priv;
  g_autofree char *target = NULL;

  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  priv = get_priv (self);
  g_return_val_if_fail (priv->newer_version, FALSE);
  g_return_val_if_fail (!priv->read_only, FALSE);

  target = g_file_get_path (destination);
  if (!mscos_durable_file_set_aside (priv->disk, target, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  priv->newer_version = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWER_VERSION]);
  if (g_set_str (&priv->load_problem, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_PROBLEM]);
  mscos_durable_store_note_change (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/**
 * mscos_durable_store_get_save_error:
 * @self: a #MscosDurableStore
 *
 * Returns: (nullable): why the last save failed, as a sentence for the user
 */
const char *
mscos_durable_store_get_save_error (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), NULL);

  return get_priv (self)->save_error;
}

/**
 * mscos_durable_store_get_has_unsaved_changes:
 * @self: a #MscosDurableStore
 *
 * Returns: whether some changes are not on disk yet
 */
gboolean
mscos_durable_store_get_has_unsaved_changes (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), FALSE);

  return has_unsaved_changes (get_priv (self));
}

/**
 * mscos_durable_store_get_moved_aside_file:
 * @self: a #MscosDurableStore
 *
 * Returns: (transfer none) (nullable): where an unreadable file was kept
 */
GFile *
mscos_durable_store_get_moved_aside_file (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), NULL);

  return get_priv (self)->moved_aside_file;
}

/**
 * mscos_durable_store_get_load_problem:
 * @self: a #MscosDurableStore
 *
 * Returns: (nullable): what was wrong with the file, as a sentence for the user
 */
const char *
mscos_durable_store_get_load_problem (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), NULL);

  return get_priv (self)->load_problem;
}

/**
 * mscos_durable_store_get_change_count:
 * @self: a #MscosDurableStore
 *
 * Returns: how many changes were made since the store was created, for tests and diagnostics
 */
guint64
mscos_durable_store_get_change_count (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), 0);

  return get_priv (self)->change_count;
}

/**
 * mscos_durable_store_get_saved_change_count:
 * @self: a #MscosDurableStore
 *
 * Returns: the change count (mscos_durable_store_get_change_count()) that the file on disk
 *   holds: every change up to it is saved
 */
guint64
mscos_durable_store_get_saved_change_count (MscosDurableStore *self)
{
  g_return_val_if_fail (MSCOS_IS_DURABLE_STORE (self), 0);

  return get_priv (self)->saved_change_count;
}

/**
 * mscos_durable_store_set_save_delays:
 * @self: a #MscosDurableStore
 * @quiet_ms: how long after the last change a save starts (500 ms unless set)
 * @max_ms: how long after the first unsaved change a save starts at the latest, however busy
 *   the user is (3 s unless set)
 *
 * Changes when saves happen. The app keeps the defaults; tests and benchmarks use shorter
 * delays.
 */
void
mscos_durable_store_set_save_delays (MscosDurableStore *self,
                                     guint              quiet_ms,
                                     guint              max_ms)
{
  MscosDurableStorePrivate *priv;

  g_return_if_fail (MSCOS_IS_DURABLE_STORE (self));

  priv = get_priv (self);
  priv->quiet_ms = quiet_ms;
  priv->max_ms = MAX (quiet_ms, max_ms);

  if (priv->save_source != 0)
    {
      g_clear_handle_id (&priv->save_source, g_source_remove);
      schedule_save (self);
    }
}

/**
 * mscos_durable_store_note_change:
 * @self: a #MscosDurableStore
 * @deletes: whether the change deleted something of the user's (a bookmark, words of a note),
 *   which the backup must then not keep beyond the next save
 *
 * For subclasses: counts one more change to what the store holds and schedules its save.
 */
void
mscos_durable_store_note_change (MscosDurableStore *self,
                                 gboolean           deletes)
{
  MscosDurableStorePrivate *priv;
  gboolean had_unsaved_changes;

  g_return_if_fail (MSCOS_IS_DURABLE_STORE (self));

  priv = get_priv (self);
  had_unsaved_changes = has_unsaved_changes (priv);
  priv->change_count++;
  if (deletes)
    priv->last_removal = priv->change_count;
  priv->last_change_time = g_get_monotonic_time ();
  if (priv->first_unsaved_time == 0)
    priv->first_unsaved_time = priv->last_change_time;

  if (!had_unsaved_changes)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED_CHANGES]);

  schedule_save (self);
}

/**
 * mscos_durable_store_ensure_loading:
 * @self: a #MscosDurableStore
 *
 * Starts reading the file in a worker thread, unless it is read or being read.
 */
void
mscos_durable_store_ensure_loading (MscosDurableStore *self)
{
  MscosDurableStorePrivate *priv;
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (MSCOS_IS_DURABLE_STORE (self));

  priv = get_priv (self);
  if (priv->load_state != LOAD_NOT_STARTED)
    return;

  priv->load_state = LOAD_RUNNING;

  task = g_task_new (self, NULL, load_finished_cb, NULL);
  g_task_set_source_tag (task, mscos_durable_store_ensure_loading);
  g_task_set_static_name (task, "[mscos] load");
  g_task_set_task_data (task, mscos_durable_file_ref (priv->disk),
                        (GDestroyNotify) mscos_durable_file_unref);
  g_task_run_in_thread (task, load_in_thread);
}
