package dev.weft.app.trace;

import java.util.List;
import java.util.Objects;

/**
 * One transaction of a trace: the patches one agent applied, in order, to the document state
 * after its parent transactions.
 *
 * @param parents indexes of earlier transactions this one saw; empty for the first; for a
 *     sequential trace always the previous transaction
 * @param agent the user agent, {@code 0 <= agent < numAgents}; 0 in a sequential trace
 * @param patches the patches, each applied to the result of the one before
 */
public record Txn(List<Integer> parents, int agent, PatchList patches) {
    public Txn {
        parents = List.copyOf(parents);
        Objects.requireNonNull(patches, "patches");
        if (agent < 0) {
            throw new IllegalArgumentException("negative agent " + agent);
        }
    }
}
