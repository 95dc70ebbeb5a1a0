/* test-word-diff.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mscos-word-diff.h"

/* Checks what every difference must hold, whatever the texts: the spans rebuild both texts,
 * equal spans are equal, and no range splits a character or a character from its marks. */
static void
check_spans (const char *old_text,
             const char *new_text,
             GArray     *spans)
{
  g_autoptr (GString) old_rebuilt = g_string_new (NULL);
  g_autoptr (GString) new_rebuilt = g_string_new (NULL);
  gsize old_at = 0, new_at = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const MscosWordDiffSpan *span = &g_array_index (spans, MscosWordDiffSpan, i);
      gsize old_length = span->old_end - span->old_start;
      gsize new_length = span->new_end - span->new_start;
      gsize offsets[] = { span->old_start, span->old_end };
      gsize new_offsets[] = { span->new_start, span->new_end };

      g_assert_cmpuint (span->old_start, ==, old_at);
      g_assert_cmpuint (span->new_start, ==, new_at);
      g_assert_cmpuint (span->old_end, >=, span->old_start);
      g_assert_cmpuint (span->new_end, >=, span->new_start);

      switch (span->op)
        {
        case MSCOS_WORD_DIFF_EQUAL:
          g_assert_cmpuint (old_length, ==, new_length);
          g_assert_cmpint (memcmp (old_text + span->old_start, new_text + span->new_start,
                                   old_length), ==, 0);
          g_assert_cmpuint (old_length, >, 0);
          break;

        case MSCOS_WORD_DIFF_DELETED:
          g_assert_cmpuint (new_length, ==, 0);
          g_assert_cmpuint (old_length, >, 0);
          break;

        case MSCOS_WORD_DIFF_INSERTED:
          g_assert_cmpuint (old_length, ==, 0);
          g_assert_cmpuint (new_length, >, 0);
          break;

        default:
          g_assert_not_reached ();
        }

      for (guint j = 0; j < 2; j++)
        {
          const char *o = old_text + offsets[j];
          const char *n = new_text + new_offsets[j];

          /* On a character boundary, and not before a combining mark. */
          g_assert_true (((guchar) *o & 0xc0) != 0x80);
          g_assert_true (((guchar) *n & 0xc0) != 0x80);
          if (*o != '\0' && offsets[j] > 0)
            g_assert_false (g_unichar_ismark (g_utf8_get_char (o)));
          if (*n != '\0' && new_offsets[j] > 0)
            g_assert_false (g_unichar_ismark (g_utf8_get_char (n)));
        }

      g_string_append_len (old_rebuilt, old_text + span->old_start, old_length);
      g_string_append_len (new_rebuilt, new_text + span->new_start, new_length);
      old_at = span->old_end;
      new_at = span->new_end;
    }

  g_assert_cmpstr (old_rebuilt->str, ==, old_text);
  g_assert_cmpstr (new_rebuilt->str, ==, new_text);
}

/* Returns the difference as "=same|-deleted|+inserted|=same". */
static char *
describe (const char *old_text,
          const char *new_text,
          gboolean   *coarse)
{
  g_autoptr (GArray) spans = mscos_word_diff (old_text, new_text, coarse);
  GString *text = g_string_new (NULL);

  check_spans (old_text, new_text, spans);

  for (guint i = 0; i < spans->len; i++)
    {
      const MscosWordDiffSpan *span = &g_array_index (spans, MscosWordDiffSpan, i);

      if (i > 0)
        g_string_append_c (text, '|');
      switch (span->op)
        {
        case MSCOS_WORD_DIFF_EQUAL:
          g_string_append_c (text, '=');
          g_string_append_len (text, old_text + span->old_start, span->old_end - span->old_start);
          break;

        case MSCOS_WORD_DIFF_DELETED:
          g_string_append_c (text, '-');
          g_string_append_len (text, old_text + span->old_start, span->old_end - span->old_start);
          break;

        case MSCOS_WORD_DIFF_INSERTED:
          g_string_append_c (text, '+');
          g_string_append_len (text, new_text + span->new_start, span->new_end - span->new_start);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (text, FALSE);
}

static void
assert_diff (const char *old_text,
             const char *new_text,
             const char *expected)
{
  gboolean coarse = TRUE;
  g_autofree char *described = describe (old_text, new_text, &coarse);

  g_assert_cmpstr (described, ==, expected);
  g_assert_false (coarse);
}

static void
test_identical (void)
{
  assert_diff ("Safety from any trafficker", "Safety from any trafficker",
               "=Safety from any trafficker");
  assert_diff ("", "", "");
}

static void
test_from_and_to_nothing (void)
{
  assert_diff ("", "New words.", "+New words.");
  assert_diff ("Old words.", "", "-Old words.");
}

static void
test_replaced_word (void)
{
  assert_diff ("Survivors need secure housing.", "Survivors need suitable housing.",
               "=Survivors need |-secure|+suitable|= housing.");
  assert_diff ("Survivors need housing.", "Survivors urgently need housing.",
               "=Survivors |+urgently |=need housing.");
  assert_diff ("Survivors urgently need housing.", "Survivors need housing.",
               "=Survivors |-urgently |=need housing.");
}

static void
test_punctuation (void)
{
  /* Each punctuation mark is a token of its own. */
  assert_diff ("Safety, support and housing.", "Safety; support and housing!",
               "=Safety|-,|+;|= support and housing|-.|+!");
}

static void
test_short_equalities_join_edits (void)
{
  /* The space between two replaced words is not shown as unchanged. */
  assert_diff ("the quick brown fox", "the slow red fox",
               "=the |-quick brown|+slow red|= fox");
  /* A word that stayed between two long edits is part of one edit… */
  assert_diff ("identification of victims of trafficking is slow",
               "recognition by professionals of people exploited is slow",
               "-identification of victims of trafficking|+recognition by professionals of people "
               "exploited|= is slow");
  /* …but one longer than the edits around it is not. */
  assert_diff ("A quick survivor-led evaluation of a pilot",
               "A slow survivor-led evaluation of the pilot",
               "=A |-quick|+slow|= survivor-led evaluation of |-a|+the|= pilot");
}

static void
test_accented (void)
{
  assert_diff ("Le café de São Paulo à Zürich", "Le cafe de São Paulo à Zurich",
               "=Le |-café|+cafe|= de São Paulo à |-Zürich|+Zurich");
  assert_diff ("Kraków: ochrona ofiar handlu ludźmi", "Kraków: ochrona osób handlu ludźmi",
               "=Kraków: ochrona |-ofiar|+osób|= handlu ludźmi");
}

static void
test_combining_marks (void)
{
  /* "café" written with a combining acute accent: the mark stays with its letter. */
  assert_diff ("un cafe\xcc\x81 noir", "un cafe noir",
               "=un |-cafe\xcc\x81|+cafe|= noir");
  assert_diff ("un cafe\xcc\x81 noir", "un cafe\xcc\x80 noir",
               "=un |-cafe\xcc\x81|+cafe\xcc\x80|= noir");
  /* A mark after a space or a punctuation mark stays with it too. */
  assert_diff ("a \xcc\x81 b", "a \xcc\x80 b", "=a|- \xcc\x81|+ \xcc\x80|= b");
}

static void
test_other_scripts (void)
{
  assert_diff ("Ασφάλεια για όλους τους επιζώντες", "Ασφάλεια για τους επιζώντες",
               "=Ασφάλεια για |-όλους |=τους επιζώντες");
  assert_diff ("Безпека для всіх, хто вижив", "Безпека та житло для всіх, хто вижив",
               "=Безпека |+та житло |=для всіх, хто вижив");
  /* Japanese has no spaces: each character is a token. */
  assert_diff ("生存者の安全と住宅", "生存者の安全と教育",
               "=生存者の安全と|-住宅|+教育");
}

static void
test_emoji (void)
{
  /* A flag is two regional indicators; a ZWJ sequence is one picture. */
  assert_diff ("\xf0\x9f\x87\xac\xf0\x9f\x87\xa7 team", "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7 team",
               "-\xf0\x9f\x87\xac\xf0\x9f\x87\xa7|+\xf0\x9f\x87\xab\xf0\x9f\x87\xb7|= team");
  assert_diff ("a \xf0\x9f\x91\xa9\xe2\x80\x8d\xe2\x9a\x95\xef\xb8\x8f here",
               "a \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x8f\xab here",
               "=a |-\xf0\x9f\x91\xa9\xe2\x80\x8d\xe2\x9a\x95\xef\xb8\x8f|+"
               "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x8f\xab|= here");
}

static void
test_renumbering (void)
{
  /* A recommendation's label, and its label shown before its text. */
  assert_diff ("3.", "4.", "-3|+4|=.");
  assert_diff ("(ii)", "(iii)", "=(|-ii|+iii|=)");
  assert_diff ("3. Provide legal aid before the interview.",
               "4. Provide legal aid before the interview.",
               "-3|+4|=. Provide legal aid before the interview.");
  assert_diff ("9. Provide legal aid.", "10. Provide free legal aid.",
               "-9|+10|=. Provide |+free |=legal aid.");
}

static void
test_line_breaks (void)
{
  assert_diff ("First paragraph.\n\nSecond paragraph.", "First paragraph.\nSecond paragraph.",
               "=First paragraph.|-\n\n|+\n|=Second paragraph.");
}

static GString *
random_words (GRand *rand,
              guint  n_words)
{
  static const char * const words[] = {
    "survivor", "safety", "housing", "café", "Zürich", "Україна", "日本", "cafe\xcc\x81",
    "support", "the", "of", "and", "to", "1.", "(ii)", "—", "“quoted”", ",", ".",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append (text, g_rand_int_range (rand, 0, 20) == 0 ? "\n" : " ");
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  return text;
}

/* Changes one word in @every of @text's words. */
static GString *
edit_words (GRand      *rand,
            const char *text,
            guint       every)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  GString *edited = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (edited, ' ');
      if (g_rand_int_range (rand, 0, every) == 0)
        g_string_append (edited, "trauma-informed");
      else
        g_string_append (edited, words[i]);
    }

  return edited;
}

static void
test_random_texts (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (15);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr (GString) a = random_words (rand, g_rand_int_range (rand, 0, 40));
      g_autoptr (GString) b = g_rand_boolean (rand)
                              ? random_words (rand, g_rand_int_range (rand, 0, 40))
                              : edit_words (rand, a->str, 4);
      g_autofree char *described = describe (a->str, b->str, NULL);
    }
}

static void
test_long_texts (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1);
  /* About 60 KB each, near the largest string a pack may hold. */
  g_autoptr (GString) a = random_words (rand, 9000);
  g_autoptr (GString) edited = edit_words (rand, a->str, 80);
  g_autoptr (GString) other = random_words (rand, 9000);
  g_autoptr (GArray) spans = NULL;
  gboolean coarse = TRUE;
  guint n_edits = 0;

  g_assert_cmpuint (a->len, >, 50000);

  /* A hundred scattered edits are found word by word. */
  spans = mscos_word_diff (a->str, edited->str, &coarse);
  check_spans (a->str, edited->str, spans);
  g_assert_false (coarse);
  for (guint i = 0; i < spans->len; i++)
    if (g_array_index (spans, MscosWordDiffSpan, i).op == MSCOS_WORD_DIFF_INSERTED)
      n_edits++;
  g_assert_cmpuint (n_edits, >, 50);
  g_assert_cmpuint (n_edits, <, 200);
  g_clear_pointer (&spans, g_array_unref);

  /* Two unrelated texts are beyond the bound: the difference falls back to sentences and
   * whole runs, and is still exact. */
  spans = mscos_word_diff (a->str, other->str, &coarse);
  check_spans (a->str, other->str, spans);
  g_assert_true (coarse);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/word-diff/identical", test_identical);
  g_test_add_func ("/core/word-diff/from-and-to-nothing", test_from_and_to_nothing);
  g_test_add_func ("/core/word-diff/replaced-word", test_replaced_word);
  g_test_add_func ("/core/word-diff/punctuation", test_punctuation);
  g_test_add_func ("/core/word-diff/short-equalities-join-edits", test_short_equalities_join_edits);
  g_test_add_func ("/core/word-diff/accented", test_accented);
  g_test_add_func ("/core/word-diff/combining-marks", test_combining_marks);
  g_test_add_func ("/core/word-diff/other-scripts", test_other_scripts);
  g_test_add_func ("/core/word-diff/emoji", test_emoji);
  g_test_add_func ("/core/word-diff/renumbering", test_renumbering);
  g_test_add_func ("/core/word-diff/line-breaks", test_line_breaks);
  g_test_add_func ("/core/word-diff/random-texts", test_random_texts);
  g_test_add_func ("/core/word-diff/long-texts", test_long_texts);

  return g_test_run ();
}
