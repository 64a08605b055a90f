package dev.weft.app.trace;

import dev.weft.crdt.SequenceDoc;
import java.util.List;

/**
 * The replicas at the end of a replay, every one with every operation of the trace applied: one
 * for a sequential trace, one per agent (index = agent) for a concurrent one.
 *
 * @param replicas the replicas, at least one
 */
public record Replay(List<SequenceDoc> replicas) {
    public Replay {
        replicas = List.copyOf(replicas);
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a replay has at least one replica");
        }
    }

    /** The first replica (agent 0's). */
    public SequenceDoc first() {
        return replicas.get(0);
    }
}
