/* write-synthetic-pack.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a synthetic pack of one outcome page for the benchmarks that run the app:
 *
 *   write-synthetic-pack N-ITEMS SEED FILE */

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>

#include "synthetic-pack.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  const char *data;

  if (argc != 4)
    {
      g_printerr ("usage: %s N-ITEMS SEED FILE\n", argv[0]);
      return EXIT_FAILURE;
    }

  bytes = synthetic_pack_new_outcome ((guint) g_ascii_strtoull (argv[1], NULL, 10),
                                      (guint) g_ascii_strtoull (argv[2], NULL, 10));
  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents (argv[3], data, length, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
