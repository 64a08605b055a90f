package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hold of the vault's replicas (docs/client.md, "Many notes"): the jobs of a burst on one note
 * open its files once, at most {@link Replicas#MAX_HELD} stay open, an editor gets the held one,
 * and what the jobs wrote is in the logs as without a hold, a kill mid-burst included.
 */
class ReplicaHoldTest {
    @TempDir
    Path dir;

    private static UUID id(int n) {
        return new UUID(0x4000_0000_0000_0000L, n);
    }

    private static List<Atom> atoms(long firstIdent, String text) {
        List<Atom> atoms = new ArrayList<>();
        long ident = firstIdent;
        for (int cp : text.codePoints().toArray()) {
            atoms.add(new Atom(Pid.single(2, ident++), cp));
        }
        return atoms;
    }

    /** Notes pulled from another device (site 2), each current to time 10. */
    private static void pull(Vault vault, int from, int to) throws IOException {
        for (int n = from; n < to; n++) {
            vault.applyRemote(id(n), "note " + n, atoms(1, "text " + n), List.of());
            vault.currentTo(id(n), 10);
        }
    }

    @Test
    void theJobsOfABurstOnANoteOpenItOnceAndItsLogIsClosedWhenTheHoldEnds() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            ReplicaHold hold = vault.holdReplicas();
            pull(vault, 0, 3); // a new note, its name, text and time: several jobs each
            for (int n = 0; n < 3; n++) {
                vault.applyRemote(id(n), null, atoms(100, "!"), List.of());
                vault.currentTo(id(n), 20);
            }
            assertThat(vault.replicaOpens()).isEqualTo(3);
            hold.close();
            hold.close(); // once only
            assertThat(vault.syncTime(id(1))).isEqualTo(20);
            vault.withReplica(id(1), r -> r.text());
            vault.withReplica(id(1), r -> r.text());
            assertThat(vault.replicaOpens()).isEqualTo(5); // closed at the hold's end: each job opens it again
        }
        try (Vault reopened = TestVaults.open(dir)) {
            for (int n = 0; n < 3; n++) {
                assertThat(reopened.withReplica(id(n), NoteReplica::text)).isEqualTo("text " + n + "!");
                assertThat(reopened.syncTime(id(n))).isEqualTo(20);
            }
        }
    }

    @Test
    void aHoldKeepsAtMostMaxHeldOpenAndTheNextOpensAgain() throws IOException {
        try (Vault vault = TestVaults.open(dir); ReplicaHold hold = vault.holdReplicas()) {
            pull(vault, 0, Replicas.MAX_HELD);
            assertThat(vault.replicaOpens()).isEqualTo(Replicas.MAX_HELD);
            // one more: held, then all are closed; its own next job opens it again, as does the first note's
            pull(vault, Replicas.MAX_HELD, Replicas.MAX_HELD + 1);
            assertThat(vault.replicaOpens()).isEqualTo(Replicas.MAX_HELD + 2);
            vault.currentTo(id(0), 30);
            vault.currentTo(id(0), 31);
            assertThat(vault.replicaOpens()).isEqualTo(Replicas.MAX_HELD + 3);
            assertThat(vault.syncTime(id(0))).isEqualTo(31);
        }
    }

    @Test
    void anEditorTakesTheHeldReplicaAndKeepsItAfterTheHold() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            ReplicaHold hold = vault.holdReplicas();
            pull(vault, 0, 1);
            NoteReplica editing = vault.replica(id(0));
            assertThat(vault.replicaOpens()).isEqualTo(1);
            hold.close();
            editing.insert(0, "> ");
            assertThat(vault.withReplica(id(0), NoteReplica::text)).isEqualTo("> text 0");
            assertThat(vault.replicaOpens()).isEqualTo(1);
        }
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.withReplica(id(0), NoteReplica::text)).isEqualTo("> text 0");
        }
    }

    @Test
    void whatTheJobsOfAHoldWroteSurvivesAKillBeforeItsEnd() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            vault.create("mine", "typed here");
        }
        UUID mine;
        Vault vault = Vault.open(dir, TestVaults.fast().withIndexDelay(Duration.ofMinutes(1)));
        mine = vault.notes().get(0).id();
        vault.holdReplicas();
        pull(vault, 0, 5); // new logs, their fsyncs left to the hold's end
        int pendingBefore = vault.withReplica(mine, r -> r.log().pendingCount());
        Optional<RecordLog.ToSend> marked = vault.withReplica(mine, r -> r.log().markToSendUnforced(true));
        assertThat(marked).isPresent();
        vault.forceLogs(List.of(mine));
        vault.abandon(); // killed mid-burst: no close, no fsync but the one above
        try (Vault reopened = TestVaults.open(dir)) {
            for (int n = 0; n < 5; n++) {
                assertThat(reopened.withReplica(id(n), NoteReplica::text)).isEqualTo("text " + n);
                assertThat(reopened.syncTime(id(n))).isEqualTo(10);
            }
            int pending = reopened.withReplica(mine, r -> r.log().pendingCount());
            long sent = reopened.withReplica(mine, r -> r.log().sentThrough());
            assertThat(pending).isEqualTo(pendingBefore);
            assertThat(sent).isEqualTo(marked.get().through());
        }
    }
}
