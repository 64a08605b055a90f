package dev.weft.vault.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Writes notes' {@code .md} files a while after they change, not on every keystroke.
 *
 * <p>Per file: the write happens {@code quiet} (300 ms) after the last change, but at most
 * {@code maxDelay} (2 s) after the first change it has not written yet, so continuous typing still
 * reaches the disk every 2 s. Writes run on one injected {@link Scheduler} (one background thread;
 * tests drive a manual one), each through {@link MarkdownFiles#writeAtomically}. A write is skipped
 * when the file already holds the text (also a file that differs only by {@code \r\n} or a byte
 * order mark, which Weft leaves as they are). {@link #close} writes everything pending at once.
 *
 * <p>The writer remembers a SHA-256 of the text it last wrote to (or found already in) each file,
 * so the file watcher can tell its own writes from other programs' edits: {@link #isOwnWrite}.
 *
 * <p>Failures go to a handler: a file that is not UTF-8 any more is never written over (another
 * program put it there; the change is dropped and reported); any other failure is reported and
 * retried {@code maxDelay} later, unless the writer is closed. Thread-safe: notes may change on any
 * thread; the content supplier is called on the thread that writes.
 */
public final class DebouncedWriter implements AutoCloseable {
    /** Quiet time after the last change before a write. */
    public static final Duration QUIET = Duration.ofMillis(300);
    /** Longest a change waits while changes keep coming. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(2);

    /** Time and one-shot tasks: a single background thread in the app, a manual clock in tests. */
    public interface Scheduler {
        /** A monotonic time in nanoseconds. */
        long nanoTime();

        /** Runs {@code task} once, {@code delayNanos} from now, on the scheduler's thread. */
        void schedule(Runnable task, long delayNanos);

        /** {@code executor} (a single thread, ideally) with {@link System#nanoTime}. */
        static Scheduler of(ScheduledExecutorService executor) {
            return new Scheduler() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public void schedule(Runnable task, long delayNanos) {
                    executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                }
            };
        }
    }

    /** A change not written yet. */
    private static final class Pending {
        final long first;
        long last;
        Supplier<String> content;

        Pending(long now, Supplier<String> content) {
            first = now;
            last = now;
            this.content = content;
        }
    }

    private final Scheduler scheduler;
    private final long quiet;
    private final long maxDelay;
    private final BiConsumer<Path, IOException> failures;
    private final BiConsumer<Path, String> written;
    private final Predicate<Path> mayReplace;
    private final Object lock = new Object();
    private final Map<Path, Pending> pending = new HashMap<>();
    private final Map<Path, String> lastHash = new ConcurrentHashMap<>();
    private final ReentrantLock io = new ReentrantLock();
    private boolean closed;

    /** A writer with the default delays; {@code failures} hears of every write that failed. */
    public DebouncedWriter(Scheduler scheduler, BiConsumer<Path, IOException> failures) {
        this(scheduler, QUIET, MAX_DELAY, failures);
    }

    public DebouncedWriter(Scheduler scheduler, Duration quiet, Duration maxDelay,
            BiConsumer<Path, IOException> failures) {
        this(scheduler, quiet, maxDelay, failures, (file, text) -> { }, file -> true);
    }

    /**
     * A writer that also tells {@code written} of every text that {@code file} holds after a write
     * (or held already), on the writing thread, before the next write starts; and that asks
     * {@code mayReplace} before it replaces a file that holds something else (false: another
     * program's edit is there, not merged yet; the write is dropped, the caller writes again after
     * merging).
     */
    public DebouncedWriter(Scheduler scheduler, Duration quiet, Duration maxDelay,
            BiConsumer<Path, IOException> failures, BiConsumer<Path, String> written, Predicate<Path> mayReplace) {
        if (quiet.isNegative() || maxDelay.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("need 0 <= quiet <= maxDelay: " + quiet + ", " + maxDelay);
        }
        this.scheduler = scheduler;
        this.quiet = quiet.toNanos();
        this.maxDelay = maxDelay.toNanos();
        this.failures = failures;
        this.written = written;
        this.mayReplace = mayReplace;
    }

    /** The note in {@code file} now has {@code text}. */
    public void changed(Path file, String text) {
        changed(file, () -> text);
    }

    /**
     * The note in {@code file} changed; {@code content} gives its text when the write is due (on
     * the writing thread, so it must be safe to call there), or null if there is nothing to write
     * any more. A later call replaces it.
     *
     * @throws IllegalStateException if the writer is closed
     */
    public void changed(Path file, Supplier<String> content) {
        Path key = key(file);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("writer closed");
            }
            long now = scheduler.nanoTime();
            Pending p = pending.get(key);
            if (p == null) {
                p = new Pending(now, content);
                pending.put(key, p);
                arm(key, p, quiet);
            } else {
                p.content = content;
                p.last = now;
            }
        }
    }

    private void arm(Path key, Pending p, long delay) {
        scheduler.schedule(() -> due(key, p), Math.max(0, delay));
    }

    /** The timer of {@code p} went off: write it, or wait on if changes came since. */
    private void due(Path key, Pending p) {
        io.lock();
        try {
            Supplier<String> content;
            synchronized (lock) {
                if (pending.get(key) != p) {
                    return;
                }
                long now = scheduler.nanoTime();
                long at = Math.min(p.last + quiet, p.first + maxDelay);
                if (now < at) {
                    arm(key, p, at - now);
                    return;
                }
                pending.remove(key);
                content = p.content;
            }
            write(key, content);
        } finally {
            io.unlock();
        }
    }

    /**
     * Drops the change pending for {@code file}, if any; waits for a write of it in progress, so
     * the file may be moved or deleted once this returns.
     */
    public void cancel(Path file) {
        io.lock();
        try {
            synchronized (lock) {
                pending.remove(key(file));
            }
        } finally {
            io.unlock();
        }
    }

    /** Writes every pending change now, on the calling thread. */
    public void flush() {
        io.lock();
        try {
            Map<Path, Supplier<String>> all = new TreeMap<>();
            synchronized (lock) {
                pending.forEach((file, p) -> all.put(file, p.content));
                pending.clear();
            }
            all.forEach(this::write);
        } finally {
            io.unlock();
        }
    }

    /** Writes everything pending and takes no more changes. The scheduler is the caller's to stop. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        flush();
    }

    /** Whether {@code file} holds what this writer last wrote to it (or found there), going by {@code text}. */
    public boolean isOwnWrite(Path file, String text) {
        String hash = lastHash.get(key(file));
        return hash != null && hash.equals(hashOf(text));
    }

    /** The SHA-256 (hex) of the text last written to or found in {@code file}, if any. */
    public Optional<String> lastWrittenHash(Path file) {
        return Optional.ofNullable(lastHash.get(key(file)));
    }

    /** Forgets what was written to {@code file} (the note was renamed or deleted). */
    public void forget(Path file) {
        lastHash.remove(key(file));
    }

    /** The SHA-256, in lower-case hex, of the UTF-8 of {@code text}; null if it is not valid text. */
    public static String hashOf(String text) {
        try {
            return sha256(MarkdownFiles.encode(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void write(Path file, Supplier<String> content) {
        byte[] bytes;
        String text;
        try {
            text = content.get();
            if (text == null) {
                return;
            }
            bytes = MarkdownFiles.encode(text);
        } catch (RuntimeException e) {
            failures.accept(file, new IOException("no text to write to " + file, e));
            return;
        }
        try {
            if (!onDisk(file, bytes, text)) {
                // asked once the temporary file is on disk, just before the rename: an edit another
                // program makes after the question is replaced, so the question comes as late as it can
                MarkdownFiles.writeAtomically(file, bytes, temporary -> {
                    if (!mayReplace.test(file)) {
                        throw new Refused();
                    }
                });
            }
            lastHash.put(file, sha256(bytes));
            written.accept(file, text);
        } catch (Refused e) {
            // the caller merges first and writes again
        } catch (NotUtf8Exception e) {
            failures.accept(file, e);
        } catch (IOException e) {
            failures.accept(file, e);
            retry(file, content);
        }
    }

    /** {@code mayReplace} said no: the write is dropped, its temporary file deleted. */
    private static final class Refused extends IOException {
        Refused() {
            super("the file holds an edit not taken in yet");
        }
    }

    private void retry(Path key, Supplier<String> content) {
        synchronized (lock) {
            if (!closed && !pending.containsKey(key)) {
                Pending p = new Pending(scheduler.nanoTime(), content);
                pending.put(key, p);
                arm(key, p, maxDelay);
            }
        }
    }

    /** Whether {@code file} holds {@code text} already. @throws NotUtf8Exception if it is not UTF-8 */
    private static boolean onDisk(Path file, byte[] bytes, String text) throws IOException {
        byte[] disk;
        try {
            disk = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        return Arrays.equals(disk, bytes) || MarkdownFiles.decode(disk, file).text().equals(text);
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
