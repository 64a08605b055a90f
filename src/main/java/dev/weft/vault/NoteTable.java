package dev.weft.vault;

import dev.weft.vault.text.NotePaths;
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
    /** Replicas the sync engine keeps open between its jobs while a hold is on ({@link Replicas#hold}). */
    final Map<UUID, NoteReplica> held = new java.util.LinkedHashMap<>();
    /** Read only: change it through {@link #setFile}. */
    final Map<Path, NoteState> byFile = new HashMap<>();
    /** The same by {@link NotePaths#collisionKey} of the path: a file another file's name differs from only in case. */
    private final Map<String, NoteState> byFileKey = new HashMap<>();
    private final Path vault;

    NoteTable(Path vault) {
        this.vault = vault;
    }

    /** Records that the note's file is now {@code file} (null: none). */
    void setFile(NoteState n, Path file) {
        synchronized (lock) {
            if (n.file != null && byFile.get(n.file) == n) {
                byFile.remove(n.file);
                byFileKey.remove(key(n.file), n);
            }
            n.file = file;
            if (file != null) {
                byFile.put(file, n);
                byFileKey.put(key(file), n);
            }
        }
    }

    /** The note whose file is at {@code file}, or differs from it only in case or normalization. */
    NoteState fileOwner(Path file) {
        synchronized (lock) {
            return byFileKey.get(key(file));
        }
    }

    private String key(Path file) {
        return NotePaths.collisionKey(vault.relativize(file).toString());
    }

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
