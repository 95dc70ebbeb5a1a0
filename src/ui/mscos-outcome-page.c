/* mscos-outcome-page.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-outcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-blocks-view.h"
#include "mscos-item-card.h"
#include "mscos-outcome-page.h"
#include "mscos-section.h"
#include "mscos-ui-utils.h"

/* One outcome: its title, summary and study descriptor, then its sections with a card for
 * each item. The header and the first cards are built at once, the other cards in idle time
 * a few at a time, so a large page appears without a pause and scrolls smoothly; the full
 * text of resources and recommendation sets is built only when it is opened. */

/* Cards built before the page is first shown, enough to fill a tall window. */
#define FIRST_CARDS 6
/* Cards built in each idle pass after that. */
#define CARDS_PER_PASS 4
/* How long a revealer takes to open, after which a jump scrolls again. */
#define REVEAL_SETTLE_MS 300

typedef struct
{
  GtkBox    *box;
  MscosItem *item;
} PendingCard;

struct _MscosOutcomePage
{
  GtkWidget        parent_instance;

  GtkScrolledWindow *scroller;
  GtkViewport     *viewport;
  GtkBox          *page_box;
  GtkLabel        *strapline_label;
  GtkLabel        *title_label;
  GtkLabel        *group_label;
  GtkLabel        *summary_label;
  MscosBlocksView *descriptor_view;
  GtkBox          *link_box;

  MscosOutcome    *outcome;
  GQueue           pending;
  guint            build_source;
  /* id of each item of a section → its card; the page owns the cards */
  GHashTable      *cards;
  GPtrArray       *card_list;
  GtkWidget       *scroll_target;
  guint            scroll_source;
};

G_DEFINE_FINAL_TYPE (MscosOutcomePage, mscos_outcome_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OUTCOME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
group_name (MscosOutcomeGroup group)
{
  switch (group)
    {
    case MSCOS_OUTCOME_GROUP_CORE:
      return _("Core outcome");
    case MSCOS_OUTCOME_GROUP_WORKING_WITH_THE_SET:
      return _("Working with the outcome set");
    case MSCOS_OUTCOME_GROUP_RELATED_FRAMEWORK:
      return _("Related framework");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
pending_card_free (PendingCard *pending)
{
  g_object_unref (pending->item);
  g_free (pending);
}

static void
build_card (MscosOutcomePage *self,
            PendingCard      *pending)
{
  GtkWidget *card = mscos_item_card_new_for_item (pending->item);

  gtk_box_append (pending->box, card);
  g_hash_table_insert (self->cards, (gpointer) mscos_item_get_id (pending->item), card);
  g_ptr_array_add (self->card_list, card);
  pending_card_free (pending);
}

static gboolean
build_some_cb (gpointer data)
{
  MscosOutcomePage *self = data;

  for (guint i = 0; i < CARDS_PER_PASS && !g_queue_is_empty (&self->pending); i++)
    build_card (self, g_queue_pop_head (&self->pending));

  if (!g_queue_is_empty (&self->pending))
    return G_SOURCE_CONTINUE;

  self->build_source = 0;
  return G_SOURCE_REMOVE;
}

/* Builds every card still waiting, for jumps and Expand All. */
static void
build_all (MscosOutcomePage *self)
{
  while (!g_queue_is_empty (&self->pending))
    build_card (self, g_queue_pop_head (&self->pending));

  g_clear_handle_id (&self->build_source, g_source_remove);
}

static void
add_section (MscosOutcomePage *self,
             MscosSection     *section)
{
  GListModel *items = mscos_section_get_items (section);
  GtkWidget *section_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *items_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  guint n = g_list_model_get_n_items (items);

  gtk_widget_add_css_class (section_box, "page-section");

  if (mscos_section_get_title (section) != NULL)
    gtk_box_append (GTK_BOX (section_box),
                    mscos_heading_label_new (mscos_section_get_title (section), "section-title"));
  if (mscos_section_get_intro (section) != NULL)
    gtk_box_append (GTK_BOX (section_box), mscos_blocks_view_new (mscos_section_get_intro (section)));

  gtk_box_append (GTK_BOX (section_box), items_box);
  gtk_box_append (self->page_box, section_box);

  for (guint i = 0; i < n; i++)
    {
      PendingCard *pending = g_new0 (PendingCard, 1);

      pending->box = GTK_BOX (items_box);
      pending->item = g_list_model_get_item (items, i);
      g_queue_push_tail (&self->pending, pending);
    }
}

/* Brings the target into the upper third of the page, where the eye looks first; before it is
 * laid out, the viewport is asked to scroll to it when it is. */
static void
scroll_to_target (MscosOutcomePage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_viewport_get_child (self->viewport);
  graphene_point_t point;

  if (self->scroll_target == NULL)
    return;

  if (gtk_widget_compute_point (self->scroll_target, content, &GRAPHENE_POINT_INIT (0, 0), &point)
      && gtk_widget_get_height (self->scroll_target) > 0)
    {
      gtk_adjustment_set_value (adjustment,
                                point.y - gtk_adjustment_get_page_size (adjustment) / 3);
    }
  else
    {
      g_autoptr (GtkScrollInfo) info = gtk_scroll_info_new ();

      gtk_scroll_info_set_enable_horizontal (info, FALSE);
      gtk_viewport_scroll_to (self->viewport, self->scroll_target, g_steal_pointer (&info));
    }
}

static gboolean
scroll_again_cb (gpointer data)
{
  MscosOutcomePage *self = data;

  self->scroll_source = 0;
  scroll_to_target (self);
  g_clear_object (&self->scroll_target);

  return G_SOURCE_REMOVE;
}

static void
mscos_outcome_page_constructed (GObject *object)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (object);
  GListModel *sections = mscos_outcome_get_sections (self->outcome);
  const MscosLink *link = mscos_outcome_get_link (self->outcome);
  guint n = g_list_model_get_n_items (sections);

  G_OBJECT_CLASS (mscos_outcome_page_parent_class)->constructed (object);

  mscos_text_label_set_text (self->strapline_label, mscos_outcome_get_strapline (self->outcome));
  gtk_label_set_text (self->title_label, mscos_outcome_get_title (self->outcome));
  gtk_label_set_text (self->group_label, group_name (mscos_outcome_get_group (self->outcome)));
  gtk_label_set_text (self->summary_label, mscos_outcome_get_summary (self->outcome));
  mscos_blocks_view_set_blocks (self->descriptor_view, mscos_outcome_get_descriptor (self->outcome));

  if (link != NULL)
    {
      gtk_box_append (self->link_box, mscos_link_button_new (link->title, link->uri));
      gtk_widget_set_visible (GTK_WIDGET (self->link_box), TRUE);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosSection) section = g_list_model_get_item (sections, i);

      add_section (self, section);
    }

  for (guint i = 0; i < FIRST_CARDS && !g_queue_is_empty (&self->pending); i++)
    build_card (self, g_queue_pop_head (&self->pending));

  if (!g_queue_is_empty (&self->pending))
    self->build_source = g_idle_add (build_some_cb, self);
}

static void
mscos_outcome_page_dispose (GObject *object)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (object);

  g_clear_handle_id (&self->build_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_card_free);
  g_clear_object (&self->scroll_target);

  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_OUTCOME_PAGE);

  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->card_list, g_ptr_array_unref);
  g_clear_object (&self->outcome);

  G_OBJECT_CLASS (mscos_outcome_page_parent_class)->dispose (object);
}

static void
mscos_outcome_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_OUTCOME:
      g_value_set_object (value, self->outcome);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_outcome_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MscosOutcomePage *self = MSCOS_OUTCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_OUTCOME:
      self->outcome = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_outcome_page_class_init (MscosOutcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mscos_outcome_page_constructed;
  object_class->dispose = mscos_outcome_page_dispose;
  object_class->get_property = mscos_outcome_page_get_property;
  object_class->set_property = mscos_outcome_page_set_property;

  properties[PROP_OUTCOME] =
    g_param_spec_object ("outcome", NULL, NULL,
                         MSCOS_TYPE_OUTCOME,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-outcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, viewport);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, page_box);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, strapline_label);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, group_label);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, descriptor_view);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomePage, link_box);
}

static void
mscos_outcome_page_init (MscosOutcomePage *self)
{
  g_type_ensure (MSCOS_TYPE_BLOCKS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_queue_init (&self->pending);
  self->cards = g_hash_table_new (g_str_hash, g_str_equal);
  self->card_list = g_ptr_array_new ();
}

/**
 * mscos_outcome_page_new:
 *
 * Returns: (transfer floating): the page of @outcome
 */
GtkWidget *
mscos_outcome_page_new (MscosOutcome *outcome)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME (outcome), NULL);

  return g_object_new (MSCOS_TYPE_OUTCOME_PAGE, "outcome", outcome, NULL);
}

/**
 * mscos_outcome_page_get_outcome:
 *
 * Returns: (transfer none): the outcome shown
 */
MscosOutcome *
mscos_outcome_page_get_outcome (MscosOutcomePage *self)
{
  g_return_val_if_fail (MSCOS_IS_OUTCOME_PAGE (self), NULL);

  return self->outcome;
}

/**
 * mscos_outcome_page_reveal_item:
 * @item: an item of this page, at any depth
 *
 * Opens whatever holds @item, scrolls it into view, highlights it and moves the keyboard
 * focus to it.
 *
 * Returns: whether @item is on this page
 */
gboolean
mscos_outcome_page_reveal_item (MscosOutcomePage *self,
                                MscosItem        *item)
{
  MscosItem *container;
  MscosItemCard *card;
  GtkWidget *widget;

  g_return_val_if_fail (MSCOS_IS_OUTCOME_PAGE (self), FALSE);
  g_return_val_if_fail (MSCOS_IS_ITEM (item), FALSE);

  build_all (self);

  container = mscos_item_get_container (item);
  card = g_hash_table_lookup (self->cards, mscos_item_get_id (container));
  if (card == NULL)
    return FALSE;

  widget = mscos_item_card_reveal (card, item);
  if (widget == NULL)
    return FALSE;

  g_set_object (&self->scroll_target, widget);
  scroll_to_target (self);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  self->scroll_source = g_timeout_add (REVEAL_SETTLE_MS, scroll_again_cb, self);

  mscos_widget_highlight (widget);
  gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);

  return TRUE;
}

/**
 * mscos_outcome_page_set_expanded:
 *
 * Opens or closes every resource, recommendation set and profile of the page.
 */
void
mscos_outcome_page_set_expanded (MscosOutcomePage *self,
                                 gboolean          expanded)
{
  g_return_if_fail (MSCOS_IS_OUTCOME_PAGE (self));

  build_all (self);

  for (guint i = 0; i < self->card_list->len; i++)
    mscos_item_card_set_expanded (g_ptr_array_index (self->card_list, i), expanded);
}

void
mscos_outcome_page_scroll_to_top (MscosOutcomePage *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (MSCOS_IS_OUTCOME_PAGE (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
