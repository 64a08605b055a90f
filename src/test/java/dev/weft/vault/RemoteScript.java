package dev.weft.vault;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What another device (site 2) typed, as the server would hand it out: a fixed list of inserts and
 * deletes that child and parent of {@link KilledClientTest} generate alike. Op {@code k} is applied
 * once the replica is current to sync time {@code k + 1}: the sync time is the script index.
 */
final class RemoteScript {
    /** One op: a delete if {@code codePoint} is -1. */
    record Op(Pid pid, int codePoint) {
        boolean isInsert() {
            return codePoint >= 0;
        }
    }

    static final List<Op> OPS = generate(4000);

    private RemoteScript() {
    }

    private static List<Op> generate(int count) {
        SplittableRandom random = new SplittableRandom(2026);
        SequenceDoc peer = new SequenceDoc(2, new SplittableRandom(99));
        List<Op> ops = new ArrayList<>();
        OpSink sink = new OpSink() {
            @Override
            public void inserted(Pid pid, int codePoint) {
                ops.add(new Op(pid, codePoint));
            }

            @Override
            public void deleted(Pid pid) {
                ops.add(new Op(pid, -1));
            }
        };
        while (ops.size() < count) {
            if (peer.length() > 0 && random.nextInt(4) == 0) {
                peer.delete(random.nextInt(peer.length()), 1, sink);
            } else {
                peer.insert(random.nextInt(peer.length() + 1), Character.toString('A' + random.nextInt(26)), sink);
            }
        }
        return List.copyOf(ops.subList(0, count));
    }

    /** Applies ops {@code from} (inclusive) to {@code to} (exclusive) to {@code doc}. */
    static void applyTo(SequenceDoc doc, int from, int to) {
        for (Op op : OPS.subList(from, to)) {
            if (op.isInsert()) {
                doc.merge(op.pid(), op.codePoint());
            } else {
                doc.mergeDelete(op.pid());
            }
        }
    }
}
