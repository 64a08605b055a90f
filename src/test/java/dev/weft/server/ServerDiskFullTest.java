package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import dev.weft.store.DiskFullException;
import dev.weft.testing.SmallDisk;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a real small tmpfs that fills up: writes answer 36 with code 507 (sessions close
 * with 1013), reads and new connections go on, nothing acknowledged is lost, writes succeed again
 * without a restart once space is freed, and a server starts on a full disk.
 */
class ServerDiskFullTest {
    private static final int ATOMS = 400;

    @TempDir
    Path tmp;
    SmallDisk disk;
    Path data;
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final ServerLog log = new ServerLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    final Map<UUID, List<Atom>> acknowledged = new LinkedHashMap<>();
    long nextIdent = 1;

    @BeforeEach
    void mount() throws Exception {
        disk = SmallDisk.mount(tmp, 16);
        data = disk.dir().resolve("data");
    }

    @AfterEach
    void unmount() throws Exception {
        disk.close();
    }

    private WeftServer start() throws Exception {
        return WeftServer.start(new ServerConfig("127.0.0.1", 0, data, new ServerConfig.TlsSetting.None(),
                Limits.DEFAULT), log);
    }

    @Test
    void aFullDiskIsReportedReadsGoOnAndWritesComeBackWithoutARestart() throws Exception {
        WeftServer server = start();
        int port = server.port();
        TestDevice writer = TestDevice.pair(server.pairingLink(), "writer");
        TestDevice reader = TestDevice.pair(server.pairingLink(), "reader");
        TestDevice.Connection g = writer.connect();
        SyncError refused = upsertUntilFull(g, writer.site);
        assertThat(refused.code()).isEqualTo(507);
        assertThat(refused.message()).isEqualTo("the server's disk is full");
        assertThat(logText()).containsOnlyOnce("the server's disk is full");

        // the writer's connection stays open and reads; a device that connects now reads too
        assertHoldsEverythingAcknowledged(g);
        TestDevice.Connection r = reader.connect();
        assertHoldsEverythingAcknowledged(r);
        assertThat(upsert(g, writer.site)).isInstanceOf(SyncError.class);
        assertThatThrownBy(server::pairingLink).isInstanceOf(DiskFullException.class);
        TestDevice.Connection session = reader.connect();
        session.send(new SessionStart(0, acknowledged.keySet().iterator().next()));
        assertThat(session.awaitClose()).isEqualTo(1013);
        assertThat(session.closeReason).isEqualTo("the server's disk is full");

        disk.free();
        assertThat(upsert(g, writer.site)).isInstanceOf(SyncDocDone.class);
        assertThat(logText()).contains("the server's disk has space again");
        TestDevice.pair(server.pairingLink(), "after");
        assertHoldsEverythingAcknowledged(r);
        server.close();

        try (WeftServer again = WeftServer.start(new ServerConfig("127.0.0.1", port, data,
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT), log)) {
            assertHoldsEverythingAcknowledged(reader.connect());
        }
    }

    @Test
    void aServerStartsOnAFullDiskServesReadsAndTakesWritesOnceThereIsSpace() throws Exception {
        int port;
        TestDevice writer;
        try (WeftServer server = start()) {
            port = server.port();
            writer = TestDevice.pair(server.pairingLink(), "writer");
            upsertUntilFull(writer.connect(), writer.site);
        }
        logBytes.reset();
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", port, data,
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT), log)) {
            assertThat(logText()).contains("the server's disk is full");
            TestDevice.Connection g = writer.connect();
            assertHoldsEverythingAcknowledged(g);
            assertThat(upsert(g, writer.site)).isInstanceOf(SyncError.class);
            disk.free();
            assertThat(upsert(g, writer.site)).isInstanceOf(SyncDocDone.class);
            assertHoldsEverythingAcknowledged(g);
        }
    }

    /** Leaves 1 MiB free and upserts new notes until one is refused, then fills the disk; returns the refusal. */
    private SyncError upsertUntilFull(TestDevice.Connection g, int site) throws Exception {
        disk.fill();
        disk.leave(1024 * 1024);
        for (int i = 0; i < 10_000; i++) {
            Message answer = upsert(g, site);
            if (answer instanceof SyncError error) {
                assertThat(acknowledged).isNotEmpty();
                // the rest too: a note written as runs is small, and one smaller than the refused write may still fit
                disk.fill();
                return error;
            }
        }
        throw new AssertionError("the disk never filled up");
    }

    /** Upserts a new note; returns its 34 (the note is then acknowledged) or its 36. */
    private Message upsert(TestDevice.Connection g, int site) throws Exception {
        UUID doc = UUID.randomUUID();
        long from = nextIdent;
        nextIdent += ATOMS;
        List<Atom> atoms = IntStream.range(0, ATOMS).mapToObj(i -> new Atom(Pid.single(site, from + i), 'a' + i % 26))
                .toList();
        g.send(new SyncDocUpsert(doc, "note " + from, 0, atoms, List.of()));
        while (true) {
            Message m = g.next();
            if (m instanceof SyncDocDone done) {
                assertThat(done.documentId()).isEqualTo(doc);
                acknowledged.put(doc, atoms);
                return done;
            }
            if (m instanceof SyncError error) {
                assertThat(error.documentId()).isEqualTo(doc);
                return error;
            }
            assertThat(m).isInstanceOfAny(SynclistResponse.class, SyncDocResponse.class);
        }
    }

    private void assertHoldsEverythingAcknowledged(TestDevice.Connection c) throws Exception {
        // the 36 (404) of a pull of no document follows the synclist's answer: pushes may come before
        c.send(new Synclist(0), new SyncDocPull(SyncError.NO_DOCUMENT, 0));
        Set<UUID> listed = new HashSet<>();
        for (Message m : c.until(m -> m instanceof SyncError)) {
            if (m instanceof SynclistResponse list) {
                list.entries().forEach(e -> listed.add(e.documentId()));
            }
        }
        assertThat(listed).containsAll(acknowledged.keySet());
        for (Map.Entry<UUID, List<Atom>> note : acknowledged.entrySet()) {
            c.send(new SyncDocPull(note.getKey(), 0));
            List<Atom> pulled = new ArrayList<>();
            for (Message m : c.until(m -> m instanceof SyncDocDone)) {
                if (m instanceof SyncDocResponse response) {
                    pulled.addAll(response.inserts());
                }
            }
            assertThat(pulled).containsExactlyElementsOf(note.getValue());
        }
    }

    private String logText() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }
}
