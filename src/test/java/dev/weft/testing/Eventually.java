package dev.weft.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The one way a test waits: poll a condition until it holds or a generous deadline passes. Tests
 * wait for progress, never for a time, so they pass on a busy machine; the deadline only stops a
 * test that would otherwise hang.
 */
public final class Eventually {
    /** Long enough for a loaded two-core machine; a passing test never waits this long. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** An assertion that may fail until the system under test catches up. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {}

    public static void eventually(String what, BooleanSupplier condition) {
        eventually(what, PATIENCE, condition);
    }

    public static void eventually(String what, Duration patience, BooleanSupplier condition) {
        eventually(patience, () -> {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("timed out after " + patience.toSeconds() + " s waiting for " + what);
            }
        });
    }

    /** Runs {@code check} until it passes; after the deadline its last failure is thrown. */
    public static void eventually(Check check) {
        eventually(PATIENCE, check);
    }

    public static void eventually(Duration patience, Check check) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 1;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() - deadline > 0) {
                    if (e instanceof AssertionError a) {
                        throw a;
                    }
                    throw new AssertionError(e);
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
