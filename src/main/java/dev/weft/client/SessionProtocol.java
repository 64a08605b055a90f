package dev.weft.client;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.NameChange;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionCursor;
import dev.weft.protocol.SessionDelete;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionPeer;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncError;
import dev.weft.vault.LocalOp;
import dev.weft.vault.NoteSetAside;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One editing session (docs/protocol.md §5) over one connection: catch-up, then every local edit at once
 * as {@code 65}/{@code 66}/{@code 67}, forwarded ops applied, {@code 69} acks trimming the record
 * log, presence and carets for the editor. No socket here, one thread only.
 *
 * <p>At {@code 68} it sends every pending op again, those a global upsert may still carry
 * included: ops are idempotent, and then the session's own {@code 69} covers each seq it
 * acknowledges (the log's acknowledgement is a watermark, so it must never run ahead of what this
 * connection had committed).
 */
final class SessionProtocol {
    private final UUID document;
    private final Vault vault;
    private final Outbox outbox;
    private final SessionListener listener;
    /** The seq of each 65/66/67 this connection sent, in order: 69's {@code applied} indexes it. */
    private final List<Long> sentSeqs = new ArrayList<>();
    private final Map<Integer, String> peers = new TreeMap<>();
    private int site;
    private boolean live;
    private Uncovered unsettled = Uncovered.NONE;
    private boolean deferred;
    private String unsendable;
    /**
     * The last name the server sent (catch-up or {@code 67}), held until the {@code 68} or
     * {@code 69} after it says as of which time it is (Vault#applyRemoteName).
     */
    private String heldName;

    SessionProtocol(UUID document, Vault vault, Outbox outbox, SessionListener listener) {
        this.document = document;
        this.vault = vault;
        this.outbox = outbox;
        this.listener = listener;
    }

    void start() throws IOException {
        unsettled = Uncovered.of(vault.replica(document));
        outbox.send(List.of(new SessionStart(vault.syncTime(document), document)));
    }

    boolean isLive() {
        return live;
    }

    /**
     * True when the session could not go live because the note has pending inserts of another
     * site (made before pairing, site 255): a session may only carry the device's own site, so
     * those go up with a global upsert first and the session starts again after.
     */
    boolean deferred() {
        return deferred;
    }

    /**
     * Why the server would not start the session, if it would not: the name it has stored for the
     * note breaks the rule ({@code 36} code 422 instead of the catch-up).
     */
    Optional<String> unsendable() {
        return Optional.ofNullable(unsendable);
    }

    int site() {
        return site;
    }

    /** Sends the edits made since the last call. */
    void localWork() throws IOException {
        if (live) {
            send(false);
        }
    }

    void moveCursor(Pid afterOrNull) {
        if (live) {
            outbox.send(List.of(new SessionCursor(site, afterOrNull)));
        }
    }

    void received(List<Message> messages) throws IOException, ProtocolViolation {
        List<Atom> inserts = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        for (Message message : messages) {
            if (message instanceof SessionInsert insert) {
                inserts.add(insert.atom());
                continue;
            }
            if (message instanceof SessionDelete delete) {
                deletes.add(delete.pid());
                continue;
            }
            apply(inserts, deletes); // what came before this message, in order
            if (message instanceof SyncDocResponse catchUp && !live) {
                if (!catchUp.documentId().equals(document)) {
                    throw new ProtocolViolation("a catch-up for another note");
                }
                unsettled.seen(catchUp.inserts());
                heldName = catchUp.name();
                vault.applyRemote(document, null, catchUp.inserts(), catchUp.deletes());
            } else if (message instanceof SyncError error && !live && error.code() == SyncError.NAME_NOT_SENDABLE) {
                unsendable = error.message(); // no 68 follows: the runner ends this connection
            } else if (message instanceof SessionReady ready && !live) {
                ready(ready);
            } else if (message instanceof NameChange rename && live) {
                heldName = rename.name();
            } else if (message instanceof SessionAck ack && live) {
                acknowledged(ack);
            } else if (message instanceof SessionPeer peer && live) {
                if (peer.present()) {
                    peers.put(peer.site(), peer.deviceName());
                } else {
                    peers.remove(peer.site());
                }
                listener.peers(Collections.unmodifiableMap(new TreeMap<>(peers)));
            } else if (message instanceof SessionCursor cursor && live) {
                listener.cursor(cursor.site(), cursor.pidOrNull());
            } else {
                throw new ProtocolViolation("a session got " + message.getClass().getSimpleName()
                        + (live ? " after" : " before") + " 68");
            }
        }
        apply(inserts, deletes);
    }

    private void ready(SessionReady ready) throws IOException {
        List<LocalOp> pending = vault.replica(document).log().pending();
        if (pending.stream().anyMatch(op -> op instanceof LocalOp.Insert i && i.atom().pid().site() != ready.site())) {
            deferred = true;
            return;
        }
        site = ready.site();
        takeHeldName(ready.syncTime());
        unsettled.settle(vault, document);
        vault.currentTo(document, Math.max(ready.syncTime(), vault.syncTime(document)));
        live = true;
        listener.live(true);
        send(true);
    }

    private void acknowledged(SessionAck ack) throws IOException, ProtocolViolation {
        if (ack.applied() > sentSeqs.size()) {
            throw new ProtocolViolation("69 acknowledges " + ack.applied() + " ops of " + sentSeqs.size() + " sent");
        }
        takeHeldName(ack.syncTime()); // before the acknowledgement, which must find the server's name
        if (ack.applied() > 0) {
            vault.acknowledge(document, sentSeqs.get((int) ack.applied() - 1));
        }
        vault.currentTo(document, Math.max(ack.syncTime(), vault.syncTime(document)));
    }

    private void takeHeldName(long asOf) throws IOException {
        if (heldName != null) {
            try {
                vault.applyRemoteName(document, heldName, asOf);
            } catch (NoteSetAside e) {
                // reported by the vault: the note keeps its name here, the session goes on
            }
            heldName = null;
        }
    }

    private void apply(List<Atom> inserts, List<Pid> deletes) throws IOException {
        if (!inserts.isEmpty() || !deletes.isEmpty()) {
            vault.applyRemote(document, null, List.copyOf(inserts), List.copyOf(deletes));
            inserts.clear();
            deletes.clear();
        }
    }

    /** Sends every pending op, or those not sent yet: taken and marked sent in one step (RecordLog#takeToSend). */
    private void send(boolean everythingPending) throws IOException {
        List<LocalOp> ops = vault.replica(document).log().takeToSend(everythingPending);
        if (ops.isEmpty()) {
            return;
        }
        List<Message> messages = new ArrayList<>(ops.size());
        for (LocalOp op : ops) {
            if (op instanceof LocalOp.Insert insert) {
                messages.add(new SessionInsert(site, insert.atom()));
            } else if (op instanceof LocalOp.Delete delete) {
                messages.add(new SessionDelete(site, delete.pid()));
            } else if (op instanceof LocalOp.Rename rename) {
                messages.add(new NameChange(rename.name()));
            }
            sentSeqs.add(op.seq());
        }
        outbox.send(messages);
    }
}
