package dev.weft.store;

import dev.weft.crdt.AtomVisitor;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One entry of the {@code runs} map: atoms of one author on one level whose last idents step by
 * one stride ({@link PidRange}), with each atom's code point ({@link #TOMBSTONE} once deleted) and
 * insert time ({@link #NEVER}: a delete that arrived before any insert), and, once deleted, its
 * delete time (the code point stays: the server keeps deleted text, issue 16 §3). Keyed by its first pid, it
 * covers the keys from its first to its last pid and no other stored atom sorts in between (the
 * writer splits a run when one arrives there), so the runs in key order are the atoms in pid order.
 *
 * <p>The value, all varints: {@code count | stride (only if count > 1) | code point + 1 per atom
 * (0: tombstone) | (length, time) segments of equal insert times, each time zigzag after the one
 * before, the last segment without its length}. A lone atom costs its code point, 1 byte and its
 * time (8 bytes): 10 bytes below U+0080, 11 below U+4000, 12 above (its layout-1 record: 11); a
 * typed run about one byte a character. A run with a deleted atom is written as
 * {@code 0 | 1 (version) | count | stride | code point + 1 per atom | insert segments | delete
 * segments}, every segment with its length (delete time 0: alive); {@code count} is never 0, so
 * the first byte tells the layouts apart and values written before delete times read as they are
 * (a tombstone of theirs has no code point and delete time {@link #DELETED_UNKNOWN}). Mutable while
 * a write works on it; one owner.
 */
final class StoredRun {
    /**
     * The most atoms one stored run holds: every change to a run writes its B-tree node whole (8
     * runs, ~2.2 KiB; 32 and ~9 KiB in a store made before), and a run's key and times then cost
     * ~0.15 B a character (128: the 500-note vault of StoreSizeBench took 4.3 × its text, 256 and
     * 512 3.6 ×, with nodes of 32).
     */
    static final int MAX = 256;
    static final int TOMBSTONE = AtomVisitor.TOMBSTONE;
    static final long NEVER = AtomRecord.NEVER;
    /** Delete time of an alive atom. */
    static final long ALIVE = 0;
    /** Delete time of a tombstone stored before delete times: deleted, when unknown. */
    static final long DELETED_UNKNOWN = 1;
    private static final int VERSION_DELETE_TIMES = 1;

    /** The first pid's packed keys. */
    private final long[] head;
    /** Step between last idents; 0 while the run holds one atom. */
    private long stride;
    private int count;
    private int[] codePoints;
    private long[] times;
    /** Delete time per atom; {@link #ALIVE} while alive. */
    private long[] deleted;

    private StoredRun(long[] head, long stride, int count, int[] codePoints, long[] times, long[] deleted) {
        this.head = head;
        this.stride = stride;
        this.count = count;
        this.codePoints = codePoints;
        this.times = times;
        this.deleted = deleted;
    }

    /** A run of one alive atom. */
    static StoredRun single(Pid pid, int codePoint, long time) {
        return new StoredRun(pid.keys(), 0, 1, new int[] {codePoint, 0, 0, 0}, new long[] {time, 0, 0, 0},
                new long[4]);
    }

    /** A run of one atom deleted at {@code deleteTime} before any insert of it arrived. */
    static StoredRun deletedBeforeInsert(Pid pid, long deleteTime) {
        return new StoredRun(pid.keys(), 0, 1, new int[] {TOMBSTONE, 0, 0, 0}, new long[] {NEVER, 0, 0, 0},
                new long[] {deleteTime, 0, 0, 0});
    }

    /** A run of one atom as layout 1 stored it: a tombstone there has lost its code point and delete time. */
    static StoredRun migrated(Pid pid, int codePoint, long time) {
        StoredRun run = single(pid, codePoint, time);
        if (codePoint == TOMBSTONE) {
            run.deleted[0] = DELETED_UNKNOWN;
        }
        return run;
    }

    /** Atoms {@code [from, from + n)} of {@code run}, all inserted at {@code time}; {@code n} at most {@link #MAX}. */
    static StoredRun of(Run run, int from, int n, long time) {
        int[] codePoints = Arrays.copyOfRange(run.codePoints(), from, from + Math.max(n, 4));
        long[] times = new long[Math.max(n, 4)];
        Arrays.fill(times, 0, n, time);
        return new StoredRun(run.pids().pidAt(from).keys(), n > 1 ? run.pids().stride() : 0, n, codePoints, times,
                new long[Math.max(n, 4)]);
    }

    int count() {
        return count;
    }

    Pid first() {
        return Pid.of(head);
    }

    /** Pid {@code k}. */
    Pid pidAt(int k) {
        long[] keys = head.clone();
        int last = keys.length - 1;
        keys[last] = Pid.key(Pid.siteOf(head[last]), identAt(k));
        return Pid.of(keys);
    }

    /** How many pairs each pid of the run has. */
    int depth() {
        return head.length;
    }

    /**
     * Hands pid {@code k} with {@code codePoint} to {@code visitor}, its keys written into {@code
     * scratch} (at least {@link #depth} long): no {@link Pid} made, for scans that regroup runs.
     */
    void visitAt(int k, int codePoint, AtomVisitor visitor, long[] scratch) {
        int last = head.length - 1;
        System.arraycopy(head, 0, scratch, 0, last);
        scratch[last] = Pid.key(Pid.siteOf(head[last]), identAt(k));
        visitor.visit(scratch, 0, head.length, codePoint);
    }

    /** The atom's character, also once deleted; {@link #TOMBSTONE} if never known. */
    int codePointAt(int k) {
        return codePoints[k];
    }

    long timeAt(int k) {
        return times[k];
    }

    /** When atom {@code k} was deleted; {@link #ALIVE} while it is not. */
    long deleteTimeAt(int k) {
        return deleted[k];
    }

    boolean isAlive(int k) {
        return deleted[k] == ALIVE;
    }

    private long identAt(int k) {
        return Pid.identOf(head[head.length - 1]) + k * stride;
    }

    /** Whether {@code pid} has this run's depth, prefix and author: only then may it be one of its atoms. */
    private boolean sameLine(Pid pid) {
        int depth = head.length;
        if (pid.depth() != depth || pid.site() != Pid.siteOf(head[depth - 1])) {
            return false;
        }
        for (int i = 0; i < depth - 1; i++) {
            if (pid.keyAt(i) != head[i]) {
                return false;
            }
        }
        return true;
    }

    /** The index of {@code pid} in this run, or -1. */
    int indexOf(Pid pid) {
        if (!sameLine(pid)) {
            return -1;
        }
        long delta = pid.identAt(head.length - 1) - Pid.identOf(head[head.length - 1]);
        if (delta < 0) {
            return -1;
        }
        if (count == 1 || stride == 0) {
            return delta == 0 ? 0 : -1;
        }
        return delta % stride == 0 && delta / stride < count ? (int) (delta / stride) : -1;
    }

    /** How many of this run's atoms sort before {@code pid}. */
    int countBefore(Pid pid) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pidAt(mid).compareTo(pid) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether {@code pid} sorts at or before this run's last atom. */
    boolean reaches(Pid pid) {
        return pidAt(count - 1).compareTo(pid) >= 0;
    }

    /**
     * Whether {@code pid} continues this run: its next atom, one stride after the last (the second
     * atom sets the stride), and the run has room.
     */
    boolean continuedBy(Pid pid) {
        if (count >= MAX || !sameLine(pid)) {
            return false;
        }
        long ident = pid.identAt(head.length - 1);
        long last = identAt(count - 1);
        return count == 1 ? ident > last : ident == last + stride;
    }

    /** Adds the atom {@link #continuedBy} accepted. */
    void append(Pid pid, int codePoint, long time, long deleteTime) {
        if (count == 1) {
            stride = pid.identAt(head.length - 1) - identAt(0);
        }
        if (count == codePoints.length) {
            codePoints = Arrays.copyOf(codePoints, 2 * count);
            times = Arrays.copyOf(times, 2 * count);
            deleted = Arrays.copyOf(deleted, 2 * count);
        }
        codePoints[count] = codePoint;
        times[count] = time;
        deleted[count] = deleteTime;
        count++;
    }

    /**
     * Appends atoms of {@code run} from {@code from} on, inserted at {@code time}, while they
     * continue this run and it has room; {@link #continuedBy} accepted atom {@code from}. Returns
     * the index in {@code run} after the last atom appended.
     */
    int appendFrom(Run run, int from, long time) {
        int depth = head.length;
        long base = run.pids().first().identAt(depth - 1);
        int k = from;
        while (k < run.count() && count < MAX) {
            long ident = base + k * run.pids().stride();
            long last = identAt(count - 1);
            if (count == 1 ? ident <= last : ident != last + stride) {
                break;
            }
            if (count == 1) {
                stride = ident - last;
            }
            if (count == codePoints.length) {
                codePoints = Arrays.copyOf(codePoints, 2 * count);
                times = Arrays.copyOf(times, 2 * count);
                deleted = Arrays.copyOf(deleted, 2 * count);
            }
            codePoints[count] = run.codePointAt(k);
            times[count] = time;
            deleted[count] = ALIVE;
            count++;
            k++;
        }
        return k;
    }

    /** Deletes atom {@code k} at {@code time}; its code point stays. */
    void delete(int k, long time) {
        deleted[k] = time;
    }

    /**
     * Forgets what atom {@code k} was once deleted: its character and times ({@code --history-days}).
     * It stays as a tombstone, so that a late insert of it stays dead.
     */
    void forget(int k) {
        codePoints[k] = TOMBSTONE;
        deleted[k] = DELETED_UNKNOWN;
    }

    /** Keeps atoms {@code [0, at)} and returns the others as a run of their own. */
    StoredRun splitAt(int at) {
        int rest = count - at;
        long[] tailHead = head.clone();
        int last = tailHead.length - 1;
        tailHead[last] = Pid.key(Pid.siteOf(head[last]), identAt(at));
        StoredRun tail = new StoredRun(tailHead, rest > 1 ? stride : 0, rest,
                Arrays.copyOfRange(codePoints, at, Math.max(count, at + 4)),
                Arrays.copyOfRange(times, at, Math.max(count, at + 4)),
                Arrays.copyOfRange(deleted, at, Math.max(count, at + 4)));
        count = at;
        if (count == 1) {
            stride = 0;
        }
        return tail;
    }

    /** The run as a {@link Run} of the crdt (tombstones as {@link AtomVisitor#TOMBSTONE}). */
    Run toRun() {
        int[] alive = new int[count];
        for (int k = 0; k < count; k++) {
            alive[k] = isAlive(k) ? codePoints[k] : TOMBSTONE;
        }
        return new Run(new PidRange(first(), stride == 0 ? 1 : stride, count), alive);
    }

    /** The map key: document then the first pid. */
    byte[] key(byte[] document) {
        return Keys.atom(document, head);
    }

    byte[] encode() {
        boolean anyDeleted = false;
        for (int k = 0; k < count && !anyDeleted; k++) {
            anyDeleted = deleted[k] != ALIVE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 2 * count);
        if (anyDeleted) {
            out.write(0);
            out.write(VERSION_DELETE_TIMES);
        }
        Varints.put(out, count);
        if (count > 1) {
            Varints.put(out, stride);
        }
        for (int k = 0; k < count; k++) {
            Varints.put(out, codePoints[k] == TOMBSTONE ? 0 : codePoints[k] + 1L);
        }
        putSegments(out, times, count, !anyDeleted);
        if (anyDeleted) {
            putSegments(out, deleted, count, false);
        }
        return out.toByteArray();
    }

    /** (length, time) segments of equal times, each time zigzag after the one before. */
    private static void putSegments(ByteArrayOutputStream out, long[] times, int count, boolean lastWithoutLength) {
        long previous = 0;
        for (int k = 0; k < count; ) {
            int end = k + 1;
            while (end < count && times[end] == times[k]) {
                end++;
            }
            if (end < count || !lastWithoutLength) {
                Varints.put(out, end - k);
            }
            long delta = times[k] - previous;
            Varints.put(out, (delta << 1) ^ (delta >> 63));
            previous = times[k];
            k = end;
        }
    }

    /** The run stored under {@code key} (document then first pid) with {@code value}. */
    static StoredRun decode(byte[] key, byte[] value) {
        Pid first = Keys.pidAt(key, Keys.DOCUMENT);
        int[] at = {0};
        boolean deleteTimes = value.length > 0 && value[0] == 0;
        if (deleteTimes) {
            if (value.length < 2 || value[1] != VERSION_DELETE_TIMES) {
                throw new IllegalStateException("stored run of an unknown version");
            }
            at[0] = 2;
        }
        int count = (int) Varints.read(value, at, "a stored run");
        if (count < 1 || count > MAX) {
            throw new IllegalStateException("stored run of " + count + " atoms");
        }
        long stride = count > 1 ? Varints.read(value, at, "a stored run") : 0;
        int[] codePoints = new int[count];
        for (int k = 0; k < count; k++) {
            codePoints[k] = (int) Varints.read(value, at, "a stored run") - 1;
        }
        long[] times = new long[count];
        long[] deleted = new long[count];
        if (deleteTimes) {
            readSegments(value, at, times, true);
            readSegments(value, at, deleted, true);
        } else {
            readSegments(value, at, times, false);
            for (int k = 0; k < count; k++) {
                deleted[k] = codePoints[k] == TOMBSTONE ? DELETED_UNKNOWN : ALIVE;
            }
        }
        return new StoredRun(first.keys(), stride, count, codePoints, times, deleted);
    }

    /** Fills {@code times} from segments; {@code everyLength}: else the last one has none (it is what is left). */
    private static void readSegments(byte[] value, int[] at, long[] times, boolean everyLength) {
        int count = times.length;
        long previous = 0;
        for (int k = 0; k < count; ) {
            long zigzag = Varints.read(value, at, "a stored run");
            boolean withLength = everyLength || at[0] < value.length;
            int length = withLength ? (int) zigzag : count - k;
            if (withLength) {
                zigzag = Varints.read(value, at, "a stored run");
            }
            long time = previous + ((zigzag >>> 1) ^ -(zigzag & 1));
            if (length < 1 || k + length > count) {
                throw new IllegalStateException("stored run with a bad time segment");
            }
            Arrays.fill(times, k, k + length, time);
            previous = time;
            k += length;
        }
    }
}
