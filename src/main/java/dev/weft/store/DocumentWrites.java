package dev.weft.store;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The document changes of docs/protocol.md §4: upsert, trash, restore. Each change that has an effect
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
        Objects.requireNonNull(id, "document id");
        List<Atom> ins = List.copyOf(inserts);
        List<Pid> dels = List.copyOf(deletes);
        DocumentRecord before = documents.get(id).orElse(null);
        if (before == null && name == null) {
            throw new RefusedException("document " + id + " does not exist and the request names none");
        }
        boolean stale = before != null && Long.compareUnsigned(before.nameTime(), knownAt) > 0;
        String finalName = before == null ? claim(id, name) : rename(id, before, stale ? null : name);
        boolean renamed = before != null && !finalName.equals(before.name());
        long time = clock.peek();
        List<HistoryEntry.Range> touched = atoms.apply(id, ins, dels, time);
        if (before != null && !renamed && touched.isEmpty()) {
            return new UpsertResult(before.state(id), false, false, false);
        }
        clock.take(time);
        atoms.recordHistory(id, time, touched);
        DocumentRecord now = before == null
                ? new DocumentRecord(finalName, false, time, time, time)
                : new DocumentRecord(finalName, before.trashed(), time, before.created(), renamed ? time : before.nameTime());
        documents.put(id, before, now);
        return new UpsertResult(now.state(id), before == null, renamed, true);
    }

    Optional<DocumentState> trash(UUID id) {
        return documents.get(id).map(before -> {
            if (before.trashed()) {
                return before.state(id);
            }
            documents.releaseName(id, before.name());
            return store(id, before, new DocumentRecord(before.name(), true, clock.next(), before.created(), before.nameTime()));
        });
    }

    Optional<DocumentState> restore(UUID id) {
        return documents.get(id).map(before -> {
            if (!before.trashed()) {
                return before.state(id);
            }
            String name = claim(id, before.name());
            long time = clock.next();
            return store(id, before, new DocumentRecord(name, false, time, before.created(),
                    name.equals(before.name()) ? before.nameTime() : time));
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
