package dev.weft.vault;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Removes every file a note has under {@code .weft/}: its log, structure, base copy, damaged or moving copy. */
final class NotePurge {
    private NotePurge() {
    }

    /** Deletes the files named after {@code id} in {@code weftDir} and its folders, one level down. */
    static void deleteFiles(Path weftDir, UUID id) throws IOException {
        String prefix = id.toString();
        try (DirectoryStream<Path> top = Files.newDirectoryStream(weftDir)) {
            for (Path entry : top) {
                if (Files.isDirectory(entry)) {
                    try (DirectoryStream<Path> inner = Files.newDirectoryStream(entry, prefix + "*")) {
                        for (Path file : inner) {
                            Files.deleteIfExists(file);
                        }
                    }
                } else if (entry.getFileName().toString().startsWith(prefix)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }
}
