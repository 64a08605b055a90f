package dev.weft.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, recorded from any thread without locks: exact below 128 µs, then 64
 * buckets per power of two (within 1.6 %), up to about 10^12 µs. Percentiles are bucket tops.
 */
final class LatencyHistogram {
    private static final int SUB = 64;
    private static final int BUCKETS = 2 * SUB + 40 * SUB;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void recordNanos(long nanos) {
        recordMicros(Math.max(0, nanos) / 1_000);
    }

    void recordMicros(long micros) {
        counts.incrementAndGet(Math.min(BUCKETS - 1, index(Math.max(0, micros))));
    }

    static int index(long v) {
        if (v < 2 * SUB) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v); // >= 7
        int shift = exp - 6;
        return (int) (2 * SUB + (long) (exp - 7) * SUB + ((v >>> shift) - SUB));
    }

    /** The largest value that falls in bucket {@code i}. */
    static long top(int i) {
        if (i < 2 * SUB) {
            return i;
        }
        int exp = (i - 2 * SUB) / SUB + 7;
        long mantissa = (i - 2 * SUB) % SUB + SUB;
        int shift = exp - 6;
        return ((mantissa + 1) << shift) - 1;
    }

    long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The value at percentile {@code p} (0..100), in µs; -1 if empty. */
    long percentileMicros(double p) {
        long n = count();
        if (n == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(n * p / 100.0));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return top(i);
            }
        }
        return top(BUCKETS - 1);
    }

    long maxMicros() {
        for (int i = BUCKETS - 1; i >= 0; i--) {
            if (counts.get(i) > 0) {
                return top(i);
            }
        }
        return -1;
    }

    /** {@code n=…, p50 …ms, p99 …ms, p99.9 …ms, max …ms}. */
    String summary() {
        long n = count();
        if (n == 0) {
            return "n=0";
        }
        return String.format("n=%d p50=%s p90=%s p99=%s p99.9=%s max=%s", n, ms(percentileMicros(50)),
                ms(percentileMicros(90)), ms(percentileMicros(99)), ms(percentileMicros(99.9)), ms(maxMicros()));
    }

    static String ms(long micros) {
        return String.format("%.2fms", micros / 1000.0);
    }
}
