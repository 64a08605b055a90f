package dev.weft.vault;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The vault's notes in memory, all guarded by {@link #lock}: every note by id, the replicas kept
 * open, and which note's {@code .md} is at which path. The lock is never held while calling a
 * replica or doing file IO (a replica's lock may be held when it is taken, never the reverse).
 */
final class NoteTable {
    final Object lock = new Object();
    final Map<UUID, NoteState> notes = new HashMap<>();
    final Map<UUID, NoteReplica> open = new HashMap<>();
    final Map<Path, NoteState> byFile = new HashMap<>();

    boolean isCached(NoteState n) {
        synchronized (lock) {
            return open.containsKey(n.id);
        }
    }

    NoteState require(UUID id) {
        synchronized (lock) {
            NoteState n = notes.get(id);
            if (n == null) {
                throw new NoSuchElementException("no note " + id);
            }
            return n;
        }
    }
}
