package dev.weft.vault;

import dev.weft.vault.text.DebouncedWriter;
import dev.weft.vault.text.MarkdownFiles;
import dev.weft.vault.text.NotePaths;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The notes' {@code .md} files as Weft writes them: debounced atomic writes of a note's text, a
 * base copy in {@code .weft/base} before the replica moves on from what the file holds, renames
 * that move the file (never over another note's file: such a move waits, and waiting moves settle,
 * a cycle of them through {@code .weft/moving}), and deletes. Runs under the vault's operation
 * lock, except the writes, which run on the io thread.
 */
final class NoteFiles {
    private static final System.Logger LOG = System.getLogger(NoteFiles.class.getName());

    private final NoteTable table;
    private final Object state;
    private final Map<UUID, NoteState> notes;
    private final Map<UUID, NoteReplica> open;
    private final Map<Path, NoteState> byFile;
    private final VaultPaths paths;
    private final NotePaths notePaths;
    private final Replicas replicas;
    private final IndexKeeper index;
    private final VaultEvents events;
    private final IdFolder baseCopies;
    private final IdFolder movingAside;
    private final IncomingNotes incoming;
    private final DebouncedWriter writer;
    /** Takes in a file another program changed (later, on another thread: the writer must not wait for it). */
    private final Consumer<Path> externalEdit;
    /**
     * Notes whose file the last attempt could not write or move (a read-only folder, a file where a
     * folder goes, a full disk), with the problem: until a write puts the note's text at its name.
     */
    private final Map<UUID, String> unwritten = new ConcurrentHashMap<>();
    private volatile boolean closed;

    NoteFiles(NoteTable table, VaultPaths paths, VaultOptions options, ScheduledExecutorService io,
            Replicas replicas, IndexKeeper index, VaultEvents events, IdFolder baseCopies, IdFolder movingAside,
            IncomingNotes incoming, Consumer<Path> externalEdit) {
        this.table = table;
        this.state = table.lock;
        this.notes = table.notes;
        this.open = table.open;
        this.byFile = table.byFile;
        this.paths = paths;
        this.notePaths = new NotePaths(paths.vault());
        this.replicas = replicas;
        this.index = index;
        this.events = events;
        this.baseCopies = baseCopies;
        this.incoming = incoming;
        this.movingAside = movingAside;
        this.writer = new DebouncedWriter(DebouncedWriter.Scheduler.of(io), options.writeQuiet(),
                options.writeMaxDelay(), this::writeFailed, this::written, this::mayReplace);
        this.externalEdit = externalEdit;
    }

    /** Drops the write pending for {@code file}, waiting for one in progress. */
    void cancel(Path file) {
        writer.cancel(file);
    }

    /** The base copy of the note, or null. */
    String baseCopy(NoteState n) throws IOException {
        return baseCopies.read(n.id);
    }

    /** Writes every pending file now. */
    void flush() {
        writer.flush();
    }

    /** Writes every pending file and takes no more. */
    void close() {
        closed = true;
        writer.close();
    }

    /**
     * Puts the note's file where its name says (nowhere if trashed), unless another note's file is
     * there; not while the note is incoming (IncomingNotes).
     */
    void placeFile(NoteState n, NoteReplica r) throws IOException {
        if (incoming.isHeld(n.id)) {
            // a write waits only if the file is to move or be written: each part of an upload's answer
            // comes here, and a whole rewrite of a big note at each one costs the note's size per part
            if (!placed(n)) {
                incoming.holds(n.id);
            }
            return;
        }
        Path want;
        Path have;
        Set<UUID> failed = new HashSet<>();
        synchronized (state) {
            want = n.trashed ? null : notePaths.pathOf(n.name);
            have = n.file;
        }
        // settling scans every note: worth it only when this note frees a place or waits holding one (a cycle)
        boolean settle = false;
        if (want == null) {
            removeFile(n);
            settle = have != null;
        } else if (!want.equals(have)) {
            if (occupied(want, n)) {
                settle = have != null;
                synchronized (state) {
                    n.deferred = true;
                    if (have == null) {
                        n.closedText = r.text(); // written once the place is free
                    }
                }
            } else if (!tryMove(n, want, r.text())) {
                failed.add(n.id);
            } else {
                settle = have != null;
            }
        } else {
            synchronized (state) {
                n.deferred = false;
            }
            if (!n.fileWritten || !Files.exists(want)) {
                scheduleWrite(n, r);
            }
        }
        if (settle) {
            settle(failed);
        }
    }

    /** Whether the note's file is where its name says (none if trashed) and written there. */
    private boolean placed(NoteState n) {
        Path want;
        Path have;
        boolean written;
        synchronized (state) {
            want = n.trashed ? null : notePaths.pathOf(n.name);
            have = n.file;
            written = n.fileWritten;
        }
        return want == null ? have == null : want.equals(have) && written && Files.exists(want);
    }

    /**
     * {@link #moveTo}, unless the file system refuses the move (a file where a folder goes, a
     * read-only folder, a full disk): then the note keeps its file, said once, and waits like a note
     * whose place is taken, for the next {@link #settle} (a rename, an open). The text and the name
     * are in the log already: a refused move must not fail the change that asked for it, or a sync
     * pulls that change again and again.
     */
    private boolean tryMove(NoteState n, Path target, String text) {
        try {
            moveTo(n, target, text);
            return true;
        } catch (IOException e) {
            Path have;
            synchronized (state) {
                n.deferred = true;
                have = n.file;
                if (open.get(n.id) == null) {
                    n.closedText = text;
                }
            }
            if (have != null) {
                writer.changed(have, () -> textToWrite(n)); // moveTo dropped its pending write
            }
            String problem = "Could not move " + (have == null ? n.name + ".md" : paths.vault().relativize(have))
                    + " to " + paths.vault().relativize(target) + ": " + reason(e);
            unwritten.put(n.id, problem);
            events.problem(problem);
            return false;
        }
    }

    /** Notes whose file could not be written or moved where their name says, with the problem, by id. */
    Map<UUID, String> unwritten() {
        return Map.copyOf(unwritten);
    }

    /** What the file system said, in words: some exceptions carry only the path. */
    static String reason(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : "";
        Path path = file.isEmpty() ? null : Path.of(file);
        if (path != null && path.getParent() != null && path.getFileName().toString().startsWith(".")
                && path.getFileName().toString().endsWith(".tmp")) {
            file = "in " + path.getParent(); // the temporary file a write goes through: its name differs each time
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + file + ")";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way (" + file + ")";
        }
        if (e instanceof NotDirectoryException) {
            return "a file is where a folder should be (" + file + ")";
        }
        return Reasons.of(e);
    }

    /** Whether a file other than the note's own is at {@code target} (another note's, or one not yet taken in). */
    private boolean occupied(Path target, NoteState n) {
        NoteState owner = table.fileOwner(target);
        if (owner != null) {
            return owner != n; // n itself: only the case changes
        }
        return Files.exists(target);
    }

    /** Moves the note's file to {@code target}, or writes it there ({@code text}) if it has none yet. */
    void moveTo(NoteState n, Path target, String text) throws IOException {
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
            table.setFile(n, target);
            n.deferred = false;
            n.fileWritten = moved;
            if (!moved || open.get(n.id) == null) {
                n.closedText = text;
            }
        }
        writer.changed(target, () -> textToWrite(n));
    }

    /** Deletes the note's file (the caller took in any edit another program made to it first). */
    void removeFile(NoteState n) throws IOException {
        Path file;
        synchronized (state) {
            file = n.file;
        }
        if (file == null) {
            return;
        }
        writer.cancel(file);
        Files.deleteIfExists(file);
        removeEmptyFolders(file.getParent());
        synchronized (state) {
            table.setFile(n, null);
            n.fileWritten = false;
            n.deferred = false;
        }
        unwritten.remove(n.id);
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
    void settle() throws IOException {
        settle(new HashSet<>());
    }

    /** {@code failed}: notes whose move failed in this call already, not tried again. */
    private void settle(Set<UUID> failed) throws IOException {
        boolean progress = true;
        while (progress) {
            progress = false;
            List<NoteState> waiting;
            synchronized (state) {
                waiting = notes.values().stream().filter(n -> n.deferred && !n.trashed)
                        .sorted(Comparator.comparing(n -> n.id)).toList();
            }
            // an incoming note's file waits for the whole answer (IncomingNotes); its placeFile comes then
            waiting = waiting.stream().filter(n -> !incoming.holds(n.id)).toList();
            for (NoteState n : waiting) {
                Path want = notePaths.pathOf(n.name);
                if (!failed.contains(n.id) && !occupied(want, n)) {
                    String text;
                    synchronized (state) {
                        text = n.closedText;
                    }
                    if (text == null) {
                        text = withReplicaText(n);
                    }
                    if (tryMove(n, want, text)) {
                        progress = true;
                    } else {
                        failed.add(n.id);
                    }
                }
            }
            if (!progress) {
                progress = stepAside(waiting);
            }
        }
    }

    private String withReplicaText(NoteState n) throws IOException {
        String[] text = new String[1];
        replicas.withReplica(n, r -> text[0] = r.text());
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
                table.setFile(holder, aside);
                return true;
            }
        }
        return false;
    }

    /**
     * Schedules writing the note's text to its file; {@code r} may be a replica about to close. Not
     * while the note is incoming (IncomingNotes): written once the answer is whole.
     */
    void scheduleWrite(NoteState n, NoteReplica r) {
        if (incoming.holds(n.id)) {
            return;
        }
        Path file;
        boolean cached;
        synchronized (state) {
            file = n.file;
            cached = open.get(n.id) == r;
            if (n.logDamaged) {
                return; // the file holds what the damaged log lost: merged in first (DamagedFileMerge)
            }
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

    /**
     * On the writer's thread: the note's text now, remembered as the write in flight; null when no
     * editor holds the note and no text waits (a write of it in flight wrote it already).
     */
    private String textToWrite(NoteState n) {
        NoteReplica r;
        String text;
        long version;
        synchronized (state) {
            if (n.logDamaged) {
                return null;
            }
            r = open.get(n.id);
            text = n.closedText;
            version = n.version;
        }
        if (r != null) {
            text = r.text();
        }
        if (text == null) {
            return null;
        }
        synchronized (state) {
            n.writingText = text;
            n.writingVersion = version;
        }
        return text;
    }

    /**
     * On the writer's thread, before replacing {@code file}: only if it holds what Weft last wrote
     * or read there. Otherwise another program changed or deleted it since, and the watcher may not
     * have merged that yet: the write is dropped and the file taken in first (the merge writes again).
     */
    private boolean mayReplace(Path file) {
        String baseHash;
        boolean fileWritten;
        synchronized (state) {
            NoteState n = byFile.get(file);
            if (n == null) {
                return false;
            }
            baseHash = n.baseHash;
            fileWritten = n.fileWritten;
        }
        if (!fileWritten) {
            return !Files.exists(file);
        }
        try {
            if (DebouncedWriter.hashOf(MarkdownFiles.read(file)).equals(baseHash)) {
                return true;
            }
        } catch (IOException e) {
            // gone, unreadable or not UTF-8: not ours to replace
        }
        externalEdit.accept(file);
        return false;
    }

    /** On the writer's thread: {@code file} holds {@code text} now. */
    private void written(Path file, String text) {
        NoteState n;
        boolean caughtUp;
        boolean hadBase;
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
            // no stamp: one taken now could be of another program's write that followed ours, and
            // a file just written has a time too recent to trust anyway (docs/vault.md, "Stamps")
            n.stamp(FileStamp.UNKNOWN);
            n.writingText = null;
            if (!n.deferred) {
                unwritten.remove(n.id);
            }
            caughtUp = n.version == n.writingVersion;
            // not by version: the text of a write queued meanwhile may be set after its version
            if (text.equals(n.closedText)) {
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
    }

    private void writeFailed(Path file, IOException e) {
        String problem = "Could not write " + paths.vault().relativize(file) + ": " + reason(e);
        NoteState n;
        synchronized (state) {
            n = byFile.get(file);
        }
        if (n != null) {
            unwritten.put(n.id, problem);
        }
        events.problem(problem);
    }

    /**
     * Keeps {@code fileText} (what the file holds) before the replica moves on from it, unless kept
     * already. A copy that cannot be written (a full disk) is reported, never fatal: the change it
     * precedes is in the log already, and its write must still be scheduled.
     */
    void saveBase(NoteState n, String fileText) {
        synchronized (state) {
            if (n.baseSaved || !n.fileWritten || fileText == null) {
                return;
            }
            n.baseSaved = true;
        }
        try {
            baseCopies.write(n.id, fileText);
        } catch (IOException e) {
            synchronized (state) {
                n.baseSaved = false;
            }
            events.problem("Could not keep what " + n.name + ".md held before this change (" + Reasons.of(e)
                    + "): if another program edits it before Weft writes it, only its additions are merged.");
        }
    }

    void dropBase(NoteState n) throws IOException {
        synchronized (state) {
            if (!n.baseSaved) {
                return;
            }
            n.baseSaved = false;
        }
        baseCopies.delete(n.id);
    }

    /**
     * Whether {@link #baseOf} is what the file held when Weft last wrote or read it: a base kept in
     * memory or on disk, or a replica whose text is the one last written (its hash matches).
     */
    boolean knowsBase(NoteState n, String replicaText) {
        synchronized (state) {
            if (n.baseText != null || n.baseSaved) {
                return true;
            }
            return DebouncedWriter.hashOf(replicaText).equals(n.baseHash);
        }
    }

    /** What the note's file held when Weft last wrote or read it. */
    String baseOf(NoteState n, String replicaText) throws IOException {
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
}
