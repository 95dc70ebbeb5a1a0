/* fuzz-content-pack.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the content-pack loader: any bytes must give either a pack or an
 * error, never both or neither, and never a crash, an assertion, a critical, a leak, undefined
 * behaviour or a hang. A pack that loads is walked once, as the app would show it. */

#define G_LOG_DOMAIN "fuzz-content-pack"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mscos-content-pack.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
fail (const char *message)
{
  g_printerr ("fuzz-content-pack: %s\n", message);
  abort ();
}

/* The message is printed to a terminal by --validate, where an escape sequence would act. */
static gboolean
holds_control_character (const char *message)
{
  for (const char *p = message; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

static void
walk_item_cb (gpointer item_pointer,
              gpointer user_data)
{
  MscosItem *item = item_pointer;
  MscosContentPack *pack = user_data;
  g_autofree char *title = mscos_item_dup_display_title (item);
  g_autofree char *attribution = mscos_item_dup_attribution (item);
  g_autofree char *credit = mscos_item_dup_quote_credit (item);
  GPtrArray *corrections = mscos_item_get_corrections (item);
  GPtrArray *phones = mscos_item_get_phones (item);
  g_autofree char *text = mscos_item_dup_plain_text (item);
  g_autofree char *digest = mscos_item_dup_digest (item);
  MscosItem *found = mscos_content_pack_lookup_item (pack, mscos_item_get_id (item));

  /* Groups have ids that no other item may take, but are not looked up by them. */
  if (mscos_item_is_bookmarkable (item) ? found != item : found != NULL)
    fail ("looking an item up by its id does not find it");
  if (!g_utf8_validate (text, -1, NULL))
    fail ("an item's plain text is not valid UTF-8");

  if (mscos_item_get_container (item) == NULL)
    fail ("an item has no container");

  if ((mscos_item_get_kind (item) == MSCOS_ITEM_QUOTE) != (credit != NULL))
    fail ("a quotation without a credit line, or another item with one");
  if (mscos_item_get_kind (item) == MSCOS_ITEM_QUOTE && corrections->len > 0)
    fail ("a quotation with corrections");
  for (guint i = 0; i < corrections->len; i++)
    {
      MscosCorrection *correction = g_ptr_array_index (corrections, i);

      if (strstr (text, correction->corrected) == NULL)
        fail ("a correction whose corrected text is not in the item's text");
    }
  for (guint i = 0; i < phones->len; i++)
    if (strstr (text, ((MscosPhone *) g_ptr_array_index (phones, i))->number) == NULL)
      fail ("a telephone number that is not in the item's text");
}

static void
walk_pack (MscosContentPack *pack)
{
  GListModel *outcomes = mscos_content_pack_get_outcomes (pack);
  guint n_outcomes = g_list_model_get_n_items (outcomes);

  for (guint i = 0; i < n_outcomes; i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);

      if (mscos_content_pack_lookup_outcome (pack, mscos_outcome_get_id (outcome)) == NULL)
        fail ("an outcome is not found by its own id");
    }

  mscos_content_pack_foreach_item (pack, walk_item_cb, pack);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical is a failed precondition: as fatal as an assertion, even outside the test
   * environment, which also sets G_DEBUG=fatal-criticals. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* GBytes copies the input into a buffer of exactly its size, so that AddressSanitizer
   * catches any read past its end; the loader must not need a terminating NUL. */
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GError) error = NULL;

  pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);

  if ((pack == NULL) == (error == NULL))
    fail (pack ? "both a pack and an error" : "neither a pack nor an error");

  if (error != NULL)
    {
      if (error->domain != MSCOS_CONTENT_ERROR)
        fail ("an error outside MSCOS_CONTENT_ERROR");
      if (error->message == NULL || *error->message == '\0'
          || !g_utf8_validate (error->message, -1, NULL))
        fail ("an error message that is empty or not valid UTF-8");
      if (holds_control_character (error->message))
        fail ("an error message holds a control character other than a line break");
    }
  else
    {
      walk_pack (pack);
    }

  return 0;
}
