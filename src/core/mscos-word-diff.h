/* mscos-word-diff.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MSCOS_WORD_DIFF_EQUAL,
  MSCOS_WORD_DIFF_DELETED,
  MSCOS_WORD_DIFF_INSERTED,
} MscosWordDiffOp;

/**
 * MscosWordDiffSpan:
 * @op: whether the words are in both texts, only in the old one, or only in the new one
 * @old_start: where the words start in the old text, in bytes
 * @old_end: where they end in the old text; for inserted words, the same as @old_start: the
 *   place in the old text where they would go
 * @new_start: where the words start in the new text, in bytes
 * @new_end: where they end in the new text; for deleted words, the same as @new_start
 *
 * One run of words of a word-level difference. Every range starts and ends on a character
 * boundary, and never between a character and the combining marks that follow it.
 */
typedef struct
{
  MscosWordDiffOp op;
  gsize           old_start;
  gsize           old_end;
  gsize           new_start;
  gsize           new_end;
} MscosWordDiffSpan;

GArray *mscos_word_diff (const char *old_text,
                         const char *new_text,
                         gboolean   *coarse);

G_END_DECLS
