package dev.weft.vault;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One daemon thread that runs the delayed fsyncs of every open record log. */
final class LogFlusher {
    private static final ScheduledThreadPoolExecutor EXECUTOR = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "weft-log-fsync");
        thread.setDaemon(true);
        return thread;
    });

    static {
        EXECUTOR.setRemoveOnCancelPolicy(true);
    }

    private LogFlusher() {
    }

    static void schedule(Runnable flush, Duration delay) {
        EXECUTOR.schedule(flush, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
