package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.NameChange;
import dev.weft.protocol.PairingLink;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionCursor;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionPeer;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocRestore;
import dev.weft.protocol.SyncDocTrash;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a loopback port with TLS, and devices talking to it over real WebSockets. */
class ServerEndToEndTest {
    @TempDir
    Path data;
    WeftServer server;

    @BeforeEach
    void start() throws Exception {
        server = start(data);
    }

    static WeftServer start(Path data) throws ServerStartException {
        return start(data, 0);
    }

    static WeftServer start(Path data, int port) throws ServerStartException {
        return WeftServer.start(new ServerConfig("127.0.0.1", port, data, new ServerConfig.TlsSetting.SelfSigned(),
                Limits.DEFAULT), ServerLog.silent());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Atom atom(int site, long ident, char c) {
        return new Atom(Pid.single(site, ident), c);
    }

    static final UUID DOC = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void pairingGivesEachDeviceItsOwnSiteAndACodeWorksOnce() throws Exception {
        PairingLink link = server.pairingLink();
        TestDevice a = TestDevice.pair(link, "laptop");
        assertThat(TestDevice.pairRequest(link, "code=" + link.code() + "&device_name=phone").statusCode()).isEqualTo(403);
        TestDevice b = TestDevice.pair(server.pairingLink(), "phone");
        assertThat(a.site).isNotEqualTo(b.site).isBetween(1, 254);
        assertThat(TestDevice.pairRequest(server.pairingLink(), "device_name=x").statusCode()).isEqualTo(400);
        var again = TestDevice.pairRequest(server.pairingLink(), "code=" + server.pairingLink().code() + "&device_name=LAPTOP");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).endsWith("\ndevice_name=LAPTOP (2)\n");
        assertThat(server.devices()).extracting(d -> d.name()).containsExactlyInAnyOrder("laptop", "phone", "LAPTOP (2)");
    }

    @Test
    void anUnknownTokenIsRefusedAtTheUpgrade() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        assertThatThrownBy(() -> a.connect("not-a-token")).hasStackTraceContaining("401");
    }

    @Test
    void upsertsReachOtherDevicesByPullAndPush() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice b = TestDevice.pair(server.pairingLink(), "phone");
        TestDevice.Connection ga = a.connect();
        TestDevice.Connection gb = b.connect();
        gb.send(new Synclist(0));
        assertThat(((SynclistResponse) gb.next()).entries()).isEmpty();

        ga.send(new SyncDocUpsert(DOC, "notes/first", 0, List.of(atom(a.site, 10, 'h'), atom(a.site, 20, 'i')), List.of()));
        SyncDocResponse created = ga.expect(SyncDocResponse.class);
        assertThat(created.name()).isEqualTo("notes/first");
        assertThat(created.inserts()).as("never an echo of the device's own ops").isEmpty();
        long t1 = ga.expect(SyncDocDone.class).syncTime();

        SynclistResponse pushed = (SynclistResponse) gb.next();
        assertThat(pushed.entries()).containsExactly(new SynclistResponse.Entry(t1, DOC));
        gb.send(new SyncDocPull(DOC, 0));
        assertThat(gb.expect(SyncDocResponse.class).inserts()).extracting(Atom::codePoint).containsExactly((int) 'h', (int) 'i');
        assertThat(gb.expect(SyncDocDone.class).syncTime()).isEqualTo(t1);

        gb.send(new SyncDocUpsert(DOC, "notes/first", t1, List.of(atom(b.site, 15, '!')), List.of(Pid.single(a.site, 20))));
        gb.done();
        assertThat(ga.next()).isInstanceOf(SynclistResponse.class);
        ga.send(new SyncDocPull(DOC, t1));
        SyncDocResponse change = ga.expect(SyncDocResponse.class);
        assertThat(change.inserts()).extracting(Atom::codePoint).containsExactly((int) '!');
        assertThat(change.deletes()).containsExactly(Pid.single(a.site, 20));
    }

    @Test
    void namesStayUniqueWithoutRegardToCaseAndBadNamesAnswer36() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice.Connection g = a.connect();
        g.send(new SyncDocUpsert(DOC, "Ideas", 0, List.of(), List.of()));
        g.done();
        UUID other = UUID.randomUUID();
        g.send(new SyncDocUpsert(other, "IDEAS", 0, List.of(), List.of()));
        assertThat(g.expect(SyncDocResponse.class).name()).isEqualTo("IDEAS (2)");
        g.expect(SyncDocDone.class);

        g.send(new SyncDocUpsert(UUID.randomUUID(), "../escape", 0, List.of(atom(a.site, 1, 'x')), List.of()));
        assertThat(g.expect(SyncError.class).code()).isEqualTo(400);
        g.send(new SyncDocPull(UUID.randomUUID(), 0));
        assertThat(g.expect(SyncError.class).code()).isEqualTo(404);
        g.send(new Synclist(0));
        SynclistResponse list = g.expect(SynclistResponse.class);
        assertThat(list.entries()).extracting(SynclistResponse.Entry::documentId).containsExactlyInAnyOrder(DOC, other);
    }

    @Test
    void trashAndRestoreAreStampedAndPulledWithTheFlag() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice.Connection g = a.connect();
        g.send(new SyncDocUpsert(DOC, "old", 0, List.of(atom(a.site, 1, 'x')), List.of()));
        long created = g.done().syncTime();
        g.send(new SyncDocTrash(DOC));
        SyncDocDone trashed = g.expect(SyncDocDone.class);
        assertThat(trashed.trashed()).isTrue();
        assertThat(trashed.syncTime()).isGreaterThan(created);
        g.send(new SyncDocPull(DOC, 0));
        g.expect(SyncDocResponse.class);
        assertThat(g.expect(SyncDocDone.class).trashed()).isTrue();
        g.send(new SyncDocRestore(DOC));
        assertThat(g.expect(SyncDocDone.class).trashed()).isFalse();
    }

    @Test
    void sessionsCatchUpForwardAcknowledgeAndShowWhoIsThere() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice b = TestDevice.pair(server.pairingLink(), "phone");
        TestDevice.Connection sa = a.connect();
        sa.send(new SessionStart(0, DOC), new NameChange("shared"));
        List<Message> readyA = sa.until(m -> m instanceof SessionReady);
        assertThat(((SessionReady) readyA.get(readyA.size() - 1)).site()).isEqualTo(a.site);
        sa.send(new SessionInsert(a.site, atom(a.site, 100, 'a')));
        assertThat(sa.until(m -> m instanceof SessionAck && ((SessionAck) m).applied() == 2)).isNotEmpty();

        TestDevice.Connection sb = b.connect();
        sb.send(new SessionStart(0, DOC));
        List<Message> catchUp = sb.until(m -> m instanceof SessionReady);
        SyncDocResponse response = (SyncDocResponse) catchUp.get(0);
        assertThat(response.name()).isEqualTo("shared");
        assertThat(response.inserts()).extracting(Atom::codePoint).containsExactly((int) 'a');
        assertThat((SessionPeer) sb.next()).isEqualTo(new SessionPeer(a.site, true, "laptop"));
        List<Message> toA = sa.until(m -> m instanceof SessionPeer); // after any 69 (sent to every session at each commit)
        assertThat(toA.get(toA.size() - 1)).isEqualTo(new SessionPeer(b.site, true, "phone"));

        sb.send(new SessionInsert(b.site, atom(b.site, 200, 'b')), new SessionCursor(b.site, Pid.single(b.site, 200)));
        List<Message> atA = sa.until(m -> m instanceof SessionCursor);
        assertThat(atA).contains(new SessionInsert(b.site, atom(b.site, 200, 'b')));
        SessionAck ackB = (SessionAck) sb.until(m -> m instanceof SessionAck).get(0);
        assertThat(ackB.applied()).isEqualTo(1);

        sb.send(new SessionInsert(a.site, atom(a.site, 300, 'x')));
        assertThat(sb.awaitClose()).isEqualTo(1002);
        List<Message> leftA = sa.until(m -> m instanceof SessionPeer);
        assertThat(leftA.get(leftA.size() - 1)).isEqualTo(new SessionPeer(b.site, false, "phone"));
    }

    @Test
    void aSessionMakesItsNoteAndARenameTheServerHadToChangeReachesEverySession() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice b = TestDevice.pair(server.pairingLink(), "phone");
        TestDevice.Connection g = b.connect();
        g.send(new SyncDocUpsert(UUID.randomUUID(), "Plans", 0, List.of(), List.of()));
        g.done();
        TestDevice.Connection sa = a.connect();
        sa.send(new SessionStart(0, DOC), new NameChange("Draft"));
        sa.until(m -> m instanceof SessionReady);
        TestDevice.Connection sb = b.connect();
        sb.send(new SessionStart(0, DOC));
        assertThat(sb.expect(SyncDocResponse.class).name()).isEqualTo("Draft");
        sb.until(m -> m instanceof SessionPeer);
        assertThat(sa.until(m -> m instanceof NameChange)).last().isEqualTo(new NameChange("Draft")); // the echo
        sa.send(new NameChange("plans"));
        assertThat(sa.until(m -> m instanceof NameChange)).last().isEqualTo(new NameChange("plans (2)"));
        assertThat(sb.until(m -> m instanceof NameChange)).last().isEqualTo(new NameChange("plans (2)"));
        sa.send(new NameChange("Final"));
        assertThat(sb.until(m -> m instanceof NameChange)).last().isEqualTo(new NameChange("Final"));
        assertThat(sa.until(m -> m instanceof NameChange)).last().isEqualTo(new NameChange("Final"));
        // each right before the 69 that covers it: a device learns as of which time the name is
        Message afterA = sa.next();
        assertThat(afterA).isInstanceOf(SessionAck.class);
        assertThat(sb.next()).isEqualTo(new SessionAck(0, ((SessionAck) afterA).syncTime()));
        assertThat(g.until(m -> m instanceof SynclistResponse r
                && r.entries().stream().anyMatch(e -> e.documentId().equals(DOC)))).isNotEmpty();
    }

    @Test
    void anUpsertFromAnotherDeviceReachesTheOpenSessionsBeforeA69CoversIt() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice b = TestDevice.pair(server.pairingLink(), "phone");
        TestDevice.Connection session = a.connect();
        session.send(new SessionStart(0, DOC), new NameChange("Shared"));
        session.until(m -> m instanceof SessionReady);
        TestDevice.Connection global = b.connect();
        global.send(new SyncDocPull(DOC, 0));
        long known = global.done().syncTime(); // b has seen the name: its upsert's name is a rename
        Atom typed = atom(b.site, 7, 'q');
        global.send(new SyncDocUpsert(DOC, "Renamed", known, List.of(typed), List.of()));
        long time = global.done().syncTime();
        List<Message> got = session.until(m -> m instanceof SessionAck ack && ack.syncTime() >= time);
        assertThat(got).contains(new SessionInsert(b.site, typed), new NameChange("Renamed"));
        assertThat(got.indexOf(new SessionInsert(b.site, typed))).isLessThan(got.size() - 1);
    }

    @Test
    void anUpsertFromADeviceThatHasNotSeenARenameKeepsTheNewName() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice b = TestDevice.pair(server.pairingLink(), "phone");
        TestDevice.Connection ga = a.connect();
        ga.send(new SyncDocUpsert(DOC, "draft", 0, List.of(atom(a.site, 1, 'x')), List.of()));
        long created = ga.done().syncTime();
        TestDevice.Connection gb = b.connect();
        gb.send(new SyncDocUpsert(DOC, "final", created, List.of(), List.of()));
        gb.done();
        // a, current to `created`, has not seen "final": its edit carries the name it knew
        ga.send(new SyncDocUpsert(DOC, "draft", created, List.of(atom(a.site, 2, 'y')), List.of()));
        assertThat(ga.expect(SyncDocResponse.class).name()).isEqualTo("final");
        ga.done();
        gb.send(new SyncDocPull(DOC, 0));
        assertThat(gb.expect(SyncDocResponse.class).name()).isEqualTo("final");
    }

    @Test
    void brokenInputClosesThatConnectionOnlyWithTheRightCode() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice.Connection good = a.connect();
        TestDevice.Connection garbage = a.connect();
        garbage.sendRaw(new byte[] {(byte) 200, 1, 2, 3});
        assertThat(garbage.awaitClose()).isEqualTo(1002);
        TestDevice.Connection text = a.connect();
        text.socket.sendText("hello", true).join();
        assertThat(text.awaitClose()).isEqualTo(1002);
        TestDevice.Connection foreign = a.connect();
        foreign.send(new SyncDocUpsert(DOC, "x", 0, List.of(atom(a.site == 1 ? 2 : 1, 5, 'z')), List.of()));
        assertThat(foreign.awaitClose()).isEqualTo(1002);
        TestDevice.Connection mixed = a.connect();
        mixed.send(new Synclist(0));
        mixed.until(m -> m instanceof SynclistResponse);
        mixed.send(new SessionStart(0, DOC));
        assertThat(mixed.awaitClose()).isEqualTo(1002);
        TestDevice.Connection huge = a.connect();
        // refused at its header, and the connection hung up: the send itself may fail
        huge.socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[Limits.DEFAULT.maxMessageBytes() + 1]), true);
        try {
            assertThat(huge.awaitClose()).isEqualTo(1009);
        } catch (java.util.concurrent.ExecutionException e) {
            // the server hung up while this side still wrote the body: the write fails before the 1009 is read
            assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
        }

        good.send(new Synclist(0));
        assertThat(good.next()).isInstanceOf(SynclistResponse.class);
        assertThat(server.devices()).hasSize(1);
    }

    @Test
    void aRevokedDeviceIsDisconnectedAndRefused() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice.Connection g = a.connect();
        g.send(new Synclist(0));
        g.next();
        assertThat(server.revoke("laptop")).isPresent();
        assertThat(g.awaitClose()).isEqualTo(1008);
        assertThatThrownBy(a::connect).isInstanceOf(ExecutionException.class);
    }

    @Test
    void whatWasAcknowledgedSurvivesARestart() throws Exception {
        TestDevice a = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice.Connection g = a.connect();
        g.send(new SyncDocUpsert(DOC, "kept", 0, List.of(atom(a.site, 7, 'k')), List.of()));
        long time = g.done().syncTime();
        int port = server.port();
        server.close();
        assertThat(g.awaitClose()).isEqualTo(1001);
        server = start(data, port);
        g = a.connect();
        g.send(new SyncDocPull(DOC, 0));
        assertThat(g.expect(SyncDocResponse.class).inserts()).containsExactly(atom(a.site, 7, 'k'));
        assertThat(g.expect(SyncDocDone.class).syncTime()).isEqualTo(time);
    }
}
