/* mscos-review-comment.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-review-comment"

#include "config.h"

#include <string.h>

#include "mscos-json-check.h"
#include "mscos-review-comment-private.h"

/* One comment of the steering committee on a revision under review: on an item, a single
 * recommendation (or any outcome or section), or the pack as a whole. It keeps where the item
 * was in that revision (its JSON path, kind, outcome and section), so that the consultation
 * table can say so without the pack. Every change of what the reviewer or the team wrote
 * updates the modification time, by which merging keeps the newer of two versions.
 *
 * Text is kept so that the review file can always be read back (mscos-review-json.c reads it
 * with the checks of mscos-json-check.h): line breaks become "\n", other control characters
 * spaces, and a text is cut at 64 KB. */

G_DEFINE_FINAL_TYPE (MscosReviewComment, mscos_review_comment, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MscosCommentType, mscos_comment_type,
                    G_DEFINE_ENUM_VALUE (MSCOS_COMMENT_COMMENT, "comment"),
                    G_DEFINE_ENUM_VALUE (MSCOS_COMMENT_CHANGE_REQUEST, "change-request"),
                    G_DEFINE_ENUM_VALUE (MSCOS_COMMENT_QUESTION, "question"))

G_DEFINE_ENUM_TYPE (MscosCommentStatus, mscos_comment_status,
                    G_DEFINE_ENUM_VALUE (MSCOS_COMMENT_OPEN, "open"),
                    G_DEFINE_ENUM_VALUE (MSCOS_COMMENT_ACCEPTED, "accepted"),
                    G_DEFINE_ENUM_VALUE (MSCOS_COMMENT_REJECTED, "rejected"))

enum
{
  PROP_0,
  PROP_ID,
  PROP_COMMENT_TYPE,
  PROP_TEXT,
  PROP_LANGUAGE,
  PROP_REVIEWER,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_STATUS,
  PROP_RESPONSE,
  PROP_ITEM_ID,
  PROP_OUTCOME_ID,
  PROP_SECTION_ID,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
get_enum_nick (GType type,
               int   value)
{
  GEnumClass *klass = g_type_class_get (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

/* Records a change made by the reviewer or the team: the new modification time, the
 * notifications, and one "changed" for the whole. */
static void
touch (MscosReviewComment *self,
       GParamSpec         *pspec)
{
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_new_now_utc ();

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Replaces *@field with a normalised copy of @value, and returns whether it changed. */
static gboolean
replace_text (char       **field,
              const char  *value,
              gboolean     one_line)
{
  g_autofree char *normalised = value != NULL
                                ? mscos_review_comment_dup_normalised (value, one_line)
                                : NULL;

  if (g_strcmp0 (*field, normalised) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&normalised);

  return TRUE;
}

static void
mscos_review_comment_finalize (GObject *object)
{
  MscosReviewComment *self = MSCOS_REVIEW_COMMENT (object);

  g_free (self->id);
  g_free (self->text);
  g_free (self->language);
  g_free (self->reviewer);
  g_free (self->response);
  g_clear_pointer (&self->quote, mscos_review_quote_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_free (self->pack_id);
  g_free (self->revision);
  g_free (self->item_id);
  g_free (self->item_path);
  g_free (self->item_kind);
  g_free (self->outcome_id);
  g_free (self->section_id);

  G_OBJECT_CLASS (mscos_review_comment_parent_class)->finalize (object);
}

static void
mscos_review_comment_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MscosReviewComment *self = MSCOS_REVIEW_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_COMMENT_TYPE:
      g_value_set_enum (value, self->type);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_RESPONSE:
      g_value_set_string (value, self->response);
      break;

    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;

    case PROP_OUTCOME_ID:
      g_value_set_string (value, self->outcome_id);
      break;

    case PROP_SECTION_ID:
      g_value_set_string (value, self->section_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_review_comment_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MscosReviewComment *self = MSCOS_REVIEW_COMMENT (object);

  switch (prop_id)
    {
    case PROP_COMMENT_TYPE:
      mscos_review_comment_set_comment_type (self, g_value_get_enum (value));
      break;

    case PROP_TEXT:
      mscos_review_comment_set_text (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      mscos_review_comment_set_language (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      mscos_review_comment_set_status (self, g_value_get_enum (value));
      break;

    case PROP_RESPONSE:
      mscos_review_comment_set_response (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_review_comment_class_init (MscosReviewCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mscos_review_comment_finalize;
  object_class->get_property = mscos_review_comment_get_property;
  object_class->set_property = mscos_review_comment_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, read_only);
  properties[PROP_COMMENT_TYPE] =
    g_param_spec_enum ("comment-type", NULL, NULL, MSCOS_TYPE_COMMENT_TYPE, MSCOS_COMMENT_COMMENT,
                       read_write);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, read_write);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, read_write);
  properties[PROP_REVIEWER] = g_param_spec_string ("reviewer", NULL, NULL, NULL, read_only);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, read_only);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, read_only);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, MSCOS_TYPE_COMMENT_STATUS, MSCOS_COMMENT_OPEN,
                       read_write);
  properties[PROP_RESPONSE] = g_param_spec_string ("response", NULL, NULL, NULL, read_write);
  properties[PROP_ITEM_ID] = g_param_spec_string ("item-id", NULL, NULL, NULL, read_only);
  properties[PROP_OUTCOME_ID] = g_param_spec_string ("outcome-id", NULL, NULL, NULL, read_only);
  properties[PROP_SECTION_ID] = g_param_spec_string ("section-id", NULL, NULL, NULL, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MscosReviewComment::changed:
   *
   * The reviewer or the team changed the comment: once for each call of a setter that
   * changed something, after its notifications.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mscos_review_comment_init (MscosReviewComment *self)
{
}

/* For mscos-review-comment-private.h */

/* Returns @text as a comment keeps it: valid UTF-8, line breaks as "\n" (on one line: spaces,
 * and no white space at either end), other control characters as spaces, and at most
 * MSCOS_JSON_MAX_STRING bytes, cut at a character boundary. */
char *
mscos_review_comment_dup_normalised (const char *text,
                                     gboolean    one_line)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *normalised = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\r')
        {
          if (p[1] == '\n')
            p++;
          c = '\n';
        }

      if (c == '\n' && !one_line)
        g_string_append_c (normalised, '\n');
      else if ((guchar) c < 0x20 || c == 0x7f)
        g_string_append_c (normalised, ' ');
      else
        g_string_append_c (normalised, c);
    }

  if (normalised->len > MSCOS_JSON_MAX_STRING)
    {
      const char *end = normalised->str + MSCOS_JSON_MAX_STRING;

      while (end > normalised->str && ((guchar) *end & 0xc0) == 0x80)
        end--;
      g_string_truncate (normalised, end - normalised->str);
    }

  if (one_line)
    g_strstrip (normalised->str);

  return g_string_free (normalised, FALSE);
}

/* Public API */

/**
 * mscos_comment_type_to_string:
 *
 * Returns: "comment", "change-request" or "question"
 */
const char *
mscos_comment_type_to_string (MscosCommentType type)
{
  const char *nick = get_enum_nick (MSCOS_TYPE_COMMENT_TYPE, type);

  g_return_val_if_fail (nick != NULL, "comment");

  return nick;
}

/**
 * mscos_comment_status_to_string:
 *
 * Returns: "open", "accepted" or "rejected"
 */
const char *
mscos_comment_status_to_string (MscosCommentStatus status)
{
  const char *nick = get_enum_nick (MSCOS_TYPE_COMMENT_STATUS, status);

  g_return_val_if_fail (nick != NULL, "open");

  return nick;
}

/**
 * mscos_review_comment_new:
 * @pack_id: the id of the pack under review
 * @revision: its revision
 * @item_id: (nullable): the id of the item, single recommendation, section or outcome
 *   commented on, or %NULL for the pack as a whole
 * @type: what kind of comment it is
 * @text: what the reviewer wrote, plain text
 * @reviewer: the reviewer's name
 *
 * A new, open comment with a new `urn:uuid:` id, made and modified now. Where the item is in
 * the pack is set with mscos_review_comment_set_place(), or use
 * mscos_review_comment_new_for_item().
 *
 * Returns: (transfer full): the comment
 */
MscosReviewComment *
mscos_review_comment_new (const char       *pack_id,
                          const char       *revision,
                          const char       *item_id,
                          MscosCommentType  type,
                          const char       *text,
                          const char       *reviewer)
{
  MscosReviewComment *self;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (pack_id != NULL && mscos_json_is_id (pack_id), NULL);
  g_return_val_if_fail (revision != NULL && *revision != '\0', NULL);
  g_return_val_if_fail (item_id == NULL || mscos_json_is_id (item_id), NULL);
  g_return_val_if_fail (type <= MSCOS_COMMENT_QUESTION, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (reviewer != NULL, NULL);

  self = g_object_new (MSCOS_TYPE_REVIEW_COMMENT, NULL);
  self->id = g_strconcat ("urn:uuid:", uuid, NULL);
  self->type = type;
  self->status = MSCOS_COMMENT_OPEN;
  self->text = mscos_review_comment_dup_normalised (text, FALSE);
  self->reviewer = mscos_review_comment_dup_normalised (reviewer, TRUE);
  self->created = g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);
  self->pack_id = g_strdup (pack_id);
  self->revision = mscos_review_comment_dup_normalised (revision, TRUE);
  self->item_id = g_strdup (item_id);

  return self;
}

/**
 * mscos_review_comment_new_for_item:
 * @outline: the outline of the pack under review
 * @item_id: (nullable): an id in that pack, or %NULL for the pack as a whole
 * @type: what kind of comment it is
 * @text: what the reviewer wrote, plain text
 * @reviewer: the reviewer's name
 *
 * A new comment on @item_id, with the pack's id and revision and the item's place in it.
 * The language is the pack's; set another with mscos_review_comment_set_language().
 *
 * Returns: (transfer full) (nullable): the comment, or %NULL if the pack has no @item_id
 */
MscosReviewComment *
mscos_review_comment_new_for_item (MscosPackOutline *outline,
                                   const char       *item_id,
                                   MscosCommentType  type,
                                   const char       *text,
                                   const char       *reviewer)
{
  MscosContentPack *pack;
  MscosReviewComment *self;
  g_autofree char *path = NULL;
  const char *kind;
  GObject *object;

  g_return_val_if_fail (MSCOS_IS_PACK_OUTLINE (outline), NULL);

  pack = mscos_pack_outline_get_pack (outline);
  object = mscos_pack_outline_lookup (outline, item_id);
  if (item_id != NULL && object == NULL)
    return NULL;

  self = mscos_review_comment_new (mscos_content_pack_get_id (pack),
                                   mscos_content_pack_get_revision (pack),
                                   item_id, type, text, reviewer);
  self->language = g_strdup (mscos_content_pack_get_language (pack));

  if (item_id == NULL)
    return self;

  path = mscos_pack_outline_dup_path (outline, item_id);
  kind = MSCOS_IS_ITEM (object)
         ? mscos_item_kind_to_string (mscos_item_get_kind (MSCOS_ITEM (object)))
         : mscos_pack_part_to_string (mscos_pack_outline_get_part (outline, item_id));
  mscos_review_comment_set_place (self, path, kind,
                                  mscos_pack_outline_get_outcome_id (outline, item_id),
                                  mscos_pack_outline_get_section_id (outline, item_id));

  return self;
}

/**
 * mscos_review_comment_set_place:
 * @item_path: (nullable): the item's JSON path in the revision under review
 * @item_kind: (nullable): its kind as the pack spells it, or "section" or "outcome"
 * @outcome_id: (nullable): the outcome it is in
 * @section_id: (nullable): the section it is in
 *
 * Sets where the item commented on is, as the revision under review has it. Not a change
 * by the reviewer: the modification time stays.
 */
void
mscos_review_comment_set_place (MscosReviewComment *self,
                                const char         *item_path,
                                const char         *item_kind,
                                const char         *outcome_id,
                                const char         *section_id)
{
  g_return_if_fail (MSCOS_IS_REVIEW_COMMENT (self));

  g_free (self->item_path);
  self->item_path = g_strdup (item_path);
  g_free (self->item_kind);
  self->item_kind = g_strdup (item_kind);
  g_free (self->outcome_id);
  self->outcome_id = g_strdup (outcome_id);
  g_free (self->section_id);
  self->section_id = g_strdup (section_id);
}

/**
 * mscos_review_comment_equal:
 *
 * Returns: whether the two comments are the same in every member, times included
 */
gboolean
mscos_review_comment_equal (MscosReviewComment *a,
                            MscosReviewComment *b)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (a), FALSE);
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0
         && a->type == b->type
         && a->status == b->status
         && g_strcmp0 (a->text, b->text) == 0
         && g_strcmp0 (a->language, b->language) == 0
         && g_strcmp0 (a->reviewer, b->reviewer) == 0
         && g_strcmp0 (a->response, b->response) == 0
         && mscos_review_quote_equal (a->quote, b->quote)
         && g_date_time_equal (a->created, b->created)
         && g_date_time_equal (a->modified, b->modified)
         && g_strcmp0 (a->pack_id, b->pack_id) == 0
         && g_strcmp0 (a->revision, b->revision) == 0
         && g_strcmp0 (a->item_id, b->item_id) == 0
         && g_strcmp0 (a->item_path, b->item_path) == 0
         && g_strcmp0 (a->item_kind, b->item_kind) == 0
         && g_strcmp0 (a->outcome_id, b->outcome_id) == 0
         && g_strcmp0 (a->section_id, b->section_id) == 0;
}

/**
 * mscos_review_comment_get_id:
 *
 * Returns: the comment's id, a `urn:uuid:` IRI, the same in every file it is exported to
 */
const char *
mscos_review_comment_get_id (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->id;
}

MscosCommentType
mscos_review_comment_get_comment_type (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), MSCOS_COMMENT_COMMENT);

  return self->type;
}

void
mscos_review_comment_set_comment_type (MscosReviewComment *self,
                                       MscosCommentType    type)
{
  g_return_if_fail (MSCOS_IS_REVIEW_COMMENT (self));
  g_return_if_fail (type <= MSCOS_COMMENT_QUESTION);

  if (self->type == type)
    return;

  self->type = type;
  touch (self, properties[PROP_COMMENT_TYPE]);
}

const char *
mscos_review_comment_get_text (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->text;
}

/**
 * mscos_review_comment_set_text:
 * @text: what the reviewer wrote, plain text
 */
void
mscos_review_comment_set_text (MscosReviewComment *self,
                               const char         *text)
{
  g_return_if_fail (MSCOS_IS_REVIEW_COMMENT (self));
  g_return_if_fail (text != NULL);

  if (replace_text (&self->text, text, FALSE))
    touch (self, properties[PROP_TEXT]);
}

/**
 * mscos_review_comment_get_language:
 *
 * Returns: (nullable): the language of the text, a BCP 47 tag
 */
const char *
mscos_review_comment_get_language (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->language;
}

/**
 * mscos_review_comment_set_language:
 * @language: (nullable): a BCP 47 tag such as "en-GB", or %NULL if it is not known
 */
void
mscos_review_comment_set_language (MscosReviewComment *self,
                                   const char         *language)
{
  g_return_if_fail (MSCOS_IS_REVIEW_COMMENT (self));

  if (replace_text (&self->language, language, TRUE))
    touch (self, properties[PROP_LANGUAGE]);
}

/**
 * mscos_review_comment_get_quote:
 *
 * Returns: (transfer none) (nullable): the words of the item the comment quotes
 */
const MscosReviewQuote *
mscos_review_comment_get_quote (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->quote;
}

/**
 * mscos_review_comment_set_quote:
 * @quote: (nullable): the quoted words, or %NULL for none
 */
void
mscos_review_comment_set_quote (MscosReviewComment     *self,
                                const MscosReviewQuote *quote)
{
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  g_return_if_fail (MSCOS_IS_REVIEW_COMMENT (self));

  if (mscos_review_quote_equal (self->quote, quote))
    return;

  g_clear_pointer (&self->quote, mscos_review_quote_free);
  if (quote != NULL)
    {
      exact = mscos_review_comment_dup_normalised (mscos_review_quote_get_exact (quote), FALSE);
      prefix = mscos_review_comment_dup_normalised (mscos_review_quote_get_prefix (quote), FALSE);
      suffix = mscos_review_comment_dup_normalised (mscos_review_quote_get_suffix (quote), FALSE);
      if (*exact != '\0')
        self->quote = mscos_review_quote_new (exact, prefix, suffix);
    }

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
mscos_review_comment_get_reviewer (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->reviewer;
}

/**
 * mscos_review_comment_get_created:
 *
 * Returns: (transfer none): when the comment was made, in UTC
 */
GDateTime *
mscos_review_comment_get_created (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->created;
}

/**
 * mscos_review_comment_get_modified:
 *
 * Returns: (transfer none): when the comment, its status or its response last changed, in
 *   UTC
 */
GDateTime *
mscos_review_comment_get_modified (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->modified;
}

MscosCommentStatus
mscos_review_comment_get_status (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), MSCOS_COMMENT_OPEN);

  return self->status;
}

void
mscos_review_comment_set_status (MscosReviewComment *self,
                                 MscosCommentStatus  status)
{
  g_return_if_fail (MSCOS_IS_REVIEW_COMMENT (self));
  g_return_if_fail (status <= MSCOS_COMMENT_REJECTED);

  if (self->status == status)
    return;

  self->status = status;
  touch (self, properties[PROP_STATUS]);
}

/**
 * mscos_review_comment_get_response:
 *
 * Returns: (nullable): the team's answer
 */
const char *
mscos_review_comment_get_response (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->response;
}

/**
 * mscos_review_comment_set_response:
 * @response: (nullable): the team's answer, plain text, or %NULL for none
 */
void
mscos_review_comment_set_response (MscosReviewComment *self,
                                   const char         *response)
{
  g_return_if_fail (MSCOS_IS_REVIEW_COMMENT (self));

  if (replace_text (&self->response, response, FALSE))
    touch (self, properties[PROP_RESPONSE]);
}

const char *
mscos_review_comment_get_pack_id (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->pack_id;
}

const char *
mscos_review_comment_get_revision (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->revision;
}

/**
 * mscos_review_comment_get_item_id:
 *
 * Returns: (nullable): what the comment is on, or %NULL for the pack as a whole
 */
const char *
mscos_review_comment_get_item_id (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->item_id;
}

/**
 * mscos_review_comment_get_item_path:
 *
 * Returns: (nullable): where the item was in the revision under review,
 *   `outcomes[1].sections[2].items[0]`
 */
const char *
mscos_review_comment_get_item_path (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->item_path;
}

/**
 * mscos_review_comment_get_item_kind:
 *
 * Returns: (nullable): the item's kind as the pack spells it ("quote", "recommendation"…),
 *   or "section" or "outcome"
 */
const char *
mscos_review_comment_get_item_kind (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->item_kind;
}

/**
 * mscos_review_comment_get_outcome_id:
 *
 * Returns: (nullable): the outcome the item is in
 */
const char *
mscos_review_comment_get_outcome_id (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->outcome_id;
}

/**
 * mscos_review_comment_get_section_id:
 *
 * Returns: (nullable): the section the item is in
 */
const char *
mscos_review_comment_get_section_id (MscosReviewComment *self)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_COMMENT (self), NULL);

  return self->section_id;
}
