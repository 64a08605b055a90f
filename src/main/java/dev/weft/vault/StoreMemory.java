package dev.weft.vault;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code .weft/store.properties}: the server store and run this device last met and had uploaded
 * everything to (docs/client.md, "A lost or rolled-back server store"). Written atomically; absent
 * until the first connection to a server that names its store.
 */
public final class StoreMemory {
    static final String FILE = "store.properties";
    private static final String STORE = "store";
    private static final String RUN = "run";

    private StoreMemory() {
    }

    /** A server store's id and one run of it, as the server named them (protocol.md §7, {@code Weft-Store}). */
    public record Run(UUID store, long run) {
    }

    /** What the vault in {@code vaultFolder} remembers; empty if nothing. */
    public static Optional<Run> read(Path vaultFolder) throws IOException {
        Path file = file(vaultFolder);
        AtomicFiles.deleteStrayTemps(file);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        try {
            return Optional.of(new Run(UUID.fromString(p.getProperty(STORE, "")),
                    Long.parseUnsignedLong(p.getProperty(RUN, ""), 16)));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a store and run (" + e.getMessage() + ")");
        }
    }

    /** Remembers {@code run}; a crash leaves the old memory or the new one. */
    public static void write(Path vaultFolder, Run run) throws IOException {
        Path file = file(vaultFolder);
        Files.createDirectories(file.getParent());
        String text = "# The Weft server store this device last met and uploaded everything to.\n"
                + STORE + "=" + run.store() + "\n" + RUN + "=" + Long.toHexString(run.run()) + "\n";
        AtomicFiles.replace(file, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path file(Path vaultFolder) {
        return vaultFolder.resolve(VaultPaths.WEFT_DIR).resolve(FILE);
    }
}
