package dev.weft.protocol;

/**
 * One chunk of a file's content (docs/protocol.md §11): addressed by the SHA-256 of its bytes.
 *
 * @param hash the SHA-256 of the chunk's bytes
 * @param length its length, 1..{@value #MAX_BYTES}
 */
public record FileChunk(Sha256 hash, int length) {
    /** The largest chunk: 4 MiB. */
    public static final int MAX_BYTES = 4 << 20;
    /** A chunk on the wire: its hash and {@code u32 length}. */
    static final int WIRE_BYTES = Sha256.BYTES + 4;

    public FileChunk {
        Fields.present(hash, "hash");
        if (length < 1 || length > MAX_BYTES) {
            throw new IllegalArgumentException("chunk length " + length + " outside 1.." + MAX_BYTES);
        }
    }
}
