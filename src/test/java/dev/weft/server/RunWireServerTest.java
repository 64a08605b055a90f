package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.RunForm;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionDelete;
import dev.weft.protocol.SessionDeleteRanges;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionInsertRuns;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocResponseRuns;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncDocUpsertRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run messages against a real server on 127.0.0.1 (docs/protocol.md §8): a device that announces
 * {@code Weft-Runs} sends and gets runs; one that does not (a seed peer) gets the seed's messages,
 * byte for byte, whatever the others send; bad runs close with 1002.
 */
class RunWireServerTest {
    private static final MessageCodec CODEC = new MessageCodec();
    private static final UUID DOC = UUID.fromString("00000000-0000-4000-8000-000000000014");

    @TempDir
    Path data;
    WeftServer server;

    @BeforeEach
    void start() throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, data, new ServerConfig.TlsSetting.None(),
                Limits.DEFAULT), ServerLog.silent());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** {@code text} typed in one go by {@code site}: one level, last idents stepping by 4. */
    static Run typed(int site, long firstIdent, String text) {
        int[] cps = text.codePoints().toArray();
        return new Run(new PidRange(Pid.of(Pid.key(site, firstIdent)), 4, cps.length), cps);
    }

    @Test
    void aSeedPeerGetsTheSeedsBytesWhileARunPeerGetsRuns() throws Exception {
        TestDevice seed = TestDevice.pair(server.pairingLink(), "seed");
        TestDevice modern = TestDevice.pair(server.pairingLink(), "modern");
        Run hello = typed(modern.site, 100, "Hello, runs on the wire!");

        TestDevice.Connection m = modern.connectWithRuns();
        m.send(new SyncDocUpsertRuns(DOC, "note", 0, List.of(hello), List.of()));
        assertThat(m.next()).isEqualTo(new SyncDocResponseRuns(DOC, "note", List.of(), List.of()));
        long time = m.expect(SyncDocDone.class).syncTime();

        // the seed peer's pull: exactly the frame a server of the seed's messages sends
        TestDevice.Connection s = seed.connect();
        s.send(new SyncDocPull(DOC, 0));
        byte[] frame = s.frames.take();
        assertThat(frame).isEqualTo(CODEC.encode(new SyncDocResponse(DOC, "note", hello.atoms(), List.of()),
                new SyncDocDone(DOC, time, false)));
        assertThat(s.done().syncTime()).isEqualTo(time);

        // the seed peer deletes the first 5 atoms and adds one with the seed's 2; the run peer pulls runs
        List<Pid> deleted = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            deleted.add(hello.pids().pidAt(k));
        }
        Atom bang = new Atom(Pid.of(Pid.key(seed.site, 90)), '!');
        s.send(new SyncDocUpsert(DOC, "note", time, List.of(bang), deleted));
        long time2 = s.done().syncTime();
        assertThat(s.frames).allSatisfy(f -> assertThat(CODEC.decodeFrame(f)).noneMatch(RunForm::isRun));

        m.send(new SyncDocPull(DOC, time));
        List<Message> pulled = new ArrayList<>(m.until(x -> x instanceof SyncDocDone));
        pulled.removeIf(x -> x instanceof dev.weft.protocol.SynclistResponse); // pushes
        assertThat(pulled.get(0)).isEqualTo(new SyncDocResponseRuns(DOC, "note",
                List.of(new Run(new PidRange(bang.pid(), 1, 1), new int[] {'!'})),
                List.of(new PidRange(hello.pids().first(), 4, 5))));
        assertThat(((SyncDocDone) pulled.get(1)).syncTime()).isEqualTo(time2);

        // a seed peer that sends a run message is closed as a server before runs would: 1002
        s.send(new SessionDeleteRanges(seed.site, List.of(new PidRange(bang.pid(), 1, 1))));
        assertThat(s.awaitClose()).isEqualTo(1002);
    }

    @Test
    void sessionsForwardRunsToRunPeersAndAtomsToSeedPeersAndCountAtomsAsApplied() throws Exception {
        TestDevice seed = TestDevice.pair(server.pairingLink(), "seed");
        TestDevice modern = TestDevice.pair(server.pairingLink(), "modern");
        TestDevice.Connection m = modern.connectWithRuns();
        m.send(new SessionStart(0, DOC));
        m.until(x -> x instanceof SessionReady);
        TestDevice.Connection s = seed.connect();
        s.send(new SessionStart(0, DOC));
        s.until(x -> x instanceof SessionReady);

        Run abc = typed(modern.site, 10, "abc");
        m.send(new SessionInsertRuns(modern.site, List.of(abc)));
        assertThat(((SessionAck) last(m.until(x -> x instanceof SessionAck))).applied())
                .isEqualTo(3); // the 72 stands for three 65s
        List<Message> got = s.until(x -> x instanceof SessionInsert i && i.atom().codePoint() == 'c');
        assertThat(got).filteredOn(x -> !(x instanceof dev.weft.protocol.SessionPeer))
                .containsExactlyElementsOf(abc.atoms().stream().map(a -> (Message) new SessionInsert(modern.site, a)).toList());

        Run xyzw = typed(seed.site, 500, "xyzw");
        List<Message> inserts = new ArrayList<>();
        for (Atom a : xyzw.atoms()) {
            inserts.add(new SessionInsert(seed.site, a));
        }
        s.send(inserts.toArray(Message[]::new));
        assertThat(((SessionAck) last(s.until(x -> x instanceof SessionAck a && a.applied() == 4)))).isNotNull();
        assertThat(last(m.until(x -> x instanceof SessionInsertRuns)))
                .isEqualTo(new SessionInsertRuns(seed.site, List.of(xyzw)));

        m.send(new SessionDeleteRanges(modern.site, List.of(xyzw.pids())));
        List<Message> acks = m.until(x -> x instanceof SessionAck a && a.applied() == 7);
        assertThat(acks).isNotEmpty();
        List<Message> deletes = new ArrayList<>();
        while (deletes.size() < 4) {
            Message x = s.next();
            if (x instanceof SessionDelete) {
                deletes.add(x);
            }
        }
        assertThat(deletes).containsExactlyElementsOf(xyzw.atoms().stream()
                .map(a -> (Message) new SessionDelete(modern.site, a.pid())).toList());
        assertThat(s.frames).allSatisfy(f -> assertThat(CODEC.decodeFrame(f)).noneMatch(RunForm::isRun));
    }

    private static Message last(List<Message> messages) {
        return messages.get(messages.size() - 1);
    }

    @Test
    void badRunsCloseWithProtocolErrorAndChangeNothing() throws Exception {
        TestDevice modern = TestDevice.pair(server.pairingLink(), "modern");
        TestDevice other = TestDevice.pair(server.pairingLink(), "other");
        // an upsert whose runs carry another device's site
        TestDevice.Connection c = modern.connectWithRuns();
        c.send(new SyncDocUpsertRuns(DOC, "note", 0, List.of(typed(other.site, 1, "x")), List.of()));
        assertThat(c.awaitClose()).isEqualTo(1002);
        // runs that cross: the second starts inside the first
        c = modern.connectWithRuns();
        c.sendRaw(java.util.HexFormat.of().parseHex(String.format("49%02x", modern.site)
                + "02810801010000000302010101" + "00000004"));
        assertThat(c.awaitClose()).isEqualTo(1002);
        // ranges standing for more deletes than a frame of seed messages could carry
        c = modern.connectWithRuns();
        c.send(new SyncDocUpsertRuns(DOC, "note", 0, List.of(), List.of(
                new PidRange(Pid.of(Pid.key(1, 0)), 1, 1 << 21), new PidRange(Pid.of(Pid.key(1, 1 << 22)), 1, 1 << 21))));
        assertThat(c.awaitClose()).isEqualTo(1002);
        assertThat(c.closeReason).contains("ops");
        // nothing of it was stored: the document does not exist
        c = modern.connectWithRuns();
        c.send(new SyncDocPull(DOC, 0));
        assertThat(c.expect(dev.weft.protocol.SyncError.class).code()).isEqualTo(404);
        // session runs of another site than the connection's
        c = modern.connectWithRuns();
        c.send(new SessionStart(0, DOC));
        c.until(x -> x instanceof SessionReady);
        c.send(new SessionInsertRuns(other.site, List.of(typed(other.site, 1, "x"))));
        assertThat(c.awaitClose()).isEqualTo(1002);
        // and a delete range of another site: nothing of either was stored
        c = modern.connectWithRuns();
        c.send(new SessionStart(0, DOC));
        c.until(x -> x instanceof SessionReady);
        c.sendRaw(java.util.HexFormat.of().parseHex(String.format("49%02x", other.site) + "01810801010000000302"));
        assertThat(c.awaitClose()).isEqualTo(1002);
        c = modern.connectWithRuns();
        c.send(new SyncDocPull(DOC, 0));
        assertThat(c.until(x -> x instanceof SyncDocDone))
                .noneMatch(x -> RunForm.ops(x) > 0 || x instanceof SyncDocResponse r
                        && !(r.inserts().isEmpty() && r.deletes().isEmpty()));
    }

    @Test
    void theUpgradeAnswersWeftRunsOnlyToAPeerThatAnnouncesIt() throws Exception {
        TestDevice modern = TestDevice.pair(server.pairingLink(), "modern");
        try (RawWebSocket ws = RawWebSocket.connect(server.port(), modern.token, 65536, "Weft-Runs: 1\r\n")) {
            assertThat(ws.upgradeHead).containsIgnoringCase("\r\nWeft-Runs: 1\r\n");
            // the 16 MiB limit holds for run messages: a header claiming more closes with 1009
            ws.sendHeader(true, Limits.DEFAULT_MAX_MESSAGE_BYTES + 1L);
            assertThat(ws.readUntilClose()).isEqualTo(1009);
        }
        try (RawWebSocket ws = RawWebSocket.connect(server.port(), modern.token, 65536)) {
            assertThat(ws.upgradeHead).doesNotContainIgnoringCase("Weft-Runs");
        }
        try (RawWebSocket ws = RawWebSocket.connect(server.port(), modern.token, 65536, "Weft-Runs: 2\r\n")) {
            assertThat(ws.upgradeHead).doesNotContainIgnoringCase("Weft-Runs"); // a version it does not know: none
        }
    }
}
