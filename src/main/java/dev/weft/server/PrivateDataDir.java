package dev.weft.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data dir made private to the user who runs the server before anything is put in it: created
 * if missing and set to {@code 0700} where the file system has POSIX permissions, so no other
 * user can read the store or reach the control socket. Elsewhere (Windows) it keeps the ACL of
 * the per-user folder it lives in.
 */
final class PrivateDataDir {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDataDir() {
    }

    static void prepare(Path dir) throws ServerStartException {
        try {
            Files.createDirectories(dir);
            if (posix(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new ServerStartException("cannot use data dir " + dir + ": " + describe(e), e);
        }
    }

    /** Whether {@code path}'s file system has POSIX permissions. */
    static boolean posix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder";
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + " cannot be made there";
        }
        return e.getMessage();
    }
}
