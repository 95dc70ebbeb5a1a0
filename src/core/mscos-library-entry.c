/* mscos-library-entry.c
 *
 * Copyright 2026 The MSCOS Outcomes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One item's bookmark and note in the user's library, with what the item was when they were
 * last saved. Its properties only change through MscosLibrary, and notify only when their
 * value changes, so list rows can bind to them. */

#define G_LOG_DOMAIN "mscos-library-entry"
#define MSCOS_LIBRARY_COMPILATION

#include "config.h"

#include "mscos-library-entry.h"

struct _MscosLibraryEntry
{
  GObject             parent_instance;

  MscosLibraryRecord *record;
  /* Where the library keeps the record in its array of records. */
  guint               slot;
  /* Counts the records the entry had. */
  guint               version;
};

G_DEFINE_FINAL_TYPE (MscosLibraryEntry, mscos_library_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PACK_ID,
  PROP_ITEM_ID,
  PROP_OUTCOME_ID,
  PROP_ITEM_KIND,
  PROP_ITEM_TITLE,
  PROP_EXCERPT,
  PROP_DIGEST,
  PROP_BOOKMARKED,
  PROP_BOOKMARK_CREATED,
  PROP_NOTE,
  PROP_NOTE_CREATED,
  PROP_NOTE_MODIFIED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_record (MscosLibraryRecord *record)
{
  g_free (record->pack_id);
  g_free (record->item_id);
  g_free (record->outcome_id);
  g_free (record->item_kind);
  g_free (record->item_title);
  g_free (record->excerpt);
  g_free (record->digest);
  g_clear_pointer (&record->bookmark_created, g_date_time_unref);
  g_free (record->note);
  g_clear_pointer (&record->note_created, g_date_time_unref);
  g_clear_pointer (&record->note_modified, g_date_time_unref);
}

static gboolean
times_equal (GDateTime *a,
             GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

static void
notify_if_string_changed (MscosLibraryEntry *self,
                          const char        *before,
                          const char        *after,
                          guint              prop_id)
{
  if (g_strcmp0 (before, after) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
notify_if_time_changed (MscosLibraryEntry *self,
                        GDateTime         *before,
                        GDateTime         *after,
                        guint              prop_id)
{
  if (!times_equal (before, after))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
mscos_library_entry_finalize (GObject *object)
{
  MscosLibraryEntry *self = MSCOS_LIBRARY_ENTRY (object);

  g_clear_pointer (&self->record, mscos_library_record_unref);

  G_OBJECT_CLASS (mscos_library_entry_parent_class)->finalize (object);
}

static void
mscos_library_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MscosLibraryEntry *self = MSCOS_LIBRARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PACK_ID:
      g_value_set_string (value, mscos_library_entry_get_pack_id (self));
      break;

    case PROP_ITEM_ID:
      g_value_set_string (value, mscos_library_entry_get_item_id (self));
      break;

    case PROP_OUTCOME_ID:
      g_value_set_string (value, mscos_library_entry_get_outcome_id (self));
      break;

    case PROP_ITEM_KIND:
      g_value_set_string (value, mscos_library_entry_get_item_kind (self));
      break;

    case PROP_ITEM_TITLE:
      g_value_set_string (value, mscos_library_entry_get_item_title (self));
      break;

    case PROP_EXCERPT:
      g_value_set_string (value, mscos_library_entry_get_excerpt (self));
      break;

    case PROP_DIGEST:
      g_value_set_string (value, mscos_library_entry_get_digest (self));
      break;

    case PROP_BOOKMARKED:
      g_value_set_boolean (value, mscos_library_entry_get_bookmarked (self));
      break;

    case PROP_BOOKMARK_CREATED:
      g_value_set_boxed (value, mscos_library_entry_get_bookmark_created (self));
      break;

    case PROP_NOTE:
      g_value_set_string (value, mscos_library_entry_get_note (self));
      break;

    case PROP_NOTE_CREATED:
      g_value_set_boxed (value, mscos_library_entry_get_note_created (self));
      break;

    case PROP_NOTE_MODIFIED:
      g_value_set_boxed (value, mscos_library_entry_get_note_modified (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, mscos_library_entry_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mscos_library_entry_class_init (MscosLibraryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mscos_library_entry_finalize;
  object_class->get_property = mscos_library_entry_get_property;

  /**
   * MscosLibraryEntry:pack-id:
   *
   * The id of the content pack the item belongs to.
   */
  properties[PROP_PACK_ID] =
    g_param_spec_string ("pack-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:item-id:
   *
   * The id of the bookmarked or annotated item.
   */
  properties[PROP_ITEM_ID] =
    g_param_spec_string ("item-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:outcome-id:
   *
   * The id of the outcome the item was under when the entry was last saved.
   */
  properties[PROP_OUTCOME_ID] =
    g_param_spec_string ("outcome-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:item-kind:
   *
   * The item's kind as mscos_item_kind_to_string() spells it.
   */
  properties[PROP_ITEM_KIND] =
    g_param_spec_string ("item-kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:item-title:
   *
   * The item's display title when the entry was last saved.
   */
  properties[PROP_ITEM_TITLE] =
    g_param_spec_string ("item-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:excerpt:
   *
   * The words of a quotation or recommendation, or an item's summary, when the entry was
   * last saved: shown for an item that has left the pack, and in exports.
   */
  properties[PROP_EXCERPT] =
    g_param_spec_string ("excerpt", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:digest:
   *
   * The item's digest (mscos_item_dup_digest()) when the entry was last saved.
   */
  properties[PROP_DIGEST] =
    g_param_spec_string ("digest", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:bookmarked:
   *
   * Whether the item is bookmarked.
   */
  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:bookmark-created:
   *
   * When the item was bookmarked, or %NULL.
   */
  properties[PROP_BOOKMARK_CREATED] =
    g_param_spec_boxed ("bookmark-created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:note:
   *
   * The user's note on the item, or %NULL.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:note-created:
   *
   * When the note was begun, or %NULL.
   */
  properties[PROP_NOTE_CREATED] =
    g_param_spec_boxed ("note-created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:note-modified:
   *
   * When the note was last changed, or %NULL.
   */
  properties[PROP_NOTE_MODIFIED] =
    g_param_spec_boxed ("note-modified", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MscosLibraryEntry:modified:
   *
   * The later of #MscosLibraryEntry:bookmark-created and #MscosLibraryEntry:note-modified:
   * lists of entries sort newest first on it.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mscos_library_entry_init (MscosLibraryEntry *self)
{
}

/* Records are shared between the main thread and the thread that writes the library, hence
 * the atomic reference count. */
MscosLibraryRecord *
mscos_library_record_new (const char *pack_id,
                          const char *item_id)
{
  MscosLibraryRecord *record = g_atomic_rc_box_new0 (MscosLibraryRecord);

  record->pack_id = g_strdup (pack_id);
  record->item_id = g_strdup (item_id);

  return record;
}

/* Returns a new record, not shared yet, with the same contents as @record. */
MscosLibraryRecord *
mscos_library_record_copy (const MscosLibraryRecord *record)
{
  MscosLibraryRecord *copy = mscos_library_record_new (record->pack_id, record->item_id);

  copy->outcome_id = g_strdup (record->outcome_id);
  copy->item_kind = g_strdup (record->item_kind);
  copy->item_title = g_strdup (record->item_title);
  copy->excerpt = g_strdup (record->excerpt);
  copy->digest = g_strdup (record->digest);
  if (record->bookmark_created != NULL)
    copy->bookmark_created = g_date_time_ref (record->bookmark_created);
  copy->note = g_strdup (record->note);
  if (record->note_created != NULL)
    copy->note_created = g_date_time_ref (record->note_created);
  if (record->note_modified != NULL)
    copy->note_modified = g_date_time_ref (record->note_modified);

  return copy;
}

MscosLibraryRecord *
mscos_library_record_ref (MscosLibraryRecord *record)
{
  return g_atomic_rc_box_acquire (record);
}

void
mscos_library_record_unref (MscosLibraryRecord *record)
{
  g_atomic_rc_box_release_full (record, (GDestroyNotify) clear_record);
}

/* Whether the record holds neither a bookmark nor a note: nothing of the user's. */
gboolean
mscos_library_record_is_empty (const MscosLibraryRecord *record)
{
  return record->bookmark_created == NULL && record->note == NULL;
}

GDateTime *
mscos_library_record_get_modified (const MscosLibraryRecord *record)
{
  if (record->bookmark_created == NULL)
    return record->note_modified;

  if (record->note_modified == NULL)
    return record->bookmark_created;

  if (g_date_time_compare (record->note_modified, record->bookmark_created) > 0)
    return record->note_modified;

  return record->bookmark_created;
}

/* Takes a reference on @record. */
MscosLibraryEntry *
mscos_library_entry_new (MscosLibraryRecord *record)
{
  MscosLibraryEntry *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (MSCOS_TYPE_LIBRARY_ENTRY, NULL);
  self->record = mscos_library_record_ref (record);

  return self;
}

MscosLibraryRecord *
mscos_library_entry_get_record (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record;
}

/* Replaces the entry's state with @record, taking a reference on it, and notifies each
 * property whose value changed. */
void
mscos_library_entry_set_record (MscosLibraryEntry  *self,
                                MscosLibraryRecord *record)
{
  g_autoptr (MscosLibraryRecord) before = NULL;

  g_return_if_fail (MSCOS_IS_LIBRARY_ENTRY (self));
  g_return_if_fail (record != NULL);
  g_return_if_fail (g_strcmp0 (record->pack_id, self->record->pack_id) == 0);
  g_return_if_fail (g_strcmp0 (record->item_id, self->record->item_id) == 0);

  if (record == self->record)
    return;

  before = g_steal_pointer (&self->record);
  self->record = mscos_library_record_ref (record);
  self->version++;

  g_object_freeze_notify (G_OBJECT (self));
  notify_if_string_changed (self, before->outcome_id, record->outcome_id, PROP_OUTCOME_ID);
  notify_if_string_changed (self, before->item_kind, record->item_kind, PROP_ITEM_KIND);
  notify_if_string_changed (self, before->item_title, record->item_title, PROP_ITEM_TITLE);
  notify_if_string_changed (self, before->excerpt, record->excerpt, PROP_EXCERPT);
  notify_if_string_changed (self, before->digest, record->digest, PROP_DIGEST);
  if ((before->bookmark_created != NULL) != (record->bookmark_created != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
  notify_if_time_changed (self, before->bookmark_created, record->bookmark_created,
                          PROP_BOOKMARK_CREATED);
  notify_if_string_changed (self, before->note, record->note, PROP_NOTE);
  notify_if_time_changed (self, before->note_created, record->note_created, PROP_NOTE_CREATED);
  notify_if_time_changed (self, before->note_modified, record->note_modified, PROP_NOTE_MODIFIED);
  notify_if_time_changed (self,
                          mscos_library_record_get_modified (before),
                          mscos_library_record_get_modified (record),
                          PROP_MODIFIED);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
mscos_library_entry_get_slot (MscosLibraryEntry *self)
{
  g_assert (MSCOS_IS_LIBRARY_ENTRY (self));

  return self->slot;
}

void
mscos_library_entry_set_slot (MscosLibraryEntry *self,
                              guint              slot)
{
  g_assert (MSCOS_IS_LIBRARY_ENTRY (self));

  self->slot = slot;
}

/**
 * mscos_library_entry_get_pack_id:
 * @self: a #MscosLibraryEntry
 *
 * Returns: the id of the content pack the item belongs to
 */
const char *
mscos_library_entry_get_pack_id (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->pack_id;
}

/**
 * mscos_library_entry_get_item_id:
 * @self: a #MscosLibraryEntry
 *
 * Returns: the id of the item
 */
const char *
mscos_library_entry_get_item_id (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->item_id;
}

/**
 * mscos_library_entry_get_outcome_id:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (nullable): the id of the outcome the item was under when the entry was last saved
 */
const char *
mscos_library_entry_get_outcome_id (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->outcome_id;
}

/**
 * mscos_library_entry_get_item_kind:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (nullable): the item's kind as mscos_item_kind_to_string() spells it
 */
const char *
mscos_library_entry_get_item_kind (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->item_kind;
}

/**
 * mscos_library_entry_get_item_title:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (nullable): the item's display title when the entry was last saved
 */
const char *
mscos_library_entry_get_item_title (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->item_title;
}

/**
 * mscos_library_entry_get_excerpt:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (nullable): the words of a quotation or recommendation, or the item's summary,
 *   when the entry was last saved
 */
const char *
mscos_library_entry_get_excerpt (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->excerpt;
}

/**
 * mscos_library_entry_get_digest:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (nullable): the item's digest when the entry was last saved
 */
const char *
mscos_library_entry_get_digest (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->digest;
}

/**
 * mscos_library_entry_get_bookmarked:
 * @self: a #MscosLibraryEntry
 *
 * Returns: whether the item is bookmarked
 */
gboolean
mscos_library_entry_get_bookmarked (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), FALSE);

  return self->record->bookmark_created != NULL;
}

/**
 * mscos_library_entry_get_bookmark_created:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (transfer none) (nullable): when the item was bookmarked, in UTC
 */
GDateTime *
mscos_library_entry_get_bookmark_created (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->bookmark_created;
}

/**
 * mscos_library_entry_get_note:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (nullable): the note, never an empty string
 */
const char *
mscos_library_entry_get_note (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->note;
}

/**
 * mscos_library_entry_get_note_created:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (transfer none) (nullable): when the note was begun, in UTC
 */
GDateTime *
mscos_library_entry_get_note_created (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->note_created;
}

/**
 * mscos_library_entry_get_note_modified:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (transfer none) (nullable): when the note was last changed, in UTC
 */
GDateTime *
mscos_library_entry_get_note_modified (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return self->record->note_modified;
}

/**
 * mscos_library_entry_get_modified:
 * @self: a #MscosLibraryEntry
 *
 * Returns: (transfer none) (nullable): the latest change to the bookmark or the note, in UTC;
 *   %NULL only for a snapshot of an entry that has neither
 */
GDateTime *
mscos_library_entry_get_modified (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  return mscos_library_record_get_modified (self->record);
}

/**
 * mscos_library_entry_get_version:
 * @self: a #MscosLibraryEntry
 *
 * Returns: a number that changes each time the entry does, so that what is derived from an
 *   entry can be kept until it changes
 */
guint
mscos_library_entry_get_version (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), 0);

  return self->version;
}

/**
 * mscos_library_entry_get_status:
 * @self: a #MscosLibraryEntry
 * @pack: the content pack being read
 *
 * Tells whether the entry's item is in @pack, and whether its text changed since the entry
 * was last saved. An entry saved without a digest is taken to be unchanged.
 *
 * Returns: the entry's status in @pack
 */
MscosLibraryEntryStatus
mscos_library_entry_get_status (MscosLibraryEntry *self,
                                MscosContentPack  *pack)
{
  MscosItem *item;

  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), MSCOS_LIBRARY_ENTRY_MISSING);
  g_return_val_if_fail (MSCOS_IS_CONTENT_PACK (pack), MSCOS_LIBRARY_ENTRY_MISSING);

  if (g_strcmp0 (mscos_content_pack_get_id (pack), self->record->pack_id) != 0)
    return MSCOS_LIBRARY_ENTRY_MISSING;

  item = mscos_content_pack_lookup_item (pack, self->record->item_id);
  if (item == NULL)
    return MSCOS_LIBRARY_ENTRY_MISSING;

  if (self->record->digest == NULL)
    return MSCOS_LIBRARY_ENTRY_PRESENT;

  if (g_strcmp0 (mscos_item_get_digest (item), self->record->digest) != 0)
    return MSCOS_LIBRARY_ENTRY_CHANGED;

  return MSCOS_LIBRARY_ENTRY_PRESENT;
}

/**
 * mscos_library_entry_copy:
 * @self: a #MscosLibraryEntry
 *
 * Makes a snapshot of the entry as it is now, which later changes to the library do not
 * touch: give it to mscos_library_restore() to undo a deletion.
 *
 * Returns: (transfer full): a detached copy of @self
 */
MscosLibraryEntry *
mscos_library_entry_copy (MscosLibraryEntry *self)
{
  g_return_val_if_fail (MSCOS_IS_LIBRARY_ENTRY (self), NULL);

  /* Records never change once shared, so the copy can share it. */
  return mscos_library_entry_new (self->record);
}
