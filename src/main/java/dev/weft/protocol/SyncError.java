package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 36 sync_error} (extension): a request about one document failed; the connection stays open.
 *
 * @param documentId the document, or {@link #NO_DOCUMENT}
 * @param code the error code (u16), for example 404
 * @param message a human-readable text, 0..{@value #MAX_MESSAGE_BYTES} bytes of UTF-8 without control characters
 */
public record SyncError(UUID documentId, int code, String message) implements Message {
    public static final int TYPE = 36;
    /** Largest message text, in bytes of UTF-8. */
    public static final int MAX_MESSAGE_BYTES = 1024;
    /** The all-zero id of an error that concerns no document. */
    public static final UUID NO_DOCUMENT = new UUID(0, 0);
    /** The server's disk is full: nothing of the write was stored; send it again later (protocol.md §4). */
    public static final int DISK_FULL = 507;
    /**
     * The server's store file is damaged: it is read-only until repaired; nothing of the write was
     * stored, and a note whose pages are damaged is not sent (protocol.md §4).
     */
    public static final int STORE_DAMAGED = 500;
    /** The request's name breaks the name rule: nothing of it was stored (protocol.md §4). */
    public static final int BAD_NAME = 400;
    /** A refusal: the name is taken and its numbered form breaks the name rule, say (protocol.md §4). */
    public static final int REFUSED = 409;
    /** The document's name, as the server stored it, breaks the name rule: its changes are not sent (protocol.md §4). */
    public static final int NAME_NOT_SENDABLE = 422;

    public SyncError {
        Fields.present(documentId, "documentId");
        Fields.u16(code, "code");
        TextRules.requirePlainText(message, 0, MAX_MESSAGE_BYTES, "message");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
