package dev.weft.protocol;

/**
 * The trash messages of docs/protocol.md §9 ({@code 6}, {@code 7}, {@code 38}, {@code 39}): only on a
 * connection where both ends announced {@value #HEADER}; a peer that never did gets the seed's and
 * the earlier extensions' messages, byte for byte.
 */
public final class TrashForm {
    /** The upgrade header both ends send to announce the trash messages; the 101 answers it in kind. */
    public static final String HEADER = "Weft-Trash";
    /** The header's one value. */
    public static final String VERSION = "1";

    private TrashForm() {
    }

    /** Whether {@code m} is one of the trash messages. */
    public static boolean isTrash(Message m) {
        return m instanceof SyncDocTrashBatch || m instanceof SyncDocPurge || m instanceof SyncDocTrashInfo
                || m instanceof SyncDocPurged;
    }
}
