package dev.weft.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a {@link SyncClient} retries and batches.
 *
 * @param retryBase the first reconnect wait (doubled per failure, with jitter)
 * @param retryCap the longest reconnect wait
 * @param batchDelay how long local edits of a note gather before an upsert carries them
 * @param random jitter source (seeded in tests)
 */
public record SyncOptions(Duration retryBase, Duration retryCap, Duration batchDelay, RandomGenerator random) {
    public static SyncOptions defaults() {
        return new SyncOptions(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMillis(50),
                new java.security.SecureRandom());
    }

    public SyncOptions withRetry(Duration base, Duration cap) {
        return new SyncOptions(base, cap, batchDelay, random);
    }
}
