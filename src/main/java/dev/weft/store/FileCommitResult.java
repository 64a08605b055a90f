package dev.weft.store;

import java.util.List;

/** What {@link WriteBatch#commitFile} did (docs/protocol.md §11, "Commit"). */
public sealed interface FileCommitResult {
    /**
     * Stored as {@code version}; {@code unreferenced} are the chunks no kept version references any
     * more, to delete once the commit is durable (if a later commit has not referenced them again).
     */
    record Committed(FileVersion version, List<byte[]> unreferenced) implements FileCommitResult {
    }

    /** The base is not the path's current version, or another path holds this name (case ignored): nothing changed. */
    record Conflict(FileVersion current) implements FileCommitResult {
    }

    /** These chunks are not held: nothing changed. */
    record Missing(List<byte[]> hashes) implements FileCommitResult {
    }
}
