package dev.weft.store;

import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;

/**
 * The store's identity and the runs it went through, in {@code meta}: {@code storeIdHigh},
 * {@code storeIdLow}, {@code run} (the current run) and {@code runEnd:RUN} per earlier run, the last
 * sync time that run committed (the store's last time when the next run began). So for any run
 * a device names, the store knows through which time it holds what that device saw.
 */
final class RunLog {
    private static final String HIGH = "storeIdHigh";
    private static final String LOW = "storeIdLow";
    private static final String RUN = "run";
    private static final String END = "runEnd:";

    private RunLog() {
    }

    /** Begins {@code run}, opened when the store's last time was {@code openedAt}; makes the store id if there is none. */
    static void begin(NavigableMap<String, Long> meta, long run, long openedAt) {
        if (!meta.containsKey(HIGH)) {
            renew(meta);
        }
        Long previous = meta.get(RUN);
        if (previous != null && previous != run) {
            meta.put(END + Long.toHexString(previous), openedAt);
        }
        meta.put(RUN, run);
    }

    /** A new store id: every device then finds a store it never met, which holds nothing it saw. */
    static void renew(NavigableMap<String, Long> meta) {
        UUID id = UUID.randomUUID();
        meta.put(HIGH, id.getMostSignificantBits());
        meta.put(LOW, id.getLeastSignificantBits());
    }

    /** The store's id and current run; empty before the first {@link #begin}. */
    static Optional<StoreRun> current(NavigableMap<String, Long> meta) {
        Long high = meta.get(HIGH);
        Long low = meta.get(LOW);
        Long run = meta.get(RUN);
        return high == null || low == null || run == null ? Optional.empty()
                : Optional.of(new StoreRun(new UUID(high, low), run));
    }

    /**
     * Through which sync time the store holds every change a device saw in {@code named} (empty: a
     * device that names none): {@code last}, the store's last time, for the current run or none; the
     * run's end for an earlier run; 0 for another store or a run this store never went through
     * (a copy made before it, or a new store).
     */
    static long kept(NavigableMap<String, Long> meta, Optional<StoreRun> named, long last) {
        Optional<StoreRun> current = current(meta);
        if (named.isEmpty()) {
            return last;
        }
        if (current.isEmpty() || !current.get().store().equals(named.get().store())) {
            return 0;
        }
        if (current.get().run() == named.get().run()) {
            return last;
        }
        return meta.getOrDefault(END + Long.toHexString(named.get().run()), 0L);
    }
}
