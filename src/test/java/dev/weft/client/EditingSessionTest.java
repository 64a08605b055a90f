package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Two devices editing one note live through sessions on a real server on 127.0.0.1. */
class EditingSessionTest extends LiveServerTest {
    static final class Seen implements SessionListener {
        final Map<Integer, String> peers = new ConcurrentHashMap<>();
        final Map<Integer, Pid> cursors = new ConcurrentHashMap<>();

        @Override
        public void peers(Map<Integer, String> now) {
            peers.clear();
            peers.putAll(now);
        }

        @Override
        public void cursor(int site, Pid pidOrNull) {
            cursors.put(site, pidOrNull == null ? Pid.single(1, 0) : pidOrNull);
        }
    }

    record Device(Vault vault, SyncClient client) {
    }

    Device device(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(300)));
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        return new Device(vault, client);
    }

    /** Note "pad" holding {@code text}, made on {@code maker} and synced to both devices. */
    static UUID sharedNote(Device maker, Device other, String text) throws Exception {
        UUID id = maker.vault().create("pad", text).id();
        maker.client().syncOnce(PATIENCE);
        other.client().syncOnce(PATIENCE);
        return id;
    }

    static String text(Device d, UUID id) {
        try {
            return d.vault().note(id).isPresent() ? d.vault().replica(id).text() : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void collaboratorsSeeEachOthersTypingPresenceAndCarets() throws Exception {
        Device a = device("alice");
        Device b = device("bob");
        UUID id = sharedNote(a, b, "start");
        Seen seenByA = new Seen();
        Seen seenByB = new Seen();
        EditingSession sa = a.client().openSession(id, seenByA);
        EditingSession sb = b.client().openSession(id, seenByB);
        eventually("both live", () -> sa.isLive() && sb.isLive());
        eventually("a sees bob", () -> seenByA.peers.containsValue("bob"));
        a.vault().replica(id).insert(5, " typed by alice");
        eventually("b sees alice's typing", () -> "start typed by alice".equals(text(b, id)));
        b.vault().replica(id).insert(0, ">> ");
        eventually("a sees bob's typing", () -> ">> start typed by alice".equals(text(a, id)));
        eventually("acks trim both logs", () -> {
            try {
                return a.vault().replica(id).log().pendingCount() == 0 && b.vault().replica(id).log().pendingCount() == 0;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Pid caret = a.vault().replica(id).pidAt(3);
        sa.moveCursor(caret);
        eventually("b sees alice's caret", () -> caret.equals(seenByB.cursors.get(a.vault().device().site())));
        a.vault().rename(id, "renamed pad");
        eventually("b sees the rename", () -> b.vault().note(id).map(n -> n.name().equals("renamed pad")).orElse(false));
        sb.close();
        eventually("a sees bob leave", () -> seenByA.peers.isEmpty());
    }

    @Test
    void aCaretPlacedBeforeTheSessionIsLiveIsShownOnceItIs() throws Exception {
        Device a = device("alice");
        Device b = device("bob");
        UUID id = sharedNote(a, b, "start");
        Seen seenByB = new Seen();
        EditingSession sb = b.client().openSession(id, seenByB);
        eventually("bob live", sb::isLive);
        EditingSession sa = a.client().openSession(id, new Seen());
        Pid caret = a.vault().replica(id).pidAt(2);
        sa.moveCursor(caret); // the editor reports its caret as soon as the note is open
        eventually("bob sees alice's caret", () -> caret.equals(seenByB.cursors.get(a.vault().device().site())));
        sa.close();
        sb.close();
    }

    @Test
    void aNoteClosedAndOpenedAgainAtOnceGetsALiveSessionOfItsOwn() throws Exception {
        Device a = device("alice");
        Device b = device("bob");
        UUID id = sharedNote(a, b, "start");
        EditingSession sb = b.client().openSession(id, new Seen());
        EditingSession first = a.client().openSession(id, new Seen());
        eventually("first live", first::isLive);
        Seen seenAgain = new Seen();
        first.close(); // the editor switches notes and back before the sync thread has closed it
        EditingSession again = a.client().openSession(id, seenAgain);
        assertThat(again).isNotSameAs(first);
        eventually("the new session live", again::isLive);
        eventually("its listener hears bob", () -> seenAgain.peers.containsValue("bob"));
        b.vault().replica(id).insert(0, ">> ");
        eventually("bob's typing arrives", () -> ">> start".equals(text(a, id)));
        sb.close();
        again.close();
    }

    @Test
    void aSessionComesBackAfterTheServerRestartsAndNothingIsLost() throws Exception {
        Device a = device("alice");
        Device b = device("bob");
        UUID id = sharedNote(a, b, "");
        EditingSession sa = a.client().openSession(id, new Seen());
        EditingSession sb = b.client().openSession(id, new Seen());
        eventually("both live", () -> sa.isLive() && sb.isLive());
        a.vault().replica(id).insert(0, "before ");
        eventually("b has it", () -> "before ".equals(text(b, id)));
        int port = server.port();
        server.close();
        a.vault().replica(id).insert(7, "during");
        b.vault().replica(id).insert(0, "[b] ");
        server = restart(port);
        eventually("both live again", () -> sa.isLive() && sb.isLive());
        eventually("converged", () -> "[b] before during".equals(text(a, id)) && "[b] before during".equals(text(b, id)));
    }
}
