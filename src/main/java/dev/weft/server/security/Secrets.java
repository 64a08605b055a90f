package dev.weft.server.security;

import dev.weft.protocol.PairingLink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's random secrets and how it keeps them.
 *
 * <p>A <b>pairing code</b> is {@value PairingLink#CODE_LENGTH} symbols of Crockford base32
 * ({@value PairingLink#CODE_ALPHABET}), 130 random bits. Base64url would need 22 characters for
 * 128 bits; base32 costs four more and buys a code that survives being shown and copied: letters
 * and digits only, so a double click selects all of it, no line breaks at {@code -}, no
 * {@code _} that Markdown turns into emphasis, one case, and none of the look-alikes I, L, O, U.
 *
 * <p>A <b>device token</b> is 256 random bits as base64url without padding (43 characters); it
 * only ever travels between programs. The server keeps neither codes nor tokens, only their
 * {@link #hash}: plain SHA-256, without salt or stretching, which is right for secrets of 130 and
 * 256 random bits (no dictionary can reach them) and lets the store look a token up by its hash.
 */
public final class Secrets {
    /** Random bytes in a device token. */
    public static final int TOKEN_BYTES = 32;

    private final SecureRandom random;

    /** Secrets drawn from {@code random}. */
    public Secrets(SecureRandom random) {
        this.random = random;
    }

    /** A fresh pairing code. */
    public String pairingCode() {
        char[] code = new char[PairingLink.CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = PairingLink.CODE_ALPHABET.charAt(random.nextInt(PairingLink.CODE_ALPHABET.length()));
        }
        return new String(code);
    }

    /** A fresh device token. */
    public String deviceToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the store keeps of a code or token: SHA-256 of its UTF-8 bytes. */
    public static byte[] hash(String secret) {
        return Digests.of(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code a} and {@code b} are equal, in time that depends on their lengths only. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
