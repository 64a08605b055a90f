package dev.weft.server;

import dev.weft.protocol.Message;
import dev.weft.protocol.SessionPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The editing sessions open on one document: who gets forwarded ops, presence and carets. Joins
 * and forwards happen on the store's writer thread in commit order, so a session that joined
 * after its catch-up read gets every op committed after that read, and none twice.
 */
final class Room {
    private final UUID document;
    private final List<SessionSync> sessions = new ArrayList<>();

    Room(UUID document) {
        this.document = document;
    }

    UUID document() {
        return document;
    }

    /** Adds {@code joiner}; it learns who is here, and they learn of it. */
    synchronized void join(SessionSync joiner) {
        List<Message> present = new ArrayList<>();
        for (SessionSync other : sessions) {
            present.add(new SessionPeer(other.site(), true, other.deviceName()));
            other.send(List.of(new SessionPeer(joiner.site(), true, joiner.deviceName())));
        }
        sessions.add(joiner);
        joiner.send(present);
    }

    /** Removes {@code leaver}; the others learn it left. Returns whether the room is now empty. */
    synchronized boolean leave(SessionSync leaver) {
        if (!sessions.remove(leaver)) {
            return sessions.isEmpty();
        }
        for (SessionSync other : sessions) {
            other.send(List.of(new SessionPeer(leaver.site(), false, leaver.deviceName())));
        }
        return sessions.isEmpty();
    }

    /** Sends {@code messages} to every session but {@code from}. */
    synchronized void forward(SessionSync from, List<? extends Message> messages) {
        for (SessionSync other : sessions) {
            if (other != from) {
                other.send(messages);
            }
        }
    }

    /**
     * After a commit of session ops: each session gets, in one frame, the ops of the others (in
     * the order applied) and its {@code 69} with its own applied count and {@code syncTime}.
     */
    synchronized void deliver(List<OpBatch.Part> parts, long syncTime) {
        for (SessionSync session : sessions) {
            List<Message> others = new ArrayList<>();
            for (OpBatch.Part part : parts) {
                if (part.session() != session) {
                    others.addAll(part.ops());
                }
            }
            session.forwardAndAcknowledge(others, syncTime);
        }
    }

    /**
     * After a commit that every session gets alike (a global upsert's ops and name, a session's
     * name change, which goes back to its author too): each gets {@code messages}, then its
     * {@code 69} with {@code syncTime}, in one frame.
     */
    synchronized void deliverToAll(List<Message> messages, long syncTime) {
        for (SessionSync session : sessions) {
            session.forwardAndAcknowledge(messages, syncTime);
        }
    }

    synchronized boolean isEmpty() {
        return sessions.isEmpty();
    }
}
