package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One device's big upsert does not hold the others (issue 11 §8): it is applied in steps
 * ({@link ChunkedUpsert}), and with the upload held between two steps another device connects,
 * pulls and writes, and all of that is answered before the upload's {@code 34}. Ordering, not time.
 * The upload stays whole as its author sees it: one {@code 33} with what others wrote in between
 * (never its own ops), one {@code 34}, after which it lacks nothing.
 */
class BigUploadTest {
    /** Enough ops for five steps. */
    private static final int BIG = 5 * StepBudget.RUNS - 7;

    @TempDir
    Path data;

    @AfterEach
    void noSeam() {
        ChunkedUpsert.beforeStep = step -> { };
    }

    private WeftServer start() throws Exception {
        return WeftServer.start(new ServerConfig("127.0.0.1", 0, data, new ServerConfig.TlsSetting.None(), Limits.DEFAULT),
                ServerLog.silent());
    }

    /** Holds the upload before its step {@code at} until released. */
    private static final class Hold {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Hold(int at) {
            ChunkedUpsert.beforeStep = step -> {
                if (step == at) {
                    reached.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(60, TimeUnit.SECONDS)).as("the upload reached the held step").isTrue();
        }
    }

    private static List<Atom> atoms(int site, int from, int count) {
        return ScatteredAtoms.of(site, from, count);
    }

    /** Every alive pid of {@code doc} as a pull from 0 answers it. */
    private static Set<Pid> alive(TestDevice.Connection c, UUID doc) throws InterruptedException {
        c.send(new SyncDocPull(doc, 0));
        Set<Pid> pids = new HashSet<>();
        for (Message m : c.until(m -> m instanceof SyncDocDone d && d.documentId().equals(doc))) {
            if (m instanceof SyncDocResponse r && r.documentId().equals(doc)) {
                r.inserts().forEach(a -> pids.add(a.pid()));
            }
        }
        return pids;
    }

    @Test
    void anotherDeviceConnectsPullsAndWritesWhileABigUploadIsBetweenSteps() throws Exception {
        try (WeftServer server = start()) {
            TestDevice uploader = TestDevice.pair(server.pairingLink(), "uploader");
            TestDevice other = TestDevice.pair(server.pairingLink(), "other");
            UUID small = UUID.randomUUID();
            TestDevice.Connection o = other.connect();
            o.send(new SyncDocUpsert(small, "small", 0, atoms(other.site, 1, 3), List.of()));
            o.done();
            o.close();

            Hold hold = new Hold(2);
            UUID big = UUID.randomUUID();
            TestDevice.Connection u = uploader.connect();
            u.send(new SyncDocUpsert(big, "big", 0, atoms(uploader.site, 1, BIG), List.of()));
            hold.awaitReached();

            TestDevice.Connection fresh = other.connect(); // the upgrade reads the store: it is not held
            fresh.send(new SyncDocPull(small, 0));
            assertThat(fresh.done().documentId()).isEqualTo(small);
            fresh.send(new SyncDocUpsert(small, "small", Long.MAX_VALUE >>> 1, atoms(other.site, 10, 1), List.of()));
            assertThat(fresh.done().documentId()).isEqualTo(small);
            assertThat(u.received).as("the upload is not acknowledged while held").noneMatch(m -> m instanceof SyncDocDone);

            hold.release.countDown();
            SyncDocDone done = u.done();
            assertThat(done.documentId()).isEqualTo(big);
            assertThat(alive(fresh, big)).hasSize(BIG);
        }
    }

    @Test
    void othersWritesBetweenStepsReachTheUploaderInItsAnswerAndNothingOfItsOwn() throws Exception {
        try (WeftServer server = start()) {
            TestDevice uploader = TestDevice.pair(server.pairingLink(), "uploader");
            TestDevice other = TestDevice.pair(server.pairingLink(), "other");
            UUID big = UUID.randomUUID();
            TestDevice.Connection session = other.connect();
            session.send(new SessionStart(0, big)); // creates the document, empty
            List<Message> ready = session.until(m -> m instanceof SessionReady);
            long start = ((SessionReady) ready.get(ready.size() - 1)).syncTime();

            Hold hold = new Hold(3);
            TestDevice.Connection u = uploader.connect();
            List<Atom> mine = atoms(uploader.site, 1, BIG);
            u.send(new SyncDocUpsert(big, "big", start, mine, List.of()));
            hold.awaitReached();
            // between steps: the other device inserts, and deletes one of the uploader's atoms it was sent
            Set<Pid> forwarded = new HashSet<>();
            while (forwarded.size() < 3 * StepBudget.RUNS) {
                if (session.next() instanceof SessionInsert i && i.site() == uploader.site) {
                    forwarded.add(i.atom().pid());
                }
            }
            Pid deleted = mine.get(5).pid();
            TestDevice.Connection g = other.connect();
            g.send(new SyncDocUpsert(big, "big", Long.MAX_VALUE >>> 1, atoms(other.site, 1, 2), List.of(deleted)));
            g.done();
            hold.release.countDown();

            List<Message> answer = u.until(m -> m instanceof SyncDocDone);
            List<Atom> inserts = new ArrayList<>();
            List<Pid> deletes = new ArrayList<>();
            for (Message m : answer) {
                if (m instanceof SyncDocResponse r) {
                    inserts.addAll(r.inserts());
                    deletes.addAll(r.deletes());
                }
            }
            assertThat(inserts).as("others' inserts, never an echo").containsExactlyElementsOf(atoms(other.site, 1, 2));
            assertThat(deletes).containsExactly(deleted);
            long time = ((SyncDocDone) answer.get(answer.size() - 1)).syncTime();
            u.send(new SyncDocPull(big, time));
            List<Message> after = u.until(m -> m instanceof SyncDocDone);
            assertThat(after).filteredOn(m -> m instanceof SyncDocResponse r && !r.inserts().isEmpty()).isEmpty();

            // the session got every op of the upload, and its 69s never ran ahead of them
            while (forwarded.size() < BIG) {
                Message m = session.next();
                if (m instanceof SessionInsert i && i.site() == uploader.site) {
                    forwarded.add(i.atom().pid());
                } else if (m instanceof SessionAck a && a.syncTime() >= time) {
                    break;
                }
            }
            assertThat(forwarded).hasSize(BIG);
        }
    }

    @Test
    void aServerStoppingDuringABigUploadClosesItWithout34OrFault() throws Exception {
        java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
        WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, data, new ServerConfig.TlsSetting.None(),
                Limits.DEFAULT), new ServerLog(new java.io.PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8)));
        TestDevice uploader = TestDevice.pair(server.pairingLink(), "uploader");
        Hold hold = new Hold(1);
        TestDevice.Connection u = uploader.connect();
        u.send(new SyncDocUpsert(UUID.randomUUID(), "big", 0, atoms(uploader.site, 1, 40 * StepBudget.RUNS),
                List.of()));
        hold.awaitReached();
        Thread closing = new Thread(server::close);
        closing.start();
        assertThat(u.awaitClose()).isEqualTo(Failures.GOING_AWAY);
        hold.release.countDown(); // the remaining steps meet a closing server and store
        closing.join();
        assertThat(u.received).noneMatch(m -> m instanceof SyncDocDone);
        assertThat(logged.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("fault").doesNotContain("ERROR");
    }

    @Test
    void aConnectionsLaterRequestsAreAnsweredAfterItsBigUpload() throws Exception {
        try (WeftServer server = start()) {
            TestDevice uploader = TestDevice.pair(server.pairingLink(), "uploader");
            UUID big = UUID.randomUUID();
            UUID small = UUID.randomUUID();
            TestDevice.Connection u = uploader.connect();
            u.send(new SyncDocUpsert(big, "big", 0, atoms(uploader.site, 1, BIG), List.of()),
                    new SyncDocUpsert(small, "small", 0, atoms(uploader.site, 1, 1), List.of()),
                    new SyncDocPull(big, 0));
            assertThat(u.done().documentId()).isEqualTo(big);
            assertThat(u.done().documentId()).isEqualTo(small);
            Set<Pid> pulled = new HashSet<>();
            for (Message m : u.until(m -> m instanceof SyncDocDone)) {
                if (m instanceof SyncDocResponse r) {
                    r.inserts().forEach(a -> pulled.add(a.pid()));
                }
            }
            assertThat(pulled).hasSize(BIG);
        }
    }

    @Test
    void aBigUploadOfDeletesAndInsertsLeavesTheSameDocumentAsOneCommitWould() throws Exception {
        try (WeftServer server = start()) {
            TestDevice uploader = TestDevice.pair(server.pairingLink(), "uploader");
            UUID big = UUID.randomUUID();
            TestDevice.Connection u = uploader.connect();
            List<Atom> inserts = atoms(uploader.site, 1, BIG);
            List<Pid> deletes = new ArrayList<>();
            for (int i = 0; i < BIG; i += 2) {
                deletes.add(inserts.get(i).pid()); // deletes of atoms inserted steps earlier
            }
            for (Atom never : atoms(uploader.site, BIG + 10, 2_000)) {
                deletes.add(never.pid()); // and of atoms never inserted
            }
            u.send(new SyncDocUpsert(big, "big", 0, inserts, deletes));
            u.done();
            Set<Pid> expected = new HashSet<>();
            for (int i = 1; i < BIG; i += 2) {
                expected.add(inserts.get(i).pid());
            }
            assertThat(alive(u, big)).isEqualTo(expected);
            // a late insert of a pid deleted before it arrived stays dead
            u.send(new SyncDocUpsert(big, "big", Long.MAX_VALUE >>> 1, atoms(uploader.site, BIG + 10, 5), List.of()));
            u.done();
            assertThat(alive(u, big)).isEqualTo(expected);
        }
    }
}
