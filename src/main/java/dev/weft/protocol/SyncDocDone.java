package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 34 sync_doc_done} (extension): ends a pull, upsert, trash or restore; the client is
 * current to {@code syncTime}. On the wire {@code trashed} is bit 0 of a flags byte.
 *
 * @param documentId the document
 * @param syncTime the time the client is now current to (u64, unsigned)
 * @param trashed whether the document is in the trash
 */
public record SyncDocDone(UUID documentId, long syncTime, boolean trashed) implements Message {
    public static final int TYPE = 34;
    /** Flags bit: the document is in the trash. */
    public static final int FLAG_TRASHED = 0x01;

    public SyncDocDone {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
