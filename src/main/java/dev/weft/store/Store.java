package dev.weft.store;

import dev.weft.crdt.Pid;
import dev.weft.crdt.TextHistory;
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
import java.util.function.Consumer;
import java.util.function.Function;

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
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final MicrosClock micros;
    /** The file as open now: replaced, under the write lock, when a failed commit reopens it. */
    private volatile Opened open;
    private final Map<Integer, Long> lastSeen = new ConcurrentHashMap<>();
    private final GroupCommitter committer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Health health = full -> {
    };
    private final Damage damage = new Damage();
    /** The last sync time committed: a device current to it gets an empty synclist without a lookup. */
    private volatile long lastCommitted;
    /** This run of the store (docs/store.md, "Identity"): recorded with its first commit. */
    private final long run = new java.security.SecureRandom().nextLong();
    /** The store's last sync time when this run began: where the run before it ended. */
    private final long openedAt;
    /** Whether a commit of this run has recorded it (on the writer thread, under the write lock). */
    private volatile boolean runRecorded;

    /** The open file and what reads and writes it; all of it is replaced when the file is reopened. */
    private static final class Opened {
        final StoreFiles files;
        final Documents documents;
        final Runs atoms;
        final Devices devices;
        final SyncClock clock;
        final PairingCodes codes;
        final FileVersions fileIndex;

        Opened(StoreFiles files, MicrosClock micros) {
            this.files = files;
            Tables tables = files.tables;
            this.documents = new Documents(tables);
            this.atoms = new Runs(tables);
            this.devices = new Devices(tables);
            this.clock = new SyncClock(tables.meta, micros);
            this.codes = new PairingCodes(tables);
            this.fileIndex = new FileVersions(tables);
        }
    }

    private Store(StoreFiles files, MicrosClock micros) {
        this.micros = micros;
        this.open = new Opened(files, micros);
        files.damage.ifPresent(damage::note);
        this.lastCommitted = open.clock.last();
        this.openedAt = lastCommitted;
        this.committer = new GroupCommitter(new GroupCommitter.Transactions() {
            @Override
            public WriteBatch begin() {
                Opened o = open;
                return new WriteBatch(o.documents, o.atoms, o.devices, o.codes, o.clock, o.fileIndex);
            }

            @Override
            public void commit() {
                flushLastSeen();
                if (!runRecorded) {
                    RunLog.begin(open.files.tables.meta, run, openedAt);
                }
                open.files.db.commit();
                runRecorded = true;
                lastCommitted = open.clock.last();
            }

            @Override
            public void rollback() {
                open.files.db.rollback();
            }

            @Override
            public void diskFull(boolean full) {
                health.diskFull(full);
            }

            @Override
            public void reopen() {
                open = new Opened(open.files.reopen(), micros);
                open.files.damage.ifPresent(damage::note);
                lastCommitted = Math.max(lastCommitted, open.clock.last());
            }

            @Override
            public Optional<StoreDamagedException> damage() {
                return damage.found();
            }

            @Override
            public boolean damaged(Throwable error) {
                return damage.note(error);
            }
        }, lock.writeLock(), "weft-store-writer");
    }

    /** Hears when the disk under the store fills up and when writes succeed again. */
    @FunctionalInterface
    public interface Health {
        /**
         * {@code true}: a commit failed for lack of space (writes fail with {@link DiskFullException}
         * meanwhile, reads go on); {@code false}: a commit succeeded since. Called on the writer thread.
         */
        void diskFull(boolean full);
    }

    /** Sets who hears of a full disk (one listener; the server logs it). */
    public void onHealth(Health listener) {
        this.health = listener;
    }

    /**
     * Sets who hears, once, that the file is damaged (found at open, or by a read or write since):
     * the store is read-only from then on. Hears at once of damage found before.
     */
    public void onDamage(Consumer<StoreDamagedException> listener) {
        damage.listen(listener);
    }

    /** The damage found in the file, if any: writes are refused with it (reads of what verifies go on). */
    public Optional<StoreDamagedException> damage() {
        return damage.found();
    }

    /** Opens or creates the store in {@code dataDir} with the system clock. */
    public static Store open(Path dataDir) {
        return open(dataDir, MicrosClock.system());
    }

    /**
     * Opens the store in {@code dataDir}, creating the dir and an empty store if there is none.
     * Every page of the file is checked first: a file with damaged pages opens read-only
     * ({@link #damage()}).
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
        return read(o -> o.documents.get(id).map(record -> record.state(id)));
    }

    /** The sync time at which the document was deleted forever, if it was (docs/protocol.md §9). */
    public Optional<Long> purgedAt(UUID id) {
        return read(o -> o.documents.raw(id).filter(DocumentRecord::purged).map(DocumentRecord::syncTime));
    }

    /** The document's last trash ({@link TrashRecord#NONE} if none); empty if unknown or purged. */
    public Optional<TrashRecord> trashRecord(UUID id) {
        return read(o -> o.documents.get(id).map(DocumentRecord::trash));
    }

    /** The name of the device of {@code site}, if the store knows it (revoked or not). */
    public Optional<String> deviceName(int site) {
        return read(o -> o.devices.bySite(site).map(Device::name));
    }

    /**
     * Every document in the trash with the sync time of its trash (of its last change, for a trash
     * made before trash times were kept): what a {@code --trash-days} rule looks at. O(documents).
     */
    public Map<UUID, Long> trashTimes() {
        return read(o -> o.documents.trashTimes());
    }

    /**
     * Up to {@code limit} documents changed after {@code since}, oldest first (a synclist answer,
     * docs/protocol.md §4). O(answer · log n).
     */
    public List<SyncEntry> changedSince(long since, int limit) {
        if (since >= lastCommitted) {
            return List.of();
        }
        return read(o -> o.documents.changedSince(since, limit));
    }

    /**
     * What a device of {@code requestingSite} that is current to {@code since} lacks of the
     * document (a pull, docs/protocol.md §4): alive atoms inserted after {@code since}; deletes after
     * {@code since} of atoms inserted at or before it or made by {@code requestingSite}; in pid
     * order. O(changes since {@code since} · log n). Empty if the store does not know the document.
     */
    public Optional<DocumentChanges> changesSince(UUID document, long since, int requestingSite) {
        return read(o -> o.documents.get(document)
                .map(record -> o.atoms.changes(document, record, since, requestingSite)));
    }

    /**
     * One window of {@link #changesSince}: the changes of the atoms after {@code after} (null: from
     * the start), about {@code maxBytes} of answer, read at one instant (docs/server.md, "Big
     * answers"). May list deletes of atoms the device already has deleted; {@code everyDelete} lists
     * every delete in range. O(window · log n). Empty if the store does not know the document.
     */
    public Optional<ChangesWindow> changesWindow(UUID document, long since, int requestingSite, Pid after,
            int maxBytes, boolean everyDelete) {
        return read(o -> o.documents.get(document)
                .map(record -> o.atoms.window(document, record, since, requestingSite, after, maxBytes, everyDelete)));
    }

    /**
     * The document's atoms with their insert and delete times, from which its versions and its text
     * as of any time are rebuilt (issue 16 §3). O(document). Empty if unknown or purged.
     */
    public Optional<TextHistory> textHistory(UUID document) {
        return read(o -> o.documents.get(document).map(record -> o.atoms.textHistory(document)));
    }

    /**
     * The site of the device that made the document, if known: the author of its text written
     * before that device was paired (site 255, docs/protocol.md §2).
     */
    public java.util.OptionalInt creator(UUID document) {
        return read(o -> o.documents.get(document).filter(r -> r.creator() != 0)
                .map(r -> java.util.OptionalInt.of(r.creator())).orElse(java.util.OptionalInt.empty()));
    }

    /** How much deleted text the store keeps for the notes' history: characters and notes. O(store). */
    public record HistorySize(long deletedCharacters, long notes) {
    }

    /** The deleted text kept for history (issue 16 §3): what {@code --history-days} forgets. O(store). */
    public HistorySize historySize() {
        return read(o -> {
            long[] kept = o.atoms.deletedTextKept();
            return new HistorySize(kept[0], kept[1]);
        });
    }

    /** {@link #changesWindow} as runs and pid ranges, for a device that speaks run messages. */
    public Optional<RunsWindow> changesWindowRuns(UUID document, long since, int requestingSite, Pid after,
            int maxBytes, boolean everyDelete) {
        return read(o -> o.documents.get(document)
                .map(record -> o.atoms.runsWindow(document, record, since, requestingSite, after, maxBytes, everyDelete)));
    }

    /** The path's kept file versions, newest first (docs/protocol.md §11); empty if never committed. */
    public List<FileVersion> fileVersions(String path) {
        return read(o -> o.fileIndex.versions(path));
    }

    /**
     * The newest version of each file changed after {@code since}, oldest first: at most {@code
     * maxEntries}, stopping after the one whose {@code cost} takes the sum past {@code fullCost}.
     */
    public List<FileVersion> filesChangedSince(long since, int maxEntries, long fullCost,
            java.util.function.ToLongFunction<FileVersion> cost) {
        return read(o -> o.fileIndex.changedSince(since, maxEntries, fullCost, cost));
    }

    /** Whether a kept file version references the chunk: it is not to be deleted. */
    public boolean chunkReferenced(byte[] hash) {
        return read(o -> o.fileIndex.referenced(hash));
    }

    /** Files, versions, chunks and their bytes. O(chunks). */
    public FileStats fileStats() {
        return read(o -> o.fileIndex.stats());
    }

    /** The device whose token has this SHA-256 hash, revoked or not. */
    public Optional<Device> deviceByTokenHash(byte[] tokenHash) {
        return read(o -> o.devices.byTokenHash(tokenHash).map(this::withLastSeen));
    }

    /** Every device ever paired, revoked ones too, by site. */
    public List<Device> devices() {
        return read(o -> {
            List<Device> all = new ArrayList<>();
            o.devices.all().forEach(device -> all.add(withLastSeen(device)));
            return all;
        });
    }

    /** Notes that the device of {@code site} was seen at {@code micros}; stored with the next commit. */
    public void touch(int site, long micros) {
        lastSeen.merge(site, micros, Math::max);
    }

    /**
     * The store's id and this run, recorded durably first (one commit, the first time it is asked
     * in a run that has not committed yet), so that no device ever meets a run the store forgets.
     *
     * @throws StoreException if that commit failed (a full disk, say)
     */
    public StoreRun run() {
        if (!runRecorded) {
            write(batch -> Boolean.TRUE);
        }
        return read(o -> RunLog.current(o.files.tables.meta)).orElseThrow();
    }

    /**
     * Through which sync time this store holds every change a device saw in {@code named}, the run
     * it last met (empty: it names none, the store's last time): see docs/store.md, "Identity".
     */
    public long keptThrough(Optional<StoreRun> named) {
        return read(o -> RunLog.kept(o.files.tables.meta, named, lastCommitted));
    }

    /**
     * Gives the store a new id (a rebuild that may have lost changes, say): every device then finds a
     * store it never met and uploads what it holds again (docs/store.md, "Identity").
     */
    public void renewIdentity() {
        write(batch -> {
            RunLog.renew(open.files.tables.meta);
            return Boolean.TRUE;
        });
    }

    /** Takes the files of a snapshot, in the order given (see {@link #snapshot}). */
    @FunctionalInterface
    public interface SnapshotSink {
        /** Copies {@code file} of the data dir, which holds the store as of a commit, under the name {@code name}. */
        void copy(String name, Path file) throws java.io.IOException;
    }

    /**
     * Hands {@code sink} the store's files as of its last commit, while no commit runs: writes wait
     * until the sink is done, and so do reads that come after a waiting write (the lock is fair) (a backup: docs/store.md, "Backups"). The files are copied as
     * they are, so a snapshot holds whatever the file's layout is; opened elsewhere it is a copy put
     * back, which begins a run of its own (store.md, "Identity").
     *
     * @return the store's run and the last sync time the snapshot holds
     * @throws StoreException if the store is damaged (a copy would be too: repair it first)
     */
    public Snapshot snapshot(SnapshotSink sink) throws java.io.IOException {
        StoreRun current = run();
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            Optional<StoreDamagedException> found = damage.found();
            if (found.isPresent()) {
                throw new StoreException(found.get().getMessage() + ": a copy would be damaged too; repair the store"
                        + " first (weft repair-store)", found.get());
            }
            for (Path file : open.files.committed()) {
                sink.copy(file.getFileName().toString(), file);
            }
            return new Snapshot(current, lastCommitted);
        } finally {
            readLock.unlock();
        }
    }

    /** What a {@link #snapshot} holds: the store and run it was taken in, and changes up to {@code lastSyncTime}. */
    public record Snapshot(StoreRun run, long lastSyncTime) {
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
                    open.files.db.commit();
                }
            } catch (RuntimeException e) {
                // devices' last seen times only: lost on a full disk (or a store that did not reopen)
            } finally {
                lock.writeLock().unlock();
            }
        } finally {
            open.files.close();
        }
    }

    private void flushLastSeen() {
        for (Map.Entry<Integer, Long> seen : lastSeen.entrySet()) {
            open.devices.seen(seen.getKey(), seen.getValue());
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

    private <T> T read(Function<Opened, T> read) {
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            return read.apply(open);
        } catch (RuntimeException e) {
            Optional<StoreDamagedException> found = StoreDamagedException.in(e);
            if (found.isPresent()) {
                damage.note(found.get());
                throw found.get();
            }
            throw e;
        } finally {
            readLock.unlock();
        }
    }
}
