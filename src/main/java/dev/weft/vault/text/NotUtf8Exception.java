package dev.weft.vault.text;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that should hold a note is not valid UTF-8. Weft neither reads it as a note nor writes
 * over it; the user has to convert it (or move it out of the vault).
 */
public final class NotUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    NotUtf8Exception(Path file, long offset, String bytes) {
        super(file + " is not valid UTF-8 (bytes " + bytes + " at offset " + offset
                + "); Weft leaves it as it is: save it as UTF-8 to make it a note");
        this.file = file;
        this.offset = offset;
    }

    /** The file, as it was given to the reader. */
    public Path file() {
        return file;
    }

    /** Where the first malformed sequence starts, in bytes from the start of the file. */
    public long offset() {
        return offset;
    }
}
