/* mscos-change-label.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-change-label"

#include "config.h"

#include "mscos-change-label.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mscos-pack-outline.h"
#include "mscos-word-diff.h"

/* While a revision is reviewed, what changed in an item, at the top of its card on the
 * outcome page: a tag (New, Removed, Moved, Changed) and what it says no word of the card
 * shows, such as where a moved item came from ("from Voices") or a recommendation's old
 * number ("was 3."). The words that changed are shown in place, in the card's own labels
 * (mscos_change_label_set_words()).
 *
 * The words are marked with Pango attributes, never markup, since they are the pack's: the
 * deleted ones struck through, the inserted ones underlined, each on a tint — a cue that is
 * not colour alone — and the label's accessible description says the same in words, for a
 * screen reader: "removed: every survivor, added: all survivors".
 *
 * The label's text is then more than the revision's: a quote of words selected in it is taken
 * from the revision's text alone (mscos_change_label_dup_quote()), with the runs of the label
 * that are not of it, kept on the label, left out. */

/* The tints, as Pango colours (0–65535): the same in light and dark styles, since the text on
 * them keeps the style's own colour and the marks are what tells them apart. */
#define INSERTED_RED 0x2600
#define INSERTED_GREEN 0xa200
#define INSERTED_BLUE 0x6900
#define DELETED_RED 0xe000
#define DELETED_GREEN 0x1b00
#define DELETED_BLUE 0x2400
#define TINT_ALPHA 0x3000

/* On a label that shows deleted words: a GArray of MscosReviewQuoteGap, the runs of its text
 * that are not the revision's. */
#define GAPS_KEY "mscos-change-label-gaps"

struct _MscosChangeLabel
{
  GtkWidget  parent_instance;

  GtkLabel  *tag_label;
  GtkLabel  *detail_label;
  /* the tag's style class, while it has one */
  const char *tag_class;
};

G_DEFINE_FINAL_TYPE (MscosChangeLabel, mscos_change_label, GTK_TYPE_WIDGET)

/* What a member of an item is called to a reader, for the members the card does not show the
 * words of. */
static const char *
describe_member (const char *member)
{
  static const struct { const char *member; const char *name; } names[] = {
    { "body", N_("full text") },
    { "transcript", N_("transcript") },
    { "intro", N_("introduction") },
    { "links", N_("links") },
    { "sources", N_("recordings") },
    { "style", N_("list style") },
    { "type", N_("type") },
    { "kind", N_("kind") },
    { "source", N_("source") },
    { "organisation", N_("organisation") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (member, names[i].member))
      return _(names[i].name);

  return NULL;
}

/* The members shown in place are not listed; the others are, "links, full text". */
static void
append_other_members (GString         *detail,
                      MscosPackChange *change)
{
  const char * const *members = mscos_pack_change_get_members (change);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      const char *name = describe_member (members[i]);

      if (name != NULL)
        g_ptr_array_add (names, (gpointer) name);
    }

  if (names->len == 0)
    return;

  g_ptr_array_add (names, NULL);
  if (detail->len > 0)
    g_string_append (detail, "; ");
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) names->pdata);

    /* Translators: what else changed in an item, "changed links, full text" */
    g_string_append_printf (detail, _("changed %s"), joined);
  }
}

static const char *
lookup_title (MscosPackOutline *outline,
              const char       *id)
{
  GObject *object = id != NULL ? mscos_pack_outline_lookup (outline, id) : NULL;

  if (MSCOS_IS_SECTION (object))
    return mscos_section_get_title (MSCOS_SECTION (object));
  if (MSCOS_IS_OUTCOME (object))
    return mscos_outcome_get_title (MSCOS_OUTCOME (object));
  if (MSCOS_IS_ITEM (object))
    return mscos_item_get_title (MSCOS_ITEM (object));

  return NULL;
}

/* "from Voices", "from Safety: Voices", or "within its section". */
static void
append_moved_from (GString         *detail,
                   MscosPageRow    *row,
                   MscosPackChange *change)
{
  MscosPackDiff *diff = mscos_page_row_get_diff (row);
  MscosPackOutline *outline = diff ? mscos_pack_diff_get_old_outline (diff) : NULL;
  const char *old_section = mscos_pack_change_get_old_section_id (change);
  const char *section_title;

  if (outline == NULL)
    return;

  if (g_strcmp0 (old_section, mscos_pack_change_get_section_id (change)) == 0
      && g_strcmp0 (mscos_pack_change_get_old_parent_id (change),
                    mscos_pack_change_get_parent_id (change)) == 0)
    {
      /* Translators: an item moved to another place among the same neighbours */
      g_string_append (detail, _("to another place among the same items"));
      return;
    }

  if (g_strcmp0 (old_section, mscos_pack_change_get_section_id (change)) == 0)
    {
      const char *parent_title = lookup_title (outline,
                                               mscos_pack_change_get_old_parent_id (change));

      if (parent_title != NULL)
        /* Translators: where a moved item was, "from Safety planning", the item it was in */
        g_string_append_printf (detail, _("from %s"), parent_title);
      else
        g_string_append (detail, _("from elsewhere in this section"));
      return;
    }

  section_title = lookup_title (outline, old_section);
  if (g_strcmp0 (mscos_pack_change_get_old_outcome_id (change),
                 mscos_pack_change_get_outcome_id (change)) != 0)
    {
      const char *outcome_title = lookup_title (outline,
                                                mscos_pack_change_get_old_outcome_id (change));

      if (section_title != NULL)
        /* Translators: where a moved item was, "from Safety: Voices", outcome and section */
        g_string_append_printf (detail, _("from %s: %s"), outcome_title, section_title);
      else
        g_string_append_printf (detail, _("from %s"), outcome_title);
      return;
    }

  if (section_title != NULL)
    g_string_append_printf (detail, _("from %s"), section_title);
  else
    g_string_append (detail, _("from another section"));
}

static const char *
get_tag (MscosChangeType type)
{
  switch (type)
    {
    case MSCOS_CHANGE_NEW:
      /* Translators: the mark of an item new in the revision reviewed */
      return C_("change", "New");
    case MSCOS_CHANGE_REMOVED:
      return C_("change", "Removed");
    case MSCOS_CHANGE_MOVED:
      return C_("change", "Moved");
    case MSCOS_CHANGE_CHANGED:
    default:
      return C_("change", "Changed");
    }
}

static const char *
get_tag_class (MscosChangeType type)
{
  switch (type)
    {
    case MSCOS_CHANGE_NEW:
      return "change-new";
    case MSCOS_CHANGE_REMOVED:
      return "change-removed";
    case MSCOS_CHANGE_MOVED:
      return "change-moved";
    case MSCOS_CHANGE_CHANGED:
    default:
      return "change-changed";
    }
}

/* What the tag does not say: where from, the old number, what else changed. */
static char *
dup_detail (MscosPageRow *row)
{
  MscosPackChange *change = mscos_page_row_get_change (row);
  MscosItem *old = mscos_page_row_get_old_item (row);
  GString *detail = g_string_new (NULL);

  if (mscos_pack_change_get_change_type (change) == MSCOS_CHANGE_MOVED)
    append_moved_from (detail, row, change);

  if (old != NULL && mscos_pack_change_has_member (change, "label"))
    {
      const char *label = mscos_item_get_label (old);

      if (detail->len > 0)
        g_string_append (detail, "; ");
      if (label != NULL)
        /* Translators: a recommendation's number in the base revision, "was 3.2" */
        g_string_append_printf (detail, _("was %s"), label);
      else
        g_string_append (detail, _("was not numbered"));
    }

  if (mscos_pack_change_get_change_type (change) != MSCOS_CHANGE_NEW
      && mscos_pack_change_get_change_type (change) != MSCOS_CHANGE_REMOVED)
    append_other_members (detail, change);

  return g_string_free (detail, FALSE);
}

static void
mscos_change_label_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mscos_change_label_parent_class)->dispose (object);
}

static void
mscos_change_label_class_init (MscosChangeLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_change_label_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "changelabel");
}

static void
mscos_change_label_init (MscosChangeLabel *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  self->tag_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->tag_label), "change-tag");
  gtk_widget_set_valign (GTK_WIDGET (self->tag_label), GTK_ALIGN_BASELINE_FILL);
  gtk_widget_set_parent (GTK_WIDGET (self->tag_label), GTK_WIDGET (self));

  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->detail_label, TRUE);
  gtk_label_set_wrap_mode (self->detail_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->detail_label), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->detail_label), GTK_ALIGN_BASELINE_FILL);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "change-detail");
  gtk_widget_set_parent (GTK_WIDGET (self->detail_label), GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * mscos_change_label_new:
 *
 * Returns: (transfer floating): a label for what changed in an item, hidden until it is
 *   given a row with a change
 */
GtkWidget *
mscos_change_label_new (void)
{
  return g_object_new (MSCOS_TYPE_CHANGE_LABEL, NULL);
}

/**
 * mscos_change_label_set_row:
 * @row: (nullable): a row of an outcome page
 *
 * Shows what changed in @row's item, or hides the label if nothing did or the page is not
 * reviewed.
 */
void
mscos_change_label_set_row (MscosChangeLabel *self,
                            MscosPageRow     *row)
{
  MscosPackChange *change = row ? mscos_page_row_get_change (row) : NULL;
  g_autofree char *detail = NULL;
  const char *tag_class;

  g_return_if_fail (MSCOS_IS_CHANGE_LABEL (self));

  gtk_widget_set_visible (GTK_WIDGET (self), change != NULL);
  if (change == NULL)
    return;

  tag_class = get_tag_class (mscos_pack_change_get_change_type (change));
  if (self->tag_class != tag_class)
    {
      if (self->tag_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->tag_label), self->tag_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->tag_label), tag_class);
      self->tag_class = tag_class;
    }

  gtk_label_set_text (self->tag_label, get_tag (mscos_pack_change_get_change_type (change)));
  detail = dup_detail (row);
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), *detail != '\0');
}

/**
 * mscos_change_label_dup_summary:
 * @row: a row of an outcome page
 *
 * What changed in @row's item, in one line for a screen reader: "New", "Removed",
 * "Moved: from Voices", "Changed: was 3.".
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL if nothing changed
 */
char *
mscos_change_label_dup_summary (MscosPageRow *row)
{
  MscosPackChange *change = mscos_page_row_get_change (row);
  g_autofree char *detail = NULL;
  const char *tag;

  if (change == NULL)
    return NULL;

  tag = get_tag (mscos_pack_change_get_change_type (change));
  detail = dup_detail (row);
  if (*detail == '\0')
    return g_strdup (tag);

  /* Translators: what changed in an item, for screen readers: "Moved: from Voices" */
  return g_strdup_printf (_("%s: %s"), tag, detail);
}

static void
add_span_attributes (PangoAttrList   *attributes,
                     MscosWordDiffOp  op,
                     guint            start,
                     guint            end)
{
  PangoAttribute *attribute;
  guint16 red = op == MSCOS_WORD_DIFF_INSERTED ? INSERTED_RED : DELETED_RED;
  guint16 green = op == MSCOS_WORD_DIFF_INSERTED ? INSERTED_GREEN : DELETED_GREEN;
  guint16 blue = op == MSCOS_WORD_DIFF_INSERTED ? INSERTED_BLUE : DELETED_BLUE;
  PangoAttribute *list[4];

  if (op == MSCOS_WORD_DIFF_INSERTED)
    {
      list[0] = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      list[1] = pango_attr_underline_color_new (red, green, blue);
    }
  else
    {
      list[0] = pango_attr_strikethrough_new (TRUE);
      list[1] = pango_attr_strikethrough_color_new (red, green, blue);
    }
  list[2] = pango_attr_background_new (red, green, blue);
  list[3] = pango_attr_background_alpha_new (TINT_ALPHA);

  for (guint i = 0; i < G_N_ELEMENTS (list); i++)
    {
      attribute = list[i];
      attribute->start_index = start;
      attribute->end_index = end;
      pango_attr_list_insert (attributes, attribute);
    }
}

/* Adds @gap to @gaps, joined to the last one where they meet. */
static void
add_gap (GArray                    *gaps,
         const MscosReviewQuoteGap *gap)
{
  MscosReviewQuoteGap *last = gaps->len > 0
                              ? &g_array_index (gaps, MscosReviewQuoteGap, gaps->len - 1)
                              : NULL;

  if (last != NULL && last->end == gap->start)
    last->end = gap->end;
  else
    g_array_append_val (gaps, *gap);
}

/* One hunk of the description: the words deleted and inserted between two equal runs. */
static void
append_hunk (GString    *description,
             GString    *deleted,
             GString    *inserted)
{
  g_strstrip (deleted->str);
  deleted->len = strlen (deleted->str);
  g_strstrip (inserted->str);
  inserted->len = strlen (inserted->str);

  if (deleted->len == 0 && inserted->len == 0)
    return;

  if (description->len > 0)
    g_string_append (description, "; ");
  if (deleted->len > 0 && inserted->len > 0)
    /* Translators: words changed in a revision, for screen readers */
    g_string_append_printf (description, _("removed: %s, added: %s"), deleted->str, inserted->str);
  else if (deleted->len > 0)
    g_string_append_printf (description, _("removed: %s"), deleted->str);
  else
    g_string_append_printf (description, _("added: %s"), inserted->str);

  g_string_truncate (deleted, 0);
  g_string_truncate (inserted, 0);
}

/**
 * mscos_change_label_set_words:
 * @label: a label of an item's card
 * @text: (nullable): the words the revision has
 * @old_text: (nullable): the words the base pack had, while reviewing a change of them
 *
 * Shows @text in @label; where @old_text differs, the words deleted from it and inserted in
 * @text are both shown, marked, and the label's accessible description says which. An empty
 * label is hidden, unless it shows deleted words.
 */
void
mscos_change_label_set_words (GtkLabel   *label,
                              const char *text,
                              const char *old_text)
{
  g_autoptr (GArray) spans = NULL;
  g_autoptr (GString) shown = NULL;
  g_autoptr (GString) description = NULL;
  g_autoptr (GString) deleted = NULL;
  g_autoptr (GString) inserted = NULL;
  g_autoptr (PangoAttrList) attributes = NULL;
  g_autoptr (GArray) gaps = NULL;
  MscosWordDiffOp last = MSCOS_WORD_DIFF_EQUAL;
  gboolean coarse;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (text == NULL)
    text = "";

  /* Not reviewing, or nothing changed here: only what was marked before is cleared. */
  if (old_text == NULL || g_str_equal (old_text, text))
    {
      if (gtk_label_get_attributes (label) != NULL)
        {
          gtk_label_set_attributes (label, NULL);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (label),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
      g_object_set_data (G_OBJECT (label), GAPS_KEY, NULL);
      gtk_label_set_text (label, text);
      gtk_widget_set_visible (GTK_WIDGET (label), *text != '\0');
      return;
    }

  spans = mscos_word_diff (old_text, text, &coarse);
  shown = g_string_new (NULL);
  description = g_string_new (NULL);
  deleted = g_string_new (NULL);
  inserted = g_string_new (NULL);
  attributes = pango_attr_list_new ();
  gaps = g_array_new (FALSE, FALSE, sizeof (MscosReviewQuoteGap));

  for (guint i = 0; i < spans->len; i++)
    {
      const MscosWordDiffSpan *span = &g_array_index (spans, MscosWordDiffSpan, i);
      const char *source = span->op == MSCOS_WORD_DIFF_DELETED ? old_text : text;
      gsize start = span->op == MSCOS_WORD_DIFF_DELETED ? span->old_start : span->new_start;
      gsize end = span->op == MSCOS_WORD_DIFF_DELETED ? span->old_end : span->new_end;
      MscosReviewQuoteGap gap;
      guint shown_start;

      if (span->op == MSCOS_WORD_DIFF_EQUAL)
        {
          append_hunk (description, deleted, inserted);
          g_string_append_len (shown, source + start, end - start);
          last = span->op;
          continue;
        }

      /* Deleted words right before inserted ones are kept apart, so that they do not read
       * as one word. */
      if (last != MSCOS_WORD_DIFF_EQUAL && last != span->op && shown->len > 0
          && !g_ascii_isspace (shown->str[shown->len - 1]))
        {
          gap = (MscosReviewQuoteGap) { shown->len, shown->len + 1 };
          g_string_append_c (shown, ' ');
          add_gap (gaps, &gap);
        }

      shown_start = shown->len;
      g_string_append_len (shown, source + start, end - start);
      add_span_attributes (attributes, span->op, shown_start, shown->len);
      if (span->op == MSCOS_WORD_DIFF_DELETED)
        {
          gap = (MscosReviewQuoteGap) { shown_start, shown->len };
          add_gap (gaps, &gap);
        }
      g_string_append_len (span->op == MSCOS_WORD_DIFF_DELETED ? deleted : inserted,
                           source + start, end - start);
      last = span->op;
    }
  append_hunk (description, deleted, inserted);

  gtk_label_set_text (label, shown->str);
  gtk_label_set_attributes (label, attributes);
  g_object_set_data_full (G_OBJECT (label), GAPS_KEY, g_steal_pointer (&gaps),
                          (GDestroyNotify) g_array_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_set_visible (GTK_WIDGET (label), shown->len > 0);
}

/**
 * mscos_change_label_dup_quote:
 * @label: a label of an item's card
 *
 * Quotes the words selected in @label, as the item's text in the revision under review has
 * them: where @label shows deleted words among them (mscos_change_label_set_words()), those
 * are left out.
 *
 * Returns: (transfer full) (nullable): the quote, or %NULL if no words of the revision are
 *   selected
 */
MscosReviewQuote *
mscos_change_label_dup_quote (GtkLabel *label)
{
  GArray *gaps;
  const char *text;
  gsize start_byte, end_byte;
  int start, end;

  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  if (!gtk_label_get_selection_bounds (label, &start, &end))
    return NULL;

  /* The selection is in characters. */
  text = gtk_label_get_text (label);
  start_byte = g_utf8_offset_to_pointer (text, start) - text;
  end_byte = g_utf8_offset_to_pointer (text, end) - text;

  gaps = g_object_get_data (G_OBJECT (label), GAPS_KEY);
  if (gaps == NULL)
    return mscos_review_quote_new_from_selection (text, start_byte, end_byte);

  return mscos_review_quote_new_from_shown (text, gaps, start_byte, end_byte);
}
