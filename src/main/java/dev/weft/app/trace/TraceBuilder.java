package dev.weft.app.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what {@link TraceParser} read, in whatever order the file's fields came, and checks it
 * as a whole: required fields, the kind, parents that point backwards, agents below numAgents, an
 * empty start for a concurrent trace.
 */
final class TraceBuilder {
    /** Agent of a transaction that had no {@code agent} field. */
    static final int NO_AGENT = -1;

    private static final String CONCURRENT = "concurrent";

    private final PatchList.Builder patches = new PatchList.Builder();
    private final IntList patchEnds = new IntList();
    private final IntList agents = new IntList();
    private final List<int[]> parents = new ArrayList<>();
    private String kind;
    private String startContent = "";
    private String endContent;
    private int numAgents = -1;
    private boolean sawTxns;

    void kind(String value) {
        kind = value;
    }

    void startContent(String value) {
        startContent = value;
    }

    void endContent(String value) {
        endContent = value;
    }

    void numAgents(int value) {
        numAgents = value;
    }

    void startTxns() throws TraceFormatException {
        if (sawTxns) {
            throw new TraceFormatException("txns appears twice");
        }
        sawTxns = true;
    }

    void patch(int position, int deleteCount, String insert) {
        patches.add(position, deleteCount, insert);
    }

    /** Ends the current transaction; {@code txnParents} is null when the field was absent. */
    void endTxn(int[] txnParents, int agent) {
        patchEnds.add(patches.size());
        parents.add(txnParents);
        agents.add(agent);
    }

    EditingTrace build() throws TraceFormatException {
        if (endContent == null) {
            throw new TraceFormatException("endContent is missing");
        }
        if (!sawTxns) {
            throw new TraceFormatException("txns is missing");
        }
        boolean concurrent = isConcurrent();
        if (concurrent && numAgents < 1) {
            throw new TraceFormatException("a concurrent trace needs numAgents of at least 1");
        }
        if (concurrent && !startContent.isEmpty()) {
            throw new TraceFormatException("a concurrent trace starts from an empty document, "
                    + "but startContent is not empty");
        }
        PatchList all = patches.build();
        List<Txn> txns = new ArrayList<>(patchEnds.size());
        int start = 0;
        for (int i = 0; i < patchEnds.size(); i++) {
            PatchList own = all.slice(start, patchEnds.get(i));
            txns.add(concurrent ? concurrentTxn(i, own) : sequentialTxn(i, own));
            start = patchEnds.get(i);
        }
        return new EditingTrace(startContent, endContent, concurrent ? numAgents : 1, txns, concurrent);
    }

    private boolean isConcurrent() throws TraceFormatException {
        if (kind == null) {
            return false;
        }
        if (!kind.equals(CONCURRENT)) {
            throw new TraceFormatException("unknown kind \"" + kind + "\" (expected \"" + CONCURRENT
                    + "\" or no kind)");
        }
        return true;
    }

    private static Txn sequentialTxn(int index, PatchList own) {
        return new Txn(index == 0 ? List.of() : List.of(index - 1), 0, own);
    }

    private Txn concurrentTxn(int index, PatchList own) throws TraceFormatException {
        int[] txnParents = parents.get(index);
        int agent = agents.get(index);
        if (txnParents == null) {
            throw invalid(index, "parents is missing");
        }
        if (agent == NO_AGENT) {
            throw invalid(index, "agent is missing");
        }
        if (agent >= numAgents) {
            throw invalid(index, "agent " + agent + " is not below numAgents "
                    + numAgents);
        }
        List<Integer> parentList = new ArrayList<>(txnParents.length);
        for (int parent : txnParents) {
            if (parent >= index) {
                throw invalid(index, "parent " + parent
                        + " is not an earlier transaction");
            }
            parentList.add(parent);
        }
        return new Txn(parentList, agent, own);
    }

    private static TraceFormatException invalid(int index, String message) {
        return new TraceFormatException("txns[" + index + "]: " + message);
    }
}
