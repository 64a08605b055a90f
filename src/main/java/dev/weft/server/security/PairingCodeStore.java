package dev.weft.server.security;

/**
 * Where {@link PairingCodes} keeps the hashes of the codes it has issued. The server backs it by
 * its store, so a code shown before a restart still works after it, until it expires.
 *
 * <p>Times are microseconds since the Unix epoch. Implementations must be safe for concurrent
 * use, and {@link #consume} must be atomic: of two calls for the same code, at most one returns
 * {@code true}.
 */
public interface PairingCodeStore {
    /** Records a code by its hash, valid until {@code expiresMicros} (exclusive). */
    void put(byte[] codeHash, long expiresMicros);

    /**
     * Removes the code and says whether it was there and still valid at {@code nowMicros}. A code
     * is removed even when it had expired, so every code works at most once.
     */
    boolean consume(byte[] codeHash, long nowMicros);
}
