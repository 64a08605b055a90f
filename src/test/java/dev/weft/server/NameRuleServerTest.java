package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.NameChange;
import dev.weft.protocol.SessionAck;
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
import dev.weft.testing.LongNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name rule at every server entry that sets a name (issue 11 §6, §7), through a real server: an
 * upsert, a session's 67, a session's creation, a restore, and the " (2)" of a taken name. A bad
 * name is a 36 (400) or a refused 67, a name whose numbered form breaks the rule a 36 (409) or a
 * refused 67; never a stored bad name, never a 1011.
 */
class NameRuleServerTest {
    static final List<String> BAD = List.of(".hidden", ".weft/docs/evil", ".git/hooks/pre-commit", "notes/.trash/x",
            "a".repeat(231), "ok/" + "é".repeat(116), "invoice\u202Efdp.md", "pass\u200Bword");

    @TempDir
    Path data;
    WeftServer server;
    TestDevice device;

    @BeforeEach
    void start() throws Exception {
        server = ServerEndToEndTest.start(data);
        device = TestDevice.pair(server.pairingLink(), "laptop");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUpsertWithANameNoDeviceTakesIsA400AndStoresNothing() throws Exception {
        TestDevice.Connection g = device.connect();
        for (String name : BAD) {
            UUID id = UUID.randomUUID();
            g.send(new SyncDocUpsert(id, name, 0, List.of(ServerEndToEndTest.atom(device.site, 1, 'x')), List.of()));
            SyncError error = g.expect(SyncError.class);
            assertThat(error.code()).as(name).isEqualTo(400);
            assertThat(error.documentId()).isEqualTo(id);
            g.send(new SyncDocPull(id, 0));
            assertThat(g.expect(SyncError.class).code()).as("nothing stored for %s", name).isEqualTo(404);
        }
        g.send(new Synclist(0));
        assertThat(g.expect(SynclistResponse.class).entries()).isEmpty();
    }

    @Test
    void aSessionRenameTheRuleRefusesKeepsTheNameAndTheSession() throws Exception {
        UUID doc = UUID.randomUUID();
        TestDevice.Connection s = startSession(doc, "kept");
        for (String name : BAD) {
            s.send(new NameChange(name));
            List<Message> got = s.until(m -> m instanceof SessionAck);
            assertThat(got).as(name).contains(new NameChange("kept"));
        }
        s.send(new NameChange("renamed"));
        assertThat(s.until(m -> m instanceof NameChange)).last().isEqualTo(new NameChange("renamed"));
        assertThat(s.until(m -> m instanceof SessionAck)).last()
                .satisfies(ack -> assertThat(((SessionAck) ack).applied()).isEqualTo(BAD.size() + 2));
    }

    @Test
    void aSessionMakesItsNoteUnderAValidName() throws Exception {
        assertThat(dev.weft.protocol.NoteNames.validate(SessionSync.UNTITLED)).isEmpty();
        TestDevice.Connection g = device.connect();
        g.send(new SyncDocUpsert(UUID.randomUUID(), SessionSync.UNTITLED, 0, List.of(), List.of()));
        g.done();
        UUID doc = UUID.randomUUID();
        TestDevice.Connection s = device.connect();
        s.send(new SessionStart(0, doc));
        assertThat(s.until(m -> m instanceof SessionReady)).first()
                .isEqualTo(new SyncDocResponse(doc, "Untitled (2)", List.of(), List.of()));
    }

    /** 1023 and 1024 bytes are names, 1025 is broken input (1002); a 1-, 2-, 3- or 4-byte character ends each. */
    @Test
    void nameLengthBoundariesInAnUpsertAndASession() throws Exception {
        TestDevice.Connection g = device.connect();
        for (String tail : LongNames.TAILS) {
            for (int bytes : new int[] {1023, 1024}) {
                String name = LongNames.of(bytes, tail);
                UUID id = UUID.randomUUID();
                g.send(new SyncDocUpsert(id, name, 0, List.of(), List.of()));
                assertThat(g.expect(SyncDocResponse.class).name()).isEqualTo(name);
                g.done();
                String own = "short " + bytes + tail;
                TestDevice.Connection s = startSession(UUID.randomUUID(), own);
                s.send(new NameChange(name)); // taken by the upsert's note: numbered, or refused if " (2)" breaks the limit
                String expected = bytes + 4 <= 1024 ? name + " (2)" : own;
                assertThat(s.until(m -> m instanceof NameChange)).as("%d bytes ending in %s", bytes, tail)
                        .last().isEqualTo(new NameChange(expected));
                s.send(new NameChange(own));
                s.until(m -> m instanceof SessionAck);
                s.close();
            }
            TestDevice.Connection tooLong = device.connect();
            tooLong.sendRaw(withNameOf(LongNames.of(1025, tail), 2));
            assertThat(tooLong.awaitClose()).isEqualTo(1002);
            TestDevice.Connection session = startSession(UUID.randomUUID(), "x");
            session.sendRaw(withNameOf(LongNames.of(1025, tail), 67));
            assertThat(session.awaitClose()).isEqualTo(1002);
        }
        TestDevice.Connection huge = device.connect();
        huge.sendRaw(withNameOf("a".repeat(10_000), 2));
        assertThat(huge.awaitClose()).isEqualTo(1002);
    }

    /**
     * A taken name gets " (2)" where that still is a name (up to 1,020 bytes, a last segment up to
     * 226), and is refused where it would not be: 36 (409) for an upsert or a restore, the name kept
     * for a session's 67. The server answered 1011 here before.
     */
    @Test
    void aTakenNameIsNumberedOrRefusedOnEveryPathNeverAFault() throws Exception {
        TestDevice.Connection g = device.connect();
        for (String tail : LongNames.TAILS) {
            for (int bytes = 1018; bytes <= 1024; bytes++) {
                check(g, LongNames.of(bytes, tail), bytes + 4 <= 1024);
            }
        }
        String segment226 = "b".repeat(226);
        check(g, "x/" + segment226, true);
        check(g, "y/" + segment226 + "é", false);
    }

    private void check(TestDevice.Connection g, String name, boolean numbered) throws Exception {
        String label = name.getBytes(StandardCharsets.UTF_8).length + " bytes ending in " + name.substring(name.length() - 2);
        UUID holder = UUID.randomUUID();
        g.send(new SyncDocUpsert(holder, name, 0, List.of(), List.of()));
        g.done();

        UUID second = UUID.randomUUID();
        g.send(new SyncDocUpsert(second, name, 0, List.of(), List.of()));
        if (numbered) {
            assertThat(g.expect(SyncDocResponse.class).name()).as(label).isEqualTo(name + " (2)");
            g.done();
            g.send(new SyncDocTrash(second));
            g.done();
        } else {
            SyncError refused = g.expect(SyncError.class);
            assertThat(refused.code()).as(label).isEqualTo(409);
            assertThat(refused.message()).contains("choose a shorter one");
        }

        String before = "renamed-" + UUID.randomUUID();
        TestDevice.Connection s = startSession(UUID.randomUUID(), before);
        s.send(new NameChange(name));
        List<Message> got = s.until(m -> m instanceof SessionAck);
        assertThat(got).as(label).contains(new NameChange(numbered ? name + " (2)" : before));
        s.send(new NameChange(before)); // frees the numbered name again
        s.until(m -> m instanceof SessionAck);
        s.close();

        // a restore of the holder while a third note has its name
        g.send(new SyncDocTrash(holder));
        g.done();
        UUID third = UUID.randomUUID();
        g.send(new SyncDocUpsert(third, name, 0, List.of(), List.of()));
        g.done();
        g.send(new SyncDocRestore(holder));
        if (numbered) {
            assertThat(g.expect(SyncDocDone.class).trashed()).isFalse();
            g.send(new SyncDocPull(holder, 0));
            assertThat(g.expect(SyncDocResponse.class).name()).as(label).isEqualTo(name + " (2)");
            g.done();
            g.send(new SyncDocTrash(holder));
            g.done();
        } else {
            SyncError refused = g.expect(SyncError.class);
            assertThat(refused.code()).as(label).isEqualTo(409);
            assertThat(refused.documentId()).isEqualTo(holder);
            g.send(new SyncDocPull(holder, 0));
            assertThat(g.done().trashed()).as("still in the trash").isTrue();
        }
        g.send(new SyncDocTrash(third));
        g.done();
    }

    /** A session on a new note named {@code name}; its 67 echo and 69 read. */
    private TestDevice.Connection startSession(UUID doc, String name) throws Exception {
        TestDevice.Connection s = device.connect();
        s.send(new SessionStart(0, doc), new NameChange(name));
        s.until(m -> m instanceof SessionReady);
        s.until(m -> m instanceof SessionAck);
        return s;
    }

    /** An encoded upsert (2) or name_change (67) whose name is {@code name}, whatever its length. */
    private static byte[] withNameOf(String name, int type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] frame = new MessageCodec().encode(type == 2
                ? new SyncDocUpsert(UUID.randomUUID(), "n", 0, List.of(), List.of()) : new NameChange("n"));
        int at = type == 2 ? 17 : 1; // the name follows the header (and the document id)
        out.write(frame, 0, at);
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        out.write(frame, at + 1, frame.length - at - 1);
        return out.toByteArray();
    }
}
