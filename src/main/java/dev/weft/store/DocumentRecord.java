package dev.weft.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The stored state of a document. Bytes: {@code flags u8 (bit 0: trashed, bit 1: name time follows,
 * bit 2: trash follows, bit 3: edits follow, bit 4: purged, bit 5: creator follows) | sync time u64 |
 * created u64 | [name time u64] | [trash: at u64, by u8, batch u64, edited by u8, undone at u64] |
 * [edits: last u64, site u8, other u64, other site u8] | [creator u8] | name UTF-8} to the end.
 * Records written before the name time existed read it as {@code created}; before the trash, edits
 * and creator, as none.
 *
 * @param name the note name (empty once purged)
 * @param trashed whether the document is in the trash (a purged one is)
 * @param syncTime the sync time of its last change
 * @param created the sync time that created it: every op of the document is later than the one
 *     before it
 * @param nameTime the sync time at which the document got its name (created, renamed, restored
 *     under a new name): an upsert from a device that has not seen it does not undo it
 * @param trash its last trash, {@link TrashRecord#NONE} if never trashed
 * @param edits who changed it last ({@link Edits#NONE} for a record written before they were kept)
 * @param purged deleted forever: a tombstone left so that every device hears of it
 * @param creator the site of the device whose change made it, 0 if unknown (made before it was kept)
 */
record DocumentRecord(String name, boolean trashed, long syncTime, long created, long nameTime, TrashRecord trash,
        Edits edits, boolean purged, int creator) {
    private static final int TRASHED = 1;
    private static final int HAS_NAME_TIME = 2;
    private static final int HAS_TRASH = 4;
    private static final int HAS_EDITS = 8;
    private static final int PURGED = 16;
    private static final int HAS_CREATOR = 32;

    DocumentRecord(String name, boolean trashed, long syncTime, long created, long nameTime) {
        this(name, trashed, syncTime, created, nameTime, TrashRecord.NONE, Edits.NONE, false, 0);
    }

    /**
     * The last two editors: the last change ({@code last}, by {@code site}) and the last change by
     * another device than {@code site} ({@code other}, 0 if none). So whether a device other than X
     * changed the document after T is one comparison.
     */
    record Edits(long last, int site, long other, int otherSite) {
        static final Edits NONE = new Edits(0, 0, 0, 0);

        Edits by(int editor, long time) {
            return editor == site ? new Edits(time, editor, other, otherSite) : new Edits(time, editor, last, site);
        }

        /** The time of the last change made by another device than {@code device}, 0 if none. */
        long lastByOtherThan(int device) {
            return device == site ? other : last;
        }

        /** The site of that change. */
        int lastEditorOtherThan(int device) {
            return device == site ? otherSite : site;
        }
    }

    DocumentState state(UUID id) {
        return new DocumentState(id, name, trashed, syncTime);
    }

    DocumentRecord with(String newName, boolean nowTrashed, long time, long newNameTime) {
        return new DocumentRecord(newName, nowTrashed, time, created, newNameTime, trash, edits, false, creator);
    }

    DocumentRecord with(TrashRecord newTrash) {
        return new DocumentRecord(name, trashed, syncTime, created, nameTime, newTrash, edits, purged, creator);
    }

    /**
     * Notes {@code site}'s change at {@code time}; the change that made the document ({@code created}
     * is its time) also names its creator, the device whose text of before its pairing (site 255) it
     * holds: only the device that made a note has such text in it.
     */
    DocumentRecord editedBy(int site, long time) {
        int by = creator == 0 && time == created ? site : creator;
        return new DocumentRecord(name, trashed, syncTime, created, nameTime, trash, edits.by(site, time), purged, by);
    }

    /** What is left of the document once deleted forever: no name, no trash, no editors. */
    DocumentRecord purge(long time) {
        return new DocumentRecord("", true, time, created, time, TrashRecord.NONE, Edits.NONE, true, 0);
    }

    byte[] encode() {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        boolean hasTrash = !trash.equals(TrashRecord.NONE);
        boolean hasEdits = !edits.equals(Edits.NONE);
        int flags = (trashed ? TRASHED : 0) | HAS_NAME_TIME | (hasTrash ? HAS_TRASH : 0) | (hasEdits ? HAS_EDITS : 0)
                | (purged ? PURGED : 0) | (creator != 0 ? HAS_CREATOR : 0);
        ByteBuffer b = ByteBuffer.allocate(25 + (hasTrash ? 26 : 0) + (hasEdits ? 18 : 0) + (creator != 0 ? 1 : 0)
                + utf8.length)
                .put((byte) flags).putLong(syncTime).putLong(created).putLong(nameTime);
        if (hasTrash) {
            b.putLong(trash.at()).put((byte) trash.by()).putLong(trash.batch()).put((byte) trash.editedBy())
                    .putLong(trash.undoneAt());
        }
        if (hasEdits) {
            b.putLong(edits.last()).put((byte) edits.site()).putLong(edits.other()).put((byte) edits.otherSite());
        }
        if (creator != 0) {
            b.put((byte) creator);
        }
        return b.put(utf8).array();
    }

    static DocumentRecord decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int flags = b.get();
        long syncTime = b.getLong();
        long created = b.getLong();
        long nameTime = (flags & HAS_NAME_TIME) != 0 ? b.getLong() : created;
        TrashRecord trash = (flags & HAS_TRASH) == 0 ? TrashRecord.NONE
                : new TrashRecord(b.getLong(), b.get() & 0xFF, b.getLong(), b.get() & 0xFF, b.getLong());
        Edits edits = (flags & HAS_EDITS) == 0 ? Edits.NONE : new Edits(b.getLong(), b.get() & 0xFF, b.getLong(),
                b.get() & 0xFF);
        int creator = (flags & HAS_CREATOR) == 0 ? 0 : b.get() & 0xFF;
        String name = new String(bytes, b.position(), bytes.length - b.position(), StandardCharsets.UTF_8);
        return new DocumentRecord(name, (flags & TRASHED) != 0, syncTime, created, nameTime, trash, edits,
                (flags & PURGED) != 0, creator);
    }
}
