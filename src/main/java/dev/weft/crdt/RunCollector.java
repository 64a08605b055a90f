package dev.weft.crdt;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Groups atoms handed over in order into the longest {@link Run}s they form: the next atom joins
 * the current run when it has the same depth, prefix and site and its last ident is one stride
 * after the run's last (the stride is set by the run's second atom). Streaming: it holds one run.
 */
public final class RunCollector implements AtomVisitor {
    private final Consumer<Run> sink;
    private final int maxCount;
    private long[] first = new long[0];
    private int depth;
    private long stride;
    private int[] codePoints = new int[16];
    private int count;

    /** Runs go to {@code sink}; none is longer than {@code maxCount} atoms. */
    public RunCollector(Consumer<Run> sink, int maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount " + maxCount);
        }
        this.sink = sink;
        this.maxCount = maxCount;
    }

    /** Adds one atom (a {@link AtomVisitor#TOMBSTONE} code point keeps a deleted atom). */
    public void add(Pid pid, int codePoint) {
        long[] keys = pid.keys();
        visit(keys, 0, keys.length, codePoint);
    }

    @Override
    public void visit(long[] keys, int offset, int depth, int codePoint) {
        if (count > 0 && !continues(keys, offset, depth)) {
            flush();
        }
        if (count == 0) {
            if (first.length < depth) {
                first = new long[Math.max(depth, 2 * first.length)];
            }
            System.arraycopy(keys, offset, first, 0, depth);
            this.depth = depth;
            stride = 0;
        } else if (count == 1) {
            stride = Pid.identOf(keys[offset + depth - 1]) - Pid.identOf(first[depth - 1]);
        }
        if (count == codePoints.length) {
            codePoints = Arrays.copyOf(codePoints, 2 * count);
        }
        codePoints[count++] = codePoint;
    }

    private boolean continues(long[] keys, int offset, int depth) {
        if (depth != this.depth || count == maxCount) {
            return false;
        }
        if (Arrays.compare(first, 0, depth - 1, keys, offset, offset + depth - 1) != 0) {
            return false;
        }
        long last = keys[offset + depth - 1];
        long head = first[depth - 1];
        if (Pid.siteOf(last) != Pid.siteOf(head)) {
            return false;
        }
        long step = Pid.identOf(last) - Pid.identOf(head);
        if (count == 1) {
            return step > 0;
        }
        return count <= Pid.MAX_IDENT / stride && step == count * stride;
    }

    /** Hands over the run held, if any. Call once after the last atom. */
    public void flush() {
        if (count == 0) {
            return;
        }
        PidRange range = new PidRange(Pid.ofRange(first, 0, depth), count == 1 ? 1 : stride, count);
        sink.accept(new Run(range, Arrays.copyOf(codePoints, count)));
        count = 0;
    }
}
