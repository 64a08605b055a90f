package dev.weft.vault;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects the ops one local edit of a {@code SequenceDoc} made, for the log to number and append. */
final class EditBatch implements OpSink {
    /** Code point marking a delete. */
    static final int DELETE = -1;

    final List<Pid> pids = new ArrayList<>();
    /** Not boxed: a file taken in makes a batch of every character it holds. */
    private int[] codePoints = new int[16];
    /** The pids' keys in all. */
    private int keys;

    @Override
    public void inserted(Pid pid, int codePoint) {
        add(pid, codePoint);
    }

    @Override
    public void deleted(Pid pid) {
        add(pid, DELETE);
    }

    private void add(Pid pid, int codePoint) {
        if (pids.size() == codePoints.length) {
            codePoints = Arrays.copyOf(codePoints, codePoints.length * 2);
        }
        codePoints[pids.size()] = codePoint;
        pids.add(pid);
        keys += pid.depth();
    }

    /** Op {@code i}'s code point, or {@link #DELETE}. */
    int codePoint(int i) {
        return codePoints[i];
    }

    int size() {
        return pids.size();
    }

    int keys() {
        return keys;
    }
}
