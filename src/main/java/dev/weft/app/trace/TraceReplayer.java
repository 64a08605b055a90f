package dev.weft.app.trace;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.SequenceDoc;
import java.util.List;

/**
 * Replays an editing trace through the CRDT as local edits, recording every operation the edits
 * produce in an {@link OpLog}.
 *
 * <p>A sequential trace is edited on one replica of site {@link Replicas#FIRST_SITE}: its
 * {@code startContent} is typed in first, then every patch in order. A concurrent trace is edited
 * on one replica per agent (see {@link ConcurrentReplay}); then every replica gets the operations
 * it has not seen, so all of them hold the whole history. The log lists the operations in the
 * order they were made, which respects causality, so applying it to an empty replica in order
 * merges the whole trace.
 *
 * <p>A patch applies as a delete of {@code deleteCount} code points at {@code position}, then an
 * insert of its text there.
 */
public final class TraceReplayer {
    private TraceReplayer() {
    }

    /**
     * Replays {@code trace}, appending its operations to {@code log}.
     *
     * @throws TraceFormatException if a patch reaches past the end of its document, or a
     *     concurrent trace breaks the format's rules (see {@link ConcurrentReplay})
     */
    public static Replay replay(EditingTrace trace, OpLog log) throws TraceFormatException {
        if (trace.concurrent()) {
            return new ConcurrentReplay(trace, log).run();
        }
        SequenceDoc doc = Replicas.empty(Replicas.FIRST_SITE);
        doc.insert(0, trace.startContent(), log);
        List<Txn> txns = trace.txns();
        for (int i = 0; i < txns.size(); i++) {
            edit(doc, i, txns.get(i).patches(), log);
        }
        return new Replay(List.of(doc));
    }

    /** Applies the patches of transaction {@code txn} to {@code doc} as local edits. */
    static void edit(SequenceDoc doc, int txn, PatchList patches, OpSink sink) throws TraceFormatException {
        for (int p = 0; p < patches.size(); p++) {
            int position = patches.position(p);
            int deleteCount = patches.deleteCount(p);
            int length = doc.length();
            if (position > length || deleteCount > length - position) {
                throw new TraceFormatException("txns[" + txn + "].patches[" + p + "]: position "
                        + position + " + delete count " + deleteCount + " is past the end of the "
                        + length + " code points the document has there");
            }
            doc.delete(position, deleteCount, sink);
            doc.insert(position, patches.insert(p), sink);
        }
    }
}
