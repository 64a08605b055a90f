package dev.weft.app.trace;

import dev.weft.crdt.Atom;
import dev.weft.crdt.AtomVisitor;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.protocol.SyncDocResponse;
import java.util.ArrayList;
import java.util.List;

/** A replica as the sync messages that carry it to a device that has none of it. */
public final class ReplicaMessages {
    /** The note name replayed traces are sent under. */
    private static final String NAME = "trace";

    private ReplicaMessages() {
    }

    /**
     * One {@code 33 sync_doc_response} holding every alive atom of {@code doc}, in pid order, and
     * no deletes: what a server sends for a document a device has never seen.
     */
    public static SyncDocResponse wholeDocument(SequenceDoc doc) {
        List<Atom> atoms = new ArrayList<>(doc.length());
        doc.forEachAtom((keys, offset, depth, codePoint) -> {
            if (codePoint != AtomVisitor.TOMBSTONE) {
                atoms.add(new Atom(Pid.ofRange(keys, offset, depth), codePoint));
            }
        });
        return new SyncDocResponse(ReplicaFiles.DOCUMENT, NAME, atoms, List.of());
    }
}
