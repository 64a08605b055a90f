package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;
import java.util.UUID;

/**
 * {@code 33 sync_doc_response}: the current name of a document and (part of) its changes.
 *
 * @param documentId the document
 * @param name the note name: 1..1024 bytes of UTF-8 without control characters (the path rules
 *     of {@link NoteNames} are checked by whoever acts on it)
 * @param inserts atoms to insert
 * @param deletes pids to delete
 */
public record SyncDocResponse(UUID documentId, String name, List<Atom> inserts, List<Pid> deletes)
        implements Message {
    public static final int TYPE = 33;

    public SyncDocResponse {
        Fields.present(documentId, "documentId");
        TextRules.requirePlainText(name, 1, NoteNames.MAX_BYTES, "name");
        inserts = Fields.copy(inserts, "inserts");
        deletes = Fields.copy(deletes, "deletes");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
