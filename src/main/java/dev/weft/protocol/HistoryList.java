package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 8 history_list} (extension): asks for a document's versions (docs/protocol.md §10);
 * answered with {@code 40}.
 *
 * @param documentId the document
 */
public record HistoryList(UUID documentId) implements Message {
    public static final int TYPE = 8;

    public HistoryList {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
