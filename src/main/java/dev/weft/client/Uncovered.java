package dev.weft.client;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Settles the atoms a note held beyond its sync time when a request was sent
 * ({@link dev.weft.vault.RecordLog#uncovered()}), against the answer to that request.
 *
 * <p>Why: docs/protocol.md §4 answers a request from time {@code L} with every atom inserted after
 * {@code L} that is still alive, and never with the delete of an atom inserted and deleted after
 * {@code L}. A device that holds such an atom (a session forwarded it but the connection dropped
 * before its {@code 69}; an answer was cut before its {@code 34}) would keep it forever. Each of
 * them arrived after the device's time, so it was inserted after {@code L}: if the answer does not
 * list it as alive, it was deleted, and the device deletes it too.
 */
final class Uncovered {
    static final Uncovered NONE = new Uncovered(Set.of());

    private final Set<Pid> pending;

    private Uncovered(Set<Pid> pending) {
        this.pending = pending;
    }

    /** The note's uncovered atoms now, as the request is sent: the answer will be read after they were committed. */
    static Uncovered of(NoteReplica replica) {
        Set<Pid> now = replica.log().uncovered();
        return now.isEmpty() ? NONE : new Uncovered(new HashSet<>(now));
    }

    /**
     * Every alive atom of the note not made under {@code ownSite}, for a pull from 0 after the note
     * was uploaded whole to a store that had lost changes (StoreRecovery): the store then has each of
     * them, so one the answer does not list alive was deleted there, even if inserted and deleted
     * after any time this device could name (the pull's own deletes cover the device's own atoms).
     */
    static Uncovered othersAlive(NoteReplica replica, int ownSite) {
        Set<Pid> alive = new HashSet<>();
        replica.forEachAtom((keys, offset, depth, codePoint) -> {
            if (codePoint != dev.weft.crdt.AtomVisitor.TOMBSTONE
                    && dev.weft.crdt.Pid.siteOf(keys[offset + depth - 1]) != ownSite) {
                alive.add(Pid.ofRange(keys, offset, depth));
            }
        });
        return alive.isEmpty() ? NONE : new Uncovered(alive);
    }

    /** The answer lists these atoms as alive. */
    void seen(Collection<Atom> inserts) {
        if (!pending.isEmpty()) {
            for (Atom atom : inserts) {
                pending.remove(atom.pid());
            }
        }
    }

    /** At the end of the answer: every uncovered atom it did not list was deleted since. */
    void settle(Vault vault, UUID document) throws IOException {
        if (!pending.isEmpty()) {
            vault.applyRemote(document, null, List.of(), List.copyOf(pending));
            pending.clear();
        }
    }
}
