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
 * parts go one at a time, each read from the record log and built when it goes, with the time the
 * previous part's answer brought: from one time, every answer would carry the device's own earlier
 * parts back; read all at once, a big note's ops would all be held as objects.
 */
final class UpsertBuilder {
    static final int OPS_PER_MESSAGE = 50_000;

    /** One upsert and the seq its {@code 34} acknowledges. */
    record Part(SyncDocUpsert upsert, long throughSeq) {
    }

    private UpsertBuilder() {
    }

    /** The upsert of one part ({@link dev.weft.vault.RecordLog#pendingBetween}), from {@code lastSyncTime}. */
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
