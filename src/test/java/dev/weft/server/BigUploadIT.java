package dev.weft.server;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.PairingLink;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SynclistResponse;
import dev.weft.testing.WeftChild;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft --server} as a child process with a 256 MiB heap ({@link WeftChild}): one device's
 * 200,000-atom upsert (1.6 MB, issue 11 §8) completes and every atom is there; a second one (60,000) is
 * SIGKILLed once its first steps are stored: after the restart the document holds a part of it
 * (every atom if its {@code 34} had arrived, never anything else), and the device's resend, as a
 * device without a {@code 34} does, completes it.
 */
class BigUploadIT {
    private static final int ATOMS = 200_000;
    /** The upload that is killed: some 60 steps. */
    private static final int KILLED_ATOMS = 60_000;

    @TempDir
    Path dir;
    private WeftChild server;

    @AfterEach
    void killLeftover() {
        if (server != null) {
            server.close();
        }
    }

    private static SyncDocUpsert upload(UUID doc, int site, int count) {
        // atoms that form no runs: steps of StepBudget.RUNS each (one level, one ident apart, they would go in a few)
        return new SyncDocUpsert(doc, "import " + doc, 0, ScatteredAtoms.of(site, 1, count), List.of());
    }

    private static Set<Pid> pids(SyncDocUpsert upsert) {
        Set<Pid> pids = new HashSet<>();
        upsert.inserts().forEach(a -> pids.add(a.pid()));
        return pids;
    }

    private static boolean acknowledged(TestDevice.Connection c, UUID doc) {
        return c.received.stream().anyMatch(m -> m instanceof SyncDocDone d && d.documentId().equals(doc));
    }

    private static Set<Pid> alive(TestDevice device, UUID doc) throws Exception {
        TestDevice.Connection c = device.connect();
        c.send(new SyncDocPull(doc, 0));
        Set<Pid> pids = new HashSet<>();
        for (Message m : c.until(m -> m instanceof SyncDocDone d && d.documentId().equals(doc))) {
            if (m instanceof SyncDocResponse r) {
                r.inserts().forEach(a -> pids.add(a.pid()));
            }
        }
        c.close();
        return pids;
    }

    @Test
    void aBigUploadCompletesUnderASmallHeapAndAKillMidwayLosesNothingAcknowledged() throws Exception {
        Path data = dir.resolve("data");
        int port = WeftChild.freePort();
        server = WeftChild.startServer(dir, data, port);
        PairingLink link = PairingLink.parse(server.awaitLine("pair: "));
        TestDevice uploader = TestDevice.pair(link, "uploader");
        String pairLine = WeftChild.run(dir, "pair-code", "--data", data.toString()).ok().out().lines()
                .filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow();
        TestDevice watcher = TestDevice.pair(PairingLink.parse(pairLine.substring("pair: ".length())), "watcher");

        SyncDocUpsert first = upload(UUID.randomUUID(), uploader.site, ATOMS);
        TestDevice.Connection u = uploader.connect();
        u.send(first);
        eventually("the first upload's 34", () -> acknowledged(u, first.documentId()));
        assertThat(alive(watcher, first.documentId())).isEqualTo(pids(first));

        SyncDocUpsert second = upload(UUID.randomUUID(), uploader.site, KILLED_ATOMS);
        TestDevice.Connection w = watcher.connect();
        w.send(new dev.weft.protocol.Synclist(Long.MAX_VALUE >>> 1)); // a global connection: it hears pushes
        u.send(second);
        eventually("a step of the second upload is stored", () -> w.received.stream()
                .anyMatch(m -> m instanceof SynclistResponse l && l.entries().stream()
                        .anyMatch(e -> e.documentId().equals(second.documentId()))));
        server.kill();
        boolean acked = acknowledged(u, second.documentId());

        server = WeftChild.startServer(dir, data, port);
        server.awaitLine("fingerprint: "); // devices have access: no pairing link unless asked
        Set<Pid> held = alive(watcher, second.documentId());
        if (acked) {
            assertThat(held).as("an acknowledged upload is there whole").isEqualTo(pids(second));
        } else {
            assertThat(held).as("a part of the upload, nothing else").isNotEmpty().isSubsetOf(pids(second));
        }
        TestDevice.Connection again = uploader.connect();
        again.send(second);
        eventually("the resent upload's 34", () -> acknowledged(again, second.documentId()));
        assertThat(alive(watcher, second.documentId())).isEqualTo(pids(second));
        assertThat(alive(watcher, first.documentId())).hasSize(ATOMS);
        assertThat(server.stop()).isZero();
    }
}
