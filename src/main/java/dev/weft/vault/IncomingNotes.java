package dev.weft.vault;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Notes whose answer from the server is coming in (docs/vault.md, "Big downloads"): their files
 * are neither written nor moved until the whole answer is in, so a download cut short never leaves
 * a file with part of a note. A note whose write waited has a marker in {@code .weft/incoming/}, so
 * a restart keeps its file as it was until an answer completes it.
 */
final class IncomingNotes {
    private final IdFolder markers;
    /** Held notes, and whether a write of each waits (it then has a marker). */
    private final Map<UUID, Boolean> held = new HashMap<>();

    IncomingNotes(IdFolder markers) throws IOException {
        this.markers = markers;
        for (UUID id : markers.ids()) {
            held.put(id, true);
        }
    }

    /** An answer for {@code id} starts coming in. */
    synchronized void hold(UUID id) {
        held.putIfAbsent(id, false);
    }

    /** Whether an answer for {@code id} is coming in, recording nothing. */
    synchronized boolean isHeld(UUID id) {
        return held.containsKey(id);
    }

    /** Whether {@code id}'s file must wait; if so, records that a write waits. */
    synchronized boolean holds(UUID id) {
        Boolean waits = held.get(id);
        if (waits == null) {
            return false;
        }
        if (!waits) {
            held.put(id, true);
            try {
                markers.write(id, "");
            } catch (IOException e) {
                // held in memory all the same; only a restart before the answer is whole would write the file
            }
        }
        return true;
    }

    /** The answer for {@code id} is whole: true if a write waited (the file is to be brought up to date). */
    synchronized boolean release(UUID id) throws IOException {
        Boolean waited = held.remove(id);
        if (Boolean.TRUE.equals(waited)) {
            markers.delete(id);
            return true;
        }
        return false;
    }

    /** The notes whose file waits for the rest of a download. */
    synchronized Set<UUID> waiting() {
        Set<UUID> ids = new java.util.HashSet<>();
        held.forEach((id, waits) -> {
            if (waits) {
                ids.add(id);
            }
        });
        return ids;
    }
}
