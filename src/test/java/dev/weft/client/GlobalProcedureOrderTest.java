package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import dev.weft.protocol.SynclistResponse.Entry;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order rules of the global procedure that the convergence test found missing, on a real vault
 * with the server's messages played in the order that broke them (the wire cannot force it).
 */
class GlobalProcedureOrderTest {
    @TempDir
    Path dir;
    private Vault vault;
    private final List<Message> sent = new ArrayList<>();
    private GlobalProcedure procedure;

    @BeforeEach
    void open() throws Exception {
        vault = Vault.open(dir.resolve("v"), VaultOptions.defaults());
        procedure = new GlobalProcedure(vault, sent::addAll, new SyncListener() { }, id -> false, new HashSet<>());
    }

    @AfterEach
    void close() throws Exception {
        vault.close();
    }

    /**
     * A push (32) of a note the device is current to can come before the synclist's answer; taken
     * for the answer, it moved L past notes the answer would list, and a cut before that answer
     * left them unpulled for good (a device missing a whole note).
     */
    @Test
    void aPushBeforeTheSynclistAnswerDoesNotMoveL() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        vault.applyRemote(a, "a", List.of(new Atom(Pid.single(3, 7), 'x')), List.of());
        vault.currentTo(a, 100);

        procedure.start();
        assertThat(sent).containsExactly(new Synclist(0), new SyncDocPull(GlobalProcedure.NIL, 0));
        sent.clear();

        procedure.received(List.of(new SynclistResponse(List.of(new Entry(100, a)))));
        assertThat(vault.device().lastSyncTime()).as("L after a push alone").isZero();
        assertThat(procedure.isCurrent()).isFalse();

        procedure.received(List.of(new SynclistResponse(List.of(new Entry(50, b), new Entry(100, a))),
                new SyncError(GlobalProcedure.NIL, 404, "no such document")));
        assertThat(sent).containsExactly(new SyncDocPull(b, 0));
        assertThat(vault.device().lastSyncTime()).as("L while b is pulled").isZero();

        procedure.received(List.of(new SyncDocResponse(b, "b", List.of(new Atom(Pid.single(2, 5), 'y')), List.of()),
                new SyncDocDone(b, 50, false)));
        assertThat(vault.device().lastSyncTime()).isEqualTo(100);
        assertThat(vault.replica(b).text()).isEqualTo("y");
        assertThat(procedure.isCurrent()).isTrue();
    }

    /**
     * A pull sent before the note's session went live, answered while it is live: applied, the
     * answer's atom (newer than the session's time) was taken as covered by the session's next 69;
     * the session was cut before it forwarded the atom, the atom was deleted elsewhere, and the next
     * catch-up, from that 69's time, could not list the delete: the device kept it forever. The
     * session brings all of it, so such an answer is left to the session.
     */
    @Test
    void anAnswerThatComesWhileTheNoteIsInALiveSessionIsLeftToTheSession() throws Exception {
        UUID n = UUID.randomUUID();
        vault.applyRemote(n, "n", List.of(new Atom(Pid.single(3, 7), 'x')), List.of());
        vault.currentTo(n, 10);
        boolean[] live = new boolean[1];
        GlobalProcedure global = new GlobalProcedure(vault, sent::addAll, new SyncListener() { }, id -> live[0],
                new HashSet<>());
        global.start();
        global.received(List.of(new SynclistResponse(List.of(new Entry(40, n))),
                new SyncError(GlobalProcedure.NIL, 404, "no such document")));
        assertThat(sent).contains(new SyncDocPull(n, 10));

        SessionProtocol session = new SessionProtocol(n, vault, sent::addAll, new SessionListener() { });
        session.start();
        session.received(List.of(new SyncDocResponse(n, "n", List.of(), List.of()), new SessionReady(1, 20)));
        live[0] = true;
        Atom later = new Atom(Pid.single(2, 35), 'L');
        global.received(List.of(new SyncDocResponse(n, "n", List.of(later), List.of()), new SyncDocDone(n, 40, false)));
        session.received(List.of(new SessionAck(0, 30)));

        live[0] = false; // cut; 'L' was deleted at 45, after the session's time: a catch-up from 30 lists nothing
        SessionProtocol again = new SessionProtocol(n, vault, sent::addAll, new SessionListener() { });
        again.start();
        again.received(List.of(new SyncDocResponse(n, "n", List.of(), List.of()), new SessionReady(1, 50)));
        assertThat(vault.replica(n).text()).isEqualTo("x");
    }

    /**
     * Two requests on one note in flight: the second's answer, from the older time, cannot carry the
     * delete of an atom the first answer brought (inserted and deleted after that time), yet moves
     * the note past the delete. So local work and pulls wait for the note's answer in flight, and
     * go from the time it brought.
     */
    @Test
    void oneRequestPerNoteInFlight() throws Exception {
        UUID n = vault.create("n", "hi").id();
        procedure.start();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0)).isInstanceOfSatisfying(SyncDocUpsert.class, u -> assertThat(u.lastSyncTime()).isZero());
        sent.clear();

        vault.replica(n).insert(2, "!");
        procedure.localWork(n);
        assertThat(sent).as("nothing more on n while its upsert is in flight").isEmpty();

        Atom other = new Atom(Pid.single(2, 9), 'z');
        procedure.received(List.of(new SyncDocResponse(n, "n", List.of(other), List.of()), new SyncDocDone(n, 40, false)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).isInstanceOfSatisfying(SyncDocUpsert.class, u -> {
            assertThat(u.lastSyncTime()).as("from the time the answer brought").isEqualTo(40);
            assertThat(u.inserts()).hasSize(1);
        });
        sent.clear();
        procedure.received(List.of(new SynclistResponse(List.of(new Entry(40, n))),
                new SyncError(GlobalProcedure.NIL, 404, "no such document")));
        assertThat(sent).as("no pull of n while its upsert is in flight").isEmpty();
        assertThat(procedure.isCurrent()).isFalse();
        procedure.received(List.of(new SyncDocDone(n, 41, false)));
        assertThat(sent).as("n is past its listed time: no pull").isEmpty();
        assertThat(procedure.isCurrent()).isTrue();
        assertThat(vault.device().lastSyncTime()).isEqualTo(40);
    }
}
