package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A steady stream of writes to one document on a connection of its own, on a thread of its own,
 * until the server goes away: {@code 2} upserts one after another (each waits for its {@code 34}),
 * or an editing session sending {@code 65}s in bursts (each waits for its {@code 69}). What the
 * server acknowledges goes to {@link AckedOps}. Anything but the connection dropping while the
 * load runs (a close code, a {@code 36}) is kept as the failure.
 */
final class WriteLoad {
    private final TestDevice device;
    private final UUID document;
    private final AckedOps acked;
    private final AtomicLong idents;
    private final Random random;
    private final AtomicReference<Throwable> failure;
    private final Thread thread;
    private volatile boolean stopping;

    private WriteLoad(TestDevice device, UUID document, AckedOps acked, AtomicLong idents, long seed,
            AtomicReference<Throwable> failure, boolean session) {
        this.device = device;
        this.document = document;
        this.acked = acked;
        this.idents = idents;
        this.random = new Random(seed);
        this.failure = failure;
        this.thread = new Thread(() -> run(session), "weft-it-load-" + document);
        this.thread.setDaemon(true);
    }

    /** Starts writing; {@code session} chooses an editing session over upserts. */
    static WriteLoad start(TestDevice device, UUID document, AckedOps acked, AtomicLong idents, long seed,
            AtomicReference<Throwable> failure, boolean session) {
        WriteLoad load = new WriteLoad(device, document, acked, idents, seed, failure, session);
        load.thread.start();
        return load;
    }

    /** The server is about to go away: what happens to the connection from now on is expected. */
    void stopping() {
        stopping = true;
    }

    void join() throws InterruptedException {
        thread.join(60_000);
    }

    private void run(boolean session) {
        try {
            TestDevice.Connection connection = device.connect();
            if (session) {
                session(connection);
            } else {
                upserts(connection);
            }
        } catch (Exception | AssertionError e) {
            if (!stopping) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private void upserts(TestDevice.Connection connection) throws InterruptedException {
        long since = 0;
        while (true) {
            List<Atom> inserts = atoms(1 + random.nextInt(40));
            List<Pid> alive = acked.alive(document);
            List<Pid> deletes = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0 && !alive.isEmpty(); i--) {
                deletes.add(alive.remove(random.nextInt(alive.size())));
            }
            connection.send(new SyncDocUpsert(document, "load/" + document, since, inserts, deletes));
            Message done = await(connection, m -> m instanceof SyncDocDone d && d.documentId().equals(document));
            if (done == null) {
                return;
            }
            acked.acknowledged(document, inserts, deletes);
            since = ((SyncDocDone) done).syncTime();
        }
    }

    private void session(TestDevice.Connection connection) throws InterruptedException {
        connection.send(new SessionStart(0, document));
        if (await(connection, m -> m instanceof SessionReady) == null) {
            return;
        }
        List<Atom> sent = new ArrayList<>();
        int recorded = 0;
        while (true) {
            for (Atom atom : atoms(1 + random.nextInt(8))) {
                connection.send(new SessionInsert(device.site, atom));
                sent.add(atom);
            }
            int all = sent.size();
            while (recorded < all) {
                Message ack = await(connection, m -> m instanceof SessionAck);
                if (ack == null) {
                    return;
                }
                int applied = (int) ((SessionAck) ack).applied();
                acked.acknowledged(document, sent.subList(recorded, applied), List.of());
                recorded = applied;
            }
        }
    }

    private List<Atom> atoms(int n) {
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            atoms.add(new Atom(Pid.single(device.site, idents.incrementAndGet()), 'a' + random.nextInt(26)));
        }
        return atoms;
    }

    /** The next message that matches, or null once the connection is gone. */
    private Message await(TestDevice.Connection connection, Predicate<Message> match)
            throws InterruptedException {
        while (true) {
            Message m = connection.received.poll(100, TimeUnit.MILLISECONDS);
            if (m == null) {
                if (connection.closed.isDone()) {
                    if (!stopping && !connection.closed.isCompletedExceptionally()) {
                        throw new AssertionError("the server closed a connection with " + connection.closed.join()
                                + " " + connection.closeReason);
                    }
                    return null;
                }
            } else if (m instanceof SyncError e) {
                throw new AssertionError("the server answered " + e);
            } else if (match.test(m)) {
                return m;
            }
        }
    }
}
