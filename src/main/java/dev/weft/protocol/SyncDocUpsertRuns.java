package dev.weft.protocol;

import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.List;
import java.util.UUID;

/**
 * {@code 5 sync_doc_upsert_runs} (ext, docs/protocol.md §8): a {@link SyncDocUpsert} whose inserts
 * travel as runs and whose deletes as pid ranges; it stands for exactly that upsert.
 *
 * @param documentId the document
 * @param name the note name, as in {@link SyncDocUpsert}
 * @param lastSyncTime the device's time for that document (u64, unsigned)
 * @param inserts insert runs, in strictly increasing pid order, none starting inside another
 * @param deletes delete ranges, ordered likewise
 */
public record SyncDocUpsertRuns(UUID documentId, String name, long lastSyncTime, List<Run> inserts,
        List<PidRange> deletes) implements Message {
    public static final int TYPE = 5;

    public SyncDocUpsertRuns {
        Fields.present(documentId, "documentId");
        TextRules.requirePlainText(name, 1, NoteNames.MAX_BYTES, "name");
        inserts = RunLists.insertRuns(inserts, "inserts");
        deletes = RunLists.ranges(deletes, "deletes");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
