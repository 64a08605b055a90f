package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A note made on a connected device and opened in the editor at once keeps its name everywhere:
 * its session waits for its first upload, so the server never makes it as "Untitled" first.
 */
class NewNoteSessionTest extends LiveServerTest {
    private EditingSessionTest.Device device(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(300)));
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        return new EditingSessionTest.Device(vault, client);
    }

    @Test
    void aNoteOpenedAsSoonAsItIsMadeArrivesUnderItsName() throws Exception {
        EditingSessionTest.Device a = device("alice");
        EditingSessionTest.Device b = device("bob");
        a.client().start();
        a.client().syncOnce(PATIENCE);
        UUID id = a.vault().create("Plan", "# Plan\n").id();
        EditingSession session = a.client().openSession(id, new EditingSessionTest.Seen()); // the editor opens a new note at once
        eventually("live", session::isLive);
        a.vault().replica(id).insert(7, "typed live\n");
        eventually(() -> {
            b.client().syncOnce(PATIENCE);
            assertThat(b.vault().note(id).map(NoteInfo::name)).as("bob's name of the note").contains("Plan");
            assertThat(EditingSessionTest.text(b, id)).isEqualTo("# Plan\ntyped live\n");
        });
        assertThat(a.vault().note(id).orElseThrow().name()).isEqualTo("Plan");
        session.close();
    }
}
