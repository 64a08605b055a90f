package dev.weft.vault;

import dev.weft.vault.text.NotePaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps {@code .weft/index} ({@link IndexFile}) and the notes in memory in step: loads it on open,
 * checking each entry against its log's size (re-reading the logs that moved on, and all of them if
 * the index is missing or damaged), and writes it {@code indexDelay} after a change or at once.
 *
 * <p>Writing costs O(notes), so only what the list or the sync engine needs soon schedules a write:
 * names, new notes, trash flags (written at once), times, a note becoming pending. A log that grew
 * (typing, remote ops) or a file written since is caught up on the next write, on {@code flush} or
 * {@code close}; until then a reopen after a crash re-reads that log and compares that file, which
 * is correct, only slower.
 */
final class IndexKeeper {
    private static final System.Logger LOG = System.getLogger(IndexKeeper.class.getName());

    private final NoteTable table;
    private final Object state;
    private final Map<UUID, NoteState> notes;
    private final Map<UUID, NoteReplica> open;
    private final Map<UUID, NoteReplica> held;
    private final VaultPaths paths;
    private final NotePaths notePaths;
    private final VaultOptions options;
    private final ScheduledExecutorService io;
    private final VaultEvents events;
    private final Replicas replicas;
    private final IdFolder baseCopies;
    private final IdFolder movingAside;
    private final DamagedLogs damaged;
    private final ReentrantLock indexIo = new ReentrantLock();
    private boolean indexScheduled;
    private boolean stopped;
    /** How long the last write took (under the index lock): the next delayed one waits some multiple. */
    private volatile long lastWriteNanos;
    /**
     * A delayed write waits at least this many times the last write's length: a vault of thousands
     * of notes, changing all through a first sync, spends a tenth of one thread on its index at most,
     * not all of it rewriting O(notes) bytes each {@code indexDelay}.
     */
    static final int WRITE_SPACING = 9;

    IndexKeeper(NoteTable table, VaultPaths paths, VaultOptions options, ScheduledExecutorService io,
            VaultEvents events, Replicas replicas, IdFolder baseCopies, IdFolder movingAside, DamagedLogs damaged) {
        this.table = table;
        this.state = table.lock;
        this.notes = table.notes;
        this.open = table.open;
        this.held = table.held;
        this.paths = paths;
        this.notePaths = new NotePaths(paths.vault());
        this.options = options;
        this.io = io;
        this.events = events;
        this.replicas = replicas;
        this.baseCopies = baseCopies;
        this.movingAside = movingAside;
        this.damaged = damaged;
    }

    /** No more delayed writes: the vault closes (and writes the index itself). */
    void stop() {
        synchronized (state) {
            stopped = true;
        }
    }

    /** Fills the notes from the index, checked against the logs; rebuilt from the logs if it is damaged. */
    void load() throws IOException {
        sweepTemps(paths.docsDir());
        Set<UUID> ids = paths.documentIds();
        Map<UUID, IndexFile.Entry> entries = new HashMap<>();
        Path indexFile = indexFile();
        boolean rebuilt = false;
        try {
            for (IndexFile.Entry e : IndexFile.read(indexFile)) {
                entries.put(e.id(), e);
            }
        } catch (NoSuchFileException e) {
            if (!ids.isEmpty()) {
                rebuilt = true;
                events.problem("The vault index was missing; rebuilt it from the notes' record logs.");
            }
        } catch (IOException e) {
            rebuilt = true;
            LOG.log(System.Logger.Level.WARNING, "vault index unreadable", e);
            events.problem("The vault index was damaged (" + Reasons.of(e) + "); rebuilt it from the notes' record logs.");
        }
        List<String> withoutFile = new ArrayList<>();
        Set<UUID> withBase = baseCopies.ids();
        Set<UUID> moving = movingAside.ids();
        Set<UUID> marked = damaged.ids();
        ids.addAll(entries.keySet()); // a note whose log (and structure) was deleted is still the index's
        for (UUID id : ids) {
            IndexFile.Entry e = entries.get(id);
            NoteState n;
            if (e != null) {
                n = NoteState.of(e);
                long logSize = replicas.logSize(id);
                if (logSize == 0 && !marked.contains(id)) {
                    // every log has a header from its creation on: this one was deleted or emptied
                    damaged.markLost(id, paths.structure(id));
                    marked.add(id);
                    events.problem("The record log of " + n.name + " was "
                            + (Files.exists(paths.latestOps(id)) ? "emptied" : "deleted") + ": " + DamagedLogs.KEPT);
                }
                if (logSize != e.logSize()) {
                    summarize(n); // the log moved on after the index was written
                    n.fileMayLag = true;
                }
                if (setAside(n) || e.fileName() != null && setAside(n.id, e.fileName())) {
                    continue;
                }
                n.file = e.fileName() == null ? null : notePaths.pathOf(e.fileName());
                // a move was waiting, or a note not in the trash had no file yet (its place was taken,
                // or a failure came between its creation and its file): it waits for its place
                n.deferred = n.file != null ? !e.fileName().equals(e.name()) : !n.trashed;
            } else {
                n = new NoteState(id);
                summarize(n);
                if (n.name == null) {
                    events.problem("Note " + id + " has no name in its record log; left out.");
                    continue;
                }
                if (setAside(n)) {
                    continue;
                }
                n.file = notePaths.pathOf(n.name);
                // A valid index lists every note whose file Weft wrote before it was written: a note
                // missing from it is newer, and its file may never have been written (a crash, a
                // full disk). Without an index nothing tells a file the user deleted from one never
                // written: such a note goes to this device's trash, no trash is sent.
                n.fileWritten = rebuilt;
                if (rebuilt && !moving.contains(id) && !Files.exists(n.file)) {
                    n.file = null;
                    n.trashed = true;
                    withoutFile.add(n.name);
                }
            }
            n.baseSaved = withBase.contains(id);
            n.logDamaged = marked.contains(id);
            if (moving.contains(id)) {
                n.file = movingAside.path(id);
                n.deferred = true;
            }
            notes.put(id, n);
            if (n.file != null) {
                Path file = n.file;
                n.file = null;
                table.setFile(n, file);
            }
        }
        if (!withoutFile.isEmpty()) {
            withoutFile.sort(null);
            events.problem(withoutFile.size() + " notes had no file when the index was rebuilt: they are in this"
                    + " device's trash (not sent; restore those that were not deleted): "
                    + String.join(", ", withoutFile.subList(0, Math.min(10, withoutFile.size())))
                    + (withoutFile.size() > 10 ? ", ..." : ""));
        }
    }

    /**
     * Whether {@code n}'s name breaks the name rule (taken from a server before the rule grew): then
     * it is left out and reported, its files stay; it comes back if the server sends it renamed.
     */
    private boolean setAside(NoteState n) {
        return n.name != null && setAside(n.id, n.name);
    }

    private boolean setAside(UUID id, String name) {
        Optional<String> problem = NotePaths.validate(name);
        problem.ifPresent(p -> events.problem(NoteSetAside.of(id, Optional.empty(), name, p).getMessage()));
        return problem.isPresent();
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

    /** Deletes the temporary files a crash left in {@code dir} (one listing for every document). */
    private static void sweepTemps(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private Path indexFile() {
        return paths.weftDir().resolve("index");
    }

    void schedule() {
        synchronized (state) {
            if (indexScheduled || stopped) {
                return;
            }
            indexScheduled = true;
        }
        try {
            io.schedule(() -> {
                try {
                    writeUnlessStopped();
                } catch (IOException e) {
                    events.problem("Could not write the vault index: " + Reasons.of(e));
                }
            }, Math.max(options.indexDelay().toNanos(), WRITE_SPACING * lastWriteNanos), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: close() writes it
        }
    }

    /**
     * The delayed write: skipped once the vault closes, as close() writes the index itself and then
     * interrupts this thread, which would break a write still running (ClosedByInterruptException).
     * Checked under the index lock, so close()'s own write waits for one that began before.
     */
    private void writeUnlessStopped() throws IOException {
        indexIo.lock();
        try {
            synchronized (state) {
                if (stopped) {
                    indexScheduled = false;
                    return;
                }
            }
            write();
        } finally {
            indexIo.unlock();
        }
    }

    /**
     * Writes the index now; on a full disk only says so and keeps the index on disk, for callers
     * whose change a later open finds again (the index is a cache of the logs, and a file deleted
     * by the user is still gone then): a vault opens on a full disk.
     */
    void writeUnlessDiskFull() throws IOException {
        try {
            write();
        } catch (IOException e) {
            if (!DiskFull.causes(e)) {
                throw e;
            }
            events.problem("The disk under the vault is full: the vault index was not written (" + Reasons.of(e)
                    + "); Weft writes it once there is space.");
        }
    }

    /**
     * Writes the index now. Open logs are forced first, after their time and pending state were
     * read, so the index never claims more than a log holds after a crash.
     */
    void write() throws IOException {
        indexIo.lock();
        long start = System.nanoTime();
        try {
            Map<UUID, NoteReplica> replicas;
            synchronized (state) {
                indexScheduled = false;
                replicas = new HashMap<>(open);
                replicas.putAll(held); // a held log may hold a time the note has now: forced like an open one
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
            lastWriteNanos = System.nanoTime() - start;
            indexIo.unlock();
        }
    }
}
