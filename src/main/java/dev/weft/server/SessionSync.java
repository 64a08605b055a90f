package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.NameChange;
import dev.weft.protocol.NoteNames;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionCursor;
import dev.weft.protocol.SessionDelete;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncError;
import dev.weft.store.DocumentChanges;
import dev.weft.store.DocumentState;
import dev.weft.store.RefusedException;
import dev.weft.store.PurgedException;
import dev.weft.store.Store;
import dev.weft.store.SyncEntry;
import dev.weft.store.UpsertResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * An editing session on one document (docs/protocol.md §5). Ops go through the store's writer in the
 * order received; once committed they are forwarded to the other sessions and acknowledged with
 * {@code 69} to every session. The catch-up read and joining the room happen on the writer thread
 * back to back, so no op falls between them.
 */
final class SessionSync {
    /** The name a document made by a session has until its {@code 67} arrives. */
    static final String UNTITLED = "Untitled";

    private final Store store;
    private final Hub hub;
    private final PeerLink peer;
    private final Replies replies;
    private final Failures failures;
    private UUID document;
    private volatile Room room;
    /** The connection closed; guarded by this, with the room join. */
    private boolean gone;
    /** This connection's 65/66/67 messages durably applied; written on the store's writer thread only. */
    private volatile long applied;
    private long sentApplied = -1;
    private long sentTime = -1;

    SessionSync(Store store, Hub hub, PeerLink peer, Replies replies, Failures failures) {
        this.store = store;
        this.hub = hub;
        this.peer = peer;
        this.replies = replies;
        this.failures = failures;
    }

    int site() {
        return peer.device().site();
    }

    String deviceName() {
        return peer.device().name();
    }

    UUID document() {
        return document;
    }

    /** Sends to this session after everything queued for it before. */
    void send(List<? extends Message> messages) {
        if (!messages.isEmpty()) {
            peer.serially(() -> peer.send(messages));
        }
    }

    /** {@code 64}: creates the document if needed, catches the device up, joins the room. */
    void start(SessionStart start) {
        document = start.documentId();
        int site = site();
        hub.closeBatch(document); // this session's ops join no write queued before its start
        store.submit(batch -> {
            Optional<SyncEntry> created = Optional.empty();
            if (batch.document(document).isEmpty()) {
                DocumentState doc = batch.upsert(document, UNTITLED, List.of(), List.of()).document();
                created = Optional.of(new SyncEntry(doc.syncTime(), doc.id()));
            }
            return new CatchUp(batch.changesSince(document, start.lastSyncTime(), site).orElseThrow(), created);
        }, 1, (catchUp, error) -> { // on the writer, in commit order: the join follows the catch-up read
            if (error != null && unwrap(error) instanceof PurgedException) {
                send(List.of(Replies.error(start.documentId(), Replies.NOT_FOUND, "no such document"))); // no 68
                return;
            }
            if (error != null) {
                failures.fault(peer, unwrap(error));
                return;
            }
            catchUp.created().ifPresent(change -> hub.changed(change, peer));
            DocumentState doc = catchUp.changes().document();
            Optional<SyncError> unsendable = Replies.unsendable(doc);
            if (unsendable.isPresent()) {
                send(List.of(unsendable.get())); // no 68 and no room: the device's session ends there
                return;
            }
            List<Message> out = new ArrayList<>(replies.responses(doc.id(), doc.name(),
                    catchUp.changes().inserts(), catchUp.changes().deletes()));
            out.add(new SessionReady(site, doc.syncTime()));
            send(out);
            synchronized (this) {
                if (gone) {
                    return; // the connection closed during the catch-up: never join, or it stays forever
                }
                room = hub.room(document);
                room.join(this);
            }
        });
    }

    private record CatchUp(DocumentChanges changes, Optional<SyncEntry> created) {
    }

    /**
     * A run of {@code 65}/{@code 66} messages from one frame. It joins the ops of this document
     * still waiting for the writer, or is applied in a new write that later ones may join
     * ({@link OpBatch}).
     *
     * @return false if one broke the protocol (the connection is being closed)
     */
    boolean ops(List<Message> ops) {
        int site = site();
        List<Atom> inserts = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        for (Message m : ops) {
            if (m instanceof SessionInsert i) {
                if (i.site() != site || i.atom().pid().site() != site) {
                    failures.protocol(peer, "insert from site " + i.site() + " with pid " + i.atom().pid()
                            + " on a connection of site " + site);
                    return false;
                }
                inserts.add(i.atom());
            } else {
                SessionDelete d = (SessionDelete) m;
                if (d.site() != site) {
                    failures.protocol(peer, "delete from site " + d.site() + " on a connection of site " + site);
                    return false;
                }
                deletes.add(d.pid());
            }
        }
        UUID doc = document;
        OpBatch fresh = hub.batch(doc, new OpBatch.Part(this, inserts, deletes, ops));
        if (fresh == null) {
            return true;
        }
        store.submit(batch -> {
            List<OpBatch.Part> parts = hub.seal(fresh);
            UpsertResult result = batch.upsert(doc, null, OpBatch.inserts(parts), OpBatch.deletes(parts));
            long syncTime = result.document().syncTime();
            if (result.changed()) { // who edited, for a trash that comes later, and edits that win over one (protocol.md §9)
                for (int editor : parts.stream().mapToInt(part -> part.session().site()).distinct().toArray()) {
                    // a session carries no trash news: its device edits as one that never saw the trash
                    syncTime = batch.edited(doc, editor, 0L).map(DocumentState::syncTime).orElse(syncTime);
                }
            }
            return new Applied(parts, result, syncTime);
        }, inserts.size() + deletes.size(), (done, error) -> {
            if (error != null) {
                fresh.close().stream().map(OpBatch.Part::session).distinct().forEach(s -> s.failures.fault(s.peer, unwrap(error)));
                return;
            }
            for (OpBatch.Part part : done.parts()) {
                part.session().applied += part.ops().size();
            }
            if (done.result().changed()) {
                hub.changed(new SyncEntry(done.syncTime(), doc), peer);
            }
            // the room as it is now, in commit order: a session that joined after this write's
            // catch-up read gets these ops, even if the author has left and its room is gone
            Room current = hub.openRoom(doc);
            if (current != null) {
                current.deliver(done.parts(), done.result().document().syncTime());
            }
        });
        return true;
    }

    /** {@code syncTime}: the document's after the write, later than the upsert's if an edit took it out of the trash. */
    private record Applied(List<OpBatch.Part> parts, UpsertResult result, long syncTime) {
    }

    /**
     * {@code 67}: renames; a name the server had to change goes back to every session. A name the
     * rule refuses (a device under an older rule, or a broken one), or one that is taken and too long
     * to number, is refused: counted as applied, the name stays, and the author gets it back in a
     * {@code 67} (docs/protocol.md §5).
     */
    boolean rename(NameChange change) {
        UUID doc = document;
        hub.closeBatch(doc); // ops sent after the rename are applied after it
        Optional<String> bad = NoteNames.validate(change.name());
        if (bad.isPresent()) {
            store.submit(batch -> batch.document(doc).orElseThrow(), 1, (current, error) -> {
                if (error != null) {
                    failures.fault(peer, unwrap(error));
                    return;
                }
                applied++;
                refused(current, "name: " + bad.get());
            });
            return true;
        }
        store.submit(batch -> {
            DocumentState before = batch.document(doc).orElseThrow();
            UpsertResult result = batch.upsert(doc, change.name(), List.of(), List.of());
            try {
                Replies.sendable(result.document());
                if (result.renamed()) {
                    Replies.placeable(batch, result.document());
                }
            } catch (RefusedException | Replies.NameClash e) {
                throw new Refused(before, e.getMessage()); // rolls the rename back
            }
            return result;
        }, 1, (result, error) -> {
            if (error != null && unwrap(error) instanceof Refused refusal) {
                applied++;
                refused(refusal.kept, refusal.getMessage());
                return;
            }
            if (error != null) {
                failures.fault(peer, unwrap(error));
                return;
            }
            applied++;
            DocumentState named = result.document();
            if (result.changed()) {
                hub.changed(new SyncEntry(named.syncTime(), named.id()), peer);
            }
            // the author too, even unchanged: its name then rests on what the server said after
            // its rename, so a later rename by anyone (a stale upsert name, say) reaches it as news.
            // With its 69 in one frame: the 69's time tells the device how new the name is.
            Room current = room;
            if (current != null) {
                current.deliverToAll(List.of(new NameChange(named.name())), named.syncTime());
            }
        });
        return true;
    }

    /** A rename refused in its work: what the document keeps, read before the rename. */
    private static final class Refused extends RuntimeException {
        final transient DocumentState kept;

        Refused(DocumentState kept, String reason) {
            super(reason, null, false, false);
            this.kept = kept;
        }
    }

    /** A refused {@code 67}: the author gets the name the document keeps, with its {@code 69}. */
    private void refused(DocumentState current, String reason) {
        failures.refused(peer, "a rename of " + current.id() + ": " + reason);
        forwardAndAcknowledge(List.of(new NameChange(current.name())), current.syncTime());
    }

    /**
     * {@code 71}: never stored, but relayed after the ops this session sent before it, so a caret
     * never points at an atom the others have not received yet.
     */
    boolean cursor(SessionCursor cursor) {
        if (cursor.site() != site()) {
            failures.protocol(peer, "caret of site " + cursor.site() + " on a connection of site " + site());
            return false;
        }
        store.submit(batch -> cursor, 1, (relayed, error) -> {
            Room current = room;
            if (error == null && current != null) {
                current.forward(this, List.of(relayed));
            }
        });
        return true;
    }

    /**
     * {@code ops} committed at {@code syncTime} (other sessions' ops, an upsert's, a name), then this
     * session's {@code 69}, in one frame: a commit costs each session one frame, not a forward and an
     * ack, and a 69 never carries a time whose forwarded messages are still queued behind it.
     */
    void forwardAndAcknowledge(List<Message> ops, long syncTime) {
        peer.serially(() -> sendWithAck(ops, syncTime));
    }

    /** On the connection's executor: {@code ops}, then a 69 for {@code syncTime} unless the last one said the same. */
    private void sendWithAck(List<Message> ops, long syncTime) {
        SessionAck ack = takeAck(syncTime);
        if (ack == null) {
            if (!ops.isEmpty()) {
                peer.send(ops);
            }
            return;
        }
        List<Message> out = new ArrayList<>(ops.size() + 1);
        out.addAll(ops);
        out.add(ack);
        peer.send(out);
    }

    /** The {@code 69} to send now, or null if the last one sent said the same; on the connection's executor. */
    private SessionAck takeAck(long syncTime) {
        long count = applied;
        long time = Math.max(sentTime, syncTime);
        if (count == sentApplied && time == sentTime) {
            return null;
        }
        sentApplied = count;
        sentTime = time;
        return new SessionAck(count, time);
    }

    /** The connection closed: leave the room, telling the others. */
    void closed() {
        Room current;
        synchronized (this) {
            gone = true;
            current = room;
        }
        if (current != null && current.leave(this)) {
            hub.left(current);
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
