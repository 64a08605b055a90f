package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;
import java.util.UUID;

/**
 * {@code 2 sync_doc_upsert}: creates or renames a document and applies a device's offline ops.
 *
 * @param documentId the document
 * @param name the note name, valid per {@link NoteNames}
 * @param lastSyncTime the device's time for that document (u64, unsigned)
 * @param inserts atoms to insert
 * @param deletes pids to delete
 */
public record SyncDocUpsert(UUID documentId, String name, long lastSyncTime, List<Atom> inserts, List<Pid> deletes)
        implements Message {
    public static final int TYPE = 2;

    public SyncDocUpsert {
        Fields.present(documentId, "documentId");
        NoteNames.requireValid(name);
        inserts = Fields.copy(inserts, "inserts");
        deletes = Fields.copy(deletes, "deletes");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
