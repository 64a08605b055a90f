package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
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
 * A pull answered in windows (docs/server.md, "Big answers"): held before its second window while
 * another device deletes an atom the first window brought and inserts one in its range, the answer
 * still leaves the reader with exactly the alive atoms as of its {@code 34} (a catch-up pass
 * brings the insert and the delete), and a fresh pull from that time brings nothing more.
 */
class PullStreamTest {
    @TempDir
    Path data;

    @AfterEach
    void noSeam() {
        PullStream.beforeWindow = window -> { };
    }

    private static List<Atom> atoms(int site, int from, int count) {
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            atoms.add(new Atom(Pid.single(site, from + i * 4), 'a' + i % 26));
        }
        return atoms;
    }

    @Test
    void aWriteBetweenWindowsEndsInACatchUpAndTheReaderHoldsTheDocument() throws Exception {
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, data,
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT), ServerLog.silent())) {
            TestDevice writer = TestDevice.pair(server.pairingLink(), "writer");
            TestDevice reader = TestDevice.pair(server.pairingLink(), "reader");
            UUID doc = UUID.randomUUID();
            TestDevice.Connection w = writer.connect();
            List<Atom> first = atoms(writer.site, 1, 200_000); // ~1.6 MB: two windows and more
            w.send(new SyncDocUpsert(doc, "big", 0, first, List.of()));
            w.expect(SyncDocResponse.class);
            long created = w.expect(SyncDocDone.class).syncTime();

            CountDownLatch reached = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            PullStream.beforeWindow = window -> {
                if (window == 1) {
                    reached.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            TestDevice.Connection r = reader.connect();
            r.send(new SyncDocPull(doc, 0));
            assertThat(reached.await(60, TimeUnit.SECONDS)).isTrue();
            PullStream.beforeWindow = window -> { };
            Atom added = new Atom(Pid.single(writer.site, 3), 'z'); // between the first two atoms
            Pid deleted = first.get(0).pid();
            w.send(new SyncDocUpsert(doc, "big", created, List.of(added), List.of(deleted)));
            w.expect(SyncDocResponse.class);
            w.expect(SyncDocDone.class);
            release.countDown();

            Set<Pid> held = new HashSet<>();
            long time = apply(r, doc, held);
            Set<Pid> expected = new HashSet<>();
            first.forEach(a -> expected.add(a.pid()));
            expected.remove(deleted);
            expected.add(added.pid());
            assertThat(held).isEqualTo(expected);

            Set<Pid> later = new HashSet<>();
            r.send(new SyncDocPull(doc, time));
            apply(r, doc, later);
            assertThat(later).as("nothing after the 34's time").isEmpty();
        }
    }

    /** Applies one answer's 33s to {@code held}; returns its 34's time. */
    private static long apply(TestDevice.Connection c, UUID doc, Set<Pid> held) throws Exception {
        while (true) {
            Message m = c.next();
            if (m instanceof SyncDocResponse response) {
                response.inserts().forEach(a -> held.add(a.pid()));
                response.deletes().forEach(held::remove);
            } else if (m instanceof SyncDocDone done && done.documentId().equals(doc)) {
                return done.syncTime();
            }
        }
    }
}
