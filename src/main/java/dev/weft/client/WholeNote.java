package dev.weft.client;

import dev.weft.crdt.Atom;
import dev.weft.crdt.AtomVisitor;
import dev.weft.crdt.Pid;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.vault.NoteReplica;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A note as upserts of everything its replica holds: every alive atom as an insert, every tombstone
 * as a delete, whoever made them, in parts of at most {@link UpsertBuilder#OPS_PER_MESSAGE} ops. What a
 * device sends to a store that lost changes (ReuploadRule); the server takes atoms it has as no-ops.
 */
final class WholeNote {
    private WholeNote() {
    }

    static List<SyncDocUpsert> upserts(UUID document, String name, long lastSyncTime, NoteReplica replica) {
        List<SyncDocUpsert> parts = new ArrayList<>();
        List<Atom> inserts = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        replica.forEachAtom((keys, offset, depth, codePoint) -> {
            Pid pid = Pid.ofRange(keys, offset, depth);
            if (codePoint == AtomVisitor.TOMBSTONE) {
                deletes.add(pid);
            } else {
                inserts.add(new Atom(pid, codePoint));
            }
            if (inserts.size() + deletes.size() == UpsertBuilder.OPS_PER_MESSAGE) {
                parts.add(new SyncDocUpsert(document, name, lastSyncTime, List.copyOf(inserts), List.copyOf(deletes)));
                inserts.clear();
                deletes.clear();
            }
        });
        if (!inserts.isEmpty() || !deletes.isEmpty() || parts.isEmpty()) {
            parts.add(new SyncDocUpsert(document, name, lastSyncTime, inserts, deletes));
        }
        return parts;
    }
}
