package dev.weft.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The stored state of a paired device. Bytes: {@code flags u8 (bit 0: revoked) | last seen u64 |
 * name UTF-8} to the end. The token hash is the key of the token index, not repeated here.
 *
 * @param name the device name
 * @param revoked whether its access was withdrawn
 * @param lastSeen microseconds since the epoch of its last connection, 0 if never
 */
record DeviceRecord(String name, boolean revoked, long lastSeen) {
    Device device(int site) {
        return new Device(name, site, revoked, lastSeen);
    }

    byte[] encode() {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(9 + utf8.length).put((byte) (revoked ? 1 : 0)).putLong(lastSeen)
                .put(utf8).array();
    }

    static DeviceRecord decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        boolean revoked = (b.get() & 1) != 0;
        long lastSeen = b.getLong();
        return new DeviceRecord(new String(bytes, 9, bytes.length - 9, StandardCharsets.UTF_8), revoked,
                lastSeen);
    }
}
