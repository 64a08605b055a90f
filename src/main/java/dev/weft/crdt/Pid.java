package dev.weft.crdt;

import java.util.Arrays;

/**
 * A position identifier: 1..255 pairs of {@code (u8 site, u32 ident)} (docs/protocol.md §2).
 *
 * <p>Each pair is packed into one {@code long} key, {@code ident << 8 | site}, so that comparing
 * two keys as signed longs (both are below 2^40) orders them first by unsigned ident, then by
 * site. Pids compare pair by pair; a proper prefix is smaller. Instances are immutable.
 */
public final class Pid implements Comparable<Pid> {
    /** Largest number of pairs a pid may have. */
    public static final int MAX_DEPTH = 255;
    /** Largest ident value (u32). */
    public static final long MAX_IDENT = 0xFFFF_FFFFL;

    private final long[] keys;

    private Pid(long[] keys) {
        this.keys = keys;
    }

    /** The packed key of one pair; {@code site} 1..255, {@code ident} 0..2^32-1. */
    public static long key(int site, long ident) {
        return (ident << 8) | site;
    }

    /** The site of a packed pair key. */
    public static int siteOf(long key) {
        return (int) (key & 0xFF);
    }

    /** The ident of a packed pair key. */
    public static long identOf(long key) {
        return key >>> 8;
    }

    /** A pid of the given packed keys (copied); each pair is validated. */
    public static Pid of(long... keys) {
        return ofRange(keys, 0, keys.length);
    }

    /** A pid of {@code depth} packed keys of {@code keys} starting at {@code from} (copied). */
    public static Pid ofRange(long[] keys, int from, int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("pid depth " + depth + " outside 1.." + MAX_DEPTH);
        }
        long[] copy = Arrays.copyOfRange(keys, from, from + depth);
        for (long k : copy) {
            checkKey(k);
        }
        return new Pid(copy);
    }

    /** A pid of one pair. */
    public static Pid single(int site, long ident) {
        long k = key(site, ident);
        checkKey(k);
        return new Pid(new long[] {k});
    }

    /** Wraps an array the caller hands over and never touches again (already validated). */
    static Pid adopt(long[] keys) {
        return new Pid(keys);
    }

    private static void checkKey(long k) {
        if (k < 0 || identOf(k) > MAX_IDENT || siteOf(k) == 0) {
            throw new IllegalArgumentException("invalid pid pair: site " + siteOf(k) + ", ident " + identOf(k));
        }
    }

    /** Number of pairs, 1..255. */
    public int depth() {
        return keys.length;
    }

    /** The packed key of pair {@code level} (0-based). */
    public long keyAt(int level) {
        return keys[level];
    }

    /** The site of pair {@code level}. */
    public int siteAt(int level) {
        return siteOf(keys[level]);
    }

    /** The ident of pair {@code level}. */
    public long identAt(int level) {
        return identOf(keys[level]);
    }

    /** The site of the last pair: the author of the atom. */
    public int site() {
        return siteOf(keys[keys.length - 1]);
    }

    /** Copies the packed keys into {@code dst} at {@code off}. */
    public void copyKeys(long[] dst, int off) {
        System.arraycopy(keys, 0, dst, off, keys.length);
    }

    /** A copy of the packed keys. */
    public long[] keys() {
        return keys.clone();
    }

    @Override
    public int compareTo(Pid o) {
        return compare(keys, 0, keys.length, o.keys, 0, o.keys.length);
    }

    /** Compares two pids held as ranges of packed keys: pair by pair, a proper prefix first. */
    public static int compare(long[] a, int aOff, int aLen, long[] b, int bOff, int bLen) {
        int n = Math.min(aLen, bLen);
        for (int i = 0; i < n; i++) {
            long x = a[aOff + i];
            long y = b[bOff + i];
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(aLen, bLen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pid && Arrays.equals(keys, ((Pid) o).keys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }

    /** For example {@code [(5,1)(17,3)]}: (ident,site) per pair. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (long k : keys) {
            sb.append('(').append(identOf(k)).append(',').append(siteOf(k)).append(')');
        }
        return sb.append(']').toString();
    }
}
