/* mscos-changes-page.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Changes page of a review: the counts of what changed, as the BNF gives them per update
 * ("10 changed, 2 new, 2 removed, 1 moved", then by kind), the reviewer's comments, and one
 * group an outcome of its changes, by kind, each row opening its item on its outcome page
 * ("win.show-item") and offering a comment on it ("win.add-comment"). A removed thing opens
 * where it was. Every piece of pack text is shown as plain text, never markup. */

#define G_LOG_DOMAIN "mscos-changes-page"

#include "config.h"

#include "mscos-changes-page.h"

#include <glib/gi18n.h>

struct _MscosChangesPage
{
  AdwBin               parent_instance;

  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *summary_group;
  GtkLabel            *summary_label;
  GtkLabel            *kinds_label;
  GtkListBox          *comments_list;

  MscosReviewSession  *session;
};

G_DEFINE_FINAL_TYPE (MscosChangesPage, mscos_changes_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kinds in the order a group lists them. */
static const char * const kind_order[] = {
  "pack", "outcome", "section", "recommendations", "group", "recommendation", "quote", "audio",
  "resource", "profile", "text",
};

static guint
get_kind_rank (const char *kind_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_order); i++)
    if (g_strcmp0 (kind_order[i], kind_name) == 0)
      return i;

  return G_N_ELEMENTS (kind_order);
}

static const char *
get_change_title (MscosChangeType type)
{
  switch (type)
    {
    case MSCOS_CHANGE_NEW:
      return C_("change", "New");
    case MSCOS_CHANGE_REMOVED:
      return C_("change", "Removed");
    case MSCOS_CHANGE_CHANGED:
      return C_("change", "Changed");
    case MSCOS_CHANGE_MOVED:
      return C_("change", "Moved");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
append_count (GString         *text,
              MscosChangeType  type,
              guint            n)
{
  switch (type)
    {
    case MSCOS_CHANGE_NEW:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", n), n);
      break;
    case MSCOS_CHANGE_REMOVED:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", n), n);
      break;
    case MSCOS_CHANGE_CHANGED:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", n), n);
      break;
    case MSCOS_CHANGE_MOVED:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u moved", "%u moved", n), n);
      break;
    default:
      g_return_if_reached ();
    }
}

/* What a change is about, in a few words, from whichever pack has it. */
static char *
dup_object_title (GObject *object)
{
  if (MSCOS_IS_ITEM (object))
    return mscos_item_dup_display_title (MSCOS_ITEM (object));
  if (MSCOS_IS_OUTCOME (object))
    return g_strdup (mscos_outcome_get_title (MSCOS_OUTCOME (object)));
  if (MSCOS_IS_SECTION (object))
    return g_strdup (mscos_section_get_title (MSCOS_SECTION (object)));

  return g_strdup (_("Pack details"));
}

static char *
dup_subtitle (MscosChangesPage *self,
              MscosPackChange  *change)
{
  MscosChangeType type = mscos_pack_change_get_change_type (change);
  const char *kind = mscos_change_kind_title (mscos_pack_change_get_kind_name (change));
  const char * const *members = mscos_pack_change_get_members (change);
  GString *subtitle = g_string_new (NULL);

  /* Translators: a change and the kind of what changed, as in "Changed · Recommendation" */
  g_string_printf (subtitle, _("%s · %s"), get_change_title (type), kind);

  if (members != NULL && members[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) members);

      /* Translators: the members of an item that changed, as in "changed: text, label" */
      g_string_append_printf (subtitle, _(" · changed: %s"), list);
    }

  if (type == MSCOS_CHANGE_MOVED && mscos_pack_change_get_old_parent_id (change) != NULL)
    {
      MscosPackOutline *old = mscos_pack_diff_get_old_outline (mscos_review_session_get_diff (self->session));
      GObject *from = mscos_pack_outline_lookup (old, mscos_pack_change_get_old_parent_id (change));
      g_autofree char *title = from != NULL ? dup_object_title (from) : NULL;

      if (title != NULL)
        /* Translators: where a moved item was, by the title of what held it */
        g_string_append_printf (subtitle, _(" · from “%s”"), title);
    }

  return g_string_free_and_steal (subtitle);
}

static GtkWidget *
create_change_row (MscosChangesPage *self,
                   MscosPackChange  *change)
{
  GObject *object = mscos_pack_change_get_new_object (change);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = dup_subtitle (self, change);
  /* A removed item too: it is shown where it was (mscos_window_show_item()). */
  const char *target = mscos_pack_change_get_id (change);
  const char *id = mscos_pack_change_get_id (change);
  MscosPackPart part = mscos_pack_change_get_part (change);
  GtkWidget *row;

  if (object == NULL)
    object = mscos_pack_change_get_old_object (change);
  title = dup_object_title (object);

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", title,
                      "subtitle", subtitle,
                      "use-markup", FALSE,
                      "title-lines", 2,
                      NULL);
  gtk_widget_add_css_class (row, "change-row");

  if (mscos_pack_change_get_change_type (change) != MSCOS_CHANGE_REMOVED && id != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("chat-message-new-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Add Comment"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Add comment"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-comment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  if (target != NULL && (part == MSCOS_PACK_PART_ITEM || part == MSCOS_PACK_PART_SECTION))
    {
      /* The whole row opens the item (a section at its heading), through its button, which
       * screen readers name. */
      GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");
      gboolean section = part == MSCOS_PACK_PART_SECTION;

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, section ? _("Show Section") : _("Show Item"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      section ? _("Show section") : _("Show item"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-item");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static int
compare_by_kind (gconstpointer a,
                 gconstpointer b)
{
  MscosPackChange *x = *(MscosPackChange **) a;
  MscosPackChange *y = *(MscosPackChange **) b;
  guint x_rank = get_kind_rank (mscos_pack_change_get_kind_name (x));
  guint y_rank = get_kind_rank (mscos_pack_change_get_kind_name (y));

  return (x_rank > y_rank) - (x_rank < y_rank);
}

static const char *
get_outcome_of (MscosPackChange *change)
{
  if (mscos_pack_change_get_part (change) == MSCOS_PACK_PART_OUTCOME)
    return mscos_pack_change_get_id (change);
  if (mscos_pack_change_get_change_type (change) == MSCOS_CHANGE_REMOVED)
    return mscos_pack_change_get_old_outcome_id (change);

  return mscos_pack_change_get_outcome_id (change);
}

static void
add_outcome_group (MscosChangesPage *self,
                   const char       *outcome_id,
                   GPtrArray        *changes)
{
  MscosPackDiff *diff = mscos_review_session_get_diff (self->session);
  MscosContentPack *pack = mscos_review_session_get_pack (self->session);
  MscosOutcome *outcome = NULL;
  g_autofree char *summary = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *list;

  if (outcome_id != NULL)
    {
      outcome = mscos_content_pack_lookup_outcome (pack, outcome_id);
      if (outcome == NULL)
        outcome = mscos_content_pack_lookup_outcome (mscos_pack_diff_get_old_pack (diff),
                                                     outcome_id);
      summary = mscos_review_session_dup_summary (self->session, outcome_id);
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* A group's title and description are markup. */
  {
    g_autofree char *title = g_markup_escape_text (outcome != NULL ? mscos_outcome_get_title (outcome)
                                                                   : _("The Pack"), -1);
    g_autofree char *description = summary != NULL ? g_markup_escape_text (summary, -1) : NULL;

    adw_preferences_group_set_title (group, title);
    adw_preferences_group_set_description (group, description);
  }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  outcome != NULL ? mscos_outcome_get_title (outcome)
                                                  : _("The Pack"), -1);

  /* A stable sort (GLib 2.32): pack order stays within a kind. */
  g_ptr_array_sort (changes, compare_by_kind);
  for (guint i = 0; i < changes->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), create_change_row (self, g_ptr_array_index (changes, i)));

  adw_preferences_group_add (group, list);
  adw_preferences_page_add (self->preferences_page, group);
}

/* "Recommendations: 8 changed, 1 new. Quotes: 1 new." */
static char *
dup_kinds_summary (MscosPackDiff *diff)
{
  guint counts[G_N_ELEMENTS (kind_order) + 1][MSCOS_N_CHANGE_TYPES] = { { 0 } };
  GListModel *changes = G_LIST_MODEL (diff);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (MscosPackChange) change = g_list_model_get_item (changes, i);

      counts[get_kind_rank (mscos_pack_change_get_kind_name (change))]
            [mscos_pack_change_get_change_type (change)]++;
    }

  for (guint k = 0; k < G_N_ELEMENTS (kind_order); k++)
    {
      gboolean first = TRUE;

      for (guint t = 0; t < MSCOS_N_CHANGE_TYPES; t++)
        {
          if (counts[k][t] == 0)
            continue;
          if (first)
            {
              if (text->len > 0)
                g_string_append (text, "\n");
              /* Translators: a kind of item, then the counts of its changes */
              g_string_append_printf (text, _("%s: "), mscos_change_kind_title (kind_order[k]));
            }
          else
            {
              g_string_append (text, _(", "));
            }
          first = FALSE;
          append_count (text, t, counts[k][t]);
        }
    }

  return g_string_free_and_steal (text);
}

static GtkWidget *
create_comment_row (gpointer item,
                    gpointer user_data)
{
  MscosChangesPage *self = user_data;
  MscosReviewComment *comment = item;
  MscosPackOutline *outline = mscos_pack_diff_get_new_outline (mscos_review_session_get_diff (self->session));
  const char *item_id = mscos_review_comment_get_item_id (comment);
  GObject *object = item_id != NULL ? mscos_pack_outline_lookup (outline, item_id) : NULL;
  g_autofree char *on = object != NULL ? dup_object_title (object) : g_strdup (_("The pack"));
  g_autofree char *subtitle = NULL;
  const char *types[] = { N_("Comment"), N_("Change request"), N_("Question") };
  const char *statuses[] = { N_("Open"), N_("Accepted"), N_("Rejected") };
  GtkWidget *row;

  /* Translators: a comment's type, who wrote it, its status, and what it is on */
  subtitle = g_strdup_printf (_("%s · %s · %s · on “%s”"),
                              _(types[mscos_review_comment_get_comment_type (comment)]),
                              mscos_review_comment_get_reviewer (comment),
                              _(statuses[mscos_review_comment_get_status (comment)]), on);
  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", mscos_review_comment_get_text (comment),
                      "subtitle", subtitle,
                      "use-markup", FALSE,
                      "title-lines", 3,
                      "activatable", TRUE,
                      NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.edit-comment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", mscos_review_comment_get_id (comment));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("document-edit-symbolic"));

  return row;
}

static void
build (MscosChangesPage *self)
{
  MscosPackDiff *diff = mscos_review_session_get_diff (self->session);
  GListModel *changes = G_LIST_MODEL (diff);
  g_autoptr (GHashTable) by_outcome = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GPtrArray) pack_changes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = mscos_review_session_dup_summary (self->session, NULL);
  g_autofree char *kinds = dup_kinds_summary (diff);

  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->kinds_label, kinds);
  gtk_widget_set_visible (GTK_WIDGET (self->kinds_label), kinds[0] != '\0');

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      MscosPackChange *change = g_list_model_get_item (changes, i);
      const char *outcome_id = get_outcome_of (change);
      GPtrArray *list;

      if (outcome_id == NULL)
        {
          g_ptr_array_add (pack_changes, change);
          continue;
        }

      list = g_hash_table_lookup (by_outcome, outcome_id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_outcome, (gpointer) outcome_id, list);
          g_ptr_array_add (order, (gpointer) outcome_id);
        }
      g_ptr_array_add (list, change);
    }

  if (pack_changes->len > 0)
    add_outcome_group (self, NULL, pack_changes);
  for (guint i = 0; i < order->len; i++)
    add_outcome_group (self, g_ptr_array_index (order, i),
                       g_hash_table_lookup (by_outcome, g_ptr_array_index (order, i)));

  gtk_list_box_bind_model (self->comments_list,
                           G_LIST_MODEL (mscos_review_session_get_review (self->session)),
                           create_comment_row, self, NULL);
}

static void
mscos_changes_page_dispose (GObject *object)
{
  MscosChangesPage *self = MSCOS_CHANGES_PAGE (object);

  /* The template's one child is the bin's, which AdwBin's dispose unparents: disposing the
   * template as well would unparent it twice. */
  if (self->comments_list != NULL)
    gtk_list_box_bind_model (self->comments_list, NULL, NULL, NULL, NULL);
  self->comments_list = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (mscos_changes_page_parent_class)->dispose (object);
}

static void
mscos_changes_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MscosChangesPage *self = MSCOS_CHANGES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_changes_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MscosChangesPage *self = MSCOS_CHANGES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      build (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_changes_page_class_init (MscosChangesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_changes_page_dispose;
  object_class->get_property = mscos_changes_page_get_property;
  object_class->set_property = mscos_changes_page_set_property;

  /**
   * MscosChangesPage:session:
   *
   * The review whose changes and comments the page lists.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         MSCOS_TYPE_REVIEW_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mscos-changes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosChangesPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, MscosChangesPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, MscosChangesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MscosChangesPage, kinds_label);
  gtk_widget_class_bind_template_child (widget_class, MscosChangesPage, comments_list);
}

static void
mscos_changes_page_init (MscosChangesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mscos_changes_page_new:
 * @session: a review
 *
 * Returns: (transfer floating): the Changes page of @session
 */
GtkWidget *
mscos_changes_page_new (MscosReviewSession *session)
{
  g_return_val_if_fail (MSCOS_IS_REVIEW_SESSION (session), NULL);

  return g_object_new (MSCOS_TYPE_CHANGES_PAGE, "session", session, NULL);
}

MscosReviewSession *
mscos_changes_page_get_session (MscosChangesPage *self)
{
  g_return_val_if_fail (MSCOS_IS_CHANGES_PAGE (self), NULL);

  return self->session;
}

/**
 * mscos_change_kind_title:
 * @kind_name: a kind as MscosPackChange names it: an item kind, `group`, `recommendation`,
 *   `outcome`, `section` or `pack`
 *
 * Returns: its name for people, "Recommendation"
 */
const char *
mscos_change_kind_title (const char *kind_name)
{
  static const struct { const char *name; const char *title; } titles[] = {
    { "pack", N_("Pack details") },
    { "outcome", N_("Outcome") },
    { "section", N_("Section") },
    { "recommendations", N_("Recommendation set") },
    { "group", N_("Group of recommendations") },
    { "recommendation", N_("Recommendation") },
    { "quote", N_("Quote") },
    { "audio", N_("Audio") },
    { "resource", N_("Resource") },
    { "profile", N_("Profile") },
    { "text", N_("Text") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].name, kind_name) == 0)
      return _(titles[i].title);

  return kind_name;
}
