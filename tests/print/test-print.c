/* test-print.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Printing, read back from the PDF as a reader would: print-driver writes PDFs through the
 * command line's function, without a display; poppler's pdftotext and pdfinfo read them.
 * What the pages should say is computed from the pack through the core API, so the tests
 * hold for any revision of the built-in pack. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mscos-print-pdf.h"

#define BUILT_IN_PACK SOURCE_ROOT "/resources/content/mscos.json"
#define MARKUP_PACK SOURCE_ROOT "/tests/print/data/markup.json"
/* How far a word may stray over a margin, in points: pdftotext's boxes are a little wide. */
#define MARGIN_TOLERANCE 1.5

static const char *driver_path;

/* Running things ------------------------------------------------------------------------ */

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_get_environ ();
  char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status;

  /* Printing needs no display. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("%s: %s", argv[0], err);

  *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;

  return out;
}

static char *
run_ok (const char * const *argv)
{
  int status;
  char *out = run (argv, &status);

  g_assert_cmpint (status, ==, 0);

  return out;
}

/* Copies a PDF to $MSCOS_PRINT_TEST_OUTPUT, when set, to be looked at. */
static void
keep_copy (const char *path)
{
  const char *folder = g_getenv ("MSCOS_PRINT_TEST_OUTPUT");
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GFile) source = g_file_new_for_path (path);
  g_autoptr (GFile) copy = NULL;

  if (folder == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  copy = g_file_new_build_filename (folder, name, NULL);
  g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
}

/* Writes a PDF with print-driver; the arguments end with NULL. */
G_GNUC_NULL_TERMINATED static int
export_pdf (const char *output,
            ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (gpointer) driver_path);
  va_start (args, output);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, (gpointer) output);
  g_ptr_array_add (argv, NULL);

  out = run ((const char * const *) argv->pdata, &status);

  keep_copy (output);

  return status;
}

static char *
temp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static MscosContentPack *
load_pack (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  MscosContentPack *pack = mscos_content_pack_load (file, NULL, &error);

  g_assert_no_error (error);

  return pack;
}

/* Text ---------------------------------------------------------------------------------- */

/* Letters and digits only, in order: what is left of words when spacing, punctuation and
 * where lines were cut do not count. */
static char *
dup_alnum (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  GString *result = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

/* Everything but white space, in order: lines cut inside an address join up again. */
static char *
dup_unspaced (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  GString *result = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

static char *
dup_trimmed (const char *line)
{
  return g_strstrip (g_strdup (line));
}

/* The printed pages ---------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *headers;
  GPtrArray *footers;
  /* The text between, one string a page. */
  GPtrArray *bodies;
  /* Every body's lines, in order. */
  GPtrArray *lines;
  char      *body;
} Printed;

static void
printed_free (Printed *printed)
{
  g_ptr_array_unref (printed->headers);
  g_ptr_array_unref (printed->footers);
  g_ptr_array_unref (printed->bodies);
  g_ptr_array_unref (printed->lines);
  g_free (printed->body);
  g_free (printed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Printed, printed_free)

static Printed *
read_pdf (const char *path,
          const char *mode)
{
  const char *argv[] = { "pdftotext", mode, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_ok (argv);
  g_auto (GStrv) pages = g_strsplit (text, "\f", -1);
  Printed *printed = g_new0 (Printed, 1);
  GString *body = g_string_new (NULL);

  printed->headers = g_ptr_array_new_with_free_func (g_free);
  printed->footers = g_ptr_array_new_with_free_func (g_free);
  printed->bodies = g_ptr_array_new_with_free_func (g_free);
  printed->lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_auto (GStrv) lines = g_strsplit (pages[i], "\n", -1);
      GString *page = g_string_new (NULL);
      int first = -1, last = -1;

      for (int j = 0; lines[j] != NULL; j++)
        if (*g_strstrip (g_strdup (lines[j])) != '\0' || FALSE)
          {
            g_autofree char *trimmed = dup_trimmed (lines[j]);

            if (*trimmed == '\0')
              continue;
            if (first < 0)
              first = j;
            last = j;
          }

      /* What follows the last page. */
      if (first < 0)
        {
          g_string_free (page, TRUE);
          continue;
        }

      g_assert_cmpint (first, <, last);
      g_ptr_array_add (printed->headers, dup_trimmed (lines[first]));
      g_ptr_array_add (printed->footers, dup_trimmed (lines[last]));
      for (int j = first + 1; j < last; j++)
        {
          g_string_append (page, lines[j]);
          g_string_append_c (page, '\n');
          g_ptr_array_add (printed->lines, g_strdup (lines[j]));
        }
      g_string_append (body, page->str);
      g_ptr_array_add (printed->bodies, g_string_free (page, FALSE));
    }

  printed->body = g_string_free (body, FALSE);

  return printed;
}

static char *
dup_day (MscosContentPack *pack)
{
  g_autofree char *iso = g_strconcat (mscos_content_pack_get_date (pack), "T00:00:00Z", NULL);
  g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (date);

  return g_date_time_format (date, "%-d %B %Y");
}

/* Every page has the pack's title, revision and date at its head, and its number of the
 * count at its foot, after the part's title. */
static void
check_furniture (Printed          *printed,
                 MscosContentPack *pack,
                 const char       *part_title)
{
  g_autofree char *day = dup_day (pack);
  g_autofree char *revision = g_strdup_printf ("Revision %s,", mscos_content_pack_get_revision (pack));
  guint n = printed->headers->len;

  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      const char *header = g_ptr_array_index (printed->headers, i);
      const char *footer = g_ptr_array_index (printed->footers, i);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n);

      g_assert_true (g_str_has_prefix (header, mscos_content_pack_get_title (pack)));
      g_assert_nonnull (strstr (header, revision));
      g_assert_true (g_str_has_suffix (header, day));
      g_assert_true (g_str_has_suffix (footer, number));
      if (part_title != NULL)
        g_assert_true (g_str_has_prefix (footer, part_title));
    }
}

/* The number in @name="…" of a line of pdftotext's -bbox output. */
static double
get_attribute (const char *line,
               const char *name)
{
  g_autofree char *key = g_strconcat (" ", name, "=\"", NULL);
  const char *found = strstr (line, key);

  g_assert_nonnull (found);

  return g_ascii_strtod (found + strlen (key), NULL);
}

/* Every word pdftotext finds lies inside the margins of its page: nothing ran off the paper
 * or into the margins. */
static void
check_inside_margins (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = run_ok (argv);
  g_auto (GStrv) lines = g_strsplit (html, "\n", -1);
  MscosPageFormat format;
  double width = 0, height = 0;
  guint words = 0;

  mscos_page_format_init (&format, MSCOS_PAPER_A4);

  /* One element a line: <page width="…" height="…">, then its <word xMin="…" …>. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ')
        line++;

      if (g_str_has_prefix (line, "<page "))
        {
          width = get_attribute (line, "width");
          height = get_attribute (line, "height");
        }
      else if (g_str_has_prefix (line, "<word "))
        {
          double x0 = get_attribute (line, "xMin");
          double y0 = get_attribute (line, "yMin");
          double x1 = get_attribute (line, "xMax");
          double y1 = get_attribute (line, "yMax");

          if (x0 < format.margin_left - MARGIN_TOLERANCE
              || x1 > width - format.margin_right + MARGIN_TOLERANCE
              || y0 < format.margin_top - MARGIN_TOLERANCE
              || y1 > height - format.margin_bottom + MARGIN_TOLERANCE)
            g_error ("%s is outside the margins of a %g × %g page", line, width, height);
          words++;
        }
    }

  g_assert_cmpuint (words, >, 0);
}

static void
assert_same_words (const char *printed,
                   const char *expected)
{
  g_autofree char *a = dup_alnum (printed);
  g_autofree char *b = dup_alnum (expected);
  glong i = 0;

  if (strcmp (a, b) == 0)
    return;

  while (a[i] != '\0' && a[i] == b[i])
    i++;
  /* Back to the start of a character. */
  while (i > 0 && (a[i] & 0xc0) == 0x80)
    i--;

  g_error ("The printed words differ from the pack's at byte %ld:\nprinted: …%.80s…\n"
           "expected: …%.80s…", i, a + MAX (0, i - 20), b + MAX (0, i - 20));
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *a = dup_unspaced (haystack);
  g_autofree char *b = dup_unspaced (needle);

  if (strstr (a, b) == NULL)
    g_error ("“%s” is not printed", needle);
}

/* What the pack says, through the core API ------------------------------------------------ */

typedef struct
{
  GString   *words;
  /* Pairs: a quotation, and its attribution or NULL. */
  GPtrArray *quotes;
  GPtrArray *labels;
  GPtrArray *uris;
  GPtrArray *phones;
  GPtrArray *corrections;
} Expected;

static Expected *
expected_new (void)
{
  Expected *expected = g_new0 (Expected, 1);

  expected->words = g_string_new (NULL);
  expected->quotes = g_ptr_array_new_with_free_func (g_free);
  expected->labels = g_ptr_array_new_with_free_func (g_free);
  expected->uris = g_ptr_array_new_with_free_func (g_free);
  expected->phones = g_ptr_array_new_with_free_func (g_free);
  expected->corrections = g_ptr_array_new_with_free_func (g_free);

  return expected;
}

static void
expected_free (Expected *expected)
{
  g_string_free (expected->words, TRUE);
  g_ptr_array_unref (expected->quotes);
  g_ptr_array_unref (expected->labels);
  g_ptr_array_unref (expected->uris);
  g_ptr_array_unref (expected->phones);
  g_ptr_array_unref (expected->corrections);
  g_free (expected);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Expected, expected_free)

static void
say (Expected   *expected,
     const char *text)
{
  if (text == NULL)
    return;

  g_string_append (expected->words, text);
  g_string_append_c (expected->words, '\n');
}

/* Quoted words, and what follows them: "— " and who said them, the sentence saying that the
 * source names nobody, or nothing. */
static void
say_quote (Expected   *expected,
           const char *text,
           const char *attribution,
           const char *credit)
{
  g_autofree char *signed_by = attribution != NULL ? g_strconcat ("— ", attribution, NULL) : NULL;
  const char *after = signed_by != NULL ? signed_by : credit;

  say (expected, text);
  say (expected, after);
  g_ptr_array_add (expected->quotes, g_strdup (text));
  g_ptr_array_add (expected->quotes, g_strdup (after));
}

static void
say_corrections (Expected  *expected,
                 MscosItem *item)
{
  GPtrArray *corrections = mscos_item_get_corrections (item);

  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    {
      const MscosCorrection *correction = g_ptr_array_index (corrections, i);

      say (expected, "Correction: the source has");
      say (expected, correction->original);
      say (expected, "this pack");
      say (expected, correction->corrected);
      say (expected, correction->note);
      g_ptr_array_add (expected->corrections, g_strdup (correction->corrected));
    }
}

static void
say_phones (Expected  *expected,
            MscosItem *item)
{
  GPtrArray *phones = mscos_item_get_phones (item);

  for (guint i = 0; phones != NULL && i < phones->len; i++)
    {
      const MscosPhone *phone = g_ptr_array_index (phones, i);

      say (expected, phone->title);
      say (expected, phone->number);
      g_ptr_array_add (expected->phones, g_strdup (phone->number));
    }
}

static void
say_label (Expected   *expected,
           const char *label)
{
  if (label == NULL)
    return;

  say (expected, label);
  g_ptr_array_add (expected->labels, g_strdup (label));
}

static void
say_link (Expected   *expected,
          const char *title,
          const char *uri)
{
  if (g_strcmp0 (title, uri) != 0)
    say (expected, title);
  say (expected, uri);
  g_ptr_array_add (expected->uris, g_strdup (uri));
}

static void
say_block (Expected         *expected,
           const MscosBlock *block)
{
  switch (mscos_block_get_block_type (block))
    {
    case MSCOS_BLOCK_QUOTE:
      say_quote (expected, mscos_block_get_text (block), mscos_block_get_label (block), NULL);
      return;

    case MSCOS_BLOCK_LIST_ITEM:
      say_label (expected, mscos_block_get_label (block));
      say (expected, mscos_block_get_text (block));
      break;

    case MSCOS_BLOCK_PARAGRAPH:
    case MSCOS_BLOCK_HEADING:
    case MSCOS_BLOCK_LIST:
    default:
      say (expected, mscos_block_get_text (block));
    }

  for (guint i = 0; i < mscos_block_get_n_children (block); i++)
    say_block (expected, mscos_block_get_child (block, i));
}

static void
say_blocks (Expected  *expected,
            GPtrArray *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    say_block (expected, g_ptr_array_index (blocks, i));
}

static void
say_links (Expected  *expected,
           GPtrArray *links)
{
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const MscosLink *link = g_ptr_array_index (links, i);

      say_link (expected, link->title, link->uri);
    }
}

static void say_item (Expected  *expected,
                      MscosItem *item);

static void
say_children (Expected  *expected,
              MscosItem *item)
{
  GListModel *children = mscos_item_get_children (item);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr (MscosItem) child = g_list_model_get_item (children, i);

      say_item (expected, child);
    }
}

static void
say_item (Expected  *expected,
          MscosItem *item)
{
  GPtrArray *sources;

  switch (mscos_item_get_kind (item))
    {
    case MSCOS_ITEM_QUOTE:
      {
        g_autofree char *attribution = mscos_item_dup_attribution (item);
        g_autofree char *credit = mscos_item_dup_quote_credit (item);

        say_quote (expected, mscos_item_get_text (item), attribution, credit);
      }
      break;

    case MSCOS_ITEM_AUDIO:
      say (expected, mscos_item_get_title (item));
      say (expected, mscos_item_get_speaker (item));
      say (expected, mscos_item_get_summary (item));
      sources = mscos_item_get_audio_sources (item);
      for (guint i = 0; sources != NULL && i < sources->len; i++)
        {
          const MscosAudioSource *source = g_ptr_array_index (sources, i);

          if (source->type == MSCOS_AUDIO_SOURCE_PAGE)
            {
              say_link (expected, source->title ? source->title : "Listen on the web", source->uri);
            }
          else
            {
              g_autoptr (GFile) file = g_file_new_for_uri (source->uri);
              g_autofree char *name = g_file_get_basename (file);

              say (expected, "Recording in the app:");
              say (expected, name);
            }
        }
      if (sources == NULL || sources->len == 0)
        say (expected, "The recording is not in this content pack.");
      if (mscos_item_get_blocks (item) != NULL && mscos_item_get_blocks (item)->len > 0)
        {
          say (expected, "Transcript");
          say_blocks (expected, mscos_item_get_blocks (item));
        }
      say_corrections (expected, item);
      break;

    case MSCOS_ITEM_RESOURCE:
      say (expected, mscos_item_get_resource_type_name (mscos_item_get_resource_type (item)));
      say (expected, mscos_item_get_title (item));
      say (expected, mscos_item_get_organisation (item));
      say (expected, mscos_item_get_summary (item));
      say_blocks (expected, mscos_item_get_blocks (item));
      say_links (expected, mscos_item_get_links (item));
      say_phones (expected, item);
      say_corrections (expected, item);
      say_children (expected, item);
      break;

    case MSCOS_ITEM_RECOMMENDATIONS:
      say (expected, mscos_item_get_title (item));
      if (mscos_item_get_organisation (item) != NULL)
        {
          say (expected, "From");
          say (expected, mscos_item_get_organisation (item));
        }
      say_blocks (expected, mscos_item_get_intro (item));
      say_children (expected, item);
      say_corrections (expected, item);
      break;

    case MSCOS_ITEM_GROUP:
      say (expected, mscos_item_get_title (item));
      say_blocks (expected, mscos_item_get_intro (item));
      say_children (expected, item);
      break;

    case MSCOS_ITEM_RECOMMENDATION:
      say_label (expected, mscos_item_get_label (item));
      say (expected, mscos_item_get_text (item));
      say_corrections (expected, item);
      say_children (expected, item);
      break;

    case MSCOS_ITEM_PROFILE:
      say (expected, mscos_item_get_title (item));
      say (expected, mscos_item_get_role (item));
      say_blocks (expected, mscos_item_get_blocks (item));
      say_links (expected, mscos_item_get_links (item));
      say_corrections (expected, item);
      break;

    case MSCOS_ITEM_TEXT:
      say (expected, mscos_item_get_title (item));
      say_blocks (expected, mscos_item_get_blocks (item));
      say_links (expected, mscos_item_get_links (item));
      say_phones (expected, item);
      say_corrections (expected, item);
      break;

    default:
      g_assert_not_reached ();
    }
}

static Expected *
expect_outcome (MscosOutcome *outcome)
{
  Expected *expected = expected_new ();
  GListModel *sections = mscos_outcome_get_sections (outcome);
  GPtrArray *descriptor = mscos_outcome_get_descriptor (outcome);
  const MscosLink *link = mscos_outcome_get_link (outcome);

  say (expected, mscos_outcome_get_strapline (outcome));
  say (expected, mscos_outcome_get_title (outcome));
  say (expected, mscos_print_outcome_group_name (mscos_outcome_get_group (outcome)));
  say (expected, mscos_outcome_get_summary (outcome));
  if (descriptor != NULL && descriptor->len > 0)
    {
      say (expected, mscos_outcome_get_descriptor_source (outcome) == MSCOS_DESCRIPTOR_SOURCE_STUDY
                       ? "MSCOS Study Descriptor" : "Summary by the editors of this pack");
      say_blocks (expected, descriptor);
    }
  if (link != NULL)
    say_link (expected, link->title, link->uri);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr (MscosSection) section = g_list_model_get_item (sections, i);
      GListModel *items = mscos_section_get_items (section);

      say (expected, mscos_section_get_title (section));
      say_blocks (expected, mscos_section_get_intro (section));
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr (MscosItem) item = g_list_model_get_item (items, j);

          say_item (expected, item);
        }
    }

  return expected;
}

/* Each quotation is printed with who said it under it, or with the sentence that says the
 * source names nobody; one quoted inside a text without a name is followed by no name. */
static void
check_quotes (Printed  *printed,
              Expected *expected)
{
  g_autofree char *body = dup_unspaced (printed->body);

  g_assert_cmpuint (expected->quotes->len, >, 0);

  for (guint i = 0; i < expected->quotes->len; i += 2)
    {
      const char *text = g_ptr_array_index (expected->quotes, i);
      const char *after = g_ptr_array_index (expected->quotes, i + 1);
      g_autofree char *words = dup_unspaced (text);
      const char *found;

      if (after != NULL)
        {
          g_autofree char *unspaced = dup_unspaced (after);
          g_autofree char *signed_words = g_strconcat (words, unspaced, NULL);

          if (strstr (body, signed_words) == NULL)
            g_error ("The quotation “%.40s…” is not printed with “%s” under it", text, after);
          continue;
        }

      found = strstr (body, words);
      if (found == NULL)
        g_error ("The quotation “%.40s…” is not printed", text);
      for (; found != NULL; found = strstr (found + 1, words))
        if (g_str_has_prefix (found + strlen (words), "—"))
          g_error ("The unattributed quotation “%.40s…” is printed with an attribution", text);
    }
}

/* Each number or letter of a list or recommendation begins a line, in the source's order. */
static void
check_labels (Printed  *printed,
              Expected *expected)
{
  guint line = 0;

  for (guint i = 0; i < expected->labels->len; i++)
    {
      const char *label = g_ptr_array_index (expected->labels, i);
      gboolean found = FALSE;

      for (; line < printed->lines->len && !found; line++)
        {
          g_autofree char *trimmed = dup_trimmed (g_ptr_array_index (printed->lines, line));
          g_auto (GStrv) words = g_strsplit (trimmed, " ", 2);

          found = words[0] != NULL && strcmp (words[0], label) == 0;
        }

      if (!found)
        g_error ("The label “%s”, number %u, does not begin a line after those before it", label, i + 1);
    }
}

/* Every address, telephone number and correction is printed whole. */
static void
check_links (Printed  *printed,
             Expected *expected)
{
  for (guint i = 0; i < expected->uris->len; i++)
    assert_contains (printed->body, g_ptr_array_index (expected->uris, i));
  for (guint i = 0; i < expected->phones->len; i++)
    assert_contains (printed->body, g_ptr_array_index (expected->phones, i));
  for (guint i = 0; i < expected->corrections->len; i++)
    assert_contains (printed->body, g_ptr_array_index (expected->corrections, i));
}

static MscosOutcome *
find_outcome (MscosContentPack *pack,
              const char       *id)
{
  MscosOutcome *outcome = mscos_content_pack_lookup_outcome (pack, id);

  g_assert_nonnull (outcome);

  return outcome;
}

/* Tests ---------------------------------------------------------------------------------- */

static void
test_safety_page (void)
{
  g_autoptr (MscosContentPack) pack = load_pack (BUILT_IN_PACK);
  MscosOutcome *outcome = find_outcome (pack, "safety");
  g_autoptr (Expected) expected = expect_outcome (outcome);
  g_autofree char *path = temp_path ("safety.pdf");
  g_autoptr (Printed) printed = NULL;

  g_assert_cmpint (export_pdf (path, "--outcome", "safety", NULL), ==, 0);
  printed = read_pdf (path, "-layout");

  g_assert_cmpuint (printed->bodies->len, >, 2);
  check_furniture (printed, pack, mscos_outcome_get_title (outcome));
  assert_same_words (printed->body, expected->words->str);
  check_quotes (printed, expected);
  g_assert_cmpuint (expected->labels->len, >, 0);
  check_labels (printed, expected);
  g_assert_cmpuint (expected->uris->len, >, 0);
  check_links (printed, expected);
  check_inside_margins (path);
}

static void
test_markup_prints_literally (void)
{
  g_autoptr (MscosContentPack) pack = load_pack (MARKUP_PACK);
  MscosOutcome *outcome = find_outcome (pack, "markup");
  g_autoptr (Expected) expected = expect_outcome (outcome);
  g_autofree char *path = temp_path ("markup.pdf");
  g_autoptr (Printed) printed = NULL;
  const char * const literal[] = {
    "Tags <b>stay</b> & so do &amp; entities",
    "<span foreground=\"red\">this</span>",
    "<a href=\"https://evil.example\">click</a>",
    "https://example.org/markup?x=1&y=<2>",
    "Report on <script>alert(1)</script>",
    "Zoë’s “curly” café in Kraków & São Paulo",
    "naïve résumé œuvre straße",
    "— Zoë O’Brien, Advisory <Board>",
  };

  g_assert_cmpint (export_pdf (path, "--pack", MARKUP_PACK, NULL), ==, 0);
  printed = read_pdf (path, "-layout");

  check_furniture (printed, pack, NULL);
  assert_same_words (printed->body, expected->words->str);
  check_quotes (printed, expected);
  check_labels (printed, expected);
  check_links (printed, expected);
  for (guint i = 0; i < G_N_ELEMENTS (literal); i++)
    assert_contains (printed->body, literal[i]);
  check_inside_margins (path);
}

static void
test_paper_sizes (void)
{
  static const struct {
    const char *paper;
    const char *size;
  } papers[] = {
    { "a4", "Page size:       595.276 x 841.89 pts (A4)" },
    { "letter", "Page size:       612 x 792 pts (letter)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *path = temp_path ("paper.pdf");
      const char *argv[] = { "pdfinfo", path, NULL };
      g_autofree char *info = NULL;

      g_assert_cmpint (export_pdf (path, "--pack", MARKUP_PACK, "--paper", papers[i].paper, NULL), ==, 0);
      info = run_ok (argv);
      g_assert_nonnull (strstr (info, papers[i].size));
      g_assert_nonnull (strstr (info, "Title:           Tags <b>stay</b> & so do &amp; entities\n"));
      g_assert_nonnull (strstr (info, "Creator:         MSCOS Outcomes\n"));
      check_inside_margins (path);
    }
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

static void
test_private_file (void)
{
  g_autofree char *path = temp_path ("private.pdf");
  g_autofree char *missing = temp_path ("missing.pdf");
  g_autofree char *nowhere = temp_path ("no-such-folder/nowhere.pdf");
  g_autofree char *contents = NULL;

  /* A new file. */
  g_remove (path);
  g_assert_cmpint (export_pdf (path, "--pack", MARKUP_PACK, NULL), ==, 0);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* Over a file that others could read. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (export_pdf (path, "--pack", MARKUP_PACK, NULL), ==, 0);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* What cannot be printed leaves nothing, and what was there stays. */
  g_remove (missing);
  g_assert_cmpint (export_pdf (missing, "--pack", MARKUP_PACK, "--outcome", "no-such-outcome", NULL), !=, 0);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpint (export_pdf (nowhere, "--pack", MARKUP_PACK, NULL), !=, 0);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (export_pdf (path, "--pack", MARKUP_PACK, "--outcome", "no-such-outcome", NULL), !=, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  /* No temporary file is left in the folder. */
  {
    g_autoptr (GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".goutputstream"));
  }
}

/* The Library ---------------------------------------------------------------------------- */

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  mscos_library_load_finish (MSCOS_LIBRARY (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

typedef struct
{
  MscosItem *quote;
  MscosItem *recommendation;
  MscosItem *resource;
} SafetyItems;

static void
find_safety_items_cb (gpointer data,
                      gpointer user_data)
{
  MscosItem *item = data;
  SafetyItems *found = user_data;

  if (g_strcmp0 (mscos_item_get_outcome_id (item), "safety") != 0)
    return;

  if (found->quote == NULL && mscos_item_get_kind (item) == MSCOS_ITEM_QUOTE
      && mscos_item_get_speaker (item) != NULL)
    found->quote = item;
  if (found->recommendation == NULL && mscos_item_get_kind (item) == MSCOS_ITEM_RECOMMENDATION
      && mscos_item_get_label (item) != NULL)
    found->recommendation = item;
  if (found->resource == NULL && mscos_item_get_kind (item) == MSCOS_ITEM_RESOURCE)
    found->resource = item;
}

/* A pack of the built-in pack's id in which @quote_id has other words, and which has an item
 * that the built-in pack does not. */
static MscosContentPack *
make_other_revision (MscosContentPack *pack,
                     const char       *quote_id)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  MscosContentPack *other;
  char *json;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "mscos-content-pack");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "pack");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, mscos_content_pack_get_id (pack));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Earlier");
  json_builder_set_member_name (builder, "revision");
  json_builder_add_string_value (builder, "0");
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, "2025-01-01");
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "en-GB");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "outcomes");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "print-test");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Print test");
  json_builder_set_member_name (builder, "group");
  json_builder_add_string_value (builder, "core-outcome");
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, "For the test.");
  json_builder_set_member_name (builder, "descriptor");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "paragraph");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, "None.");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "print-test.section");
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 2; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, i == 0 ? quote_id : "print-test.gone");
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, "quote");
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, i == 0 ? "Words this quotation had before."
                                                     : "Words that have left the pack, “kept” — as saved.");
      json_builder_set_member_name (builder, "speaker");
      json_builder_add_string_value (builder, "Somebody");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (json, length);
  other = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return other;
}

static void
test_library (void)
{
  g_autoptr (MscosContentPack) pack = load_pack (BUILT_IN_PACK);
  g_autoptr (MscosContentPack) other = NULL;
  g_autoptr (MscosLibrary) library = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (Printed) printed = NULL;
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "print-library", NULL);
  g_autofree char *path = temp_path ("library.pdf");
  g_autofree char *long_address = NULL;
  g_autofree char *quote_note = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *signed_quote = NULL;
  g_autofree char *labelled = NULL;
  const char *pack_id = mscos_content_pack_get_id (pack);
  SafetyItems items = { NULL, };
  gboolean done = FALSE;
  const char *notes[] = {
    "Ask Zoë about the “second” visit — next café meeting at Kraków Street.",
    "Check the wording with the legal team.",
    "Note on an earlier revision of a quotation.",
    "Note on a quotation that has gone.",
    "Note made in another pack.",
  };

  mscos_content_pack_foreach_item (pack, find_safety_items_cb, &items);
  g_assert_nonnull (items.quote);
  g_assert_nonnull (items.recommendation);
  g_assert_nonnull (items.resource);
  other = make_other_revision (pack, mscos_item_get_id (items.quote));

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  file = g_file_new_build_filename (folder, "library.json", NULL);
  library = mscos_library_new (file);
  mscos_library_load_async (library, NULL, library_loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  long_address = g_strconcat ("https://example.org/", "0123456789abcdefghij0123456789abcdefghij"
                              "0123456789abcdefghij0123456789abcdefghij0123456789abcdefghij", NULL);
  quote_note = g_strconcat (notes[0], " See ", long_address, NULL);

  /* The quotation with a note, first as it was in an earlier revision: changed since. */
  mscos_library_set_note (library, pack_id, mscos_content_pack_lookup_item (other, mscos_item_get_id (items.quote)),
                          notes[2]);
  mscos_library_set_bookmarked (library, pack_id, items.recommendation, TRUE);
  mscos_library_set_note (library, pack_id, items.recommendation, notes[1]);
  mscos_library_set_bookmarked (library, pack_id, items.resource, TRUE);
  mscos_library_set_note (library, pack_id, items.resource, quote_note);
  mscos_library_set_note (library, pack_id, mscos_content_pack_lookup_item (other, "print-test.gone"), notes[3]);
  mscos_library_set_note (library, "org.example.other", items.resource, notes[4]);
  g_assert_true (mscos_library_flush (library, NULL));

  g_assert_cmpint (export_pdf (path, "--library-dir", folder, "--library", NULL), ==, 0);
  printed = read_pdf (path, "-layout");

  check_furniture (printed, pack, "Bookmarks and notes");
  g_assert_nonnull (strstr (printed->body, "Bookmarks and notes"));
  for (guint i = 1; i < G_N_ELEMENTS (notes); i++)
    assert_contains (printed->body, notes[i]);
  assert_contains (printed->body, quote_note);
  assert_contains (printed->body, "Bookmarked");
  assert_contains (printed->body, "This item has changed since the note was written.");
  assert_contains (printed->body, "Not in this content pack");
  assert_contains (printed->body, "From the content pack “org.example.other”.");

  /* Each item with its words: the quotation as the pack has it now, with its attribution… */
  attribution = mscos_item_dup_attribution (items.quote);
  signed_quote = g_strconcat (mscos_item_get_text (items.quote), "— ", attribution, NULL);
  assert_contains (printed->body, signed_quote);
  labelled = g_strconcat (mscos_item_get_label (items.recommendation), " ",
                          mscos_item_get_text (items.recommendation), NULL);
  assert_contains (printed->body, labelled);
  assert_contains (printed->body, mscos_item_get_summary (items.resource));

  /* …and one that left the pack as the library kept it, with no name added. */
  {
    g_autofree char *body = dup_unspaced (printed->body);
    g_autofree char *gone = dup_unspaced ("Words that have left the pack, “kept” — as saved.");
    guint n = 0;

    /* As a quotation, and in the title the library saved with it. */
    for (const char *found = strstr (body, gone); found != NULL; found = strstr (found + 1, gone))
      {
        g_assert_false (g_str_has_prefix (found + strlen (gone), "—"));
        n++;
      }
    g_assert_cmpuint (n, ==, 2);
  }

  check_inside_margins (path);
}

static void
test_table (void)
{
  g_autoptr (MscosContentPack) pack = load_pack (BUILT_IN_PACK);
  g_autofree char *path = temp_path ("table.pdf");
  g_autofree char *info = NULL;
  g_autoptr (Printed) printed = NULL;
  g_autoptr (Printed) raw = NULL;
  g_autofree char *raw_body = NULL;
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "1000", path, NULL };
  guint portrait = 0, landscape = 0;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (export_pdf (path, "--outcome", "housing", "--table-rows", "60", NULL), ==, 0);

  /* The outcome upright, then the table across. */
  info = run_ok (argv);
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], "Page ") || strstr (lines[i], " size: ") == NULL)
        continue;
      if (strstr (lines[i], "595.276 x 841.89") != NULL)
        {
          g_assert_cmpuint (landscape, ==, 0);
          portrait++;
        }
      else
        {
          g_assert_nonnull (strstr (lines[i], "841.89 x 595.276"));
          landscape++;
        }
    }
  g_assert_cmpuint (portrait, >, 0);
  g_assert_cmpuint (landscape, >, 1);

  printed = read_pdf (path, "-layout");
  check_furniture (printed, pack, NULL);

  /* The column headings at the top of every page of the table. */
  for (guint i = portrait; i < printed->bodies->len; i++)
    {
      const char *body = g_ptr_array_index (printed->bodies, i);

      g_assert_nonnull (strstr (body, "Item"));
      g_assert_nonnull (strstr (body, "Comment"));
      g_assert_nonnull (strstr (body, "Reviewer"));
      g_assert_nonnull (strstr (body, "Response"));
    }

  /* Every cell, whole, in order: the pages read in drawing order. */
  raw = read_pdf (path, "-raw");
  raw_body = dup_unspaced (raw->body);
  {
    const char *cursor = raw_body;

    for (guint row = 1; row <= 60; row++)
      {
        g_autofree char *comment = g_strdup_printf ("Row %u: the wording of this recommendation "
                                                    "should match the statutory guidance “as "
                                                    "published”; see https://www.gov.uk/government/"
                                                    "publications/modern-slavery-how-to-identify-"
                                                    "and-support-victims/row-%u", row, row);
        g_autofree char *unspaced = dup_unspaced (comment);

        cursor = strstr (cursor, unspaced);
        if (cursor == NULL)
          g_error ("Row %u is not printed whole after the rows before it", row);
      }
  }

  check_inside_margins (path);
}

static void
test_whole_pack (void)
{
  g_autoptr (MscosContentPack) pack = load_pack (BUILT_IN_PACK);
  GListModel *outcomes = mscos_content_pack_get_outcomes (pack);
  g_autofree char *path = temp_path ("pack.pdf");
  g_autoptr (Printed) printed = NULL;
  GString *expected = g_string_new (NULL);

  g_assert_cmpint (export_pdf (path, NULL), ==, 0);
  printed = read_pdf (path, "-layout");
  check_furniture (printed, pack, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr (MscosOutcome) outcome = g_list_model_get_item (outcomes, i);
      g_autoptr (Expected) words = expect_outcome (outcome);

      g_string_append (expected, words->words->str);
    }

  assert_same_words (printed->body, expected->str);
  g_string_free (expected, TRUE);
}

/* A pack whose page has @n one-line paragraphs, then a heading, a quotation and an item. */
static GBytes *
make_filler_pack (guint n)
{
  GString *json = g_string_new ("{\"format\": \"mscos-content-pack\", \"version\": 1, \"pack\": "
                                "{\"id\": \"test.keep\", \"title\": \"Keep\", \"revision\": \"1\", "
                                "\"date\": \"2026-01-02\", \"language\": \"en-GB\"}, \"outcomes\": "
                                "[{\"id\": \"keep\", \"title\": \"Keep\", \"group\": \"core-outcome\", "
                                "\"summary\": \"Filler.\", \"descriptor\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"type\": \"paragraph\", \"text\": \"Filler paragraph %u.\"}",
                            i > 0 ? ", " : "", i + 1);
  g_string_append (json, "], \"sections\": [{\"id\": \"keep.section\", \"title\": \"Heading to keep\", "
                         "\"items\": [{\"id\": \"keep.quote\", \"kind\": \"quote\", \"text\": \"");
  for (guint i = 0; i < 12; i++)
    g_string_append (json, "These are the words of a quotation long enough to run over several lines. ");
  g_string_append (json, "\", \"speaker\": \"Speaker\"}, {\"id\": \"keep.text\", \"kind\": \"text\", "
                         "\"title\": \"Item to keep\", \"body\": [{\"type\": \"paragraph\", \"text\": "
                         "\"The item's text, which follows its title.\"}]}]}]}]}");

  return g_string_free_to_bytes (json);
}

/* The last non-empty line of @body, or with @first its first. */
static char *
dup_end_line (const char *body,
              gboolean    first)
{
  g_auto (GStrv) lines = g_strsplit (body, "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    {
      char *trimmed = dup_trimmed (lines[first ? i : n - 1 - i]);

      if (*trimmed != '\0')
        return trimmed;
      g_free (trimmed);
    }

  return g_strdup ("");
}

/* Wherever the page ends, a heading is not left alone at its foot, and an attribution is not
 * left alone at the top of the next. */
static void
test_keeps_headings_with_text (void)
{
  g_autofree char *path = temp_path ("keep.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  guint cuts = 0;

  /* The foot of the first page falls on every line of the heading, the quotation and the
   * item in turn: a paragraph moves them down by about one and a half lines. */
  for (guint step = 0; step < 38; step++)
    {
      g_autoptr (GBytes) bytes = make_filler_pack (22 + step % 19);
      g_autoptr (GError) error = NULL;
      g_autoptr (MscosContentPack) pack = mscos_content_pack_new_from_bytes (bytes, NULL, &error);
      g_autoptr (Printed) printed = NULL;
      MscosPrintOptions options = { .paper = MSCOS_PAPER_A4, .text_size = 10 + 0.3 * (step / 19) };

      g_assert_no_error (error);
      g_assert_true (mscos_print_export_pdf (pack, NULL, &options, file, NULL, &error));
      g_assert_no_error (error);
      printed = read_pdf (path, "-layout");

      for (guint page = 0; page + 1 < printed->bodies->len; page++)
        {
          const char *body = g_ptr_array_index (printed->bodies, page);
          const char *next = g_ptr_array_index (printed->bodies, page + 1);

          g_autofree char *foot = dup_end_line (body, FALSE);
          g_autofree char *top = dup_end_line (next, TRUE);

          g_test_message ("Page %u ends with “%s”, the next begins with “%s”", page + 1, foot, top);
          g_assert_cmpstr (foot, !=, "Heading to keep");
          g_assert_cmpstr (foot, !=, "Item to keep");
          g_assert_false (g_str_has_prefix (top, "— Speaker"));
          cuts++;
        }
    }

  g_assert_cmpuint (cuts, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  driver_path = argc > 1 ? argv[1] : g_getenv ("MSCOS_PRINT_DRIVER");
  if (driver_path == NULL)
    g_error ("Usage: %s PRINT-DRIVER", argv[0]);

  g_test_add_func ("/print/safety-page", test_safety_page);
  g_test_add_func ("/print/markup-prints-literally", test_markup_prints_literally);
  g_test_add_func ("/print/paper-sizes", test_paper_sizes);
  g_test_add_func ("/print/private-file", test_private_file);
  g_test_add_func ("/print/library", test_library);
  g_test_add_func ("/print/table", test_table);
  g_test_add_func ("/print/keeps-headings-with-text", test_keeps_headings_with_text);
  g_test_add_func ("/print/whole-pack", test_whole_pack);

  return g_test_run ();
}
