package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A document's record log, {@code .weft/docs/ID.md.latest_ops} (layout in docs/record-log.md):
 * everything that happened to the replica since its structure file was last written, appended
 * record by record.
 *
 * <p>Every append is one write straight to the file ({@link LogChannel}), so once it returns the
 * records survive a kill of the process. They reach the disk (surviving power loss) at the next
 * fsync: at most {@link ReplicaOptions#fsyncInterval()} later, on {@link #markSent}, on
 * compaction and on {@link #close}. {@link #markSent} forces before it returns, so nothing leaves
 * the device before it is on disk here.
 *
 * <p>The sync engine uses the public methods; local edits and remote ops are appended by
 * {@link NoteReplica}, which applies them to the document too. Thread-safe: edits on the editing
 * thread, marks from the network thread.
 */
public final class RecordLog implements Closeable {
    private static final System.Logger LOG = System.getLogger(RecordLog.class.getName());
    /** Pending ops grouped into run records at a time when a compaction writes them. */
    private static final int SNAPSHOT_BATCH = 65_536;

    /** Writes the structure file for a compaction, current to the sync time given. */
    @FunctionalInterface
    interface StructureWriter {
        void write(long syncTime) throws IOException;
    }

    private final Path file;
    private final UUID documentId;
    private final InstantSource clock;
    private final CompactionHook hook;
    private final LogRecovery recovery;
    private final LogChannel channel;
    private final PendingOps state = new PendingOps();
    private final RecordBuffer out = new RecordBuffer();
    private final List<LocalOpListener> listeners = new CopyOnWriteArrayList<>();
    private long structureSyncTime;
    /** Created with {@code deferCreation}: its folder is not forced yet (guarded by this). */
    private boolean creationUnforced;

    private RecordLog(Path file, UUID documentId, long structureSyncTime, InstantSource clock, CompactionHook hook,
            LogRecovery recovery, LogChannel channel) {
        this.file = file;
        this.documentId = documentId;
        this.structureSyncTime = structureSyncTime;
        this.clock = clock;
        this.hook = hook;
        this.recovery = recovery;
        this.channel = channel;
    }

    /**
     * Opens (or creates) the log of {@code documentId}, hands each valid record to {@code replay} in
     * file order and rebuilds the pending set. A torn or corrupt tail is cut off; valid records
     * after damage in the middle are cut off too, after the whole file was copied aside, and the
     * document's time is reset to 0 so that the next pull brings back anything missing.
     *
     * @param structureSyncTime the structure file's {@code last_modified}, the time until a
     *     "current to" record says otherwise
     * @throws IOException if the file cannot be read or written, or is the log of another document
     */
    static RecordLog open(Path file, UUID documentId, long structureSyncTime, Consumer<LogRecord> replay,
            ReplicaOptions options, CompactionHook hook) throws IOException {
        return open(file, documentId, structureSyncTime, replay, options, hook, false);
    }

    /**
     * {@link #open}; with {@code deferCreation} a log this call creates is forced, and its folder,
     * at the next {@link #force} or at {@link #close} instead of now (a burst of notes pulled while
     * the vault holds replicas: docs/client.md, "Many notes"), or by the caller after
     * {@link #closeUnforced} (an import's {@link BatchedForce}). A kill loses nothing by it (the header
     * is written); a power loss before then can lose the new file, as if it had never been made.
     */
    static RecordLog open(Path file, UUID documentId, long structureSyncTime, Consumer<LogRecord> replay,
            ReplicaOptions options, CompactionHook hook, boolean deferCreation) throws IOException {
        boolean exists = Files.exists(file);
        byte[] bytes = exists ? Files.readAllBytes(file) : new byte[0];
        LogScanner.Result scan = LogScanner.scan(bytes);
        if (scan.records() > 0) {
            UUID owner = scan.header().orElseThrow().documentId();
            if (!owner.equals(documentId)) {
                throw new IOException(file + " is the record log of document " + owner + ", not " + documentId);
            }
        }
        Optional<Path> saved = Optional.empty();
        if (scan.recordsAfterDamage() > 0) {
            Path copy = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            AtomicFiles.replace(copy, ByteBuffer.wrap(bytes));
            saved = Optional.of(copy);
        }
        LogRecovery recovery = new LogRecovery(scan.validEnd(), bytes.length - scan.validEnd(),
                scan.recordsAfterDamage(), saved, exists && scan.records() == 0);
        if (recovery.headerLost()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: no valid header in its {1} bytes: the log is lost", file,
                    bytes.length);
        } else if (!recovery.clean()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: dropped {1} bytes after byte {2}{3}", file,
                    recovery.droppedBytes(), recovery.keptBytes(), recovery.corruptInTheMiddle()
                            ? ", corrupt in the middle: " + recovery.recordsAfterDamage()
                                    + " valid records followed, whole file kept in " + recovery.savedCopy().get()
                            : " (torn tail)");
        }
        LogChannel channel = LogChannel.open(file, scan.validEnd(), options.fsyncInterval());
        RecordLog log = new RecordLog(file, documentId, structureSyncTime, options.clock(), hook, recovery, channel);
        try {
            log.recover(scan, replay, !exists, deferCreation);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return log;
    }

    private void recover(LogScanner.Result scan, Consumer<LogRecord> replay, boolean created, boolean deferCreation)
            throws IOException {
        scan.forEach(record -> {
            state.apply(record);
            replay.accept(record);
        });
        state.raiseLastSeq(scan.maxSeqAfterDamage());
        List<LogRecord> fix = new ArrayList<>();
        if (scan.records() == 0) {
            fix.add(new LogRecord.Header(documentId, state.lastSeq()));
        }
        if (recovery.damaged()) {
            fix.add(new LogRecord.CurrentTo(0));
        }
        if (!fix.isEmpty()) {
            channel.append(encode(fix));
            fix.forEach(state::apply);
        }
        boolean defer = deferCreation && created && recovery.clean();
        if (!recovery.clean() || (!fix.isEmpty() && !defer)) {
            channel.forceNow();
        }
        if (defer) {
            creationUnforced = true;
        } else if (created) {
            AtomicFiles.forceDirectory(file.toAbsolutePath().getParent());
        }
    }

    /** A log created with its fsyncs deferred: forces its folder once (its file is forced by the caller). */
    private void forceCreation() throws IOException {
        boolean due;
        synchronized (this) {
            due = creationUnforced;
            creationUnforced = false;
        }
        if (due) {
            AtomicFiles.forceDirectory(file.toAbsolutePath().getParent());
        }
    }

    /**
     * Appends the ops of one local edit, numbered from the next seq; tells the listeners after.
     *
     * @return every op of the edit, those the net-op rule cancelled included
     */
    List<LocalOp> appendLocal(EditBatch batch) throws IOException {
        if (batch.size() == 0) {
            return List.of();
        }
        List<LocalOp> ops = new ArrayList<>(batch.size());
        List<LocalOp> nowPending = new ArrayList<>();
        synchronized (this) {
            long micros = micros(clock.instant());
            long seq = state.lastSeq();
            List<LogRecord> records = new ArrayList<>(batch.size());
            state.reserve(batch.size(), batch.keys());
            for (int i = 0; i < batch.size(); i++) {
                int codePoint = batch.codePoint(i);
                LocalOp op = codePoint == EditBatch.DELETE
                        ? new LocalOp.Delete(++seq, micros, batch.pids.get(i))
                        : new LocalOp.Insert(++seq, micros, new Atom(batch.pids.get(i), codePoint));
                ops.add(op);
                records.add(new LogRecord.Local(op));
            }
            append(records, nowPending);
        }
        notifyListeners(nowPending);
        return ops;
    }

    /** Appends a local rename with the next seq; tells the listeners after. */
    LocalOp.Rename appendRename(String name) throws IOException {
        LocalOp.Rename rename;
        List<LocalOp> nowPending = new ArrayList<>();
        synchronized (this) {
            rename = new LocalOp.Rename(state.lastSeq() + 1, micros(clock.instant()), name);
            append(List.of(new LogRecord.Local(rename)), nowPending);
        }
        notifyListeners(nowPending);
        return rename;
    }

    /** Appends records received from the server (remote inserts, deletes, names). */
    synchronized void appendRemote(List<LogRecord> records) throws IOException {
        if (!records.isEmpty()) {
            append(records, new ArrayList<>());
        }
    }

    /** Writes the records, then folds them into the state: a failed write changes nothing. */
    private void append(List<LogRecord> records, List<LocalOp> nowPending) throws IOException {
        channel.append(encode(records));
        for (LogRecord record : records) {
            if (state.apply(record)) {
                nowPending.add(((LogRecord.Local) record).op());
            }
        }
    }

    private ByteBuffer encode(List<LogRecord> records) {
        out.clear();
        RecordCodec.writeAll(records, out);
        return out.asByteBuffer();
    }

    private void notifyListeners(List<LocalOp> nowPending) {
        List<LocalOp> view = List.copyOf(nowPending);
        for (LocalOpListener listener : listeners) {
            listener.appended(view);
        }
    }

    /** The local ops still to be acknowledged, under the net-op rule, in seq order. */
    public synchronized List<LocalOp> pending() {
        return state.pending();
    }

    /** The pending ops not yet marked sent, in seq order: what to send next. */
    public synchronized List<LocalOp> unsent() {
        return state.unsent();
    }

    public synchronized int pendingCount() {
        return state.pendingCount();
    }

    /** The seq of the last local op appended (0 if none ever was). */
    public synchronized long lastSeq() {
        return state.lastSeq();
    }

    public synchronized long sentThrough() {
        return state.sentThrough();
    }

    public synchronized long acknowledgedThrough() {
        return state.ackedThrough();
    }

    /**
     * The ops to send now ({@link #pending()} if {@code everythingPending}, else {@link #unsent()}),
     * marked sent in the same step, and the log forced before it returns: what the sync engine hands
     * to the network. One step under the log's lock, because a local delete between taking the ops
     * and marking them would still see the insert unsent and cancel it (no delete recorded) while
     * the insert leaves anyway: the server would keep an atom this device erased.
     */
    public List<LocalOp> takeToSend(boolean everythingPending) throws IOException {
        List<LocalOp> ops;
        synchronized (this) {
            ops = everythingPending ? state.pending() : state.unsent();
            if (ops.isEmpty()) {
                return ops;
            }
            long seq = ops.get(ops.size() - 1).seq();
            if (seq <= state.sentThrough()) {
                return ops;
            }
            append(List.of(new LogRecord.SentThrough(seq)), new ArrayList<>());
        }
        channel.force();
        return ops;
    }

    /**
     * The pending ops a sync takes now, as seqs: those of {@link #takeToSend} with the same rules
     * (marked sent and forced in one step), without reading them out; {@link #pendingBetween} reads
     * them one part at a time, so a big note's ops are never all held as objects (issue 12 §1).
     * Empty if there are none.
     */
    public Optional<ToSend> markToSend(boolean everythingPending) throws IOException {
        Optional<ToSend> range = markToSendUnforced(everythingPending);
        if (range.isPresent()) {
            channel.force();
        }
        return range;
    }

    /**
     * {@link #markToSend} without the fsync: the caller forces the log ({@link #force}, or
     * {@link Vault#forceLogs} for many notes side by side) before any of these ops leaves.
     */
    public Optional<ToSend> markToSendUnforced(boolean everythingPending) throws IOException {
        ToSend range;
        synchronized (this) {
            range = everythingPending ? state.pendingRange() : state.unsentRange();
            if (range.count() == 0) {
                return Optional.empty();
            }
            if (range.through() <= state.sentThrough()) {
                return Optional.of(range);
            }
            append(List.of(new LogRecord.SentThrough(range.through())), new ArrayList<>());
        }
        return Optional.of(range);
    }

    /** The pending ops with seqs in {@code (after, through]}: {@code count} of them. */
    public record ToSend(long after, long through, int count) {
    }

    /**
     * The pending ops with a seq in {@code (after, through]}, in seq order, cut before the
     * {@code limit + 1}-th insert or delete: one upload part of a {@link #markToSend} range.
     */
    public synchronized List<LocalOp> pendingBetween(long after, long through, int limit) {
        return state.between(after, through, limit);
    }

    /**
     * Records that every pending op up to {@code seq} is being handed to the network and forces the
     * log to disk: call it before sending them. From then on a delete of one of those inserts is
     * sent too. Does nothing if they were marked already.
     *
     * @throws IllegalArgumentException if {@code seq} is above {@link #lastSeq()}
     */
    public void markSent(long seq) throws IOException {
        synchronized (this) {
            checkSeq(seq);
            if (seq <= state.sentThrough()) {
                return;
            }
            append(List.of(new LogRecord.SentThrough(seq)), new ArrayList<>());
        }
        channel.force();
    }

    /**
     * Records that the server acknowledged every local op up to {@code seq} (a {@code 34} or
     * {@code 69}): they leave the pending set. Does nothing if they were acknowledged already.
     *
     * @throws IllegalArgumentException if {@code seq} is above {@link #lastSeq()}
     */
    public synchronized void acknowledge(long seq) throws IOException {
        checkSeq(seq);
        if (seq > state.ackedThrough()) {
            append(List.of(new LogRecord.AckedThrough(seq)), new ArrayList<>());
        }
    }

    /**
     * Records that the replica now holds every change the server committed up to
     * {@code syncTime}. Call it only after the remote ops of that answer were applied.
     */
    public synchronized void currentTo(long syncTime) throws IOException {
        if (syncTime != syncTime() || state.hasUncovered()) {
            append(List.of(new LogRecord.CurrentTo(syncTime)), new ArrayList<>());
        }
    }

    /**
     * The remote inserts logged since the last "current to" record: atoms this replica holds that
     * may be newer than {@link #syncTime()} (ops a session forwarded before its {@code 69}, an
     * answer cut before its {@code 34}). docs/protocol.md §4's delete rule never sends the delete of an
     * atom inserted and deleted after the time asked for, so the sync engine settles these itself:
     * one that the next answer from that time does not list as alive was deleted since.
     */
    public synchronized Set<Pid> uncovered() {
        return state.uncovered();
    }

    /** True when every atom held is covered by {@link #syncTime()}; compaction waits for it. */
    synchronized boolean isCovered() {
        return !state.hasUncovered();
    }

    /** The sync time this replica is current to: the last "current to" record, else the structure file's. */
    public synchronized long syncTime() {
        return state.syncTime(structureSyncTime);
    }

    /** The note's name: the pending local rename if there is one, else the last name from the server. */
    public synchronized Optional<String> name() {
        return state.name();
    }

    /** The last name the server gave the note, if any. */
    public synchronized Optional<String> remoteName() {
        return state.remoteName();
    }

    public void addListener(LocalOpListener listener) {
        listeners.add(listener);
    }

    public void removeListener(LocalOpListener listener) {
        listeners.remove(listener);
    }

    /** What opening the file found: bytes kept and dropped, corruption. */
    public LogRecovery recovery() {
        return recovery;
    }

    public Path file() {
        return file;
    }

    public long sizeBytes() {
        return channel.size();
    }

    /** Forces every record appended so far to disk now. */
    public void force() throws IOException {
        channel.force();
        forceCreation();
    }

    /**
     * Rewrites the structure file and restarts the log with what the structure file cannot hold:
     * the name, the marks and the pending ops with their seqs. Each step leaves files that reopen to
     * the same state (docs/record-log.md). If a step before the rename fails the old log stays in use.
     */
    synchronized void compact(StructureWriter structure) throws IOException {
        channel.forceNow();
        hook.reached(CompactionHook.Step.OLD_LOG_FORCED);
        long syncTime = syncTime();
        structure.write(syncTime);
        structureSyncTime = syncTime;
        hook.reached(CompactionHook.Step.STRUCTURE_WRITTEN);
        RecordBuffer fresh = new RecordBuffer();
        // in batches: a big note's pending ops are never one list (issue 12 §1); runs are cut only at a batch's edge
        List<LogRecord> batch = new ArrayList<>(SNAPSHOT_BATCH);
        state.snapshot(documentId, record -> {
            batch.add(record);
            if (batch.size() == SNAPSHOT_BATCH) {
                RecordCodec.writeAll(batch, fresh);
                batch.clear();
            }
        });
        RecordCodec.writeAll(batch, fresh);
        Path temp = AtomicFiles.writeTemp(file, fresh.asByteBuffer());
        try {
            hook.reached(CompactionHook.Step.FRESH_LOG_WRITTEN);
            channel.moveOver(temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            hook.reached(CompactionHook.Step.FRESH_LOG_RENAMED);
            channel.switchToMovedFile(fresh.size());
        } catch (IOException | RuntimeException e) {
            channel.fail(e);
            throw e;
        }
    }

    /** Closes the log without forcing it (see {@link #open} with {@code deferCreation}); later appends throw. */
    synchronized void closeUnforced() throws IOException {
        channel.closeUnforced();
    }

    /** Forces the log to disk and closes it; later appends throw. */
    @Override
    public synchronized void close() throws IOException {
        channel.close();
        forceCreation();
    }

    /** Replays the records the file holds now, as {@link #open} did: what is saved of the note since its structure file. */
    void replaySaved(Consumer<LogRecord> replay) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        LogScanner.scan(Arrays.copyOf(bytes, (int) Math.min(bytes.length, channel.size()))).forEach(replay);
    }

    /** Every later append fails with {@code failure}: the note must be reopened. */
    void refuseAppends(IOException failure) {
        channel.fail(failure);
    }

    /** Throws if appends would fail: closed, or failed earlier. */
    void checkWritable() throws IOException {
        channel.checkUsable();
    }

    private void checkSeq(long seq) {
        if (seq > state.lastSeq()) {
            throw new IllegalArgumentException("seq " + seq + " was never issued; the last is " + state.lastSeq());
        }
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
