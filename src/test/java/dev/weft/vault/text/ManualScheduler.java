package dev.weft.vault.text;

import java.time.Duration;
import java.util.PriorityQueue;

/** A scheduler whose time moves only when a test says so; due tasks run on the test's thread. */
final class ManualScheduler implements DebouncedWriter.Scheduler {
    private record Task(long at, long order, Runnable run) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((x, y) -> x.at != y.at
            ? Long.compare(x.at, y.at) : Long.compare(x.order, y.order));
    private long now = 1_000_000_000L;
    private long order;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        queue.add(new Task(now + delayNanos, order++, task));
    }

    /** Moves time on by {@code millis}, running every task that falls due on the way, in order. */
    void advance(long millis) {
        long end = now + Duration.ofMillis(millis).toNanos();
        while (!queue.isEmpty() && queue.peek().at() <= end) {
            Task task = queue.poll();
            now = Math.max(now, task.at());
            task.run().run();
        }
        now = end;
    }

    int waiting() {
        return queue.size();
    }
}
