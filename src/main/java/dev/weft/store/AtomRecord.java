package dev.weft.store;

import java.nio.ByteBuffer;

/**
 * The stored state of one atom, 11 bytes: {@code code point u24 | insert time u64}, the code
 * point {@code 0xFFFFFF} marking a tombstone. A tombstone keeps no character (nothing sends it
 * again) and no delete time: a pull needs only whether it was inserted at or before the pull's
 * time. An insert time of {@link #NEVER} marks a delete that arrived before any insert.
 *
 * @param codePoint the character while alive, {@link #TOMBSTONE} after
 * @param insertTime sync time of the insert, or {@link #NEVER}
 */
record AtomRecord(int codePoint, long insertTime) {
    static final long NEVER = 0;
    static final int TOMBSTONE = 0xFF_FFFF;

    static AtomRecord alive(long insertTime, int codePoint) {
        return new AtomRecord(codePoint, insertTime);
    }

    static AtomRecord tombstone(long insertTime) {
        return new AtomRecord(TOMBSTONE, insertTime);
    }

    boolean isAlive() {
        return codePoint != TOMBSTONE;
    }

    byte[] encode() {
        return ByteBuffer.allocate(11).put((byte) (codePoint >>> 16)).putShort((short) codePoint)
                .putLong(insertTime).array();
    }

    static AtomRecord decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int codePoint = (b.get() & 0xFF) << 16 | (b.getShort() & 0xFFFF);
        return new AtomRecord(codePoint, b.getLong());
    }
}
