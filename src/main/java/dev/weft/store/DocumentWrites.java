package dev.weft.store;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The document changes of docs/protocol.md §4 and §9: upsert, trash, restore, purge. Each change that has an effect
 * takes one new sync time, stamps the document with it and moves it in the sync index.
 */
final class DocumentWrites {
    private final Documents documents;
    private final Runs atoms;
    private final SyncClock clock;

    DocumentWrites(Documents documents, Runs atoms, SyncClock clock) {
        this.documents = documents;
        this.atoms = atoms;
        this.clock = clock;
    }

    /** A trash request that says nothing of what its device knew: no change wins over it. */
    static final long NO_CHECK = -1L;

    UpsertResult upsert(UUID id, String name, List<Atom> inserts, List<Pid> deletes) {
        return upsert(id, name, Long.MAX_VALUE, inserts, deletes);
    }

    /**
     * {@link #upsert} from a device current to {@code knownAt}: its name renames the document only
     * if the document got its name at or before {@code knownAt}. Otherwise the device has not seen
     * the current name (a rename elsewhere while it was offline, and it sends the name it knew) or
     * renamed concurrently with a rename the server already has: the current name stays, and the
     * answer tells the device.
     */
    UpsertResult upsert(UUID id, String name, long knownAt, List<Atom> inserts, List<Pid> deletes) {
        return upsertRuns(id, name, knownAt, OpRuns.inserts(inserts), OpRuns.deletes(deletes));
    }

    /** {@link #upsert} of runs, in pid order and not overlapping (as {@link OpRuns} makes them). */
    UpsertResult upsertRuns(UUID id, String name, long knownAt, List<Run> inserts, List<PidRange> deletes) {
        Objects.requireNonNull(id, "document id");
        List<Run> ins = List.copyOf(inserts);
        List<PidRange> dels = List.copyOf(deletes);
        DocumentRecord before = documents.get(id).orElse(null);
        if (before == null && documents.purged(id)) {
            throw new PurgedException(id);
        }
        if (before == null && name == null) {
            throw new RefusedException("document " + id + " does not exist and the request names none");
        }
        boolean stale = before != null && Long.compareUnsigned(before.nameTime(), knownAt) > 0;
        String finalName = before == null ? claim(id, name) : rename(id, before, stale ? null : name);
        boolean renamed = before != null && !finalName.equals(before.name());
        long time = clock.peek();
        List<HistoryEntry.Range> touched = atoms.applyRuns(id, ins, dels, time);
        if (before != null && !renamed && touched.isEmpty()) {
            return new UpsertResult(before.state(id), false, false, false);
        }
        clock.take(time);
        atoms.recordHistory(id, time, touched);
        DocumentRecord now = before == null
                ? new DocumentRecord(finalName, false, time, time, time)
                : before.with(finalName, before.trashed(), time, renamed ? time : before.nameTime());
        documents.put(id, before, now);
        return new UpsertResult(now.state(id), before == null, renamed, true);
    }

    /**
     * Puts the document in the trash for {@code site}, whose device knew it as of {@code knownAt}
     * ({@link #NO_CHECK}: a trash that says nothing of it), in {@code batch}. A change another device
     * made after {@code knownAt} wins (docs/protocol.md §9): the document stays out, and the trash is
     * recorded as undone by that change, with a new sync time so that every device hears of it.
     */
    Optional<DocumentState> trash(UUID id, int site, long knownAt, long batch) {
        return documents.get(id).map(before -> {
            if (before.trashed()) {
                return before.state(id);
            }
            long time = clock.next();
            if (TrashRules.editWins(before.edits().lastByOtherThan(site), knownAt)) {
                TrashRecord undone = new TrashRecord(time, site, batch, before.edits().lastEditorOtherThan(site), time);
                return store(id, before, before.with(before.name(), false, time, before.nameTime()).with(undone));
            }
            documents.releaseName(id, before.name());
            return store(id, before, before.with(before.name(), true, time, before.nameTime())
                    .with(new TrashRecord(time, site, batch, 0, 0)));
        });
    }

    Optional<DocumentState> restore(UUID id) {
        return documents.get(id).map(before -> {
            if (!before.trashed()) {
                return before.state(id);
            }
            return restored(id, before, before, clock.next(), before.trash().undoneBy(0, 0));
        });
    }

    /**
     * Notes that {@code site} changed the document, in the change just made; a device that did not
     * know of its trash ({@code deviceTime} before it) and did not make it takes it out of the trash
     * (docs/protocol.md §9). Returns the document as it is now.
     */
    Optional<DocumentState> edited(UUID id, int site, long deviceTime) {
        return documents.get(id).map(before -> {
            DocumentRecord noted = before.editedBy(site, before.syncTime());
            if (!TrashRules.editUndoesTrash(before.trashed(), before.trash(), site, deviceTime)) {
                return store(id, before, noted);
            }
            long time = clock.next();
            return restored(id, before, noted, time, before.trash().undoneBy(site, time));
        });
    }

    private DocumentState restored(UUID id, DocumentRecord before, DocumentRecord base, long time, TrashRecord trash) {
        String name = claim(id, before.name());
        return store(id, before, base.with(name, false, time, name.equals(before.name()) ? before.nameTime() : time)
                .with(trash));
    }

    /**
     * Deletes a document in the trash forever: its runs and history go, a tombstone with a new sync
     * time stays (docs/protocol.md §9). Empty if unknown.
     *
     * @throws RefusedException if the document is not in the trash
     */
    Optional<DocumentState> purge(UUID id) {
        if (documents.purged(id)) {
            return documents.raw(id).map(record -> record.state(id));
        }
        return documents.get(id).map(before -> {
            if (!before.trashed()) {
                throw new RefusedException("only a note in the trash can be deleted forever");
            }
            atoms.purge(id);
            return store(id, before, before.purge(clock.next()));
        });
    }

    private DocumentState store(UUID id, DocumentRecord before, DocumentRecord now) {
        documents.put(id, before, now);
        return now.state(id);
    }

    /** Takes the first free form of {@code wanted} for {@code id}. */
    private String claim(UUID id, String wanted) {
        String name = documents.freeName(id, wanted);
        documents.holdName(id, name);
        return name;
    }

    /** The name {@code id} ends with when it asks for {@code wanted}; a trashed document takes it as it is. */
    private String rename(UUID id, DocumentRecord before, String wanted) {
        if (wanted == null || wanted.equals(before.name())) {
            return before.name();
        }
        if (before.trashed()) {
            return wanted;
        }
        String name = documents.freeName(id, wanted);
        if (!name.equals(before.name())) {
            documents.releaseName(id, before.name());
            documents.holdName(id, name);
        }
        return name;
    }
}
