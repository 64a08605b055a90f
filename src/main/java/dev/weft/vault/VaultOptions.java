package dev.weft.vault;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * How a {@link Vault} runs.
 *
 * @param random new note ids and, through the default {@code replicaOptions}, the pid allocators'
 *     seeds; only used under the vault's operation lock, so it need not be thread-safe
 * @param clock the device clock (local ops' history stamps)
 * @param writeQuiet a note's {@code .md} is written this long after its last change...
 * @param writeMaxDelay ...but at most this long after its first unwritten one
 * @param indexDelay how long the index may lag behind (it is a cache; trash changes are written at once)
 * @param watchSettle how long the watcher waits for a burst of file events to end before handling it
 * @param replicaOptions the options of a replica for the device's site
 * @param reconcileOnOpen whether opening imports new {@code .md} files and merges edits made while Weft was closed
 */
public record VaultOptions(RandomGenerator random, InstantSource clock, Duration writeQuiet, Duration writeMaxDelay,
        Duration indexDelay, Duration watchSettle, IntFunction<ReplicaOptions> replicaOptions,
        boolean reconcileOnOpen) {
    public VaultOptions {
        if (random == null || clock == null || replicaOptions == null) {
            throw new IllegalArgumentException("random, clock and replicaOptions are required");
        }
        if (writeQuiet.isNegative() || writeMaxDelay.compareTo(writeQuiet) < 0 || indexDelay.isNegative()
                || watchSettle.isNegative()) {
            throw new IllegalArgumentException("delays must be >= 0 and writeMaxDelay >= writeQuiet");
        }
    }

    /** 300 ms / 2 s writes, index within 1 s, 150 ms watcher bursts, reconciling on open. */
    public static VaultOptions defaults() {
        RandomGenerator random = new SplittableRandom(new SecureRandom().nextLong());
        InstantSource clock = InstantSource.system();
        return new VaultOptions(random, clock, Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofMillis(150), site -> ReplicaOptions.forSite(site).withClock(clock)
                        .withRandom(new SplittableRandom(random.nextLong())), true);
    }

    /** These options with {@code .md} writes after {@code quiet} (at most {@code maxDelay}). */
    public VaultOptions withWriteDelays(Duration quiet, Duration maxDelay) {
        return new VaultOptions(random, clock, quiet, maxDelay, indexDelay, watchSettle, replicaOptions,
                reconcileOnOpen);
    }

    public VaultOptions withIndexDelay(Duration delay) {
        return new VaultOptions(random, clock, writeQuiet, writeMaxDelay, delay, watchSettle, replicaOptions,
                reconcileOnOpen);
    }

    public VaultOptions withWatchSettle(Duration settle) {
        return new VaultOptions(random, clock, writeQuiet, writeMaxDelay, indexDelay, settle, replicaOptions,
                reconcileOnOpen);
    }

    public VaultOptions withReplicaOptions(IntFunction<ReplicaOptions> factory) {
        return new VaultOptions(random, clock, writeQuiet, writeMaxDelay, indexDelay, watchSettle, factory,
                reconcileOnOpen);
    }

    public VaultOptions withReconcileOnOpen(boolean reconcile) {
        return new VaultOptions(random, clock, writeQuiet, writeMaxDelay, indexDelay, watchSettle, replicaOptions,
                reconcile);
    }
}
