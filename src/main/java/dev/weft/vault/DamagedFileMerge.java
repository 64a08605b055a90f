package dev.weft.vault;

import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.vault.VaultListener.Origin;
import dev.weft.vault.text.DebouncedWriter;
import dev.weft.vault.text.NotUtf8Exception;
import dev.weft.vault.text.TextDiff;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
                : readText(file);
        if (read.isEmpty() && file != null && java.nio.file.Files.exists(file)) {
            return false; // unreadable now (reported): the mark stays, the file is not written
        }
        Optional<SequenceDoc> heldThen = damaged.heldThen(n.id);
        List<TextDiff.Edit> edits = read.isEmpty() ? List.of() : TextDiff.diff(r.text(), read.get().text());
        replicas.ownEdits(() -> apply(r, edits, heldThen.orElse(null)));
        boolean changed = !edits.isEmpty();
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
     * Applies {@code edits} (each relative to the text after the ones before it) to {@code r},
     * deleting only characters alive in {@code heldThen} (none if it is null); the characters kept
     * shift the later edits.
     */
    private static void apply(NoteReplica r, List<TextDiff.Edit> edits, SequenceDoc heldThen) throws IOException {
        int shift = 0;
        for (TextDiff.Edit e : edits) {
            int from = e.offset() + shift;
            int end = from + e.deleteLength();
            int kept = 0;
            // from the end, so the offsets before stay valid; runs of deletable characters at once
            int runEnd = -1;
            for (int at = end; at > from;) {
                Pid pid = r.pidBeforeUtf16(at);
                int start = r.utf16Of(pid);
                boolean deletable = heldThen != null && heldThen.indexOf(pid) >= 0;
                if (deletable && runEnd < 0) {
                    runEnd = at;
                } else if (!deletable) {
                    if (runEnd >= 0) {
                        r.deleteUtf16(at, runEnd - at);
                        runEnd = -1;
                    }
                    kept += at - start;
                }
                at = start;
            }
            if (runEnd >= 0) {
                r.deleteUtf16(from, runEnd - from);
            }
            if (!e.insert().isEmpty()) {
                r.insertUtf16(from + kept, e.insert());
            }
            shift += kept;
        }
    }

    private Optional<FileStamp.Read> readText(Path file) {
        try {
            return Optional.of(FileStamp.read(file, System::currentTimeMillis));
        } catch (NotUtf8Exception e) {
            events.problem("Not UTF-8, left alone: " + paths.vault().relativize(file) + " (" + e.getMessage() + ")");
        } catch (NoSuchFileException e) {
            // deleted: the note goes to the trash at the next scan
        } catch (IOException e) {
            events.problem("Cannot read " + paths.vault().relativize(file) + ": " + e.getMessage());
        }
        return Optional.empty();
    }
}
