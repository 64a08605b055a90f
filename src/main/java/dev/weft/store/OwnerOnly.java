package dev.weft.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The store's files ({@code weft.db}, {@code weft.db.redo}, {@code weft.lock}, spilled
 * {@code weft.db.wal.N}) readable by their owner only, {@code 0600}, like the server's keys: a
 * copy of the data dir (a backup, an archive) keeps the modes. Each is made (or tightened, when an
 * older Weft made it) just before it opens. Where the file system has no POSIX modes (Windows) the
 * file keeps the ACL of the per-user folder it lives in.
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code file} empty and {@code 0600} if it is missing, else makes it {@code 0600}. */
    static void prepare(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException e) {
            if (!Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        }
    }

    /** {@link #prepare} for callers that cannot throw {@link IOException} (MapDB's volume factory). */
    static void prepareUnchecked(Path file) {
        try {
            prepare(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " private", e);
        }
    }
}
