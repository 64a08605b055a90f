package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code 65}/{@code 66} ops of one document's sessions that wait for the store's writer
 * together (docs/protocol.md §5 allows group commit): a frame that arrives while an earlier one of the
 * same document still waits joins its write, so a busy document costs one upsert (one sync time,
 * one history record, one index move) per commit instead of one per frame. The writer closes the
 * batch when it runs it; later ops start a new one, and so does a frame that finds it holding
 * {@link #MAX_OPS} ops: the writer's group commit takes up to 1,024 works, so a client flooding a
 * document with one-op frames makes groups of at most 16 times the ops it did with a work per
 * frame, and the write lock that readers (the token check of every new connection) wait for is
 * still let go within a fraction of a second.
 *
 * <p>Order: each session's parts keep the order they came in, and a session only joins a batch
 * made after its {@code 64} and its last {@code 67} were queued ({@link Hub#closeBatch} runs before
 * those are submitted), so a session's ops, renames and acknowledgements stay in the order it sent
 * them. Ops of different sessions commute (docs/protocol.md §2).
 */
final class OpBatch {
    /** One frame's run of ops from one session. */
    record Part(SessionSync session, List<Atom> inserts, List<Pid> deletes, List<Message> ops) {
    }

    /** A batch that holds this many ops takes no more parts. */
    static final int MAX_OPS = 16;

    private final UUID document;
    private final List<Part> parts = new ArrayList<>();
    private int ops;
    private boolean closed;

    OpBatch(UUID document, Part first) {
        this.document = document;
        parts.add(first);
        ops = first.ops().size();
    }

    UUID document() {
        return document;
    }

    /** Adds {@code part} unless the batch is closed or full (then the caller starts a new one). */
    synchronized boolean add(Part part) {
        if (closed || ops >= MAX_OPS) {
            return false;
        }
        parts.add(part);
        ops += part.ops().size();
        return true;
    }

    /** Takes no more parts; returns every part, in the order they came. May be called again. */
    synchronized List<Part> close() {
        closed = true;
        return List.copyOf(parts);
    }

    static List<Atom> inserts(List<Part> parts) {
        List<Atom> all = new ArrayList<>();
        for (Part p : parts) {
            all.addAll(p.inserts());
        }
        return all;
    }

    static List<Pid> deletes(List<Part> parts) {
        List<Pid> all = new ArrayList<>();
        for (Part p : parts) {
            all.addAll(p.deletes());
        }
        return all;
    }
}
