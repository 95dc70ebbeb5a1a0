/* crash-driver.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the crash test's victims share: once the store is loaded, edit it for ever, a few edits
 * every millisecond, and after each save print "saved N", N being the last edit that save
 * holds. The test kills the victim at a random moment and checks that the file holds at least
 * the last edit reported. */

#include "config.h"

#include <stdio.h>

#include "crash-driver.h"

/* Edits made on each tick of 1 ms. */
#define EDITS_PER_TICK 3

typedef struct
{
  MscosDurableStore *store;
  CrashEditFunc      edit;
  gpointer           user_data;
  /* The edit that the store held when it was loaded. */
  guint64            first_edit;
  guint64            last_edit;
  /* change_counts[i]: the store's change count after edit first_edit + 1 + i. */
  GArray            *change_counts;
  guint              reported;
} CrashDriver;

static gboolean
tick_cb (gpointer user_data)
{
  CrashDriver *driver = user_data;

  for (guint i = 0; i < EDITS_PER_TICK; i++)
    {
      guint64 change_count;

      driver->edit (++driver->last_edit, driver->user_data);
      change_count = mscos_durable_store_get_change_count (driver->store);
      g_array_append_val (driver->change_counts, change_count);
    }

  return G_SOURCE_CONTINUE;
}

static void
saved_cb (MscosDurableStore *store,
          CrashDriver       *driver)
{
  guint64 saved = mscos_durable_store_get_saved_change_count (store);

  /* Saves come in order, so the search goes on from the last one. */
  while (driver->reported < driver->change_counts->len &&
         g_array_index (driver->change_counts, guint64, driver->reported) <= saved)
    driver->reported++;

  if (driver->reported > 0)
    {
      printf ("saved %" G_GUINT64_FORMAT "\n", driver->first_edit + driver->reported);
      fflush (stdout);
    }
}

/* From the next tick of the main loop, edits the loaded STORE for ever, from edit
 * FIRST_EDIT + 1 on, calling EDIT for each. The victim is killed, so nothing is freed. */
void
crash_driver_start (MscosDurableStore *store,
                    guint64            first_edit,
                    CrashEditFunc      edit,
                    gpointer           user_data)
{
  CrashDriver *driver = g_new0 (CrashDriver, 1);

  driver->store = store;
  driver->edit = edit;
  driver->user_data = user_data;
  driver->first_edit = first_edit;
  driver->last_edit = first_edit;
  driver->change_counts = g_array_new (FALSE, FALSE, sizeof (guint64));

  g_signal_connect (store, "saved", G_CALLBACK (saved_cb), driver);
  g_timeout_add (1, tick_cb, driver);
}
