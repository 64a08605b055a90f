package dev.weft.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The stored state of a document. Bytes: {@code flags u8 (bit 0: trashed, bit 1: name time
 * follows) | sync time u64 | created u64 | [name time u64] | name UTF-8} to the end. Records
 * written before the name time existed read it as {@code created}.
 *
 * @param name the note name
 * @param trashed whether the document is in the trash
 * @param syncTime the sync time of its last change
 * @param created the sync time that created it: every op of the document is later than the one
 *     before it
 * @param nameTime the sync time at which the document got its name (created, renamed, restored
 *     under a new name): an upsert from a device that has not seen it does not undo it
 */
record DocumentRecord(String name, boolean trashed, long syncTime, long created, long nameTime) {
    private static final int TRASHED = 1;
    private static final int HAS_NAME_TIME = 2;

    DocumentState state(UUID id) {
        return new DocumentState(id, name, trashed, syncTime);
    }

    byte[] encode() {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(25 + utf8.length).put((byte) ((trashed ? TRASHED : 0) | HAS_NAME_TIME))
                .putLong(syncTime).putLong(created).putLong(nameTime).put(utf8).array();
    }

    static DocumentRecord decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int flags = b.get();
        long syncTime = b.getLong();
        long created = b.getLong();
        long nameTime = (flags & HAS_NAME_TIME) != 0 ? b.getLong() : created;
        String name = new String(bytes, b.position(), bytes.length - b.position(), StandardCharsets.UTF_8);
        return new DocumentRecord(name, (flags & TRASHED) != 0, syncTime, created, nameTime);
    }
}
