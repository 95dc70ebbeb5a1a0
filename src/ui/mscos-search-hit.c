/* mscos-search-hit.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-search-hit"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-search-hit.h"

/* One search result as a row shows it: the item's title, what kind of item it is, the outcome
 * for the section header, and the excerpt with the matched words marked by Pango attributes —
 * never by markup, as the text comes from the content pack and the user's notes. */

struct _MscosSearchHit
{
  GObject        parent_instance;

  char          *item_id;
  char          *title;
  char          *kind_name;
  char          *outcome_title;
  char          *excerpt;
  PangoAttrList *excerpt_attributes;
};

G_DEFINE_FINAL_TYPE (MscosSearchHit, mscos_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND_NAME,
  PROP_OUTCOME_TITLE,
  PROP_EXCERPT,
  PROP_EXCERPT_ATTRIBUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
kind_name (MscosItemKind kind,
           gboolean      in_note)
{
  if (in_note)
    return _("Your note");

  switch (kind)
    {
    case MSCOS_ITEM_QUOTE:
      /* Translators: the kind of item a search result is (a noun, as are those below) */
      return _("Quote");
    case MSCOS_ITEM_AUDIO:
      return _("Recording");
    case MSCOS_ITEM_RESOURCE:
      return _("Resource");
    case MSCOS_ITEM_RECOMMENDATIONS:
      return _("Recommendations");
    case MSCOS_ITEM_PROFILE:
      return _("Person");
    case MSCOS_ITEM_TEXT:
      return _("Text");
    case MSCOS_ITEM_GROUP:
    case MSCOS_ITEM_RECOMMENDATION:
      return _("Recommendation");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A title that says where the match is: a recommendation's set, who said a quotation (or that
 * the source does not say); the excerpt under it shows the words themselves. */
static char *
dup_context_title (MscosItem *item)
{
  MscosItem *set = item;

  switch (mscos_item_get_kind (item))
    {
    case MSCOS_ITEM_RECOMMENDATION:
      while (set != NULL && mscos_item_get_kind (set) != MSCOS_ITEM_RECOMMENDATIONS)
        set = mscos_item_get_parent (set);
      return set ? g_strdup (mscos_item_get_title (set)) : mscos_item_dup_display_title (item);

    case MSCOS_ITEM_QUOTE:
      return mscos_item_dup_quote_credit (item);

    case MSCOS_ITEM_AUDIO:
    case MSCOS_ITEM_RESOURCE:
    case MSCOS_ITEM_RECOMMENDATIONS:
    case MSCOS_ITEM_PROFILE:
    case MSCOS_ITEM_TEXT:
    case MSCOS_ITEM_GROUP:
    default:
      return mscos_item_dup_display_title (item);
    }
}

static void
mscos_search_hit_finalize (GObject *object)
{
  MscosSearchHit *self = MSCOS_SEARCH_HIT (object);

  g_free (self->item_id);
  g_free (self->title);
  g_free (self->kind_name);
  g_free (self->outcome_title);
  g_free (self->excerpt);
  g_clear_pointer (&self->excerpt_attributes, pango_attr_list_unref);

  G_OBJECT_CLASS (mscos_search_hit_parent_class)->finalize (object);
}

static void
mscos_search_hit_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MscosSearchHit *self = MSCOS_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND_NAME:
      g_value_set_string (value, self->kind_name);
      break;

    case PROP_OUTCOME_TITLE:
      g_value_set_string (value, self->outcome_title);
      break;

    case PROP_EXCERPT:
      g_value_set_string (value, self->excerpt);
      break;

    case PROP_EXCERPT_ATTRIBUTES:
      g_value_set_boxed (value, self->excerpt_attributes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_search_hit_class_init (MscosSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mscos_search_hit_finalize;
  object_class->get_property = mscos_search_hit_get_property;

  /* Hits never change: no property is notified. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME_TITLE] =
    g_param_spec_string ("outcome-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXCERPT] =
    g_param_spec_string ("excerpt", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXCERPT_ATTRIBUTES] =
    g_param_spec_boxed ("excerpt-attributes", NULL, NULL, PANGO_TYPE_ATTR_LIST,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_search_hit_init (MscosSearchHit *self)
{
}

/**
 * mscos_search_hit_new:
 * @result: a search result
 * @pack: the pack that was searched
 *
 * Returns: (transfer full) (nullable): the row's data, or %NULL if the item is not in @pack
 */
MscosSearchHit *
mscos_search_hit_new (MscosSearchResult *result,
                      MscosContentPack  *pack)
{
  MscosItem *item = mscos_content_pack_lookup_item (pack, mscos_search_result_get_item_id (result));
  MscosOutcome *outcome;
  MscosSearchHit *self;

  if (item == NULL)
    return NULL;

  outcome = mscos_content_pack_lookup_outcome (pack, mscos_search_result_get_outcome_id (result));
  self = g_object_new (MSCOS_TYPE_SEARCH_HIT, NULL);
  self->item_id = g_strdup (mscos_item_get_id (item));
  self->title = dup_context_title (item);
  self->kind_name = g_strdup (kind_name (mscos_item_get_kind (item),
                                         mscos_search_result_get_in_note (result)));
  self->outcome_title = g_strdup (outcome ? mscos_outcome_get_title (outcome) : "");
  self->excerpt = g_strdup (mscos_search_result_get_excerpt (result));
  self->excerpt_attributes = pango_attr_list_new ();

  for (guint i = 0; i < mscos_search_result_get_n_ranges (result); i++)
    {
      PangoAttribute *attribute;
      guint start, end;

      mscos_search_result_get_range (result, i, &start, &end);
      attribute = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attribute->start_index = start;
      attribute->end_index = end;
      pango_attr_list_insert (self->excerpt_attributes, attribute);
      attribute = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attribute->start_index = start;
      attribute->end_index = end;
      pango_attr_list_insert (self->excerpt_attributes, attribute);
    }

  return self;
}

const char *
mscos_search_hit_get_outcome_title (MscosSearchHit *self)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_HIT (self), NULL);

  return self->outcome_title;
}

const char *
mscos_search_hit_get_item_id (MscosSearchHit *self)
{
  g_return_val_if_fail (MSCOS_IS_SEARCH_HIT (self), NULL);

  return self->item_id;
}
