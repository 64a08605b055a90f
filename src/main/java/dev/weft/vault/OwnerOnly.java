package dev.weft.vault;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Files and folders only their owner may use: {@code 0600} files and {@code 0700} folders on
 * POSIX systems; where the file system has ACLs instead (Windows), one entry that lets the owner do
 * anything. Temporary files ({@link AtomicFiles#writeTemp}) are {@code 0600} already; the rest of a
 * device's private files (record logs, the device token) are made so here.
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** The attributes that create a file {@code 0600} (none where there are no POSIX modes). */
    static FileAttribute<?>[] file() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Makes an existing {@code file} {@code 0600} (one an older Weft made readable by others). */
    static void tighten(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Creates {@code folder} and its parents if needed and makes it (not the parents) owner-only. */
    static void folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (posix()) {
            if (!Files.getPosixFilePermissions(folder).equals(FOLDER)) {
                Files.setPosixFilePermissions(folder, FOLDER);
            }
        } else {
            restrictAcl(folder);
        }
    }

    /** Where the file system has ACLs but no POSIX modes, leaves one entry: the owner may do anything. */
    static void restrictAcl(Path file) throws IOException {
        if (posix()) {
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                    .setPermissions(AclEntryPermission.values()).build()));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
