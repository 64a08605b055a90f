package dev.weft.store;

import dev.weft.crdt.Pid;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Byte layouts of the B-tree keys. MapDB compares {@code byte[]} keys as unsigned bytes, left to
 * right, a proper prefix first; every field is big-endian and fixed-size, so that order is the
 * order of the fields.
 *
 * <ul>
 *   <li>document: {@code id (16)}: the UUID's most, then least significant 64 bits.
 *   <li>atom: {@code document (16) | pairs}, each pair {@code ident u32 | site u8}: within a
 *       document the bytes sort exactly as docs/protocol.md §2 orders pids (ident, then site, a proper
 *       prefix first).
 *   <li>history: {@code document (16) | sync time u64 | chunk u32}: the atoms a change touched,
 *       as {@link #packPids packed pids}, up to {@link #CHUNK} per entry.
 *   <li>sync index: {@code sync time u64 | document (16)}.
 * </ul>
 */
final class Keys {
    static final int DOCUMENT = 16;
    static final int TIME = 8;
    static final int PAIR = 5;
    /** The most pids in one history entry. */
    static final int CHUNK = 512;

    private Keys() {
    }

    static byte[] document(UUID id) {
        return ByteBuffer.allocate(DOCUMENT).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    static UUID documentAt(byte[] key, int offset) {
        ByteBuffer b = ByteBuffer.wrap(key, offset, DOCUMENT);
        return new UUID(b.getLong(), b.getLong());
    }

    static byte[] atom(UUID document, Pid pid) {
        ByteBuffer b = ByteBuffer.allocate(DOCUMENT + pid.depth() * PAIR);
        b.putLong(document.getMostSignificantBits()).putLong(document.getLeastSignificantBits());
        putPairs(b, pid);
        return b.array();
    }

    static byte[] history(UUID document, long syncTime, int chunk) {
        return ByteBuffer.allocate(DOCUMENT + TIME + 4).putLong(document.getMostSignificantBits())
                .putLong(document.getLeastSignificantBits()).putLong(syncTime).putInt(chunk).array();
    }

    /** Pids one after the other, each as {@code depth u8 | pairs}. */
    static byte[] packPids(List<Pid> pids) {
        int size = 0;
        for (Pid pid : pids) {
            size += 1 + pid.depth() * PAIR;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        for (Pid pid : pids) {
            b.put((byte) pid.depth());
            putPairs(b, pid);
        }
        return b.array();
    }

    /** The atom keys of the pids of {@code packed} in {@code document}. */
    static List<byte[]> atomKeys(byte[] document, byte[] packed) {
        List<byte[]> keys = new ArrayList<>();
        for (int at = 0; at < packed.length; ) {
            int length = (packed[at] & 0xFF) * PAIR;
            byte[] key = Arrays.copyOf(document, DOCUMENT + length);
            System.arraycopy(packed, at + 1, key, DOCUMENT, length);
            keys.add(key);
            at += 1 + length;
        }
        return keys;
    }

    /** The smallest history key of {@code document} at or after {@code syncTime}. */
    static byte[] historyFrom(UUID document, long syncTime) {
        return ByteBuffer.allocate(DOCUMENT + TIME).putLong(document.getMostSignificantBits())
                .putLong(document.getLeastSignificantBits()).putLong(syncTime).array();
    }

    static byte[] sync(long syncTime, UUID document) {
        return ByteBuffer.allocate(TIME + DOCUMENT).putLong(syncTime)
                .putLong(document.getMostSignificantBits()).putLong(document.getLeastSignificantBits())
                .array();
    }

    /** The smallest sync index key after every key of time {@code syncTime}. */
    static byte[] syncAfter(long syncTime) {
        return ByteBuffer.allocate(TIME).putLong(syncTime + 1).array();
    }

    static long timeAt(byte[] key, int offset) {
        return ByteBuffer.wrap(key, offset, TIME).getLong();
    }

    /** The pid whose pairs fill {@code key} from {@code offset} to its end. */
    static Pid pidAt(byte[] key, int offset) {
        int depth = (key.length - offset) / PAIR;
        long[] keys = new long[depth];
        ByteBuffer b = ByteBuffer.wrap(key, offset, depth * PAIR);
        for (int i = 0; i < depth; i++) {
            long ident = b.getInt() & 0xFFFF_FFFFL;
            keys[i] = Pid.key(b.get() & 0xFF, ident);
        }
        return Pid.of(keys);
    }

    /**
     * The smallest key greater than every key that starts with {@code prefix}, or null when there is
     * none (the prefix is all {@code 0xFF}).
     */
    static byte[] afterPrefix(byte[] prefix) {
        byte[] end = Arrays.copyOf(prefix, prefix.length);
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    private static void putPairs(ByteBuffer b, Pid pid) {
        for (int level = 0; level < pid.depth(); level++) {
            b.putInt((int) pid.identAt(level)).put((byte) pid.siteAt(level));
        }
    }
}
