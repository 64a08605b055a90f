package dev.weft.client.files;

/**
 * A version of a file as the server keeps it (docs/protocol.md §11 {@code file_entry}).
 *
 * @param version its sync time
 * @param modified the mtime on the device that committed it, ms
 * @param device the name of that device
 */
public record RemoteEntry(long version, String path, boolean deleted, FileContent content, long modified,
        String device) {
}
