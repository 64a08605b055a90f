package dev.weft.crdt;

import java.util.Arrays;

/**
 * A leaf of the {@link AtomTree}: up to {@link #CAP} atoms in pid order, stored column-wise so a
 * document costs a few dozen bytes per atom and no object per atom.
 */
final class Leaf extends Node {
    static final int CAP = 32;

    /** Code point of each atom, {@link AtomVisitor#TOMBSTONE} when it is deleted. */
    final int[] cps = new int[CAP];
    /**
     * Atom {@code i}'s packed pid keys are {@code keys[off[i] .. off[i + 1])}; a leaf holds at
     * most CAP * 255 keys, so a char (unsigned 16 bits) holds every offset.
     */
    final char[] off = new char[CAP + 1];
    long[] keys;
    int n;
    Leaf prev;
    Leaf next;

    Leaf(int keyCapacity) {
        keys = new long[Math.max(keyCapacity, 8)];
    }

    @Override
    Leaf first() {
        return this;
    }

    int depth(int i) {
        return off[i + 1] - off[i];
    }

    boolean alive(int i) {
        return cps[i] >= 0;
    }

    /** Compares the pid of atom {@code i} with the given one. */
    int compareAt(int i, long[] k, int ko, int kd) {
        return Pid.compare(keys, off[i], off[i + 1] - off[i], k, ko, kd);
    }

    /** Index of the atom with this pid, or {@code -(insertion point) - 1}. */
    int search(long[] k, int ko, int kd) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareAt(mid, k, ko, kd);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    /** Inserts an atom at index {@code i}; the caller has made sure {@code n < CAP}. */
    void insert(int i, long[] k, int ko, int kd, int cp) {
        int end = off[n];
        if (end + kd > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(end + kd, keys.length + (keys.length >> 1)));
        }
        int at = off[i];
        System.arraycopy(keys, at, keys, at + kd, end - at);
        System.arraycopy(k, ko, keys, at, kd);
        System.arraycopy(cps, i, cps, i + 1, n - i);
        cps[i] = cp;
        for (int j = n; j >= i; j--) {
            off[j + 1] = (char) (off[j] + kd);
        }
        n++;
    }

    /** Moves the atoms from index {@code h} on into a new leaf linked after this one. */
    Leaf splitOff(int h) {
        int from = off[h];
        int len = off[n] - from;
        // at least half this leaf's room: a leaf split at its end (text appended in order) starts
        // empty and would otherwise grow its keys from 8 by halves, copying them nine times
        Leaf right = new Leaf(Math.max(len + (len >> 1), keys.length >> 1));
        right.n = n - h;
        System.arraycopy(keys, from, right.keys, 0, len);
        System.arraycopy(cps, h, right.cps, 0, right.n);
        for (int j = 0; j <= right.n; j++) {
            right.off[j] = (char) (off[h + j] - from);
        }
        n = h;
        if (keys.length > 2 * off[n] + 16) {
            trimKeys();
        }
        recount();
        right.recount();
        right.next = next;
        if (next != null) {
            next.prev = right;
        }
        right.prev = this;
        next = right;
        return right;
    }

    /** Drops unused key capacity beyond an eighth of what is in use. */
    void trimKeys() {
        int used = off[n];
        int keep = used + (used >> 3) + 8;
        if (keys.length > keep) {
            keys = Arrays.copyOf(keys, keep);
        }
    }

    /** Recomputes the visible counts from the atoms. */
    void recount() {
        int a = 0;
        int u = 0;
        for (int j = 0; j < n; j++) {
            int cp = cps[j];
            if (cp >= 0) {
                a++;
                u += Character.charCount(cp);
            }
        }
        alive = a;
        u16 = u;
        atoms = n;
    }

    /** Number of UTF-16 units of the alive atoms before index {@code i}. */
    int u16Before(int i) {
        int u = 0;
        for (int j = 0; j < i; j++) {
            int cp = cps[j];
            if (cp >= 0) {
                u += Character.charCount(cp);
            }
        }
        return u;
    }

    /** Number of alive atoms before index {@code i}. */
    int aliveBefore(int i) {
        int a = 0;
        for (int j = 0; j < i; j++) {
            if (cps[j] >= 0) {
                a++;
            }
        }
        return a;
    }
}
