package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.AtomVisitor;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.protocol.CorruptStructureException;
import dev.weft.protocol.NoteNames;
import dev.weft.protocol.StructureFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * A note's persistent replica: its {@code ID.md.structure} file loaded into a {@link SequenceDoc},
 * with its {@link RecordLog} replayed on top.
 *
 * <p>Every change goes to the document and to the log before the method returns: local edits (in
 * code points or UTF-16 units) with the ops the document made for them, remote ops from the
 * server when they change something. Once the log has grown by
 * {@link ReplicaOptions#compactAtBytes()} since it last restarted, the replica compacts: it rewrites the structure file and restarts the log with what is
 * unacknowledged. A change whose append fails (a full disk) is taken back: the document is read
 * again from the files, so it holds what is saved, and the next change tries again. If writing the log
 * fails otherwise, the document may be ahead of the files: the replica then refuses every further
 * change and must be reopened. Thread-safe (one lock per replica).
 */
public final class NoteReplica implements Closeable {
    private static final System.Logger LOG = System.getLogger(NoteReplica.class.getName());
    /**
     * Log growth below which {@link #settle} leaves the log as it is: a rewrite costs five fsyncs
     * (~30 ms a note on a busy virtual disk), and a small note's log of runs is about its text anyway.
     */
    static final long SETTLE_MIN_BYTES = 16 * 1024;

    private final UUID documentId;
    private final Path structureFile;
    private final ReplicaOptions options;
    /** Replaced only by {@link #restoreSaved}. */
    private SequenceDoc doc;
    private final RecordLog log;
    private final long compactAtBytes;
    /** Where a damaged structure file was moved when this replica opened (it started empty instead). */
    private Optional<Path> structureSetAside = Optional.empty();
    private final List<Consumer<TextChange>> textListeners = new CopyOnWriteArrayList<>();
    private long nextCompactionAt;
    /** The log's size when it last restarted; 0 at open, so that a large log found there counts as grown. */
    private long restartedAt;
    /** The structure file's size when it was read or last written. */
    private long structureBytes;
    /** The structure file is in the seed's layout: the next {@link #settle} rewrites it. */
    private boolean seedLayout;

    private NoteReplica(UUID documentId, Path structureFile, SequenceDoc doc, RecordLog log, ReplicaOptions options) {
        this.documentId = documentId;
        this.structureFile = structureFile;
        this.doc = doc;
        this.log = log;
        this.options = options;
        this.compactAtBytes = options.compactAtBytes();
        this.nextCompactionAt = compactAtBytes;
    }

    /**
     * Opens the replica of {@code documentId} in {@code paths}, creating its folder and log if they
     * do not exist (a new note starts empty, named by its first {@link #rename}). Leftover temporary
     * files of an interrupted write are deleted.
     *
     * A damaged structure file is copied aside ({@code ID.md.structure.corrupt-MILLIS}) and the
     * replica starts from the log alone, current to time 0 ({@link #structureSetAside}); the next
     * compaction replaces it.
     *
     * @throws IOException if the files cannot be read or belong to another document
     */
    public static NoteReplica open(VaultPaths paths, UUID documentId, ReplicaOptions options) throws IOException {
        return open(paths, documentId, options, CompactionHook.NONE);
    }

    static NoteReplica open(VaultPaths paths, UUID documentId, ReplicaOptions options, CompactionHook hook)
            throws IOException {
        return open(paths, documentId, options, hook, true);
    }

    /**
     * {@link #open}; without {@code sweepTemps} the stray temporary files are left to the caller,
     * which deletes those of every document at once (the vault, on open: each sweep lists the whole
     * docs folder, which for 10,000 notes would make opening them all quadratic).
     */
    static NoteReplica open(VaultPaths paths, UUID documentId, ReplicaOptions options, CompactionHook hook,
            boolean sweepTemps) throws IOException {
        return open(paths, documentId, options, hook, sweepTemps, false);
    }

    /** {@link #open}; {@code deferCreation} as for {@link RecordLog#open}. */
    static NoteReplica open(VaultPaths paths, UUID documentId, ReplicaOptions options, CompactionHook hook,
            boolean sweepTemps, boolean deferCreation) throws IOException {
        Files.createDirectories(paths.docsDir());
        Path structure = paths.structure(documentId);
        Path logFile = paths.latestOps(documentId);
        if (sweepTemps) {
            AtomicFiles.deleteStrayTemps(structure);
            AtomicFiles.deleteStrayTemps(logFile);
        }
        long[] structureTime = new long[2];
        Optional<Path> setAside = Optional.empty();
        SequenceDoc read;
        try {
            read = readStructure(structure, documentId, options, structureTime);
        } catch (CorruptStructureException e) {
            // copied, not moved: until a compaction replaces it every open finds it again
            Path aside = structure.resolveSibling(structure.getFileName() + ".corrupt-" + System.currentTimeMillis());
            Files.copy(structure, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.log(System.Logger.Level.WARNING, structure + " is damaged (" + e.getMessage() + "): copied to " + aside
                    + "; the replica starts from its record log");
            setAside = Optional.of(aside);
            read = new SequenceDoc(options.site(), options.random());
            structureTime[0] = 0;
        }
        SequenceDoc doc = read;
        RecordLog log = RecordLog.open(logFile, documentId, structureTime[0], record -> replay(doc, record), options, hook,
                deferCreation);
        NoteReplica replica = new NoteReplica(documentId, structure, doc, log, options);
        replica.structureBytes = Math.abs(structureTime[1]);
        replica.seedLayout = structureTime[1] < 0;
        if (setAside.isPresent()) {
            replica.structureSetAside = setAside;
            try {
                log.currentTo(0); // the atoms it held come back from the server
            } catch (IOException | RuntimeException e) {
                log.close();
                throw e;
            }
        }
        replica.compactIfLarge();
        replica.settle(); // a vault written before runs: its logs and structure files are rewritten here
        return replica;
    }

    /**
     * The document as the structure file holds it (empty if there is none); its time goes to
     * {@code facts[0]}, its size to {@code facts[1]} (negated for a file in the seed's layout with atoms).
     */
    private static SequenceDoc readStructure(Path structure, UUID documentId, ReplicaOptions options, long[] facts)
            throws IOException {
        if (!Files.exists(structure)) {
            return new SequenceDoc(options.site(), options.random());
        }
        byte[] bytes = Files.readAllBytes(structure);
        SequenceDoc.Builder builder = SequenceDoc.builder();
        StructureFile.Header header = StructureFile.read(bytes, builder);
        if (!header.documentId().equals(documentId)) {
            throw new IOException(structure + " holds document " + header.documentId() + ", not " + documentId);
        }
        facts[0] = header.lastModified();
        boolean seed = !StructureFile.isCurrentLayout(bytes) && bytes.length > StructureFile.HEADER_BYTES;
        facts[1] = seed ? -bytes.length : bytes.length;
        return builder.build(options.site(), options.random());
    }

    /** Applies a logged op to the document; idempotent, so an op the structure file holds already changes nothing. */
    private static void replay(SequenceDoc doc, LogRecord record) {
        if (record instanceof LogRecord.Local l) {
            if (l.op() instanceof LocalOp.Insert insert) {
                doc.merge(insert.atom().pid(), insert.atom().codePoint());
            } else if (l.op() instanceof LocalOp.Delete delete) {
                doc.mergeDelete(delete.pid());
            }
        } else if (record instanceof LogRecord.RemoteInsert r) {
            doc.merge(r.atom().pid(), r.atom().codePoint());
        } else if (record instanceof LogRecord.RemoteDelete r) {
            doc.mergeDelete(r.pid());
        }
    }

    public UUID documentId() {
        return documentId;
    }

    /** The log the sync engine sends from and marks: pending ops, sent, acknowledged, current to. */
    public RecordLog log() {
        return log;
    }

    /** What opening the log found. */
    public LogRecovery recovery() {
        return log.recovery();
    }

    /** Where the structure file was copied if it was damaged when this replica opened. */
    public Optional<Path> structureSetAside() {
        return structureSetAside;
    }

    /** The log lost more than a kill can, or the structure file was damaged: the note's file holds what they lost. */
    public boolean damaged() {
        return log.recovery().damaged() || structureSetAside.isPresent();
    }

    public synchronized String text() {
        return doc.text();
    }

    /** Visible length in code points. */
    public synchronized int length() {
        return doc.length();
    }

    /** Visible length in UTF-16 units. */
    public synchronized int utf16Length() {
        return doc.utf16Length();
    }

    /** Number of atoms, tombstones included. */
    public synchronized int atomCount() {
        return doc.atomCount();
    }

    /** The note's name: a pending local rename, else the server's, if either is known. */
    public Optional<String> name() {
        return log.name();
    }

    public synchronized boolean contains(Pid pid) {
        return doc.contains(pid);
    }

    /** The visible code point index of an alive atom, or -1. */
    public synchronized int indexOf(Pid pid) {
        return doc.indexOf(pid);
    }

    public synchronized Pid pidAt(int index) {
        return doc.pidAt(index);
    }

    /** Lists every atom, alive and tombstones, in pid order, under the replica's lock. */
    public synchronized void forEachAtom(AtomVisitor visitor) {
        doc.forEachAtom(visitor);
    }

    /** An independent in-memory copy of the document, edited as {@code site}. */
    public synchronized SequenceDoc copyDocument(int site, RandomGenerator random) {
        return doc.copy(site, random);
    }

    /** Makes new pids for {@code site} from now on (the device was just paired). */
    public synchronized void setSite(int site) {
        doc.setSite(site);
    }

    /**
     * Hears every change to the text, local or remote, with where it happened (an editor keeps its
     * view in step with this). Called on the changing thread under the replica's lock, after the
     * change is logged: keep it short, never block, never call back into the replica from another
     * thread.
     */
    public void addTextListener(Consumer<TextChange> listener) {
        textListeners.add(listener);
    }

    public void removeTextListener(Consumer<TextChange> listener) {
        textListeners.remove(listener);
    }

    /** The pid of the character just before UTF-16 {@code offset}, or {@code null} at the start. */
    public synchronized Pid pidBeforeUtf16(int offset) {
        return offset == 0 ? null : doc.pidAt(doc.cpIndexOfUtf16(offset) - 1);
    }

    /** The UTF-16 offset of {@code pid}'s character, or -1 if it is not in the text (deleted or unknown). */
    public synchronized int utf16Of(Pid pid) {
        int index = doc.indexOf(pid);
        return index < 0 ? -1 : doc.utf16OfCpIndex(index);
    }

    /**
     * The UTF-16 offset just after {@code pid}'s place: after its character if alive, else where it
     * stood (a collaborator's caret, the place to restore deleted text).
     */
    public synchronized int utf16After(Pid pid) {
        return doc.utf16After(pid);
    }

    /**
     * Inserts {@code text} before code point {@code index}; returns once its ops are in the log.
     *
     * @return the ops of the edit, in seq order
     */
    public synchronized List<LocalOp> insert(int index, CharSequence text) throws IOException {
        int offset = doc.utf16OfCpIndex(index);
        List<LocalOp> ops = edit(batch -> doc.insert(index, text, batch));
        announce(TextChange.insertion(offset, text));
        return ops;
    }

    /**
     * Deletes {@code count} code points from {@code index}; returns once its ops are in the log.
     *
     * @return the ops of the edit, in seq order, those that cancelled an unsent insert included
     */
    public synchronized List<LocalOp> delete(int index, int count) throws IOException {
        int offset = doc.utf16OfCpIndex(index);
        int removed = doc.utf16OfCpIndex(index + count) - offset;
        List<LocalOp> ops = edit(batch -> doc.delete(index, count, batch));
        announce(TextChange.removal(offset, removed));
        return ops;
    }

    /** {@link #insert} at a UTF-16 offset, as Swing counts. */
    public synchronized List<LocalOp> insertUtf16(int offset, CharSequence text) throws IOException {
        List<LocalOp> ops = edit(batch -> doc.insertUtf16(offset, text, batch));
        announce(TextChange.insertion(offset, text));
        return ops;
    }

    /** Applies one local edit to the document and appends its ops to the log before returning. */
    private List<LocalOp> edit(Consumer<EditBatch> change) throws IOException {
        log.checkWritable();
        EditBatch batch = new EditBatch();
        change.accept(batch);
        return appendLocal(batch);
    }

    /**
     * Logs local deletes of atoms already deleted here, so that they are sent again (a copied vault
     * sends the deletes its original had pending, under its own site: {@link CopyResite}).
     */
    synchronized List<LocalOp> redelete(Collection<Pid> pids) throws IOException {
        return edit(batch -> pids.forEach(batch::deleted));
    }

    /**
     * After an append failed (nothing of it is in the log, {@link RecordLog}), the document is
     * ahead of the files by that edit: it is read back from them. If that fails too, the log
     * refuses every further change, as the document may stay ahead.
     */
    private void restoreSaved(IOException failure) {
        try {
            SequenceDoc saved = readStructure(structureFile, documentId, options, new long[2]);
            log.replaySaved(record -> replay(saved, record));
            doc = saved;
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            log.refuseAppends(failure);
        }
    }

    /** {@link #delete} of a UTF-16 range, which must not split a surrogate pair. */
    public synchronized List<LocalOp> deleteUtf16(int offset, int length) throws IOException {
        List<LocalOp> ops = edit(batch -> doc.deleteUtf16(offset, length, batch));
        announce(TextChange.removal(offset, length));
        return ops;
    }

    /**
     * Names the note here (a new note, or a rename): pending until acknowledged, replacing any
     * earlier pending rename.
     *
     * @throws IllegalArgumentException if the name breaks the rules of {@link NoteNames}
     */
    public synchronized LocalOp.Rename rename(String name) throws IOException {
        NoteNames.requireValid(name);
        return log.appendRename(name);
    }

    /**
     * Applies an insert from the server and logs it if it changed the replica.
     *
     * @return the UTF-16 offset where the character appeared, or -1 if the text did not change
     */
    public synchronized int applyRemoteInsert(Atom atom) throws IOException {
        log.checkWritable();
        int at = doc.applyInsert(atom.pid(), atom.codePoint());
        if (at >= 0) {
            appendRemote(List.of(new LogRecord.RemoteInsert(atom)));
            announce(TextChange.insertion(at, Character.toString(atom.codePoint())));
        }
        return at;
    }

    /**
     * Applies a delete from the server and logs it if it changed the replica (an unknown pid
     * becomes a tombstone, which is a change).
     *
     * @return the UTF-16 offset of the character that disappeared, or -1 if the text did not change
     */
    public synchronized int applyRemoteDelete(Pid pid) throws IOException {
        log.checkWritable();
        boolean known = doc.contains(pid);
        int lengthBefore = doc.utf16Length();
        int at = doc.applyDelete(pid);
        if (at >= 0 || !known) {
            appendRemote(List.of(new LogRecord.RemoteDelete(pid)));
        }
        if (at >= 0) {
            announce(TextChange.removal(at, lengthBefore - doc.utf16Length()));
        }
        return at;
    }

    /**
     * Applies a batch from the server (a {@code 33} answer) with the cheaper merge, logging in one
     * write the ops that changed something. Call {@code log().currentTo(T)} after the last batch
     * of an answer.
     */
    public synchronized void applyRemote(Collection<Atom> inserts, Collection<Pid> deletes) throws IOException {
        log.checkWritable();
        // where each op lands costs a walk up the tree: worked out only for a note an editor shows
        boolean shown = !textListeners.isEmpty();
        List<LogRecord> changed = new ArrayList<>(inserts.size() + deletes.size());
        List<TextChange> changes = new ArrayList<>();
        for (Atom atom : inserts) {
            int at = shown ? doc.applyInsert(atom.pid(), atom.codePoint())
                    : doc.merge(atom.pid(), atom.codePoint()) ? 0 : -1;
            if (at >= 0) {
                changed.add(new LogRecord.RemoteInsert(atom));
                if (shown) {
                    changes.add(TextChange.insertion(at, Character.toString(atom.codePoint())));
                }
            }
        }
        for (Pid pid : deletes) {
            boolean known = doc.contains(pid);
            int lengthBefore = doc.utf16Length();
            int at = shown ? doc.applyDelete(pid) : doc.mergeDelete(pid) ? 0 : -1;
            if (at >= 0 || !known) {
                changed.add(new LogRecord.RemoteDelete(pid));
            }
            if (at >= 0 && shown) {
                changes.add(TextChange.removal(at, lengthBefore - doc.utf16Length()));
            }
        }
        appendRemote(changed);
        changes.forEach(this::announce);
    }

    private void announce(TextChange change) {
        if (change.removedLength() == 0 && change.inserted().isEmpty()) {
            return;
        }
        for (Consumer<TextChange> listener : textListeners) {
            listener.accept(change);
        }
    }

    /** Records the name the server gave the note ({@code 33} or {@code 67}), if it is new. */
    public synchronized void applyRemoteName(String name) throws IOException {
        NoteNames.requireValid(name);
        // also when it repeats the last remote name while this device's own rename differs: the
        // server named the note again after that rename (a rename is a last-writer-wins value)
        if (!log.remoteName().equals(Optional.of(name)) || !log.name().equals(Optional.of(name))) {
            appendRemote(List.of(new LogRecord.RemoteName(name)));
        }
    }

    /**
     * Rewrites the structure file (current to the log's sync time) and restarts the log with what is
     * unacknowledged. Runs by itself once the log passes the threshold. Does nothing while the log
     * holds uncovered remote inserts ({@link RecordLog#uncovered()}): the structure file could not
     * tell them apart; the next "current to" clears them.
     */
    public synchronized void compact() throws IOException {
        if (!log.isCovered()) {
            return;
        }
        log.compact(syncTime -> StructureFile.writeAtomically(structureFile, documentId, syncTime, doc));
        restartedAt = log.sizeBytes();
        structureBytes = Files.size(structureFile);
        seedLayout = false;
        scheduleNextCompaction();
    }

    /**
     * Compacts once the log holds only what the structure file can: nothing pending, every atom
     * covered, and the log grown since it restarted by half the structure file (at least
     * {@link #SETTLE_MIN_BYTES}); or, every atom covered, the structure file still in the seed's
     * layout (the pending ops stay in the log, as runs). Called after an
     * acknowledgement and a "current to" (and at open): what this device sent and the server
     * acknowledged, and what it pulled, then live in the structure file alone, as runs, and the log
     * holds this device's pending ops only. The growth rule keeps rewrites amortized O(1) per
     * logged byte. A failure is logged: the log goes on and the next call tries again.
     */
    public synchronized void settle() {
        if (!log.isCovered()) {
            return;
        }
        long grown = log.sizeBytes() - restartedAt;
        if (!seedLayout && (log.pendingCount() > 0 || grown < Math.max(SETTLE_MIN_BYTES, structureBytes / 2))) {
            return;
        }
        try {
            compact();
        } catch (IOException e) {
            restartedAt = log.sizeBytes();
            LOG.log(System.Logger.Level.WARNING, "compaction of " + documentId + " failed; the log goes on", e);
        }
    }

    /** Writes what the document holds now to {@code file}, in the structure file's format, atomically. */
    synchronized void saveCopy(Path file) throws IOException {
        StructureFile.writeAtomically(file, documentId, log.syncTime(), doc);
    }

    /** Closes the log unforced: the caller forces it ({@link #open} with {@code deferCreation}). */
    synchronized void closeUnforced() throws IOException {
        log.closeUnforced();
    }

    /** Forces the log to disk and closes it. */
    @Override
    public synchronized void close() throws IOException {
        log.close();
    }

    private List<LocalOp> appendLocal(EditBatch batch) throws IOException {
        List<LocalOp> nowPending;
        try {
            nowPending = log.appendLocal(batch);
        } catch (IOException e) {
            restoreSaved(e);
            throw e;
        }
        compactIfLarge();
        return nowPending;
    }

    /** Remote ops whose append fails are taken back too: logged only if they change the replica, they must not stay in it unlogged. */
    private void appendRemote(List<LogRecord> records) throws IOException {
        try {
            log.appendRemote(records);
        } catch (IOException e) {
            restoreSaved(e);
            throw e;
        }
        compactIfLarge();
    }

    /**
     * The next compaction comes once the log has grown by the threshold, or by its own size if that
     * is more: a log that restarts large (many ops pending offline) is not rewritten on every append,
     * and a big file taken in slice by slice is rewritten a few times in all, not once per slice.
     */
    private void scheduleNextCompaction() {
        long size = log.sizeBytes();
        long growth = Math.max(compactAtBytes, size);
        nextCompactionAt = size > Long.MAX_VALUE - growth ? Long.MAX_VALUE : size + growth;
    }

    /** Compacts past the threshold; a failure is logged and retried after the log grew by another threshold. */
    private void compactIfLarge() {
        if (log.sizeBytes() < nextCompactionAt) {
            return;
        }
        try {
            compact();
        } catch (IOException e) {
            scheduleNextCompaction();
            LOG.log(System.Logger.Level.WARNING, "compaction of " + documentId + " failed; the log goes on", e);
        }
    }
}
