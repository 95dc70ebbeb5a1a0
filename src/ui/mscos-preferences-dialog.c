/* mscos-preferences-dialog.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mscos-preferences-dialog"

#include "config.h"

#include "mscos-preferences-dialog.h"

/* The app's preferences, each bound to its GSettings key so that a change applies at once: the
 * application and the window listen to the keys. */

struct _MscosPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  AdwSpinRow           *text_size_row;
  AdwComboRow          *style_row;
  AdwComboRow          *links_row;
  AdwSwitchRow         *remember_row;
  AdwSwitchRow         *shell_search_row;
  AdwSwitchRow         *quick_exit_row;
  AdwEntryRow          *reviewer_name_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (MscosPreferencesDialog, mscos_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static gboolean
scale_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);

  return TRUE;
}

static GVariant *
percent_to_scale (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

/* Maps a choice of a combo row to the enum key's value of the same position, and back. */
static gboolean
enum_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nick, nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static void
mscos_preferences_dialog_dispose (GObject *object)
{
  MscosPreferencesDialog *self = MSCOS_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MSCOS_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mscos_preferences_dialog_parent_class)->dispose (object);
}

static void
mscos_preferences_dialog_class_init (MscosPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mscos_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mscos-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MscosPreferencesDialog, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, MscosPreferencesDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, MscosPreferencesDialog, links_row);
  gtk_widget_class_bind_template_child (widget_class, MscosPreferencesDialog, remember_row);
  gtk_widget_class_bind_template_child (widget_class, MscosPreferencesDialog, shell_search_row);
  gtk_widget_class_bind_template_child (widget_class, MscosPreferencesDialog, quick_exit_row);
  gtk_widget_class_bind_template_child (widget_class, MscosPreferencesDialog, reviewer_name_row);
}

static void
mscos_preferences_dialog_init (MscosPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mscos_preferences_dialog_new:
 * @settings: the app's settings
 *
 * Returns: (transfer floating): the preferences dialog
 */
AdwDialog *
mscos_preferences_dialog_new (GSettings *settings)
{
  static const char * const styles[] = { "system", "light", "dark", NULL };
  static const char * const links[] = { "in-app", "in-browser", NULL };
  MscosPreferencesDialog *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MSCOS_TYPE_PREFERENCES_DIALOG, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "text-scale", self->text_size_row, "value",
                                G_SETTINGS_BIND_DEFAULT, scale_to_percent, percent_to_scale, NULL, NULL);
  g_settings_bind_with_mapping (settings, "style-variant", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_position, position_to_enum,
                                (gpointer) styles, NULL);
  g_settings_bind_with_mapping (settings, "open-links", self->links_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_position, position_to_enum,
                                (gpointer) links, NULL);
  g_settings_bind (settings, "remember-last-outcome", self->remember_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "shell-search", self->shell_search_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-quick-exit", self->quick_exit_row, "active", G_SETTINGS_BIND_DEFAULT);
  /* As typed: the comment editor trims it when it puts it on a comment. */
  g_settings_bind (settings, "reviewer-name", self->reviewer_name_row, "text", G_SETTINGS_BIND_DEFAULT);

  return ADW_DIALOG (self);
}
