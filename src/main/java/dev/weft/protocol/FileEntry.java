package dev.weft.protocol;

import java.util.List;

/**
 * {@code file_entry} (docs/protocol.md §11): one version of a file as the server keeps it.
 *
 * @param version the sync time of this version (u64, unsigned)
 * @param path the file's vault-relative path, 1..{@value NoteNames#MAX_BYTES} bytes of text
 * @param deleted whether this version deletes the file (then size 0, no chunks)
 * @param size the content's length in bytes, the sum of the chunk lengths
 * @param sha256 the SHA-256 of the whole content ({@link Sha256#EMPTY} when size is 0)
 * @param modified the file's mtime on the device that committed it, ms since the epoch
 * @param deviceName the device that committed it, 1..{@value SessionPeer#MAX_DEVICE_NAME_BYTES} bytes
 * @param chunks the content's chunks in order, at most 65,536
 */
public record FileEntry(long version, String path, boolean deleted, long size, Sha256 sha256, long modified,
        String deviceName, List<FileChunk> chunks) {
    public FileEntry {
        TextRules.requirePlainText(path, 1, NoteNames.MAX_BYTES, "path");
        Fields.present(sha256, "sha256");
        TextRules.requirePlainText(deviceName, 1, SessionPeer.MAX_DEVICE_NAME_BYTES, "deviceName");
        chunks = Fields.copy(chunks, "chunks");
        FileContent.check(deleted, size, sha256, chunks);
    }
}
