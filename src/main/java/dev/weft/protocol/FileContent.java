package dev.weft.protocol;

import java.util.List;

/** The rules {@link FileEntry} and {@link FileCommit} share about a file's content (docs/protocol.md §11). */
final class FileContent {
    /** The most chunks one file may have. */
    static final int MAX_CHUNKS = 65_536;
    /** Bit 0 of {@code flags}: the file is deleted. */
    static final int FLAG_DELETED = 1;

    private FileContent() {
    }

    /** Why the fields do not describe one content, or null if they do. */
    static String problem(boolean deleted, long size, Sha256 sha256, List<FileChunk> chunks) {
        if (chunks.size() > MAX_CHUNKS) {
            return chunks.size() + " chunks, over " + MAX_CHUNKS;
        }
        long sum = 0;
        for (FileChunk c : chunks) {
            sum += c.length();
        }
        if (sum != size) {
            return "size " + Long.toUnsignedString(size) + " is not the sum of its chunk lengths " + sum;
        }
        if (deleted && size != 0) {
            return "a deleted file with size " + Long.toUnsignedString(size);
        }
        if (size == 0 && !sha256.equals(Sha256.EMPTY)) {
            return "an empty content whose SHA-256 is not that of no bytes";
        }
        return null;
    }

    static void check(boolean deleted, long size, Sha256 sha256, List<FileChunk> chunks) {
        String problem = problem(deleted, size, sha256, chunks);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
