package dev.weft.server;

import dev.weft.server.security.CertificateStore;
import dev.weft.store.Store;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A backup of a running server in one file (docs/server.md, "Backups"): a zip of the store as of one
 * commit ({@link Store#snapshot}: its files as they are, whatever their layout), the TLS identity
 * ({@code tls/}: devices pin its certificate, so a restored server must show the same one) and
 * {@value #MANIFEST} (format, when, store, run, last sync time). The store's files are copied raw beside
 * the target while writes wait (a file copy, not compression), then zipped as a hidden file there,
 * synced and renamed over the target: a failure leaves no file and an older backup as it was. Made
 * {@code 0600}: it holds every note and the TLS key.
 */
final class ServerBackup {
    static final String MANIFEST = "weft-backup.properties";
    static final String FORMAT = "1";
    static final String TLS = CertificateStore.DIRECTORY + "/";

    /** A backup written: where, its size, the last sync time of the changes it holds, how long writes waited. */
    record Made(Path file, long bytes, long lastSyncTime, long writesWaitedMillis) {
    }

    private ServerBackup() {
    }

    /** Writes a backup of the server whose store and data dir these are to {@code target} (absolute). */
    static Made write(Store store, Path dataDir, Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || Files.isDirectory(target)) {
            throw new IOException(target + " is a folder: name the backup file");
        }
        Path temp = createPrivate(parent, "." + target.getFileName() + ".");
        Map<String, Path> copies = new LinkedHashMap<>();
        try {
            // the store's files are copied as they are while writes wait, then compressed while they go on
            long start = System.nanoTime();
            Store.Snapshot snapshot = store.snapshot((name, path) -> {
                Path copy = createPrivate(parent, "." + target.getFileName() + "." + name + ".");
                copies.put(name, copy);
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
            });
            long waited = (System.nanoTime() - start) / 1_000_000;
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.WRITE);
                    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                zip.setLevel(Deflater.BEST_SPEED);
                for (Map.Entry<String, Path> copy : copies.entrySet()) {
                    add(zip, copy.getKey(), copy.getValue());
                }
                Path tls = dataDir.resolve(CertificateStore.DIRECTORY);
                if (Files.isDirectory(tls)) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(tls, Files::isRegularFile)) {
                        for (Path f : files) {
                            add(zip, TLS + f.getFileName(), f);
                        }
                    }
                }
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest(snapshot).store(zip, "Weft server backup: weft --server --restore FILE --data NEWDIR");
                zip.closeEntry();
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDir(parent);
            return new Made(target, Files.size(target), snapshot.lastSyncTime(), waited);
        } finally {
            Files.deleteIfExists(temp);
            for (Path copy : copies.values()) {
                Files.deleteIfExists(copy);
            }
        }
    }

    private static Properties manifest(Store.Snapshot snapshot) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("made", Instant.now().toString());
        p.setProperty("store", snapshot.run().store().toString());
        p.setProperty("run", Long.toHexString(snapshot.run().run()));
        p.setProperty("lastSyncTime", Long.toString(snapshot.lastSyncTime()));
        return p;
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static Path createPrivate(Path dir, String prefix) throws IOException {
        if (PrivateDataDir.posix(dir)) {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private static void syncDir(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every system syncs a directory (Windows): the rename is done all the same
        }
    }

    /** An I/O failure as a person reads it: which file, and why. */
    static String why(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such folder or file";
        }
        if (e instanceof NotDirectoryException notDir) {
            return notDir.getFile() + ": not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
