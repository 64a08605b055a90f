package dev.weft.app.trace;

import dev.weft.crdt.SequenceDoc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Replays a concurrent trace: each agent edits its own replica (site {@code agent + 1}); before
 * a transaction, the agent's replica is brought to exactly the union of its parents' states.
 *
 * <p>Each transaction's operations are one range of the {@link OpLog}. A replica knows which
 * transactions it has applied; that set is always closed under parents. Before transaction
 * {@code t} of agent {@code a}, the transactions in the transitive closure of {@code t}'s parents
 * that the replica lacks are applied, in index order (parents point to earlier transactions, so
 * that order is causal). The search stops at transactions already applied.
 *
 * <p>The replica then holds exactly the parents' union if and only if it held nothing outside it
 * before: the format guarantees that, since an agent's transactions are totally ordered. It is
 * checked on the way: the replica's set is the closure of the agent's previous transaction, so
 * the search must meet that transaction.
 */
final class ConcurrentReplay {
    private final List<Txn> txns;
    private final OpLog log;
    private final List<SequenceDoc> replicas = new ArrayList<>();
    private final List<BitSet> applied = new ArrayList<>();
    private final int[] previous;
    private final int[] opsFrom;
    private final int[] opsTo;
    private final IntList stack = new IntList();
    private final IntList missing = new IntList();

    ConcurrentReplay(EditingTrace trace, OpLog log) throws TraceFormatException {
        if (trace.numAgents() > Replicas.MAX_AGENTS) {
            throw new TraceFormatException(trace.numAgents() + " agents, but a document has sites for "
                    + Replicas.MAX_AGENTS + " only");
        }
        this.txns = trace.txns();
        this.log = log;
        for (int a = 0; a < trace.numAgents(); a++) {
            replicas.add(Replicas.empty(Replicas.siteOf(a)));
            applied.add(new BitSet(txns.size()));
        }
        previous = new int[trace.numAgents()];
        Arrays.fill(previous, -1);
        opsFrom = new int[txns.size()];
        opsTo = new int[txns.size()];
    }

    Replay run() throws TraceFormatException {
        for (int t = 0; t < txns.size(); t++) {
            Txn txn = txns.get(t);
            int agent = txn.agent();
            catchUp(t, agent);
            opsFrom[t] = log.size();
            TraceReplayer.edit(replicas.get(agent), t, txn.patches(), log);
            opsTo[t] = log.size();
            applied.get(agent).set(t);
            previous[agent] = t;
        }
        for (int a = 0; a < replicas.size(); a++) {
            BitSet done = applied.get(a);
            for (int t = done.nextClearBit(0); t < txns.size(); t = done.nextClearBit(t + 1)) {
                log.applyTo(replicas.get(a), opsFrom[t], opsTo[t]);
            }
        }
        return new Replay(replicas);
    }

    /** Applies to {@code agent}'s replica what the parents of {@code txn} saw and it has not. */
    private void catchUp(int txn, int agent) throws TraceFormatException {
        BitSet done = applied.get(agent);
        boolean metPrevious = previous[agent] < 0;
        stack.clear();
        missing.clear();
        pushParents(txn);
        while (stack.size() > 0) {
            int t = stack.removeLast();
            metPrevious |= t == previous[agent];
            if (!done.get(t)) {
                done.set(t);
                missing.add(t);
                pushParents(t);
            }
        }
        if (!metPrevious) {
            throw new TraceFormatException("txns[" + txn + "]: agent " + agent + "'s previous transaction "
                    + previous[agent] + " is not among its ancestors");
        }
        int[] order = missing.toArray();
        Arrays.sort(order);
        SequenceDoc replica = replicas.get(agent);
        for (int t : order) {
            log.applyTo(replica, opsFrom[t], opsTo[t]);
        }
    }

    private void pushParents(int txn) {
        for (int parent : txns.get(txn).parents()) {
            stack.add(parent);
        }
    }
}
