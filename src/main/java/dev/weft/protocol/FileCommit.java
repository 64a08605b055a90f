package dev.weft.protocol;

import java.util.List;

/**
 * {@code file_commit} (docs/protocol.md §11): a device's new version of a file, compare-and-set on
 * {@code base}.
 *
 * @param path the file's vault-relative path, 1..{@value NoteNames#MAX_BYTES} bytes of text
 * @param base the version this device's copy came from; 0 for a file it never had from the server
 * @param deleted whether this commit deletes the file (then size 0, no chunks)
 * @param size the content's length in bytes, the sum of the chunk lengths
 * @param sha256 the SHA-256 of the whole content ({@link Sha256#EMPTY} when size is 0)
 * @param modified the file's mtime on this device, ms since the epoch
 * @param chunks the content's chunks in order, at most 65,536
 */
public record FileCommit(String path, long base, boolean deleted, long size, Sha256 sha256, long modified,
        List<FileChunk> chunks) {
    public FileCommit {
        TextRules.requirePlainText(path, 1, NoteNames.MAX_BYTES, "path");
        Fields.present(sha256, "sha256");
        chunks = Fields.copy(chunks, "chunks");
        FileContent.check(deleted, size, sha256, chunks);
    }

    /** The commit that deletes {@code path}. */
    public static FileCommit deletion(String path, long base, long modified) {
        return new FileCommit(path, base, true, 0, Sha256.EMPTY, modified, List.of());
    }

    /** This commit as the entry the server keeps, stamped with {@code version} and the committing device. */
    public FileEntry entry(long version, String deviceName) {
        return new FileEntry(version, path, deleted, size, sha256, modified, deviceName, chunks);
    }
}
