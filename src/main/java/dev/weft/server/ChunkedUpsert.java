package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.SyncError;
import dev.weft.store.DocumentChanges;
import dev.weft.store.DocumentState;
import dev.weft.store.Store;
import dev.weft.store.SyncEntry;
import dev.weft.store.UpsertResult;
import dev.weft.store.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntConsumer;

/**
 * One {@code sync_doc_upsert} too big for one store work, applied as a run of store works of at
 * most a {@link StepBudget} each (docs/server.md, "Big uploads"). Each step is its own transaction
 * with its own sync time, and the next step is queued only after the last one committed, so every
 * other connection's reads, writes and upgrades get the store between two steps: one device's
 * upload delays the others by one step, not by the whole upload.
 *
 * <p>Steps commit one by one, so others may see a prefix of the upload; ops commute and are
 * idempotent (docs/protocol.md §2), and the {@code 34} leaves only after the last step committed,
 * so a device that is cut off before it resends the whole upsert and the steps already stored do
 * nothing again. The first step creates or renames the document and reads what others changed
 * since the device's {@code last_sync_time}; each later step first reads what others changed
 * since the previous step (nothing to read when no one wrote in between). The answer's {@code 33}
 * holds all of that, never the device's own ops, and its {@code 34} carries the document's time
 * after the last step: everything up to that time is the device's own or in the {@code 33}.
 */
final class ChunkedUpsert {
    /** Test seam: told the number (from 0) of each step before it is queued. */
    static volatile IntConsumer beforeStep = step -> { };

    private final Store store;
    private final Hub hub;
    private final PeerLink peer;
    private final Replies replies;
    private final Failures failures;
    private final UUID documentId;
    private final String name;
    private final long lastSyncTime;
    private final UpsertSteps steps;
    private final int site;
    /** Completes once the answer to the connection's request before this one is queued. */
    private final CompletableFuture<?> earlier;
    /** Completes once the answer (or the failure) is queued for the peer. */
    private final CompletableFuture<Void> answered;
    /** Completes once the last step is handed to the store's writer. */
    private final CompletableFuture<Void> submitted;
    // Owned by whoever runs the current step: the connection's executor, then the writer (handed over through their queues)
    private int step;
    /** The document's time up to which the device holds everything: its own steps and what others' changes were read. */
    private long known;
    private final List<Atom> othersInserts = new ArrayList<>();
    private final List<Pid> othersDeletes = new ArrayList<>();

    ChunkedUpsert(Store store, Hub hub, PeerLink peer, Replies replies, Failures failures, UUID documentId, String name,
            long lastSyncTime, UpsertSteps steps, CompletableFuture<?> earlier, CompletableFuture<Void> answered,
            CompletableFuture<Void> submitted) {
        this.store = store;
        this.hub = hub;
        this.peer = peer;
        this.replies = replies;
        this.failures = failures;
        this.documentId = documentId;
        this.name = name;
        this.lastSyncTime = lastSyncTime;
        this.steps = steps;
        this.site = peer.device().site();
        this.earlier = earlier;
        this.answered = answered;
        this.submitted = submitted;
    }

    /** Queues the next step; on the connection's executor. */
    void next() {
        beforeStep.accept(step);
        boolean first = step == 0;
        UpsertSteps.Step ops = steps.next();
        boolean last = !steps.hasNext();
        step++;
        long since = known;
        UUID doc = documentId;
        store.submit(batch -> {
            Optional<DocumentChanges> others = first ? batch.changesSince(doc, lastSyncTime, site)
                    : changedSince(batch, doc, since);
            UpsertResult result = first
                    ? batch.upsertRuns(doc, name, Replies.nameKnownAt(others.map(DocumentChanges::document), lastSyncTime),
                            ops.inserts(), ops.deletes())
                    : batch.upsertRuns(doc, null, Long.MAX_VALUE, ops.inserts(), ops.deletes());
            Replies.sendable(result.document());
            if (result.created() || result.renamed()) {
                Replies.placeable(batch, result.document());
            }
            return new Step(others, result);
        }, UpsertCost.ofRuns(ops.inserts(), ops.deletes()), (done, error) -> committed(done, error, ops, last));
        if (last) {
            submitted.complete(null);
        }
    }

    private record Step(Optional<DocumentChanges> others, UpsertResult result) {
    }

    /** What others changed after {@code since}, if anyone wrote to the document since the previous step. */
    private Optional<DocumentChanges> changedSince(WriteBatch batch, UUID doc, long since) {
        Optional<DocumentState> now = batch.document(doc);
        if (now.isEmpty() || now.get().syncTime() == since) {
            return Optional.empty();
        }
        return batch.changesSince(doc, since, site);
    }

    /** On the writer, right after the step's commit, in commit order. */
    private void committed(Step done, Throwable error, UpsertSteps.Step ops, boolean last) {
        if (error != null) {
            failed(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            return;
        }
        done.others().ifPresent(c -> {
            othersInserts.addAll(c.inserts());
            othersDeletes.addAll(c.deletes());
        });
        UpsertResult result = done.result();
        DocumentState doc = result.document();
        known = doc.syncTime();
        if (result.changed()) {
            hub.changed(new SyncEntry(doc.syncTime(), doc.id()), peer);
            Room room = hub.openRoom(doc.id());
            if (room != null) {
                boolean named = result.created() || result.renamed();
                room.deliverToAll(GlobalSync.forSessions(site, ops, named ? doc.name() : null),
                        doc.syncTime());
            }
        }
        if (!last) {
            peer.serially(this::next);
            return;
        }
        List<Message> out = new ArrayList<>(replies.responses(doc.id(), doc.name(), othersInserts, othersDeletes));
        out.add(Replies.done(doc));
        GlobalSync.sendAfter(earlier, out, peer, answered);
    }

    private void failed(Throwable cause) {
        submitted.complete(null); // later writes of the connection may go on
        Optional<SyncError> refusal = Replies.refusal(documentId, cause);
        if (refusal.isPresent()) {
            GlobalSync.sendAfter(earlier, List.of(refusal.get()), peer, answered);
            return;
        } else if (hub.stopping()) {
            peer.close(Failures.GOING_AWAY, "server shutting down"); // the store closed between two steps: no 34
        } else {
            failures.fault(peer, cause);
        }
        answered.complete(null);
    }
}
