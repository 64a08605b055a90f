package dev.weft.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The window's worker thread: vault calls that may block (creating, renaming, trashing, opening a
 * replica, counting pending notes) run here one at a time, in the order asked, and report back on
 * the event thread; a failure becomes one sentence for the status bar, never a stack trace.
 */
final class Jobs implements AutoCloseable {
    @FunctionalInterface
    interface Job<T> {
        T run() throws Exception;
    }

    private final ExecutorService worker;
    private final Consumer<String> problems;

    /** {@code problems} hears failures on the event thread. */
    Jobs(String name, Consumer<String> problems) {
        this.problems = problems;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code job} off the event thread, then {@code then} with its result on it. */
    <T> void run(String failure, Job<T> job, Consumer<T> then) {
        worker.execute(() -> {
            try {
                T result = job.run();
                SwingUtilities.invokeLater(() -> then.accept(result));
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> problems.accept(failure + ": " + describe(e)));
            }
        });
    }

    /** Runs {@code job} off the event thread, in turn with the others; a failure goes unsaid (the caller keeps what it had). */
    void runQuietly(Job<?> job) {
        worker.execute(() -> {
            try {
                job.run();
            } catch (Exception e) {
                // nothing to report: see above
            }
        });
    }

    /** A failure as the user reads it: its message, or what kind of failure it was. */
    static String describe(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException io) { // its message is only the path
            return dev.weft.vault.FileProblem.describe(io);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
        }
        return message;
    }

    /** Lets queued jobs finish (a few seconds at most). */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
