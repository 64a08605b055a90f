package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;
import java.util.UUID;

/**
 * {@code 2 sync_doc_upsert}: creates or renames a document and applies a device's offline ops.
 *
 * @param documentId the document
 * @param name the note name: 1..1024 bytes of UTF-8 without control characters (the path rules
 *     of {@link NoteNames} are checked by whoever acts on it)
 * @param lastSyncTime the device's time for that document (u64, unsigned)
 * @param inserts atoms to insert
 * @param deletes pids to delete
 */
public record SyncDocUpsert(UUID documentId, String name, long lastSyncTime, List<Atom> inserts, List<Pid> deletes)
        implements Message {
    public static final int TYPE = 2;

    public SyncDocUpsert {
        Fields.present(documentId, "documentId");
        TextRules.requirePlainText(name, 1, NoteNames.MAX_BYTES, "name");
        inserts = WireList.keep(inserts, "inserts");
        deletes = WireList.keep(deletes, "deletes");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
