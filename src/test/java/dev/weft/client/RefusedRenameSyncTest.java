package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.LongNames;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultListener;
import dev.weft.vault.VaultOptions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A rename the server refuses ({@code 36} code 409: the name is taken, and its " (2)" would break the
 * name rule; this device could not see the collision) must not leave the note's edits stuck on the
 * device: the note takes the server's name back, its edits go, the user is told once, and the sync
 * ends. Before, nothing of the upload was stored, the edits stayed pending for good and a one-shot
 * sync waited for its timeout.
 */
class RefusedRenameSyncTest extends LiveServerTest {
    /** Taken on the server by another device: with " (2)" it is 1,025 bytes. */
    private static final String TAKEN = LongNames.of(1021, "😀");

    @Test
    void aRefusedRenameIsTakenBackAndTheEditsSyncOn() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID mine = b.vault().create("mine", "text\n").id();
        b.sync();
        a.vault().create(TAKEN, "holder\n");
        a.sync();

        b.vault().rename(mine, TAKEN); // offline, free as far as b knows
        b.vault().replica(mine).insert(0, "edited offline: ");
        b.sync(); // returns: nothing stays pending

        assertThat(b.vault().note(mine).orElseThrow().name()).isEqualTo("mine");
        assertThat(b.vault().withPendingOps()).isEmpty();
        assertThat(b.problems()).filteredOn(p -> p.startsWith("The server refused the name 'aaaa")).singleElement()
                .satisfies(p -> assertThat(p).contains("choose a shorter one").endsWith(
                        "the note is named 'mine' again and its changes sync on"));
        assertThat(b.refusals()).hasSize(1);

        Device c = device("c");
        c.sync();
        assertThat(c.vault().notes()).extracting(NoteInfo::name).containsExactlyInAnyOrder("mine", TAKEN);
        assertThat(c.text("mine")).isEqualTo("edited offline: text\n");
        assertThat(c.text(TAKEN)).isEqualTo("holder\n");

        b.vault().replica(mine).insert(0, "later: ");
        b.sync();
        c.sync();
        assertThat(c.text("mine")).isEqualTo("later: edited offline: text\n");
        assertThat(b.refusals()).as("told once").hasSize(1);
    }

    @Test
    void aNewNoteWhoseNameIsRefusedIsUntitledAndItsTextArrives() throws Exception {
        Device a = device("a");
        Device b = device("b");
        a.vault().create(TAKEN, "holder\n");
        a.sync();
        UUID made = b.vault().create(TAKEN, "made offline\n").id(); // the server does not have it yet

        b.sync();

        assertThat(b.vault().note(made).orElseThrow().name()).isEqualTo("Untitled");
        assertThat(b.vault().withPendingOps()).isEmpty();
        assertThat(b.refusals()).singleElement().satisfies(p -> assertThat(p).contains("the note is named 'Untitled' here and its changes sync on"));
        Device c = device("c");
        c.sync();
        assertThat(c.text("Untitled")).isEqualTo("made offline\n");
        assertThat(c.text(TAKEN)).isEqualTo("holder\n");
    }

    @Test
    void aRenameRefusedWhileConnectedIsTakenBackToo() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID mine = b.vault().create("mine", "text\n").id();
        b.sync();
        a.vault().create(TAKEN, "holder\n");
        a.sync();
        b.client().start(); // a kept connection (the window, --watch): the rename goes up at once

        b.vault().rename(mine, TAKEN);
        b.vault().replica(mine).insert(0, "typed: ");
        dev.weft.testing.Eventually.eventually("the rename taken back and the edits acknowledged",
                () -> b.vault().note(mine).orElseThrow().name().equals("mine") && b.vault().withPendingOps().isEmpty());
        Device c = device("c");
        c.sync();
        assertThat(c.text("mine")).isEqualTo("typed: text\n");
        assertThat(b.refusals()).hasSize(1);
    }

    private record Device(Vault vault, SyncClient client, List<String> problems, List<String> refusals) {
        void sync() throws Exception {
            client.syncOnce(SyncClientTest.TIMEOUT);
        }

        String text(String name) throws Exception {
            NoteInfo note = vault.notes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
            return vault.replica(note.id()).text();
        }
    }

    private Device device(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(500)));
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        List<String> problems = new CopyOnWriteArrayList<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        vault.addListener(new VaultListener() {
            @Override
            public void problem(String message) {
                problems.add(message);
            }
        });
        client.addListener(new SyncListener() {
            @Override
            public void changeRefused(String message) {
                refusals.add(message);
            }
        });
        return new Device(vault, client, problems, refusals);
    }
}
