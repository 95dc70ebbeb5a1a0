/* mscos-quote-card.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-quote-card"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-change-label.h"
#include "mscos-hanging-row.h"
#include "mscos-item-actions.h"
#include "mscos-note-preview.h"
#include "mscos-quote-card.h"
#include "mscos-ui-utils.h"

/* Someone's own words, in large type, with who said them. */

struct _MscosQuoteCard
{
  MscosItemCard     parent_instance;

  GtkBox           *box;
  GtkLabel         *words_label;
  GtkLabel         *attribution_label;
  GtkButton        *copy_button;
  MscosItemActions *actions;
};

G_DEFINE_FINAL_TYPE (MscosQuoteCard, mscos_quote_card, MSCOS_TYPE_ITEM_CARD)

/* "— Keith, MSCOS Research Advisory Board", or for a quotation the source attributes to nobody
 * the sentence that says so: never a guessed name. */
static char *
dup_attribution_line (MscosItem *item)
{
  g_autofree char *credit = mscos_item_dup_quote_credit (item);

  if (mscos_item_get_speaker (item) == NULL)
    return g_steal_pointer (&credit);

  /* Translators: the attribution under a quotation, "— Keith, MSCOS Research Advisory Board" */
  return g_strdup_printf (_("— %s"), credit);
}

static void
copy_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  MscosItem *item = mscos_item_card_get_item (MSCOS_ITEM_CARD (widget));
  g_autofree char *attribution = NULL;
  g_autofree char *text = NULL;

  if (item == NULL)
    return;

  attribution = dup_attribution_line (item);
  /* Translators: a quotation copied to the clipboard: the words in quotation marks, then
   * the attribution on the next line */
  text = g_strdup_printf (_("“%s”\n%s"), mscos_item_get_text (item), attribution);
  mscos_widget_copy_text (widget, text, _("Quote copied with its attribution"));
}

static void
mscos_quote_card_bind (MscosItemCard *card,
                       MscosPageRow  *row)
{
  MscosQuoteCard *self = MSCOS_QUOTE_CARD (card);
  MscosItem *item = mscos_page_row_get_item (row);
  MscosItem *old = mscos_page_row_get_old_item (row);
  g_autofree char *attribution = dup_attribution_line (item);
  g_autofree char *old_attribution = old ? dup_attribution_line (old) : NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *name = NULL;

  mscos_change_label_set_words (self->words_label, mscos_item_get_text (item),
                                old ? mscos_item_get_text (old) : NULL);
  mscos_change_label_set_words (self->attribution_label, attribution, old_attribution);
  if (mscos_item_get_speaker (item) == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->attribution_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->attribution_label), "dim-label");
  mscos_item_actions_set_item (self->actions, item);

  if (mscos_item_get_speaker (item) != NULL)
    /* Translators: how screen readers name a quotation card, "Quote from Keith" */
    accessible = g_strdup_printf (_("Quote from %s"), mscos_item_get_speaker (item));
  else
    accessible = mscos_item_dup_quote_credit (item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  name = mscos_item_dup_display_title (item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
}

static void
mscos_quote_card_unbind (MscosItemCard *card)
{
  mscos_item_actions_set_item (MSCOS_QUOTE_CARD (card)->actions, NULL);
}

static void
mscos_quote_card_constructed (GObject *object)
{
  MscosQuoteCard *self = MSCOS_QUOTE_CARD (object);

  G_OBJECT_CLASS (mscos_quote_card_parent_class)->constructed (object);

  mscos_item_card_set_up_actions (MSCOS_ITEM_CARD (self), GTK_WIDGET (self->actions));
}

static void
mscos_quote_card_class_init (MscosQuoteCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mscos_quote_card_constructed;
  MSCOS_ITEM_CARD_CLASS (klass)->bind = mscos_quote_card_bind;
  MSCOS_ITEM_CARD_CLASS (klass)->unbind = mscos_quote_card_unbind;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-quote-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosQuoteCard, box);
  gtk_widget_class_bind_template_child (widget_class, MscosQuoteCard, words_label);
  gtk_widget_class_bind_template_child (widget_class, MscosQuoteCard, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, MscosQuoteCard, copy_button);
  gtk_widget_class_bind_template_child (widget_class, MscosQuoteCard, actions);

  gtk_widget_class_install_action (widget_class, "quote.copy", NULL, copy_cb);
}

static void
mscos_quote_card_init (MscosQuoteCard *self)
{
  g_type_ensure (MSCOS_TYPE_HANGING_ROW);
  g_type_ensure (MSCOS_TYPE_ITEM_ACTIONS);
  g_type_ensure (MSCOS_TYPE_NOTE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}
