package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.PairingLink;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A note's name reaches a device on two connections, its global one and a session, whose messages
 * arrive in no set order: a name the server sent as of an earlier time must never replace one it
 * sent as of a later time (the divergence the convergence test found once in 53 runs).
 */
class NameOrderTest extends LiveServerTest {
    private SyncClient client(String name, Vault vault, PairingLink link) throws Exception {
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(300)));
        open.add(client);
        client.pair(link, name);
        return client;
    }

    private Vault vault(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        open.add(vault);
        return vault;
    }

    private static Optional<String> name(Vault vault, UUID id) {
        return vault.note(id).map(n -> n.name());
    }

    /**
     * b's global connection uploads an edit of the note; the server answers with the name then,
     * "first", and the answer is slow. a renames the note "second"; b opens a session, whose
     * catch-up brings "second". Then the slow answer arrives: applied as it came, it named the note
     * "first" again on b, and b's global connection never pulled the note while the session was
     * live, so b kept "first" for good.
     */
    @Test
    void aSlowAnswerOnTheGlobalConnectionDoesNotUndoARenameTheSessionBrought() throws Exception {
        afterTheSlowAnswer(session -> { });
    }

    /**
     * The same slow answer, once the editor closed the session: the note's time is the session's,
     * past the rename, so nothing makes b pull the note again; a name older than b's stays out.
     */
    @Test
    void aSlowAnswerAfterTheSessionClosedDoesNotUndoARenameTheSessionBrought() throws Exception {
        afterTheSlowAnswer(session -> {
            session.close();
            eventually("the session closed", () -> !session.isLive());
        });
    }

    private void afterTheSlowAnswer(SessionStep beforeTheAnswer) throws Exception {
        try (CuttingRelay relay = new CuttingRelay(server.port())) {
            Vault av = vault("a");
            Vault bv = vault("b");
            SyncClient a = client("a", av, server.pairingLink());
            PairingLink direct = server.pairingLink();
            SyncClient b = client("b", bv, new PairingLink(direct.host(), relay.port(), direct.code(), direct.fingerprint()));
            UUID id = av.create("first", "text").id();
            a.syncOnce(PATIENCE);
            b.start();
            b.syncOnce(PATIENCE);
            assertThat(name(bv, id)).contains("first");

            relay.holdToDevices(); // b's global connection: b sends, nothing comes back
            bv.replica(id).insert(4, " by b");
            eventually("b's upload committed", () -> {
                try {
                    a.syncOnce(PATIENCE);
                    return av.replica(id).text().equals("text by b");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            av.rename(id, "second");
            a.syncOnce(PATIENCE);

            EditingSession session = b.openSession(id, new SessionListener() { });
            eventually("b's session live", session::isLive);
            assertThat(name(bv, id)).as("from the session's catch-up").contains("second");
            beforeTheAnswer.run(session);

            relay.release();
            b.syncOnce(PATIENCE); // the slow answer to the upload is in
            a.syncOnce(PATIENCE);
            assertThat(name(av, id)).contains("second");
            assertThat(name(bv, id)).as("b after the slow answer").contains("second");
            assertThat(bv.replica(id).text()).isEqualTo("text by b");
        }
    }

    /**
     * a renames the note "second" in a session; the server applies it, but the connection is cut
     * before a hears the 69. b renames it "third". a's session comes back: its catch-up says
     * "third", and the 67 a sent again used to rename the note back to "second" (the server applies
     * a session's rename unconditionally): both devices agreed, on the older name.
     */
    @Test
    void aSessionRenameResentAfterACutDoesNotUndoANewerRename() throws Exception {
        try (CuttingRelay relay = new CuttingRelay(server.port())) {
            Vault av = vault("a");
            Vault bv = vault("b");
            PairingLink direct = server.pairingLink();
            SyncClient a = client("a", av, new PairingLink(direct.host(), relay.port(), direct.code(), direct.fingerprint()));
            SyncClient b = client("b", bv, server.pairingLink());
            UUID id = av.create("first", "text").id();
            a.syncOnce(PATIENCE);
            b.syncOnce(PATIENCE);
            EditingSession session = a.openSession(id, new SessionListener() { }); // a's only connection
            eventually("a's session live", session::isLive);

            relay.holdToDevices(); // a's session hears nothing: no 69 for its rename
            av.rename(id, "second");
            eventually("the server renamed the note", () -> {
                try {
                    b.syncOnce(PATIENCE);
                    return name(bv, id).equals(Optional.of("second"));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            bv.rename(id, "third");
            b.syncOnce(PATIENCE);

            relay.cutAll(); // what was held is lost
            relay.release();
            eventually("a's session back and its rename settled", () -> {
                try {
                    return session.isLive() && av.replica(id).log().pendingCount() == 0;
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            a.syncOnce(PATIENCE);
            b.syncOnce(PATIENCE);
            assertThat(name(bv, id)).contains("third");
            assertThat(name(av, id)).contains("third");
        }
    }

    private interface SessionStep {
        void run(EditingSession session) throws Exception;
    }
}
