/* synthetic-pack.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "synthetic-pack.h"

/* Large, valid content packs for benchmarks, from a vocabulary that has accented and
 * multi-byte words; the same seed gives the same bytes. synthetic_pack_new() spreads its items
 * over ten outcomes, about 1 KB of text an item; synthetic_pack_new_outcome() puts them all on
 * one outcome page, as a partner's large pack or a committee's review would. */

static const char * const words[] = {
  "survivor", "safety", "housing", "support", "trafficking", "recommendation", "police",
  "legal", "aid", "report", "organisation", "community", "exploitation", "referral",
  "mechanism", "national", "first", "responder", "victim", "navigator", "compensation",
  "trauma-informed", "long-term", "consistent", "education", "healthcare", "local",
  "authority", "guidance", "statutory", "defence", "criminal", "justice", "advocate",
  "helpline", "licensing", "domestic", "worker", "visa", "asylum", "children", "young",
  "people", "café", "naïve", "résumé", "Zürich", "São", "Paulo", "Kraków", "œuvre",
  "straße", "Ελλάδα", "Україна", "日本", "the", "of", "and", "to", "in", "for", "with",
  "on", "is", "are", "be", "should", "must", "their", "from", "at", "by", "an", "a",
};

static void
append_words (GString *json,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (json, ' ');
      g_string_append (json, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
}

static void
append_text_member (GString    *json,
                    const char *name,
                    GRand      *rand,
                    guint       n_words)
{
  g_string_append_printf (json, "\"%s\": \"", name);
  append_words (json, rand, n_words);
  g_string_append (json, "\"");
}

/* Returns how many items it wrote: the set itself and its recommendations. */
static guint
append_recommendations (GString *json,
                        GRand   *rand,
                        guint    outcome,
                        guint    index)
{
  g_string_append_printf (json, "{\"id\": \"o%u.set-%u\", \"kind\": \"recommendations\", ", outcome, index);
  append_text_member (json, "title", rand, 6);
  g_string_append (json, ", \"groups\": [{\"style\": \"numbered\", \"items\": [");
  for (guint i = 0; i < 4; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"o%u.set-%u.%u\", ", i ? ", " : "", outcome, index, i);
      append_text_member (json, "text", rand, 62);
      g_string_append (json, "}");
    }
  g_string_append (json, "]}]}");

  return 5;
}

static void
append_resource (GString *json,
                 GRand   *rand,
                 guint    outcome,
                 guint    index)
{
  g_string_append_printf (json, "{\"id\": \"o%u.item-%u\", \"kind\": \"resource\", ", outcome, index);
  append_text_member (json, "title", rand, 8);
  g_string_append (json, ", ");
  append_text_member (json, "organisation", rand, 3);
  g_string_append (json, ", \"type\": \"report\", ");
  append_text_member (json, "summary", rand, 62);
  g_string_append (json, ", \"body\": [{\"type\": \"paragraph\", ");
  append_text_member (json, "text", rand, 160);
  g_string_append (json, "}, {\"type\": \"list\", \"style\": \"bulleted\", \"items\": [\"");
  append_words (json, rand, 19);
  g_string_append (json, "\", \"");
  append_words (json, rand, 19);
  g_string_append_printf (json, "\"]}], \"links\": [{\"title\": \"Report page\", "
                          "\"uri\": \"https://example.org/report/%u/%u\"}]}", outcome, index);
}

static void
append_quote (GString *json,
              GRand   *rand,
              guint    outcome,
              guint    index)
{
  g_string_append_printf (json, "{\"id\": \"o%u.item-%u\", \"kind\": \"quote\", ", outcome, index);
  append_text_member (json, "text", rand, 100);
  g_string_append (json, ", ");
  append_text_member (json, "speaker", rand, 2);
  g_string_append (json, ", \"role\": \"MSCOS Research Advisory Board\"}");
}

/**
 * synthetic_pack_new:
 * @n_items: how many items with an id to write, single recommendations included
 * @seed: the seed of the words
 *
 * Returns: (transfer full): the pack's JSON text
 */
GBytes *
synthetic_pack_new (guint n_items,
                    guint seed)
{
  GString *json = g_string_sized_new (n_items * 1100);
  GRand *rand = g_rand_new_with_seed (seed);
  const guint n_outcomes = 10;
  guint written = 0;

  g_string_append (json, "{\n\"format\": \"mscos-content-pack\", \"version\": 1,\n"
                         "\"pack\": {\"id\": \"test.synthetic\", \"title\": \"Synthetic\", "
                         "\"revision\": \"1\", \"date\": \"2026-11-28\", \"language\": \"en-GB\"},\n"
                         "\"outcomes\": [\n");

  for (guint outcome = 0; outcome < n_outcomes; outcome++)
    {
      guint quota = (n_items - written) / (n_outcomes - outcome);
      guint in_outcome = 0;

      g_string_append_printf (json, "%s{\"id\": \"o%u\", \"group\": \"core-outcome\", ",
                              outcome ? ",\n" : "", outcome);
      append_text_member (json, "title", rand, 4);
      g_string_append (json, ", ");
      append_text_member (json, "summary", rand, 12);
      g_string_append (json, ", \"descriptor\": [{\"type\": \"paragraph\", ");
      append_text_member (json, "text", rand, 60);
      g_string_append_printf (json, "}],\n\"sections\": [{\"id\": \"o%u.section\", \"title\": \"Resources\", "
                              "\"items\": [\n", outcome);

      for (guint index = 0; in_outcome < quota; index++)
        {
          if (index > 0)
            g_string_append (json, ",\n");

          if (index % 4 == 3 && quota - in_outcome >= 5)
            {
              in_outcome += append_recommendations (json, rand, outcome, index);
              continue;
            }

          if (index % 2 == 0)
            append_resource (json, rand, outcome, index);
          else
            append_quote (json, rand, outcome, index);
          in_outcome++;
        }

      g_string_append (json, "\n]}]}");
      written += in_outcome;
    }

  g_string_append (json, "\n]}\n");
  g_rand_free (rand);

  return g_string_free_to_bytes (json);
}

static void
append_set_of_ten (GString *json,
                   GRand   *rand,
                   guint    index)
{
  g_string_append_printf (json, "{\"id\": \"page.set-%u\", \"kind\": \"recommendations\", ", index);
  append_text_member (json, "title", rand, 6);
  g_string_append (json, ", \"groups\": [{\"style\": \"numbered\", \"items\": [");
  for (guint i = 0; i < 10; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"page.set-%u.%u\", ", i ? ", " : "", index, i);
      append_text_member (json, "text", rand, 24);
      g_string_append (json, "}");
    }
  g_string_append (json, "]}]}");
}

static void
append_page_resource (GString *json,
                      GRand   *rand,
                      guint    index)
{
  g_string_append_printf (json, "{\"id\": \"page.item-%u\", \"kind\": \"resource\", ", index);
  append_text_member (json, "title", rand, 8);
  g_string_append (json, ", ");
  append_text_member (json, "organisation", rand, 3);
  g_string_append (json, ", \"type\": \"report\", ");
  append_text_member (json, "summary", rand, 40);
  g_string_append (json, ", \"body\": [{\"type\": \"paragraph\", ");
  append_text_member (json, "text", rand, 90);
  g_string_append (json, "}, {\"type\": \"list\", \"style\": \"bulleted\", \"items\": [\"");
  append_words (json, rand, 12);
  g_string_append (json, "\", \"");
  append_words (json, rand, 12);
  g_string_append_printf (json, "\"]}], \"links\": [{\"title\": \"Report page\", "
                          "\"uri\": \"https://example.org/report/%u\"}]}", index);
}

static void
append_page_quote (GString *json,
                   GRand   *rand,
                   guint    index)
{
  g_string_append_printf (json, "{\"id\": \"page.item-%u\", \"kind\": \"quote\", ", index);
  append_text_member (json, "text", rand, 70);
  g_string_append (json, ", ");
  append_text_member (json, "speaker", rand, 2);
  g_string_append (json, ", \"role\": \"MSCOS Research Advisory Board\"}");
}

/**
 * synthetic_pack_new_outcome:
 * @n_items: how many items the page has, not counting the recommendations inside sets
 * @seed: the seed of the words
 *
 * One outcome whose sections of a hundred items hold, in turn, a quote, a resource with its
 * full text and links, and a set of ten recommendations: about 1.5 KB a page item.
 *
 * Returns: (transfer full): the pack's JSON text
 */
GBytes *
synthetic_pack_new_outcome (guint n_items,
                            guint seed)
{
  GString *json = g_string_sized_new (n_items * 1600);
  GRand *rand = g_rand_new_with_seed (seed);

  g_string_append (json, "{\n\"format\": \"mscos-content-pack\", \"version\": 1,\n"
                         "\"pack\": {\"id\": \"test.synthetic-page\", \"title\": \"Synthetic page\", "
                         "\"revision\": \"1\", \"date\": \"2026-11-28\", \"language\": \"en-GB\"},\n"
                         "\"outcomes\": [{\"id\": \"page\", \"group\": \"core-outcome\", ");
  g_string_append_printf (json, "\"title\": \"A page of %u items\", ", n_items);
  append_text_member (json, "summary", rand, 12);
  g_string_append (json, ", \"descriptor\": [{\"type\": \"paragraph\", ");
  append_text_member (json, "text", rand, 60);
  g_string_append (json, "}],\n\"sections\": [");

  for (guint index = 0; index < n_items; index++)
    {
      if (index % 100 == 0)
        {
          g_string_append_printf (json, "%s{\"id\": \"page.section-%u\", \"title\": \"Section %u\", "
                                  "\"items\": [\n", index ? "\n]},\n" : "\n", index / 100, index / 100 + 1);
        }
      else
        {
          g_string_append (json, ",\n");
        }

      switch (index % 3)
        {
        case 0:
          append_page_quote (json, rand, index);
          break;
        case 1:
          append_page_resource (json, rand, index);
          break;
        default:
          append_set_of_ten (json, rand, index);
          break;
        }
    }

  g_string_append (json, n_items > 0 ? "\n]}\n]}]}\n" : "]}]}\n");
  g_rand_free (rand);

  return g_string_free_to_bytes (json);
}
