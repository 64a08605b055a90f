package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.protocol.HistoryList;
import dev.weft.protocol.HistoryPull;
import dev.weft.protocol.Message;
import dev.weft.protocol.NameChange;
import dev.weft.protocol.NoteNames;
import dev.weft.protocol.SessionDelete;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocPurge;
import dev.weft.protocol.SyncDocRestore;
import dev.weft.protocol.SyncDocTrash;
import dev.weft.protocol.SyncDocTrashBatch;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncDocUpsertRuns;
import dev.weft.protocol.SyncError;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import dev.weft.store.DocumentChanges;
import dev.weft.store.DocumentState;
import dev.weft.store.PurgedException;
import dev.weft.store.Store;
import dev.weft.store.StoreDamagedException;
import dev.weft.store.SyncEntry;
import dev.weft.store.UpsertResult;
import dev.weft.store.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A global sync connection (docs/protocol.md §4): synclist, pull, upsert, trash and restore, and the
 * history requests (§10, {@link HistoryReplies}). Upsert,
 * trash and restore go through the store's writer; their answers leave after the commit that holds
 * what they report. Synclist and pull only read: they read committed state off the writer, once
 * the answer of this connection's last write is queued, so answers still leave in request order
 * and a read sees at least what the connection's earlier writes made.
 */
final class GlobalSync {
    /** The most documents in one {@code 32} answer (docs/protocol.md §4). */
    static final int SYNCLIST_LIMIT = 65_536;
    /** Site of documents made on a device before it was paired (docs/protocol.md §2). */
    static final int UNPAIRED_SITE = 255;

    private final Store store;
    private final Hub hub;
    private final PeerLink peer;
    private final Replies replies;
    private final Failures failures;
    private final TrashReplies trash;
    private final HistoryReplies history;
    /** The device holds changes this store lost: its upserts may carry the atoms of any site (StoreCheck). */
    private final boolean restoring;
    /** Completes once the answer to this connection's last request is queued (on its executor only). */
    private CompletableFuture<?> lastWrite = CompletableFuture.completedFuture(null);
    /**
     * Completes once this connection's last write is wholly with the store's writer (a big upsert's
     * last step queued), so its writes reach the writer in request order (on its executor only).
     */
    private CompletableFuture<?> lastSubmitted = CompletableFuture.completedFuture(null);

    GlobalSync(Store store, Hub hub, PeerLink peer, Replies replies, Failures failures, boolean restoring,
            TrashReplies trash) {
        this.restoring = restoring;
        this.trash = trash;
        this.history = new HistoryReplies(store, replies.maxMessageBytes());
        this.store = store;
        this.hub = hub;
        this.peer = peer;
        this.replies = replies;
        this.failures = failures;
    }

    /** Handles one request; false if it broke the protocol (the connection is being closed). */
    boolean handle(Message message) {
        if (message instanceof Synclist s) {
            read(() -> synclist(s));
        } else if (message instanceof SyncDocPull p) {
            pull(p);
        } else if (message instanceof SyncDocUpsert u) {
            return upsert(u.documentId(), u.name(), u.lastSyncTime(), firstOtherSite(u.inserts(), Atom::pid),
                    UpsertSteps.of(u));
        } else if (message instanceof SyncDocUpsertRuns u) { // its runs go to the store as runs
            return upsert(u.documentId(), u.name(), u.lastSyncTime(), firstOtherSite(u.inserts(), r -> r.pids().first()),
                    UpsertSteps.of(u));
        } else if (message instanceof SyncDocTrash t) {
            UUID doc = t.documentId();
            answer(batch -> trashed(batch, doc, batch.trash(doc, site(), NO_CHECK, 0), NO_CHECK));
        } else if (message instanceof SyncDocTrashBatch t) {
            UUID doc = t.documentId();
            answer(batch -> trashed(batch, doc, batch.trash(doc, site(), t.knownAt(), t.batch()), 0), doc, 1);
        } else if (message instanceof SyncDocRestore r) {
            // a restored name may have to be numbered: refused (36, 409) if that breaks the name rule
            answer(batch -> trashed(batch, r.documentId(), batch.restore(r.documentId()).map(Replies::sendable)
                    .map(doc -> Replies.placeable(batch, doc)), NO_CHECK),
                    r.documentId(), 1);
        } else if (message instanceof HistoryList h) {
            read(() -> history.versions(h));
        } else if (message instanceof HistoryPull h) {
            readInTurn(() -> history.text(h));
        } else if (message instanceof SyncDocPurge p) {
            // refused (36, 409) for a note out of the trash
            answer(batch -> trashed(batch, p.documentId(), batch.purge(p.documentId()), NO_CHECK), p.documentId(), 1);
        } else {
            failures.protocol(peer, "message " + message.type() + " on a global sync connection");
            return false;
        }
        return true;
    }

    /** A device time after every time: no trash is news to it. */
    private static final long NO_CHECK = -1L;

    private int site() {
        return peer.device().site();
    }

    /**
     * What a work hands back: the messages to send, the change to push to every device, and the
     * ops to forward to the document's open sessions (an upsert's), so that the time in their next
     * {@code 69} never covers ops they were not sent. Those ops are a message per atom: made only
     * when the document has a room, not for every note of a first sync.
     */
    private record Answer(List<Message> messages, Optional<SyncEntry> change, Supplier<List<Message>> forSessions) {
        Answer(List<Message> messages, Optional<SyncEntry> change) {
            this(messages, change, List::of);
        }
    }

    private List<Message> synclist(Synclist s) {
        List<SynclistResponse.Entry> entries = new ArrayList<>();
        for (SyncEntry e : store.changedSince(s.lastSyncTime(), SYNCLIST_LIMIT)) {
            entries.add(new SynclistResponse.Entry(e.syncTime(), e.documentId()));
        }
        return List.of(new SynclistResponse(entries));
    }

    /**
     * Answers a pull in windows ({@link PullStream}), after the answer of this connection's last
     * write was queued; the connection's next answers wait for its last window.
     */
    private void pull(SyncDocPull p) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        lastWrite.whenComplete((ignored, error) -> peer.serially(
                new PullStream(store, peer, replies, trash, failures, p, answered)::next));
        lastWrite = answered;
    }

    /**
     * Answers a read on this connection's executor, after the answer of its last write was queued
     * (at once if that is done), without waiting for the writer's queue.
     */
    private void read(Supplier<List<Message>> read) {
        CompletableFuture<Void> queued = new CompletableFuture<>();
        // chained one after the other: two dependents of one future would run in reverse order
        lastWrite.whenComplete((ignored, error) -> {
            peer.serially(() -> {
                List<Message> answer;
                try {
                    answer = read.get();
                } catch (RuntimeException e) {
                    failures.fault(peer, e);
                    return;
                }
                peer.send(answer);
            });
            queued.complete(null);
        });
        lastWrite = queued;
    }

    /**
     * {@link #read} for an answer that may be in parts (a history text, docs/protocol.md §10): each
     * message goes once the one before it is written to the socket, so a big answer holds one part
     * of unsent frames and a reader that keeps reading is never cut off; the connection's next
     * answers wait for the last part.
     */
    private void readInTurn(Supplier<List<Message>> read) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        lastWrite.whenComplete((ignored, error) -> peer.serially(() -> {
            List<Message> answer;
            try {
                answer = read.get();
            } catch (RuntimeException e) {
                failures.fault(peer, e);
                answered.complete(null);
                return;
            }
            sendInTurn(answer, 0, answered);
        }));
        lastWrite = answered;
    }

    private void sendInTurn(List<Message> messages, int next, CompletableFuture<Void> answered) {
        if (next == messages.size() - 1) {
            peer.send(List.of(messages.get(next)));
            answered.complete(null);
        } else {
            peer.send(List.of(messages.get(next)), () -> peer.serially(() -> sendInTurn(messages, next + 1, answered)));
        }
    }

    /**
     * Checks the authors of an upsert's inserts ({@code pid} of each item: an atom, or a run whose
     * pids all have its first's site): the device's own site or 255, others only from a device
     * restoring lost changes. Returns the highest other site (0: none), or -1 after closing the
     * connection for one that may not carry it.
     */
    private <T> int firstOtherSite(List<T> inserts, Function<T, Pid> pid) {
        int site = peer.device().site();
        int others = 0;
        for (T item : inserts) {
            Pid p = pid.apply(item);
            int author = p.site();
            if (author != site && author != UNPAIRED_SITE) {
                if (!restoring) {
                    failures.protocol(peer, "insert " + p + " carries site " + author + ", not the device's " + site);
                    return -1;
                }
                others = Math.max(others, author);
            }
        }
        return others;
    }

    private boolean upsert(UUID id, String name, long lastSyncTime, int others, UpsertSteps steps) {
        if (others < 0) {
            return false;
        }
        int site = peer.device().site();
        if (others > 0) {
            // sites this store may have lost: a device paired from now on must not make ids under one
            int reserved = others;
            store.submit(batch -> {
                batch.reserveSites(reserved);
                return Boolean.TRUE;
            });
        }
        Optional<String> badName = NoteNames.validate(name);
        if (badName.isEmpty() && !steps.oneStep()) {
            CompletableFuture<?> earlier = lastWrite;
            CompletableFuture<Void> queued = new CompletableFuture<>();
            lastWrite = queued;
            afterEarlierWrites(submitted -> new ChunkedUpsert(store, hub, peer, replies, failures, id, name,
                    lastSyncTime, steps, earlier, queued, submitted).next());
            return true;
        }
        UpsertSteps.Step ops = badName.isPresent() ? null : steps.next();
        answer(batch -> {
            if (badName.isPresent()) {
                return new Answer(List.of(Replies.error(id, Replies.BAD_NAME, "name: " + badName.get())),
                        Optional.empty());
            }
            Optional<DocumentChanges> before = batch.changesSince(id, lastSyncTime, site);
            long knownAt = Replies.nameKnownAt(before.map(DocumentChanges::document), lastSyncTime);
            UpsertResult result = batch.upsertRuns(id, name, knownAt, ops.inserts(), ops.deletes());
            DocumentState doc = Replies.sendable(result.document());
            boolean restored = false;
            if (result.changed()) { // an edit wins over a trash this device had not seen (protocol.md §9)
                doc = Replies.sendable(batch.edited(doc.id(), site, lastSyncTime).orElseThrow());
                restored = result.document().trashed() && !doc.trashed();
            }
            if (result.created() || result.renamed() || restored) {
                Replies.placeable(batch, doc);
            }
            List<Message> out = new ArrayList<>(replies.responses(doc.id(), doc.name(),
                    before.map(DocumentChanges::inserts).orElse(List.of()),
                    before.map(DocumentChanges::deletes).orElse(List.of())));
            out.addAll(trash.done(batch, doc, lastSyncTime));
            if (!result.changed()) {
                return new Answer(out, Optional.empty());
            }
            DocumentState sent = doc;
            boolean renamed = before.map(b -> !b.document().name().equals(sent.name())).orElse(true);
            String newName = renamed ? sent.name() : null;
            return new Answer(out, Optional.of(entry(doc)), () -> forSessions(site, ops, newName));
        }, id, ops == null ? 1 : UpsertCost.ofRuns(ops.inserts(), ops.deletes()));
        return true;
    }

    /**
     * An upsert's ops as a session sees a collaborator's: {@code 65}s, {@code 66}s and the new name;
     * made only when a session of the document is open.
     */
    static List<Message> forSessions(int site, UpsertSteps.Step step, String newName) {
        List<Message> ops = new ArrayList<>();
        for (Run run : step.inserts()) {
            for (Atom atom : run.atoms()) {
                ops.add(new SessionInsert(atom.pid().site(), atom));
            }
        }
        for (PidRange range : step.deletes()) {
            for (int k = 0; k < range.count(); k++) {
                ops.add(new SessionDelete(site, range.pidAt(k)));
            }
        }
        if (newName != null) {
            ops.add(new NameChange(newName));
        }
        return ops;
    }

    /** The answer to a trash, restore or purge: {@code 38} if due, {@code 34}; {@code 39} once purged. */
    private Answer trashed(WriteBatch batch, UUID document, Optional<DocumentState> state, long since) {
        Optional<Long> purgedAt = batch.purgedAt(document);
        if (purgedAt.isPresent()) {
            return new Answer(List.of(trash.gone(document, purgedAt.get())), state.map(GlobalSync::entry));
        }
        if (state.isEmpty()) {
            return notFound(document);
        }
        return new Answer(trash.done(batch, state.get(), since), Optional.of(entry(state.get())));
    }

    private static Answer notFound(UUID document) {
        return new Answer(List.of(Replies.error(document, Replies.NOT_FOUND, "no such document")), Optional.empty());
    }

    private static SyncEntry entry(DocumentState doc) {
        return new SyncEntry(doc.syncTime(), doc.id());
    }

    private void answer(Function<WriteBatch, Answer> work) {
        answer(work, new UUID(0, 0), 1);
    }

    /**
     * Runs {@code work} on the store's writer; once committed, pushes its change and sends its
     * messages after everything this connection sent before. A refusal or a full disk becomes a
     * {@code 36} for {@code document}; any other failure closes the connection with 1011.
     */
    private void answer(Function<WriteBatch, Answer> work, UUID document, int ops) {
        CompletableFuture<?> earlier = lastWrite;
        CompletableFuture<Void> queued = new CompletableFuture<>();
        lastWrite = queued;
        afterEarlierWrites(submitted -> {
            // on the writer thread right after the commit, in commit order (see Store.submit)
            store.submit(work, ops, (answer, error) -> {
                List<Message> out = List.of();
                try {
                    out = committed(answer, error, document);
                } finally {
                    sendAfter(earlier, out, queued);
                }
            });
            submitted.complete(null);
        });
    }

    /**
     * Runs {@code submit} once this connection's earlier writes are all queued for the store's
     * writer: at once, unless a big upsert is still going step by step; {@code submit} completes
     * the future it is given once its own write is all queued.
     */
    private void afterEarlierWrites(Consumer<CompletableFuture<Void>> submit) {
        CompletableFuture<Void> submitted = new CompletableFuture<>();
        CompletableFuture<?> earlier = lastSubmitted;
        lastSubmitted = submitted;
        if (earlier.isDone()) {
            submit.accept(submitted);
        } else {
            earlier.whenComplete((ignored, error) -> peer.serially(() -> submit.accept(submitted)));
        }
    }

    /**
     * Sends {@code out} once the answer before it ({@code earlier}) is queued: a pull's answer goes
     * window by window, and a write committed meanwhile must not answer in its middle. Then
     * completes {@code queued}.
     */
    static void sendAfter(CompletableFuture<?> earlier, List<Message> out, PeerLink peer, CompletableFuture<Void> queued) {
        earlier.whenComplete((ignored, error) -> {
            if (!out.isEmpty()) {
                peer.serially(() -> peer.send(out));
            }
            queued.complete(null);
        });
    }

    private void sendAfter(CompletableFuture<?> earlier, List<Message> out, CompletableFuture<Void> queued) {
        sendAfter(earlier, out, peer, queued);
    }

    /** The commit's follow-up on the writer thread; returns what to answer (nothing after a fault). */
    private List<Message> committed(Answer answer, Throwable error, UUID document) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof PurgedException) {
                return List.of(trash.gone(document, store.purgedAt(document).orElse(0L)));
            }
            Optional<SyncError> refusal = Replies.refusal(document, cause);
            if (refusal.isEmpty()) {
                failures.fault(peer, cause);
                return List.of();
            }
            return List.of(refusal.get());
        }
        answer.change().ifPresent(change -> {
            hub.changed(change, peer);
            Room room = hub.openRoom(change.documentId());
            List<Message> ops = room == null ? List.of() : answer.forSessions().get();
            if (!ops.isEmpty()) {
                room.deliverToAll(ops, change.syncTime());
            }
        });
        return answer.messages();
    }
}
