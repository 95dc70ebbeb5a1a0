/* mscos-item.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-item"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-content-private.h"
#include "mscos-item.h"

/* How many characters of a quotation or recommendation make its title in lists. */
#define TITLE_LENGTH 80

G_DEFINE_FINAL_TYPE (MscosItem, mscos_item, G_TYPE_OBJECT)

static void
append_line (GString    *text,
             const char *line)
{
  if (line == NULL)
    return;

  g_string_append (text, line);
  g_string_append_c (text, '\n');
}

static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdup (text);
  const char *end;

  g_strdelimit (flat, "\n", ' ');
  if (g_utf8_strlen (flat, -1) <= TITLE_LENGTH)
    return g_steal_pointer (&flat);

  end = g_utf8_offset_to_pointer (flat, TITLE_LENGTH);
  /* Cut at the last space before the limit, so no word is broken. */
  for (const char *p = end; p > flat + TITLE_LENGTH / 2; p--)
    if (*p == ' ')
      {
        end = p;
        break;
      }

  return g_strdup_printf ("%.*s…", (int) (end - flat), flat);
}

static void
append_own_text (MscosItem *self,
                 GString   *text)
{
  append_line (text, self->title);
  if (self->label != NULL && self->text != NULL)
    {
      g_string_append (text, self->label);
      g_string_append_c (text, ' ');
    }
  append_line (text, self->text);
  append_line (text, self->speaker);
  append_line (text, self->role);
  append_line (text, self->organisation);
  append_line (text, self->summary);
  mscos_blocks_append_text (self->intro, text);
  mscos_blocks_append_text (self->blocks, text);

  if (self->phones != NULL)
    for (guint i = 0; i < self->phones->len; i++)
      {
        MscosPhone *phone = g_ptr_array_index (self->phones, i);

        append_line (text, phone->title);
        append_line (text, phone->number);
      }

  if (self->links != NULL)
    for (guint i = 0; i < self->links->len; i++)
      append_line (text, ((MscosLink *) g_ptr_array_index (self->links, i))->uri);
}

static void
append_nested_recommendations (MscosItem *self,
                               GString   *text)
{
  GListModel *children = mscos_item_get_children (self);
  guint n = g_list_model_get_n_items (children);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosItem) child = g_list_model_get_item (children, i);

      append_own_text (child, text);
      append_nested_recommendations (child, text);
    }
}

/* Returns the first text of @block or its children, depth first, or NULL. */
static const char *
find_block_text (const MscosBlock *block)
{
  const char *text = mscos_block_get_text (block);

  for (guint i = 0; text == NULL && i < mscos_block_get_n_children (block); i++)
    text = find_block_text (mscos_block_get_child (block, i));

  return text;
}

static const char *
find_first_text (GPtrArray *blocks)
{
  const char *text = NULL;

  for (guint i = 0; text == NULL && blocks != NULL && i < blocks->len; i++)
    text = find_block_text (g_ptr_array_index (blocks, i));

  return text;
}

/* A name for an item of @kind that has no title or words of its own to show. */
static const char *
get_kind_title (MscosItemKind kind)
{
  switch (kind)
    {
    case MSCOS_ITEM_QUOTE:
      return _("Quotation");
    case MSCOS_ITEM_AUDIO:
      return _("Recording");
    case MSCOS_ITEM_RESOURCE:
      return _("Resource");
    case MSCOS_ITEM_RECOMMENDATIONS:
      return _("Recommendations");
    case MSCOS_ITEM_PROFILE:
      return _("Profile");
    case MSCOS_ITEM_TEXT:
      return _("Text");
    case MSCOS_ITEM_GROUP:
      return _("Group of recommendations");
    case MSCOS_ITEM_RECOMMENDATION:
      return _("Recommendation");
    default:
      g_return_val_if_reached (_("Text"));
    }
}

/* The array of nothing that items without corrections or phone numbers give. */
static GPtrArray *
get_empty_array (void)
{
  static GPtrArray *empty;

  if (g_once_init_enter_pointer (&empty))
    g_once_init_leave_pointer (&empty, g_ptr_array_new ());

  return empty;
}

/* The list of nothing that items without children give: most items have none, and a store
 * each would take 6.9 MB for a page of 10,000 items (tests/perf/bench-outcome-page.py). */
static GListModel *
get_empty_children (void)
{
  static GListStore *empty;

  if (g_once_init_enter_pointer (&empty))
    g_once_init_leave_pointer (&empty, g_list_store_new (MSCOS_TYPE_ITEM));

  return G_LIST_MODEL (empty);
}

static void
mscos_item_finalize (GObject *object)
{
  MscosItem *self = MSCOS_ITEM (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->digest, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->intro, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->corrections, g_ptr_array_unref);
  g_clear_pointer (&self->phones, g_ptr_array_unref);
  g_clear_object (&self->children);
  g_clear_pointer (&self->strings, mscos_content_text_unref);

  G_OBJECT_CLASS (mscos_item_parent_class)->finalize (object);
}

static void
mscos_item_class_init (MscosItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mscos_item_finalize;
}

static void
mscos_item_init (MscosItem *self)
{
}

MscosItemKind
mscos_item_get_kind (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), MSCOS_ITEM_TEXT);

  return self->kind;
}

/**
 * mscos_item_kind_to_string:
 *
 * Returns: the kind's name as the content pack and the command line spell it
 */
const char *
mscos_item_kind_to_string (MscosItemKind kind)
{
  switch (kind)
    {
    case MSCOS_ITEM_QUOTE:
      return "quote";
    case MSCOS_ITEM_AUDIO:
      return "audio";
    case MSCOS_ITEM_RESOURCE:
      return "resource";
    case MSCOS_ITEM_RECOMMENDATIONS:
      return "recommendations";
    case MSCOS_ITEM_PROFILE:
      return "profile";
    case MSCOS_ITEM_TEXT:
      return "text";
    case MSCOS_ITEM_GROUP:
      return "group";
    case MSCOS_ITEM_RECOMMENDATION:
      return "recommendation";
    default:
      g_return_val_if_reached ("text");
    }
}

/**
 * mscos_item_get_id:
 *
 * Returns: (nullable): the item's id; only a group of recommendations may have none
 */
const char *
mscos_item_get_id (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->id;
}

const char *
mscos_item_get_outcome_id (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->outcome_id;
}

/**
 * mscos_item_get_parent:
 *
 * Returns: (transfer none) (nullable): the resource, set, group or recommendation this item
 *   is nested in, or %NULL for an item of a section. Valid while the pack is alive.
 */
MscosItem *
mscos_item_get_parent (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->parent;
}

/**
 * mscos_item_get_container:
 *
 * Returns: (transfer none): the item of a section that holds this one, which may be itself
 */
MscosItem *
mscos_item_get_container (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  while (self->parent != NULL)
    self = self->parent;

  return self;
}

/**
 * mscos_item_get_title:
 *
 * Returns: (nullable): the title of an audio clip, resource, set, group or text, or the
 *   name of a person; quotations and recommendations have none
 */
const char *
mscos_item_get_title (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->title;
}

/**
 * mscos_item_dup_display_title:
 *
 * Returns: (transfer full): a title for lists of items: the item's title; the beginning of a
 *   quotation, with who said it if the pack says, or of a recommendation; for a text without a
 *   title, the beginning of its first paragraph; failing all of these, what kind of item it is
 */
char *
mscos_item_dup_display_title (MscosItem *self)
{
  g_autofree char *words = NULL;
  const char *text;

  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  if (self->title != NULL)
    return g_strdup (self->title);

  text = self->text != NULL ? self->text : find_first_text (self->blocks);
  if (text == NULL)
    return g_strdup (get_kind_title (self->kind));

  words = shorten (text);

  if (self->kind == MSCOS_ITEM_QUOTE && self->speaker != NULL)
    /* Translators: a shortened quotation and who said it, in lists of bookmarks */
    return g_strdup_printf (_("“%s” — %s"), words, self->speaker);

  if (self->kind == MSCOS_ITEM_QUOTE)
    /* Translators: a shortened quotation that the source attributes to nobody, in lists of
     * bookmarks */
    return g_strdup_printf (_("“%s”"), words);

  if (self->label != NULL && self->text != NULL)
    return g_strdup_printf ("%s %s", self->label, words);

  return g_steal_pointer (&words);
}

/**
 * mscos_item_get_text:
 *
 * Returns: (nullable): the words of a quotation or of a single recommendation
 */
const char *
mscos_item_get_text (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->text;
}

/**
 * mscos_item_get_speaker:
 *
 * Returns: (nullable): who said a quotation or speaks in an audio clip; %NULL for a
 *   quotation the source attributes to nobody
 */
const char *
mscos_item_get_speaker (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->speaker;
}

/**
 * mscos_item_get_role:
 *
 * Returns: (nullable): the role or organisation of a quotation's speaker or of a person
 */
const char *
mscos_item_get_role (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->role;
}

/**
 * mscos_item_get_organisation:
 *
 * Returns: (nullable): who made a resource, or the source of a set of recommendations
 */
const char *
mscos_item_get_organisation (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->organisation;
}

/**
 * mscos_item_get_resource_type:
 *
 * Returns: (nullable): a resource's type as the pack spells it ("report", "helpline"…)
 */
const char *
mscos_item_get_resource_type (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->resource_type;
}

/**
 * mscos_item_get_summary:
 *
 * Returns: (nullable): a resource's summary or an audio clip's description
 */
const char *
mscos_item_get_summary (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->summary;
}

/**
 * mscos_item_get_label:
 *
 * Returns: (nullable): a recommendation's number as the source writes it ("1.", "(ii)"),
 *   or %NULL for a bulleted one
 */
const char *
mscos_item_get_label (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->label;
}

/**
 * mscos_item_get_style:
 *
 * Returns: how the children of a group or recommendation are marked
 */
MscosListStyle
mscos_item_get_style (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), MSCOS_LIST_BULLETED);

  return self->style;
}

/**
 * mscos_item_get_blocks:
 *
 * Returns: (transfer none) (nullable) (element-type MscosBlock): the body of a resource,
 *   profile or text, or the transcript of an audio clip
 */
GPtrArray *
mscos_item_get_blocks (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->blocks;
}

/**
 * mscos_item_get_intro:
 *
 * Returns: (transfer none) (nullable) (element-type MscosBlock): text before the
 *   recommendations of a set or group
 */
GPtrArray *
mscos_item_get_intro (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->intro;
}

/**
 * mscos_item_get_links:
 *
 * Returns: (transfer none) (nullable) (element-type MscosLink): the item's links
 */
GPtrArray *
mscos_item_get_links (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->links;
}

/**
 * mscos_item_get_audio_sources:
 *
 * Returns: (transfer none) (nullable) (element-type MscosAudioSource): an audio clip's
 *   sources, files first
 */
GPtrArray *
mscos_item_get_audio_sources (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->sources;
}

/**
 * mscos_item_get_children:
 *
 * Returns: (transfer none): a #GListModel of #MscosItem: the items of a resource, the groups
 *   of a set, the recommendations of a group, or those nested under a recommendation
 */
GListModel *
mscos_item_get_children (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->children != NULL ? G_LIST_MODEL (self->children) : get_empty_children ();
}

/**
 * mscos_item_get_n_recommendations:
 *
 * Returns: how many recommendations a set holds at every depth
 */
guint
mscos_item_get_n_recommendations (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), 0);

  return self->n_recommendations;
}

/**
 * mscos_item_get_corrections:
 *
 * The changes the pack's editors made to the source's text of this item, its own text only:
 * nested items have their own. A quotation has none: its words are kept as said.
 *
 * Returns: (transfer none) (element-type MscosCorrection): the corrections, in the pack's order;
 *   empty when there are none
 */
GPtrArray *
mscos_item_get_corrections (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->corrections != NULL ? self->corrections : get_empty_array ();
}

/**
 * mscos_item_get_phones:
 *
 * Returns: (transfer none) (element-type MscosPhone): the telephone numbers of a resource or
 *   text, in the pack's order; empty when there are none
 */
GPtrArray *
mscos_item_get_phones (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return self->phones != NULL ? self->phones : get_empty_array ();
}

/**
 * mscos_item_dup_attribution:
 *
 * Returns: (transfer full) (nullable): "Speaker, role" for a quotation; %NULL for one the
 *   source attributes to nobody, and for other items
 */
char *
mscos_item_dup_attribution (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  if (self->speaker == NULL)
    return NULL;

  if (self->role == NULL)
    return g_strdup (self->speaker);

  /* Translators: a speaker and their role, "Keith, MSCOS Research Advisory Board" */
  return g_strdup_printf (_("%s, %s"), self->speaker, self->role);
}

/**
 * mscos_item_get_resource_type_name:
 * @type: a resource type as a pack spells it
 *
 * Returns: the type's name for people, as resource cards and printed pages show it
 */
const char *
mscos_item_get_resource_type_name (const char *type)
{
  static const struct {
    const char *type;
    const char *name;
  } names[] = {
    /* Translators: the kinds of resource, all nouns: a report, an organisation, a tool… */
    { "report", N_("Report") },
    { "organisation", N_("Organisation") },
    { "helpline", N_("Helpline") },
    { "programme", N_("Programme") },
    { "podcast", N_("Podcast") },
    { "tool", N_("Tool") },
    { "blog", N_("Blog") },
    { "webinar", N_("Webinar") },
    { "legislation", N_("Legislation") },
    { "guidance", N_("Guidance") },
    { "network", N_("Network") },
    { "article", N_("Article") },
    { "book", N_("Book") },
    { "event", N_("Event") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (type, names[i].type) == 0)
      return _(names[i].name);

  return _("Resource");
}

/**
 * mscos_item_dup_quote_credit:
 *
 * What to show or copy in place of "— Speaker" under a quotation's words.
 *
 * Returns: (transfer full) (nullable): "Speaker, role" for a quotation, or the sentence "Quoted
 *   on the MSCOS page, not attributed" for one the source attributes to nobody (never a guessed
 *   name); %NULL for other items
 */
char *
mscos_item_dup_quote_credit (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  if (self->kind != MSCOS_ITEM_QUOTE)
    return NULL;

  if (self->speaker == NULL)
    return g_strdup (_("Quoted on the MSCOS page, not attributed"));

  return mscos_item_dup_attribution (self);
}

/**
 * mscos_item_dup_plain_text:
 *
 * The item's own words as plain text: for a set, group or recommendation, with every
 * recommendation nested in it; for a resource, without the items that belong to it, which
 * are items in their own right.
 *
 * Returns: (transfer full): the text
 */
char *
mscos_item_dup_plain_text (MscosItem *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  append_own_text (self, text);
  if (self->kind != MSCOS_ITEM_RESOURCE)
    append_nested_recommendations (self, text);

  return g_string_free (text, FALSE);
}

/**
 * mscos_item_dup_digest:
 *
 * Returns: (transfer full): a fingerprint of the item's text, to tell whether a later
 *   revision of the pack changed it
 */
char *
mscos_item_dup_digest (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  return g_strdup (mscos_item_get_digest (self));
}

/**
 * mscos_item_get_digest:
 *
 * The same as mscos_item_dup_digest(), computed once: items never change, and every status
 * of every library entry on screen compares it. Safe from any thread.
 *
 * Returns: (transfer none): the item's digest
 */
const char *
mscos_item_get_digest (MscosItem *self)
{
  char *digest;

  g_return_val_if_fail (MSCOS_IS_ITEM (self), NULL);

  digest = g_atomic_pointer_get (&self->digest);
  if (digest == NULL)
    {
      g_autofree char *text = mscos_item_dup_plain_text (self);

      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      /* Another thread may have computed it meanwhile: keep the first. */
      if (!g_atomic_pointer_compare_and_exchange (&self->digest, NULL, digest))
        {
          g_free (digest);
          digest = g_atomic_pointer_get (&self->digest);
        }
    }

  return digest;
}

/**
 * mscos_item_is_bookmarkable:
 *
 * Returns: whether the item can be bookmarked and annotated: everything but groups
 */
gboolean
mscos_item_is_bookmarkable (MscosItem *self)
{
  g_return_val_if_fail (MSCOS_IS_ITEM (self), FALSE);

  return self->kind != MSCOS_ITEM_GROUP && self->id != NULL;
}
