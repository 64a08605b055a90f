package dev.weft.vault.text;

import dev.weft.protocol.NoteNames;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maps note names to files in a vault folder and back: the note {@code projects/weft/ideas} is
 * the file {@code VAULT/projects/weft/ideas.md} (docs/protocol.md §1), on every operating system.
 *
 * <p>A name is what {@link NoteNames} accepts (the one rule the server applies too), so no segment
 * starts with a dot: files and folders whose names start with a dot ({@code .weft}, {@code .git}, {@code .obsidian},
 * {@code .trash}, Weft's own temporary files) are hidden: {@link #scan} never enters or lists them,
 * and no note may be written into them. Only files ending in {@code .md} (lower case) are notes.
 */
public final class NotePaths {
    /** The suffix of a note's file. */
    public static final String EXTENSION = ".md";

    private final Path vault;

    /** The notes of the folder {@code vault}. */
    public NotePaths(Path vault) {
        this.vault = vault.toAbsolutePath().normalize();
    }

    /** The vault folder, absolute. */
    public Path vault() {
        return vault;
    }

    /** Why {@code name} cannot be a note in a vault, or empty if it can. */
    public static Optional<String> validate(String name) {
        return NoteNames.validate(name);
    }

    /** The file of note {@code name}. @throws IllegalArgumentException with the reason if the name is invalid */
    public Path pathOf(String name) {
        validate(name).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid note name " + name + ": " + problem);
        });
        String[] segments = name.split("/");
        Path path = vault;
        for (int i = 0; i < segments.length - 1; i++) {
            path = path.resolve(segments[i]);
        }
        return path.resolve(segments[segments.length - 1] + EXTENSION);
    }

    /** Why {@code file} (absolute, or relative to the vault) is not a note, or empty if it is one. */
    public Optional<String> validatePath(Path file) {
        return Optional.ofNullable(lookUp(file).problem());
    }

    /** The note name of {@code file}. @throws IllegalArgumentException with the reason if it is not a note */
    public String nameOf(Path file) {
        Lookup result = lookUp(file);
        if (result.problem() != null) {
            throw new IllegalArgumentException(file + " is not a note: " + result.problem());
        }
        return result.name();
    }

    /** A note name, or why there is none: exactly one of the two is null. */
    private record Lookup(String name, String problem) {
        static Lookup rejected(String problem) {
            return new Lookup(null, problem);
        }
    }

    private Lookup lookUp(Path file) {
        Path absolute = vault.resolve(file).normalize();
        if (!absolute.startsWith(vault) || absolute.equals(vault)) {
            return Lookup.rejected("not inside the vault " + vault);
        }
        return nameOfRelative(vault.relativize(absolute));
    }

    private static Lookup nameOfRelative(Path relative) {
        String file = relative.getFileName().toString();
        if (!file.endsWith(EXTENSION)) {
            return Lookup.rejected(file.toLowerCase(Locale.ROOT).endsWith(EXTENSION)
                    ? "extension is not " + EXTENSION + " in lower case" : "not a " + EXTENSION + " file");
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            name.append(relative.getName(i)).append('/');
        }
        name.append(file, 0, file.length() - EXTENSION.length());
        return validate(name.toString()).map(Lookup::rejected).orElse(new Lookup(name.toString(), null));
    }

    /** A file under the vault that looks like a note but is not one, and why. */
    public record Rejected(Path file, String reason) {
    }

    /**
     * What {@link #scan} found: the note names (sorted); the {@code .md} files that cannot be notes;
     * the groups of names that only differ in case or Unicode normalization ({@code A} and
     * {@code a}), which the protocol counts as one name, each group sorted and listed once; and the
     * temporary files that a crash in {@link MarkdownFiles#writeAtomically} left behind, which the
     * caller may delete.
     */
    public record Scan(List<String> names, List<Rejected> rejected, List<List<String>> collisions,
            List<Path> leftovers) {
    }

    /**
     * Lists every note in the vault without reading a file: one walk of the folder tree that skips
     * hidden folders whole (so a large {@code .git} costs nothing) and follows no symbolic link to a
     * folder. Folders it may not read are reported as rejected.
     */
    public Scan scan() throws IOException {
        List<String> names = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<Path> leftovers = new ArrayList<>();
        Files.walkFileTree(vault, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(vault) && dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String fileName = file.getFileName().toString();
                if (MarkdownFiles.isTemporary(fileName) && attrs.isRegularFile()) {
                    leftovers.add(file);
                }
                if (fileName.startsWith(".") || attrs.isDirectory() || attrs.isOther()
                        || !fileName.toLowerCase(Locale.ROOT).endsWith(EXTENSION)) {
                    return FileVisitResult.CONTINUE;
                }
                Lookup result = nameOfRelative(vault.relativize(file));
                if (result.problem() == null) {
                    names.add(result.name());
                } else {
                    rejected.add(new Rejected(file, result.problem()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(vault)) {
                    throw e;
                }
                rejected.add(new Rejected(file, "cannot be read: " + e));
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(names);
        rejected.sort(Comparator.comparing(Rejected::file));
        Collections.sort(leftovers);
        return new Scan(List.copyOf(names), List.copyOf(rejected), collisions(names), List.copyOf(leftovers));
    }

    /**
     * The key under which names are unique: NFC, then upper- and lower-cased with
     * {@link Locale#ROOT}, as the server compares names (two names with one key land on one file
     * on a file system that ignores case).
     */
    public static String collisionKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static List<List<String>> collisions(List<String> sortedNames) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (String name : sortedNames) {
            byKey.computeIfAbsent(collisionKey(name), k -> new ArrayList<>(1)).add(name);
        }
        List<List<String>> groups = new ArrayList<>();
        for (List<String> group : byKey.values()) {
            if (group.size() > 1) {
                groups.add(List.copyOf(group));
            }
        }
        return List.copyOf(groups);
    }
}
