package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.PairingLink;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * While a note's session is live the global connection skips the note (its listings and pushes),
 * and L moves past those changes. A session that ended before it brought them (the editor opened
 * another note) left the device without them until the note changed again.
 */
class SessionEndTest extends LiveServerTest {
    private CuttingRelay relay;
    private Vault av;
    private Vault bv;
    private SyncClient a;
    private SyncClient b;
    private UUID id;

    /** a through a relay that can hold its session's frames, b straight to the server; both hold "text". */
    private void twoDevices() throws Exception {
        relay = new CuttingRelay(server.port());
        open.add(relay);
        av = vault("a");
        bv = vault("b");
        PairingLink direct = server.pairingLink();
        a = client("a", av, new PairingLink(direct.host(), relay.port(), direct.code(), direct.fingerprint()));
        b = client("b", bv, server.pairingLink());
        id = bv.create("pad", "text").id();
        b.syncOnce(PATIENCE);
        a.syncOnce(PATIENCE);
        assertThat(text(av)).isEqualTo("text");
    }

    @Test
    void aChangeSkippedWhileTheSessionWasLiveIsPulledAtTheNextSyncAfterItCloses() throws Exception {
        twoDevices();
        EditingSession session = a.openSession(id, new SessionListener() { });
        eventually("a's session live", session::isLive);
        relay.holdToDevices(); // a's session hears nothing from now on; later connections do

        bv.replica(id).insert(4, " by b");
        b.syncOnce(PATIENCE);
        a.syncOnce(PATIENCE); // lists the note, leaves it to the live session, moves L
        assertThat(text(av)).as("held from the session").isEqualTo("text");

        session.close();
        eventually("a's session closed", () -> !session.isLive());
        relay.release();
        a.syncOnce(PATIENCE);
        assertThat(text(av)).isEqualTo("text by b");
    }

    @Test
    void aPushSkippedWhileTheSessionWasLiveIsPulledWhenItClosesOnALiveConnection() throws Exception {
        twoDevices();
        EditingSession session = a.openSession(id, new SessionListener() { });
        eventually("a's session live", session::isLive);
        relay.holdToDevices();
        a.start(); // opened after the hold: flows

        bv.replica(id).insert(4, " by b");
        b.syncOnce(PATIENCE); // a's global connection gets a push and skips the note
        a.syncOnce(PATIENCE);
        assertThat(text(av)).as("held from the session").isEqualTo("text");

        session.close();
        eventually("b's edit on a, with no sync asked for", () -> text(av).equals("text by b"));
    }

    private String text(Vault vault) {
        try {
            return vault.replica(id).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Vault vault(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        open.add(vault);
        return vault;
    }

    private SyncClient client(String name, Vault vault, PairingLink link) throws Exception {
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(300)));
        open.add(client);
        client.pair(link, name);
        return client;
    }
}
