package dev.weft.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sync server's storage: one MapDB file, {@code weft.db}, in the data dir, with transactions.
 * It holds the documents, their atoms and op history, the sync index, the devices, pairing codes
 * and the sync clock.
 *
 * <p>Writes go through {@link #write} or {@link #submit}: a work gets a {@link WriteBatch}, runs on
 * the store's writer thread with the works of other callers that wait at the same moment, and all
 * of them are committed at once (group commit). A work's result is handed back only after that
 * commit is on disk, so an acknowledgement built from it never precedes durability. Reads run on
 * the caller's thread and see committed state only. A process killed at any moment loses nothing
 * that a write had returned, and the store opens again.
 */
public final class Store implements AutoCloseable {
    private final StoreFiles files;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final Documents documents;
    private final Atoms atoms;
    private final Devices devices;
    private final SyncClock clock;
    private final Map<Integer, Long> lastSeen = new ConcurrentHashMap<>();
    private final GroupCommitter committer;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The last sync time committed: a device current to it gets an empty synclist without a lookup. */
    private volatile long lastCommitted;

    private Store(StoreFiles files, MicrosClock micros) {
        this.files = files;
        Tables tables = files.tables;
        this.documents = new Documents(tables);
        this.atoms = new Atoms(tables);
        this.devices = new Devices(tables);
        this.clock = new SyncClock(tables.meta, micros);
        this.lastCommitted = clock.last();
        PairingCodes codes = new PairingCodes(tables);
        Supplier<WriteBatch> batches = () -> new WriteBatch(documents, atoms, devices, codes, clock);
        this.committer = new GroupCommitter(new GroupCommitter.Transactions() {
            @Override
            public WriteBatch begin() {
                return batches.get();
            }

            @Override
            public void commit() {
                flushLastSeen();
                files.db.commit();
                lastCommitted = clock.last();
            }

            @Override
            public void rollback() {
                files.db.rollback();
            }
        }, lock.writeLock(), "weft-store-writer");
    }

    /** Opens or creates the store in {@code dataDir} with the system clock. */
    public static Store open(Path dataDir) {
        return open(dataDir, MicrosClock.system());
    }

    /**
     * Opens the store in {@code dataDir}, creating the dir and an empty store if there is none.
     *
     * @throws StoreException if another Weft server has the dir open, or the file there cannot be
     *     read (it is never replaced)
     */
    public static Store open(Path dataDir, MicrosClock clock) {
        return new Store(StoreFiles.open(dataDir), clock);
    }

    /**
     * Runs {@code work} in a transaction and waits until it is committed and durable.
     *
     * @return what the work returned
     * @throws RuntimeException what the work threw (then none of its changes was stored)
     * @throws StoreException if the store is closed or a commit failed
     */
    public <T> T write(Function<WriteBatch, T> work) {
        try {
            return submit(work).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /**
     * Queues {@code work} for the writer thread; the future completes once it is committed and
     * durable, or with what it threw. The work may run more than once (when another work of its
     * group fails, the rest run again after a rollback), so it must act only through its batch.
     * Dependent actions that take time belong on another executor ({@code thenRunAsync}).
     */
    public <T> CompletableFuture<T> submit(Function<WriteBatch, T> work) {
        return committer.submit(work, 1);
    }

    /**
     * {@link #submit} of a work that writes about {@code ops} atoms: a transaction takes works
     * until they hold about {@value GroupCommitter#MAX_GROUP_OPS} ops, so big uploads commit in
     * steps that keep MapDB's write-ahead log in memory.
     */
    public <T> CompletableFuture<T> submit(Function<WriteBatch, T> work, int ops) {
        return committer.submit(work, Math.max(1, ops));
    }

    /**
     * {@link #submit(Function, int)} with {@code onCommit} run on the writer thread right after the
     * commit (or failure), in commit order: for what must follow commits in their order (forwarding
     * ops to sessions, a session joining its room after its catch-up read).
     */
    public <T> CompletableFuture<T> submit(Function<WriteBatch, T> work, int ops,
            BiConsumer<? super T, ? super Throwable> onCommit) {
        return committer.submit(work, Math.max(1, ops), onCommit);
    }

    /** The document, if the store knows it. */
    public Optional<DocumentState> document(UUID id) {
        return read(() -> documents.get(id).map(record -> record.state(id)));
    }

    /**
     * Up to {@code limit} documents changed after {@code since}, oldest first (a synclist answer,
     * docs/protocol.md §4). O(answer · log n).
     */
    public List<SyncEntry> changedSince(long since, int limit) {
        if (since >= lastCommitted) {
            return List.of();
        }
        return read(() -> documents.changedSince(since, limit));
    }

    /**
     * What a device of {@code requestingSite} that is current to {@code since} lacks of the
     * document (a pull, docs/protocol.md §4): alive atoms inserted after {@code since}; deletes after
     * {@code since} of atoms inserted at or before it or made by {@code requestingSite}; in pid
     * order. O(changes since {@code since} · log n). Empty if the store does not know the document.
     */
    public Optional<DocumentChanges> changesSince(UUID document, long since, int requestingSite) {
        return read(() -> documents.get(document)
                .map(record -> atoms.changes(document, record, since, requestingSite)));
    }

    /** The device whose token has this SHA-256 hash, revoked or not. */
    public Optional<Device> deviceByTokenHash(byte[] tokenHash) {
        return read(() -> devices.byTokenHash(tokenHash).map(this::withLastSeen));
    }

    /** Every device ever paired, revoked ones too, by site. */
    public List<Device> devices() {
        return read(() -> {
            List<Device> all = new ArrayList<>();
            devices.all().forEach(device -> all.add(withLastSeen(device)));
            return all;
        });
    }

    /** Notes that the device of {@code site} was seen at {@code micros}; stored with the next commit. */
    public void touch(int site, long micros) {
        lastSeen.merge(site, micros, Math::max);
    }

    /** The last sync time issued. */
    public long lastSyncTime() {
        return lastCommitted;
    }

    /** Commits what is queued and what was noted with {@link #touch}, then closes the file. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        committer.close();
        try {
            lock.writeLock().lock();
            try {
                if (!lastSeen.isEmpty()) {
                    flushLastSeen();
                    files.db.commit();
                }
            } finally {
                lock.writeLock().unlock();
            }
        } finally {
            files.close();
        }
    }

    private void flushLastSeen() {
        for (Map.Entry<Integer, Long> seen : lastSeen.entrySet()) {
            devices.seen(seen.getKey(), seen.getValue());
            lastSeen.remove(seen.getKey(), seen.getValue());
        }
    }

    private Device withLastSeen(Device device) {
        Long seen = lastSeen.get(device.site());
        if (seen == null || seen <= device.lastSeenMicros()) {
            return device;
        }
        return new Device(device.name(), device.site(), device.revoked(), seen);
    }

    private <T> T read(Supplier<T> read) {
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            return read.get();
        } finally {
            readLock.unlock();
        }
    }
}
