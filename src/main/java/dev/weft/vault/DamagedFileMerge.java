package dev.weft.vault;

import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.vault.VaultListener.Origin;
import dev.weft.vault.text.DebouncedWriter;
import dev.weft.vault.text.TextDiff;
import dev.weft.vault.text.ThreeWayMerge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges the {@code .md} of a note whose log was damaged ({@link DamagedLogs}) into its replica,
 * once the replica holds again what the server has: the file is the user's text, so its difference
 * from the replica becomes local edits, pending and sent like typing. A deletion only removes text
 * the replica held when the damage was found: text the restore brought back (the server's, others'
 * edits made meanwhile) is never removed because the file lacks it. Runs under the operation lock.
 */
final class DamagedFileMerge {
    private final NoteTable table;
    private final Object state;
    private final VaultPaths paths;
    private final Replicas replicas;
    private final NoteFiles files;
    private final DamagedLogs damaged;
    private final VaultEvents events;

    DamagedFileMerge(NoteTable table, VaultPaths paths, Replicas replicas, NoteFiles files, DamagedLogs damaged,
            VaultEvents events) {
        this.table = table;
        this.state = table.lock;
        this.paths = paths;
        this.replicas = replicas;
        this.files = files;
        this.damaged = damaged;
        this.events = events;
    }

    /**
     * Merges the note's file into {@code r} and lifts the mark; does nothing if the note is not
     * marked. Returns whether it made edits (then pending).
     */
    boolean merge(NoteState n, NoteReplica r) throws IOException {
        Path file;
        synchronized (state) {
            if (!n.logDamaged) {
                return false;
            }
            file = n.file;
        }
        Optional<FileStamp.Read> read = file == null || file.startsWith(paths.weftDir()) ? Optional.empty()
                : FolderChanges.readText(paths, events, file);
        if (read.isEmpty() && file != null && java.nio.file.Files.exists(file)) {
            return false; // unreadable now (reported): the mark stays, the file is not written
        }
        Optional<SequenceDoc> heldThen = damaged.heldThen(n.id);
        boolean changed = read.isPresent() && !r.text().equals(read.get().text());
        if (changed) {
            String theirs = read.get().text();
            replicas.ownEdits(() -> {
                deleteWhatTheFileLost(r, heldThen.orElse(null), theirs);
                for (TextDiff.Edit e : ThreeWayMerge.insertionsOnly(TextDiff.diff(r.text(), theirs))) {
                    r.insertUtf16(e.offset(), e.insert());
                }
            });
        }
        synchronized (state) {
            n.logDamaged = false;
            if (read.isPresent()) {
                n.fileWritten = true;
                n.baseHash = DebouncedWriter.hashOf(read.get().text());
                n.baseText = table.isCached(n) ? read.get().text() : null;
                n.stamp(read.get().stamp());
            }
            if (changed) {
                n.version++;
                n.hasPending = true;
            }
        }
        damaged.unmark(n.id);
        if (read.isEmpty() || !r.text().equals(read.get().text())) {
            read.ifPresent(t -> files.saveBase(n, t.text()));
            files.scheduleWrite(n, r); // the file lacked text the restore brought back
        }
        if (changed) {
            events.fire(l -> l.textChanged(n.id, Origin.EXTERNAL));
            events.fire(l -> l.pendingWork(n.id));
        }
        return changed;
    }

    /**
     * Deletes the characters the replica showed when the damage was found (and shows still) that
     * the file lacks: the user deleted them. Diffed apart from the rest of the text, so a character
     * the restore brought back is never taken for one of them (a diff of the whole text may match
     * an equal character of another device's in its place), and by line: the characters held then
     * are often a subsequence of the file (`line 1` of `line 10`), where a shortest script by
     * character deletes nothing.
     */
    private static void deleteWhatTheFileLost(NoteReplica r, SequenceDoc heldThen, String theirs)
            throws IOException {
        if (heldThen == null) {
            return;
        }
        StringBuilder held = new StringBuilder();
        List<Pid> pids = new ArrayList<>();
        List<Integer> starts = new ArrayList<>(); // UTF-16 offset of each code point in held
        String ours = r.text();
        for (int i = 0, at = 0; at < ours.length(); i++) {
            int codePoint = ours.codePointAt(at);
            Pid pid = r.pidAt(i);
            if (heldThen.indexOf(pid) >= 0) {
                starts.add(held.length());
                pids.add(pid);
                held.appendCodePoint(codePoint);
            }
            at += Character.charCount(codePoint);
        }
        List<Pid> lost = new ArrayList<>();
        int delta = 0; // how far the edits before moved the offsets of held
        for (TextDiff.Edit e : TextDiff.diffByLine(held.toString(), theirs)) {
            int from = e.offset() - delta;
            for (int k = firstAtOrAfter(starts, from); k < starts.size() && starts.get(k) < from + e.deleteLength(); k++) {
                lost.add(pids.get(k));
            }
            delta += e.insert().length() - e.deleteLength();
        }
        for (Pid pid : lost) {
            int at = r.indexOf(pid);
            if (at >= 0) {
                r.delete(at, 1);
            }
        }
    }

    private static int firstAtOrAfter(List<Integer> starts, int offset) {
        int k = java.util.Collections.binarySearch(starts, offset);
        return k >= 0 ? k : -k - 1;
    }
}
