package dev.weft.app;

import java.io.IOException;
import java.util.Arrays;

/**
 * Times a task the way {@code weft trace} reports it: untimed warm-up runs so the JIT compiles the
 * hot paths (as many as timed runs, at least {@link #MIN_WARMUPS}), then the timed runs, of which
 * the median counts.
 */
final class MedianTimer {
    /** Fewest untimed runs before the timed ones. */
    static final int MIN_WARMUPS = 2;

    private final int runs;
    private final int warmups;

    MedianTimer(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs " + runs + " is below 1");
        }
        this.runs = runs;
        this.warmups = Math.max(MIN_WARMUPS, runs);
    }

    /** Untimed runs before the timed ones. */
    int warmups() {
        return warmups;
    }

    /** Work to time; it returns its result so that the JIT cannot drop it. */
    @FunctionalInterface
    interface Task<T> {
        T run() throws IOException;
    }

    /**
     * A timed task's outcome.
     *
     * @param result what the last run returned
     * @param millis median duration of the timed runs, in milliseconds
     */
    record Timed<T>(T result, double millis) {
    }

    <T> Timed<T> time(Task<T> task) throws IOException {
        T result = null;
        for (int i = 0; i < warmups; i++) {
            result = task.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = task.run();
            nanos[i] = System.nanoTime() - start;
        }
        return new Timed<>(result, median(nanos) / 1e6);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
