package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;
import java.util.UUID;

/**
 * {@code 33 sync_doc_response}: the current name of a document and (part of) its changes.
 *
 * @param documentId the document
 * @param name the note name, valid per {@link NoteNames}
 * @param inserts atoms to insert
 * @param deletes pids to delete
 */
public record SyncDocResponse(UUID documentId, String name, List<Atom> inserts, List<Pid> deletes)
        implements Message {
    public static final int TYPE = 33;

    public SyncDocResponse {
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
