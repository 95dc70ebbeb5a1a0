/* mscos-review-merge.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-review-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-review-merge.h"
#include "mscos-review-private.h"

/* Several reviewers' files made into one consultation table. A comment is one annotation,
 * known by its id: the same id in two files is one comment, never two rows. Where the two
 * differ, the one modified later is kept, and the report says which and from where; where
 * they differ but were modified at the same moment, the first one read is kept and the
 * report says so. Each comment keeps its reviewer, so each row names who wrote it. */

struct _MscosReviewMerge
{
  GObject      parent_instance;

  MscosReview *review;
  /* The names of the sources, in the order they were added */
  GPtrArray   *sources;
  /* comment id → the index in sources of the source its kept version came from */
  GHashTable  *origins;
  GPtrArray   *report;
  guint        n_duplicates;
  guint        n_superseded;
  guint        n_conflicts;
};

G_DEFINE_FINAL_TYPE (MscosReviewMerge, mscos_review_merge, G_TYPE_OBJECT)

static char *
format_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static void
report (MscosReviewMerge *self,
        char             *line)
{
  g_ptr_array_add (self->report, line);
}

static const char *
get_source (MscosReviewMerge *self,
            const char       *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->origins, id));

  return g_ptr_array_index (self->sources, index);
}

static void
set_origin (MscosReviewMerge *self,
            const char       *id,
            guint             source)
{
  g_hash_table_insert (self->origins, g_strdup (id), GUINT_TO_POINTER (source));
}

static void
merge_comment (MscosReviewMerge   *self,
               MscosReviewComment *comment,
               guint               source)
{
  const char *id = mscos_review_comment_get_id (comment);
  MscosReviewComment *kept = mscos_review_lookup (self->review, id);
  const char *source_name = g_ptr_array_index (self->sources, source);
  int order;

  if (kept == NULL)
    {
      mscos_review_add (self->review, comment);
      set_origin (self, id, source);
      return;
    }

  if (mscos_review_comment_equal (kept, comment))
    {
      self->n_duplicates++;
      return;
    }

  order = g_date_time_compare (mscos_review_comment_get_modified (comment),
                               mscos_review_comment_get_modified (kept));
  if (order > 0)
    {
      g_autofree char *newer = format_time (mscos_review_comment_get_modified (comment));
      g_autofree char *older = format_time (mscos_review_comment_get_modified (kept));

      /* Translators: a line of the report of merging reviews: the comment's id and reviewer,
       * then the file and time of the version kept, then those of the one left out */
      report (self, g_strdup_printf (_("%s (%s): kept the newer version from %s (modified %s) "
                                       "over the one from %s (modified %s)"),
                                     id, mscos_review_comment_get_reviewer (comment),
                                     source_name, newer, get_source (self, id), older));
      mscos_review_replace (self->review, kept, comment);
      set_origin (self, id, source);
      self->n_superseded++;
    }
  else if (order < 0)
    {
      g_autofree char *newer = format_time (mscos_review_comment_get_modified (kept));
      g_autofree char *older = format_time (mscos_review_comment_get_modified (comment));

      report (self, g_strdup_printf (_("%s (%s): kept the newer version from %s (modified %s) "
                                       "over the one from %s (modified %s)"),
                                     id, mscos_review_comment_get_reviewer (kept),
                                     get_source (self, id), newer, source_name, older));
      self->n_superseded++;
    }
  else
    {
      /* Translators: a line of the report of merging reviews */
      report (self, g_strdup_printf (_("%s (%s): %s and %s hold different versions modified at "
                                       "the same time; kept the one from %s"),
                                     id, mscos_review_comment_get_reviewer (kept),
                                     get_source (self, id), source_name, get_source (self, id)));
      self->n_conflicts++;
    }
}

static void
mscos_review_merge_finalize (GObject *object)
{
  MscosReviewMerge *self = MSCOS_REVIEW_MERGE (object);

  g_clear_object (&self->review);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->origins, g_hash_table_unref);
  g_clear_pointer (&self->report, g_ptr_array_unref);

  G_OBJECT_CLASS (mscos_review_merge_parent_class)->finalize (object);
}

static void
mscos_review_merge_class_init (MscosReviewMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mscos_review_merge_finalize;
}

static void
mscos_review_merge_init (MscosReviewMerge *self)
{
  self->review = mscos_review_new_empty ();
  self->sources = g_ptr_array_new_with_free_func (g_free);
  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->report = g_ptr_array_new_with_free_func (g_free);
}

/**
 * mscos_review_merge_new:
 *
 * Returns: (transfer full): a merge with nothing in it yet
 */
MscosReviewMerge *
mscos_review_merge_new (void)
{
  return g_object_new (MSCOS_TYPE_REVIEW_MERGE, NULL);
}

/**
 * mscos_review_merge_add_review:
 * @review: one reviewer's review
 * @source: where it came from, for the report: a file name
 *
 * Adds the comments of @review. The merged review is of the pack and revision of the first
 * review that names them; a review of another pack or revision is merged all the same, and
 * the report says so.
 */
void
mscos_review_merge_add_review (MscosReviewMerge *self,
                               MscosReview      *review,
                               const char       *source)
{
  MscosReview *merged;
  guint index;

  g_return_if_fail (MSCOS_IS_REVIEW_MERGE (self));
  g_return_if_fail (MSCOS_IS_REVIEW (review));
  g_return_if_fail (source != NULL);

  merged = self->review;
  index = self->sources->len;
  g_ptr_array_add (self->sources, g_strdup (source));

  if (merged->pack_id == NULL && review->pack_id != NULL)
    {
      merged->pack_id = g_strdup (review->pack_id);
      merged->revision = g_strdup (review->revision);
    }
  else if (review->pack_id != NULL
           && (g_strcmp0 (review->pack_id, merged->pack_id) != 0
               || g_strcmp0 (review->revision, merged->revision) != 0))
    {
      /* Translators: a line of the report of merging reviews */
      report (self, g_strdup_printf (_("%s reviews %s %s, not %s %s as the files before it: "
                                       "its comments are kept, each with its own revision"),
                                     source, review->pack_id, review->revision,
                                     merged->pack_id, merged->revision));
    }

  if (merged->label == NULL)
    mscos_review_set_label (merged, review->label);
  if (merged->base_revision == NULL)
    mscos_review_set_base_revision (merged, review->base_revision);

  for (guint i = 0; i < review->comments->len; i++)
    merge_comment (self, g_ptr_array_index (review->comments, i), index);
}

/**
 * mscos_review_merge_add_bytes:
 * @bytes: a review file (see mscos_review_new_from_bytes())
 * @source: its name, for the report and the error
 * @error: the file's problems, each line starting with @source
 *
 * Returns: whether the file was read and merged; nothing of it is merged if not
 */
gboolean
mscos_review_merge_add_bytes (MscosReviewMerge  *self,
                              GBytes            *bytes,
                              const char        *source,
                              GError           **error)
{
  g_autoptr (MscosReview) review = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (MSCOS_IS_REVIEW_MERGE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  review = mscos_review_new_from_bytes (bytes, &local_error);
  if (review == NULL)
    {
      g_auto (GStrv) lines = g_strsplit (local_error->message, "\n", -1);
      GString *message = g_string_new (NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (message, "%s%s: %s", i > 0 ? "\n" : "", source, lines[i]);
      g_set_error_literal (error, local_error->domain, local_error->code, message->str);
      g_string_free (message, TRUE);
      return FALSE;
    }

  mscos_review_merge_add_review (self, review, source);

  return TRUE;
}

/**
 * mscos_review_merge_get_review:
 *
 * Returns: (transfer none): the merged review
 */
MscosReview *
mscos_review_merge_get_review (MscosReviewMerge *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_MERGE (self), NULL);

  return self->review;
}

guint
mscos_review_merge_get_n_sources (MscosReviewMerge *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_MERGE (self), 0);

  return self->sources->len;
}

/**
 * mscos_review_merge_get_n_duplicates:
 *
 * Returns: how many times a comment came again exactly as it was, and was kept once
 */
guint
mscos_review_merge_get_n_duplicates (MscosReviewMerge *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_MERGE (self), 0);

  return self->n_duplicates;
}

/**
 * mscos_review_merge_get_n_superseded:
 *
 * Returns: how many times two versions of one comment met and the newer was kept
 */
guint
mscos_review_merge_get_n_superseded (MscosReviewMerge *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_MERGE (self), 0);

  return self->n_superseded;
}

/**
 * mscos_review_merge_get_n_conflicts:
 *
 * Returns: how many times two different versions of one comment had the same modification
 *   time, and the first one read was kept
 */
guint
mscos_review_merge_get_n_conflicts (MscosReviewMerge *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_MERGE (self), 0);

  return self->n_conflicts;
}

/**
 * mscos_review_merge_dup_report:
 *
 * What the merge did, for the person who ran it: a summary line, then a line for each
 * comment of which two versions met, and for each file of another pack or revision.
 *
 * Returns: (transfer full): the report, one line each, ending with a line break
 */
char *
mscos_review_merge_dup_report (MscosReviewMerge *self)
{
  g_autoptr (GHashTable) reviewers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *files = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *people = NULL;
  GListModel *comments;
  GString *text;
  guint n;

  g_return_val_if_fail (MSCOS_IS_REVIEW_MERGE (self), NULL);

  comments = G_LIST_MODEL (self->review);
  n = g_list_model_get_n_items (comments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosReviewComment) comment = g_list_model_get_item (comments, i);

      g_hash_table_add (reviewers, (gpointer) mscos_review_comment_get_reviewer (comment));
    }

  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files",
                                        self->sources->len), self->sources->len);
  counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments", n), n);
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reviewer", "%u reviewers",
                                         g_hash_table_size (reviewers)),
                            g_hash_table_size (reviewers));

  text = g_string_new (NULL);
  /* Translators: the first line of the report of merging reviews: "Merged 3 files: 40
   * comments by 5 reviewers." */
  g_string_append_printf (text, _("Merged %s: %s by %s."), files, counted, people);
  if (self->n_duplicates > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u comment came more than once and is "
                                                 "listed once.",
                                                 "%u comments came more than once and are "
                                                 "listed once.", self->n_duplicates),
                              self->n_duplicates);
    }
  g_string_append_c (text, '\n');

  for (guint i = 0; i < self->report->len; i++)
    {
      g_string_append (text, g_ptr_array_index (self->report, i));
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/**
 * mscos_review_merge_files:
 * @inputs: (array length=n_inputs): the reviewers' JSON-LD files
 * @n_inputs: how many
 * @output_name: the name of the file the table is for: its extension says the format
 *   (see mscos_review_format_for_filename())
 * @pack: (nullable): the pack under review, for the titles of outcomes and sections
 * @report: (out) (optional) (transfer full): what the merge did (see
 *   mscos_review_merge_dup_report())
 * @cancellable: (nullable): a #GCancellable
 * @error: an unknown extension, a file that cannot be read, or a file's problems, each
 *   line starting with the file's name
 *
 * What `mscos-outcomes --merge-reviews A.jsonld B.jsonld… --output table.csv` does, but for
 * writing the file (which the caller makes private, 0600): reads the files in order, merges
 * them, and exports the table. Synchronous, for the command line.
 *
 * Returns: (transfer full) (nullable): the table's contents
 */
GBytes *
mscos_review_merge_files (GFile *const      *inputs,
                          guint              n_inputs,
                          const char        *output_name,
                          MscosContentPack  *pack,
                          char             **report,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr (MscosReviewMerge) merge = NULL;
  MscosReviewFormat format;

  g_return_val_if_fail (inputs != NULL || n_inputs == 0, NULL);
  g_return_val_if_fail (output_name != NULL, NULL);
  g_return_val_if_fail (pack == NULL || MSCOS_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!mscos_review_format_for_filename (output_name, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: the name must end in .csv, .md or .jsonld, which says the format"),
                   output_name);
      return NULL;
    }

  merge = mscos_review_merge_new ();
  for (guint i = 0; i < n_inputs; i++)
    {
      g_autofree char *name = g_file_get_parse_name (inputs[i]);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) local_error = NULL;

      bytes = g_file_load_bytes (inputs[i], cancellable, NULL, &local_error);
      if (bytes == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                       local_error->message);
          return NULL;
        }

      if (!mscos_review_merge_add_bytes (merge, bytes, name, error))
        return NULL;
    }

  if (report != NULL)
    *report = mscos_review_merge_dup_report (merge);

  return mscos_review_export (merge->review, format, pack);
}
