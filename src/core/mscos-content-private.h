/* mscos-content-private.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mscos-content-pack.h"

G_BEGIN_DECLS

/* The text of a pack's model: the strings its objects show, copied out of the parsed document
 * into a few large blocks (a GStringChunk), each once, so that the document is freed as soon
 * as the model is built. json-glib's tree of a pack takes 4.3 times the size of its file (a
 * 15 MB synthetic pack: 64 MB), its text alone less than once. Every model object holds a
 * reference on the text it points into. */
typedef struct _MscosContentText MscosContentText;

MscosContentText *mscos_content_text_new       (void);
MscosContentText *mscos_content_text_ref       (MscosContentText *text);
void              mscos_content_text_unref     (MscosContentText *text);
const char       *mscos_content_text_add       (MscosContentText *text,
                                                const char       *string);
const char       *mscos_content_text_add_const (MscosContentText *text,
                                                const char       *string);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MscosContentText, mscos_content_text_unref)

/* The model objects are filled in by the loader (mscos-content-loader.c) and never change
 * afterwards. Their strings point into the pack's MscosContentText. */

struct _MscosItem
{
  GObject           parent_instance;

  MscosContentText *strings;
  MscosItem        *parent;
  MscosItemKind     kind;
  MscosListStyle    style;
  guint             n_recommendations;

  const char       *id;
  const char       *outcome_id;
  const char       *title;
  const char       *text;
  const char       *speaker;
  const char       *role;
  const char       *organisation;
  const char       *resource_type;
  const char       *summary;
  char             *label;

  GPtrArray        *blocks;
  GPtrArray        *intro;
  GPtrArray        *links;
  GPtrArray        *sources;
  /* (nullable): NULL when the pack gives none */
  GPtrArray        *corrections;
  GPtrArray        *phones;
  /* (nullable): NULL when the item has none; made by the loader as it adds the first */
  GListStore       *children;
  /* SHA-256 of the item's text, computed the first time it is asked for (items never change) */
  char             *digest;
};

struct _MscosSection
{
  GObject           parent_instance;

  MscosContentText *strings;
  const char       *id;
  const char       *title;
  GPtrArray        *intro;
  GListStore       *items;
};

struct _MscosOutcome
{
  GObject                parent_instance;

  MscosContentText      *strings;
  MscosOutcomeGroup      group;
  guint                  group_rank;
  guint                  n_items;
  const char            *id;
  const char            *title;
  const char            *summary;
  const char            *strapline;
  GPtrArray             *descriptor;
  MscosDescriptorSource  descriptor_source;
  MscosLink             *link;
  GListStore            *sections;
};

struct _MscosContentPack
{
  GObject           parent_instance;

  MscosContentText *strings;
  /* What was opened: the pack file, or its folder. */
  GFile            *file;
  /* The folder that audio file paths are resolved against. */
  GFile            *folder;
  const char       *id;
  const char       *title;
  const char       *revision;
  const char       *date;
  const char       *language;
  const char       *description;
  GListStore       *outcomes;
  /* id → MscosItem, for every item that has an id. */
  GHashTable       *items;
  guint             n_items;
};

MscosBlock       *mscos_block_new_in_text      (MscosBlockType    type,
                                                const char       *text,
                                                MscosContentText *strings);
MscosLink        *mscos_link_new               (const char      *title,
                                                const char      *uri);
void              mscos_link_free              (MscosLink       *link);
void              mscos_audio_source_free      (MscosAudioSource *source);
void              mscos_correction_free        (MscosCorrection *correction);
void              mscos_phone_free             (MscosPhone      *phone);
MscosContentPack *mscos_content_pack_parse     (GBytes          *bytes,
                                                GFile           *base,
                                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MscosLink, mscos_link_free)

G_END_DECLS
