package dev.weft.app.trace;

import java.util.List;
import java.util.Objects;

/**
 * A whole editing trace, as read by {@link TraceReader}.
 *
 * @param startContent the document before the first transaction (empty for concurrent traces)
 * @param endContent the document after every transaction, the replay's checksum
 * @param numAgents number of user agents; 1 for a sequential trace
 * @param txns the transactions in file order; parents always point to earlier ones
 * @param concurrent whether the file is a concurrent trace ({@code "kind": "concurrent"})
 */
public record EditingTrace(String startContent, String endContent, int numAgents, List<Txn> txns,
        boolean concurrent) {
    public EditingTrace {
        Objects.requireNonNull(startContent, "startContent");
        Objects.requireNonNull(endContent, "endContent");
        txns = List.copyOf(txns);
        if (numAgents < 1) {
            throw new IllegalArgumentException("numAgents " + numAgents + " is below 1");
        }
    }

    /** Total number of patches over all transactions. */
    public long patchCount() {
        long n = 0;
        for (Txn txn : txns) {
            n += txn.patches().size();
        }
        return n;
    }

    /** Character operations of all patches: code points deleted plus code points inserted. */
    public long characterOps() {
        long n = 0;
        for (Txn txn : txns) {
            PatchList patches = txn.patches();
            for (int i = 0; i < patches.size(); i++) {
                String insert = patches.insert(i);
                n += patches.deleteCount(i) + insert.codePointCount(0, insert.length());
            }
        }
        return n;
    }
}
