package dev.weft.server;

import dev.weft.store.DocumentState;
import dev.weft.store.RefusedException;
import dev.weft.store.Store;
import dev.weft.store.SyncEntry;
import dev.weft.store.TrashRules;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --trash-days N}: notes in the trash longer than N days are deleted forever, as a device's
 * purge would (docs/protocol.md §9), and every device hears of it. Runs at start and every hour; the
 * rule itself is {@link TrashRules#purgeDue}, a function of the time it is given; the time is the
 * clock's (tests give one that runs ahead).
 */
final class TrashExpiry implements AutoCloseable {
    /** Days a note stays in the trash unless the server is told otherwise. */
    static final int DEFAULT_DAYS = 30;

    private final Store store;
    private final Hub hub;
    private final ServerLog log;
    private final int days;
    private final Clock clock;
    private ScheduledExecutorService timer;

    TrashExpiry(Store store, Hub hub, ServerLog log, int days, Clock clock) {
        if (days < 0) {
            throw new IllegalArgumentException("trash days " + days + " below 0");
        }
        this.store = store;
        this.hub = hub;
        this.log = log;
        this.days = days;
        this.clock = clock;
    }

    /** Deletes forever every note due at {@code nowMicros}; returns how many. */
    int runAt(long nowMicros) {
        int purged = 0;
        for (Map.Entry<UUID, Long> trashed : store.trashTimes().entrySet()) {
            if (!TrashRules.purgeDue(trashed.getValue(), nowMicros, days)) {
                continue;
            }
            UUID doc = trashed.getKey();
            Optional<DocumentState> gone;
            try {
                gone = store.write(batch -> batch.purge(doc));
            } catch (RefusedException restoredMeanwhile) {
                continue;
            }
            gone.ifPresent(state -> hub.changed(new SyncEntry(state.syncTime(), doc), null));
            purged++;
        }
        if (purged > 0) {
            log.info("deleted forever " + purged + " notes in the trash for more than " + days + " days");
        }
        return purged;
    }

    /** Runs now and every hour on a thread of its own; nothing if notes stay in the trash forever (0). */
    void start() {
        if (days == 0) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "weft-trash-expiry");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runNow, 0, 1, TimeUnit.HOURS);
    }

    private void runNow() {
        try {
            Instant now = clock.instant();
            runAt(now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
        } catch (RuntimeException e) {
            log.error("could not delete old notes in the trash", e); // tried again in an hour
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
