package dev.weft.store;

import java.util.UUID;

/** A write to a document that was deleted forever (docs/protocol.md §9): nothing of it is stored. */
public final class PurgedException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final transient UUID document;

    public PurgedException(UUID document) {
        super("the note was deleted forever");
        this.document = document;
    }

    public UUID document() {
        return document;
    }
}
