package dev.weft.app.trace;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import java.util.Arrays;
import java.util.Objects;

/**
 * The operations local edits produced, in the order they were made, as an app appends them to
 * its record log. Stored in two growing arrays, pids and code points ({@link #DELETE} for a
 * delete), so recording an operation boxes nothing and allocates only when the arrays grow.
 */
public final class OpLog implements OpSink {
    /** Code point recorded for a delete. */
    private static final int DELETE = -1;

    private Pid[] pids;
    private int[] codePoints;
    private int size;

    /** An empty log with room for {@code capacity} operations before it grows. */
    public OpLog(int capacity) {
        pids = new Pid[Math.max(capacity, 16)];
        codePoints = new int[pids.length];
    }

    @Override
    public void inserted(Pid pid, int codePoint) {
        add(pid, codePoint);
    }

    @Override
    public void deleted(Pid pid) {
        add(pid, DELETE);
    }

    private void add(Pid pid, int codePoint) {
        if (size == pids.length) {
            pids = Arrays.copyOf(pids, size * 2);
            codePoints = Arrays.copyOf(codePoints, size * 2);
        }
        pids[size] = pid;
        codePoints[size++] = codePoint;
    }

    /** Number of operations recorded. */
    public int size() {
        return size;
    }

    /** Forgets every operation, keeping the room. */
    public void clear() {
        Arrays.fill(pids, 0, size, null);
        size = 0;
    }

    /** Applies every operation to {@code doc} as remote ones, in the order they were made. */
    public void applyTo(SequenceDoc doc) {
        applyTo(doc, 0, size);
    }

    /** Applies operations {@code from} (inclusive) to {@code to} (exclusive) to {@code doc}. */
    public void applyTo(SequenceDoc doc, int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        for (int i = from; i < to; i++) {
            int codePoint = codePoints[i];
            if (codePoint == DELETE) {
                doc.mergeDelete(pids[i]);
            } else {
                doc.merge(pids[i], codePoint);
            }
        }
    }
}
