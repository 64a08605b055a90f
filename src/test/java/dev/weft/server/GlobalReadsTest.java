package dev.weft.server;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synclist and pull are read off the store's writer: their answers still leave after the answers
 * of the connection's earlier writes and see what those wrote, and a pull's {@code 34} never
 * claims a time whose ops it does not hold (a device that pulls on from that time while others
 * write ends with every acknowledged op).
 */
class GlobalReadsTest {
    /** Ops the writers get acknowledged while the reader pulls on. */
    private static final int LOAD_OPS = 500;

    @TempDir
    Path data;

    private WeftServer start() throws Exception {
        return WeftServer.start(new ServerConfig("127.0.0.1", 0, data, new ServerConfig.TlsSetting.None(), Limits.DEFAULT),
                ServerLog.silent());
    }

    @Test
    void readsAfterWritesOnOneConnectionAreAnsweredInOrderAndSeeThem() throws Exception {
        try (WeftServer server = start()) {
            TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
            TestDevice.Connection g = a.connect();
            for (int round = 1; round <= 50; round++) {
                UUID doc = UUID.randomUUID();
                Atom atom = new Atom(Pid.single(a.site, round), 'r');
                g.send(new SyncDocUpsert(doc, "doc " + round, 0, List.of(atom), List.of()), new SyncDocPull(doc, 0),
                        new Synclist(0));
                long written = g.done().syncTime();
                SyncDocResponse pulled = g.expect(SyncDocResponse.class);
                assertThat(pulled.inserts()).containsExactly(atom);
                assertThat(g.expect(SyncDocDone.class).syncTime()).isEqualTo(written);
                SynclistResponse list = g.expect(SynclistResponse.class);
                while (list.entries().stream().noneMatch(e -> e.documentId().equals(doc))) {
                    list = g.expect(SynclistResponse.class); // pushes of no concern may come first
                }
                assertThat(list.entries()).contains(new SynclistResponse.Entry(written, doc));
            }
        }
    }

    @Test
    void pullingOnFromEachAnswersTimeWhileOthersWriteMissesNothing() throws Exception {
        try (WeftServer server = start()) {
            TestDevice writer = TestDevice.pair(server.pairingLink(), "writer");
            TestDevice reader = TestDevice.pair(server.pairingLink(), "reader");
            UUID doc = UUID.randomUUID();
            AckedOps acked = new AckedOps();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicLong idents = new AtomicLong();
            List<WriteLoad> loads = List.of(WriteLoad.start(writer, doc, acked, idents, 1, failure, false),
                    WriteLoad.start(writer, doc, acked, idents, 2, failure, true));
            TestDevice.Connection g = reader.connect();
            Map<Pid, Atom> alive = new HashMap<>();
            Set<Pid> deleted = new HashSet<>();
            long since = 0;
            // the writes stop after enough progress (or a failure), not after a time; the deadline only ends a hang
            long hang = System.nanoTime() + PATIENCE.toNanos();
            boolean stopped = false;
            while (true) {
                if (!stopped && (acked.count() >= LOAD_OPS || failure.get() != null || System.nanoTime() > hang)) {
                    loads.forEach(WriteLoad::stopping);
                    server.revoke("writer"); // its connections close: no more writes
                    for (WriteLoad load : loads) {
                        load.join();
                    }
                    stopped = true; // one more pull, after every acknowledged op
                }
                g.send(new SyncDocPull(doc, since));
                for (Message m : g.until(m -> m instanceof SyncDocDone || m instanceof dev.weft.protocol.SyncError)) {
                    if (m instanceof SyncDocResponse r) {
                        r.inserts().forEach(atom -> alive.put(atom.pid(), atom));
                        deleted.addAll(r.deletes());
                        r.deletes().forEach(alive::remove);
                    } else if (m instanceof SyncDocDone d) {
                        since = d.syncTime();
                    }
                }
                if (stopped) {
                    break;
                }
            }
            assertThat(failure.get()).isNull();
            assertThat(acked.count()).isGreaterThanOrEqualTo(LOAD_OPS);
            assertThat(alive).isNotEmpty();
            // no writes any more: what the pulls from each answer's time built is the whole document
            g.send(new SyncDocPull(doc, 0));
            Map<Pid, Atom> whole = new HashMap<>();
            for (Message m : g.until(m -> m instanceof SyncDocDone)) {
                if (m instanceof SyncDocResponse r) {
                    r.inserts().forEach(atom -> whole.put(atom.pid(), atom));
                }
            }
            assertThat(alive).as("alive after pulling on from each answer's time").isEqualTo(whole);
            assertThat(alive.keySet()).doesNotContainAnyElementsOf(deleted);
        }
    }
}
