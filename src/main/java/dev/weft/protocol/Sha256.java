package dev.weft.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A SHA-256 digest: 32 bytes, compared by value, written as 64 lowercase hex digits (docs/protocol.md
 * §11). Computing one is the holder's business ({@code java.security.MessageDigest}); this package only
 * carries the bytes.
 */
public final class Sha256 {
    /** Bytes of a digest on the wire. */
    public static final int BYTES = 32;
    /** The digest of no bytes: the content of an empty or deleted file. */
    public static final Sha256 EMPTY = parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").orElseThrow();

    private final byte[] bytes;

    private Sha256(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The digest whose 32 bytes are {@code digest} (copied). */
    public static Sha256 ofDigest(byte[] digest) {
        if (digest.length != BYTES) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
        }
        return new Sha256(digest.clone());
    }

    /** The digest written as 64 lowercase hex digits, or empty if {@code hex} is anything else. */
    public static Optional<Sha256> parseHex(String hex) {
        if (hex == null || hex.length() != 2 * BYTES) {
            return Optional.empty();
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return Optional.empty();
            }
        }
        return Optional.of(new Sha256(HexFormat.of().parseHex(hex)));
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** 64 lowercase hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    void writeTo(ByteWriter w) {
        w.bytes(bytes);
    }

    static Sha256 read(ByteReader r, String field) throws ProtocolException {
        return new Sha256(r.bytes(BYTES, field));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sha256 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
