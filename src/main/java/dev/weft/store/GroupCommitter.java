package dev.weft.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Lock;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs the works given to the store on one writer thread, as many as are waiting in one
 * transaction with one commit (group commit), and completes each work's future only after that
 * commit returned.
 *
 * <p>A work that throws is rolled back with the whole transaction; the others of its group then
 * run again without it, in a new transaction, so a work must act only through its batch. The
 * writer holds the write lock from the first change to the end of the commit: readers never see
 * uncommitted state. If a commit or rollback itself fails (a full disk, say), its works fail, and the
 * file is reopened at once, dropping what the failed commit left in memory: reads go on, and the
 * next work tries again (when the file does not reopen, the next work tries to reopen it first).
 * Once the file is found damaged ({@link StoreDamagedException}, by a read or a work), every work
 * is refused with that damage: nothing more is written into it.
 */
final class GroupCommitter implements AutoCloseable {
    /** The most works in one transaction. */
    static final int MAX_GROUP = 1024;
    /**
     * The most ops (atoms inserted or deleted) a transaction takes from the queue once it holds
     * one work: MapDB's write-ahead log gets a B-tree node per op, and past its 64 MiB in memory
     * it spills to files written a byte per system call (a 5,000-note import was ~40 times slower).
     */
    static final int MAX_GROUP_OPS = 40_000;

    /** What a transaction needs from the store. */
    interface Transactions {
        WriteBatch begin();

        /** Writes what must ride on every commit (devices last seen), then commits. */
        void commit();

        void rollback();

        /** Closes the file and opens it again (after a failed commit). */
        void reopen();

        /** The disk became full ({@code true}) or a commit succeeded after it was ({@code false}). */
        void diskFull(boolean full);

        /** The damage found in the file, if any: every work is refused with it. */
        Optional<StoreDamagedException> damage();

        /** Notes the damage {@code error} reports: true if it does. */
        boolean damaged(Throwable error);
    }

    private static final class Job<T> {
        final Function<WriteBatch, T> work;
        final int ops;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;

        Job(Function<WriteBatch, T> work, int ops) {
            this.work = work;
            this.ops = ops;
        }

        void run(WriteBatch batch) {
            result = work.apply(batch);
        }

        void complete() {
            future.complete(result);
        }
    }

    private static final Job<Void> STOP = new Job<>(batch -> null, 0);

    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Transactions transactions;
    private final Lock writeLock;
    private final Thread writer;
    private boolean closed;
    /** Why the file is not open (it failed to reopen): the next group tries to reopen it first. */
    private StoreException broken;
    /** The last commit failed for lack of space (writer thread only). */
    private boolean diskFull;

    GroupCommitter(Transactions transactions, Lock writeLock, String name) {
        this.transactions = transactions;
        this.writeLock = writeLock;
        this.writer = new Thread(this::loop, name);
        writer.setDaemon(true);
        writer.start();
    }

    <T> CompletableFuture<T> submit(Function<WriteBatch, T> work, int ops) {
        return submit(work, ops, null);
    }

    /**
     * {@link #submit} with {@code onCommit} attached before the work is queued, so it runs on the
     * writer thread right after the commit, in commit order (a dependent attached to the returned
     * future after a fast commit would run on the caller's thread, out of that order).
     */
    <T> CompletableFuture<T> submit(Function<WriteBatch, T> work, int ops, BiConsumer<? super T, ? super Throwable> onCommit) {
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("a work may not wait for another write: it would wait for itself");
        }
        Job<T> job = new Job<>(work, ops);
        if (onCommit != null) {
            job.future.whenComplete(onCommit);
        }
        synchronized (this) {
            if (closed) {
                job.future.completeExceptionally(new StoreException("the store is closed"));
                return job.future;
            }
            queue.add(job);
        }
        return job.future;
    }

    /** Runs the works already given, then stops the writer. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Job<?>> group = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            int ops = group.get(0).ops;
            while (group.size() < MAX_GROUP && ops < MAX_GROUP_OPS) {
                Job<?> next = queue.peek();
                if (next == null || ops + next.ops > MAX_GROUP_OPS) {
                    break;
                }
                group.add(queue.poll());
                ops += next.ops;
            }
            stop = group.remove(STOP);
            if (!group.isEmpty()) {
                runGroup(group);
            }
            group.clear();
        }
    }

    private void runGroup(List<Job<?>> group) {
        List<Job<?>> live = new ArrayList<>(group);
        List<Job<?>> failed = new ArrayList<>();
        StoreException failure = null;
        writeLock.lock();
        try {
            Optional<StoreDamagedException> damage = transactions.damage();
            if (damage.isPresent()) {
                failure = damage.get();
                failed.addAll(live);
                live.clear();
            }
            if (failure == null && broken != null) {
                reopen(broken);
            }
            if (failure == null && broken != null) {
                failure = broken;
                failed.addAll(live);
                live.clear();
            }
            while (failure == null && !live.isEmpty()) {
                try {
                    if (attempt(live)) {
                        break;
                    }
                } catch (StoreException e) {
                    failure = e;
                    failed.addAll(live);
                    live.clear();
                }
            }
        } finally {
            writeLock.unlock();
        }
        if (failure != null) {
            StoreException cause = failure;
            failed.forEach(job -> job.future.completeExceptionally(cause));
        }
        live.forEach(Job::complete);
    }

    /**
     * Runs {@code live} in one transaction and commits: true when committed, false when one work
     * threw and was dropped and rolled back, so the others run again.
     *
     * @throws StoreException when the commit or a rollback failed (the file is reopened then)
     */
    private boolean attempt(List<Job<?>> live) {
        WriteBatch batch = transactions.begin();
        for (int i = 0; i < live.size(); i++) {
            try {
                live.get(i).run(batch);
            } catch (RuntimeException | Error e) {
                batch.close();
                boolean damaged = transactions.damaged(e);
                if (!damaged) {
                    live.remove(i).future.completeExceptionally(e);
                }
                try {
                    transactions.rollback();
                } catch (RuntimeException | Error r) {
                    throw failed("a rollback failed", r);
                }
                if (damaged) {
                    throw transactions.damage().orElseThrow(); // read-only now: the whole group fails with it
                }
                return false;
            }
        }
        batch.close();
        try {
            transactions.commit();
        } catch (RuntimeException | Error e) {
            throw failed("a commit failed", e);
        }
        if (diskFull) {
            diskFull = false;
            transactions.diskFull(false);
        }
        return true;
    }

    /** The failure of a commit or rollback, once the file is reopened (or known not to open). */
    private StoreException failed(String what, Throwable e) {
        if (transactions.damaged(e)) {
            reopen(transactions.damage().orElseThrow());
            return transactions.damage().orElseThrow();
        }
        StoreException failure = DiskFull.causes(e) ? new DiskFullException(e)
                : new StoreException(what + "; the store was reopened: " + e, e);
        if (failure instanceof DiskFullException && !diskFull) {
            diskFull = true;
            transactions.diskFull(true);
        }
        reopen(failure);
        return broken != null ? broken : failure;
    }

    private void reopen(StoreException after) {
        try {
            transactions.reopen();
            broken = null;
        } catch (RuntimeException | Error e) {
            broken = DiskFull.causes(e) ? new DiskFullException(e)
                    : new StoreException("the store could not be reopened (" + after.getMessage() + "): " + e, e);
        }
    }
}
