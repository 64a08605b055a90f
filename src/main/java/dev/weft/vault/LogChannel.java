package dev.weft.vault;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The open file of a record log: appends framed records at its end with one
 * {@link FileChannel#write} each (no user-space buffer, so an append that returned survives a kill
 * of the process), forces them to disk at most {@code fsyncInterval} later or on demand, and takes
 * in the fresh file of a compaction.
 *
 * <p>An interrupt closes a {@link FileChannel}; an append is then retried once on a reopened
 * channel, cut back to the last whole append first, and the interrupt status is restored. An
 * append that fails for lack of space is cut back the same way and the channel stays usable: the
 * next append tries again. Any other I/O error fails the channel for good: every later call
 * throws, and the note must be reopened (the file then holds whole records up to the last
 * successful append).
 */
final class LogChannel implements Closeable {
    private static final System.Logger LOG = System.getLogger(LogChannel.class.getName());

    private final Path file;
    private final Duration fsyncInterval;
    private FileChannel channel;
    private long size;
    private boolean dirty;
    /** Writes and cuts through this channel so far, and how many of them a force covered: closing forces the rest. */
    private long changes;
    private long forcedChanges;
    private boolean flushScheduled;
    private boolean closed;
    private IOException failure;

    private LogChannel(Path file, Duration fsyncInterval, FileChannel channel, long size) {
        this.file = file;
        this.fsyncInterval = fsyncInterval;
        this.channel = channel;
        this.size = size;
    }

    /** Opens (or creates) {@code file} and cuts it to its first {@code keepBytes} bytes. */
    static LogChannel open(Path file, long keepBytes, Duration fsyncInterval) throws IOException {
        // the note's ops, private like the rest of .weft/ (issue 12 §7)
        FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), OwnerOnly.file());
        boolean truncated = false;
        try {
            OwnerOnly.tighten(file);
            if (channel.size() > keepBytes) {
                channel.truncate(keepBytes);
                truncated = true;
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        LogChannel log = new LogChannel(file, fsyncInterval, channel, keepBytes);
        log.changes = truncated ? 1 : 0;
        return log;
    }

    synchronized long size() {
        return size;
    }

    /** Throws if appends would fail: closed, or failed earlier. */
    synchronized void checkUsable() throws IOException {
        if (closed) {
            throw new IOException("record log " + file + " is closed");
        }
        if (failure != null) {
            throw new IOException("record log " + file + " failed earlier; reopen the note", failure);
        }
    }

    /** Writes {@code bytes} (whole records) at the end in one call, then forces now or schedules it. */
    synchronized void append(ByteBuffer bytes) throws IOException {
        write(bytes);
        if (fsyncInterval.isZero()) {
            channel.force(false);
            forcedChanges = changes;
            return;
        }
        dirty = true;
        if (!flushScheduled) {
            flushScheduled = true;
            LogFlusher.schedule(this::backgroundForce, fsyncInterval);
        }
    }

    private void write(ByteBuffer bytes) throws IOException {
        checkUsable();
        boolean interrupted = false;
        try {
            for (int attempt = 0;; attempt++) {
                ByteBuffer pass = bytes.duplicate();
                long at = size;
                try {
                    while (pass.hasRemaining()) {
                        at += channel.write(pass, at);
                    }
                    size = at;
                    changes++;
                    return;
                } catch (ClosedChannelException e) {
                    if (attempt > 0) {
                        failure = e;
                        throw e;
                    }
                    interrupted |= Thread.interrupted();
                    reopenAfterInterrupt();
                } catch (IOException e) {
                    if (!DiskFull.causes(e) || !cutBack()) {
                        failure = e;
                    }
                    throw e;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Cuts what a failed write left after the last whole append; false if that fails too. */
    private boolean cutBack() {
        try {
            channel.truncate(size);
            changes++;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails the channel for good (the caller's state may be ahead of the file). */
    synchronized void fail(IOException cause) {
        failure = cause;
    }

    /** An interrupt closed the channel: reopen it and cut what the interrupted write left. */
    private void reopenAfterInterrupt() throws IOException {
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.truncate(size);
            changes++;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Forces every append so far to disk, without holding the lock while the disk works. */
    void force() throws IOException {
        FileChannel target;
        long through;
        synchronized (this) {
            checkUsable();
            dirty = false;
            target = channel;
            through = changes;
        }
        forceOutsideLock(target);
        forced(target, through);
    }

    /** A force of {@code target} that began after {@code through} changes returned. */
    private synchronized void forced(FileChannel target, long through) {
        if (target == channel && through > forcedChanges) {
            forcedChanges = through;
        }
    }

    /** Forces under the lock: for compaction, which holds everything still anyway. */
    synchronized void forceNow() throws IOException {
        checkUsable();
        channel.force(false);
        dirty = false;
        forcedChanges = changes;
    }

    private void backgroundForce() {
        FileChannel target;
        long through;
        synchronized (this) {
            flushScheduled = false;
            if (!dirty || closed || failure != null) {
                return;
            }
            dirty = false;
            target = channel;
            through = changes;
        }
        try {
            forceOutsideLock(target);
            forced(target, through);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "fsync of " + file + " failed; the log refuses appends", e);
        }
    }

    /** Forces {@code target}; a channel closed meanwhile by a swap or close was forced by them. */
    private void forceOutsideLock(FileChannel target) throws IOException {
        try {
            target.force(false);
        } catch (ClosedByInterruptException e) {
            synchronized (this) {
                if (channel == target && !closed) {
                    reopenAfterInterrupt();
                    dirty = true;
                }
            }
            throw e;
        } catch (ClosedChannelException e) {
            synchronized (this) {
                if (channel == target && !closed) {
                    failure = e;
                    throw e;
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
            throw e;
        }
    }

    /**
     * Renames {@code temp} (whole, forced) over the file. Where an open file cannot be replaced
     * (Windows) closes it first, and reopens the old one if the rename still fails.
     */
    synchronized void moveOver(Path temp) throws IOException {
        checkUsable();
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileSystemException e) {
            channel.close();
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
        }
    }

    /** After {@link #moveOver}: forces the folder and appends to the new file, {@code newSize} bytes long. */
    synchronized void switchToMovedFile(long newSize) throws IOException {
        AtomicFiles.forceDirectory(file.toAbsolutePath().getParent());
        FileChannel old = channel;
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        old.close();
        size = newSize;
        dirty = false;
        forcedChanges = changes; // the moved file was forced whole before it was moved
    }

    /** Refuses every later call: the file and the caller's state may no longer agree. */
    synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    /** Closes the file unforced: its writer forces it later ({@link BatchedForce}), before anything names it. */
    synchronized void closeUnforced() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        channel.close();
    }

    /** Forces what was appended since the last force (unless the channel failed) and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel c = channel) {
            if (failure == null && changes > forcedChanges) {
                c.force(false);
            }
        }
    }
}
