package dev.weft.client.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The device's trash for files, {@code .weft/files/trash/WHEN/PATH}: a file deleted on another
 * device (or replaced by a conflict's winner) is moved here, never deleted; {@link #restore} moves
 * it back, where it syncs as a new version.
 */
public final class FileTrash {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    /** A trashed file: its path in the vault and when it went. */
    public record Trashed(String path, String when, Path file) {
    }

    private final Path vault;
    private final Path root;

    public FileTrash(Path vault) {
        this.vault = vault.toAbsolutePath().normalize();
        this.root = this.vault.resolve(".weft").resolve("files").resolve("trash");
    }

    /** Moves the vault's file {@code path} into the trash. */
    Path put(String path) throws IOException {
        Path target = VaultFiles.resolve(root.resolve(WHEN.format(Instant.now())), path);
        Files.createDirectories(target.getParent());
        Files.move(VaultFiles.resolve(vault, path), target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Every trashed file, oldest first. */
    public List<Trashed> list() throws IOException {
        List<Trashed> trashed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return trashed;
        }
        try (Stream<Path> whens = Files.list(root).sorted()) {
            for (Path when : (Iterable<Path>) whens::iterator) {
                try (Stream<Path> files = Files.walk(when)) {
                    files.filter(Files::isRegularFile).sorted().forEach(f -> trashed.add(new Trashed(
                            when.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"),
                            when.getFileName().toString(), f)));
                }
            }
        }
        return trashed;
    }

    /**
     * Moves {@code trashed} back to its place in the vault (the next round sends it as a new
     * version); refused if a file is there now.
     */
    public void restore(Trashed trashed) throws IOException {
        Path target = VaultFiles.resolve(vault, trashed.path());
        if (Files.exists(target)) {
            throw new IOException(trashed.path() + " is in the vault again: rename it first");
        }
        Files.createDirectories(target.getParent());
        Files.move(trashed.file(), target, StandardCopyOption.ATOMIC_MOVE);
    }
}
