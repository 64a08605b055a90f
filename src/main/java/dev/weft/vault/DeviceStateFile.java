package dev.weft.vault;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Reads and writes {@code .weft/device.properties}: {@code key=value} lines in a fixed order,
 * UTF-8. Written atomically (temporary file, fsync, rename, fsync folder), owner-only (0600, or an
 * owner-only ACL). The device token is not written here: it lives outside the vault
 * ({@link DeviceTokens}); a token an older Weft wrote is still read, so that {@link Vault#open}
 * moves it out.
 */
public final class DeviceStateFile {
    static final String FORMAT = "format";
    static final String SITE = "site";
    static final String LAST_SYNC_TIME = "last_sync_time";
    static final String HOST = "server.host";
    static final String PORT = "server.port";
    static final String FINGERPRINT = "server.fingerprint";
    static final String TOKEN = "device.token";

    private DeviceStateFile() {
    }

    /**
     * The state in {@code file}; {@link DeviceState#unpaired()} if there is none yet.
     *
     * @throws IOException if the file cannot be read or does not hold a valid state (the message
     *     never contains the token)
     */
    public static DeviceState read(Path file) throws IOException {
        AtomicFiles.deleteStrayTemps(file);
        if (!Files.exists(file)) {
            return DeviceState.unpaired();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        if (!"1".equals(p.getProperty(FORMAT))) {
            throw new IOException(file + ": unknown format " + p.getProperty(FORMAT));
        }
        try {
            int site = Integer.parseInt(p.getProperty(SITE, ""));
            long last = Long.parseLong(p.getProperty(LAST_SYNC_TIME, ""));
            String host = p.getProperty(HOST);
            if (host == null) {
                return new DeviceState(null, 0, null, null, site, last);
            }
            return new DeviceState(host, Integer.parseInt(p.getProperty(PORT, "")), p.getProperty(FINGERPRINT),
                    p.getProperty(TOKEN), site, last);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** Replaces {@code file} with {@code state} but its token, owner-only; a crash leaves the old state or the new one. */
    public static void write(Path file, DeviceState state) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder()
                .append("# Weft device state. The device token is kept outside the vault, in this user's settings.\n")
                .append(FORMAT).append("=1\n")
                .append(SITE).append('=').append(state.site()).append('\n')
                .append(LAST_SYNC_TIME).append('=').append(state.lastSyncTime()).append('\n');
        if (state.isPaired()) {
            text.append(HOST).append('=').append(state.serverHost()).append('\n')
                    .append(PORT).append('=').append(state.serverPort()).append('\n')
                    .append(FINGERPRINT).append('=').append(state.certificateFingerprint()).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        Path temp = AtomicFiles.writeTemp(file, bytes, OwnerOnly.file());
        try {
            OwnerOnly.restrictAcl(temp);
            AtomicFiles.moveInto(temp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
