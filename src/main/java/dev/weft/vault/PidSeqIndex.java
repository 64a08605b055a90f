package dev.weft.vault;

import dev.weft.crdt.Pid;

/**
 * Pid to seq, without a boxed {@code Long} or an entry object per pid: open addressing with linear
 * probing over a pid array and a {@code long} array, at most half full. Seqs are above 0; 0 means
 * absent. Not thread-safe.
 */
final class PidSeqIndex {
    private static final int MIN_CAPACITY = 16;

    private Pid[] keys = new Pid[MIN_CAPACITY];
    private long[] seqs = new long[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    /** The seq put for {@code pid}, 0 if none. */
    long get(Pid pid) {
        int mask = keys.length - 1;
        for (int i = slot(pid, mask);; i = (i + 1) & mask) {
            Pid k = keys[i];
            if (k == null) {
                return 0;
            }
            if (k.equals(pid)) {
                return seqs[i];
            }
        }
    }

    /** Maps {@code pid} to {@code seq} (above 0), replacing what it was mapped to. */
    void put(Pid pid, long seq) {
        if (seq <= 0) {
            throw new IllegalArgumentException("seq " + seq + " <= 0");
        }
        if (2 * (size + 1) > keys.length) {
            resize(keys.length * 2);
        }
        int mask = keys.length - 1;
        for (int i = slot(pid, mask);; i = (i + 1) & mask) {
            Pid k = keys[i];
            if (k == null) {
                keys[i] = pid;
                seqs[i] = seq;
                size++;
                return;
            }
            if (k.equals(pid)) {
                seqs[i] = seq;
                return;
            }
        }
    }

    /** Forgets {@code pid}, if it is there. */
    void remove(Pid pid) {
        int mask = keys.length - 1;
        int i = slot(pid, mask);
        while (true) {
            Pid k = keys[i];
            if (k == null) {
                return;
            }
            if (k.equals(pid)) {
                break;
            }
            i = (i + 1) & mask;
        }
        keys[i] = null;
        size--;
        // shift back the entries after it that would no longer be found past the gap
        for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean reachable = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!reachable) {
                keys[i] = keys[j];
                seqs[i] = seqs[j];
                keys[j] = null;
                i = j;
            }
        }
    }

    void clear() {
        keys = new Pid[MIN_CAPACITY];
        seqs = new long[MIN_CAPACITY];
        size = 0;
    }

    private void resize(int capacity) {
        Pid[] oldKeys = keys;
        long[] oldSeqs = seqs;
        keys = new Pid[capacity];
        seqs = new long[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                seqs[i] = oldSeqs[j];
            }
        }
    }

    private static int slot(Pid pid, int mask) {
        int h = pid.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
