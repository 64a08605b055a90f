package dev.weft.client.files;

import java.util.HexFormat;

/**
 * One chunk of a file's content: the SHA-256 of its bytes (its address on the server) and its length.
 *
 * @param hash 32 bytes
 * @param length 1..{@value Chunker#MAX}
 */
public record ChunkRef(Hash hash, int length) {
    public ChunkRef {
        if (length < 1 || length > Chunker.MAX) {
            throw new IllegalArgumentException("chunk of " + length + " bytes");
        }
    }

    @Override
    public String toString() {
        return hash + ":" + length;
    }

    /** A SHA-256, compared by value (a {@code byte[]} would not be). */
    public record Hash(String hex) {
        public Hash {
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + hex);
            }
        }

        public static Hash of(byte[] sha256) {
            if (sha256.length != 32) {
                throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
            }
            return new Hash(HexFormat.of().formatHex(sha256));
        }

        public byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }

        @Override
        public String toString() {
            return hex;
        }
    }
}
