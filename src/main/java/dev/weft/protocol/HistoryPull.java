package dev.weft.protocol;

import java.util.UUID;

/**
 * {@code 9 history_pull} (extension): asks for a document's text as of sync time {@code at}, with
 * its authors (docs/protocol.md §10); answered with {@code 41}.
 *
 * @param documentId the document
 * @param at a sync time (µs, unsigned)
 */
public record HistoryPull(UUID documentId, long at) implements Message {
    public static final int TYPE = 9;

    public HistoryPull {
        Fields.present(documentId, "documentId");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
