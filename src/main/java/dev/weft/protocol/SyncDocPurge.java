package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 7 sync_doc_purge} (extension, {@link TrashForm}): deletes a document in the trash forever,
 * its text and history included (docs/protocol.md §9).
 *
 * @param documentId the document
 */
public record SyncDocPurge(UUID documentId) implements Message {
    public static final int TYPE = 7;

    public SyncDocPurge {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
