/* mscos-library-entry.h
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mscos-content-pack.h"

G_BEGIN_DECLS

typedef enum
{
  /* The item is in the pack and its text is as it was when the entry was last saved. */
  MSCOS_LIBRARY_ENTRY_PRESENT,
  /* The item is in the pack, but its text changed since the entry was last saved. */
  MSCOS_LIBRARY_ENTRY_CHANGED,
  /* The item is not in the pack, or the entry belongs to another pack. */
  MSCOS_LIBRARY_ENTRY_MISSING,
} MscosLibraryEntryStatus;

#define MSCOS_TYPE_LIBRARY_ENTRY (mscos_library_entry_get_type ())

G_DECLARE_FINAL_TYPE (MscosLibraryEntry, mscos_library_entry, MSCOS, LIBRARY_ENTRY, GObject)

const char              *mscos_library_entry_get_pack_id           (MscosLibraryEntry *self);
const char              *mscos_library_entry_get_item_id           (MscosLibraryEntry *self);
const char              *mscos_library_entry_get_outcome_id        (MscosLibraryEntry *self);
const char              *mscos_library_entry_get_item_kind         (MscosLibraryEntry *self);
const char              *mscos_library_entry_get_item_title        (MscosLibraryEntry *self);
const char              *mscos_library_entry_get_excerpt           (MscosLibraryEntry *self);
const char              *mscos_library_entry_get_digest            (MscosLibraryEntry *self);
gboolean                 mscos_library_entry_get_bookmarked        (MscosLibraryEntry *self);
GDateTime               *mscos_library_entry_get_bookmark_created  (MscosLibraryEntry *self);
const char              *mscos_library_entry_get_note              (MscosLibraryEntry *self);
GDateTime               *mscos_library_entry_get_note_created      (MscosLibraryEntry *self);
GDateTime               *mscos_library_entry_get_note_modified     (MscosLibraryEntry *self);
GDateTime               *mscos_library_entry_get_modified          (MscosLibraryEntry *self);
guint                    mscos_library_entry_get_version           (MscosLibraryEntry *self);
MscosLibraryEntryStatus  mscos_library_entry_get_status            (MscosLibraryEntry *self,
                                                                    MscosContentPack  *pack);
MscosLibraryEntry       *mscos_library_entry_copy                  (MscosLibraryEntry *self);

#ifdef MSCOS_LIBRARY_COMPILATION

/* For MscosLibrary only. An entry's state is one immutable record, replaced as a whole on
 * every change, so a save can take a consistent snapshot of the library by taking a
 * reference on each record, and write it from another thread while the user goes on typing.
 * A record must not be changed once it is given to an entry or shared. */
typedef struct
{
  char      *pack_id;
  char      *item_id;
  char      *outcome_id;
  char      *item_kind;
  char      *item_title;
  char      *excerpt;
  char      *digest;
  /* Set when the item is bookmarked. */
  GDateTime *bookmark_created;
  /* Set, with both times, when the item has a note; never "". */
  char      *note;
  GDateTime *note_created;
  GDateTime *note_modified;
} MscosLibraryRecord;

MscosLibraryRecord *mscos_library_record_new           (const char               *pack_id,
                                                        const char               *item_id);
MscosLibraryRecord *mscos_library_record_copy          (const MscosLibraryRecord *record);
MscosLibraryRecord *mscos_library_record_ref           (MscosLibraryRecord       *record);
void                mscos_library_record_unref         (MscosLibraryRecord       *record);
gboolean            mscos_library_record_is_empty      (const MscosLibraryRecord *record);
GDateTime          *mscos_library_record_get_modified  (const MscosLibraryRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MscosLibraryRecord, mscos_library_record_unref)

MscosLibraryEntry  *mscos_library_entry_new            (MscosLibraryRecord       *record);
MscosLibraryRecord *mscos_library_entry_get_record     (MscosLibraryEntry        *self);
void                mscos_library_entry_set_record     (MscosLibraryEntry        *self,
                                                        MscosLibraryRecord       *record);
guint               mscos_library_entry_get_slot       (MscosLibraryEntry        *self);
void                mscos_library_entry_set_slot       (MscosLibraryEntry        *self,
                                                        guint                     slot);

#endif /* MSCOS_LIBRARY_COMPILATION */

G_END_DECLS
