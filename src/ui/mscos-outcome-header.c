/* mscos-outcome-header.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-outcome-header"

#include "config.h"

#include <glib/gi18n.h>

#include "mscos-blocks-view.h"
#include "mscos-outcome-header.h"
#include "mscos-ui-utils.h"

/* The top of an outcome page: its strapline, title, group and summary, the descriptor under a
 * heading that says whose words it is (the MSCOS study's, or the pack editors' summary), and
 * the link to the page on the website. */

struct _MscosOutcomeHeader
{
  GtkWidget        parent_instance;

  GtkLabel        *strapline_label;
  GtkLabel        *title_label;
  GtkLabel        *group_label;
  GtkLabel        *summary_label;
  GtkWidget       *descriptor_box;
  GtkLabel        *descriptor_heading;
  MscosBlocksView *descriptor_view;
  GtkBox          *link_box;

  MscosOutcome    *outcome;
};

G_DEFINE_FINAL_TYPE (MscosOutcomeHeader, mscos_outcome_header, GTK_TYPE_WIDGET)

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
show_descriptor_source (MscosOutcomeHeader    *self,
                        MscosDescriptorSource  source)
{
  const char *heading, *accessible;

  if (source == MSCOS_DESCRIPTOR_SOURCE_STUDY)
    {
      heading = _("MSCOS Study Descriptor");
      accessible = _("MSCOS study descriptor");
    }
  else
    {
      /* Translators: the heading of an outcome's descriptor that the pack's editors wrote, in
       * place of "MSCOS Study Descriptor", which is only for the study's own text */
      heading = _("Summary by the editors of this pack");
      accessible = heading;
    }

  gtk_label_set_text (self->descriptor_heading, heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->descriptor_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
mscos_outcome_header_dispose (GObject *object)
{
  MscosOutcomeHeader *self = MSCOS_OUTCOME_HEADER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_OUTCOME_HEADER);
  g_clear_object (&self->outcome);

  G_OBJECT_CLASS (mscos_outcome_header_parent_class)->dispose (object);
}

static void
mscos_outcome_header_class_init (MscosOutcomeHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_outcome_header_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-outcome-header.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomeHeader, strapline_label);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomeHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomeHeader, group_label);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomeHeader, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomeHeader, descriptor_box);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomeHeader, descriptor_heading);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomeHeader, descriptor_view);
  gtk_widget_class_bind_template_child (widget_class, MscosOutcomeHeader, link_box);
}

static void
mscos_outcome_header_init (MscosOutcomeHeader *self)
{
  g_type_ensure (MSCOS_TYPE_BLOCKS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mscos_outcome_header_set_outcome:
 * @outcome: (nullable): the outcome whose page this heads
 */
void
mscos_outcome_header_set_outcome (MscosOutcomeHeader *self,
                                  MscosOutcome       *outcome)
{
  const MscosLink *link;
  GPtrArray *descriptor;
  GtkWidget *child;

  g_return_if_fail (MSCOS_IS_OUTCOME_HEADER (self));
  g_return_if_fail (outcome == NULL || MSCOS_IS_OUTCOME (outcome));

  if (!g_set_object (&self->outcome, outcome) || outcome == NULL)
    return;

  mscos_text_label_set_text (self->strapline_label, mscos_outcome_get_strapline (outcome));
  gtk_label_set_text (self->title_label, mscos_outcome_get_title (outcome));
  gtk_label_set_text (self->group_label, group_name (mscos_outcome_get_group (outcome)));
  gtk_label_set_text (self->summary_label, mscos_outcome_get_summary (outcome));

  descriptor = mscos_outcome_get_descriptor (outcome);
  mscos_blocks_view_set_blocks (self->descriptor_view, descriptor);
  show_descriptor_source (self, mscos_outcome_get_descriptor_source (outcome));
  gtk_widget_set_visible (self->descriptor_box, descriptor != NULL && descriptor->len > 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->link_box))) != NULL)
    gtk_box_remove (self->link_box, child);
  link = mscos_outcome_get_link (outcome);
  if (link != NULL)
    gtk_box_append (self->link_box, mscos_link_button_new (link->title, link->uri));
  gtk_widget_set_visible (GTK_WIDGET (self->link_box), link != NULL);
}
