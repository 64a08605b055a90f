package dev.weft.vault;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;

/** Collects the ops one local edit of a {@code SequenceDoc} made, for the log to number and append. */
final class EditBatch implements OpSink {
    /** Code point marking a delete. */
    static final int DELETE = -1;

    final List<Pid> pids = new ArrayList<>();
    final List<Integer> codePoints = new ArrayList<>();

    @Override
    public void inserted(Pid pid, int codePoint) {
        pids.add(pid);
        codePoints.add(codePoint);
    }

    @Override
    public void deleted(Pid pid) {
        pids.add(pid);
        codePoints.add(DELETE);
    }

    int size() {
        return pids.size();
    }
}
