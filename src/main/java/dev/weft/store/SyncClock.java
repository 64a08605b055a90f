package dev.weft.store;

import java.util.NavigableMap;

/**
 * Issues sync times (docs/protocol.md §3): {@code max(now, last + 1)} in microseconds, with the last one
 * kept in the store, so it is written in the same transaction as the change it stamps and never
 * goes backwards, across restarts and clocks set back alike.
 */
final class SyncClock {
    private static final String LAST = "lastSyncTime";

    private final NavigableMap<String, Long> meta;
    private final MicrosClock clock;

    SyncClock(NavigableMap<String, Long> meta, MicrosClock clock) {
        this.meta = meta;
        this.clock = clock;
    }

    long next() {
        return take(peek());
    }

    /** The time {@link #next} would give now, not taken yet. */
    long peek() {
        return Math.max(clock.nowMicros(), last() + 1);
    }

    /** Takes {@code time}, a time from {@link #peek} with nothing taken since. */
    long take(long time) {
        meta.put(LAST, time);
        return time;
    }

    long last() {
        return meta.getOrDefault(LAST, 0L);
    }

    long nowMicros() {
        return clock.nowMicros();
    }
}
