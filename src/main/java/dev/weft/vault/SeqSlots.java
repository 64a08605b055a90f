package dev.weft.vault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pending ops of a {@link PendingOps}, in seq order: an array of slots, appended at the end
 * (seqs only grow), taken from the front when acknowledged, emptied in place when an op leaves from
 * the middle (a cancelled insert, a replaced rename). Each slot keeps its seq, emptied or not, so a
 * seq is found by binary search. The live slots are moved together when the empty ones outnumber
 * them, and when the array is full. Not thread-safe.
 */
final class SeqSlots {
    private static final int MIN_CAPACITY = 16;
    /** Empty slots tolerated among the used ones before they are squeezed out, if more than the live ones. */
    private static final int HOLES_TOLERATED = 64;

    private LocalOp[] ops = new LocalOp[MIN_CAPACITY];
    private long[] seqs = new long[MIN_CAPACITY];
    /** The slots in use are {@code [start, end)}; some may be empty (null). */
    private int start;
    private int end;
    /** Live (non-empty) slots. */
    private int size;

    int size() {
        return size;
    }

    /** One past the last slot in use: the bound for {@link #at}. */
    int end() {
        return end;
    }

    /** The op in slot {@code i}, null if it was emptied. */
    LocalOp at(int i) {
        return ops[i];
    }

    /** The seq of the last slot in use (its op may have left), 0 if none is. */
    long lastSeq() {
        return end > start ? seqs[end - 1] : 0;
    }

    /**
     * Adds {@code op} after the others if its seq is above every slot's.
     *
     * @return false (nothing done) if it is not
     */
    boolean append(LocalOp op) {
        long seq = op.seq();
        if (end > start && seq <= seqs[end - 1]) {
            return false;
        }
        if (end == ops.length) {
            relayout(size + 1 > ops.length / 2 ? ops.length * 2 : ops.length);
        }
        ops[end] = op;
        seqs[end] = seq;
        end++;
        size++;
        return true;
    }

    /** Adds {@code op} at its seq's place, replacing an op of the same seq. */
    void put(LocalOp op) {
        long seq = op.seq();
        int i = indexAbove(seq - 1);
        if (i < end && seqs[i] == seq) {
            if (ops[i] == null) {
                size++;
            }
            ops[i] = op;
            return;
        }
        if (end == ops.length) {
            relayout(size + 1 > ops.length / 2 ? ops.length * 2 : ops.length);
            i = indexAbove(seq - 1);
        }
        System.arraycopy(ops, i, ops, i + 1, end - i);
        System.arraycopy(seqs, i, seqs, i + 1, end - i);
        ops[i] = op;
        seqs[i] = seq;
        end++;
        size++;
    }

    /** The first slot in use whose seq is above {@code seq} ({@link #end} if none). */
    int indexAbove(long seq) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (seqs[mid] <= seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Takes out the op of seq {@code seq}, if there is one. */
    void remove(long seq) {
        int i = indexAbove(seq - 1);
        if (i == end || seqs[i] != seq || ops[i] == null) {
            return;
        }
        ops[i] = null;
        size--;
        int holes = end - start - size;
        if (holes > HOLES_TOLERATED && holes > size) {
            relayout(ops.length / 4 > size ? Math.max(MIN_CAPACITY, size * 2) : ops.length);
        }
    }

    /**
     * Takes out every op with a seq up to {@code seq}.
     *
     * @return whether {@code watched} was one of them
     */
    boolean removeThrough(long seq, LocalOp watched) {
        boolean found = false;
        while (start < end && seqs[start] <= seq) {
            LocalOp op = ops[start];
            if (op != null) {
                found |= op == watched;
                ops[start] = null;
                size--;
            }
            start++;
        }
        if (start == end) {
            start = 0;
            end = 0;
            if (ops.length > MIN_CAPACITY * 64) {
                ops = new LocalOp[MIN_CAPACITY];
                seqs = new long[MIN_CAPACITY];
            }
        }
        return found;
    }

    /** The ops from slot {@code from} on, in seq order. */
    List<LocalOp> from(int from) {
        List<LocalOp> list = new ArrayList<>(Math.min(size, end - from));
        for (int i = Math.max(from, start); i < end; i++) {
            if (ops[i] != null) {
                list.add(ops[i]);
            }
        }
        return list;
    }

    /** Moves the live slots to the front of arrays of {@code capacity} (at least {@link #size}). */
    private void relayout(int capacity) {
        LocalOp[] newOps = new LocalOp[capacity];
        long[] newSeqs = new long[capacity];
        int n = 0;
        for (int i = start; i < end; i++) {
            if (ops[i] != null) {
                newOps[n] = ops[i];
                newSeqs[n] = seqs[i];
                n++;
            }
        }
        ops = newOps;
        seqs = newSeqs;
        start = 0;
        end = n;
    }

    @Override
    public String toString() {
        return Arrays.toString(Arrays.copyOfRange(ops, start, end));
    }
}
