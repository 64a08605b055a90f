package dev.weft.vault;

import dev.weft.vault.VaultListener.Origin;
import dev.weft.vault.text.DebouncedWriter;
import dev.weft.vault.text.NotUtf8Exception;
import dev.weft.vault.text.NotePaths;
import dev.weft.vault.text.TextDiff;
import dev.weft.vault.text.ThreeWayMerge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Brings in what other programs did to the {@code .md} files, on open and from the watcher: an
 * edited file is merged three-way as local ops, a vanished one trashed, a new one imported as a
 * note, and a vanished note whose text turns up in a new file renamed. Runs under the vault's
 * operation lock.
 */
final class FolderChanges {
    /** UTF-16 units of a new file taken in per edit: its ops and log bytes in flight stay small. */
    private static final int IMPORT_SLICE = 1 << 16;
    /** New files taken in before their logs are forced together and the notes appear. */
    private static final int IMPORT_BATCH = 256;

    private final NoteTable table;
    private final Object state;
    private final Map<UUID, NoteState> notes;
    private final Map<Path, NoteState> byFile;
    private final VaultPaths paths;
    private final NotePaths notePaths;
    private final Replicas replicas;
    private final NoteFiles files;
    private final IndexKeeper index;
    private final VaultEvents events;
    private final Supplier<UUID> ids;
    /** The files said to be left out since the vault opened, each said once. */
    private final Set<Path> leftOut = new HashSet<>();
    private final HeldChanges held;
    private final MassChangeGuard guard;
    /** During a scan: the notes whose file another program emptied or mostly erased, and what it holds. */
    private Map<NoteState, FileStamp.Read> erased;
    /** The vault folder was found gone (said once until it is back). */
    private boolean folderGone;
    /**
     * Notes whose files the watcher saw vanish, waiting until the deletions stop for one decision:
     * a slow {@code rm -r} (or one on a busy machine) comes in many bursts, each under the limits.
     */
    private final Map<UUID, NoteState> vanished = new HashMap<>();
    /** Asks for {@link #decideVanished} once no file has vanished for a while (restarts the wait). */
    private final Runnable decideLater;

    FolderChanges(NoteTable table, VaultPaths paths, Replicas replicas, NoteFiles files, IndexKeeper index,
            VaultEvents events, Supplier<UUID> ids, HeldChanges held, MassChangeGuard guard, Runnable decideLater) {
        this.table = table;
        this.state = table.lock;
        this.notes = table.notes;
        this.byFile = table.byFile;
        this.paths = paths;
        this.notePaths = new NotePaths(paths.vault());
        this.replicas = replicas;
        this.files = files;
        this.index = index;
        this.events = events;
        this.ids = ids;
        this.held = held;
        this.guard = guard;
        this.decideLater = decideLater;
    }

    /** Says once per file that it is not synced, and why (a name the rule refuses: {@code What is it?.md}). */
    private void leftOut(Path file, String reason) {
        if (leftOut.add(file)) {
            events.problem("Not synced: " + paths.vault().relativize(file) + " (" + reason + "); rename it to sync it");
        }
    }

    /** A visible {@code .md} file: what the user means as a note (editors' hidden temporary files are not). */
    private static boolean looksLikeANote(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(NotePaths.EXTENSION) && !name.startsWith(".");
    }

    /**
     * Brings in what other programs did to the {@code .md} files: all of them ({@code touched} null)
     * or those paths. Edited files are merged, vanished ones trashed, new ones imported; a vanished
     * note whose text turns up in a new file was renamed. Runs under the operation lock.
     */
    void reconcile(Set<Path> touched, boolean opening) throws IOException {
        if (folderGone()) {
            return;
        }
        erased = new HashMap<>();
        try {
            scan(touched, opening);
        } finally {
            erased = null;
        }
    }

    private void scan(Set<Path> touched, boolean opening) throws IOException {
        Set<UUID> decided = new HashSet<>(); // trashed since (another device trashed it): nothing waits
        synchronized (state) {
            held.all().keySet().stream().filter(id -> !notes.containsKey(id) || notes.get(id).trashed)
                    .forEach(decided::add);
        }
        held.release(decided);
        Set<Path> present = new HashSet<>();
        List<NoteState> candidates = new ArrayList<>();
        if (touched == null) {
            NotePaths.Scan scan = notePaths.scan();
            if (opening) {
                scan.rejected().forEach(r -> leftOut(r.file(), r.reason()));
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
                Optional<String> problem = notePaths.validatePath(p);
                if (problem.isEmpty() && Files.isRegularFile(p)) {
                    present.add(p);
                } else if (problem.isPresent() && looksLikeANote(p) && Files.isRegularFile(p)) {
                    leftOut(p, problem.get());
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
        List<NoteState> unwritten = new ArrayList<>();
        List<NoteState> there = new ArrayList<>();
        for (NoteState n : candidates) {
            if (present.contains(n.file)) {
                there.add(n);
                checkFile(n, touched == null);
            } else if (!Files.exists(n.file)) {
                // a file Weft never wrote (a failed write, a crash before it) was not deleted by anyone
                (n.fileWritten ? missing : unwritten).add(n);
            }
        }
        TreeMap<Path, FileStamp.Read> added = new TreeMap<>();
        Map<Path, NoteState> waiting = new HashMap<>();
        synchronized (state) {
            notes.values().stream().filter(n -> n.deferred && n.file == null && !n.trashed)
                    .forEach(n -> waiting.put(notePaths.pathOf(n.name), n));
        }
        for (Path p : present) {
            boolean known;
            synchronized (state) {
                known = byFile.containsKey(p);
            }
            NoteState owner = known ? null : waiting.get(p);
            if (owner != null) {
                claim(owner, p);
            } else if (!known) {
                readText(p).ifPresent(read -> added.put(p, read));
            }
        }
        if (touched == null) { // a full scan decides on every file gone, those the watcher saw included
            vanished.values().stream().filter(n -> !missing.contains(n) && stillGone(n)).forEach(missing::add);
            vanished.clear();
        }
        renamedByOthers(missing, added);
        if (touched == null) {
            trashOrHold(missing);
        } else if (!missing.isEmpty()) {
            missing.forEach(n -> vanished.put(n.id, n));
            decideLater.run();
        }
        Map<NoteState, FileStamp.Read> emptied = erased;
        erased = null;
        mergeOrHold(emptied);
        Set<UUID> back = new HashSet<>();
        for (NoteState n : there) {
            if (held.kind(n.id) != null && !emptied.containsKey(n)) {
                back.add(n.id); // its file is back, or holds text again (merged above): nothing waits
            }
        }
        if (!back.isEmpty()) {
            held.release(back);
            events.fire(VaultListener::heldChanged);
        }
        if (touched == null) {
            for (NoteState n : unwritten) {
                replicas.withReplica(n, r -> files.scheduleWrite(n, r));
            }
        }
        if (!added.isEmpty()) {
            Map<String, String> takenNames = new HashMap<>();
            synchronized (state) {
                notes.values().stream().filter(n -> !n.trashed)
                        .forEach(n -> takenNames.put(NotePaths.collisionKey(n.name), n.name));
            }
            List<Map.Entry<Path, FileStamp.Read>> files = new ArrayList<>(added.entrySet());
            for (int from = 0; from < files.size(); from += IMPORT_BATCH) {
                importFiles(files.subList(from, Math.min(files.size(), from + IMPORT_BATCH)), takenNames);
            }
        }
    }

    /**
     * New {@code .md} files taken in as notes: each log written unforced, then all forced at once
     * ({@link BatchedForce}), and only then the notes enter the table, so no index names a note
     * whose log is not on disk. If forcing fails the logs are deleted and none of the notes is made.
     */
    private void importFiles(List<Map.Entry<Path, FileStamp.Read>> files, Map<String, String> takenNames)
            throws IOException {
        BatchedForce force = new BatchedForce();
        List<NoteState> made = new ArrayList<>(files.size());
        try {
            for (Map.Entry<Path, FileStamp.Read> e : files) {
                importFile(e.getKey(), e.getValue(), takenNames, force).ifPresent(made::add);
            }
            force.forceAll();
        } catch (IOException | RuntimeException e) {
            for (Path log : force.files()) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
        if (made.isEmpty()) {
            return;
        }
        synchronized (state) {
            for (NoteState n : made) {
                notes.put(n.id, n);
                table.setFile(n, n.file);
            }
        }
        index.schedule();
        events.fire(VaultListener::notesChanged);
        for (NoteState n : made) {
            events.fire(l -> l.pendingWork(n.id));
        }
    }

    /** Merges the file of note {@code n} if another program changed it; {@code useStamp}: trust its {@link FileStamp}. */
    void checkFile(NoteState n, boolean useStamp) throws IOException {
        if (useStamp) {
            FileStamp.Attributes attrs;
            try {
                attrs = FileStamp.Attributes.of(n.file);
            } catch (NoSuchFileException e) {
                return;
            }
            synchronized (state) {
                if (n.stamp().matches(attrs) && !n.baseSaved && !n.fileMayLag) {
                    return;
                }
            }
        }
        Optional<FileStamp.Read> read = readText(n.file);
        if (read.isEmpty()) {
            return;
        }
        String text = read.get().text();
        String hash = DebouncedWriter.hashOf(text);
        boolean own;
        synchronized (state) {
            own = hash.equals(n.baseHash) || text.equals(n.writingText);
            if (own) {
                n.fileWritten = true;
                n.stamp(read.get().stamp());
            }
        }
        if (own) {
            boolean mayLag;
            synchronized (state) {
                mayLag = n.baseSaved || n.fileMayLag;
                n.fileMayLag = false;
            }
            if (mayLag) {
                // a crash or a full disk came between a change and its write
                replicas.withReplica(n, r -> {
                    if (n.baseSaved || !r.text().equals(text)) {
                        files.scheduleWrite(n, r);
                    }
                });
            }
            return;
        }
        mergeExternal(n, read.get(), false);
    }

    /**
     * Merges {@code read}, the text another program left in the note's file, as local ops; unless it
     * erases the note and is not {@code allowed}: then a scan collects it for the guard, and a note
     * held already waits for the user.
     */
    private void mergeExternal(NoteState n, FileStamp.Read read, boolean allowed) throws IOException {
        synchronized (state) {
            if (n.logDamaged) {
                return; // merged once the server's copy is back (DamagedFileMerge): now it could duplicate text
            }
        }
        String theirs = read.text();
        boolean[] merged = new boolean[1];
        replicas.withReplica(n, r -> {
            String ours = r.text();
            List<TextDiff.Edit> edits;
            if (files.knowsBase(n, ours)) {
                edits = ThreeWayMerge.edits(files.baseOf(n, ours), ours, theirs);
            } else {
                // a crash came between an edit here and saving what the file held: the file may be
                // an older write of ours, so its missing text is not a deletion to make
                edits = ThreeWayMerge.insertionsOnly(TextDiff.diff(ours, theirs));
            }
            if (!allowed && edits.stream().anyMatch(e -> e.deleteLength() > 0) && MassChangeGuard.erases(ours, theirs)) {
                if (erased != null) {
                    erased.put(n, read);
                    return;
                }
                if (held.kind(n.id) != null) {
                    return;
                }
            }
            replicas.ownEdits(() -> {
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
            fileRead(n, read, table.isCached(n));
            merged[0] = !edits.isEmpty();
            synchronized (state) {
                n.version++;
                n.hasPending |= merged[0];
            }
            if (!now.equals(theirs)) {
                files.saveBase(n, theirs);
                files.scheduleWrite(n, r);
            } else {
                files.dropBase(n);
            }
        });
        if (merged[0]) {
            index.schedule();
            events.fire(l -> l.textChanged(n.id, Origin.EXTERNAL));
            events.fire(l -> l.pendingWork(n.id));
        }
    }

    /**
     * The note's file held {@code read} (read, or found renamed). Its stamp is the one from before
     * that read: a stamp taken now would pass a write made since for known (docs/vault.md, "Stamps").
     */
    private void fileRead(NoteState n, FileStamp.Read read, boolean replicaOpen) {
        synchronized (state) {
            n.fileWritten = true;
            n.baseHash = DebouncedWriter.hashOf(read.text());
            n.baseText = replicaOpen ? read.text() : null;
            n.stamp(read.stamp());
        }
    }

    /**
     * A file at the place of a note that has none and waits for it: most likely its own, written
     * by a session whose index never said so (a failure came between). Taken as the note's file
     * and merged as a file not written by Weft: its text is only added to, never deleted from.
     */
    private void claim(NoteState n, Path file) throws IOException {
        synchronized (state) {
            table.setFile(n, file);
            n.deferred = false;
            n.fileWritten = false;
            n.baseHash = null;
        }
        checkFile(n, false);
    }

    /** Pairs vanished notes with new files holding their text: renames by another program. */
    private void renamedByOthers(List<NoteState> missing, TreeMap<Path, FileStamp.Read> added) throws IOException {
        if (missing.isEmpty() || added.isEmpty()) {
            return;
        }
        Map<String, Path> byHash = new HashMap<>();
        added.descendingMap().forEach((file, read) -> byHash.put(DebouncedWriter.hashOf(read.text()), file));
        for (var it = missing.iterator(); it.hasNext();) {
            NoteState n = it.next();
            Path found = n.baseHash == null ? null : byHash.remove(n.baseHash);
            if (found == null || !added.containsKey(found)) {
                continue;
            }
            FileStamp.Read read = added.remove(found);
            String name = notePaths.nameOf(found);
            it.remove();
            replicas.withReplica(n, r -> {
                if (!name.equals(n.name)) {
                    replicas.ownEdits(() -> r.rename(name));
                }
                synchronized (state) {
                    table.setFile(n, found);
                    n.name = name;
                    n.hasPending = true;
                }
                if (!r.text().equals(read.text())) {
                    mergeExternal(n, read, false);
                } else {
                    fileRead(n, read, table.isCached(n));
                }
            });
            files.settle();
            events.fire(VaultListener::notesChanged);
            events.fire(l -> l.pendingWork(n.id));
        }
    }

    /**
     * The notes whose files one scan found gone: trashed, unless the guard holds them back (too many
     * at once: docs/vault.md, "Mass deletes and erasures"). A note held already stays held.
     */
    private void trashOrHold(List<NoteState> missing) throws IOException {
        List<NoteState> fresh = new ArrayList<>();
        Set<UUID> nowGone = new HashSet<>();
        for (NoteState n : missing) {
            HeldChange.Kind kind = held.kind(n.id);
            if (kind == null) {
                fresh.add(n);
            } else if (kind == HeldChange.Kind.ERASED) {
                nowGone.add(n.id);
            }
        }
        if (!fresh.isEmpty() && guard.holds(fresh.size(), liveNotes())) {
            fresh.forEach(n -> nowGone.add(n.id));
            fresh.clear();
        }
        if (!nowGone.isEmpty()) {
            held.hold(nowGone, HeldChange.Kind.DELETED);
            events.fire(VaultListener::heldChanged);
        }
        for (NoteState n : fresh) {
            trashedByOthers(n);
        }
    }

    /** The files one scan found emptied or mostly erased: merged, unless the guard holds them back. */
    private void mergeOrHold(Map<NoteState, FileStamp.Read> emptied) throws IOException {
        List<NoteState> fresh = new ArrayList<>();
        Set<UUID> nowErased = new HashSet<>();
        for (NoteState n : emptied.keySet()) {
            HeldChange.Kind kind = held.kind(n.id);
            if (kind == null) {
                fresh.add(n);
            } else if (kind == HeldChange.Kind.DELETED) {
                nowErased.add(n.id);
            }
        }
        if (!fresh.isEmpty() && guard.holds(fresh.size(), liveNotes())) {
            fresh.forEach(n -> nowErased.add(n.id));
            fresh.clear();
        }
        if (!nowErased.isEmpty()) {
            held.hold(nowErased, HeldChange.Kind.ERASED);
            events.fire(VaultListener::heldChanged);
        }
        fresh.sort(Comparator.comparing(n -> n.id));
        for (NoteState n : fresh) {
            mergeExternal(n, emptied.get(n), true);
        }
    }

    /** The deletions the watcher saw have stopped: those still gone are trashed or held, as one scan's. */
    void decideVanished() throws IOException {
        if (folderGone()) {
            return;
        }
        List<NoteState> gone = new ArrayList<>();
        for (NoteState n : vanished.values()) {
            if (stillGone(n)) {
                gone.add(n);
            }
        }
        vanished.clear();
        gone.sort(Comparator.comparing(n -> n.id));
        trashOrHold(gone);
    }

    /** Whether the vault folder is gone (said once until it is back): an unmounted drive, a folder moved away. */
    private boolean folderGone() {
        if (Files.isDirectory(paths.vault()) && Files.isDirectory(paths.weftDir())) {
            folderGone = false;
            return false;
        }
        // it holds every note still: nothing to trash
        if (!folderGone) {
            folderGone = true;
            events.problem("The vault folder " + paths.vault() + " is gone (a drive unmounted, the folder moved"
                    + " or deleted): nothing is trashed; Weft waits for it to come back");
        }
        return true;
    }

    private boolean stillGone(NoteState n) {
        synchronized (state) {
            return !n.trashed && n.file != null && n.fileWritten && !Files.exists(n.file);
        }
    }

    private int liveNotes() {
        synchronized (state) {
            return (int) notes.values().stream().filter(n -> !n.trashed).count();
        }
    }

    /** The user decided: held notes of {@code kind} are trashed or merged (sent from now on). */
    void allowHeld(HeldChange.Kind kind) throws IOException {
        for (NoteState n : heldNotes(kind)) {
            Path file;
            synchronized (state) {
                file = n.file;
            }
            if (file == null || !Files.exists(file)) {
                trashedByOthers(n);
            } else {
                Optional<FileStamp.Read> read = readText(file);
                if (read.isPresent() && !DebouncedWriter.hashOf(read.get().text()).equals(n.baseHash)) {
                    mergeExternal(n, read.get(), true);
                }
            }
            held.release(Set.of(n.id));
        }
        events.fire(VaultListener::heldChanged);
    }

    /** The user decided: held notes of {@code kind} get their files written again from this device's text. */
    void restoreHeld(HeldChange.Kind kind) throws IOException {
        for (NoteState n : heldNotes(kind)) {
            Path file;
            synchronized (state) {
                file = n.file;
            }
            if (file == null) {
                continue;
            }
            Optional<FileStamp.Read> read = Files.exists(file) ? readText(file) : Optional.empty();
            synchronized (state) {
                if (read.isPresent()) {
                    n.baseHash = DebouncedWriter.hashOf(read.get().text()); // the writer may replace it
                    n.fileMayLag = true;
                } else {
                    n.fileWritten = false; // the writer writes a file that is not there
                }
            }
            replicas.withReplica(n, r -> files.scheduleWrite(n, r));
            held.release(Set.of(n.id));
        }
        index.schedule();
        events.fire(VaultListener::heldChanged);
    }

    private List<NoteState> heldNotes(HeldChange.Kind kind) {
        List<NoteState> result = new ArrayList<>();
        Map<UUID, HeldChange.Kind> all = held.all();
        synchronized (state) {
            all.forEach((id, k) -> {
                NoteState n = notes.get(id);
                if (k == kind && n != null && !n.trashed) {
                    result.add(n);
                }
            });
        }
        result.sort(Comparator.comparing(n -> n.id));
        return result;
    }

    /** The user deleted the note's file: to the trash, restorable, pending like a trash made in Weft. */
    private void trashedByOthers(NoteState n) throws IOException {
        files.cancel(n.file);
        synchronized (state) {
            table.setFile(n, null);
            n.fileWritten = false;
            n.trashed = true;
            n.pendingTrash = Boolean.TRUE;
        }
        files.dropBase(n);
        files.settle();
        index.writeUnlessDiskFull(); // else the next open finds the file gone again
        events.fire(VaultListener::notesChanged);
        events.fire(l -> l.pendingWork(n.id));
    }

    /**
     * A new {@code .md} file: a new note holding its text, its ops pending so the first sync uploads
     * them; its log goes to {@code force}, and the caller puts the note in the table once it is forced.
     */
    private Optional<NoteState> importFile(Path file, FileStamp.Read read, Map<String, String> takenNames,
            BatchedForce force) throws IOException {
        String name = notePaths.nameOf(file);
        String other = takenNames.putIfAbsent(NotePaths.collisionKey(name), name);
        if (other != null) {
            events.problem("Not imported: " + paths.vault().relativize(file) + " (the note " + other
                    + " has the same name but for case)");
            return Optional.empty();
        }
        NoteState n = new NoteState(ids.get());
        n.name = name;
        n.file = file;
        replicas.withNewReplica(n, force, r -> replicas.ownEdits(() -> {
            r.rename(name);
            String text = read.text();
            // in slices: one edit of a big file made its ops, records and log bytes all at once
            for (int at = 0; at < text.length(); ) {
                int to = Math.min(text.length(), at + IMPORT_SLICE);
                if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                    to--;
                }
                r.insertUtf16(at, text.substring(at, to));
                at = to;
            }
        }));
        fileRead(n, read, false);
        synchronized (state) {
            n.hasPending = true;
        }
        return Optional.of(n);
    }

    private Optional<FileStamp.Read> readText(Path file) {
        return readText(paths, events, file);
    }

    /** The file's text and stamp; empty, with the reason told once, when it cannot be read as text. */
    static Optional<FileStamp.Read> readText(VaultPaths paths, VaultEvents events, Path file) {
        try {
            return Optional.of(FileStamp.read(file, System::currentTimeMillis));
        } catch (NotUtf8Exception e) {
            events.problem("Not UTF-8, left alone: " + paths.vault().relativize(file) + " (" + Reasons.of(e) + ")");
        } catch (NoSuchFileException e) {
            // gone again: the note goes to the trash at the next scan
        } catch (IOException e) {
            events.problem("Cannot read " + paths.vault().relativize(file) + ": " + Reasons.of(e));
        }
        return Optional.empty();
    }
}
