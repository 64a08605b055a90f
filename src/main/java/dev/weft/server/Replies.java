package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.protocol.Message;
import dev.weft.protocol.NoteNames;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocResponseRuns;
import dev.weft.protocol.SyncError;
import dev.weft.store.DiskFullException;
import dev.weft.store.StoreDamagedException;
import dev.weft.store.DocumentChanges;
import dev.weft.store.DocumentState;
import dev.weft.store.RefusedException;
import dev.weft.store.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds the server's answers, splitting a document's changes over several {@code 33}s when large. */
final class Replies {
    /** Room kept in every {@code 33} for its header: type, id, name, counts. */
    private static final int HEADER_BYTES = 1 + 16 + 1025 + 8 + 8;

    static final int NOT_FOUND = 404;
    static final int BAD_NAME = SyncError.BAD_NAME;
    static final int REFUSED = SyncError.REFUSED;
    static final int NAME_NOT_SENDABLE = SyncError.NAME_NOT_SENDABLE;

    /** The start of a name a {@code 36} shows, so that its problem fits the message too. */
    private static final int SHOWN_NAME_CHARS = 40;

    private final int maxMessageBytes;

    Replies(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The largest message a peer takes: answers are split to fit. */
    int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** {@code 33} messages holding {@code changes}, each well under the message size limit. */
    List<SyncDocResponse> responses(UUID document, String name, List<Atom> inserts, List<Pid> deletes) {
        int budget = maxMessageBytes / 2 - HEADER_BYTES;
        List<SyncDocResponse> out = new ArrayList<>();
        List<Atom> atoms = new ArrayList<>();
        List<Pid> pids = new ArrayList<>();
        int size = 0;
        for (Atom atom : inserts) {
            int bytes = 2 + utf8Length(atom.codePoint()) + 5 * atom.pid().depth();
            if (size + bytes > budget) {
                out.add(new SyncDocResponse(document, name, atoms, pids));
                atoms = new ArrayList<>();
                size = 0;
            }
            atoms.add(atom);
            size += bytes;
        }
        for (Pid pid : deletes) {
            int bytes = 1 + 5 * pid.depth();
            if (size + bytes > budget) {
                out.add(new SyncDocResponse(document, name, atoms, pids));
                atoms = new ArrayList<>();
                pids = new ArrayList<>();
                size = 0;
            }
            pids.add(pid);
            size += bytes;
        }
        out.add(new SyncDocResponse(document, name, atoms, pids));
        return out;
    }

    /**
     * {@code 33}s as runs ({@code 6}, docs/protocol.md §8) holding {@code inserts} and {@code deletes},
     * for a peer that speaks runs: each well under the message size limit and the ops a run message
     * may stand for, a run cut where a message ends.
     */
    List<SyncDocResponseRuns> runResponses(UUID document, String name, List<Run> inserts, List<PidRange> deletes) {
        int budget = maxMessageBytes / 2 - HEADER_BYTES;
        int maxOps = maxMessageBytes / 16; // well under what a run message may stand for (a 6-byte pid each)
        List<SyncDocResponseRuns> out = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        List<PidRange> ranges = new ArrayList<>();
        long size = 0;
        long ops = 0;
        for (Run run : inserts) {
            int from = 0;
            while (from < run.count()) {
                long item = 8 + 5L * run.pids().first().depth();
                if (size + item + 4 > budget || ops >= maxOps) {
                    out.add(new SyncDocResponseRuns(document, name, runs, ranges));
                    runs = new ArrayList<>();
                    size = 0;
                    ops = 0;
                }
                size += item;
                int n = 0;
                while (from + n < run.count() && size + 4 <= budget && ops + n < maxOps) {
                    size += utf8Length(run.codePointAt(from + n));
                    n++;
                }
                runs.add(from == 0 && n == run.count() ? run : new Run(new PidRange(run.pids().pidAt(from),
                        run.pids().stride(), n), Arrays.copyOfRange(run.codePoints(), from, from + n)));
                ops += n;
                from += n;
            }
        }
        for (PidRange range : deletes) {
            int from = 0;
            while (from < range.count()) {
                long item = 8 + 5L * range.first().depth();
                if (size + item > budget || ops >= maxOps) {
                    out.add(new SyncDocResponseRuns(document, name, runs, ranges));
                    runs = new ArrayList<>();
                    ranges = new ArrayList<>();
                    size = 0;
                    ops = 0;
                }
                int n = (int) Math.min(range.count() - from, maxOps - ops);
                ranges.add(from == 0 && n == range.count() ? range : new PidRange(range.pidAt(from), range.stride(), n));
                size += item;
                ops += n;
                from += n;
            }
        }
        out.add(new SyncDocResponseRuns(document, name, runs, ranges));
        return out;
    }

    /** A pull's answer: the changes, then {@code 34} with the time the device is now current to. */
    List<Message> pulled(DocumentChanges changes) {
        DocumentState doc = changes.document();
        List<Message> out = new ArrayList<>(responses(doc.id(), doc.name(), changes.inserts(), changes.deletes()));
        out.add(done(doc));
        return out;
    }

    /**
     * {@code doc} if its final name keeps the name rule ({@link NoteNames}); else the request is
     * refused and its work rolls back. Every name that comes in is checked first, so only a name
     * the store made can break it: one made unique with {@code " (2)"} that outgrows the 1,024
     * bytes of a name or the 230 of a segment (on an upsert, a rename or a restore), or a name a
     * trashed document kept from before the rule grew (on a restore).
     */
    static DocumentState sendable(DocumentState doc) {
        NoteNames.validate(doc.name()).ifPresent(problem -> {
            throw new RefusedException("the name is taken and its numbered form is no valid name (" + problem
                    + "): choose a shorter one");
        });
        return doc;
    }

    /**
     * {@code doc} if no other document out of the trash {@link NoteNames#clash}es with its name (note
     * {@code x} and note {@code x.md/y}: no device could write both files); else the request is
     * refused ({@code 36} code 400, as a name that breaks the rule) and its work rolls back. Checked
     * where a name is given (create, rename, restore), against the names as this batch leaves them.
     */
    static DocumentState placeable(WriteBatch batch, DocumentState doc) {
        if (doc.trashed()) {
            return doc;
        }
        List<DocumentState> others = new ArrayList<>();
        for (String note : NoteNames.notesAsFoldersOf(doc.name())) {
            batch.nameHolder(note).ifPresent(others::add);
        }
        batch.nameUnder(NoteNames.fileAsFolder(doc.name())).ifPresent(others::add);
        for (DocumentState other : others) {
            if (!other.id().equals(doc.id()) && NoteNames.clash(doc.name(), other.name())) {
                throw new NameClash("name: " + NoteNames.clashProblem(doc.name(), other.name()));
            }
        }
        return doc;
    }

    /** A name no device could write beside another document's: answered like a name that breaks the rule. */
    static final class NameClash extends RuntimeException {
        NameClash(String message) {
            super(message);
        }
    }

    /**
     * The {@code 36} that stands for {@code doc}'s changes when its stored name breaks the name rule:
     * an older server could store one (a restore under an older rule), and a {@code 33} must not carry
     * it (over 1,024 bytes it cannot even be encoded). Empty if the name keeps the rule.
     */
    static Optional<SyncError> unsendable(DocumentState doc) {
        String shown = doc.name().length() <= SHOWN_NAME_CHARS ? doc.name()
                : doc.name().substring(0, SHOWN_NAME_CHARS) + "…";
        return NoteNames.validate(doc.name()).map(problem -> error(doc.id(), NAME_NOT_SENDABLE,
                "its name '" + shown + "' is not a valid note name (" + problem + ")"));
    }

    /**
     * The time an upsert's name is compared with the stored name's: the device's {@code last_sync_time},
     * or any time when the stored name breaks the rule, which is then no name at all: the upsert's
     * (checked) name replaces it, so the note can be sent again.
     */
    static long nameKnownAt(Optional<DocumentState> before, long lastSyncTime) {
        boolean unsendable = before.map(doc -> unsendable(doc).isPresent()).orElse(false);
        return unsendable ? -1L : lastSyncTime; // -1: the greatest unsigned time
    }

    static SyncDocDone done(DocumentState doc) {
        return new SyncDocDone(doc.id(), doc.syncTime(), doc.trashed());
    }

    /**
     * The {@code 36} that answers a write the store refused (a taken name, a full disk), the
     * connection staying open; empty for a fault.
     */
    static Optional<SyncError> refusal(UUID document, Throwable cause) {
        if (cause instanceof NameClash) {
            return Optional.of(error(document, BAD_NAME, cause.getMessage()));
        }
        if (cause instanceof RefusedException) {
            return Optional.of(error(document, REFUSED, cause.getMessage()));
        }
        if (cause instanceof DiskFullException) {
            return Optional.of(error(document, SyncError.DISK_FULL, cause.getMessage()));
        }
        if (cause instanceof StoreDamagedException) {
            return Optional.of(error(document, SyncError.STORE_DAMAGED, StoreDamagedException.MESSAGE));
        }
        return Optional.empty();
    }

    static SyncError error(UUID document, int code, String message) {
        String text = message.length() > 200 ? message.substring(0, 200) : message;
        return new SyncError(document, code, text.replaceAll("\\p{Cc}", " "));
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
