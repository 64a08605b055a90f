package dev.weft.server;

import dev.weft.store.Store;
import dev.weft.store.SyncEntry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --history-days N}: the text deleted more than N days ago is forgotten, and the op history
 * of changes made before then removed (docs/store.md, "Deleted text"), note by note, one commit
 * each; the current text is never touched and devices see no change. Runs at start and every hour; 0 keeps history forever.
 */
final class HistoryExpiry implements AutoCloseable {
    static final long MICROS_PER_DAY = 86_400L * 1_000_000;

    private final Store store;
    private final ServerLog log;
    private final int days;
    private ScheduledExecutorService timer;

    HistoryExpiry(Store store, ServerLog log, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("history days " + days + " below 0");
        }
        this.store = store;
        this.log = log;
        this.days = days;
    }

    /** Forgets what was deleted more than {@link #days} days before {@code nowMicros}; returns how many characters. */
    long runAt(long nowMicros) {
        long before = nowMicros - days * MICROS_PER_DAY;
        long forgotten = 0;
        long pruned = 0;
        long since = 0;
        while (true) {
            List<SyncEntry> page = store.changedSince(since, GlobalSync.SYNCLIST_LIMIT);
            for (SyncEntry e : page) {
                UUID doc = e.documentId();
                long[] done = store.write(batch -> new long[] {batch.forgetDeletedBefore(doc, before),
                        batch.pruneHistoryBefore(doc, before)});
                forgotten += done[0];
                pruned += done[1];
            }
            if (page.size() < GlobalSync.SYNCLIST_LIMIT) {
                break;
            }
            since = page.get(page.size() - 1).syncTime();
        }
        if (forgotten > 0 || pruned > 0) {
            log.info("forgot " + forgotten + " characters deleted and " + pruned + " history entries written more than "
                    + days + " days ago");
        }
        return forgotten;
    }

    void start() {
        if (days == 0) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "weft-history-expiry");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runNow, 0, 1, TimeUnit.HOURS);
    }

    private void runNow() {
        try {
            runAt(System.currentTimeMillis() * 1000);
        } catch (RuntimeException e) {
            log.error("could not forget old deleted text", e); // tried again in an hour
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
