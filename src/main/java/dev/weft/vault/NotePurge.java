package dev.weft.vault;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Removes every file a note has under {@code .weft/}: its log, structure, base copy, damaged or moving copy. */
final class NotePurge {
    private static final int ID_LENGTH = 36;

    private NotePurge() {
    }

    /**
     * Deletes the files named after any of {@code ids} in {@code weftDir} and its folders, one level
     * down: each folder is listed once for the whole batch (a listing of {@code .weft/docs} costs
     * O(notes)).
     */
    static void deleteFiles(Path weftDir, Set<UUID> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        Set<String> names = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        try (DirectoryStream<Path> top = Files.newDirectoryStream(weftDir)) {
            for (Path entry : top) {
                if (Files.isDirectory(entry)) {
                    try (DirectoryStream<Path> inner = Files.newDirectoryStream(entry)) {
                        for (Path file : inner) {
                            deleteIfNamed(file, names);
                        }
                    }
                } else {
                    deleteIfNamed(entry, names);
                }
            }
        }
    }

    private static void deleteIfNamed(Path file, Set<String> ids) throws IOException {
        String name = file.getFileName().toString();
        if (name.length() >= ID_LENGTH && ids.contains(name.substring(0, ID_LENGTH))) {
            Files.deleteIfExists(file);
        }
    }
}
