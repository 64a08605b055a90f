package dev.weft.client;

import java.security.SecureRandom;

/** Batch ids for trashes (docs/protocol.md §9): random, never 0 (no batch). */
public final class TrashBatches {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrashBatches() {
    }

    /** A new batch id. */
    public static long next() {
        long batch;
        do {
            batch = RANDOM.nextLong();
        } while (batch == 0);
        return batch;
    }
}
