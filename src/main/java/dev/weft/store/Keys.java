package dev.weft.store;

import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
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
 *       as {@link #packRanges packed pid ranges}, up to {@link #CHUNK} per entry.
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

    /** The atom key of {@code pid} in the document whose key is {@code document}. */
    static byte[] atom(byte[] document, Pid pid) {
        long[] keys = new long[pid.depth()];
        pid.copyKeys(keys, 0);
        return atom(document, keys);
    }

    /** The atom key of the pid of packed pairs {@code pairs} in the document whose key is {@code document}. */
    static byte[] atom(byte[] document, long[] pairs) {
        byte[] key = Arrays.copyOf(document, DOCUMENT + pairs.length * PAIR);
        int at = DOCUMENT;
        for (long k : pairs) {
            long ident = Pid.identOf(k);
            key[at++] = (byte) (ident >>> 24);
            key[at++] = (byte) (ident >>> 16);
            key[at++] = (byte) (ident >>> 8);
            key[at++] = (byte) ident;
            key[at++] = (byte) Pid.siteOf(k);
        }
        return key;
    }

    static byte[] history(UUID document, long syncTime, int chunk) {
        return ByteBuffer.allocate(DOCUMENT + TIME + 4).putLong(document.getMostSignificantBits())
                .putLong(document.getLeastSignificantBits()).putLong(syncTime).putInt(chunk).array();
    }

    /** The chunk of a history key. */
    static int chunkOf(byte[] historyKey) {
        return ByteBuffer.wrap(historyKey, DOCUMENT + TIME, 4).getInt();
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

    /**
     * Pid ranges one after the other: a lone pid as {@link #packPids} writes it ({@code depth u8 |
     * pairs}), a longer range as {@code 0 | depth u8 | pairs | count u32 | stride u32}. So an entry
     * written before runs reads as ranges of one.
     */
    static byte[] packRanges(List<PidRange> ranges) {
        int size = 0;
        for (PidRange range : ranges) {
            size += 1 + range.first().depth() * PAIR + (range.count() > 1 ? 9 : 0);
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        for (PidRange range : ranges) {
            if (range.count() > 1) {
                b.put((byte) 0);
            }
            b.put((byte) range.first().depth());
            putPairs(b, range.first());
            if (range.count() > 1) {
                b.putInt(range.count()).putInt((int) range.stride());
            }
        }
        return b.array();
    }

    /** The ranges of {@link #packRanges} (or the pids of {@link #packPids}, each a range of one). */
    static List<PidRange> unpackRanges(byte[] packed) {
        List<PidRange> ranges = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(packed);
        while (b.hasRemaining()) {
            int depth = b.get() & 0xFF;
            boolean range = depth == 0;
            if (range) {
                depth = b.get() & 0xFF;
            }
            long[] keys = new long[depth];
            for (int i = 0; i < depth; i++) {
                long ident = b.getInt() & 0xFFFF_FFFFL;
                keys[i] = Pid.key(b.get() & 0xFF, ident);
            }
            Pid first = Pid.of(keys);
            if (range) {
                int count = b.getInt();
                ranges.add(new PidRange(first, b.getInt() & 0xFFFF_FFFFL, count));
            } else {
                ranges.add(new PidRange(first, 1, 1));
            }
        }
        return ranges;
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
