package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 4 sync_doc_restore} (extension): takes a document out of the trash.
 *
 * @param documentId the document
 */
public record SyncDocRestore(UUID documentId) implements Message {
    public static final int TYPE = 4;

    public SyncDocRestore {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
