package dev.weft.store;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;

/**
 * What a device that is current to some sync time lacks of one document (docs/protocol.md §4, pull).
 *
 * @param document the document's state now; the device is current to its sync time after applying
 *     these changes
 * @param inserts the alive atoms inserted after that time, in pid order
 * @param deletes the atoms deleted after that time that the device may hold, in pid order
 */
public record DocumentChanges(DocumentState document, List<Atom> inserts, List<Pid> deletes) {
    public DocumentChanges {
        inserts = List.copyOf(inserts);
        deletes = List.copyOf(deletes);
    }
}
