package dev.weft.ui.attach;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The vault's attachments on disk: every regular file that is not a note ({@code .md}), outside any
 * folder or file whose name starts with a dot ({@code .weft/}, {@code .git/}, {@code .trash/}…), as
 * sync leaves those out too. Vault-relative {@code /}-separated paths, sorted.
 */
public final class VaultFiles {
    private VaultFiles() {
    }

    /** Blocks while it walks the folder: call off the event thread. */
    public static List<String> list(Path vault) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(vault, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(vault) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file) && !isNote(file.getFileName().toString())) {
                    files.add(relative(vault, file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a file that vanished or cannot be read is not listed
            }
        });
        files.sort(null);
        return files;
    }

    /** Whether a vault-relative path is an attachment's (not a note, no dot segment). */
    public static boolean isAttachment(String path) {
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.startsWith(".")) {
                return false;
            }
        }
        return !isNote(path);
    }

    static boolean isNote(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    static String relative(Path vault, Path file) {
        return vault.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
