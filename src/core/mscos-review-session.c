/* mscos-review-session.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One review under way: the revision under review (the new pack), the base it is compared
 * with, the comparison of the two (MscosPackDiff) and the reviewer's comments on it
 * (MscosReview). The comments are the user's words, so the session is a MscosDurableStore:
 * its file, g_get_user_data_dir()/APP_ID/reviews/PACK-ID/REVISION.jsonld, one a revision, is
 * the review file of docs/review-format.md, written atomically with a backup, set aside and
 * reported when it cannot be read, as the library's is.
 *
 * A review is small (a reviewer writes tens of comments, not thousands), so a snapshot is the
 * file's bytes themselves, made on the main thread: a few hundred microseconds for a hundred
 * comments, and nothing of the review is then read from another thread. */

#define G_LOG_DOMAIN "mscos-review-session"

#include "config.h"

#include "mscos-review-session.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mscos-review-merge.h"
#include "mscos-review-private.h"

struct _MscosReviewSession
{
  MscosDurableStore  parent_instance;

  MscosContentPack  *base_pack;
  MscosContentPack  *pack;
  MscosPackDiff     *diff;
  MscosReview       *review;
  /* Set while the file's comments are added, which are no change to save. */
  gboolean           applying;
};

G_DEFINE_FINAL_TYPE (MscosReviewSession, mscos_review_session, MSCOS_TYPE_DURABLE_STORE)

/* --- Helpers ---------------------------------------------------------------------------- */

/* A pack's id or revision as one file name: whatever it holds, never a folder or a dot file. */
static char *
escape_file_name (const char *text)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);

  if (escaped[0] == '.' || escaped[0] == '\0')
    return g_strconcat ("_", escaped, NULL);

  return g_steal_pointer (&escaped);
}

/* Appends @count (a count already put in words) unless @n is 0. */
static void
append_count (GString *summary,
              guint    n,
              char    *count)
{
  g_autofree char *owned = count;

  if (n == 0)
    return;

  if (summary->len > 0)
    /* Translators: between the counts of "3 changed, 1 new, 1 removed" */
    g_string_append (summary, _(", "));
  g_string_append (summary, count);
}

static void
review_items_changed_cb (MscosReviewSession *self)
{
  if (!self->applying)
    mscos_durable_store_note_change (MSCOS_DURABLE_STORE (self), FALSE);
}

/* --- The store -------------------------------------------------------------------------- */

static MscosDurableRead
mscos_review_session_parse (GBytes    *contents,
                            gpointer  *document,
                            char     **problem)
{
  g_autoptr (GError) error = NULL;
  MscosReview *review = mscos_review_new_from_bytes (contents, &error);

  if (review != NULL)
    {
      *document = review;
      return MSCOS_DURABLE_READ_OK;
    }

  if (g_error_matches (error, MSCOS_REVIEW_ERROR, MSCOS_REVIEW_ERROR_NEWER_VERSION))
    return MSCOS_DURABLE_READ_NEWER;

  /* The first problem is enough for a sentence; the file is kept for the rest. */
  *problem = g_strndup (error->message, strcspn (error->message, "\n"));

  return MSCOS_DURABLE_READ_FAILED;
}

static gboolean
mscos_review_session_apply_document (MscosDurableStore *store,
                                     gpointer           document)
{
  MscosReviewSession *self = MSCOS_REVIEW_SESSION (store);
  MscosReview *read = document;
  guint n_written_before = g_list_model_get_n_items (G_LIST_MODEL (self->review));
  guint n_read;
  gboolean newer_here = FALSE;

  if (read == NULL)
    return n_written_before > 0;

  /* The review keeps the id it was first given, which exported files carry. */
  g_free (self->review->id);
  self->review->id = g_strdup (mscos_review_get_id (read));

  /* Comments written before the file was read are newer than the file's own. */
  for (guint i = 0; i < n_written_before; i++)
    {
      g_autoptr (MscosReviewComment) comment = g_list_model_get_item (G_LIST_MODEL (self->review),
                                                                      i);

      if (mscos_review_lookup (read, mscos_review_comment_get_id (comment)) == NULL)
        newer_here = TRUE;
    }

  self->applying = TRUE;
  n_read = g_list_model_get_n_items (G_LIST_MODEL (read));
  for (guint i = 0; i < n_read; i++)
    {
      g_autoptr (MscosReviewComment) comment = g_list_model_get_item (G_LIST_MODEL (read), i);

      if (mscos_review_lookup (self->review, mscos_review_comment_get_id (comment)) == NULL)
        mscos_review_add (self->review, comment);
      else
        newer_here = TRUE;
    }
  self->applying = FALSE;

  return newer_here;
}

static gpointer
mscos_review_session_snapshot (MscosDurableStore *store)
{
  return mscos_review_to_bytes (MSCOS_REVIEW_SESSION (store)->review);
}

static GBytes *
mscos_review_session_serialise (gpointer snapshot)
{
  return g_bytes_ref (snapshot);
}

static char *
mscos_review_session_describe (MscosDurableStore   *store,
                               MscosDurableProblem  problem,
                               const char          *reason,
                               const char          *detail)
{
  switch (problem)
    {
    case MSCOS_DURABLE_PROBLEM_NEWER_VERSION:
      return g_strdup (_("Your comments on this revision were saved by a newer version of MSCOS "
                         "Outcomes. This version cannot save changes to them."));
    case MSCOS_DURABLE_PROBLEM_UNREADABLE_LEFT:
      return g_strdup_printf (_("The review file could not be read (%s)."), reason);
    case MSCOS_DURABLE_PROBLEM_UNREADABLE_BLOCKED:
      /* Translators: why the file could not be read, then why it could not be moved */
      return g_strdup_printf (_("The review file could not be read (%s), and it could not be "
                                "set aside (%s). Nothing will be saved over it."),
                              reason, detail);
    case MSCOS_DURABLE_PROBLEM_PARTIAL:
    case MSCOS_DURABLE_PROBLEM_UNREADABLE:
      /* Translators: why the file could not be read, then the name it was kept under */
      return g_strdup_printf (_("The review file could not be read (%s). It was kept as %s."),
                              reason, detail);
    case MSCOS_DURABLE_PROBLEM_RESTORED:
      /* Translators: why the file could not be read, then the name it was kept under */
      return g_strdup_printf (_("The review file could not be read (%s). It was kept as %s, "
                                "and your comments were restored from the backup made by the "
                                "save before."), reason, detail);
    case MSCOS_DURABLE_PROBLEM_SAVE_FAILED:
      return g_strdup_printf (_("Your comments could not be saved: %s. They are kept while the "
                                "app is open and saving will be tried again."), reason);
    case MSCOS_DURABLE_PROBLEM_SAVE_BLOCKED:
      return g_strdup (_("Your comments cannot be saved, because the review file could not be "
                         "read nor set aside. They are kept while the app is open."));
    default:
      return MSCOS_DURABLE_STORE_CLASS (mscos_review_session_parent_class)->describe (store,
                                                                                     problem,
                                                                                     reason,
                                                                                     detail);
    }
}

/* --- Overrides -------------------------------------------------------------------------- */

static void
mscos_review_session_finalize (GObject *object)
{
  MscosReviewSession *self = MSCOS_REVIEW_SESSION (object);

  /* Kept until here: MscosDurableStore's dispose writes what is not saved yet. */
  g_clear_object (&self->review);
  g_clear_object (&self->diff);
  g_clear_object (&self->pack);
  g_clear_object (&self->base_pack);

  G_OBJECT_CLASS (mscos_review_session_parent_class)->finalize (object);
}

static void
mscos_review_session_class_init (MscosReviewSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MscosDurableStoreClass *store_class = MSCOS_DURABLE_STORE_CLASS (klass);

  object_class->finalize = mscos_review_session_finalize;

  store_class->parse = mscos_review_session_parse;
  store_class->free_document = g_object_unref;
  store_class->apply_document = mscos_review_session_apply_document;
  store_class->snapshot = mscos_review_session_snapshot;
  store_class->free_snapshot = (GDestroyNotify) g_bytes_unref;
  store_class->serialise = mscos_review_session_serialise;
  store_class->describe = mscos_review_session_describe;
}

static void
mscos_review_session_init (MscosReviewSession *self)
{
}

/* --- Public API ------------------------------------------------------------------------- */

/**
 * mscos_review_session_dup_file_for:
 * @folder: the folder of review files: g_get_user_data_dir()/APP_ID/reviews for the app
 * @pack: the revision under review
 *
 * Returns: (transfer full): the file of the comments on @pack's revision
 */
GFile *
mscos_review_session_dup_file_for (GFile            *folder,
                                   MscosContentPack *pack)
{
  g_autofree char *pack_id = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), NULL);

  pack_id = escape_file_name (mscos_content_pack_get_id (pack));
  revision = escape_file_name (mscos_content_pack_get_revision (pack));
  name = g_strconcat (revision, ".jsonld", NULL);

  g_autoptr (GFile) pack_folder = g_file_get_child (folder, pack_id);

  return g_file_get_child (pack_folder, name);
}

/**
 * mscos_review_session_new:
 * @base: the revision compared with, the pack in use unless the reviewer chose another
 * @pack: the revision under review
 * @folder: the folder of review files (see mscos_review_session_dup_file_for())
 *
 * Compares the two packs at once (tens of milliseconds for the real pack). Nothing is read
 * until mscos_durable_store_load_async() or the first comment, and nothing is written before
 * the file has been read.
 *
 * Returns: (transfer full): a new review session
 */
MscosReviewSession *
mscos_review_session_new (MscosContentPack *base,
                          MscosContentPack *pack,
                          GFile            *folder)
{
  g_autoptr (GFile) file = NULL;
  MscosReviewSession *self;

  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (base), NULL);
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  file = mscos_review_session_dup_file_for (folder, pack);
  self = g_object_new (MSCOS_TYPE_REVIEW_SESSION, "file", file, NULL);
  self->base_pack = g_object_ref (base);
  self->pack = g_object_ref (pack);
  self->diff = mscos_pack_diff_new (base, pack);
  self->review = mscos_review_new_for_pack (pack, base);
  g_signal_connect_object (self->review, "items-changed", G_CALLBACK (review_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * mscos_review_session_get_base_pack:
 *
 * Returns: (transfer none): the revision compared with
 */
MscosContentPack *
mscos_review_session_get_base_pack (MscosReviewSession *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (self), NULL);

  return self->base_pack;
}

/**
 * mscos_review_session_get_pack:
 *
 * Returns: (transfer none): the revision under review
 */
MscosContentPack *
mscos_review_session_get_pack (MscosReviewSession *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (self), NULL);

  return self->pack;
}

/**
 * mscos_review_session_get_diff:
 *
 * Returns: (transfer none): what changed from the base to the revision under review
 */
MscosPackDiff *
mscos_review_session_get_diff (MscosReviewSession *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (self), NULL);

  return self->diff;
}

/**
 * mscos_review_session_get_review:
 *
 * Returns: (transfer none): the comments; every change to them is saved
 */
MscosReview *
mscos_review_session_get_review (MscosReviewSession *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (self), NULL);

  return self->review;
}

/**
 * mscos_review_session_dup_title:
 *
 * Returns: (transfer full): "Reviewing 2026.2 against 2026.1", for the window's banner
 */
char *
mscos_review_session_dup_title (MscosReviewSession *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (self), NULL);

  /* Translators: the revision under review, then the one it is compared with */
  return g_strdup_printf (_("Reviewing %s against %s"),
                          mscos_content_pack_get_revision (self->pack),
                          mscos_content_pack_get_revision (self->base_pack));
}

/**
 * mscos_review_session_dup_summary:
 * @outcome_id: (nullable): an outcome, or %NULL for the whole pack
 *
 * The counts by type of change, as the BNF gives them: "3 changed, 1 new, 1 removed, 1 moved",
 * of the outcomes, sections, items and single recommendations (of those in the outcome with
 * @outcome_id, or where they were for removed ones). The pack's own details are not counted.
 *
 * Returns: (transfer full): the summary, "No changes" when there is none
 */
char *
mscos_review_session_dup_summary (MscosReviewSession *self,
                                  const char         *outcome_id)
{
  guint counts[MSCOS_N_CHANGE_TYPES] = { 0 };
  GListModel *changes;
  GString *summary;
  guint n;

  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (self), NULL);

  changes = G_LIST_MODEL (self->diff);
  n = g_list_model_get_n_items (changes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosPackChange) change = g_list_model_get_item (changes, i);
      MscosChangeType type = mscos_pack_change_get_change_type (change);
      const char *in = type == MSCOS_CHANGE_REMOVED ? mscos_pack_change_get_old_outcome_id (change)
                                                    : mscos_pack_change_get_outcome_id (change);

      if (mscos_pack_change_get_part (change) == MSCOS_PACK_PART_PACK)
        continue;
      if (outcome_id != NULL && g_strcmp0 (in, outcome_id) != 0
          && g_strcmp0 (mscos_pack_change_get_id (change), outcome_id) != 0)
        continue;
      counts[type]++;
    }

  summary = g_string_new (NULL);
#define COUNT(type, one, many) \
  append_count (summary, counts[type], \
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, one, many, counts[type]), \
                                 counts[type]))
  /* Translators: counts of changes between two revisions, as in "3 changed, 1 new" */
  COUNT (MSCOS_CHANGE_CHANGED, "%u changed", "%u changed");
  COUNT (MSCOS_CHANGE_NEW, "%u new", "%u new");
  COUNT (MSCOS_CHANGE_REMOVED, "%u removed", "%u removed");
  COUNT (MSCOS_CHANGE_MOVED, "%u moved", "%u moved");
#undef COUNT
  if (summary->len == 0)
    g_string_append (summary, _("No changes"));

  return g_string_free_and_steal (summary);
}

/**
 * mscos_review_session_add_comment:
 * @item_id: (nullable): the item, recommendation, section or outcome commented on, or %NULL
 *   for the pack as a whole
 * @quote: (nullable): the words quoted
 *
 * Adds a comment on the revision under review, with its place in it; it is saved.
 *
 * Returns: (transfer none) (nullable): the comment, or %NULL if the revision under review has
 *   no @item_id
 */
MscosReviewComment *
mscos_review_session_add_comment (MscosReviewSession     *self,
                                  const char             *item_id,
                                  MscosCommentType        type,
                                  const char             *text,
                                  const char             *reviewer,
                                  const MscosReviewQuote *quote)
{
  g_autoptr (MscosReviewComment) comment = NULL;

  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (reviewer != NULL, NULL);

  comment = mscos_review_comment_new_for_item (mscos_pack_diff_get_new_outline (self->diff),
                                               item_id, type, text, reviewer);
  if (comment == NULL)
    return NULL;
  if (quote != NULL)
    mscos_review_comment_set_quote (comment, quote);
  mscos_review_add (self->review, comment);

  return comment;
}

/**
 * mscos_review_session_merge:
 * @files: (array length=n_files): the contents of reviewers' JSON-LD files
 * @names: (array length=n_files): their names, for the report
 * @report: (out) (optional): what was merged: a first line for a toast, "Merged 2 files: 3
 *   comments added, 1 updated, 2 already here.", then which version of a comment was kept
 *   over which, one a line
 *
 * Merges other reviewers' files into this review, as `--merge-reviews` does: a comment is
 * known by its id and never doubled, of two versions the one modified later is kept. A file
 * with any problem stops the merge, and nothing is changed.
 *
 * Returns: whether the files were merged
 */
gboolean
mscos_review_session_merge (MscosReviewSession  *self,
                            GBytes *const       *files,
                            const char * const  *names,
                            guint                n_files,
                            char               **report,
                            GError             **error)
{
  g_autoptr (MscosReviewMerge) merge = mscos_review_merge_new ();
  MscosReview *merged;
  guint n_added = 0, n_updated = 0, n_same = 0;
  guint n;

  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (n_files == 0 || (files != NULL && names != NULL), FALSE);

  /* Translators: where the comments already in the app come from, in a merge's report */
  mscos_review_merge_add_review (merge, self->review, _("this review"));
  for (guint i = 0; i < n_files; i++)
    if (!mscos_review_merge_add_bytes (merge, files[i], names[i], error))
      return FALSE;

  merged = mscos_review_merge_get_review (merge);
  n = g_list_model_get_n_items (G_LIST_MODEL (merged));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosReviewComment) comment = g_list_model_get_item (G_LIST_MODEL (merged), i);
      MscosReviewComment *here = mscos_review_lookup (self->review,
                                                      mscos_review_comment_get_id (comment));

      if (here == NULL)
        {
          mscos_review_add (self->review, comment);
          n_added++;
        }
      else if (here != comment && !mscos_review_comment_equal (here, comment))
        {
          mscos_review_replace (self->review, here, comment);
          n_updated++;
        }
      else
        {
          n_same++;
        }
    }

  if (report != NULL)
    {
      g_autofree char *details = mscos_review_merge_dup_report (merge);
      const char *rest = strchr (details, '\n');
      g_autofree char *counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file",
                                                             "%u files", n_files), n_files);
      g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u comment added",
                                                             "%u comments added", n_added),
                                                n_added);

      g_autofree char *updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated",
                                                               "%u updated", n_updated),
                                                  n_updated);
      g_autofree char *same = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u already here",
                                                            "%u already here", n_same),
                                               n_same);

      /* Translators: after merging reviewers' files into the review: "Merged 2 files: 3
       * comments added, 1 updated, 2 already here.", each count put in words before; the
       * last %s is the rest of the report, on lines of its own */
      *report = g_strdup_printf (_("Merged %s: %s, %s, %s.%s"), counted, added, updated, same,
                                 rest != NULL ? rest : "");
    }

  return TRUE;
}
