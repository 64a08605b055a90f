package dev.weft.server.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read: a directory {@code 0700} and files {@code 0600} where the file
 * system has POSIX permissions. Elsewhere (Windows) they inherit the ACL of the per-user data
 * folder they live in. Files are written whole or not at all: a temporary file in the same
 * directory, forced to disk, then renamed over the target.
 */
final class PrivateFiles {
    private static final String DIRECTORY_MODE = "rwx------";
    private static final String FILE_MODE = "rw-------";

    private PrivateFiles() {
    }

    /** Creates {@code directory} (and its parents) if needed and makes it {@code 0700}. */
    static void directory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (posix(directory)) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(DIRECTORY_MODE));
        }
    }

    /** Replaces {@code file} with {@code content} atomically; the new file is {@code 0600}. */
    static void write(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = posix(directory);
        Path temporary = posix
                ? Files.createTempFile(directory, ".tmp-", "",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(FILE_MODE)))
                : Files.createTempFile(directory, ".tmp-", "");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (posix) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    private static boolean posix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
