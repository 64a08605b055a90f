package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 3 sync_doc_trash} (extension): moves a document to the trash.
 *
 * @param documentId the document
 */
public record SyncDocTrash(UUID documentId) implements Message {
    public static final int TYPE = 3;

    public SyncDocTrash {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
