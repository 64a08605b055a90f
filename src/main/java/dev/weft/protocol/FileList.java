package dev.weft.protocol;

import java.util.List;

/**
 * {@code file_list} (docs/protocol.md §11): the answer to {@code list} (entries in increasing
 * version) and to {@code versions} (one path's kept versions, newest first).
 *
 * @param entries at most {@value #MAX_ENTRIES}
 */
public record FileList(List<FileEntry> entries) {
    /** The most entries in one list. */
    public static final int MAX_ENTRIES = 4_096;
    /**
     * A server stops adding entries to a {@code list} answer once its body passes this many bytes
     * (8 MiB): an answer of {@value #MAX_ENTRIES} entries or of more bytes is full.
     */
    public static final int FULL_BYTES = 8 << 20;

    public FileList {
        entries = Fields.copy(entries, "entries");
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(entries.size() + " entries, over " + MAX_ENTRIES);
        }
    }
}
