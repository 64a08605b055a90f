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
 * The devices' tokens, kept outside the vaults (which people put in cloud folders and git): one
 * file per vault, {@code devices/INSTANCE.token} in this user's {@link ConfigDir}, named by the
 * vault's instance id ({@code .weft/instance.properties}), {@code 0600} in a {@code 0700} folder
 * (an owner-only ACL on Windows). A vault folder copied elsewhere gets a new instance id, so it
 * finds no token of its own; on the same machine its original's is still found by the id its copy
 * mark names, for {@code POST /v1/pair-copy} only (docs/vault.md, "Where the token lives").
 */
final class DeviceTokens {
    static final String FOLDER = "devices";
    private static final String SUFFIX = ".token";
    private static final String TOKEN = "token";

    private final Path folder;

    DeviceTokens(Path configDir) {
        this.folder = configDir.resolve(FOLDER);
    }

    /** The tokens of this user on this machine ({@link ConfigDir#current()}). */
    static DeviceTokens current() {
        return new DeviceTokens(ConfigDir.current());
    }

    Path file(UUID instance) {
        return folder.resolve(instance + SUFFIX);
    }

    /**
     * The token kept for the vault of {@code instance}, if any.
     *
     * @throws IOException if the file cannot be read or holds no token (the message never has the token)
     */
    Optional<String> read(UUID instance) throws IOException {
        Path file = file(instance);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        String token = p.getProperty(TOKEN);
        if (token == null || token.isBlank()) {
            throw new IOException(file + ": no device token in it");
        }
        return Optional.of(token.strip());
    }

    /**
     * {@code stored} (read from the vault) with the token kept for the vault of {@code owner}, or
     * none. A token an older Weft kept in the vault's file moves out first: written here, then
     * removed from the file (each step atomic; a crash between them moves it again at the next open).
     */
    DeviceState settle(VaultPaths paths, DeviceState stored, UUID owner) throws IOException {
        if (!stored.isPaired()) {
            return stored;
        }
        if (stored.deviceToken() != null) {
            write(owner, stored.deviceToken(), paths.vault());
            DeviceStateFile.write(paths.deviceState(), stored);
            return stored;
        }
        return stored.withDeviceToken(read(owner).orElse(null));
    }

    /** Keeps {@code token} for the vault of {@code instance} in {@code vault}: atomically, owner-only. */
    void write(UUID instance, String token, Path vault) throws IOException {
        OwnerOnly.folder(folder);
        Path file = file(instance);
        String text = "# The Weft device token of the vault in " + vault.toAbsolutePath().toString().replaceAll("[\\r\\n]", "?")
                + ". Keep it private.\n" + TOKEN + "=" + token + "\n";
        Path temp = AtomicFiles.writeTemp(file, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), OwnerOnly.file());
        try {
            OwnerOnly.restrictAcl(temp);
            AtomicFiles.moveInto(temp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
