package dev.weft.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Files written without forcing, forced together: an import writes many new record logs, and an
 * fsync each, one after the other, cost ~40 ms a note on a virtual disk (500 notes in 21 s).
 * {@link #forceAll} forces them from a few threads at once, so their fsyncs share the file
 * system's journal commits, then forces each of their folders once.
 */
final class BatchedForce {
    /** Threads forcing at once: enough for commits to be shared, few enough to leave the disk to others. */
    private static final int THREADS = 16;

    private final List<Path> files = new ArrayList<>();

    void add(Path file) {
        files.add(file);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    /** Forces every file added, then their folders; the first failure is thrown once all were tried. */
    void forceAll() throws IOException {
        if (files.isEmpty()) {
            return;
        }
        int threads = Math.min(THREADS, files.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "weft-import-fsync");
            t.setDaemon(true);
            return t;
        });
        IOException failure = null;
        try {
            List<Future<?>> forced = new ArrayList<>(files.size());
            for (Path file : files) {
                forced.add(pool.submit(() -> {
                    force(file);
                    return null;
                }));
            }
            for (Future<?> f : forced) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forcing " + files.size() + " files", e);
        } finally {
            pool.shutdownNow();
        }
        if (failure != null) {
            throw failure;
        }
        Set<Path> folders = new LinkedHashSet<>();
        files.forEach(f -> folders.add(f.toAbsolutePath().getParent()));
        folders.forEach(AtomicFiles::forceDirectory);
    }

    private static void force(Path file) throws IOException {
        // a write handle: Windows flushes a file only through one
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        }
    }
}
