package dev.weft.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The stored state of a document. Bytes: {@code flags u8 (bit 0: trashed) | sync time u64 |
 * created u64 | name UTF-8} to the end.
 *
 * @param name the note name
 * @param trashed whether the document is in the trash
 * @param syncTime the sync time of its last change
 * @param created the sync time that created it: every op of the document is later than the one
 *     before it
 */
record DocumentRecord(String name, boolean trashed, long syncTime, long created) {
    DocumentState state(UUID id) {
        return new DocumentState(id, name, trashed, syncTime);
    }

    byte[] encode() {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(17 + utf8.length).put((byte) (trashed ? 1 : 0)).putLong(syncTime)
                .putLong(created).put(utf8).array();
    }

    static DocumentRecord decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        boolean trashed = (b.get() & 1) != 0;
        long syncTime = b.getLong();
        long created = b.getLong();
        String name = new String(bytes, 17, bytes.length - 17, StandardCharsets.UTF_8);
        return new DocumentRecord(name, trashed, syncTime, created);
    }
}
