package dev.weft.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One kept version of a file (docs/protocol.md §11, docs/store.md "Files"): what a device committed
 * and the sync time the server stamped it with. Arrays are not copied: a version is made once and
 * only read.
 *
 * @param version its sync time (0 in a proposal not committed yet)
 * @param path the vault-relative path, validated by the server
 * @param deleted whether it deletes the file
 * @param size the content's length
 * @param sha256 the SHA-256 of the whole content, 32 bytes
 * @param modified the mtime on the committing device, ms since the epoch
 * @param device the committing device's name
 * @param chunks the chunks in order, {@value #CHUNK_BYTES} bytes each: 32-byte SHA-256, u32 length
 */
public record FileVersion(long version, String path, boolean deleted, long size, byte[] sha256, long modified,
        String device, byte[] chunks) {
    /** A packed chunk: its hash and {@code u32 length}, as on the wire. */
    public static final int CHUNK_BYTES = 32 + 4;
    private static final int LAYOUT = 1;

    public FileVersion {
        if (sha256.length != 32 || chunks.length % CHUNK_BYTES != 0) {
            throw new IllegalArgumentException("a SHA-256 of 32 bytes and whole chunks");
        }
    }

    public int chunkCount() {
        return chunks.length / CHUNK_BYTES;
    }

    /** The hash of chunk {@code i}. */
    public byte[] chunkHash(int i) {
        return Arrays.copyOfRange(chunks, i * CHUNK_BYTES, i * CHUNK_BYTES + 32);
    }

    /** The length of chunk {@code i}. */
    public int chunkLength(int i) {
        return ByteBuffer.wrap(chunks, i * CHUNK_BYTES + 32, 4).getInt();
    }

    /** This proposal as committed at {@code time}. */
    FileVersion at(long time) {
        return new FileVersion(time, path, deleted, size, sha256, modified, device, chunks);
    }

    /** The stored value; the path is in the key. */
    byte[] encode() {
        byte[] name = device.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 1 + 8 + 32 + 8 + 2 + name.length + chunks.length);
        b.put((byte) LAYOUT).putLong(version).put((byte) (deleted ? 1 : 0)).putLong(size).put(sha256).putLong(modified)
                .putShort((short) name.length).put(name).put(chunks);
        return b.array();
    }

    static FileVersion decode(String path, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        if (b.get() != LAYOUT) {
            throw new StoreException("a file version of an unknown layout: " + path);
        }
        long version = b.getLong();
        boolean deleted = b.get() == 1;
        long size = b.getLong();
        byte[] sha = new byte[32];
        b.get(sha);
        long modified = b.getLong();
        byte[] name = new byte[b.getShort() & 0xFFFF];
        b.get(name);
        byte[] chunks = new byte[b.remaining()];
        b.get(chunks);
        return new FileVersion(version, path, deleted, size, sha, modified, new String(name, StandardCharsets.UTF_8),
                chunks);
    }
}
