/* mscos-durable-file.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A durable document on disk: the file of a MscosDurableStore (the user's library, a
 * committee member's review comments).
 *
 * # Reading
 *
 * The file is read once. What a killed save left behind ("NAME.XXXXXX", see below) is removed
 * first. A file that cannot be read is renamed to "NAME.YYYYMMDD-HHMMSS.unreadable" (local
 * time; "-2", "-3"… are added rather than replace anything) and reported. When only part of it
 * could be read, what could be is kept and written to a new file; when nothing at all could be
 * read, the backup below is tried. Nothing is ever written over a file that was not read.
 *
 * A file with a newer version is left exactly where and as it is, so that the newer version
 * finds it again: what this version understands is read, and nothing is written until
 * mscos_durable_file_set_aside() has moved it under a name the user was told. A read-only file
 * (the command-line modes) never writes, renames or deletes anything.
 *
 * # Writing
 *
 * g_file_set_contents_full() replaces the file atomically (temporary file in the same folder,
 * fsync, rename, fsync of the folder, mode 0600), in a private folder (0700). Just before, the
 * file being replaced is hard-linked as "NAME.backup" (copied where the file system has no
 * hard links), so the backup is always a whole file: the previous save. A save that follows a
 * deletion of the user's words links the new file as the backup instead, after writing it, so
 * that deleted words do not outlive the save that deleted them. Writes happen one at a time,
 * in the order of their change counts; an older snapshot is never written over a newer one. */

#define G_LOG_DOMAIN "mscos-durable-store"

#include "config.h"

#include "mscos-durable-file-private.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

struct _MscosDurableFile
{
  char                  *path;
  char                  *folder;
  char                  *backup_path;
  char                  *backup_link_path;
  /* Only read: no temporary file is removed and no file set aside. */
  gboolean               read_only;
  MscosDurableParseFunc  parse;
  GDestroyNotify         free_document;

  /* Guards the three fields below: the file is read once, by whichever thread asks first. */
  GMutex                 load_mutex;
  MscosDurableLoad      *load;
  /* The load was applied and let go: it is not read again. */
  gboolean               load_forgotten;

  /* Guards the two fields below. */
  GMutex                 write_mutex;
  /* The change count of the newest snapshot on disk. */
  guint64                written;
  /* The change count of the latest deletion that the backup no longer holds. */
  guint64                scrubbed;
};

/* Names --------------------------------------------------------------------------------- */

/* Returns "PATH.YYYYMMDD-HHMMSS.SUFFIX", with "-2", "-3"… after the time if that name is
 * taken, or %NULL when too many are. */
static char *
find_aside_path (const char *path,
                 const char *suffix)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf buf;

      if (i == 1)
        target = g_strdup_printf ("%s.%s.%s", path, stamp, suffix);
      else
        target = g_strdup_printf ("%s.%s-%u.%s", path, stamp, i, suffix);

      if (g_lstat (target, &buf) != 0)
        return g_steal_pointer (&target);
    }

  return NULL;
}

/* Renames @path to @target, which must not exist: a hard link fails rather than replace it. */
static gboolean
rename_without_replacing (const char  *path,
                          const char  *target,
                          GError     **error)
{
  int saved_errno;

  if (link (path, target) == 0)
    {
      if (g_unlink (path) == 0)
        return TRUE;
      saved_errno = errno;
      g_unlink (target);
    }
  else if (errno != EEXIST)
    {
      GStatBuf buf;

      /* Some file systems have no hard links. */
      if (g_lstat (target, &buf) != 0 && g_rename (path, target) == 0)
        return TRUE;
      saved_errno = errno;
    }
  else
    {
      saved_errno = EEXIST;
    }

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not rename the file: %s"), g_strerror (saved_errno));

  return FALSE;
}

/* Renames @path to "PATH.YYYYMMDD-HHMMSS.unreadable", never replacing anything. */
static GFile *
move_aside (const char  *path,
            GError     **error)
{
  g_autofree char *target = find_aside_path (path, "unreadable");

  if (target == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                           _("Could not rename the file: too many files of that name"));
      return NULL;
    }

  if (!rename_without_replacing (path, target, error))
    return NULL;

  return g_file_new_for_path (target);
}

/* g_file_set_contents_full() writes "NAME.XXXXXX" and renames it; a process killed in between
 * leaves it behind. */
static gboolean
is_temporary_name (const char *name,
                   const char *base)
{
  gsize base_length = strlen (base);
  const char *suffix;

  if (strncmp (name, base, base_length) != 0 || name[base_length] != '.')
    return FALSE;

  suffix = name + base_length + 1;
  if (strlen (suffix) != 6 || strcmp (suffix, "backup") == 0)
    return FALSE;

  for (const char *p = suffix; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

static void
remove_temporary_files (MscosDurableFile *file)
{
  g_autofree char *base = g_path_get_basename (file->path);
  g_autofree char *backup_base = g_path_get_basename (file->backup_path);
  g_autoptr (GDir) dir = g_dir_open (file->folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_temporary_name (name, base) || is_temporary_name (name, backup_base))
        {
          g_autofree char *stale = g_build_filename (file->folder, name, NULL);
          GStatBuf buf;

          if (g_lstat (stale, &buf) == 0 && S_ISREG (buf.st_mode))
            g_unlink (stale);
        }
    }
}

/* Reading ------------------------------------------------------------------------------- */

static void
load_free (MscosDurableFile *file,
           MscosDurableLoad *load)
{
  if (load->document != NULL)
    file->free_document (load->document);
  g_free (load->reason);
  g_free (load->detail);
  g_clear_object (&load->moved_aside);
  g_free (load);
}

static void
set_problem (MscosDurableLoad    *load,
             MscosDurableProblem  problem,
             const char          *reason,
             const char          *detail)
{
  load->has_problem = TRUE;
  load->problem = problem;
  g_set_str (&load->reason, reason);
  g_set_str (&load->detail, detail);
}

/* Reads the backup, which is used only when it can be read whole. */
static gpointer
read_backup (MscosDurableFile *file)
{
  g_autoptr (GBytes) contents = NULL;
  g_autofree char *data = NULL;
  g_autofree char *problem = NULL;
  gpointer document = NULL;
  gsize length;

  if (!g_file_get_contents (file->backup_path, &data, &length, NULL))
    return NULL;

  contents = g_bytes_new_take (g_steal_pointer (&data), length);
  if (file->parse (contents, &document, &problem) != MSCOS_DURABLE_READ_OK)
    {
      if (document != NULL)
        file->free_document (document);
      return NULL;
    }

  return document;
}

/* Reads the file; runs in a worker thread, or on the main thread when a flush comes first. */
static MscosDurableLoad *
read_file (MscosDurableFile *file)
{
  MscosDurableLoad *load = g_new0 (MscosDurableLoad, 1);
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *name = NULL;
  MscosDurableRead status = MSCOS_DURABLE_READ_FAILED;
  gsize length = 0;

  if (!file->read_only)
    remove_temporary_files (file);

  if (!g_file_get_contents (file->path, &data, &length, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return load;

      reason = mscos_durable_describe_error (error);
      g_clear_error (&error);
    }
  else
    {
      contents = g_bytes_new_take (g_steal_pointer (&data), length);
      status = file->parse (contents, &load->document, &reason);
      if (status == MSCOS_DURABLE_READ_NEWER)
        {
          /* The newer version will want it back as it is, where it is. */
          load->newer = TRUE;
          set_problem (load, MSCOS_DURABLE_PROBLEM_NEWER_VERSION, NULL, NULL);
          return load;
        }

      if (status == MSCOS_DURABLE_READ_OK)
        return load;
    }

  if (file->read_only)
    {
      load->blocked = TRUE;
      if (load->document == NULL && status == MSCOS_DURABLE_READ_FAILED)
        load->document = read_backup (file);
      set_problem (load, MSCOS_DURABLE_PROBLEM_UNREADABLE_LEFT, reason, NULL);
      return load;
    }

  /* Something is wrong with the file: keep it as it is, under another name. */
  load->moved_aside = move_aside (file->path, &error);
  if (load->moved_aside == NULL)
    {
      g_autofree char *why = mscos_durable_describe_error (error);

      load->blocked = TRUE;
      set_problem (load, MSCOS_DURABLE_PROBLEM_UNREADABLE_BLOCKED, reason, why);
      return load;
    }

  name = g_file_get_basename (load->moved_aside);

  if (load->document != NULL)
    {
      load->rewrite = TRUE;
      set_problem (load, MSCOS_DURABLE_PROBLEM_PARTIAL, reason, name);
    }
  else if (status == MSCOS_DURABLE_READ_FAILED && (load->document = read_backup (file)) != NULL)
    {
      load->rewrite = TRUE;
      set_problem (load, MSCOS_DURABLE_PROBLEM_RESTORED, reason, name);
    }
  else
    {
      set_problem (load, MSCOS_DURABLE_PROBLEM_UNREADABLE, reason, name);
    }

  return load;
}

/* Writing ------------------------------------------------------------------------------- */

/* Keeps the file as it is now as the backup: before a save replaces it, or just after, when
 * the save deleted words. A hard link costs nothing, and both steps are atomic, so the backup
 * is always a whole file. A failure here does not stop the save: the user's latest words
 * matter more than the copy of the ones before. */
static void
keep_backup (MscosDurableFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_unlink (file->backup_link_path);
  if (link (file->path, file->backup_link_path) == 0)
    {
      if (g_rename (file->backup_link_path, file->backup_path) != 0)
        g_debug ("Could not keep a backup of %s: %s", file->path, g_strerror (errno));
      /* When the backup already is the file (the last save failed), rename() leaves both
       * names in place. */
      g_unlink (file->backup_link_path);
      return;
    }

  if (errno == ENOENT)
    return;

  /* Some file systems have no hard links. */
  if (!g_file_get_contents (file->path, &contents, &length, &error) ||
      !g_file_set_contents_full (file->backup_path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    g_debug ("Could not keep a backup of %s: %s", file->path, error->message);
}

/* API ----------------------------------------------------------------------------------- */

static void
mscos_durable_file_clear (MscosDurableFile *file)
{
  if (file->load != NULL)
    load_free (file, g_steal_pointer (&file->load));
  g_mutex_clear (&file->load_mutex);
  g_mutex_clear (&file->write_mutex);
  g_free (file->path);
  g_free (file->folder);
  g_free (file->backup_path);
  g_free (file->backup_link_path);
}

/* @parse reads the file's bytes, in a worker thread; @free_document frees what it returns. */
MscosDurableFile *
mscos_durable_file_new (const char            *path,
                        gboolean               read_only,
                        MscosDurableParseFunc  parse,
                        GDestroyNotify         free_document)
{
  MscosDurableFile *file = g_atomic_rc_box_new0 (MscosDurableFile);

  g_mutex_init (&file->load_mutex);
  g_mutex_init (&file->write_mutex);
  file->path = g_strdup (path);
  file->folder = g_path_get_dirname (path);
  file->backup_path = g_strconcat (path, ".backup", NULL);
  file->backup_link_path = g_strconcat (path, ".backup.new", NULL);
  file->read_only = read_only;
  file->parse = parse;
  file->free_document = free_document;

  return file;
}

MscosDurableFile *
mscos_durable_file_ref (MscosDurableFile *file)
{
  return g_atomic_rc_box_acquire (file);
}

void
mscos_durable_file_unref (MscosDurableFile *file)
{
  g_atomic_rc_box_release_full (file, (GDestroyNotify) mscos_durable_file_clear);
}

const char *
mscos_durable_file_get_path (MscosDurableFile *file)
{
  return file->path;
}

/* Reads the file the first time it is called, from any thread; later calls wait for the first
 * to finish and return the same result, which belongs to @file. Returns %NULL once
 * mscos_durable_file_forget_load() was called. */
MscosDurableLoad *
mscos_durable_file_load (MscosDurableFile *file)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&file->load_mutex);

  if (file->load == NULL && !file->load_forgotten)
    file->load = read_file (file);

  return file->load;
}

/* Frees what was read, once it is applied: the file is never read again. */
void
mscos_durable_file_forget_load (MscosDurableFile *file)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&file->load_mutex);

  if (file->load != NULL)
    load_free (file, g_steal_pointer (&file->load));
  file->load_forgotten = TRUE;
}

/* Writes @contents, the snapshot of @change_count, unless a newer one is already on disk.
 * @last_removal is the change count of the latest deletion the snapshot holds: a backup made
 * before it must not outlive this write. Safe to call from any thread. */
gboolean
mscos_durable_file_write (MscosDurableFile  *file,
                          GBytes            *contents,
                          guint64            change_count,
                          guint64            last_removal,
                          GError           **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  gboolean scrub;
  const char *data;
  GStatBuf buf;
  gsize length;

  g_assert (!file->read_only);

  locker = g_mutex_locker_new (&file->write_mutex);
  if (change_count <= file->written)
    return TRUE;

  if (g_mkdir_with_parents (file->folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: a folder's name, then why it could not be made */
                   _("Could not create the folder “%s”: %s"),
                   file->folder, g_strerror (saved_errno));
      return FALSE;
    }

  scrub = last_removal > file->scrubbed;
  if (!scrub)
    keep_backup (file);

  /* Newer GLib gives the new file the old one's mode: make sure it is private. */
  if (g_stat (file->path, &buf) == 0 && (buf.st_mode & 0177) != 0)
    g_chmod (file->path, 0600);

  data = g_bytes_get_data (contents, &length);
  if (!g_file_set_contents_full (file->path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  file->written = change_count;
  if (scrub)
    {
      keep_backup (file);
      file->scrubbed = last_removal;
    }

  return TRUE;
}

/* Returns a free name "PATH.YYYYMMDD-HHMMSS.SUFFIX" beside the file, or %NULL. */
char *
mscos_durable_file_find_aside_path (MscosDurableFile *file,
                                    const char       *suffix)
{
  return find_aside_path (file->path, suffix);
}

/* Renames the file to @target, never replacing a file. */
gboolean
mscos_durable_file_set_aside (MscosDurableFile  *file,
                              const char        *target,
                              GError           **error)
{
  g_assert (!file->read_only);

  return rename_without_replacing (file->path, target, error);
}

/* GLib's file errors end with the system's words for the cause ("…: No space left on device"),
 * which is what a user can act on; what comes before names temporary files. */
char *
mscos_durable_describe_error (const GError *error)
{
  const char *reason = g_strrstr (error->message, ": ");

  return g_strdup (reason != NULL ? reason + 2 : error->message);
}
