package dev.weft.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter: the n-th retry waits a random time in
 * {@code [base·2ⁿ/2, base·2ⁿ]}, at most {@code cap}, so many devices coming back after a server
 * restart do not all knock at once. {@link #reset()} after a connection that worked.
 */
final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int failures;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait before the next attempt; each call counts one more failure. */
    synchronized Duration next() {
        long ceiling = base.toMillis() << Math.min(failures, 20);
        ceiling = Math.min(ceiling, cap.toMillis());
        failures++;
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }

    synchronized void reset() {
        failures = 0;
    }
}
