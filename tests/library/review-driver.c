/* review-driver.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The crash test's victim for the review file: opens the review of the crash pack
 * (crash-model.h) under the folder it is given, then comments for ever as crash_review_*
 * says, and after each save prints "saved N", N being the last edit that save holds. The test
 * kills it at a random moment and checks the file. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "crash-driver.h"
#include "crash-model.h"
#include "mscos-review-session.h"

typedef struct
{
  MscosReviewSession *session;
  /* comment k, once made */
  GPtrArray          *comments;
} Driver;

static void
edit (guint64  n,
      gpointer user_data)
{
  Driver *driver = user_data;
  guint k = n % CRASH_N_COMMENTS;
  g_autofree char *text = crash_comment_text (k, n);
  MscosReviewComment *comment = g_ptr_array_index (driver->comments, k);

  if (comment == NULL)
    {
      g_autofree char *item_id = crash_item_id (k);

      comment = mscos_review_session_add_comment (driver->session, item_id,
                                                  MSCOS_COMMENT_CHANGE_REQUEST, text,
                                                  "Crash Tester", NULL);
      g_ptr_array_index (driver->comments, k) = comment;
    }
  else
    {
      mscos_review_comment_set_text (comment, text);
    }
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Driver *driver = user_data;
  MscosDurableStore *store = MSCOS_DURABLE_STORE (driver->session);
  GListModel *comments = G_LIST_MODEL (mscos_review_session_get_review (driver->session));
  g_autoptr (GError) error = NULL;
  guint64 first_edit = 0;

  if (!mscos_durable_store_load_finish (store, result, &error))
    g_error ("Could not load the review: %s", error->message);

  if (mscos_durable_store_get_load_problem (store) != NULL)
    g_error ("%s", mscos_durable_store_get_load_problem (store));

  /* Go on from where the last run stopped. */
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr (MscosReviewComment) comment = g_list_model_get_item (comments, i);
      guint k;
      guint64 n = crash_comment_edit (mscos_review_comment_get_text (comment), &k);

      g_assert (k < CRASH_N_COMMENTS);
      g_ptr_array_index (driver->comments, k) = comment;
      first_edit = MAX (first_edit, n);
    }

  crash_driver_start (store, first_edit, edit, driver);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (MscosContentPack) pack = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) folder = NULL;
  Driver driver = { 0, };

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s REVIEWS-FOLDER\n", argv[0]);
      return EXIT_FAILURE;
    }

  bytes = crash_pack_new ();
  pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  if (pack == NULL)
    g_error ("%s", error->message);

  driver.comments = g_ptr_array_new ();
  g_ptr_array_set_size (driver.comments, CRASH_N_COMMENTS);

  folder = g_file_new_for_commandline_arg (argv[1]);
  driver.session = mscos_review_session_new (pack, pack, folder);
  /* Save as often as possible, so that kills often land during a write. */
  mscos_durable_store_set_save_delays (MSCOS_DURABLE_STORE (driver.session), 0, 0);
  mscos_durable_store_load_async (MSCOS_DURABLE_STORE (driver.session), NULL, loaded_cb, &driver);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);

  return EXIT_SUCCESS;
}
