package dev.weft.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A folder of {@code .weft/} holding one {@code ID.md} per note: {@code base/} (what a note's file
 * held before its replica moved on, for a merge after a crash), {@code moving/} (a file stepping
 * aside while two renames wait on each other), {@code incoming/}; or one {@code ID.md.structure}
 * ({@link DamagedLogs}).
 */
final class IdFolder {
    private final Path dir;
    private final String suffix;

    IdFolder(Path dir) {
        this(dir, ".md");
    }

    IdFolder(Path dir, String suffix) {
        this.dir = dir;
        this.suffix = suffix;
    }

    Path dir() {
        return dir;
    }

    Path path(UUID id) {
        return dir.resolve(id + suffix);
    }

    /** The notes with a file here. */
    Set<UUID> ids() throws IOException {
        Set<UUID> ids = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + suffix)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    ids.add(UUID.fromString(name.substring(0, name.length() - suffix.length())));
                } catch (IllegalArgumentException e) {
                    // not one of ours
                }
            }
        }
        return ids;
    }

    /**
     * Replaces the note's file with {@code text}: temporary file and rename, no fsync (a kill leaves
     * the old text or the new, which is all a merge needs; it is not worth an fsync per edit).
     */
    void write(UUID id, String text) throws IOException {
        Path file = path(id);
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The note's text here, or null. */
    String read(UUID id) throws IOException {
        try {
            return Files.readString(path(id), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    void delete(UUID id) throws IOException {
        Files.deleteIfExists(path(id));
    }
}
