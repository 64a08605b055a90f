package dev.weft.protocol;

import java.io.IOException;

/** A {@code .md.structure} file that does not follow the layout of docs/protocol.md §6. */
public final class CorruptStructureException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    CorruptStructureException(long offset, String reason) {
        super("corrupt structure file at byte " + offset + ": " + reason);
        this.offset = offset;
    }

    /** Offset in the file of the header or atom that could not be read. */
    public long offset() {
        return offset;
    }
}
