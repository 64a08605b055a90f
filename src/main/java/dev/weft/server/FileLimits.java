package dev.weft.server;

/**
 * The server's settings for files (docs/protocol.md §11): {@code --file-limit} and {@code --file-versions}.
 *
 * @param maxFileBytes the largest file a commit may describe
 * @param keptVersions versions kept per path, 1..{@value dev.weft.protocol.FileList#MAX_ENTRIES}
 */
public record FileLimits(long maxFileBytes, int keptVersions) {
    /** 2 GiB, 10 versions. */
    public static final FileLimits DEFAULT = new FileLimits(2L << 30, 10);

    public FileLimits {
        if (maxFileBytes < 0) {
            throw new IllegalArgumentException("a file limit of " + maxFileBytes + " bytes");
        }
        if (keptVersions < 1 || keptVersions > dev.weft.protocol.FileList.MAX_ENTRIES) {
            throw new IllegalArgumentException("file versions " + keptVersions + " outside 1.."
                    + dev.weft.protocol.FileList.MAX_ENTRIES);
        }
    }
}
