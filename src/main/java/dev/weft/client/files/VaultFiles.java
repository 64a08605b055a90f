package dev.weft.client.files;

import dev.weft.protocol.NoteNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which files of a vault sync (docs/files.md): every regular file that is not a note ({@code .md}),
 * not under a segment starting with a dot ({@code .weft/}, {@code .git/}, {@code .obsidian/}),
 * whose path is a name the vault takes ({@link NoteNames}) and that {@code .weftignore} leaves in.
 */
public final class VaultFiles {
    /** A file as the scan saw it: {@code modified} in ms since the epoch. */
    public record Seen(String path, long size, long modified) {
    }

    private VaultFiles() {
    }

    /** Whether the file at vault-relative {@code path} syncs under {@code ignore}. */
    public static boolean synced(String path, IgnoreRules ignore) {
        return !path.endsWith(".md") && NoteNames.validate(path).isEmpty() && !ignore.ignores(path, false);
    }

    /** Whether vault-relative {@code path} can be a synced file's, whatever {@code .weftignore} says. */
    public static boolean isFile(String path) {
        return synced(path, IgnoreRules.NONE);
    }

    /** The paths of the synced files of {@code vault} (under its {@code .weftignore}), sorted. */
    public static List<String> list(Path vault) throws IOException {
        return List.copyOf(scan(vault, ignoreRules(vault)).keySet());
    }

    /** The vault's {@code .weftignore}, or no rules. */
    public static IgnoreRules ignoreRules(Path vault) throws IOException {
        try {
            return IgnoreRules.parse(Files.readString(vault.resolve(IgnoreRules.FILE), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return IgnoreRules.NONE;
        }
    }

    /** The synced files of {@code vault} by path, sorted. */
    public static Map<String, Seen> scan(Path vault, IgnoreRules ignore) throws IOException {
        Path root = vault.toAbsolutePath().normalize();
        Map<String, Seen> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String path = relative(root, dir);
                return dir.getFileName().toString().startsWith(".") || ignore.ignores(path, true)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    String path = relative(root, file);
                    if (synced(path, ignore)) {
                        files.put(path, new Seen(path, attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone since the folder was listed, or unreadable: not a file to sync
            }
        });
        return files;
    }

    /** The file of vault-relative {@code path}. */
    public static Path resolve(Path vault, String path) {
        return vault.resolve(path.replace('/', vault.getFileSystem().getSeparator().charAt(0)));
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
    }
}
