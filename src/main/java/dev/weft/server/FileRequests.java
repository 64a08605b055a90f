package dev.weft.server;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The file requests in progress, each on a worker thread in blocking I/O: one that is not done within
 * the deadline from its start (a device that stalls mid-upload) has its connection closed, which ends
 * its blocking read, as the receive deadline ends a stalled message (docs/protocol.md §3); at shutdown
 * every one is closed so the workers can stop.
 */
final class FileRequests implements AutoCloseable {
    private final Map<HttpServerExchange, Started> started = new ConcurrentHashMap<>();
    private final long deadlineNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "weft-file-deadlines");
        t.setDaemon(true);
        return t;
    });

    FileRequests(long deadlineMillis) {
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
        long every = Math.max(100, deadlineMillis / 10);
        timer.scheduleWithFixedDelay(this::expire, every, every, TimeUnit.MILLISECONDS);
    }

    /** The request runs on this thread from now on. */
    void begin(HttpServerExchange exchange) {
        started.put(exchange, new Started(System.nanoTime(), Thread.currentThread()));
    }

    void end(HttpServerExchange exchange) {
        started.remove(exchange);
        Thread.interrupted(); // a drop that came too late must not reach the worker's next task
    }

    private void expire() {
        long now = System.nanoTime();
        started.forEach((exchange, at) -> {
            if (now - at.nanos() > deadlineNanos) {
                drop(exchange);
            }
        });
    }

    /** Closes the connection of every request in progress and stops the deadlines. */
    @Override
    public void close() {
        timer.shutdownNow();
        started.keySet().forEach(this::drop);
    }

    /** Closes the request's connection and wakes its thread: a blocking read does not see the close alone. */
    private void drop(HttpServerExchange exchange) {
        Started request = started.remove(exchange);
        try {
            exchange.getConnection().close();
        } catch (IOException | RuntimeException e) {
            // closed already
        }
        if (request != null) {
            request.thread().interrupt();
        }
    }

    private record Started(long nanos, Thread thread) {
    }
}
