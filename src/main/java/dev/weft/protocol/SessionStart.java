package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 64 session_start}: opens an editing session on a document, creating it if needed.
 *
 * @param lastSyncTime the device's time for that document (u64, unsigned)
 * @param documentId the document
 */
public record SessionStart(long lastSyncTime, UUID documentId) implements Message {
    public static final int TYPE = 64;

    public SessionStart {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
