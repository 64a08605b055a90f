package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 6 sync_doc_trash_batch} (extension, {@link TrashForm}): a {@code 3} that says when the
 * device's user trashed the note and in which batch (docs/protocol.md §9).
 *
 * @param documentId the document
 * @param knownAt the device's sync time for the document when its user trashed it (u64, unsigned):
 *     a change another device made after it wins over the trash
 * @param batch the batch: every trash of one user action or one sync shares it (0: none)
 */
public record SyncDocTrashBatch(UUID documentId, long knownAt, long batch) implements Message {
    public static final int TYPE = 6;

    public SyncDocTrashBatch {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
