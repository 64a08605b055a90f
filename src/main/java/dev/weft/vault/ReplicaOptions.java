package dev.weft.vault;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * How a {@link NoteReplica} runs, fixed when it opens.
 *
 * @param site the site new pids carry (255 until the device is paired)
 * @param random the pid allocator's random source (seeded in tests)
 * @param clock the device clock that stamps local ops (history only; sync never reads it)
 * @param compactAtBytes how far the log may grow after it last restarted before the replica
 *     rewrites its structure file and restarts the log (growth, not size: a log that restarts large
 *     because many ops are pending is not rewritten on every append)
 * @param fsyncInterval how long an appended record may wait for its fsync; {@link Duration#ZERO}
 *     forces every append
 */
public record ReplicaOptions(int site, RandomGenerator random, InstantSource clock, long compactAtBytes,
        Duration fsyncInterval) {
    /** The default threshold: 1 MiB, about 25,000 one-character edits. */
    public static final long DEFAULT_COMPACT_AT_BYTES = 1 << 20;
    /** The default fsync delay. */
    public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofSeconds(1);

    public ReplicaOptions {
        if (site < 1 || site > 255) {
            throw new IllegalArgumentException("site " + site + " outside 1..255");
        }
        if (random == null || clock == null || fsyncInterval == null) {
            throw new IllegalArgumentException("random, clock and fsyncInterval are required");
        }
        if (compactAtBytes < 1 || fsyncInterval.isNegative()) {
            throw new IllegalArgumentException("compactAtBytes must be positive and fsyncInterval not negative");
        }
    }

    /** The defaults for a device of {@code site}, with a random generator seeded from the system. */
    public static ReplicaOptions forSite(int site) {
        return new ReplicaOptions(site, new SplittableRandom(new SecureRandom().nextLong()), InstantSource.system(),
                DEFAULT_COMPACT_AT_BYTES, DEFAULT_FSYNC_INTERVAL);
    }

    public ReplicaOptions withRandom(RandomGenerator newRandom) {
        return new ReplicaOptions(site, newRandom, clock, compactAtBytes, fsyncInterval);
    }

    public ReplicaOptions withClock(InstantSource newClock) {
        return new ReplicaOptions(site, random, newClock, compactAtBytes, fsyncInterval);
    }

    public ReplicaOptions withCompactAtBytes(long bytes) {
        return new ReplicaOptions(site, random, clock, bytes, fsyncInterval);
    }

    public ReplicaOptions withFsyncInterval(Duration interval) {
        return new ReplicaOptions(site, random, clock, compactAtBytes, interval);
    }
}
