package dev.weft.store;

/**
 * A document's last trash (docs/protocol.md §9).
 *
 * @param at the sync time of the trash, 0 if never trashed
 * @param by the site of the device that trashed it (0: unknown)
 * @param batch the batch the device gave it (0: none)
 * @param editedBy 0 while the trash stands, or after a restore by hand; else the site whose edit,
 *     made without knowing of the trash, took the document out of it
 * @param undoneAt the sync time at which that edit took it out (0 if none)
 */
public record TrashRecord(long at, int by, long batch, int editedBy, long undoneAt) {
    /** Never trashed. */
    public static final TrashRecord NONE = new TrashRecord(0, 0, 0, 0, 0);

    /** Whether an edit took the document out of this trash. */
    public boolean undoneByEdit() {
        return editedBy != 0;
    }

    TrashRecord undoneBy(int site, long time) {
        return new TrashRecord(at, by, batch, site, time);
    }
}
