package dev.weft.store;

import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.List;

/**
 * A {@link ChangesWindow} as runs (docs/server.md, "Big answers"): what a device that speaks run
 * messages is sent, read from the stored runs without an object per atom.
 *
 * @param document the document's state at the instant the window was read
 * @param inserts the alive atoms inserted after the pull's time, as runs in pid order
 * @param deletes the deletes the device may lack, as pid ranges in pid order
 * @param last the last pid the window covers, where the next window starts; null at the end
 */
public record RunsWindow(DocumentState document, List<Run> inserts, List<PidRange> deletes, Pid last) {
    public RunsWindow {
        inserts = List.copyOf(inserts);
        deletes = List.copyOf(deletes);
    }
}
