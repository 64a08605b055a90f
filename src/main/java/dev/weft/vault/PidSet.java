package dev.weft.vault;

import dev.weft.crdt.Pid;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * A set of pids packed into arrays (keys in one pool, an open-addressing table of entries): ~80
 * bytes a pid instead of ~150 for a {@code HashSet<Pid>}. The remote inserts of a big download
 * are all held until its end (issue 12 §1). Add and clear only. Not thread-safe.
 */
final class PidSet {
    private static final int MIN_ENTRIES = 16;

    private long[] keys = new long[MIN_ENTRIES * 4];
    private int keysEnd;
    /** Entry {@code e}'s keys are {@code keys[start[e] .. start[e] + depth[e])}. */
    private int[] start = new int[MIN_ENTRIES];
    private byte[] depth = new byte[MIN_ENTRIES];
    private int size;
    /** Entry + 1 at each slot, 0 where free; at most 3/4 full. */
    private int[] table = new int[MIN_ENTRIES * 2];

    /** Adds {@code pid}; false if it was there. */
    boolean add(Pid pid) {
        if ((size + 1) * 4L > table.length * 3L) {
            rehash(table.length * 2);
        }
        int mask = table.length - 1;
        int d = pid.depth();
        for (int slot = hash(pid) & mask;; slot = (slot + 1) & mask) {
            int e = table[slot] - 1;
            if (e < 0) {
                table[slot] = append(pid, d) + 1;
                return true;
            }
            if (equalAt(e, pid, d)) {
                return false;
            }
        }
    }

    private int append(Pid pid, int d) {
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            depth = Arrays.copyOf(depth, size * 2);
        }
        if (keysEnd + d > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysEnd + d));
        }
        pid.copyKeys(keys, keysEnd);
        start[size] = keysEnd;
        depth[size] = (byte) d;
        keysEnd += d;
        return size++;
    }

    private boolean equalAt(int e, Pid pid, int d) {
        if ((depth[e] & 0xFF) != d) {
            return false;
        }
        int from = start[e];
        for (int i = 0; i < d; i++) {
            if (keys[from + i] != pid.keyAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void rehash(int slots) {
        table = new int[slots];
        int mask = slots - 1;
        for (int e = 0; e < size; e++) {
            int slot = hashAt(e) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = e + 1;
        }
    }

    private static int hash(Pid pid) {
        long h = 1;
        for (int i = 0; i < pid.depth(); i++) {
            h = h * 31 + pid.keyAt(i);
        }
        return mix(h);
    }

    private int hashAt(int e) {
        long h = 1;
        for (int i = start[e], end = i + (depth[e] & 0xFF); i < end; i++) {
            h = h * 31 + keys[i];
        }
        return mix(h);
    }

    private static int mix(long h) {
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Empties the set and lets a big one's arrays go. */
    void clear() {
        if (size == 0) {
            return;
        }
        keys = new long[MIN_ENTRIES * 4];
        start = new int[MIN_ENTRIES];
        depth = new byte[MIN_ENTRIES];
        table = new int[MIN_ENTRIES * 2];
        keysEnd = 0;
        size = 0;
    }

    /** A copy, as pids. */
    Set<Pid> toSet() {
        Set<Pid> set = new HashSet<>(size * 2);
        for (int e = 0; e < size; e++) {
            set.add(Pid.ofRange(keys, start[e], depth[e] & 0xFF));
        }
        return Collections.unmodifiableSet(set);
    }
}
