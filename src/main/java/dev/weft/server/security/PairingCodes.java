package dev.weft.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Issues pairing codes and redeems them: each code works once, within its lifetime (15 minutes
 * unless told otherwise). Only the codes' hashes reach the {@link PairingCodeStore}.
 */
public final class PairingCodes {
    /** How long a code works when no other lifetime is given. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    private final PairingCodeStore store;
    private final Secrets secrets;
    private final Clock clock;
    private final long lifetimeMicros;

    /** Codes kept in {@code store}, drawn from {@code secrets}, timed by {@code clock}, lasting {@code lifetime}. */
    public PairingCodes(PairingCodeStore store, Secrets secrets, Clock clock, Duration lifetime) {
        this.lifetimeMicros = lifetime.dividedBy(ChronoUnit.MICROS.getDuration());
        if (lifetimeMicros < 1) {
            throw new IllegalArgumentException("a pairing code needs a lifetime of at least 1 µs, not " + lifetime);
        }
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Codes with the {@link #DEFAULT_LIFETIME}. */
    public PairingCodes(PairingCodeStore store, Secrets secrets, Clock clock) {
        this(store, secrets, clock, DEFAULT_LIFETIME);
    }

    /** A fresh code, valid from now for the lifetime. */
    public String issue() {
        String code = secrets.pairingCode();
        store.put(Secrets.hash(code), Math.addExact(nowMicros(), lifetimeMicros));
        return code;
    }

    /** Uses up {@code code}: {@code true} if it was issued, not used before and has not expired. */
    public boolean redeem(String code) {
        return store.consume(Secrets.hash(code), nowMicros());
    }

    private long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }
}
