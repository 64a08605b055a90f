package dev.weft.server;

import dev.weft.server.security.CertificateStore;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code weft --server --restore FILE --data NEWDIR}: makes NEWDIR (absent or empty) the data dir of
 * the backup {@link ServerBackup} wrote. Every entry is read and checked first (the zip's CRCs, the
 * names it may hold), then unpacked beside NEWDIR and opened as a store (every page's checksum) before
 * it is renamed into place: a corrupt or foreign file is reported and changes nothing. The store it
 * holds, opened by the server, begins a run of its own, so devices that hold changes after the
 * backup upload them again (docs/client.md, "A lost or rolled-back server store").
 */
public final class BackupRestore {
    /** What was restored: when the backup was made and the last sync time of the changes it holds. */
    public record Restored(Instant made, long lastSyncTime) {
    }

    private BackupRestore() {
    }

    /** Restores {@code backup} as the data dir {@code dataDir}; throws with one sentence if it cannot. */
    public static Restored restore(Path backup, Path dataDir) throws ServerStartException {
        Path target = dataDir.toAbsolutePath().normalize();
        try {
            if (Files.exists(target) && !isEmptyDir(target)) {
                throw new ServerStartException("cannot restore into " + target + ": it is not empty; restore into a"
                        + " new data dir (the server's present one stays as it is)", null);
            }
            Properties manifest = check(backup);
            Restored restored = restored(backup, manifest);
            Path parent = target.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".restoring-");
            try {
                unpack(backup, staging);
                openable(backup, staging);
                if (Files.exists(target)) {
                    Files.delete(target); // empty, checked above
                }
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                if (Files.exists(staging)) {
                    deleteTree(staging);
                }
            }
            return restored;
        } catch (IOException e) {
            throw new ServerStartException("cannot restore " + backup + " into " + target + ": " + ServerBackup.why(e), e);
        }
    }

    /** Reads every entry to its end (a damaged one fails its CRC) and returns the manifest. */
    private static Properties check(Path backup) throws IOException, ServerStartException {
        Properties manifest = null;
        boolean store = false;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!allowed(name)) {
                    throw notABackup(backup, "it holds '" + name + "'", null);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    if (name.equals(ServerBackup.MANIFEST)) {
                        manifest = new Properties();
                        manifest.load(in);
                    } else {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                } catch (IOException | IllegalArgumentException e) { // a bad CRC, a cut entry, a garbled manifest
                    throw corrupt(backup, name, e);
                }
                store |= name.equals("weft.db");
            }
        } catch (ZipException e) {
            throw notABackup(backup, "it is not a zip file, or a damaged one (" + e.getMessage() + ")", e);
        }
        if (manifest == null || !store) {
            throw notABackup(backup, "it lacks " + (manifest == null ? ServerBackup.MANIFEST : "weft.db"), null);
        }
        if (!ServerBackup.FORMAT.equals(manifest.getProperty("format"))) {
            throw notABackup(backup, "its format '" + manifest.getProperty("format") + "' is not one this Weft reads", null);
        }
        return manifest;
    }

    private static Restored restored(Path backup, Properties manifest) throws ServerStartException {
        try {
            UUID.fromString(manifest.getProperty("store", ""));
            return new Restored(Instant.parse(manifest.getProperty("made", "")),
                    Long.parseLong(manifest.getProperty("lastSyncTime", "")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw notABackup(backup, "its " + ServerBackup.MANIFEST + " is garbled", e);
        }
    }

    private static boolean allowed(String name) {
        if (name.equals(ServerBackup.MANIFEST) || name.equals("weft.db") || name.equals("weft.db.redo")) {
            return true;
        }
        String file = name.startsWith(ServerBackup.TLS) ? name.substring(ServerBackup.TLS.length()) : "";
        return !file.isEmpty() && !file.contains("/") && !file.contains("\\") && !file.equals("..") && !file.equals(".");
    }

    private static void unpack(Path backup, Path staging) throws IOException {
        boolean posix = PrivateDataDir.posix(staging);
        if (posix) {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(ServerBackup.MANIFEST)) {
                    continue;
                }
                Path file = staging.resolve(entry.getName());
                if (entry.getName().startsWith(ServerBackup.TLS)) {
                    Files.createDirectories(staging.resolve(CertificateStore.DIRECTORY));
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
                if (posix) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
        Path tls = staging.resolve(CertificateStore.DIRECTORY);
        if (posix && Files.isDirectory(tls)) {
            Files.setPosixFilePermissions(tls, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Opens the unpacked store (which checks every page) and closes it; a damaged one is refused. */
    private static void openable(Path backup, Path staging) throws ServerStartException {
        try (Store store = Store.open(staging)) {
            if (store.damage().isPresent()) {
                throw corrupt(backup, "weft.db", store.damage().get());
            }
        } catch (StoreException e) {
            throw corrupt(backup, "weft.db", e);
        }
    }

    private static ServerStartException notABackup(Path backup, String why, Throwable cause) {
        return new ServerStartException("cannot restore " + backup + ": it is not a Weft server backup (" + why
                + "); nothing was changed", cause);
    }

    private static ServerStartException corrupt(Path backup, String entry, Throwable cause) {
        return new ServerStartException("cannot restore " + backup + ": the backup is damaged (" + entry + ": "
                + cause.getMessage() + "); nothing was changed", cause);
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        List<Path> all = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(all.get(i));
        }
    }
}
