package dev.weft.client;

import static dev.weft.client.NameRuleSyncTest.atom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import dev.weft.store.Store;
import dev.weft.testing.Eventually;
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
 * A name that breaks the rule, stored by an older server (its restore could store one over 1,024
 * bytes; written straight into the store here): a pull, a synclist-driven pull and a session start
 * of that note answer {@code 36} code 422 for it and everything else goes through; an upsert's name
 * replaces it. Before, the {@code 33} could not be encoded: 1011, the connection closed, and the
 * device's reconnects met the same note again.
 */
class StoredBadNameSyncTest extends LiveServerTest {
    private static final String TOO_LONG = LongNames.of(1100, "é");
    private static final String RENAMED = LongNames.of(1030, "😀");

    @Test
    void everyPathAnswers422ForThatNoteAndSyncsTheRest() throws Exception {
        Device a = device("a");
        a.vault().create("alpha", "α\n");
        UUID known = a.vault().create("known", "stays\n").id();
        a.sync();
        Device b = device("b");
        b.sync();

        int port = server.port();
        server.close();
        UUID tooLong = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        try (Store store = Store.open(dir.resolve("server"))) {
            store.submit(batch -> batch.upsert(tooLong, TOO_LONG, List.of(atom(99, 1, 'l')), List.of())).get();
            store.submit(batch -> batch.upsert(hidden, ".hidden", List.of(atom(99, 1, 'h')), List.of())).get();
            store.submit(batch -> batch.upsert(known, RENAMED, List.of(atom(99, 1, '!')), List.of())).get();
        }
        server = restart(port);
        a.vault().create("after", "later\n");
        a.sync();

        b.sync(); // ends: the notes it cannot get are set aside, the rest arrives
        b.sync(); // and again, on the same server: no connection was closed for them
        assertThat(b.vault().notes()).extracting(NoteInfo::name).containsExactlyInAnyOrder("alpha", "known", "after");
        assertThat(b.text("known")).isEqualTo("stays\n");
        assertThat(b.problems()).anySatisfy(p -> assertThat(p).startsWith("Set aside note " + tooLong)
                .contains("1100 bytes"));
        assertThat(b.problems()).anySatisfy(p -> assertThat(p).startsWith("Set aside note " + hidden)
                .contains("starts with a dot"));
        assertThat(b.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("The server could not send the changes to 'known'").contains("1030 bytes"));

        Device c = device("c");
        c.sync();
        assertThat(c.vault().notes()).extracting(NoteInfo::name).containsExactlyInAnyOrder("alpha", "after");
        assertThat(c.problems()).filteredOn(p -> p.startsWith("Set aside note")).hasSize(3);

        NameRuleSyncTest.Raw global = new NameRuleSyncTest.Raw(plain(device("raw")));
        global.send(new SyncDocPull(tooLong, 0));
        SyncError error = global.next(SyncError.class);
        assertThat(error.documentId()).isEqualTo(tooLong);
        assertThat(error.code()).isEqualTo(SyncError.NAME_NOT_SENDABLE);
        NameRuleSyncTest.Raw session = new NameRuleSyncTest.Raw(plain(device("raw session")));
        session.send(new SessionStart(0, tooLong));
        assertThat(session.next(SyncError.class).code()).isEqualTo(SyncError.NAME_NOT_SENDABLE);

        // an upsert's name replaces the stored one whatever its time: the note is sent again
        global.send(new SyncDocUpsert(tooLong, "was long", 0, List.of(atom(global.site, 1, '+')), List.of()));
        global.next(SyncDocDone.class);
        c.sync();
        assertThat(c.text("was long")).isIn("l+", "+l"); // the order of the two sites
    }

    @Test
    void aSessionOnSuchANoteSaysSoOnceAndItsTypingRenamesItBack() throws Exception {
        Device a = device("a");
        UUID known = a.vault().create("known", "stays\n").id();
        a.sync();
        int port = server.port();
        server.close();
        try (Store store = Store.open(dir.resolve("server"))) {
            store.submit(batch -> batch.upsert(known, RENAMED, List.of(), List.of())).get();
        }
        server = restart(port);

        EditingSession editing = a.client().openSession(known, new SessionListener() { });
        Eventually.eventually("told that the server cannot send the note", () -> a.problems().stream()
                .anyMatch(p -> p.startsWith("The server could not send the changes to 'known'")));
        a.vault().replica(known).insert(0, "typed: ");
        a.sync(); // the upload's name, 'known', replaces the stored one
        Eventually.eventually("the session live", editing::isLive);
        assertThat(a.problems()).filteredOn(p -> p.startsWith("The server could not send")).hasSize(1);

        Device b = device("b");
        b.sync();
        assertThat(b.text("known")).isEqualTo("typed: stays\n");
    }

    private record Device(Vault vault, SyncClient client, List<String> problems) {
        void sync() throws Exception {
            client.syncOnce(SyncClientTest.TIMEOUT);
        }

        String text(String name) throws Exception {
            NoteInfo note = vault.notes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
            return vault.replica(note.id()).text();
        }
    }

    private SyncClientTest.Device plain(Device d) {
        return new SyncClientTest.Device(d.vault(), d.client());
    }

    private Device device(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(500)));
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        List<String> problems = new CopyOnWriteArrayList<>();
        vault.addListener(new VaultListener() {
            @Override
            public void problem(String message) {
                problems.add(message);
            }
        });
        return new Device(vault, client, problems);
    }
}
