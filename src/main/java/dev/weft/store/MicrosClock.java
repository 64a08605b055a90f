package dev.weft.store;

import java.time.Instant;

/** The wall clock the sync times come from, in microseconds since the Unix epoch; tests set it. */
@FunctionalInterface
public interface MicrosClock {
    /** Microseconds since the Unix epoch, now. */
    long nowMicros();

    /** The system clock. */
    static MicrosClock system() {
        return () -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        };
    }
}
