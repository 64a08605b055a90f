package dev.weft.server;

import static dev.weft.server.ServerEndToEndTest.atom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import dev.weft.store.DocumentState;
import dev.weft.store.Store;
import dev.weft.testing.LongNames;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name that breaks the rule, stored by an older server (written straight into the store here),
 * on every path that sends a name: a pull and a session start answer {@code 36} code 422 for that
 * document and the connection goes on; an upsert's name replaces it, a big one's too. Before, a
 * name over 1,024 bytes made the {@code 33} fail to encode: 1011, the connection closed.
 */
class StoredBadNameServerTest {
    private static final String TOO_LONG = LongNames.of(1024 + 76, "語");

    @TempDir
    Path data;
    WeftServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pullsAndSessionsGet422AndUpsertsRenameIt() throws Exception {
        UUID good = UUID.randomUUID();
        UUID longName = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        UUID big = UUID.randomUUID();
        try (Store store = Store.open(data)) {
            store.submit(batch -> batch.upsert(good, "good", List.of(atom(99, 1, 'g')), List.of())).get();
            for (UUID id : List.of(longName, big)) {
                store.submit(batch -> batch.upsert(id, TOO_LONG, List.of(atom(99, 1, 'l')), List.of())).get();
            }
            store.submit(batch -> batch.upsert(hidden, ".hidden", List.of(atom(99, 1, 'h')), List.of())).get();
        }
        server = ServerEndToEndTest.start(data);
        TestDevice device = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice.Connection g = device.connect();

        g.send(new Synclist(0));
        assertThat(g.expect(SynclistResponse.class).entries()).hasSize(4);
        for (UUID id : List.of(longName, hidden)) {
            g.send(new SyncDocPull(id, 0));
            SyncError error = g.expect(SyncError.class);
            assertThat(error.documentId()).isEqualTo(id);
            assertThat(error.code()).isEqualTo(SyncError.NAME_NOT_SENDABLE);
            assertThat(error.message()).startsWith("its name '").contains("is not a valid note name (");
        }
        g.send(new SyncDocPull(good, 0));
        assertThat(g.expect(SyncDocResponse.class).name()).isEqualTo("good");
        g.done();

        TestDevice.Connection s = device.connect();
        s.send(new SessionStart(0, longName));
        assertThat(s.expect(SyncError.class).code()).isEqualTo(SyncError.NAME_NOT_SENDABLE);

        // an upsert's name replaces the stored one, whatever its time
        g.send(new SyncDocUpsert(longName, "was long", 0, List.of(atom(device.site, 2, '+')), List.of()));
        assertThat(g.expect(SyncDocResponse.class).name()).isEqualTo("was long");
        g.done();
        List<Atom> many = ScatteredAtoms.of(device.site, 11, StepBudget.RUNS + 5); // more than one step
        g.send(new SyncDocUpsert(big, "was big", 0, many, List.of()));
        assertThat(g.expect(SyncDocResponse.class).name()).isEqualTo("was big");
        g.done();
        g.send(new SyncDocPull(longName, 0));
        SyncDocResponse pulled = g.expect(SyncDocResponse.class);
        assertThat(pulled.name()).isEqualTo("was long");
        assertThat(pulled.inserts()).hasSize(2);
        SyncDocDone done = g.done();
        assertThat(done.documentId()).isEqualTo(longName);

        TestDevice.Connection again = device.connect();
        again.send(new SessionStart(0, longName));
        assertThat(again.expect(SyncDocResponse.class).name()).isEqualTo("was long");
    }

    /** The answer of protocol.md §4's vector. */
    @Test
    void theAnswerIsTheDocumentedOne() {
        UUID doc = UUID.fromString("01234567-89ab-cdef-fedc-ba9876543210");
        assertThat(Replies.unsendable(new DocumentState(doc, ".x", false, 7))).contains(new SyncError(doc, 422,
                "its name '.x' is not a valid note name (segment .x starts with a dot: hidden, not part of the vault)"));
        assertThat(Replies.unsendable(new DocumentState(doc, "fine", false, 7))).isEmpty();
    }
}
