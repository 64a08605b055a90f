package dev.weft.vault;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code .weft/instance.properties}: a random instance id and the place the vault's device lives,
 * this machine (by {@link MachineId}, hashed) and the vault folder's real path. A folder copied
 * with its {@code .weft/} (a USB stick, a backup restored, another sync tool) or moved finds
 * another place there when it opens: it is then a device of its own, which must not make ids under
 * the site of the one it was copied from (docs/vault.md, "A copied vault").
 */
final class VaultInstance {
    static final String FILE = "instance.properties";
    private static final String FORMAT = "format";
    private static final String INSTANCE = "instance";
    private static final String MACHINE = "machine";
    private static final String PATH = "path";

    private VaultInstance() {
    }

    /**
     * Whether the vault in {@code vault} was copied or moved here since it was bound to its place.
     * A vault without the file (new, or made by an older Weft) is bound here now and is not a copy;
     * an unreadable file counts as a copy (the safe side).
     */
    static boolean cameFromElsewhere(VaultPaths paths) throws IOException {
        Path file = paths.weftDir().resolve(FILE);
        AtomicFiles.deleteStrayTemps(file);
        if (!Files.exists(file)) {
            bindHere(paths);
            return false;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return true;
        }
        return !("1".equals(p.getProperty(FORMAT)) && machine().equals(p.getProperty(MACHINE))
                && realPath(paths).equals(p.getProperty(PATH)));
    }

    /** The vault's instance id (bound by {@link #cameFromElsewhere} or {@link #bindHere} before). */
    static UUID id(VaultPaths paths) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(paths.weftDir().resolve(FILE), StandardCharsets.UTF_8)));
        try {
            return UUID.fromString(p.getProperty(INSTANCE, ""));
        } catch (IllegalArgumentException e) {
            throw new IOException(paths.weftDir().resolve(FILE) + ": no valid instance id");
        }
    }

    /** The instance id the vault's file holds, bound here or not; empty if there is no readable one. */
    static Optional<UUID> existingId(VaultPaths paths) {
        try {
            return Files.exists(paths.weftDir().resolve(FILE)) ? Optional.of(id(paths)) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Gives the vault a new instance id bound to this machine and folder. */
    static void bindHere(VaultPaths paths) throws IOException {
        Properties p = new Properties();
        p.setProperty(FORMAT, "1");
        p.setProperty(INSTANCE, UUID.randomUUID().toString());
        p.setProperty(MACHINE, machine());
        p.setProperty(PATH, realPath(paths));
        java.io.StringWriter text = new java.io.StringWriter();
        p.store(text, "Where this vault's device lives. A copy of the folder elsewhere becomes a new device.");
        AtomicFiles.replace(paths.weftDir().resolve(FILE), ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String machine() {
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("weft-machine:" + MachineId.current()).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    private static String realPath(VaultPaths paths) throws IOException {
        return paths.vault().toRealPath().toString();
    }
}
