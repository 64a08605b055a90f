package dev.weft.server;

import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.SyncDocPull;
import dev.weft.store.DocumentState;
import dev.weft.store.Store;
import dev.weft.store.StoreDamagedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Answers one pull in windows of the document's pid order (docs/server.md, "Big answers"): each
 * window is one read of about {@link #WINDOW_BYTES}, and the next is read only once the previous
 * one's frames are written to the socket, so a big note costs the server one window of memory and
 * a reader that keeps reading is never cut off. Windows are read at different instants: when the
 * document changed between the first window of a pass and its last, a catch-up pass follows,
 * from the first window's time, with every delete in it (an earlier window may have brought an
 * atom deleted since); the {@code 34} follows the first pass during which nothing changed, with
 * that time, so the device holds everything up to it. A small answer is one window, as before.
 */
final class PullStream {
    /** About this much answer per window (encoded). */
    static final int WINDOW_BYTES = 1 << 20;
    /** Test seam: told the number (from 0) of each window before it is read. */
    static volatile java.util.function.IntConsumer beforeWindow = window -> { };

    private final Store store;
    private final PeerLink peer;
    private final Replies replies;
    private final TrashReplies trash;
    private final Failures failures;
    private final SyncDocPull pull;
    private final int site;
    /** Completes once the last message of the answer is queued, or the answer ended. */
    private final CompletableFuture<Void> answered;
    // Owned by the connection's executor (each step runs on it)
    private long since;
    private boolean everyDelete;
    private Pid after;
    private boolean first = true;
    /** The document's time at the first window of the current pass. */
    private long passStart;
    private int windows;

    PullStream(Store store, PeerLink peer, Replies replies, TrashReplies trash, Failures failures, SyncDocPull pull,
            CompletableFuture<Void> answered) {
        this.store = store;
        this.trash = trash;
        this.peer = peer;
        this.replies = replies;
        this.failures = failures;
        this.pull = pull;
        this.site = peer.device().site();
        this.answered = answered;
        this.since = pull.lastSyncTime();
    }

    /** Reads and sends the next window; on the connection's executor. */
    void next() {
        beforeWindow.accept(windows++);
        Optional<Window> read;
        try {
            read = peer.speaksRuns()
                    ? store.changesWindowRuns(pull.documentId(), since, site, after, WINDOW_BYTES, everyDelete)
                            .map(w -> new Window(w.document(), w.last(),
                                    () -> replies.runResponses(w.document().id(), w.document().name(), w.inserts(),
                                            w.deletes())))
                    : store.changesWindow(pull.documentId(), since, site, after, WINDOW_BYTES, everyDelete)
                            .map(w -> new Window(w.changes().document(), w.last(), () -> replies.responses(
                                    w.changes().document().id(), w.changes().document().name(),
                                    w.changes().inserts(), w.changes().deletes())));
        } catch (StoreDamagedException e) {
            // damaged pages: this note is not sent, the others go on (the store logs the damage once)
            finish(List.of(Replies.refusal(pull.documentId(), e).orElseThrow()));
            return;
        } catch (RuntimeException e) {
            failures.fault(peer, e);
            answered.complete(null);
            return;
        }
        if (read.isEmpty()) { // unknown, or deleted forever (before or during this answer: protocol.md §9)
            Optional<Long> purgedAt = store.purgedAt(pull.documentId());
            finish(List.of(purgedAt.isPresent() ? trash.gone(pull.documentId(), purgedAt.get())
                    : Replies.error(pull.documentId(), Replies.NOT_FOUND, "no such document")));
            return;
        }
        Window window = read.get();
        DocumentState doc = window.document();
        if (first) {
            first = false;
            // a name an older server stored that breaks the rule: a 36 for this note, the others go on
            Optional<Message> unsendable = Replies.unsendable(doc).map(Message.class::cast);
            if (unsendable.isPresent()) {
                finish(List.of(unsendable.get()));
                return;
            }
        }
        if (after == null) {
            passStart = doc.syncTime();
        }
        List<Message> out = new ArrayList<>(window.responses().get());
        if (window.last() == null && doc.syncTime() == passStart) {
            store.trashRecord(doc.id()).flatMap(t -> trash.info(doc, t, pull.lastSyncTime(), store::deviceName))
                    .ifPresent(out::add);
            out.add(Replies.done(doc));
            finish(out);
            return;
        }
        if (window.last() == null) { // the document changed during this pass: catch up from its start
            since = passStart;
            everyDelete = true;
        }
        after = window.last();
        peer.send(out, () -> peer.serially(this::next));
    }

    /**
     * One window read: the document then, where it ends, and its {@code 33}s, as runs for a peer that
     * speaks them (read from the stored runs without an object per atom), else the seed's; made
     * only once the name is known to be sendable.
     */
    private record Window(DocumentState document, Pid last, Supplier<List<? extends Message>> responses) {
    }

        private void finish(List<Message> out) {
        peer.send(out);
        answered.complete(null);
    }
}
