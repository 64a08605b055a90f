package dev.weft.server;

import dev.weft.protocol.FilesChanged;
import dev.weft.protocol.SynclistResponse;
import dev.weft.store.SyncEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * What the connections of one server share: the open global connections (for unsolicited
 * {@code 32} pushes), the rooms of open documents, and every connection by device (for revoking).
 */
final class Hub {
    private final Set<PeerLink> globals = ConcurrentHashMap.newKeySet();
    /** Connections whose device announced {@code Weft-Files: 1}: global ones get {@code 42} (protocol.md §11). */
    private final Set<PeerLink> hearFiles = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();
    /** Per document, the session ops waiting for the store's writer that later ops may still join. */
    private final Map<UUID, OpBatch> batches = new ConcurrentHashMap<>();
    private final Map<Integer, Set<PeerLink>> bySite = new ConcurrentHashMap<>();
    /** Every connection from its upgrade until its close task has run. */
    private final Set<PeerLink> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private final SerialExecutor pusher;
    /** Changes not pushed yet, with the connection that made each (it hears of it from its answer). */
    private final Map<UUID, Pending> pending = new LinkedHashMap<>();

    private record Pending(long syncTime, PeerLink origin) {
    }

    Hub(Executor pool) {
        this.pusher = new SerialExecutor(pool);
    }

    /**
     * A connection was upgraded (on the I/O thread, before its first frame).
     *
     * @return false if the server is shutting down: the caller closes it with 1001
     */
    boolean opened(PeerLink peer) {
        connections.add(peer);
        bySite.computeIfAbsent(peer.device().site(), site -> ConcurrentHashMap.newKeySet()).add(peer);
        return !stopping;
    }

    /** The connection is gone and its close task has run. */
    void closed(PeerLink peer) {
        globals.remove(peer);
        hearFiles.remove(peer);
        Set<PeerLink> peers = bySite.get(peer.device().site());
        if (peers != null) {
            peers.remove(peer);
        }
        synchronized (connections) {
            connections.remove(peer);
            connections.notifyAll();
        }
    }

    /** True once {@link #shutdown} began: no new connection is served. */
    boolean stopping() {
        return stopping;
    }

    void global(PeerLink peer) {
        globals.add(peer);
    }

    /** The device of {@code peer} announced files at the upgrade (before its first frame). */
    void hearsFiles(PeerLink peer) {
        hearFiles.add(peer);
    }

    /** A file version was committed at {@code syncTime}: every global connection that announced files gets a {@code 42}. */
    void filesChanged(long syncTime) {
        List<FilesChanged> news = List.of(new FilesChanged(syncTime));
        for (PeerLink peer : globals) {
            if (hearFiles.contains(peer)) {
                peer.serially(() -> peer.send(news));
            }
        }
    }

    /** The room of {@code document}, made if nobody has it open. */
    Room room(UUID document) {
        return rooms.computeIfAbsent(document, Room::new);
    }

    /** Drops the room once its last session left. */
    void left(Room room) {
        rooms.computeIfPresent(room.document(), (id, current) -> current == room && room.isEmpty() ? null : current);
    }

    /**
     * Adds {@code part} to the ops of {@code document} still waiting for the writer, if any.
     *
     * @return null if it joined them; else a new batch holding it, which the caller must submit
     */
    OpBatch batch(UUID document, OpBatch.Part part) {
        while (true) {
            OpBatch waiting = batches.get(document);
            if (waiting != null && waiting.add(part)) {
                return null;
            }
            OpBatch fresh = new OpBatch(document, part);
            if (waiting == null ? batches.putIfAbsent(document, fresh) == null : batches.replace(document, waiting, fresh)) {
                return fresh;
            }
        }
    }

    /** On the writer, when {@code batch} runs: it takes no more ops. Returns its parts. */
    List<OpBatch.Part> seal(OpBatch batch) {
        batches.remove(batch.document(), batch);
        return batch.close();
    }

    /** Ops of {@code document} that come after this start a new batch (queued after what comes next). */
    void closeBatch(UUID document) {
        OpBatch waiting = batches.remove(document);
        if (waiting != null) {
            waiting.close();
        }
    }

    /** The room of {@code document} if a session has it open. */
    Room openRoom(UUID document) {
        return rooms.get(document);
    }

    /**
     * Notes a committed change; every global connection but {@code origin}'s own soon gets a
     * {@code 32} with it. Changes arriving together go out in one push.
     */
    void changed(SyncEntry entry, PeerLink origin) {
        boolean schedule;
        synchronized (pending) {
            schedule = pending.isEmpty();
            Pending before = pending.get(entry.documentId());
            if (before == null || before.syncTime() < entry.syncTime()) {
                pending.put(entry.documentId(), new Pending(entry.syncTime(), before == null || before.origin() == origin ? origin : null));
            }
        }
        if (schedule) {
            pusher.execute(this::push);
        }
    }

    private void push() {
        Map<UUID, Pending> changes;
        synchronized (pending) {
            changes = new LinkedHashMap<>(pending);
            pending.clear();
        }
        for (PeerLink peer : globals) {
            List<SynclistResponse.Entry> entries = new ArrayList<>();
            changes.forEach((id, change) -> {
                if (change.origin() != peer) {
                    entries.add(new SynclistResponse.Entry(change.syncTime(), id));
                }
            });
            entries.sort(Comparator.comparingLong(SynclistResponse.Entry::syncTime));
            List<SynclistResponse> push = new ArrayList<>();
            for (int from = 0; from < entries.size(); from += GlobalSync.SYNCLIST_LIMIT) {
                push.add(new SynclistResponse(entries.subList(from, Math.min(entries.size(), from + GlobalSync.SYNCLIST_LIMIT))));
            }
            if (!push.isEmpty()) {
                peer.serially(() -> peer.send(push));
            }
        }
    }

    /** Closes every connection of the device at {@code site} (it was revoked). */
    void disconnect(int site, int code, String reason) {
        Set<PeerLink> peers = bySite.getOrDefault(site, Set.of());
        for (PeerLink peer : List.copyOf(peers)) {
            peer.close(code, reason);
        }
    }

    /**
     * The server is going down: every connection, and any upgraded from now on, is closed with
     * {@code code}; waits up to {@code graceMillis} for the peers' close frames and drops the
     * connections that did not answer, then waits up to {@code graceMillis} more until every
     * connection's close task has run.
     *
     * @return whether every connection is gone
     */
    boolean shutdown(int code, String reason, long graceMillis) throws InterruptedException {
        stopping = true;
        for (PeerLink peer : List.copyOf(connections)) {
            peer.close(code, reason);
        }
        if (awaitClosed(graceMillis)) {
            return true;
        }
        for (PeerLink peer : List.copyOf(connections)) {
            peer.drop();
        }
        return awaitClosed(graceMillis);
    }

    private boolean awaitClosed(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (connections) {
            while (!connections.isEmpty()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                connections.wait(left);
            }
            return true;
        }
    }
}
