package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.CorruptStructureException;
import dev.weft.vault.VaultListener.Origin;
import dev.weft.vault.text.DebouncedWriter;
import dev.weft.vault.text.MarkdownFiles;
import dev.weft.vault.text.NotUtf8Exception;
import dev.weft.vault.text.NotePaths;
import dev.weft.vault.text.TextDiff;
import dev.weft.vault.text.ThreeWayMerge;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A vault: a folder of {@code .md} notes plus {@code .weft/} (PROTOCOL.md §6, docs/vault.md).
 *
 * <p>The list of notes comes from {@code .weft/index}, so opening a vault of 10,000 notes loads no
 * structure file; replicas open lazily. Opening also brings in what changed while Weft was closed
 * (new {@code .md} files become notes, edited ones are merged as local ops, deleted ones go to the
 * trash, a file renamed is a rename), and {@link #startWatching} does the same while it runs.
 * Every change of a note's text is written to its {@code .md}, debounced and atomically; a rename
 * moves the file, never over another note's file.
 *
 * <p>Thread-safe. Changes of the list run one at a time (the operation lock); replicas handed out by
 * {@link #replica} are edited under their own lock; listeners are called on an event thread.
 * Remote ops and renames must come through this class (not through the replica), so that the file
 * follows.
 */
public final class Vault implements Closeable {
    private static final System.Logger LOG = System.getLogger(Vault.class.getName());

    private final VaultPaths paths;
    private final NotePaths notePaths;
    private final VaultOptions options;
    /** One change of the notes at a time: reconciling, applying remote ops, renames, trash; opening replicas. */
    private final ReentrantLock ops = new ReentrantLock();
    /** Guards the maps and every {@link NoteState}; never held while calling a replica or doing file IO. */
    private final Object state = new Object();
    private final Map<UUID, NoteState> notes = new HashMap<>();
    private final Map<UUID, NoteReplica> open = new HashMap<>();
    private final Map<Path, NoteState> byFile = new HashMap<>();
    private DeviceState device;
    private boolean indexScheduled;
    private final ReentrantLock indexIo = new ReentrantLock();
    /** What a note's file held before its replica moved on (the merge base after a crash). */
    private final IdFolder baseCopies;
    /** Files stepping aside while renames wait on each other. */
    private final IdFolder movingAside;
    private final ScheduledExecutorService io;
    private final VaultEvents events = new VaultEvents();
    private final DebouncedWriter writer;
    /** Set while the vault edits a replica itself (merging, importing): no LOCAL event for those. */
    private final ThreadLocal<Boolean> ownEdit = ThreadLocal.withInitial(() -> false);
    private final AtomicInteger replicaOpens = new AtomicInteger();
    private FolderWatcher watcher;
    private volatile boolean closed;

    private Vault(VaultPaths paths, VaultOptions options, DeviceState device) {
        this.paths = paths;
        this.notePaths = new NotePaths(paths.vault());
        this.options = options;
        this.device = device;
        this.baseCopies = new IdFolder(paths.weftDir().resolve("base"));
        this.movingAside = new IdFolder(paths.weftDir().resolve("moving"));
        this.io = Executors.newSingleThreadScheduledExecutor(daemon("weft-vault-io"));
        this.writer = new DebouncedWriter(DebouncedWriter.Scheduler.of(io), options.writeQuiet(),
                options.writeMaxDelay(), this::writeFailed, this::written);
    }

    /**
     * Opens the vault in {@code folder}, creating {@code .weft/} if needed; with
     * {@link VaultOptions#reconcileOnOpen} brings in what changed on disk while Weft was closed.
     * Writes nothing outside {@code .weft/} unless a note must be written (its text moved on).
     */
    public static Vault open(Path folder, VaultOptions options) throws IOException {
        VaultPaths paths = new VaultPaths(folder);
        Files.createDirectories(paths.docsDir());
        boolean fresh = !Files.exists(paths.deviceState());
        DeviceState device = DeviceStateFile.read(paths.deviceState());
        if (fresh) {
            DeviceStateFile.write(paths.deviceState(), device);
        }
        Vault vault = new Vault(paths, options, device);
        try {
            vault.load();
            if (options.reconcileOnOpen()) {
                vault.ops.lock();
                try {
                    vault.reconcile(null, true);
                    vault.settle();
                } finally {
                    vault.ops.unlock();
                }
            }
            vault.writeIndex();
            vault.events.opened();
        } catch (IOException | RuntimeException e) {
            vault.abandon();
            throw e;
        }
        return vault;
    }

    public Path folder() {
        return paths.vault();
    }

    public DeviceState device() {
        synchronized (state) {
            return device;
        }
    }

    /** Writes the device state atomically; a new site goes to every open replica and every one opened later. */
    public void updateDevice(DeviceState newState) throws IOException {
        ops.lock();
        try {
            DeviceStateFile.write(paths.deviceState(), newState);
            List<NoteReplica> replicas;
            boolean siteChanged;
            synchronized (state) {
                siteChanged = device.site() != newState.site();
                device = newState;
                replicas = new ArrayList<>(open.values());
            }
            if (siteChanged) {
                replicas.forEach(r -> r.setSite(newState.site()));
            }
        } finally {
            ops.unlock();
        }
    }

    /** Every note, trashed ones included, sorted by name (from the index: no structure is loaded). */
    public List<NoteInfo> notes() {
        synchronized (state) {
            return notes.values().stream().map(NoteState::info)
                    .sorted(Comparator.comparing(NoteInfo::name).thenComparing(NoteInfo::id)).toList();
        }
    }

    public Optional<NoteInfo> note(UUID id) {
        synchronized (state) {
            return Optional.ofNullable(notes.get(id)).map(NoteState::info);
        }
    }

    /** Creates a note here: {@code name}, made unique ({@code NAME (2)}), holding {@code text}; writes {@code NAME.md}. */
    public NoteInfo create(String name, String text) throws IOException {
        NotePaths.validate(name).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid note name " + name + ": " + problem);
        });
        ops.lock();
        NoteState n;
        try {
            n = new NoteState(newId());
            n.name = uniqueName(name, null);
            synchronized (state) {
                notes.put(n.id, n);
            }
            withReplica(n, r -> {
                ownEdits(() -> {
                    r.rename(n.name);
                    r.insertUtf16(0, text);
                });
                placeFile(n, r);
            });
        } finally {
            ops.unlock();
        }
        scheduleIndex();
        events.fire(VaultListener::notesChanged);
        events.fire(l -> l.pendingWork(n.id));
        return n.info();
    }

    /** Renames a note here (made unique among the notes not in the trash) and moves its file. */
    public void rename(UUID id, String newName) throws IOException {
        NotePaths.validate(newName).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid note name " + newName + ": " + problem);
        });
        ops.lock();
        try {
            NoteState n = require(id);
            String name = uniqueName(newName, n);
            if (name.equals(n.name)) {
                return;
            }
            withReplica(n, r -> {
                ownEdits(() -> r.rename(name));
                synchronized (state) {
                    n.name = name;
                    n.hasPending = true;
                }
                placeFile(n, r);
            });
        } finally {
            ops.unlock();
        }
        scheduleIndex();
        events.fire(VaultListener::notesChanged);
        events.fire(l -> l.pendingWork(id));
    }

    /** Moves a note to the trash here: its {@code .md} goes, its text stays; durable before this returns. */
    public void trash(UUID id) throws IOException {
        ops.lock();
        try {
            NoteState n = require(id);
            if (n.trashed) {
                return;
            }
            removeFile(n);
            synchronized (state) {
                n.trashed = true;
                n.pendingTrash = Boolean.TRUE;
            }
            settle();
            writeIndex();
        } finally {
            ops.unlock();
        }
        events.fire(VaultListener::notesChanged);
        events.fire(l -> l.pendingWork(id));
    }

    /** Brings a note back from the trash here (renamed if its name is taken) and writes its {@code .md}; durable. */
    public void restore(UUID id) throws IOException {
        ops.lock();
        try {
            NoteState n = require(id);
            if (!n.trashed) {
                return;
            }
            String name = uniqueName(n.name, n);
            withReplica(n, r -> {
                if (!name.equals(n.name)) {
                    ownEdits(() -> r.rename(name));
                }
                synchronized (state) {
                    n.name = name;
                    n.trashed = false;
                    n.pendingTrash = Boolean.FALSE;
                }
                placeFile(n, r);
            });
            writeIndex();
        } finally {
            ops.unlock();
        }
        events.fire(VaultListener::notesChanged);
        events.fire(l -> l.pendingWork(id));
    }

    /**
     * The replica of note {@code id}, opened on first use and kept open until {@link #close}; edit
     * through it (local edits reach the {@code .md} file and the listeners).
     *
     * @throws java.util.NoSuchElementException if there is no such note
     * @throws CorruptStructureException if its structure file is damaged (reported as a problem too)
     */
    public NoteReplica replica(UUID id) throws IOException {
        ops.lock();
        try {
            NoteState n = require(id);
            synchronized (state) {
                NoteReplica cached = open.get(id);
                if (cached != null) {
                    return cached;
                }
            }
            NoteReplica r = openReplica(n);
            String base = n.baseSaved ? baseCopies.read(n.id) : null;
            synchronized (state) {
                n.baseText = base != null ? base : n.fileWritten ? r.text() : null;
                open.put(id, r);
            }
            return r;
        } finally {
            ops.unlock();
        }
    }

    /**
     * Applies a server answer ({@code 33}) or forwarded session ops: creates the note if it is new
     * here, takes its name ({@code null}: unchanged) and ops, and moves or writes its {@code .md}.
     */
    public void applyRemote(UUID id, String name, Collection<Atom> inserts, Collection<Pid> deletes)
            throws IOException {
        boolean listChanged;
        boolean textChanged;
        ops.lock();
        try {
            NoteState n;
            synchronized (state) {
                n = notes.get(id);
                listChanged = n == null;
                if (n == null) {
                    n = new NoteState(id);
                    n.name = name != null ? name : id.toString();
                    notes.put(id, n);
                }
            }
            NoteState note = n;
            boolean[] changed = new boolean[2];
            withReplica(note, r -> {
                // a replica open for this call only costs O(text) anyway; an open one is compared by counts
                boolean cached = isCached(note);
                String before = cached ? null : r.text();
                int length = r.utf16Length();
                int atoms = r.atomCount();
                if (name != null) {
                    r.applyRemoteName(name);
                }
                r.applyRemote(inserts, deletes);
                String newName = r.name().orElse(note.name);
                changed[0] = !newName.equals(note.name);
                changed[1] = r.utf16Length() != length || r.atomCount() != atoms;
                if (changed[1]) {
                    String fileText;
                    synchronized (state) {
                        fileText = cached ? note.baseText : before;
                    }
                    saveBase(note, fileText);
                }
                synchronized (state) {
                    note.name = newName;
                    if (changed[1]) {
                        note.version++;
                    }
                }
                placeFile(note, r);
                if (changed[1]) {
                    scheduleWrite(note, r);
                }
            });
            listChanged |= changed[0];
            textChanged = changed[1];
        } finally {
            ops.unlock();
        }
        scheduleIndex();
        if (listChanged) {
            events.fire(VaultListener::notesChanged);
        }
        if (textChanged) {
            events.fire(l -> l.textChanged(id, Origin.REMOTE));
        }
    }

    /** The server's trash flag ({@code 34} bit 0): moves the note to or from the trash here, not as a pending change. */
    public void applyRemoteTrashed(UUID id, boolean trashed) throws IOException {
        ops.lock();
        try {
            NoteState n;
            synchronized (state) {
                n = notes.get(id);
                if (n == null || n.trashed == trashed || (n.pendingTrash != null && n.pendingTrash != trashed)) {
                    return; // unknown, no change, or our own newer request is on its way
                }
            }
            if (trashed) {
                removeFile(n);
                synchronized (state) {
                    n.trashed = true;
                }
                settle();
            } else {
                withReplica(n, r -> {
                    synchronized (state) {
                        n.trashed = false;
                    }
                    placeFile(n, r);
                });
            }
            writeIndex();
        } finally {
            ops.unlock();
        }
        events.fire(VaultListener::notesChanged);
    }

    /** The time note {@code id} is current to; 0 if unknown. Never ahead of what its log holds. */
    public long syncTime(UUID id) {
        NoteReplica r;
        synchronized (state) {
            NoteState n = notes.get(id);
            if (n == null) {
                return 0;
            }
            r = open.get(id);
            if (r == null) {
                return n.syncTime;
            }
        }
        return r.log().syncTime();
    }

    /** Records that note {@code id} holds every change up to {@code syncTime} (its log, then the index). */
    public void currentTo(UUID id, long syncTime) throws IOException {
        ops.lock();
        try {
            NoteState n = require(id);
            withReplica(n, r -> {
                r.log().currentTo(syncTime);
                synchronized (state) {
                    n.syncTime = syncTime;
                }
            });
        } finally {
            ops.unlock();
        }
        scheduleIndex();
    }

    /** The notes whose logs may hold unacknowledged ops, without opening them. */
    public List<UUID> withPendingOps() {
        List<UUID> result = new ArrayList<>();
        Map<UUID, NoteReplica> replicas;
        synchronized (state) {
            replicas = new HashMap<>(open);
            for (NoteState n : notes.values()) {
                if (n.hasPending && !replicas.containsKey(n.id)) {
                    result.add(n.id);
                }
            }
        }
        replicas.forEach((id, r) -> {
            if (r.log().pendingCount() > 0) {
                result.add(id);
            }
        });
        result.sort(null);
        return result;
    }

    /** The trash and restore requests made here that the server has not acknowledged. */
    public List<TrashChange> pendingTrashChanges() {
        synchronized (state) {
            return notes.values().stream().filter(n -> n.pendingTrash != null)
                    .map(n -> new TrashChange(n.id, n.pendingTrash)).sorted(Comparator.comparing(TrashChange::id))
                    .toList();
        }
    }

    /** The server's {@code 34} for a trash or restore request: the pending change is done if it still is this one. */
    public void trashAcknowledged(UUID id, boolean trashed) throws IOException {
        synchronized (state) {
            NoteState n = notes.get(id);
            if (n == null || !Objects.equals(n.pendingTrash, trashed)) {
                return;
            }
            n.pendingTrash = null;
        }
        scheduleIndex();
    }

    /** Adds a listener; it hears at once of the problems found while opening (a damaged index, files left out). */
    public void addListener(VaultListener listener) {
        events.add(listener);
    }

    public void removeListener(VaultListener listener) {
        events.remove(listener);
    }

    /** Watches the folder for other programs' edits; what changed since opening is brought in first. */
    public void startWatching() throws IOException {
        ops.lock();
        try {
            if (watcher != null || closed) {
                return;
            }
            watcher = new FolderWatcher(paths.vault(), options.watchSettle(), this::filesChanged);
            watcher.start();
            reconcile(null, false);
        } finally {
            ops.unlock();
        }
    }

    /** Writes every pending {@code .md} and the index now. */
    public void flush() throws IOException {
        writer.flush();
        writeIndex();
    }

    /** Stops watching, writes every pending {@code .md} and the index, closes every replica. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
        writer.close();
        IOException failure = null;
        try {
            writeIndex();
        } catch (IOException e) {
            failure = e;
        }
        ops.lock();
        try {
            List<NoteReplica> replicas;
            synchronized (state) {
                replicas = new ArrayList<>(open.values());
                open.clear();
            }
            for (NoteReplica r : replicas) {
                try {
                    r.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
        } finally {
            ops.unlock();
        }
        io.shutdownNow(); // a delayed index write is done already: close() wrote it
        events.close(false);
        try {
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ---- package-private hooks for tests

    /** How many replicas this vault opened. */
    int replicaOpens() {
        return replicaOpens.get();
    }

    /** Stops every thread without writing anything: what a kill leaves (logs stay as appended). */
    void abandon() {
        closed = true;
        io.shutdownNow();
        events.close(true);
        try {
            if (watcher != null) {
                watcher.close();
            }
            synchronized (state) {
                for (NoteReplica r : open.values()) {
                    r.close();
                }
                open.clear();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "abandoning " + paths.vault(), e);
        }
    }

    // ---- loading

    /** Fills the notes from the index, checked against the logs; rebuilt from the logs if it is damaged. */
    private void load() throws IOException {
        sweepTemps(paths.docsDir());
        Set<UUID> ids = paths.documentIds();
        Map<UUID, IndexFile.Entry> entries = new HashMap<>();
        Path indexFile = indexFile();
        try {
            for (IndexFile.Entry e : IndexFile.read(indexFile)) {
                entries.put(e.id(), e);
            }
        } catch (NoSuchFileException e) {
            if (!ids.isEmpty()) {
                events.problem("The vault index was missing; rebuilt it from the notes' record logs.");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "vault index unreadable", e);
            events.problem("The vault index was damaged (" + e.getMessage() + "); rebuilt it from the notes' record logs.");
        }
        Set<UUID> withBase = baseCopies.ids();
        Set<UUID> moving = movingAside.ids();
        for (UUID id : ids) {
            IndexFile.Entry e = entries.get(id);
            NoteState n;
            if (e != null) {
                n = NoteState.of(e);
                if (logSize(id) != e.logSize()) {
                    summarize(n); // the log moved on after the index was written
                }
                n.file = e.fileName() == null ? null : notePaths.pathOf(e.fileName());
                n.deferred = n.file != null && !e.fileName().equals(e.name()); // a move was waiting
            } else {
                n = new NoteState(id);
                summarize(n);
                if (n.name == null) {
                    events.problem("Note " + id + " has no name in its record log; left out.");
                    continue;
                }
                n.file = notePaths.pathOf(n.name);
                n.fileWritten = true; // a file that is gone now was deleted: to the trash
            }
            n.baseSaved = withBase.contains(id);
            if (moving.contains(id)) {
                n.file = movingAside.path(id);
                n.deferred = true;
            }
            notes.put(id, n);
            if (n.file != null) {
                byFile.put(n.file, n);
            }
        }
    }

    private void summarize(NoteState n) throws IOException {
        LogSummary s = LogSummary.read(paths, n.id);
        if (s.name().isPresent()) {
            n.name = s.name().get();
        }
        n.hasPending = s.hasPending();
        n.syncTime = s.syncTime();
        n.logSize = s.logSize();
    }

    private long logSize(UUID id) throws IOException {
        try {
            return Files.size(paths.latestOps(id));
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** Deletes the temporary files a crash left in {@code dir} (one listing for every document). */
    private static void sweepTemps(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    // ---- the folder: what other programs did

    private void filesChanged(FolderWatcher.Batch batch) {
        if (closed) {
            return;
        }
        ops.lock();
        try {
            reconcile(batch.rescan() ? null : batch.paths(), false);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "handling file changes in " + paths.vault(), e);
            events.problem("Could not take in changed files: " + e.getMessage());
        } finally {
            ops.unlock();
        }
    }

    /**
     * Brings in what other programs did to the {@code .md} files: all of them ({@code touched} null)
     * or those paths. Edited files are merged, vanished ones trashed, new ones imported; a vanished
     * note whose text turns up in a new file was renamed. Runs under the operation lock.
     */
    private void reconcile(Set<Path> touched, boolean opening) throws IOException {
        Set<Path> present = new HashSet<>();
        List<NoteState> candidates = new ArrayList<>();
        if (touched == null) {
            NotePaths.Scan scan = notePaths.scan();
            if (opening) {
                scan.rejected().forEach(r -> events.problem("Not a note: " + paths.vault().relativize(r.file()) + " ("
                        + r.reason() + ")"));
                for (Path leftover : scan.leftovers()) {
                    Files.deleteIfExists(leftover);
                }
            }
            scan.names().forEach(name -> present.add(notePaths.pathOf(name)));
            synchronized (state) {
                notes.values().stream().filter(n -> !n.trashed && n.file != null && !n.deferred)
                        .forEach(candidates::add);
            }
        } else {
            for (Path p : touched) {
                if (notePaths.validatePath(p).isEmpty() && Files.isRegularFile(p)) {
                    present.add(p);
                }
            }
            synchronized (state) {
                for (Path p : touched) {
                    NoteState n = byFile.get(p);
                    if (n != null && !n.trashed) {
                        candidates.add(n);
                    }
                }
            }
        }
        candidates.sort(Comparator.comparing(n -> n.id));
        List<NoteState> missing = new ArrayList<>();
        for (NoteState n : candidates) {
            if (present.contains(n.file)) {
                checkFile(n, touched == null);
            } else if (n.fileWritten && !Files.exists(n.file)) {
                missing.add(n);
            }
        }
        TreeMap<Path, String> added = new TreeMap<>();
        for (Path p : present) {
            boolean known;
            synchronized (state) {
                known = byFile.containsKey(p);
            }
            if (!known) {
                readText(p).ifPresent(text -> added.put(p, text));
            }
        }
        renamedByOthers(missing, added);
        for (NoteState n : missing) {
            trashedByOthers(n);
        }
        for (Map.Entry<Path, String> e : added.entrySet()) {
            importFile(e.getKey(), e.getValue());
        }
    }

    /** Merges the file of note {@code n} if another program changed it; {@code useStamp}: trust an unchanged size and time. */
    private void checkFile(NoteState n, boolean useStamp) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(n.file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return;
        }
        synchronized (state) {
            if (useStamp && attrs.size() == n.fileSize && attrs.lastModifiedTime().toMillis() == n.fileMtime
                    && !n.baseSaved) {
                return;
            }
        }
        Optional<String> read = readText(n.file);
        if (read.isEmpty()) {
            return;
        }
        String text = read.get();
        String hash = DebouncedWriter.hashOf(text);
        boolean own;
        synchronized (state) {
            own = hash.equals(n.baseHash) || text.equals(n.writingText);
            if (own) {
                n.fileWritten = true;
                n.fileSize = attrs.size();
                n.fileMtime = attrs.lastModifiedTime().toMillis();
            }
        }
        if (own) {
            if (n.baseSaved) {
                withReplica(n, r -> scheduleWrite(n, r)); // a crash came between an edit and its write
            }
            return;
        }
        mergeExternal(n, text);
    }

    /** Merges {@code theirs}, the text another program left in the note's file, as local ops. */
    private void mergeExternal(NoteState n, String theirs) throws IOException {
        boolean[] merged = new boolean[1];
        withReplica(n, r -> {
            String ours = r.text();
            String base = baseOf(n, ours);
            List<TextDiff.Edit> edits = ThreeWayMerge.edits(base, ours, theirs);
            ownEdits(() -> {
                for (TextDiff.Edit e : edits) {
                    if (e.deleteLength() > 0) {
                        r.deleteUtf16(e.offset(), e.deleteLength());
                    }
                    if (!e.insert().isEmpty()) {
                        r.insertUtf16(e.offset(), e.insert());
                    }
                }
            });
            String now = r.text();
            fileRead(n, theirs, isCached(n));
            merged[0] = !edits.isEmpty();
            synchronized (state) {
                n.version++;
                n.hasPending |= merged[0];
            }
            if (!now.equals(theirs)) {
                saveBase(n, theirs);
                scheduleWrite(n, r);
            } else {
                dropBase(n);
            }
        });
        scheduleIndex();
        if (merged[0]) {
            events.fire(l -> l.textChanged(n.id, Origin.EXTERNAL));
            events.fire(l -> l.pendingWork(n.id));
        }
    }

    /** The note's file held {@code text} just now (read, or found renamed). */
    private void fileRead(NoteState n, String text, boolean replicaOpen) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(n.file, BasicFileAttributes.class);
        synchronized (state) {
            n.fileWritten = true;
            n.baseHash = DebouncedWriter.hashOf(text);
            n.baseText = replicaOpen ? text : null;
            n.fileSize = attrs.size();
            n.fileMtime = attrs.lastModifiedTime().toMillis();
        }
    }

    /** What the note's file held when Weft last wrote or read it. */
    private String baseOf(NoteState n, String replicaText) throws IOException {
        String base;
        synchronized (state) {
            base = n.baseText;
        }
        if (base != null) {
            return base;
        }
        if (n.baseSaved) {
            String saved = baseCopies.read(n.id);
            if (saved != null) {
                return saved;
            }
        }
        return replicaText; // the replica had not moved on since the last write
    }

    /** Pairs vanished notes with new files holding their text: renames by another program. */
    private void renamedByOthers(List<NoteState> missing, TreeMap<Path, String> added) throws IOException {
        for (var it = missing.iterator(); it.hasNext();) {
            NoteState n = it.next();
            Path match = null;
            for (Map.Entry<Path, String> e : added.entrySet()) {
                if (DebouncedWriter.hashOf(e.getValue()).equals(n.baseHash)) {
                    match = e.getKey();
                    break;
                }
            }
            if (match == null) {
                continue;
            }
            Path found = match;
            String text = added.remove(found);
            String name = notePaths.nameOf(found);
            it.remove();
            withReplica(n, r -> {
                if (!name.equals(n.name)) {
                    ownEdits(() -> r.rename(name));
                }
                synchronized (state) {
                    byFile.remove(n.file);
                    n.file = found;
                    byFile.put(found, n);
                    n.name = name;
                    n.hasPending = true;
                }
                if (!r.text().equals(text)) {
                    mergeExternal(n, text);
                } else {
                    fileRead(n, text, isCached(n));
                }
            });
            settle();
            events.fire(VaultListener::notesChanged);
            events.fire(l -> l.pendingWork(n.id));
        }
    }

    /** The user deleted the note's file: to the trash, restorable, pending like a trash made in Weft. */
    private void trashedByOthers(NoteState n) throws IOException {
        writer.cancel(n.file);
        synchronized (state) {
            byFile.remove(n.file);
            n.file = null;
            n.fileWritten = false;
            n.trashed = true;
            n.pendingTrash = Boolean.TRUE;
        }
        dropBase(n);
        settle();
        writeIndex();
        events.fire(VaultListener::notesChanged);
        events.fire(l -> l.pendingWork(n.id));
    }

    /** A new {@code .md} file: a new note holding its text, its ops pending so the first sync uploads them. */
    private void importFile(Path file, String text) throws IOException {
        String name = notePaths.nameOf(file);
        String key = NotePaths.collisionKey(name);
        synchronized (state) {
            for (NoteState other : notes.values()) {
                if (!other.trashed && NotePaths.collisionKey(other.name).equals(key)) {
                    events.problem("Not imported: " + paths.vault().relativize(file) + " (the note " + other.name
                            + " has the same name but for case)");
                    return;
                }
            }
        }
        NoteState n = new NoteState(newId());
        n.name = name;
        synchronized (state) {
            notes.put(n.id, n);
            n.file = file;
            byFile.put(file, n);
        }
        withReplica(n, r -> ownEdits(() -> {
            r.rename(name);
            r.insertUtf16(0, text);
        }));
        fileRead(n, text, false);
        synchronized (state) {
            n.hasPending = true;
        }
        scheduleIndex();
        events.fire(VaultListener::notesChanged);
        events.fire(l -> l.pendingWork(n.id));
    }

    private Optional<String> readText(Path file) {
        try {
            return Optional.of(MarkdownFiles.read(file));
        } catch (NotUtf8Exception e) {
            events.problem("Not UTF-8, left alone: " + paths.vault().relativize(file) + " (" + e.getMessage() + ")");
        } catch (NoSuchFileException e) {
            // gone again
        } catch (IOException e) {
            events.problem("Cannot read " + paths.vault().relativize(file) + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    // ---- the folder: what Weft writes

    /** Puts the note's file where its name says (nowhere if trashed), unless another note's file is there. */
    private void placeFile(NoteState n, NoteReplica r) throws IOException {
        Path want;
        Path have;
        synchronized (state) {
            want = n.trashed ? null : notePaths.pathOf(n.name);
            have = n.file;
        }
        if (want == null) {
            removeFile(n);
        } else if (!want.equals(have)) {
            if (occupied(want, n)) {
                synchronized (state) {
                    n.deferred = true;
                    if (have == null) {
                        n.closedText = r.text(); // written once the place is free
                    }
                }
            } else {
                moveTo(n, want, r.text());
            }
        } else {
            synchronized (state) {
                n.deferred = false;
            }
            if (!n.fileWritten || !Files.exists(want)) {
                scheduleWrite(n, r);
            }
        }
        settle();
    }

    /** Whether a file other than the note's own is at {@code target} (another note's, or one not yet taken in). */
    private boolean occupied(Path target, NoteState n) {
        String key = NotePaths.collisionKey(paths.vault().relativize(target).toString());
        synchronized (state) {
            for (NoteState other : notes.values()) {
                if (other != n && other.file != null
                        && NotePaths.collisionKey(paths.vault().relativize(other.file).toString()).equals(key)) {
                    return true;
                }
            }
            if (n.file != null && n.file.toString().equalsIgnoreCase(target.toString())) {
                return false; // only the case changes
            }
        }
        return Files.exists(target);
    }

    /** Moves the note's file to {@code target}, or writes it there ({@code text}) if it has none yet. */
    private void moveTo(NoteState n, Path target, String text) throws IOException {
        Path have;
        synchronized (state) {
            have = n.file;
        }
        boolean moved = false;
        if (have != null) {
            writer.cancel(have);
            if (Files.exists(have)) {
                Files.createDirectories(target.getParent());
                Files.move(have, target, StandardCopyOption.ATOMIC_MOVE);
                removeEmptyFolders(have.getParent());
                moved = true;
            }
        }
        synchronized (state) {
            if (have != null) {
                byFile.remove(have);
            }
            n.file = target;
            byFile.put(target, n);
            n.deferred = false;
            n.fileWritten = moved;
            if (!moved || open.get(n.id) == null) {
                n.closedText = text;
            }
        }
        writer.changed(target, () -> textToWrite(n));
    }

    /** Deletes the note's file (after taking in an edit another program made to it). */
    private void removeFile(NoteState n) throws IOException {
        Path file;
        synchronized (state) {
            file = n.file;
        }
        if (file == null) {
            return;
        }
        if (Files.exists(file) && !file.startsWith(paths.weftDir())) {
            checkFile(n, false);
        }
        writer.cancel(file);
        Files.deleteIfExists(file);
        removeEmptyFolders(file.getParent());
        synchronized (state) {
            byFile.remove(file);
            n.file = null;
            n.fileWritten = false;
            n.deferred = false;
        }
        dropBase(n);
    }

    /** Deletes {@code dir} and its parents up to the vault while they are empty (we just emptied them). */
    private void removeEmptyFolders(Path dir) {
        for (Path d = dir; d != null && d.startsWith(paths.vault()) && !d.equals(paths.vault())
                && !d.startsWith(paths.weftDir()); d = d.getParent()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
                if (entries.iterator().hasNext()) {
                    return;
                }
            } catch (IOException e) {
                return;
            }
            try {
                Files.delete(d);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Moves the notes whose rename waits, now that files moved: each as soon as its place is free;
     * when they wait on one another (A→B while B→A), one file steps aside into {@code .weft/moving}.
     */
    private void settle() throws IOException {
        boolean progress = true;
        while (progress) {
            progress = false;
            List<NoteState> waiting;
            synchronized (state) {
                waiting = notes.values().stream().filter(n -> n.deferred && !n.trashed)
                        .sorted(Comparator.comparing(n -> n.id)).toList();
            }
            for (NoteState n : waiting) {
                Path want = notePaths.pathOf(n.name);
                if (!occupied(want, n)) {
                    String text;
                    synchronized (state) {
                        text = n.closedText;
                    }
                    if (text == null) {
                        text = withReplicaText(n);
                    }
                    moveTo(n, want, text);
                    progress = true;
                }
            }
            if (!progress) {
                progress = stepAside(waiting);
            }
        }
    }

    private String withReplicaText(NoteState n) throws IOException {
        String[] text = new String[1];
        withReplica(n, r -> text[0] = r.text());
        return text[0];
    }

    /** Breaks a cycle of waiting renames: a waiting note holding another's target moves into {@code .weft/moving}. */
    private boolean stepAside(List<NoteState> waiting) throws IOException {
        for (NoteState n : waiting) {
            NoteState holder;
            synchronized (state) {
                holder = byFile.get(notePaths.pathOf(n.name));
            }
            if (holder != null && holder.deferred && holder.file != null && !holder.file.startsWith(paths.weftDir())) {
                Path aside = movingAside.path(holder.id);
                Files.createDirectories(aside.getParent());
                writer.cancel(holder.file);
                Files.move(holder.file, aside, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                synchronized (state) {
                    byFile.remove(holder.file);
                    holder.file = aside;
                    byFile.put(aside, holder);
                }
                return true;
            }
        }
        return false;
    }

    /** Schedules writing the note's text to its file; {@code r} may be a replica about to close. */
    private void scheduleWrite(NoteState n, NoteReplica r) {
        Path file;
        boolean cached;
        synchronized (state) {
            file = n.file;
            cached = open.get(n.id) == r;
        }
        if (file == null || file.startsWith(paths.weftDir()) || closed) {
            return;
        }
        String text = cached ? null : r.text();
        synchronized (state) {
            if (!cached) {
                n.closedText = text;
            }
        }
        writer.changed(file, () -> textToWrite(n));
    }

    /** On the writer's thread: the note's text now, remembered as the write in flight. */
    private String textToWrite(NoteState n) {
        NoteReplica r;
        String text;
        long version;
        synchronized (state) {
            r = open.get(n.id);
            text = n.closedText;
            version = n.version;
        }
        if (r != null) {
            text = r.text();
        }
        if (text == null) {
            throw new IllegalStateException("no text for note " + n.id);
        }
        synchronized (state) {
            n.writingText = text;
            n.writingVersion = version;
        }
        return text;
    }

    /** On the writer's thread: {@code file} holds {@code text} now. */
    private void written(Path file, String text) {
        NoteState n;
        boolean caughtUp;
        boolean hadBase;
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            attrs = null;
        }
        synchronized (state) {
            n = byFile.get(file);
            if (n == null) {
                return;
            }
            n.fileWritten = true;
            n.baseHash = DebouncedWriter.hashOf(text);
            if (open.containsKey(n.id)) {
                n.baseText = text;
            }
            if (attrs != null) {
                n.fileSize = attrs.size();
                n.fileMtime = attrs.lastModifiedTime().toMillis();
            }
            n.writingText = null;
            caughtUp = n.version == n.writingVersion;
            if (caughtUp) {
                n.closedText = null;
            }
            hadBase = n.baseSaved;
        }
        try {
            if (caughtUp && hadBase) {
                dropBase(n);
            } else if (!caughtUp) {
                synchronized (state) {
                    n.baseSaved = false;
                }
                saveBase(n, text);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "base copy of " + n.id, e);
        }
        scheduleIndex();
    }

    private void writeFailed(Path file, IOException e) {
        events.problem("Could not write " + paths.vault().relativize(file) + ": " + e.getMessage());
    }

    // ---- base copies: what the file held, once the replica moved on (for a merge after a crash)

    /** Keeps {@code fileText} (what the file holds) before the replica moves on from it, unless kept already. */
    private void saveBase(NoteState n, String fileText) throws IOException {
        synchronized (state) {
            if (n.baseSaved || !n.fileWritten || fileText == null) {
                return;
            }
            n.baseSaved = true;
        }
        baseCopies.write(n.id, fileText);
    }

    private void dropBase(NoteState n) throws IOException {
        synchronized (state) {
            if (!n.baseSaved) {
                return;
            }
            n.baseSaved = false;
        }
        baseCopies.delete(n.id);
    }

    // ---- replicas

    @FunctionalInterface
    private interface ReplicaWork {
        void run(NoteReplica r) throws IOException;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    /** Runs {@code work} with the note's replica: the cached one, else one opened for it and closed after. */
    private void withReplica(NoteState n, ReplicaWork work) throws IOException {
        NoteReplica r;
        synchronized (state) {
            r = open.get(n.id);
        }
        if (r != null) {
            work.run(r);
            return;
        }
        r = openReplica(n);
        try {
            work.run(r);
        } finally {
            long time = r.log().syncTime();
            boolean pending = r.log().pendingCount() > 0;
            r.close();
            long size = logSize(n.id);
            synchronized (state) {
                n.syncTime = time;
                n.hasPending = pending;
                n.logSize = size;
            }
        }
    }

    private NoteReplica openReplica(NoteState n) throws IOException {
        int site;
        synchronized (state) {
            site = device.site();
        }
        NoteReplica r;
        try {
            r = NoteReplica.open(paths, n.id, options.replicaOptions().apply(site), CompactionHook.NONE, false);
        } catch (CorruptStructureException e) {
            events.problem("The structure file of " + n.name + " is damaged: " + e.getMessage());
            throw e;
        }
        replicaOpens.incrementAndGet();
        if (!r.recovery().clean()) {
            events.problem("The record log of " + n.name + " was damaged; " + r.recovery().droppedBytes() + " bytes dropped.");
        }
        r.log().addListener(nowPending -> localEdit(n, nowPending));
        return r;
    }

    private void ownEdits(Work work) throws IOException {
        ownEdit.set(true);
        try {
            work.run();
        } finally {
            ownEdit.set(false);
        }
    }

    /** A local edit through a replica (the editor's thread, under the replica's lock). */
    private void localEdit(NoteState n, List<LocalOp> nowPending) {
        if (ownEdit.get()) {
            return;
        }
        boolean text = nowPending.isEmpty() || nowPending.stream().anyMatch(op -> !(op instanceof LocalOp.Rename));
        NoteReplica r;
        synchronized (state) {
            n.hasPending |= !nowPending.isEmpty();
            if (text) {
                n.version++;
            }
            r = open.get(n.id);
        }
        if (text && r != null) {
            try {
                String base;
                synchronized (state) {
                    base = n.baseText;
                }
                if (base != null) {
                    saveBase(n, base);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "base copy of " + n.id, e);
            }
            scheduleWrite(n, r);
            events.fire(l -> l.textChanged(n.id, Origin.LOCAL));
        }
        if (!nowPending.isEmpty()) {
            events.fire(l -> l.pendingWork(n.id));
        }
        scheduleIndex();
    }

    // ---- the index

    private Path indexFile() {
        return paths.weftDir().resolve("index");
    }

    private void scheduleIndex() {
        synchronized (state) {
            if (indexScheduled || closed) {
                return;
            }
            indexScheduled = true;
        }
        try {
            io.schedule(() -> {
                try {
                    writeIndex();
                } catch (IOException e) {
                    events.problem("Could not write the vault index: " + e.getMessage());
                }
            }, options.indexDelay().toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: close() writes it
        }
    }

    /**
     * Writes the index now. Open logs are forced first, after their time and pending state were
     * read, so the index never claims more than a log holds after a crash.
     */
    private void writeIndex() throws IOException {
        indexIo.lock();
        try {
            Map<UUID, NoteReplica> replicas;
            synchronized (state) {
                indexScheduled = false;
                replicas = new HashMap<>(open);
            }
            Map<UUID, long[]> live = new HashMap<>();
            for (Map.Entry<UUID, NoteReplica> e : replicas.entrySet()) {
                RecordLog log = e.getValue().log();
                long size = log.sizeBytes();
                long time = log.syncTime();
                long pending = log.pendingCount();
                try {
                    log.force();
                } catch (IOException ex) {
                    continue; // a closed log: its entry keeps the values it had
                }
                live.put(e.getKey(), new long[] {time, pending, size});
            }
            List<IndexFile.Entry> entries = new ArrayList<>();
            synchronized (state) {
                for (NoteState n : notes.values()) {
                    long[] l = live.get(n.id);
                    if (l != null) {
                        n.syncTime = l[0];
                        n.hasPending = l[1] > 0;
                        n.logSize = l[2];
                    }
                    String fileName = n.file == null || n.file.startsWith(paths.weftDir()) ? null
                            : notePaths.nameOf(n.file);
                    entries.add(n.entry(fileName, n.hasPending, n.syncTime, n.logSize));
                }
            }
            entries.sort(Comparator.comparing(IndexFile.Entry::id));
            IndexFile.write(indexFile(), entries);
        } finally {
            indexIo.unlock();
        }
    }

    // ---- helpers

    private boolean isCached(NoteState n) {
        synchronized (state) {
            return open.containsKey(n.id);
        }
    }

    private NoteState require(UUID id) {
        synchronized (state) {
            NoteState n = notes.get(id);
            if (n == null) {
                throw new java.util.NoSuchElementException("no note " + id);
            }
            return n;
        }
    }

    /** {@code name}, or the first free {@code name (2)}, {@code name (3)}… among the notes not in the trash. */
    private String uniqueName(String name, NoteState self) {
        synchronized (state) {
            Set<String> taken = new HashSet<>();
            for (NoteState n : notes.values()) {
                if (n != self && !n.trashed) {
                    taken.add(NotePaths.collisionKey(n.name));
                }
            }
            String candidate = name;
            for (int i = 2; taken.contains(NotePaths.collisionKey(candidate)) || foreignFileAt(candidate); i++) {
                candidate = name + " (" + i + ")";
            }
            return candidate;
        }
    }

    /** Whether a file not (yet) a note's is where note {@code name} would go: another program just made it. */
    private boolean foreignFileAt(String name) {
        Path file = notePaths.pathOf(name);
        return byFile.get(file) == null && Files.exists(file);
    }

    private UUID newId() {
        long msb = (options.random().nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (options.random().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }
}
