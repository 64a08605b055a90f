package dev.weft.vault;

import dev.weft.protocol.NoteNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Where a vault keeps its files (docs/protocol.md §6): notes at {@code NAME.md}, and under
 * {@code .weft/} the device state and, in {@code .weft/docs/}, each document's
 * {@code ID.md.structure} and {@code ID.md.latest_ops}, named by document id.
 */
public final class VaultPaths {
    /** The folder of machine files inside a vault. */
    public static final String WEFT_DIR = ".weft";
    static final String STRUCTURE_SUFFIX = ".md.structure";
    static final String LOG_SUFFIX = ".md.latest_ops";

    private final Path vault;

    /** The paths of the vault in {@code vault} (made absolute). */
    public VaultPaths(Path vault) {
        this.vault = vault.toAbsolutePath().normalize();
    }

    public Path vault() {
        return vault;
    }

    /** {@code VAULT/.weft}. */
    public Path weftDir() {
        return vault.resolve(WEFT_DIR);
    }

    /** {@code VAULT/.weft/docs}. */
    public Path docsDir() {
        return weftDir().resolve("docs");
    }

    /** {@code VAULT/.weft/device.properties}: server address, fingerprint, token, site, last sync time. */
    public Path deviceState() {
        return weftDir().resolve("device.properties");
    }

    /** {@code VAULT/.weft/docs/ID.md.structure}. */
    public Path structure(UUID documentId) {
        return docsDir().resolve(documentId + STRUCTURE_SUFFIX);
    }

    /** {@code VAULT/.weft/docs/ID.md.latest_ops}. */
    public Path latestOps(UUID documentId) {
        return docsDir().resolve(documentId + LOG_SUFFIX);
    }

    /**
     * The text file of the note called {@code name} ({@code projects/weft/ideas} →
     * {@code VAULT/projects/weft/ideas.md}).
     *
     * @throws IllegalArgumentException if the name breaks the rules of {@link NoteNames}
     */
    public Path note(String name) {
        NoteNames.requireValid(name);
        Path path = vault;
        String[] segments = name.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            path = path.resolve(segments[i]);
        }
        return path.resolve(segments[segments.length - 1] + ".md");
    }

    /** The document a file of {@code .weft/docs} belongs to, if its name is one of ours. */
    public static Optional<UUID> documentIdOf(Path docsFile) {
        String name = docsFile.getFileName().toString();
        for (String suffix : new String[] {STRUCTURE_SUFFIX, LOG_SUFFIX}) {
            if (name.endsWith(suffix)) {
                String id = name.substring(0, name.length() - suffix.length());
                try {
                    UUID uuid = UUID.fromString(id);
                    return uuid.toString().equals(id) ? Optional.of(uuid) : Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Every document with a structure file or a record log, in id order; empty if there is no docs folder. */
    public TreeSet<UUID> documentIds() throws IOException {
        TreeSet<UUID> ids = new TreeSet<>();
        if (!Files.isDirectory(docsDir())) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(docsDir())) {
            for (Path file : files) {
                documentIdOf(file).ifPresent(ids::add);
            }
        }
        return ids;
    }
}
