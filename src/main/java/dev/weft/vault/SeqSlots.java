package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending ops of a {@link PendingOps}, in seq order: an array of slots, appended at the end
 * (seqs only grow), taken from the front when acknowledged, emptied in place when an op leaves from
 * the middle (a cancelled insert, a replaced rename). Each slot keeps its seq, emptied or not, so a
 * seq is found by binary search. The live slots are moved together when the empty ones outnumber
 * them, and when the array is full. Not thread-safe.
 *
 * <p>Inserts and deletes are packed into columns (seq, micros, code point, pid keys in one pool)
 * and made into objects again only when read: a note taken in with millions of pending inserts
 * holds ~90 bytes each instead of ~180 in objects (issue 12 §1). Renames are kept as they are.
 */
final class SeqSlots {
    private static final int MIN_CAPACITY = 16;
    /** Empty slots tolerated among the used ones before they are squeezed out, if more than the live ones. */
    private static final int HOLES_TOLERATED = 64;
    /** {@link #cps} of an emptied slot, a delete, and an op kept whole in {@link #whole}. */
    private static final int EMPTY = -1;
    private static final int DELETE = -2;
    private static final int WHOLE = -3;

    private long[] seqs = new long[MIN_CAPACITY];
    private long[] micros = new long[MIN_CAPACITY];
    /** The inserted code point, or {@link #EMPTY}, {@link #DELETE}, {@link #WHOLE}. */
    private int[] cps = new int[MIN_CAPACITY];
    /** Slot {@code i}'s pid keys are {@code keys[keyStart[i] .. keyStart[i] + depth[i])}. */
    private int[] keyStart = new int[MIN_CAPACITY];
    private byte[] depth = new byte[MIN_CAPACITY];
    private long[] keys = new long[MIN_CAPACITY * 4];
    private int keysEnd;
    /** Ops other than inserts and deletes (renames), by seq. */
    private final Map<Long, LocalOp> whole = new HashMap<>();
    /** The slots in use are {@code [start, end)}; some may be empty. */
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

    /** The op in slot {@code i} (made now, equal to the one put), null if it was emptied. */
    LocalOp at(int i) {
        int cp = cps[i];
        if (cp == EMPTY) {
            return null;
        }
        if (cp == WHOLE) {
            return whole.get(seqs[i]);
        }
        Pid pid = Pid.ofRange(keys, keyStart[i], depth[i] & 0xFF);
        return cp == DELETE ? new LocalOp.Delete(seqs[i], micros[i], pid)
                : new LocalOp.Insert(seqs[i], micros[i], new Atom(pid, cp));
    }

    /** The seq of the last slot in use (its op may have left), 0 if none is. */
    long lastSeq() {
        return end > start ? seqs[end - 1] : 0;
    }

    /**
     * Makes room for {@code ops} more slots after the last and {@code keyCount} more pid keys, in
     * one step: appending them one by one would lay the slots out again at each doubling.
     */
    void reserve(int ops, int keyCount) {
        if (end + ops > seqs.length) {
            relayout(Math.max(size + ops, seqs.length));
        }
        if (keysEnd + keyCount > keys.length) {
            compactKeys(keyCount);
        }
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
        if (end == seqs.length) {
            relayout(size + 1 > seqs.length / 2 ? seqs.length * 2 : seqs.length);
        }
        end++;
        fill(end - 1, op);
        size++;
        return true;
    }

    /** Adds {@code op} at its seq's place, replacing an op of the same seq. */
    void put(LocalOp op) {
        long seq = op.seq();
        int i = indexAbove(seq - 1);
        if (i < end && seqs[i] == seq) {
            if (cps[i] == EMPTY) {
                size++;
            }
            whole.remove(seq);
            fill(i, op);
            return;
        }
        if (end == seqs.length) {
            relayout(size + 1 > seqs.length / 2 ? seqs.length * 2 : seqs.length);
            i = indexAbove(seq - 1);
        }
        System.arraycopy(seqs, i, seqs, i + 1, end - i);
        System.arraycopy(micros, i, micros, i + 1, end - i);
        System.arraycopy(cps, i, cps, i + 1, end - i);
        System.arraycopy(keyStart, i, keyStart, i + 1, end - i);
        System.arraycopy(depth, i, depth, i + 1, end - i);
        end++;
        fill(i, op);
        size++;
    }

    /** Writes {@code op} into slot {@code i} (in use, any op it held gone); its keys go at the pool's end. */
    private void fill(int i, LocalOp op) {
        seqs[i] = op.seq();
        micros[i] = op.micros();
        cps[i] = EMPTY; // while the pool may be compacted
        if (!(op instanceof LocalOp.Insert) && !(op instanceof LocalOp.Delete)) {
            cps[i] = WHOLE;
            whole.put(op.seq(), op);
            return;
        }
        Pid pid = op instanceof LocalOp.Insert insert ? insert.atom().pid() : ((LocalOp.Delete) op).pid();
        int d = pid.depth();
        if (keysEnd + d > keys.length) {
            compactKeys(d);
        }
        cps[i] = op instanceof LocalOp.Insert insert ? insert.atom().codePoint() : DELETE;
        pid.copyKeys(keys, keysEnd);
        keyStart[i] = keysEnd;
        depth[i] = (byte) d;
        keysEnd += d;
    }

    /** How many slots from {@code from} on hold an op. */
    int liveFrom(int from) {
        int live = 0;
        for (int i = Math.max(from, start); i < end; i++) {
            if (cps[i] != EMPTY) {
                live++;
            }
        }
        return live;
    }

    /** The seq of the last slot that holds an op, 0 if none does. */
    long lastLiveSeq() {
        for (int i = end - 1; i >= start; i--) {
            if (cps[i] != EMPTY) {
                return seqs[i];
            }
        }
        return 0;
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
        if (i == end || seqs[i] != seq || cps[i] == EMPTY) {
            return;
        }
        empty(i);
        int holes = end - start - size;
        if (holes > HOLES_TOLERATED && holes > size) {
            relayout(seqs.length / 4 > size ? Math.max(MIN_CAPACITY, size * 2) : seqs.length);
        }
    }

    private void empty(int i) {
        if (cps[i] == WHOLE) {
            whole.remove(seqs[i]);
        }
        cps[i] = EMPTY;
        size--;
    }

    /**
     * Takes out every op with a seq up to {@code seq}.
     *
     * @return whether {@code watched} was one of them
     */
    boolean removeThrough(long seq, LocalOp watched) {
        boolean found = false;
        while (start < end && seqs[start] <= seq) {
            if (cps[start] != EMPTY) {
                found |= cps[start] == WHOLE && whole.get(seqs[start]) == watched;
                empty(start);
            }
            start++;
        }
        if (start == end) {
            start = 0;
            end = 0;
            keysEnd = 0;
            if (seqs.length > MIN_CAPACITY * 64) {
                allocate(MIN_CAPACITY);
                keys = new long[MIN_CAPACITY * 4];
            }
        }
        return found;
    }

    /** The ops from slot {@code from} on, in seq order. */
    List<LocalOp> from(int from) {
        return between(from, end, Integer.MAX_VALUE);
    }

    /**
     * The ops of slots {@code [from, to)} in seq order, at most {@code limit} inserts and deletes:
     * the ops after the last of them are left out (one upload part at a time, not all at once).
     */
    List<LocalOp> between(int from, int to, int limit) {
        List<LocalOp> list = new ArrayList<>(Math.min(size, Math.min(to - from, limit)));
        int counted = 0;
        for (int i = Math.max(from, start); i < to; i++) {
            if (cps[i] == EMPTY) {
                continue;
            }
            if (cps[i] != WHOLE && counted++ == limit) {
                break;
            }
            list.add(at(i));
        }
        return list;
    }

    /** Moves the live slots to the front of arrays of {@code capacity} (at least {@link #size}). */
    private void relayout(int capacity) {
        long[] oldSeqs = seqs;
        long[] oldMicros = micros;
        int[] oldCps = cps;
        int[] oldKeyStart = keyStart;
        byte[] oldDepth = depth;
        long[] oldKeys = keys;
        allocate(capacity);
        keys = new long[Math.max(MIN_CAPACITY * 4, liveKeys(oldCps, oldDepth) * 2)];
        int n = 0;
        int k = 0;
        for (int i = start; i < end; i++) {
            if (oldCps[i] == EMPTY) {
                continue;
            }
            seqs[n] = oldSeqs[i];
            micros[n] = oldMicros[i];
            cps[n] = oldCps[i];
            depth[n] = oldDepth[i];
            keyStart[n] = k;
            if (oldCps[i] != WHOLE) {
                int d = oldDepth[i] & 0xFF;
                System.arraycopy(oldKeys, oldKeyStart[i], keys, k, d);
                k += d;
            }
            n++;
        }
        keysEnd = k;
        start = 0;
        end = n;
    }

    private int liveKeys(int[] cpsOf, byte[] depthOf) {
        long total = 0;
        for (int i = start; i < end; i++) {
            if (cpsOf[i] != EMPTY && cpsOf[i] != WHOLE) {
                total += depthOf[i] & 0xFF;
            }
        }
        return Math.toIntExact(total);
    }

    /** Makes room for {@code more} keys: the live slots' keys moved together, the pool grown if need be. */
    private void compactKeys(int more) {
        int live = liveKeys(cps, depth);
        // a new pool: a slot put out of order holds keys after those of later slots
        long[] pool = new long[live + more > keys.length / 2 ? Math.max(keys.length * 2, live + more) : keys.length];
        int k = 0;
        for (int i = start; i < end; i++) {
            if (cps[i] != EMPTY && cps[i] != WHOLE) {
                int d = depth[i] & 0xFF;
                System.arraycopy(keys, keyStart[i], pool, k, d);
                keyStart[i] = k;
                k += d;
            }
        }
        keys = pool;
        keysEnd = k;
    }

    private void allocate(int capacity) {
        seqs = new long[capacity];
        micros = new long[capacity];
        cps = new int[capacity];
        keyStart = new int[capacity];
        depth = new byte[capacity];
    }

    @Override
    public String toString() {
        return from(start).toString();
    }
}
