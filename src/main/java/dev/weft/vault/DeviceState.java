package dev.weft.vault;

import java.util.regex.Pattern;

/**
 * What a device knows about its server and itself (docs/protocol.md §6, §7), kept in
 * {@code .weft/device.properties} by {@link DeviceStateFile}, but for the token, which
 * {@link DeviceTokens} keeps outside the vault. Unpaired: no server, site 255. Paired: the
 * server's address and certificate fingerprint (from the pairing link), the device token and the
 * site (from the pairing answer). {@link #toString()} never shows the token.
 *
 * @param serverHost the server's host name or address, null until paired
 * @param serverPort 1..65535, 0 until paired
 * @param certificateFingerprint SHA-256 of the server certificate, 64 lower-case hex digits, or {@value #PLAIN}
 *     for a server paired with {@code fp=none} (plain WebSocket, asked for by its owner); null until paired
 * @param deviceToken the bearer token, base64url; null until paired, and null for a paired vault whose
 *     token is not on this machine for this user (a folder copied here from elsewhere): it must pair again
 * @param site 1..254 once paired, {@value #UNPAIRED_SITE} before
 * @param lastSyncTime the global last sync time {@code L} of the client procedure (§4)
 */
public record DeviceState(String serverHost, int serverPort, String certificateFingerprint, String deviceToken,
        int site, long lastSyncTime) {
    /** The provisional site of a device that was never paired. */
    public static final int UNPAIRED_SITE = 255;

    /** The fingerprint of a server without TLS, as its pairing link says ({@code fp=none}). */
    public static final String PLAIN = "none";

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}|" + PLAIN);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,512}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]%_-]{1,255}");

    public DeviceState {
        if (serverHost == null) {
            if (serverPort != 0 || certificateFingerprint != null || deviceToken != null || site != UNPAIRED_SITE) {
                throw new IllegalArgumentException("an unpaired device has no server, token or site but 255");
            }
        } else {
            check(HOST, serverHost, "server host");
            check(FINGERPRINT, certificateFingerprint, "certificate fingerprint (64 lower-case hex digits or none)");
            if (deviceToken != null) {
                check(TOKEN, deviceToken, "device token (base64url)");
            }
            if (serverPort < 1 || serverPort > 65535) {
                throw new IllegalArgumentException("server port " + serverPort + " outside 1..65535");
            }
            if (site < 1 || site > 254) {
                throw new IllegalArgumentException("site " + site + " of a paired device outside 1..254");
            }
        }
    }

    /** A device that was never paired and never synced. */
    public static DeviceState unpaired() {
        return new DeviceState(null, 0, null, null, UNPAIRED_SITE, 0);
    }

    /** This device paired with a server; the last sync time starts over. */
    public static DeviceState paired(String host, int port, String fingerprint, String token, int site) {
        return new DeviceState(host, port, fingerprint, token, site, 0);
    }

    public boolean isPaired() {
        return serverHost != null;
    }

    /** This state with {@code token} (null: none on this machine). */
    public DeviceState withDeviceToken(String token) {
        return new DeviceState(serverHost, serverPort, certificateFingerprint, token, site, lastSyncTime);
    }

    public DeviceState withLastSyncTime(long time) {
        return new DeviceState(serverHost, serverPort, certificateFingerprint, deviceToken, site, time);
    }

    @Override
    public String toString() {
        return isPaired()
                ? "DeviceState[" + serverHost + ":" + serverPort + ", fp " + certificateFingerprint.substring(0, Math.min(8, certificateFingerprint.length()))
                        + (deviceToken == null ? "…, no token here, site " : "…, token hidden, site ") + site + ", last sync " + lastSyncTime + "]"
                : "DeviceState[unpaired, last sync " + lastSyncTime + "]";
    }

    private static void check(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what);
        }
    }
}
