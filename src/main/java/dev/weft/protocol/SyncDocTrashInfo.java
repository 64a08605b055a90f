package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 38 sync_doc_trash_info} (extension, {@link TrashForm}): the document's last trash, sent
 * before the {@code 34} of an answer to a device that has not seen it (docs/protocol.md §9).
 *
 * @param documentId the document
 * @param trashedAt the sync time of the trash (u64, unsigned)
 * @param batch the batch the trash belongs to (0: none)
 * @param trashedBy the name of the device that trashed it, 1..255 bytes of UTF-8 without control characters
 * @param editedBy 0..255 bytes: empty while the document is in the trash; else the name of the device whose edit,
 *     made without knowing of the trash, took it out again
 */
public record SyncDocTrashInfo(UUID documentId, long trashedAt, long batch, String trashedBy, String editedBy)
        implements Message {
    public static final int TYPE = 38;

    public SyncDocTrashInfo {
        Fields.present(documentId, "documentId");
        TextRules.requirePlainText(trashedBy, 1, SessionPeer.MAX_DEVICE_NAME_BYTES, "trashedBy");
        TextRules.requirePlainText(editedBy, 0, SessionPeer.MAX_DEVICE_NAME_BYTES, "editedBy");
    }

    /** Whether an edit took the document out of this trash. */
    public boolean undoneByEdit() {
        return !editedBy.isEmpty();
    }

    @Override
    public int type() {
        return TYPE;
    }
}
