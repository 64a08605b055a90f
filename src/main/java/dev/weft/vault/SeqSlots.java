package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending ops of a {@link PendingOps}, in seq order: a column of slots, appended at the end
 * (seqs only grow), taken from the front when acknowledged, emptied in place when an op leaves from
 * the middle (a cancelled insert, a replaced rename). Not thread-safe.
 *
 * <p>Slots are held as runs (issue 14): consecutive slots whose seqs follow one another, made at one
 * timestamp, with pids one {@link dev.weft.crdt.PidRange} (same prefix and author, last idents one
 * stride apart) share one run entry (first slot, first seq, micros, first pid, stride), and each
 * slot keeps only its code point (or a mark: emptied, delete, kept whole). A pasted or imported
 * text costs ~4 bytes an op, not an object or ~90 bytes (issue 12 §1: a 20 MB note ran out of
 * memory here). Ops are made into objects only when read. Renames are kept as they are.
 */
final class SeqSlots {
    private static final int MIN_CAPACITY = 16;
    /** Empty slots tolerated among the used ones before they are squeezed out, if more than the live ones. */
    private static final int HOLES_TOLERATED = 64;
    /** {@link #cps} of an emptied slot, a delete, and an op kept whole in {@link #whole}. */
    private static final int EMPTY = -1;
    private static final int DELETE = -2;
    private static final int WHOLE = -3;

    /** The inserted code point of each slot, or {@link #EMPTY}, {@link #DELETE}, {@link #WHOLE}. */
    private int[] cps = new int[MIN_CAPACITY];
    /** Run {@code r} holds slots {@code [runStart[r], runStart[r + 1])} (the last one through {@link #end}). */
    private int[] runStart = new int[MIN_CAPACITY];
    private long[] runSeq = new long[MIN_CAPACITY];
    private long[] runMicros = new long[MIN_CAPACITY];
    /** 0 while a run has one slot. */
    private long[] runStride = new long[MIN_CAPACITY];
    /** Run {@code r}'s first pid keys are {@code keys[runKeys[r] .. runKeys[r] + runDepth[r])}. */
    private int[] runKeys = new int[MIN_CAPACITY];
    private byte[] runDepth = new byte[MIN_CAPACITY];
    private int runs;
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

    /** Run entries held (those before {@link #start} too, until the slots are squeezed or emptied). */
    int runs() {
        return runs;
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
        int r = runOf(i);
        long seq = runSeq[r] + (i - runStart[r]);
        if (cp == WHOLE) {
            return whole.get(seq);
        }
        Pid pid = pidAt(r, i - runStart[r]);
        return cp == DELETE ? new LocalOp.Delete(seq, runMicros[r], pid)
                : new LocalOp.Insert(seq, runMicros[r], new Atom(pid, cp));
    }

    /** The seq of the last slot in use (its op may have left), 0 if none is. */
    long lastSeq() {
        return end > start ? seqOf(end - 1) : 0;
    }

    /**
     * Makes room for {@code ops} more slots after the last, in one step: appending them one by one
     * would lay the slots out again at each doubling. ({@code keyCount}: runs keep their keys apart.)
     */
    void reserve(int ops, int keyCount) {
        if (end + ops > cps.length) {
            grow(ops);
        }
    }

    /**
     * Adds {@code op} after the others if its seq is above every slot's.
     *
     * @return false (nothing done) if it is not
     */
    boolean append(LocalOp op) {
        long seq = op.seq();
        if (end > start && seq <= seqOf(end - 1)) {
            return false;
        }
        if (end == cps.length) {
            grow(1);
        }
        add(op);
        return true;
    }

    /** Adds {@code op} at its seq's place, replacing an op of the same seq (never for logs written so: rebuilds). */
    void put(LocalOp op) {
        List<LocalOp> ops = new ArrayList<>(size + 1);
        boolean placed = false;
        for (LocalOp o : from(start)) {
            if (!placed && o.seq() >= op.seq()) {
                ops.add(op);
                placed = true;
                if (o.seq() == op.seq()) {
                    continue;
                }
            }
            ops.add(o);
        }
        if (!placed) {
            ops.add(op);
        }
        refill(ops, ops.size());
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
                return seqOf(i);
            }
        }
        return 0;
    }

    /** The first slot in use whose seq is above {@code seq} ({@link #end} if none). */
    int indexAbove(long seq) {
        if (end == start) {
            return end;
        }
        int r = lastRunAtOrBelow(seq);
        if (r < 0) {
            return start;
        }
        long within = seq - runSeq[r] + 1;
        int runEnd = r + 1 < runs ? runStart[r + 1] : end;
        int i = within >= runEnd - runStart[r] ? runEnd : runStart[r] + (int) within;
        return Math.max(start, i);
    }

    /** Takes out the op of seq {@code seq}, if there is one. */
    void remove(long seq) {
        int i = indexAbove(seq - 1);
        if (i == end || seqOf(i) != seq || cps[i] == EMPTY) {
            return;
        }
        empty(i, seq);
        if (tooManyDead()) {
            List<LocalOp> live = from(start);
            refill(live, Math.max(MIN_CAPACITY, live.size() * 2));
        }
    }

    private void empty(int i, long seq) {
        if (cps[i] == WHOLE) {
            whole.remove(seq);
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
        int to = indexAbove(seq);
        for (int i = start; i < to; i++) {
            if (cps[i] != EMPTY) {
                long s = seqOf(i);
                found |= cps[i] == WHOLE && whole.get(s) == watched;
                empty(i, s);
            }
        }
        start = Math.max(start, to);
        if (start == end) {
            start = 0;
            end = 0;
            runs = 0;
            keysEnd = 0;
            if (cps.length > MIN_CAPACITY * 64) {
                cps = new int[MIN_CAPACITY];
            }
            if (runStart.length > MIN_CAPACITY * 64) {
                allocateRuns(MIN_CAPACITY);
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
        List<LocalOp> list = new ArrayList<>(Math.min(size, Math.max(0, Math.min(to - from, limit))));
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

    /** Appends {@code op} in slot {@link #end}, continuing the last run when it can. */
    private void add(LocalOp op) {
        int cp;
        Pid pid = null;
        if (op instanceof LocalOp.Insert insert) {
            cp = insert.atom().codePoint();
            pid = insert.atom().pid();
        } else if (op instanceof LocalOp.Delete delete) {
            cp = DELETE;
            pid = delete.pid();
        } else {
            cp = WHOLE;
            whole.put(op.seq(), op);
        }
        if (pid == null || !continuesLastRun(op, pid)) {
            newRun(op, pid);
        }
        cps[end++] = cp;
        size++;
    }

    /** Whether {@code op}, of pid {@code pid}, is the next op of the last run (setting its stride at its second op). */
    private boolean continuesLastRun(LocalOp op, Pid pid) {
        if (runs == 0) {
            return false;
        }
        int r = runs - 1;
        int n = end - runStart[r];
        if (n == 0 || cps[runStart[r]] == WHOLE || op.seq() != runSeq[r] + n || op.micros() != runMicros[r]) {
            return false;
        }
        int depth = runDepth[r] & 0xFF;
        int k = runKeys[r];
        if (pid.depth() != depth || Pid.siteOf(keys[k + depth - 1]) != pid.site()) {
            return false;
        }
        for (int level = 0; level < depth - 1; level++) {
            if (keys[k + level] != pid.keyAt(level)) {
                return false;
            }
        }
        long step = pid.identAt(depth - 1) - Pid.identOf(keys[k + depth - 1]);
        if (n == 1) {
            if (step < 1) {
                return false;
            }
            runStride[r] = step;
            return true;
        }
        return step == n * runStride[r];
    }

    private void newRun(LocalOp op, Pid pid) {
        if (runs == runStart.length) {
            runStart = Arrays.copyOf(runStart, runs * 2);
            runSeq = Arrays.copyOf(runSeq, runs * 2);
            runMicros = Arrays.copyOf(runMicros, runs * 2);
            runStride = Arrays.copyOf(runStride, runs * 2);
            runKeys = Arrays.copyOf(runKeys, runs * 2);
            runDepth = Arrays.copyOf(runDepth, runs * 2);
        }
        int d = pid == null ? 0 : pid.depth();
        if (keysEnd + d > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysEnd + d));
        }
        if (pid != null) {
            pid.copyKeys(keys, keysEnd);
        }
        runStart[runs] = end;
        runSeq[runs] = op.seq();
        runMicros[runs] = op.micros();
        runStride[runs] = 0;
        runKeys[runs] = keysEnd;
        runDepth[runs] = (byte) d;
        keysEnd += d;
        runs++;
    }

    /** Room for {@code more} slots: the live ones squeezed together when holes outnumber them, else a doubled column. */
    private void grow(int more) {
        if (tooManyDead()) {
            List<LocalOp> live = from(start);
            refill(live, Math.max(live.size() + more, live.size() * 2));
        }
        if (end + more > cps.length) {
            cps = Arrays.copyOf(cps, Math.max(end + more, cps.length * 2));
        }
    }

    /** Emptied slots (before {@link #start} too) tolerated while fewer than the live ones. */
    private boolean tooManyDead() {
        int dead = end - size;
        return dead > HOLES_TOLERATED && dead > size;
    }

    /** Starts again from {@code ops} (in seq order) in a column of {@code capacity} slots. */
    private void refill(List<LocalOp> ops, int capacity) {
        cps = new int[Math.max(MIN_CAPACITY, capacity)];
        allocateRuns(MIN_CAPACITY);
        keys = new long[MIN_CAPACITY * 4];
        keysEnd = 0;
        runs = 0;
        start = 0;
        end = 0;
        size = 0;
        whole.clear();
        for (LocalOp op : ops) {
            if (end == cps.length) {
                cps = Arrays.copyOf(cps, cps.length * 2);
            }
            add(op);
        }
    }

    private void allocateRuns(int capacity) {
        runStart = new int[capacity];
        runSeq = new long[capacity];
        runMicros = new long[capacity];
        runStride = new long[capacity];
        runKeys = new int[capacity];
        runDepth = new byte[capacity];
    }

    private long seqOf(int i) {
        int r = runOf(i);
        return runSeq[r] + (i - runStart[r]);
    }

    /** Pid {@code k} of run {@code r}. */
    private Pid pidAt(int r, int k) {
        int depth = runDepth[r] & 0xFF;
        long[] pid = Arrays.copyOfRange(keys, runKeys[r], runKeys[r] + depth);
        long last = pid[depth - 1];
        pid[depth - 1] = Pid.key(Pid.siteOf(last), Pid.identOf(last) + k * runStride[r]);
        return Pid.of(pid);
    }

    /** The run that holds slot {@code i}. */
    private int runOf(int i) {
        int lo = 0;
        int hi = runs - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (runStart[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The last run whose first seq is at most {@code seq}, -1 if none is. */
    private int lastRunAtOrBelow(long seq) {
        int lo = 0;
        int hi = runs - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (runSeq[mid] <= seq) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return from(start).toString();
    }
}
