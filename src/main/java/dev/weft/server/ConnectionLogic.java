package dev.weft.server;

import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.NameChange;
import dev.weft.protocol.ProtocolException;
import dev.weft.protocol.RunForm;
import dev.weft.protocol.SessionCursor;
import dev.weft.protocol.SessionDelete;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocUpsertRuns;
import dev.weft.protocol.TrashForm;
import dev.weft.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection's protocol state (docs/protocol.md §3): the first message fixes its kind, global
 * sync (below 64) or editing session (64), and every later message must fit that kind. Frames
 * arrive here in order, one at a time, already off the I/O thread.
 */
final class ConnectionLogic {
    private enum Kind { NEW, GLOBAL, SESSION, CLOSED }

    private final MessageCodec codec;
    private final Hub hub;
    private final PeerLink peer;
    private final Failures failures;
    private final ServerLog log;
    private final GlobalSync global;
    private final SessionSync session;
    /** Both ends announced run messages (docs/protocol.md §8): they are read as the seed's they stand for. */
    private final boolean runs;
    /** Both ends announced the trash messages (docs/protocol.md §9). */
    private final boolean trash;
    private Kind kind = Kind.NEW;
    /** What the connection is, as its open and close log lines say. */
    private String what = "before its first message";

    /** {@code restoring}: see {@link StoreCheck#restoring()}. */
    ConnectionLogic(Store store, Hub hub, PeerLink peer, MessageCodec codec, Failures failures, ServerLog log,
            boolean restoring, boolean runs, boolean trash) {
        this.codec = codec;
        this.runs = runs;
        this.hub = hub;
        this.peer = peer;
        this.failures = failures;
        this.log = log;
        Replies replies = new Replies(codec.limits().maxMessageBytes());
        this.trash = trash;
        this.global = new GlobalSync(store, hub, peer, replies, failures, restoring, new TrashReplies(trash));
        this.session = new SessionSync(store, hub, peer, replies, failures);
    }

    /** Decodes one frame and handles its messages; a broken one closes the connection. */
    void frame(byte[] bytes) {
        if (kind == Kind.CLOSED) {
            return;
        }
        List<Message> messages;
        try {
            messages = codec.decodeFrame(bytes);
        } catch (ProtocolException e) {
            kind = Kind.CLOSED;
            failures.closeWith(peer, e.closeCode(), e.reason());
            return;
        }
        if (!runs && messages.stream().anyMatch(RunForm::isRun)) {
            kind = Kind.CLOSED; // as a server before runs: a type it does not know
            failures.closeWith(peer, Failures.PROTOCOL_ERROR, "run messages need " + RunForm.HEADER + ": "
                    + RunForm.VERSION + " at the upgrade");
            return;
        }
        if (!trash && messages.stream().anyMatch(TrashForm::isTrash)) {
            kind = Kind.CLOSED; // as a server before them: a type it does not know
            failures.closeWith(peer, Failures.PROTOCOL_ERROR, "trash messages need " + TrashForm.HEADER + ": "
                    + TrashForm.VERSION + " at the upgrade");
            return;
        }
        if (!handle(expand(messages))) {
            kind = Kind.CLOSED;
        }
    }

    /** {@code messages} as the seed's they stand for, but an upsert's runs: those go to the store as runs. */
    private static List<Message> expand(List<Message> messages) {
        if (messages.stream().noneMatch(m -> m instanceof SyncDocUpsertRuns)) {
            return RunForm.expand(messages);
        }
        List<Message> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            out.addAll(m instanceof SyncDocUpsertRuns ? List.of(m) : RunForm.expand(List.of(m)));
        }
        return out;
    }

    private boolean handle(List<Message> messages) {
        List<Message> ops = new ArrayList<>();
        for (Message m : messages) {
            if (kind == Kind.NEW) {
                decideKind(m);
            }
            boolean ok;
            if (kind == Kind.GLOBAL) {
                ok = global.handle(m);
            } else if (m instanceof SessionInsert || m instanceof SessionDelete) {
                ops.add(m);
                continue;
            } else {
                ok = flush(ops) && sessionMessage(m);
            }
            if (!ok) {
                return false;
            }
        }
        return flush(ops);
    }

    private void decideKind(Message first) {
        if (first.type() < SessionStart.TYPE) {
            kind = Kind.GLOBAL;
            hub.global(peer);
            what = "global";
            log.info("open " + peer + " " + what);
        } else {
            kind = Kind.SESSION;
        }
    }

    private boolean flush(List<Message> ops) {
        if (ops.isEmpty()) {
            return true;
        }
        if (session.document() == null) {
            failures.protocol(peer, "an editing session must start with session_start (64)");
            return false;
        }
        boolean ok = session.ops(List.copyOf(ops));
        ops.clear();
        return ok;
    }

    private boolean sessionMessage(Message m) {
        if (m instanceof SessionStart s) {
            if (session.document() != null) {
                failures.protocol(peer, "a second session_start on one connection");
                return false;
            }
            what = "session " + s.documentId();
            log.info("open " + peer + " " + what);
            session.start(s);
            return true;
        }
        if (session.document() == null) {
            failures.protocol(peer, "an editing session must start with session_start (64), not " + m.type());
            return false;
        }
        if (m instanceof NameChange n) {
            return session.rename(n);
        }
        if (m instanceof SessionCursor c) {
            return session.cursor(c);
        }
        failures.protocol(peer, "message " + m.type() + " in an editing session");
        return false;
    }

    /** The connection is gone: forget it everywhere. */
    void closed(int code, String reason) {
        kind = Kind.CLOSED;
        session.closed();
        log.info("close " + peer + " " + what + " " + code + (reason == null || reason.isEmpty() ? "" : " " + reason));
        hub.closed(peer); // last: a server shutting down waits for this
    }
}
