/* review-tool.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The core of the committee-review command-line modes, without the application, for tests
 * and for trying the core by hand until `mscos-outcomes --diff` and `--merge-reviews` call
 * the same functions (src/mscos-command-line.c):
 *
 *   review-tool diff OLD.json NEW.json [--json]     exit 0 same, 1 different, 2 trouble
 *   review-tool merge OUTPUT INPUT.jsonld…          the format by OUTPUT's extension
 */

#include "config.h"

#include <locale.h>

#include "mscos-pack-diff.h"
#include "mscos-review-merge.h"

static MscosContentPack *
load (const char  *path,
      GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

  return mscos_content_pack_load (file, NULL, error);
}

static int
run_diff (int    argc,
          char **argv)
{
  g_autoptr (MscosContentPack) old_pack = NULL;
  g_autoptr (MscosContentPack) new_pack = NULL;
  g_autoptr (MscosPackDiff) diff = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean json = argc == 5 && g_strcmp0 (argv[4], "--json") == 0;

  if (argc != 4 && !json)
    {
      g_printerr ("usage: review-tool diff OLD.json NEW.json [--json]\n");
      return 2;
    }

  if ((old_pack = load (argv[2], &error)) == NULL || (new_pack = load (argv[3], &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  diff = mscos_pack_diff_new (old_pack, new_pack);
  output = json ? mscos_pack_diff_format_json (diff) : mscos_pack_diff_format_lines (diff);
  g_print ("%s%s", output, json ? "\n" : "");

  return mscos_pack_diff_is_empty (diff) ? 0 : 1;
}

static int
run_merge (int    argc,
           char **argv)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GBytes) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;

  if (argc < 4)
    {
      g_printerr ("usage: review-tool merge OUTPUT INPUT.jsonld…\n");
      return 2;
    }

  for (int i = 3; i < argc; i++)
    g_ptr_array_add (inputs, g_file_new_for_commandline_arg (argv[i]));

  table = mscos_review_merge_files ((GFile **) inputs->pdata, inputs->len, argv[2], NULL,
                                    &report, NULL, &error);
  if (table == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* Exports are private files. */
  if (!g_file_set_contents_full (argv[2], g_bytes_get_data (table, NULL), g_bytes_get_size (table),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  g_print ("%s", report);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc >= 2 && g_strcmp0 (argv[1], "diff") == 0)
    return run_diff (argc, argv);
  if (argc >= 2 && g_strcmp0 (argv[1], "merge") == 0)
    return run_merge (argc, argv);

  g_printerr ("usage: review-tool diff OLD.json NEW.json [--json]\n"
              "       review-tool merge OUTPUT INPUT.jsonld…\n");
  return 2;
}
