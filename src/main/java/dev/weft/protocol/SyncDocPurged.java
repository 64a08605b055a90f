package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 39 sync_doc_purged} (extension, {@link TrashForm}): the document was deleted forever; ends the
 * answer to any request about it in place of a {@code 34} (docs/protocol.md §9).
 *
 * @param documentId the document
 * @param syncTime the sync time of the purge (u64, unsigned)
 */
public record SyncDocPurged(UUID documentId, long syncTime) implements Message {
    public static final int TYPE = 39;

    public SyncDocPurged {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
