package dev.weft.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * When a device uploads its notes again (docs/client.md, "A lost or rolled-back server store"): the
 * server's {@code Weft-Store} answer says through which sync time its store holds what this device
 * saw ({@code kept}); a device that holds a later time, its last sync time or a note's, holds changes
 * the store lost. It then uploads every note whose time is later than {@code kept} whole (its atoms
 * and tombstones: ops are idempotent, protocol.md §2), whoever made them. Pure: no vault, no network.
 */
final class ReuploadRule {
    /** What the store lost: the time it holds everything through, and the notes to upload again. */
    record Plan(long kept, List<UUID> notes) {
    }

    private ReuploadRule() {
    }

    /** The greatest sync time a device holds: its last sync time and every note's. */
    static long seen(long lastSyncTime, Map<UUID, Long> noteTimes) {
        long seen = lastSyncTime;
        for (long time : noteTimes.values()) {
            seen = Math.max(seen, time);
        }
        return seen;
    }

    /** Empty when the store holds everything up to {@code seen}; else the notes later than {@code kept}, by id. */
    static Optional<Plan> plan(long kept, long seen, Map<UUID, Long> noteTimes) {
        if (kept >= seen) {
            return Optional.empty();
        }
        List<UUID> notes = noteTimes.entrySet().stream().filter(e -> e.getValue() > kept).map(Map.Entry::getKey)
                .sorted().toList();
        return Optional.of(new Plan(kept, notes));
    }
}
