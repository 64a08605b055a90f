package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.SyncDocResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The ops a server acknowledged ({@code 34}, {@code 69}), per document, and the check that a pull
 * from 0 holds them: every acknowledged insert alive or deleted, every acknowledged delete deleted.
 */
final class AckedOps {
    private final Map<UUID, Map<Pid, Atom>> inserts = new LinkedHashMap<>();
    private final Map<UUID, Set<Pid>> deletes = new HashMap<>();
    private int count;

    synchronized void acknowledged(UUID document, List<Atom> inserted, List<Pid> deleted) {
        Map<Pid, Atom> atoms = inserts.computeIfAbsent(document, d -> new LinkedHashMap<>());
        inserted.forEach(atom -> atoms.put(atom.pid(), atom));
        deletes.computeIfAbsent(document, d -> new HashSet<>()).addAll(deleted);
        count += inserted.size() + deleted.size();
    }

    /** Acknowledged inserts of {@code document} not deleted by an acknowledged delete. */
    synchronized List<Pid> alive(UUID document) {
        List<Pid> alive = new ArrayList<>(inserts.getOrDefault(document, Map.of()).keySet());
        alive.removeAll(deletes.getOrDefault(document, Set.of()));
        return alive;
    }

    synchronized int count() {
        return count;
    }

    synchronized Set<UUID> documents() {
        return Set.copyOf(inserts.keySet());
    }

    /** Fails unless {@code pulled} (the whole answer to a pull from 0) holds every acknowledged op. */
    synchronized void checkHeldBy(UUID document, List<SyncDocResponse> pulled, String when) {
        Map<Pid, Atom> alive = new HashMap<>();
        Set<Pid> deleted = new HashSet<>();
        for (SyncDocResponse response : pulled) {
            response.inserts().forEach(atom -> alive.put(atom.pid(), atom));
            deleted.addAll(response.deletes());
        }
        for (Atom atom : inserts.getOrDefault(document, Map.of()).values()) {
            if (!deleted.contains(atom.pid())) {
                assertThat(alive.get(atom.pid())).as("acknowledged insert %s of %s %s", atom.pid(), document, when)
                        .isEqualTo(atom);
            }
        }
        for (Pid pid : deletes.getOrDefault(document, Set.of())) {
            assertThat(deleted).as("acknowledged delete of %s in %s %s", pid, document, when).contains(pid);
            assertThat(alive).as("deleted %s in %s %s", pid, document, when).doesNotContainKey(pid);
        }
    }
}
