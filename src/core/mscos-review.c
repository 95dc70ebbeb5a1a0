/* mscos-review.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-review"

#include "config.h"

#include "mscos-review-private.h"

/* The comments of one revision of a pack under review: a #GListModel of
 * #MscosReviewComment, each once by its id. A comment that changes is announced as
 * items-changed (position, 1, 1), so that filters and sorters look at that row again.
 *
 * On disk, and exported, a review is W3C Web Annotation JSON-LD (mscos-review-json.c); it
 * also exports the consultation table as CSV or Markdown (mscos-review-export.c).
 * docs/review-format.md describes both. */

static void mscos_review_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MscosReview, mscos_review, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mscos_review_list_model_init))

G_DEFINE_QUARK (mscos-review-error-quark, mscos_review_error)

enum
{
  PROP_0,
  PROP_BASE_REVISION,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
find_position (MscosReview        *self,
               MscosReviewComment *comment)
{
  guint position;

  if (!g_ptr_array_find (self->comments, comment, &position))
    g_return_val_if_reached (G_MAXUINT);

  return position;
}

static char *
new_urn (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("urn:uuid:", uuid, NULL);
}

/* Compares two JSON paths with their indexes as numbers, so that items[10] comes after
 * items[9]. A comment on the pack as a whole, with no path, comes first. */
static int
compare_paths (const char *a,
               const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          char *a_end, *b_end;
          guint64 x = g_ascii_strtoull (a, &a_end, 10);
          guint64 y = g_ascii_strtoull (b, &b_end, 10);

          if (x != y)
            return x < y ? -1 : 1;
          a = a_end;
          b = b_end;
          continue;
        }

      if (*a != *b)
        return (guchar) *a - (guchar) *b;
      a++, b++;
    }

  return (guchar) *a - (guchar) *b;
}

static int
compare_comments (gconstpointer a,
                  gconstpointer b)
{
  MscosReviewComment *x = *(MscosReviewComment **) a;
  MscosReviewComment *y = *(MscosReviewComment **) b;
  int order = compare_paths (mscos_review_comment_get_item_path (x),
                             mscos_review_comment_get_item_path (y));

  if (order == 0)
    order = g_date_time_compare (mscos_review_comment_get_created (x),
                                 mscos_review_comment_get_created (y));
  if (order == 0)
    order = g_strcmp0 (mscos_review_comment_get_id (x), mscos_review_comment_get_id (y));

  return order;
}

static void
comment_changed_cb (MscosReview        *self,
                    MscosReviewComment *comment)
{
  guint position = find_position (self, comment);

  if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
watch (MscosReview        *self,
       MscosReviewComment *comment)
{
  g_signal_connect_object (comment, "changed", G_CALLBACK (comment_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
unwatch (MscosReview        *self,
         MscosReviewComment *comment)
{
  g_signal_handlers_disconnect_by_func (comment, comment_changed_cb, self);
}

static GType
mscos_review_get_item_type (GListModel *model)
{
  return MSCOS_TYPE_REVIEW_COMMENT;
}

static guint
mscos_review_get_n_items (GListModel *model)
{
  return MSCOS_REVIEW (model)->comments->len;
}

static gpointer
mscos_review_get_item (GListModel *model,
                       guint       position)
{
  MscosReview *self = MSCOS_REVIEW (model);

  if (position >= self->comments->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->comments, position));
}

static void
mscos_review_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mscos_review_get_item_type;
  iface->get_n_items = mscos_review_get_n_items;
  iface->get_item = mscos_review_get_item;
}

static void
mscos_review_dispose (GObject *object)
{
  MscosReview *self = MSCOS_REVIEW (object);

  if (self->comments != NULL)
    for (guint i = 0; i < self->comments->len; i++)
      unwatch (self, g_ptr_array_index (self->comments, i));
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);

  G_OBJECT_CLASS (mscos_review_parent_class)->dispose (object);
}

static void
mscos_review_finalize (GObject *object)
{
  MscosReview *self = MSCOS_REVIEW (object);

  g_free (self->id);
  g_free (self->pack_id);
  g_free (self->revision);
  g_free (self->base_revision);
  g_free (self->label);

  G_OBJECT_CLASS (mscos_review_parent_class)->finalize (object);
}

static void
mscos_review_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MscosReview *self = MSCOS_REVIEW (object);

  switch (prop_id)
    {
    case PROP_BASE_REVISION:
      g_value_set_string (value, self->base_revision);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_review_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MscosReview *self = MSCOS_REVIEW (object);

  switch (prop_id)
    {
    case PROP_BASE_REVISION:
      mscos_review_set_base_revision (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      mscos_review_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_review_class_init (MscosReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mscos_review_dispose;
  object_class->finalize = mscos_review_finalize;
  object_class->get_property = mscos_review_get_property;
  object_class->set_property = mscos_review_set_property;

  properties[PROP_BASE_REVISION] =
    g_param_spec_string ("base-revision", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_review_init (MscosReview *self)
{
  self->comments = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* For mscos-review-private.h */

/* A review with a new id and nothing else, for reading a file into. */
MscosReview *
mscos_review_new_empty (void)
{
  MscosReview *self = g_object_new (MSCOS_TYPE_REVIEW, NULL);

  self->id = new_urn ();

  return self;
}

/* Puts @new_comment, which has the same id, in the place of @old_comment. */
void
mscos_review_replace (MscosReview        *self,
                      MscosReviewComment *old_comment,
                      MscosReviewComment *new_comment)
{
  guint position = find_position (self, old_comment);

  g_return_if_fail (position != G_MAXUINT);
  g_return_if_fail (g_strcmp0 (mscos_review_comment_get_id (old_comment),
                               mscos_review_comment_get_id (new_comment)) == 0);

  unwatch (self, old_comment);
  /* Replace, not insert: the key is the old comment's string, which goes with it. */
  g_hash_table_replace (self->by_id, (gpointer) mscos_review_comment_get_id (new_comment),
                        new_comment);
  g_ptr_array_index (self->comments, position) = g_object_ref (new_comment);
  watch (self, new_comment);
  g_object_unref (old_comment);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/* Returns the comments in the order of the pack (by JSON path), then by time. */
GPtrArray *
mscos_review_dup_sorted (MscosReview *self)
{
  GPtrArray *sorted = g_ptr_array_new_full (self->comments->len, g_object_unref);

  for (guint i = 0; i < self->comments->len; i++)
    g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (self->comments, i)));
  g_ptr_array_sort (sorted, compare_comments);

  return sorted;
}

/* Public API */

/**
 * mscos_review_format_for_filename:
 * @filename: a file name, such as `table.csv`
 * @format: (out): the format its extension names
 *
 * The export formats by extension, as `--merge-reviews … --output FILE` reads them:
 * `.jsonld` (and `.json`) JSON-LD, `.csv` CSV, `.md` Markdown; in any case.
 *
 * Returns: whether the extension names a format
 */
gboolean
mscos_review_format_for_filename (const char        *filename,
                                  MscosReviewFormat *format)
{
  static const struct
  {
    const char        *extension;
    MscosReviewFormat  format;
  } formats[] = {
    { ".jsonld", MSCOS_REVIEW_FORMAT_JSONLD },
    { ".json", MSCOS_REVIEW_FORMAT_JSONLD },
    { ".csv", MSCOS_REVIEW_FORMAT_CSV },
    { ".md", MSCOS_REVIEW_FORMAT_MARKDOWN },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/**
 * mscos_review_new:
 * @pack_id: the id of the pack under review
 * @revision: the revision under review
 *
 * Returns: (transfer full): a review with no comments and a new `urn:uuid:` id
 */
MscosReview *
mscos_review_new (const char *pack_id,
                  const char *revision)
{
  MscosReview *self;

  g_return_val_if_fail (pack_id != NULL, NULL);
  g_return_val_if_fail (revision != NULL, NULL);

  self = mscos_review_new_empty ();
  self->pack_id = g_strdup (pack_id);
  self->revision = g_strdup (revision);

  return self;
}

/**
 * mscos_review_new_for_pack:
 * @pack: the revision under review
 * @base: (nullable): the revision it is compared against
 *
 * Returns: (transfer full): a review of @pack, labelled with its title and revision
 */
MscosReview *
mscos_review_new_for_pack (MscosContentPack *pack,
                           MscosContentPack *base)
{
  MscosReview *self;

  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (base == NULL || MSCOS_IS_CONTENT_PACK (base), NULL);

  self = mscos_review_new (mscos_content_pack_get_id (pack),
                           mscos_content_pack_get_revision (pack));
  self->label = g_strdup_printf ("%s %s", mscos_content_pack_get_title (pack),
                                 mscos_content_pack_get_revision (pack));
  if (base != NULL)
    self->base_revision = g_strdup (mscos_content_pack_get_revision (base));

  return self;
}

/**
 * mscos_review_export:
 * @format: the format
 * @pack: (nullable): the pack under review, whose outcome and section titles the CSV and
 *   Markdown tables then show instead of their ids
 *
 * The consultation table: JSON-LD (the same as mscos_review_to_bytes()), CSV or Markdown, as
 * docs/review-format.md describes them. Whoever writes it to a file makes the file private
 * (0600): it holds what the reviewers wrote.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
mscos_review_export (MscosReview       *self,
                     MscosReviewFormat  format,
                     MscosContentPack  *pack)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW (self), NULL);
  g_return_val_if_fail (pack == NULL || MSCOS_IS_CONTENT_PACK (pack), NULL);

  switch (format)
    {
    case MSCOS_REVIEW_FORMAT_JSONLD:
      return mscos_review_to_bytes (self);

    case MSCOS_REVIEW_FORMAT_CSV:
      return mscos_review_export_csv (self, pack);

    case MSCOS_REVIEW_FORMAT_MARKDOWN:
      return mscos_review_export_markdown (self, pack);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * mscos_review_get_id:
 *
 * Returns: the review's `urn:uuid:` id, that of its AnnotationCollection
 */
const char *
mscos_review_get_id (MscosReview *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW (self), NULL);

  return self->id;
}

/**
 * mscos_review_get_pack_id:
 *
 * Returns: (nullable): the id of the pack under review; %NULL only for a review read from a
 *   file that names no pack and holds no comment
 */
const char *
mscos_review_get_pack_id (MscosReview *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW (self), NULL);

  return self->pack_id;
}

/**
 * mscos_review_get_revision:
 *
 * Returns: (nullable): the revision under review, as mscos_review_get_pack_id()
 */
const char *
mscos_review_get_revision (MscosReview *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW (self), NULL);

  return self->revision;
}

/**
 * mscos_review_get_base_revision:
 *
 * Returns: (nullable): the revision the one under review is compared against
 */
const char *
mscos_review_get_base_revision (MscosReview *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW (self), NULL);

  return self->base_revision;
}

void
mscos_review_set_base_revision (MscosReview *self,
                                const char  *base_revision)
{
  g_return_if_fail (MSCOS_IS_REVIEW (self));

  if (g_set_str (&self->base_revision, base_revision))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_REVISION]);
}

/**
 * mscos_review_get_label:
 *
 * Returns: (nullable): a title for the review, "Modern Slavery Core Outcome Set 2026.2"
 */
const char *
mscos_review_get_label (MscosReview *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW (self), NULL);

  return self->label;
}

void
mscos_review_set_label (MscosReview *self,
                        const char  *label)
{
  g_return_if_fail (MSCOS_IS_REVIEW (self));

  if (g_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * mscos_review_add:
 * @comment: a comment
 *
 * Adds @comment at the end, or puts it in the place of the comment with the same id.
 */
void
mscos_review_add (MscosReview        *self,
                  MscosReviewComment *comment)
{
  MscosReviewComment *existing;

  g_return_if_fail (MSCOS_IS_REVIEW (self));
  g_return_if_fail (MSCOS_IS_REVIEW_COMMENT (comment));

  existing = g_hash_table_lookup (self->by_id, mscos_review_comment_get_id (comment));
  if (existing == comment)
    return;

  if (existing != NULL)
    {
      mscos_review_replace (self, existing, comment);
      return;
    }

  if (self->pack_id == NULL)
    {
      self->pack_id = g_strdup (mscos_review_comment_get_pack_id (comment));
      self->revision = g_strdup (mscos_review_comment_get_revision (comment));
    }

  g_ptr_array_add (self->comments, g_object_ref (comment));
  g_hash_table_insert (self->by_id, (gpointer) mscos_review_comment_get_id (comment), comment);
  watch (self, comment);

  g_list_model_items_changed (G_LIST_MODEL (self), self->comments->len - 1, 0, 1);
}

/**
 * mscos_review_remove:
 * @id: a comment's id
 *
 * Returns: whether the review had a comment with @id
 */
gboolean
mscos_review_remove (MscosReview *self,
                     const char  *id)
{
  MscosReviewComment *comment;
  guint position;

  g_return_val_if_fail (MSCOS_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  comment = g_hash_table_lookup (self->by_id, id);
  if (comment == NULL)
    return FALSE;

  position = find_position (self, comment);
  unwatch (self, comment);
  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (self->comments, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  return TRUE;
}

/**
 * mscos_review_lookup:
 * @id: a comment's id
 *
 * Returns: (transfer none) (nullable): the comment with @id
 */
MscosReviewComment *
mscos_review_lookup (MscosReview *self,
                     const char  *id)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}
