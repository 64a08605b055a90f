package dev.weft.store;

import java.util.concurrent.TimeUnit;

/** The trash's rules of docs/protocol.md §9, as pure functions of times (µs since the epoch) and sites. */
public final class TrashRules {
    private TrashRules() {
    }

    /**
     * Whether a change another device made at {@code otherEdit} wins over a trash from a device that
     * knew the document as of {@code knownAt} (unsigned; {@code -1}, the greatest, when it says nothing).
     */
    public static boolean editWins(long otherEdit, long knownAt) {
        return Long.compareUnsigned(otherEdit, knownAt) > 0;
    }

    /**
     * Whether a change by {@code site}, whose device was current to {@code deviceTime}, takes a
     * document out of {@code trash}: it is in the trash, another device put it there, and this one
     * had not seen that.
     */
    public static boolean editUndoesTrash(boolean trashed, TrashRecord trash, int site, long deviceTime) {
        return trashed && trash.at() != 0 && trash.by() != site && Long.compareUnsigned(deviceTime, trash.at()) < 0;
    }

    /**
     * Whether a document trashed at {@code trashedAt} is due to be deleted forever at {@code now} when
     * the server keeps trashed notes {@code days} days (0: forever).
     */
    public static boolean purgeDue(long trashedAt, long now, int days) {
        return days > 0 && now - trashedAt >= TimeUnit.DAYS.toMicros(days);
    }
}
