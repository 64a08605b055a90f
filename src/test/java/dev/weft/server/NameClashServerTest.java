package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Message;
import dev.weft.protocol.NameChange;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocRestore;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocTrash;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §6: two names that each keep the rule but not together: note {@code x} (file
 * {@code x.md}) and note {@code x.md/y} (a folder {@code x.md/}). No device can write both, so the
 * server refuses the second, across documents, with 36 code 400 as for a name that breaks the rule,
 * on a create, a rename (global or in a session) and a restore; case is ignored, as file systems do.
 */
class NameClashServerTest {
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

    private SyncDocUpsert upsert(UUID id, String name, int ident) {
        return new SyncDocUpsert(id, name, 0, List.of(ServerEndToEndTest.atom(device.site, ident, 'x')), List.of());
    }

    @Test
    void aNoteBesideAFolderOfItsFileIsA400AndStoresNothing() throws Exception {
        TestDevice.Connection g = device.connect();
        g.send(upsert(UUID.randomUUID(), "x", 1));
        g.done();
        g.send(upsert(UUID.randomUUID(), "deep/a.md/b", 2));
        g.done();

        for (String name : List.of("x.md/y", "X.MD/y/z", "deep/a")) {
            UUID id = UUID.randomUUID();
            g.send(upsert(id, name, 3));
            SyncError error = g.expect(SyncError.class);
            assertThat(error.code()).as(name).isEqualTo(400);
            assertThat(error.message()).as(name).contains("would be a folder of note");
            g.send(new SyncDocPull(id, 0));
            assertThat(g.expect(SyncError.class).code()).as("nothing stored for %s", name).isEqualTo(404);
        }
        g.send(upsert(UUID.randomUUID(), "x.mdx/y", 4)); // no clash: another folder
        assertThat(g.done().documentId()).isNotNull();
    }

    @Test
    void aRenameIntoAClashIsRefusedAndTheNoteKeepsItsName() throws Exception {
        TestDevice.Connection g = device.connect();
        g.send(upsert(UUID.randomUUID(), "x", 1));
        g.done();
        UUID other = UUID.randomUUID();
        g.send(upsert(other, "other", 2));
        g.done();
        g.send(new SyncDocUpsert(other, "x.md/inside", Long.MAX_VALUE, List.of(), List.of()));
        SyncError error = g.expect(SyncError.class);
        assertThat(error.code()).isEqualTo(400);
        assertThat(error.message()).contains("x.md of note 'x' would be a folder of note 'x.md/inside'");
        g.send(new SyncDocPull(other, 0));
        assertThat(g.until(m -> m instanceof SyncDocDone)).filteredOn(SyncDocResponse.class::isInstance).first()
                .satisfies(m -> assertThat(((SyncDocResponse) m).name()).isEqualTo("other"));

        TestDevice.Connection s = device.connect();
        s.send(new SessionStart(0, other));
        s.until(m -> m instanceof SessionReady);
        s.send(new NameChange("x.md/inside"));
        List<Message> got = s.until(m -> m instanceof SessionAck);
        assertThat(got).contains(new NameChange("other"));
    }

    @Test
    void aRestoreIntoAClashIsRefusedAndTheNoteStaysInTheTrash() throws Exception {
        TestDevice.Connection g = device.connect();
        UUID trashed = UUID.randomUUID();
        g.send(upsert(trashed, "x", 1));
        g.done();
        g.send(new SyncDocTrash(trashed));
        assertThat(g.done().trashed()).isTrue();
        g.send(upsert(UUID.randomUUID(), "x.md/y", 2)); // free while x is in the trash
        g.done();

        g.send(new SyncDocRestore(trashed));
        SyncError error = g.expect(SyncError.class);
        assertThat(error.code()).isEqualTo(400);
        g.send(new SyncDocPull(trashed, 0));
        assertThat(g.until(m -> m instanceof SyncDocDone)).last()
                .satisfies(m -> assertThat(((SyncDocDone) m).trashed()).isTrue());
    }
}
