package dev.weft.store;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The changes of one transaction, handed to the work given to {@link Store#write}: they are
 * committed together, with the works of other callers that were waiting at the same moment (group
 * commit), and are durable once {@code write} returns. A batch is good only inside its work.
 *
 * <p>The reads here see the batch's own changes; answers built from them may be sent once the
 * write returns, never earlier. A {@link RefusedException} or any other exception from the work
 * rolls the work back whole.
 */
public final class WriteBatch {
    private final DocumentWrites documentWrites;
    private final Documents documents;
    private final Runs atoms;
    private final Devices devices;
    private final PairingCodes pairingCodes;
    private final SyncClock clock;
    private final FileVersions files;
    private boolean open = true;

    WriteBatch(Documents documents, Runs atoms, Devices devices, PairingCodes pairingCodes, SyncClock clock,
            FileVersions files) {
        this.files = files;
        this.documents = documents;
        this.atoms = atoms;
        this.devices = devices;
        this.pairingCodes = pairingCodes;
        this.clock = clock;
        this.documentWrites = new DocumentWrites(documents, atoms, clock);
    }

    /**
     * Applies a sync_doc_upsert or a session's ops (docs/protocol.md §4, §5): creates the document if it
     * does not exist (then {@code name} is required), renames it if {@code name} is given and
     * differs (made unique among the documents out of the trash), applies the inserts, then the
     * deletes. Stamps one new sync time if anything changed.
     *
     * @param name the name, already validated as a note name; null to keep the current one
     * @throws RefusedException if the document does not exist and {@code name} is null
     */
    public UpsertResult upsert(UUID document, String name, List<Atom> inserts, List<Pid> deletes) {
        check();
        return documentWrites.upsert(document, name, inserts, deletes);
    }

    /**
     * An upsert from a device current to {@code knownAt} (its {@code last_sync_time}): its name
     * renames the document only if the document got its current name at or before that time, so a
     * device that has not seen a rename does not undo it with the name it knew.
     */
    public UpsertResult upsert(UUID document, String name, long knownAt, List<Atom> inserts, List<Pid> deletes) {
        check();
        return documentWrites.upsert(document, name, knownAt, inserts, deletes);
    }

    /**
     * {@link #upsert(UUID, String, long, List, List)} of runs: {@code inserts} and {@code deletes}
     * each in pid order, none starting at or before the one before ends (a run message's, or
     * {@link OpRuns}'). A run the store holds none of is written whole, not atom by atom.
     */
    public UpsertResult upsertRuns(UUID document, String name, long knownAt, List<Run> inserts,
            List<PidRange> deletes) {
        check();
        return documentWrites.upsertRuns(document, name, knownAt, inserts, deletes);
    }

    /** Puts the document in the trash with a new sync time; its name is free for others. Empty if unknown. */
    public Optional<DocumentState> trash(UUID document) {
        return trash(document, 0, DocumentWrites.NO_CHECK, 0);
    }

    /**
     * Puts the document in the trash for the device of {@code site}, which knew it as of {@code knownAt}
     * ({@code -1}: says nothing), in {@code batch}, unless another device changed it after that: then
     * it stays out of the trash and the trash is recorded as undone by that change (docs/protocol.md
     * §9). Empty if unknown.
     */
    public Optional<DocumentState> trash(UUID document, int site, long knownAt, long batch) {
        check();
        return documentWrites.trash(document, site, knownAt, batch);
    }

    /**
     * Notes that the change just made to the document came from {@code site}, current to
     * {@code deviceTime}; if that device had not seen its trash (made by another), the document
     * comes out of the trash (docs/protocol.md §9). The document as it is now; empty if unknown.
     */
    public Optional<DocumentState> edited(UUID document, int site, long deviceTime) {
        check();
        return documentWrites.edited(document, site, deviceTime);
    }

    /**
     * Deletes a document in the trash forever: its text, history and name are removed; a tombstone
     * with a new sync time stays. Empty if unknown; a document purged before is answered as it is.
     *
     * @throws RefusedException if it is not in the trash
     */
    public Optional<DocumentState> purge(UUID document) {
        check();
        return documentWrites.purge(document);
    }

    /**
     * Forgets the text of the document's atoms deleted before {@code before} ({@code
     * --history-days}, docs/store.md "Deleted text"); its current text and what devices get are
     * unchanged. Returns how many atoms it forgot.
     */
    public int forgetDeletedBefore(UUID document, long before) {
        check();
        return atoms.forgetDeletedBefore(document, before);
    }

    /**
     * Removes the document's op history of changes before {@code before} ({@code --history-days},
     * docs/store.md "Deleted text"): a device behind that time is answered from the runs instead.
     * Returns how many history entries it removed.
     */
    public int pruneHistoryBefore(UUID document, long before) {
        check();
        return atoms.pruneHistoryBefore(document, before);
    }

    /** The document's last trash ({@link TrashRecord#NONE} if none); empty if unknown or purged. */
    public Optional<TrashRecord> trashRecord(UUID document) {
        check();
        return documents.get(document).map(DocumentRecord::trash);
    }

    /** The sync time at which the document was deleted forever, if it was. */
    public Optional<Long> purgedAt(UUID document) {
        check();
        return documents.raw(document).filter(DocumentRecord::purged).map(DocumentRecord::syncTime);
    }

    /** The name of the device of {@code site}, if the store knows it (revoked or not). */
    public Optional<String> deviceName(int site) {
        check();
        return devices.bySite(site).map(Device::name);
    }

    /** Takes the document out of the trash with a new sync time, renamed if its name is taken. Empty if unknown. */
    public Optional<DocumentState> restore(UUID document) {
        check();
        return documentWrites.restore(document);
    }

    /** The document out of the trash that holds {@code name} as unique names are compared (case ignored), if any. */
    public Optional<DocumentState> nameHolder(String name) {
        check();
        return documents.nameHolder(name).flatMap(this::document);
    }

    /** A document out of the trash whose name starts with {@code prefix}, compared as unique names are, if any. */
    public Optional<DocumentState> nameUnder(String prefix) {
        check();
        return documents.nameUnder(prefix).flatMap(this::document);
    }

    /** The document as this batch leaves it. */
    public Optional<DocumentState> document(UUID document) {
        check();
        return documents.get(document).map(record -> record.state(document));
    }

    /** {@link Store#changedSince} as this batch leaves the sync index. */
    public List<SyncEntry> changedSince(long since, int limit) {
        check();
        return documents.changedSince(since, limit);
    }

    /** {@link Store#changesSince} as this batch leaves the document. */
    public Optional<DocumentChanges> changesSince(UUID document, long since, int requestingSite) {
        check();
        return documents.get(document).map(record -> atoms.changes(document, record, since, requestingSite));
    }

    /**
     * Pairs a device: the next site, never given before.
     *
     * @param tokenHash SHA-256 of the device token; the token itself is never stored
     * @throws RefusedException if a device not revoked has that name (without regard to case) or
     *     all 254 sites have been given out
     */
    public Device createDevice(String name, byte[] tokenHash) {
        check();
        return devices.create(name, tokenHash);
    }

    /**
     * Sites up to {@code site} were given out, though this store may not know it (a device puts back
     * others' atoms after the store lost changes): no new device gets one of them.
     */
    public void reserveSites(int site) {
        check();
        devices.reserve(site);
    }

    /** Whether a device not revoked is named {@code name} (compared without regard to case). */
    public boolean deviceNameTaken(String name) {
        check();
        return devices.nameTaken(name);
    }

    /** Withdraws the access of the device named {@code name}; empty if no device not revoked has it. */
    public Optional<Device> revoke(String name) {
        check();
        return devices.revoke(name);
    }

    /**
     * Commits a file version (docs/protocol.md §11): compare-and-set on {@code base}, the path's
     * current version (any base for a path with none); refused with the holder for a name another
     * live path holds (case ignored), with the chunks {@code held} lacks; stamps a new sync time and
     * keeps the path's last {@code keep} versions, dropping the references of older ones.
     */
    public FileCommitResult commitFile(FileVersion proposal, long base, int keep, java.util.function.Predicate<byte[]> held) {
        check();
        if (keep < 1) {
            throw new IllegalArgumentException("keep " + keep + " below 1");
        }
        return files.commit(proposal, base, keep, held, clock);
    }

    /** Stores a pairing code's hash until {@code expiresMicros}, and forgets the expired ones. */
    public void putPairingCode(byte[] codeHash, long expiresMicros) {
        check();
        pairingCodes.put(codeHash, expiresMicros, clock.nowMicros());
    }

    /** True once for a stored pairing code that has not expired by {@code nowMicros}; false after, or for any other. */
    public boolean consumePairingCode(byte[] codeHash, long nowMicros) {
        check();
        return pairingCodes.consume(codeHash, nowMicros);
    }

    void close() {
        open = false;
    }

    private void check() {
        if (!open) {
            throw new IllegalStateException("a write batch is used only inside its work");
        }
    }
}
