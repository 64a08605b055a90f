package dev.weft.server.security;

import java.nio.charset.StandardCharsets;

/**
 * The {@code 200} answer to {@code POST /v1/pair} (docs/protocol.md §7): lines {@code token=…},
 * {@code site=…} and {@code server_id=…}, each ending in {@code \n}, as {@value #CONTENT_TYPE}.
 *
 * @param token the new device token (base64url), sent once and never stored
 * @param site the device's site, 1..254
 * @param serverId the server's stable id
 */
public record PairAnswer(String token, int site, String serverId) {
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
    }

    /** The body, in UTF-8. */
    public byte[] body() {
        return ("token=" + token + "\nsite=" + site + "\nserver_id=" + serverId + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
