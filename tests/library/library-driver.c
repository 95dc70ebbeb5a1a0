/* library-driver.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The crash test's victim: loads the library at the path it is given, then edits it for ever
 * as crash-model.h says, and after each save prints "saved N", N being the last edit that
 * save holds. The test kills it at a random moment and checks the file. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "crash-driver.h"
#include "crash-model.h"
#include "mscos-library.h"

typedef struct
{
  MscosLibrary *library;
  GPtrArray    *items;
} Driver;

static void
edit (guint64  n,
      gpointer user_data)
{
  Driver *driver = user_data;
  g_autofree char *text = NULL;

  text = crash_note_text (n);
  mscos_library_set_note (driver->library, CRASH_PACK_ID,
                          g_ptr_array_index (driver->items, n % CRASH_N_ITEMS), text);

  if (n % 3 == 0)
    {
      MscosItem *item = g_ptr_array_index (driver->items, (n / 3) % CRASH_N_ITEMS);
      MscosLibraryEntry *entry = mscos_library_lookup (driver->library, CRASH_PACK_ID,
                                                       mscos_item_get_id (item));

      mscos_library_set_bookmarked (driver->library, CRASH_PACK_ID, item,
                                    entry == NULL || !mscos_library_entry_get_bookmarked (entry));
    }
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Driver *driver = user_data;
  g_autoptr (GError) error = NULL;
  GListModel *entries;
  guint64 first_edit = 0;
  guint n;

  if (!mscos_library_load_finish (driver->library, result, &error))
    g_error ("Could not load the library: %s", error->message);

  if (mscos_library_get_load_problem (driver->library) != NULL)
    g_error ("%s", mscos_library_get_load_problem (driver->library));

  /* Go on from where the last run stopped. */
  entries = mscos_library_get_entries (driver->library);
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MscosLibraryEntry) entry = g_list_model_get_item (entries, i);

      first_edit = MAX (first_edit, crash_note_edit (mscos_library_entry_get_note (entry)));
    }

  crash_driver_start (MSCOS_DURABLE_STORE (driver->library), first_edit, edit, driver);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  Driver driver = { 0, };

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s LIBRARY-FILE\n", argv[0]);
      return EXIT_FAILURE;
    }

  bytes = crash_pack_new ();
  pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  if (pack == NULL)
    g_error ("%s", error->message);

  driver.items = g_ptr_array_new ();
  for (guint k = 0; k < CRASH_N_ITEMS; k++)
    {
      g_autofree char *id = crash_item_id (k);

      g_ptr_array_add (driver.items, mscos_content_pack_lookup_item (pack, id));
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  driver.library = mscos_library_new (file);
  /* Save as often as possible, so that kills often land during a write. */
  mscos_library_set_save_delays (driver.library, 0, 0);
  mscos_library_load_async (driver.library, NULL, loaded_cb, &driver);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);

  return EXIT_SUCCESS;
}
