package dev.weft.server.security;

import java.nio.charset.StandardCharsets;

/**
 * The {@code 200} answer to {@code POST /v1/pair} (docs/protocol.md §7): lines {@code token=…},
 * {@code site=…} and {@code server_id=…}, then (ext) {@code device_name=…} when the server names the device,
 * each ending in {@code \n}, as {@value #CONTENT_TYPE}. A client that predates the last line ignores it.
 *
 * @param token the new device token (base64url), sent once and never stored
 * @param site the device's site, 1..254
 * @param serverId the server's stable id
 * @param deviceName the name the device is paired under, or null to leave the line out
 */
public record PairAnswer(String token, int site, String serverId, String deviceName) {
    /** The answer's media type. */
    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    /** Checks that every value fits on its line. */
    public PairAnswer {
        if (token == null || token.isEmpty()
                || !token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_')) {
            throw new IllegalArgumentException("token must be non-empty base64url");
        }
        if (site < 1 || site > 254) {
            throw new IllegalArgumentException("site " + site + " outside 1..254");
        }
        if (serverId == null || serverId.isEmpty() || !serverId.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("server id must be non-empty printable ASCII");
        }
        if (deviceName != null && (deviceName.isEmpty() || deviceName.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("device name must be non-empty, without control characters");
        }
    }

    /** An answer without the device's name (the seed's three lines). */
    public PairAnswer(String token, int site, String serverId) {
        this(token, site, serverId, null);
    }

    /** The body, in UTF-8. */
    public byte[] body() {
        return ("token=" + token + "\nsite=" + site + "\nserver_id=" + serverId + "\n"
                + (deviceName == null ? "" : "device_name=" + deviceName + "\n")).getBytes(StandardCharsets.UTF_8);
    }
}
