package dev.weft.client;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.vault.LocalOp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a note's pending local ops into {@code 2} messages: one per {@value #OPS_PER_MESSAGE} ops
 * so a large offline import stays far below the message size limit, each acknowledged through the
 * seq of its last op (the ops are in seq order, so a {@code 34} for a part trims exactly it). The
 * parts go one at a time, each built when it goes with the time the previous part's answer
 * brought: from one time, every answer would carry the device's own earlier parts back.
 */
final class UpsertBuilder {
    static final int OPS_PER_MESSAGE = 50_000;

    /** One upsert and the seq its {@code 34} acknowledges. */
    record Part(SyncDocUpsert upsert, long throughSeq) {
    }

    private UpsertBuilder() {
    }

    /**
     * {@code ops} cut into runs of at most {@value #OPS_PER_MESSAGE} inserts and deletes, in order;
     * one (possibly empty) run if there are none, since a rename alone still goes up.
     */
    static List<List<LocalOp>> split(List<LocalOp> ops) {
        List<List<LocalOp>> slices = new ArrayList<>();
        int from = 0;
        int count = 0;
        for (int i = 0; i < ops.size(); i++) {
            LocalOp op = ops.get(i);
            if (op instanceof LocalOp.Insert || op instanceof LocalOp.Delete) {
                count++;
            }
            if (count == OPS_PER_MESSAGE) {
                slices.add(ops.subList(from, i + 1));
                from = i + 1;
                count = 0;
            }
        }
        if (from < ops.size() || slices.isEmpty()) {
            slices.add(ops.subList(from, ops.size()));
        }
        return slices;
    }

    /** The upsert of one run of {@link #split}, from {@code lastSyncTime}. */
    static Part part(UUID document, String name, long lastSyncTime, List<LocalOp> slice) {
        List<Atom> inserts = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        long through = 0;
        for (LocalOp op : slice) {
            if (op instanceof LocalOp.Insert insert) {
                inserts.add(insert.atom());
            } else if (op instanceof LocalOp.Delete delete) {
                deletes.add(delete.pid());
            } // a rename needs no atom: every upsert carries the note's current name
            through = op.seq();
        }
        return new Part(new SyncDocUpsert(document, name, lastSyncTime, inserts, deletes), through);
    }
}
