package dev.weft.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;

/**
 * Measures the heap an object graph retains: the used heap after collecting garbage, before and
 * after building the graph while holding it. Whatever the build needs as input must exist
 * before, so that only what the result keeps reachable is counted. Good to a few kilobytes with
 * the JDK's collectors, so meant for graphs of megabytes.
 */
final class HeapProbe {
    /** Most collections per reading; it stops earlier once the used heap no longer shrinks. */
    private static final int MAX_COLLECTIONS = 10;

    private HeapProbe() {
    }

    /** Bytes retained by what {@code build} returns. */
    static long retainedBytes(MedianTimer.Task<?> build) throws IOException {
        long before = settledUsedHeap();
        Object kept = build.run();
        long after = settledUsedHeap();
        Reference.reachabilityFence(kept);
        return after - before;
    }

    private static long settledUsedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
