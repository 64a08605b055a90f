package dev.weft.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The bytes of incoming messages the server holds, counted against {@link ReceiveLimits}: what a
 * device holds beyond its guaranteed bytes comes out of one shared budget, and no device holds
 * more than its share. A grant that does not fit leaves a waiter, run (once, on the releasing
 * thread) when bytes come back, which then asks again. The one owner of these counts.
 */
final class ReceiveBudget {
    private final ReceiveLimits limits;
    /** Bytes held beyond the devices' guaranteed bytes: what the budget counts. */
    private long shared;
    private final Map<Integer, Long> heldByDevice = new HashMap<>();
    private final Queue<Runnable> waiters = new ArrayDeque<>();

    ReceiveBudget(ReceiveLimits limits) {
        this.limits = limits;
    }

    /**
     * The shared bytes after a device holding {@code deviceHeld} takes {@code bytes} more, or -1
     * when that passes the device's share or the budget.
     */
    static long sharedAfter(ReceiveLimits limits, long shared, long deviceHeld, long bytes) {
        long after = deviceHeld + bytes;
        if (after > limits.perDeviceBytes()) {
            return -1;
        }
        long extra = Math.max(0, after - limits.guaranteedBytes()) - Math.max(0, deviceHeld - limits.guaranteedBytes());
        return shared + extra <= limits.budgetBytes() || extra == 0 ? shared + extra : -1;
    }

    /**
     * Grants {@code bytes} to {@code device}, or, when they do not fit, queues {@code whenFreed} and
     * returns false; a caller that stops waiting withdraws it with {@link #cancel}.
     */
    synchronized boolean acquireOrWait(int device, long bytes, Runnable whenFreed) {
        long deviceHeld = heldByDevice.getOrDefault(device, 0L);
        long after = sharedAfter(limits, shared, deviceHeld, bytes);
        if (after < 0) {
            waiters.add(whenFreed);
            return false;
        }
        shared = after;
        heldByDevice.put(device, deviceHeld + bytes);
        return true;
    }

    /** Withdraws a waiter queued by {@link #acquireOrWait}. */
    synchronized void cancel(Runnable whenFreed) {
        waiters.remove(whenFreed);
    }

    /** Gives back {@code bytes} of {@code device} and lets every waiter ask again. */
    void release(int device, long bytes) {
        if (bytes == 0) {
            return;
        }
        List<Runnable> wake;
        synchronized (this) {
            long deviceHeld = heldByDevice.getOrDefault(device, 0L);
            long left = deviceHeld - bytes;
            shared -= Math.max(0, deviceHeld - limits.guaranteedBytes()) - Math.max(0, left - limits.guaranteedBytes());
            if (left <= 0) {
                heldByDevice.remove(device);
            } else {
                heldByDevice.put(device, left);
            }
            wake = new ArrayList<>(waiters);
            waiters.clear();
        }
        wake.forEach(Runnable::run);
    }

    /** Bytes held now over all devices, guaranteed ones included. */
    synchronized long held() {
        return heldByDevice.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Bytes of the shared budget held now. */
    synchronized long shared() {
        return shared;
    }
}
