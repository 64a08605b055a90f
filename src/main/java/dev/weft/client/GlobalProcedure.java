package dev.weft.client;

import dev.weft.protocol.Message;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocPurge;
import dev.weft.protocol.SyncDocPurged;
import dev.weft.protocol.SyncDocRestore;
import dev.weft.protocol.SyncDocTrash;
import dev.weft.protocol.SyncDocTrashBatch;
import dev.weft.protocol.SyncDocTrashInfo;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import dev.weft.vault.LocalOp;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.NoteSetAside;
import dev.weft.vault.RecordLog;
import dev.weft.vault.TrashChange;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The client procedure of a global sync connection (docs/protocol.md §4), for one connection: uploads
 * pending work first, then synclist, then a queue of pulls, the device's last sync time advanced
 * only when the queue is done. Unsolicited {@code 32} pushes are handled like answers. Never
 * touches a socket: it gets decoded messages and sends through an {@link Outbox}; one thread only.
 *
 * <p>The server answers requests in order, so {@link #awaiting} holds what each coming answer
 * belongs to; a {@code 32} is the only message that can also come unasked.
 */
final class GlobalProcedure {
    /** Pulls in flight at once: enough to hide the round trip, few enough to keep answers small. */
    static final int PULL_WINDOW = 32;
    /** Notes whose uploads are marked, forced and sent together ({@link #uploadAll}). */
    static final int UPLOAD_BATCH = 16;
    /** At most this many notes deleted forever wait to be applied together ({@link #applyPurges}). */
    static final int PURGE_BATCH = 512;
    /**
     * Notes of {@link #uploadAll} with an upload in flight at once: three batches, so the server has
     * some queued while the next is prepared, few enough that they and a batch answered stay held
     * until their answers (within {@code Replicas.MAX_HELD}, 64) and are not opened again to apply them.
     */
    static final int UPLOAD_WINDOW = 3 * UPLOAD_BATCH;

    private sealed interface Request {
    }

    /** {@code unsettled}: see {@link Uncovered}. */
    private record Upsert(UUID document, long throughSeq, Uncovered unsettled) implements Request {
    }

    private record Pull(UUID document, Uncovered unsettled) implements Request {
    }

    private record Trash(UUID document, boolean trashed) implements Request {
    }

    private record Purge(UUID document) implements Request {
    }

    /**
     * A pull of the nil document sent right after each synclist: its {@code 36} (404) comes after
     * the synclist's answer (answers keep request order), so it tells that the answer is in. A
     * {@code 32} alone cannot: an unsolicited push looks the same and may come first.
     */
    private record ListEnd() implements Request {
    }

    /**
     * An answer coming in. {@code leftToSession}: the note's session was live at its first
     * {@code 33}, and the session brings all of it, each change with the time that covers it.
     * Applied too, the answer's atoms newer than the session's time were taken as covered by the
     * session's next {@code 69}, and one deleted elsewhere before the session forwarded it (its
     * connection cut) stayed forever; and its name could undo a rename the session brought.
     */
    private static final class Incoming {
        final boolean leftToSession;
        /** A new note whose name this device cannot take: skipped, reported by the vault (NoteSetAside). */
        boolean setAside;
        String name;
        /** The {@code 33}s applied so far. */
        int parts;

        Incoming(boolean leftToSession) {
            this.leftToSession = leftToSession;
        }
    }

    /** Never a note's id (docs/protocol.md: all zero means none). */
    static final UUID NIL = new UUID(0, 0);

    private final Vault vault;
    private final Outbox outbox;
    private final SyncListener listener;
    private final Predicate<UUID> inSession;
    /**
     * Notes whose session was closed, to pull from their own time (owned by the client: kept across
     * connections until pulled). See {@link #sessionClosed}.
     */
    private final Set<UUID> afterSession;
    private final ArrayDeque<Request> awaiting = new ArrayDeque<>();
    /** Listed documents still to pull, with their listed time. */
    private final Map<UUID, Long> toPull = new LinkedHashMap<>();
    /** Notes uploaded whole to a store that had lost changes, to pull from 0 (see {@link #reupload}). */
    private final Set<UUID> settleFromZero = new HashSet<>();
    private final Set<UUID> trashInFlight = new HashSet<>();
    private final Set<UUID> purgeInFlight = new HashSet<>();
    /** The {@code 39}s taken in and not applied yet ({@link #applyPurges}). */
    private final Set<UUID> purgedAsked = new LinkedHashSet<>();
    private final Map<UUID, Optional<String>> purgedElsewhere = new LinkedHashMap<>();
    /** Both ends announced the trash messages (docs/protocol.md §9): batches, edits that win, purge. */
    private boolean trashMessages;
    /**
     * Notes with an upsert or pull in flight, and how many. One request per note at a time: an answer
     * from time L is applied after an earlier answer may have moved the note past L, and then it
     * cannot tell the deletes of atoms inserted after L that the earlier answer brought.
     */
    private final Map<UUID, Integer> inFlight = new HashMap<>();
    /**
     * The pending ops of a note's upload still to send, as seqs, each part read from the log once
     * the previous one is answered: a big note's ops are not all held as objects.
     */
    private final Map<UUID, RecordLog.ToSend> laterParts = new HashMap<>();
    /** Notes whose local work waits for their request in flight. */
    private final Set<UUID> uploadAfter = new HashSet<>();
    /** Notes of {@link #uploadAll} not sent yet, in order; sent as the window frees ({@link #pumpUploads}). */
    private final Set<UUID> toUpload = new LinkedHashSet<>();
    /** Notes of {@link #uploadAll} whose upload is in flight (all its parts). */
    private final Set<UUID> uploadWindow = new HashSet<>();
    /** Notes of {@link #uploadAll} answered whose replicas are still held: closed together, a batch at a time. */
    private final List<UUID> answeredUploads = new ArrayList<>();
    /**
     * What {@link #start} and {@link #resendPending} send once {@link #toUpload} is all sent: the
     * trash changes (a trash must not reach the server before the upsert that creates its note), and
     * for start the synclist (its answer then lists every note uploaded, so L covers them).
     */
    private boolean trashAfterUploads;
    private boolean listAfterUploads;
    /** The answer whose {@code 33}s are coming in, until its {@code 34}. */
    private Incoming incoming;
    /**
     * Pull answers that move their note to or from the trash, held until every pull in flight is
     * answered, so one index write records all their trash flags before any of their times moves on
     * ({@link #takeHeldTrashAnswers}; docs/client.md, "Trash in bulk").
     */
    private final List<HeldAnswer> heldTrashAnswers = new ArrayList<>();

    private record HeldAnswer(Pull pull, SyncDocDone done, Incoming incoming) {
    }
    /**
     * Notes whose upsert part was refused for lack of space: the 34s of the later parts of that upload
     * must not acknowledge, since an acknowledgement covers every seq up to its own. Cleared when the
     * note is uploaded again.
     */
    private final Set<UUID> partRefused = new HashSet<>();
    /**
     * Notes whose upload was refused for its name and renamed back here: all their pending ops go
     * again once their requests in flight are answered (they were sent, but nothing was stored).
     */
    private final Set<UUID> resendAfter = new HashSet<>();
    /** Why the server last refused changes that stay on this device, until {@link #takeRefused} asks. */
    private String refusedNews;
    /** The server refused a write for lack of space since {@link #takeServerDiskFull} last asked. */
    private boolean serverDiskFullNews;
    /** The server's last answer to a write was that its disk is full (cleared by the next 34 of a write). */
    private boolean serverDiskFull;
    private int synclistsAwaited;
    private int pullsInFlight;
    private int pullsDone;
    private int pullsTotal;
    /** Notes whose upload (all its parts) is under way, counted in the progress with {@link #uploadsDone}. */
    private final Set<UUID> uploading = new HashSet<>();
    private int uploadsDone;
    private long greatestListed;

    GlobalProcedure(Vault vault, Outbox outbox, SyncListener listener, Predicate<UUID> inSession,
            Set<UUID> afterSession) {
        this.vault = vault;
        this.outbox = outbox;
        this.listener = listener;
        this.inSession = inSession;
        this.afterSession = afterSession;
    }

    /** Whether the server answered {@code Weft-Trash: 1}; before {@link #start}. */
    void speaksTrash(boolean speaks) {
        trashMessages = speaks;
    }

    /**
     * Step 1 and 2: every note's unacknowledged ops (sent before or not), trash changes, then
     * synclist; and the pulls of notes whose session ended.
     */
    void start() throws IOException {
        List<UUID> pending = vault.withPendingOps();
        if (uploading.addAll(pending)) {
            reportProgress(); // the whole count at once: sending them all takes a while
        }
        trashAfterUploads = true;
        listAfterUploads = true;
        uploadAll(pending);
        pumpPulls();
    }

    /** The rest of {@link #start} once its uploads are all sent. */
    private void listAndPull() {
        requestSynclist(vault.device().lastSyncTime());
        for (UUID id : afterSession) {
            queuePull(id, Long.MAX_VALUE);
        }
        // notes whose log was found damaged (by the uploads above too): pulled from 0, then their file merged
        for (UUID id : vault.damagedNotes()) {
            queuePull(id, Long.MAX_VALUE);
        }
    }

    /**
     * Before {@link #start}: every note of {@code plan} whole (the server's store lost changes this
     * device holds, StoreRecovery), answered from the time the store kept, so the answer brings what
     * others uploaded since. Acknowledges no seq: pending ops still go with {@link #start}. False if a
     * note was left out: its live session sends only its pending ops.
     */
    boolean reupload(ReuploadRule.Plan plan) throws IOException {
        boolean all = true;
        for (UUID id : plan.notes()) {
            if (vault.note(id).isEmpty()) {
                continue;
            }
            if (inSession.test(id)) {
                all = false;
                continue;
            }
            long from = Math.min(plan.kept(), vault.syncTime(id));
            List<SyncDocUpsert> parts = vault.withReplica(id, replica -> WholeNote.upserts(id,
                    replica.name().or(() -> vault.note(id).map(n -> n.name())).orElse("Untitled"), from, replica));
            for (SyncDocUpsert part : parts) {
                inFlight.merge(id, 1, Integer::sum);
                awaiting.add(new Upsert(id, 0, Uncovered.NONE));
                outbox.send(List.of(part));
            }
            // then everything the store has, once it has this note: an atom put back here that
            // another device put back and deleted first has a delete no answer from a time lists
            settleFromZero.add(id);
            queuePull(id, Long.MAX_VALUE);
        }
        return all;
    }

    /**
     * After the server said its disk is full: every note's unacknowledged ops and trash changes again
     * (those not in flight), as at {@link #start}.
     */
    void resendPending() throws IOException {
        List<UUID> pending = new ArrayList<>(vault.withPendingOps());
        pending.removeIf(inSession);
        trashAfterUploads = true;
        uploadAll(pending);
    }

    /** Whether the server's disk was full at its last answer to a write. */
    boolean serverDiskFull() {
        return serverDiskFull;
    }

    /** True once after a write was refused for lack of space on the server. */
    boolean takeServerDiskFull() {
        boolean news = serverDiskFullNews;
        serverDiskFullNews = false;
        return news;
    }

    /**
     * Once after the server refused changes that stay on this device (not a name this device could
     * take back, nor a full disk): why. Sending them again would be refused again.
     */
    Optional<String> takeRefused() {
        Optional<String> news = Optional.ofNullable(refusedNews);
        refusedNews = null;
        return news;
    }

    /**
     * The session of {@code id} was closed: pull the note from its own time. While the session was
     * live this connection skipped the note's listings and pushes, and left answers to the session;
     * the session may have been closed before it brought those changes, and L has moved past them,
     * so nothing else would pull the note until it changes again.
     * Always, not only after a skip: a pull with nothing new costs one small round trip, and the
     * skips happen on three paths and across reconnects.
     */
    void sessionClosed(UUID id) throws IOException {
        queuePull(id, Long.MAX_VALUE);
        pumpPulls();
    }

    /** New local work on {@code id} while connected: its unsent ops, and any trash change. */
    void localWork(UUID id) throws IOException {
        // a note deleted forever since its edit (a 39) has nothing to send: reading it would throw and
        // stop the notes queued after it (a note kept in its place among them)
        if (!inSession.test(id) && vault.note(id).isPresent()) {
            upload(id, false);
        }
        if (!trashAfterUploads) {
            sendTrashChanges();
        }
    }

    /**
     * Whether uploads of {@link #uploadAll} are queued or unanswered: their replicas are best kept
     * held until the answers are in.
     */
    boolean uploadsUnderWay() {
        return !toUpload.isEmpty() || !uploadWindow.isEmpty();
    }

    /** True when nothing is awaited, queued or pending: the vault holds what the server has. */
    boolean isCurrent() {
        return awaiting.isEmpty() && toPull.isEmpty() && toUpload.isEmpty() && synclistsAwaited == 0 && vault.withPendingOps().isEmpty()
                && vault.pendingTrashChanges().isEmpty() && (!trashMessages || vault.pendingPurges().isEmpty());
    }

    /** What the procedure waits for, in words (for a sync that does not finish). */
    String describe() {
        return "awaiting " + awaiting.size() + (awaiting.isEmpty() ? "" : " (next " + awaiting.peek() + ")")
                + ", " + toUpload.size() + " to upload, " + toPull.size() + " to pull, " + synclistsAwaited + " synclists awaited, "
                + vault.withPendingOps().size() + " notes with pending ops, " + vault.pendingTrashChanges().size()
                + " trash changes";
    }

    void received(List<Message> messages) throws IOException, ProtocolViolation {
        for (Message message : messages) {
            if (message instanceof SynclistResponse list) {
                listed(list);
            } else if (message instanceof SyncDocResponse response) {
                changes(response);
            } else if (message instanceof SyncDocDone done) {
                done(done);
            } else if (message instanceof SyncError error) {
                failed(error);
            } else if (message instanceof SyncDocTrashInfo info) {
                trashNews(info);
            } else if (message instanceof SyncDocPurged purged) {
                purged(purged);
            } else {
                throw new ProtocolViolation("a global connection got " + message.getClass().getSimpleName());
            }
        }
        applyPurges();
        if (!heldTrashAnswers.isEmpty() && heldTrashAnswers.size() == pullsInFlight) {
            takeHeldTrashAnswers();
        }
        pumpUploads();
        pumpPulls();
        advanceLastSyncTime();
    }

    /** Whether the pull answer ending in {@code done} moves a note this device holds to or from the trash. */
    private boolean changesTrash(UUID id, SyncDocDone done) {
        Optional<Boolean> trashedHere = vault.note(id).map(n -> n.trashed());
        return trashedHere.isPresent() && trashedHere.get() != done.trashed()
                && !vault.trashChangePending(id);
    }

    /**
     * The held answers, in their order: their names, then all their trash flags in one vault call (one
     * index write), then the rest of each, its time last: a kill between the steps leaves no time past
     * a trash flag the index lacks.
     */
    private void takeHeldTrashAnswers() throws IOException {
        List<HeldAnswer> held = List.copyOf(heldTrashAnswers);
        heldTrashAnswers.clear();
        Map<UUID, Boolean> applied = new LinkedHashMap<>();
        Map<UUID, Boolean> flags = new LinkedHashMap<>();
        for (HeldAnswer answer : held) {
            UUID id = answer.done().documentId();
            incoming = answer.incoming();
            applied.put(id, takeIncoming(id, answer.done()));
            if (changesTrash(id, answer.done())) {
                flags.put(id, answer.done().trashed());
            }
        }
        vault.applyRemoteTrashed(flags);
        for (HeldAnswer answer : held) {
            pullDone(answer.pull(), answer.done(), applied.get(answer.done().documentId()));
        }
    }

    /**
     * Every pending op of each of {@code ids}, {@link #UPLOAD_BATCH} notes at a time, at most
     * {@link #UPLOAD_WINDOW} in flight ({@link #pumpUploads}).
     */
    private void uploadAll(List<UUID> ids) throws IOException {
        toUpload.addAll(ids);
        pumpUploads();
    }

    /**
     * Sends the next batches of {@link #toUpload} while the window has room: the batch's logs are
     * marked, forced side by side, then its first parts leave together (docs/client.md, "Many
     * notes"), so the server takes them in one transaction. The replicas of the answered ones are
     * closed a batch at a time, and what waited for the uploads goes once they are all sent.
     */
    private void pumpUploads() throws IOException {
        if (answeredUploads.size() >= UPLOAD_BATCH || !answeredUploads.isEmpty() && uploadWindow.isEmpty()) {
            vault.closeHeld(answeredUploads);
            answeredUploads.clear();
        }
        while (!toUpload.isEmpty() && uploadWindow.size() + UPLOAD_BATCH <= UPLOAD_WINDOW) {
            List<UUID> marked = new ArrayList<>();
            var it = toUpload.iterator();
            while (it.hasNext() && marked.size() < UPLOAD_BATCH) {
                UUID id = it.next();
                it.remove();
                if (inSession.test(id)) {
                    uploading.remove(id); // a session went live meanwhile: it sends the note's ops
                } else if (prepareUpload(id, true, false)) {
                    marked.add(id);
                }
            }
            vault.forceLogs(marked); // on disk before any of them leaves
            uploadWindow.addAll(marked);
            for (UUID id : marked) {
                sendNextPart(id);
            }
        }
        if (toUpload.isEmpty() && trashAfterUploads) {
            trashAfterUploads = false;
            sendTrashChanges();
        }
        if (toUpload.isEmpty() && listAfterUploads) {
            listAfterUploads = false;
            listAndPull();
        }
    }

    private void upload(UUID id, boolean everythingPending) throws IOException {
        if (prepareUpload(id, everythingPending, true)) {
            sendNextPart(id);
        }
    }

    /**
     * Marks what {@code id} sends now in its log ({@code force}d there, else the caller forces it
     * before sending); true if there is a part to send, false if nothing is to go or an answer is
     * in flight (then it goes after that answer).
     */
    private boolean prepareUpload(UUID id, boolean everythingPending, boolean force) throws IOException {
        if (inFlight.containsKey(id)) {
            uploadAfter.add(id); // sent once the answer in flight is in (see inFlight)
            return false;
        }
        // marked sent in the same step as taken, on disk before it leaves (record-log.md)
        Optional<RecordLog.ToSend> toSend = vault.withReplica(id, replica -> force
                ? replica.log().markToSend(everythingPending) : replica.log().markToSendUnforced(everythingPending));
        if (toSend.isEmpty()) {
            uploading.remove(id); // counted at start, nothing to send after all
            return false;
        }
        partRefused.remove(id);
        if (uploading.add(id)) {
            reportProgress();
        }
        if (toSend.get().count() > UpsertBuilder.OPS_PER_MESSAGE) {
            vault.replica(id); // kept open, not opened (its whole log read) again for every part and answer
        }
        laterParts.put(id, toSend.get());
        return true;
    }

    /**
     * Sends the next part of {@code id}'s upload, from the note's time now: the previous part's
     * answer moved it, so this answer carries neither that part nor what that answer brought.
     */
    private void sendNextPart(UUID id) throws IOException {
        RecordLog.ToSend rest = laterParts.remove(id);
        Upsert[] request = new Upsert[1];
        UpsertBuilder.Part part = vault.withReplica(id, replica -> {
            List<LocalOp> slice = replica.log().pendingBetween(rest.after(), rest.through(),
                    UpsertBuilder.OPS_PER_MESSAGE);
            long last = slice.isEmpty() ? rest.through() : slice.get(slice.size() - 1).seq();
            if (last < rest.through()) {
                laterParts.put(id, new RecordLog.ToSend(last, rest.through(), rest.count() - slice.size()));
            }
            String name = replica.name().or(() -> vault.note(id).map(n -> n.name())).orElse("Untitled");
            UpsertBuilder.Part built = UpsertBuilder.part(id, name, replica.log().syncTime(), slice);
            request[0] = new Upsert(id, built.throughSeq(), Uncovered.of(replica));
            return built;
        });
        inFlight.merge(id, 1, Integer::sum);
        awaiting.add(request[0]);
        outbox.send(List.of(part.upsert()));
    }

    /**
     * Sends the trash changes not in flight, and the purges asked for. Trashes of no batch sent here
     * together (one sync's, the vault's scan's) share one (docs/protocol.md §9).
     */
    private void sendTrashChanges() {
        List<Message> requests = new ArrayList<>();
        long syncBatch = 0;
        for (TrashChange change : vault.pendingTrashChanges()) {
            UUID id = change.id();
            if (!trashInFlight.add(id)) {
                continue;
            }
            awaiting.add(new Trash(id, change.trashed()));
            if (!change.trashed()) {
                requests.add(new SyncDocRestore(id));
            } else if (trashMessages) {
                if (change.batch() == 0 && syncBatch == 0) {
                    syncBatch = TrashBatches.next();
                }
                requests.add(new SyncDocTrashBatch(id, vault.syncTime(id), change.batch() != 0 ? change.batch() : syncBatch));
            } else {
                requests.add(new SyncDocTrash(id));
            }
        }
        if (trashMessages) {
            for (UUID id : vault.pendingPurges()) {
                if (purgeInFlight.add(id)) {
                    awaiting.add(new Purge(id));
                    requests.add(new SyncDocPurge(id));
                }
            }
        }
        outbox.send(requests);
    }

    /** {@code 38}: when and by whom the note was trashed; a line if an edit took it out of the trash. */
    private void trashNews(SyncDocTrashInfo info) throws IOException, ProtocolViolation {
        Request head = awaiting.peek();
        UUID id = info.documentId();
        if (!(head instanceof Upsert u && u.document().equals(id) || head instanceof Pull p && p.document().equals(id)
                || head instanceof Trash t && t.document().equals(id))) {
            throw new ProtocolViolation("a 38 for " + id + " that no request asked for");
        }
        if (info.undoneByEdit()) {
            vault.trashNewsUndone(id);
            String name = vault.note(id).map(n -> "“" + n.name() + "”").orElse("a note");
            listener.notice("restored " + name + ": edited on " + info.editedBy() + " after " + info.trashedBy()
                    + " trashed it");
        } else {
            vault.trashNews(id, info.trashedAt(), info.batch(), info.trashedBy());
        }
    }

    /** {@code 39}: the note was deleted forever; it ends the request about it, and goes here too. */
    private void purged(SyncDocPurged purged) throws IOException, ProtocolViolation {
        Request head = awaiting.poll();
        UUID id = purged.documentId();
        incoming = null;
        Optional<String> name = vault.note(id).map(n -> n.name());
        if (head instanceof Upsert u && u.document().equals(id)) {
            laterParts.remove(id);
            uploadAfter.remove(id);
            resendAfter.remove(id);
            uploadEnded(id);
            answered(id);
        } else if (head instanceof Pull p && p.document().equals(id)) {
            pullsInFlight--;
            pullsDone++;
            afterSession.remove(id);
            uploadAfter.remove(id);
            answered(id);
            reportProgress();
        } else if (head instanceof Trash t && t.document().equals(id)) {
            trashInFlight.remove(id);
        } else if (head instanceof Purge p && p.document().equals(id)) {
            purgeInFlight.remove(id);
        } else {
            throw new ProtocolViolation("a 39 for " + id + " that no request asked for");
        }
        if (head instanceof Purge) {
            purgedAsked.add(id);
        } else {
            purgedElsewhere.put(id, name);
        }
    }

    /**
     * The {@code 39}s taken in, as one batch of the vault (one record, one index write), once no pull or
     * purge that may bring more is in flight (a server answers each in a frame of its own: all the
     * purges of one synclist round or one emptied trash then go together), or {@link #PURGE_BATCH}
     * wait. L waits for them ({@link #advanceLastSyncTime}): a connection lost first must find them listed again.
     */
    private void applyPurges() throws IOException {
        int taken = purgedAsked.size() + purgedElsewhere.size();
        if (taken == 0 || taken < PURGE_BATCH && (pullsInFlight > 0 || !purgeInFlight.isEmpty())) {
            return;
        }
        Map<UUID, Optional<String>> elsewhere = new LinkedHashMap<>(purgedElsewhere);
        List<UUID> asked = List.copyOf(purgedAsked);
        purgedAsked.clear();
        purgedElsewhere.clear();
        Map<UUID, NoteInfo> kept = vault.purge(asked, elsewhere.keySet()); // unsent edits win (docs/vault.md)
        elsewhere.forEach((id, name) -> {
            if (kept.containsKey(id)) {
                listener.notice("kept “" + kept.get(id).name() + "” as a new note: edited here after another device"
                        + " deleted it forever");
            } else if (name.isPresent()) {
                listener.notice("deleted forever on another device: “" + name.get() + "”");
            }
        });
    }

    /** Asks the server again what changed (a "sync now" on a live connection): current once answered. */
    void refresh() {
        requestSynclist(vault.device().lastSyncTime());
    }

    private void requestSynclist(long since) {
        synclistsAwaited++;
        awaiting.add(new ListEnd());
        outbox.send(List.of(new Synclist(since), new SyncDocPull(NIL, 0)));
    }

    private void listed(SynclistResponse list) {
        // An answer and a push look alike; either way every entry is queued (docs/protocol.md §4). Which
        // one was the answer only the ListEnd after it tells: L waits for that.
        List<SynclistResponse.Entry> entries = list.entries();
        for (SynclistResponse.Entry entry : entries) {
            if (entry.syncTime() > vault.syncTime(entry.documentId())) {
                queuePull(entry.documentId(), entry.syncTime());
            }
            greatestListed = Math.max(greatestListed, entry.syncTime());
        }
        if (entries.size() >= SynclistResponse.MAX_ENTRIES) {
            requestSynclist(entries.get(entries.size() - 1).syncTime());
        }
        reportProgress();
    }

    /** Notes done of notes queued, pulls and uploads together, since the connection was last idle. */
    private void reportProgress() {
        listener.progress(pullsDone + uploadsDone, pullsTotal + uploadsDone + uploading.size());
    }

    /** The upload of {@code id} is answered, its last part or one refused: one more note done. */
    private void uploadEnded(UUID id) {
        if (uploadWindow.remove(id)) {
            answeredUploads.add(id);
        }
        if (uploading.remove(id)) {
            uploadsDone++;
            reportProgress();
        }
    }

    /** {@code listedTime}: pulled only if the note is not that far by then ({@code MAX_VALUE}: always). */
    private void queuePull(UUID id, long listedTime) {
        Long before = toPull.get(id);
        if (before == null) {
            pullsTotal++;
        }
        if (before == null || before < listedTime) {
            toPull.put(id, listedTime);
        }
    }

    private void changes(SyncDocResponse response) throws IOException, ProtocolViolation {
        Request head = awaiting.peek();
        UUID id = response.documentId();
        Uncovered unsettled;
        if (head instanceof Upsert u && u.document().equals(id)) {
            unsettled = u.unsettled();
        } else if (head instanceof Pull p && p.document().equals(id)) {
            unsettled = p.unsettled();
        } else {
            throw new ProtocolViolation("a 33 for " + id + " that no request asked for");
        }
        if (incoming == null) {
            incoming = new Incoming(inSession.test(id));
            vault.answerComing(id); // the note's file waits for the 34: a cut answer leaves it as it was
        }
        // the name is as of the time the 34 brings: taken then (a new note needs one now)
        incoming.name = response.name();
        if (incoming.leftToSession || incoming.setAside) {
            return;
        }
        unsettled.seen(response.inserts());
        if (++incoming.parts == 2 && vault.note(id).isPresent()) {
            vault.replica(id); // a big answer: kept open, not opened (its whole log read) again for every part
        }
        try {
            vault.applyRemote(id, vault.note(id).isPresent() ? null : response.name(), response.inserts(), response.deletes());
        } catch (NoteSetAside e) {
            incoming.setAside = true; // the rest of the answer too; its pull counts as done, the others go on
        }
    }

    private void done(SyncDocDone done) throws IOException, ProtocolViolation {
        Request head = awaiting.poll();
        UUID id = done.documentId();
        if (head instanceof Upsert u && u.document().equals(id)) {
            serverDiskFull = false;
            boolean applied = takeIncoming(id, done);
            if (!partRefused.contains(id)) {
                vault.acknowledge(id, u.throughSeq());
            }
            currentTo(id, done, u.unsettled(), applied);
            vault.answerWhole(id);
            if (laterParts.containsKey(id)) {
                sendNextPart(id); // after currentTo: it goes from the time this answer brought
            } else {
                uploadEnded(id);
            }
            answered(id);
        } else if (head instanceof Pull p && p.document().equals(id)) {
            if (changesTrash(id, done)) {
                heldTrashAnswers.add(new HeldAnswer(p, done, incoming));
                incoming = null;
                return;
            }
            pullDone(p, done, takeIncoming(id, done));
        } else if (head instanceof Trash t && t.document().equals(id)) {
            serverDiskFull = false;
            trashInFlight.remove(id);
            vault.trashAcknowledged(id, t.trashed());
            vault.applyRemoteTrashed(id, done.trashed());
        } else {
            throw new ProtocolViolation("a 34 for " + id + " that no request asked for");
        }
    }

    private void pullDone(Pull p, SyncDocDone done, boolean applied) throws IOException {
        UUID id = done.documentId();
        pullsInFlight--;
        pullsDone++;
        afterSession.remove(id);
        currentTo(id, done, p.unsettled(), applied);
        // a damaged note is pulled from 0 (Vault#syncTime): now it holds all the server has
        if (applied && !inSession.test(id) && vault.mergeDamagedFile(id)) {
            uploadAfter.add(id);
        }
        vault.answerWhole(id);
        answered(id); // after currentTo: a deferred upsert must carry the time this answer brought
        reportProgress();
    }

    /**
     * At the answer's 34, before the acknowledgement (which must find the server's name if the
     * server changed the one sent): takes its name. Returns whether the answer was applied.
     */
    private boolean takeIncoming(UUID id, SyncDocDone done) throws IOException {
        Incoming answer = incoming;
        incoming = null;
        if (answer != null && (answer.leftToSession || answer.setAside)) {
            return false;
        }
        if (answer != null) {
            try {
                vault.applyRemoteName(id, answer.name, done.syncTime());
            } catch (NoteSetAside e) {
                // reported by the vault: the note keeps its name here, its text syncs on
            }
        }
        return true;
    }

    private void currentTo(UUID id, SyncDocDone done, Uncovered unsettled, boolean applied) throws IOException {
        if (vault.note(id).isEmpty()) {
            return;
        }
        // a live session keeps the note's time itself: it may hold ops newer than this answer
        if (applied && !inSession.test(id)) {
            unsettled.settle(vault, id);
            // also at an unchanged time: it marks the atoms held beyond the time as covered now
            vault.currentTo(id, Math.max(done.syncTime(), vault.syncTime(id)));
        }
        boolean trashChangePending = vault.trashChangePending(id);
        boolean trashedHere = vault.note(id).map(n -> n.trashed()).orElse(false);
        if (!trashChangePending && trashedHere != done.trashed()) {
            vault.applyRemoteTrashed(id, done.trashed());
        }
    }

    private void failed(SyncError error) throws IOException, ProtocolViolation {
        Request head = awaiting.poll();
        if (head == null) {
            throw new ProtocolViolation("a 36 that no request asked for: " + error.message());
        }
        if (head instanceof ListEnd) {
            if (!error.documentId().equals(NIL)) {
                throw new ProtocolViolation("a 36 for " + error.documentId() + " where the end of a synclist was due");
            }
            synclistsAwaited--; // every 32 before this one is in: the synclist's answer among them
        } else if (head instanceof Pull p) {
            answered(p.document());
            pullsInFlight--;
            pullsDone++;
            afterSession.remove(p.document());
            if (error.code() == SyncError.NAME_NOT_SENDABLE) {
                vault.setAside(p.document(), error.message()); // as for a bad name in a 33: reported, the rest goes on
            } else if (error.code() == 404) {
                if (vault.mergeDamagedFile(p.document())) { // the server has none of it: nothing to restore
                    upload(p.document(), false);
                }
            } else {
                listener.problem("the server could not send a note: " + error.message());
            }
        } else if (error.code() == SyncError.DISK_FULL && (head instanceof Trash || head instanceof Upsert)) {
            // nothing was stored: the ops and trash change stay pending, for resendPending
            if (head instanceof Trash t) {
                trashInFlight.remove(t.document());
            } else {
                partRefused.add(((Upsert) head).document());
                laterParts.remove(((Upsert) head).document()); // sent again with the rest of the pending ops
                uploadEnded(((Upsert) head).document());
                answered(((Upsert) head).document());
            }
            serverDiskFull = true;
            serverDiskFullNews = true;
        } else if (head instanceof Purge p) {
            purgeInFlight.remove(p.document());
            if (error.code() == 404) {
                vault.purge(p.document()); // the server never had it: nothing to wait for
            } else {
                vault.purgeRefused(p.document());
                listener.problem("the server did not delete a note forever: " + error.message());
            }
        } else if (head instanceof Trash t) {
            trashInFlight.remove(t.document());
            // 404: the server never had the note, so there is nothing to trash there
            vault.trashAcknowledged(t.document(), t.trashed());
            if (error.code() != 404) {
                listener.problem("the server refused to " + (t.trashed() ? "trash" : "restore") + " a note: "
                        + error.message());
            }
        } else if (head instanceof Upsert u) {
            UUID id = u.document();
            partRefused.add(id); // nothing of this part was stored: a later part's 34 must not acknowledge it
            laterParts.remove(id); // they stay pending: sent again with this one, or refused like it
            uploadEnded(id);
            boolean nameRefused = error.code() == SyncError.BAD_NAME || error.code() == SyncError.REFUSED;
            Optional<String> renamedBack = nameRefused ? vault.nameRefused(id, u.throughSeq(), error.message())
                    : Optional.empty();
            if (renamedBack.isPresent()) {
                resendAfter.add(id); // the edits go again under the server's name: the note is not stuck
                listener.changeRefused(renamedBack.get());
            } else if (!resendAfter.contains(id)) {
                String name = vault.note(id).map(n -> n.name()).map(n -> n.length() <= 80 ? n : n.substring(0, 80) + "…")
                        .orElse(id.toString());
                String problem = "the server refused the changes to '" + name + "' (" + error.code() + "): "
                        + error.message() + "; they stay on this device";
                listener.problem(problem);
                refusedNews = problem;
            }
            answered(id);
        }
    }

    /** The answer to a request on {@code id} is in: the note's next request may go. */
    private void answered(UUID id) throws IOException {
        if (inFlight.merge(id, -1, Integer::sum) <= 0) {
            inFlight.remove(id);
            boolean everything = resendAfter.remove(id);
            if ((uploadAfter.remove(id) | everything) && !inSession.test(id)) {
                upload(id, everything);
            }
        }
    }

    private void pumpPulls() throws IOException {
        List<Message> pulls = new ArrayList<>();
        var it = toPull.entrySet().iterator();
        while (pullsInFlight < PULL_WINDOW && it.hasNext()) {
            Map.Entry<UUID, Long> next = it.next();
            UUID id = next.getKey();
            if (inFlight.containsKey(id)) {
                continue; // pulled once the answer in flight is in (see inFlight)
            }
            it.remove();
            if (inSession.test(id)) {
                pullsDone++; // its session keeps it current; its end asks for a pull again
                afterSession.remove(id);
                continue;
            }
            if (next.getValue() <= vault.syncTime(id)) {
                pullsDone++; // an answer since it was listed brought it that far
                continue;
            }
            inFlight.merge(id, 1, Integer::sum);
            pullsInFlight++;
            boolean settle = settleFromZero.remove(id) && vault.note(id).isPresent();
            int site = vault.device().site();
            awaiting.add(new Pull(id, settle ? vault.withReplica(id, r -> Uncovered.othersAlive(r, site))
                    : vault.note(id).isPresent() ? vault.withReplica(id, Uncovered::of) : Uncovered.NONE));
            pulls.add(new SyncDocPull(id, settle ? 0 : vault.syncTime(id)));
        }
        outbox.send(pulls);
    }

    /** Step 3: L moves only when every listed document was pulled and no list is awaited. */
    private void advanceLastSyncTime() throws IOException {
        if (synclistsAwaited == 0 && toPull.isEmpty() && pullsInFlight == 0 && purgedElsewhere.isEmpty()
                && greatestListed > vault.device().lastSyncTime()) {
            vault.updateDevice(vault.device().withLastSyncTime(greatestListed));
        }
        if (synclistsAwaited == 0 && toPull.isEmpty() && pullsInFlight == 0 && uploading.isEmpty()) {
            pullsDone = 0;
            pullsTotal = 0;
            uploadsDone = 0;
        }
    }
}
