package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 1 sync_doc_pull}: asks for the changes of one document since {@code lastSyncTime}.
 *
 * @param documentId the document
 * @param lastSyncTime the device's time for that document, 0 if it has never seen it (u64, unsigned)
 */
public record SyncDocPull(UUID documentId, long lastSyncTime) implements Message {
    public static final int TYPE = 1;

    public SyncDocPull {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
