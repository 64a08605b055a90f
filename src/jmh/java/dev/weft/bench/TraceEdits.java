package dev.weft.bench;

import dev.weft.app.trace.EditingTrace;
import dev.weft.app.trace.PatchList;
import dev.weft.app.trace.Replicas;
import dev.weft.crdt.Atom;
import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import java.util.ArrayList;
import java.util.List;

/**
 * An editing trace typed on one device: each transaction's inserted atoms and deleted pids, in
 * order, as the store's upserts take them (the first transaction also holds the start content),
 * and the document they made.
 */
record TraceEdits(List<List<Atom>> inserts, List<List<Pid>> deletes, SequenceDoc doc) {
    static TraceEdits of(EditingTrace trace) {
        SequenceDoc doc = Replicas.empty(Replicas.FIRST_SITE);
        List<Atom> inserts = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        OpSink sink = new OpSink() {
            @Override
            public void inserted(Pid pid, int codePoint) {
                inserts.add(new Atom(pid, codePoint));
            }

            @Override
            public void deleted(Pid pid) {
                deletes.add(pid);
            }
        };
        List<List<Atom>> txnInserts = new ArrayList<>();
        List<List<Pid>> txnDeletes = new ArrayList<>();
        doc.insert(0, trace.startContent(), sink);
        for (int t = 0; t < trace.txns().size(); t++) {
            PatchList patches = trace.txns().get(t).patches();
            for (int p = 0; p < patches.size(); p++) {
                doc.delete(patches.position(p), patches.deleteCount(p), sink);
                doc.insert(patches.position(p), patches.insert(p), sink);
            }
            txnInserts.add(List.copyOf(inserts));
            txnDeletes.add(List.copyOf(deletes));
            inserts.clear();
            deletes.clear();
        }
        return new TraceEdits(txnInserts, txnDeletes, doc);
    }

    int count() {
        return inserts.size();
    }
}
