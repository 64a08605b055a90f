package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.ws.WebSocket;
import dev.weft.client.ws.Options;
import dev.weft.client.ws.WebSocketClient;
import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 §6: one device's bad name must not stop sync for the others. The server refuses it; and
 * a device that meets one all the same (a server that stored it under an older rule, written into
 * the store here) sets that one note aside, says so, and syncs everything else.
 */
class NameRuleSyncTest extends LiveServerTest {
    static final List<String> BAD = List.of(".hidden", ".weft/docs/evil", ".git/hooks/pre-commit");

    @Test
    void aBadNameFromARawDeviceIsRefusedAndTheOtherDevicesGetEverythingElse() throws Exception {
        SyncClientTest.Device a = device("a");
        a.vault().create("first", "one\n");
        a.sync();
        SyncClientTest.Device raw = device("raw");
        Raw wire = new Raw(raw);
        for (String name : BAD) {
            wire.send(new SyncDocUpsert(UUID.randomUUID(), name, 0, List.of(atom(wire.site, 1, 'x')), List.of()));
            SyncError error = wire.next(SyncError.class);
            assertThat(error.code()).as(name).isEqualTo(400);
            assertThat(error.message()).contains("starts with a dot");
        }
        wire.send(new SyncDocUpsert(UUID.randomUUID(), "from raw", 0, List.of(atom(wire.site, 1, 'y')), List.of()));
        wire.next(SyncDocDone.class);
        a.vault().create("last", "two\n");
        a.sync();

        SyncClientTest.Device b = device("b");
        b.sync();
        assertThat(b.vault().notes()).extracting(NoteInfo::name).containsExactlyInAnyOrder("first", "from raw", "last");
        assertThat(b.text("from raw")).isEqualTo("y");
        assertThat(dottedFiles(b)).isEmpty();
    }

    @Test
    void aDeviceSetsAsideANoteItCannotPlaceSaysSoAndSyncsTheRest() throws Exception {
        SyncClientTest.Device a = device("a");
        a.vault().create("alpha", "α\n");
        UUID known = a.vault().create("known", "stays\n").id();
        a.vault().create("omega", "ω\n");
        a.sync();
        SyncClientTest.Device b = device("b");
        b.sync();

        // a server that stored bad names (before the rule, or written by hand): three new notes, one rename
        int port = server.port();
        server.close();
        List<UUID> bad = new ArrayList<>();
        try (Store store = Store.open(dir.resolve("server"))) {
            for (String name : BAD) {
                UUID id = UUID.randomUUID();
                bad.add(id);
                store.submit(batch -> batch.upsert(id, name, List.of(atom(99, 1, 'e'), atom(99, 2, 'v')), List.of())).get();
            }
            store.submit(batch -> batch.upsert(known, ".git/renamed", List.of(), List.of())).get();
        }
        server = restart(port);
        a.vault().create("after", "later\n");
        a.sync();

        List<String> problems = new CopyOnWriteArrayList<>();
        b.vault().addListener(problemsInto(problems));
        b.sync(); // returns: the sync ends although some notes could not be placed
        assertThat(b.vault().notes()).extracting(NoteInfo::name).containsExactlyInAnyOrder("alpha", "known", "omega", "after");
        assertThat(b.text("known")).isEqualTo("stays\n");
        assertThat(problems).anyMatch(p -> p.startsWith("The server could not send the changes to 'known'")
                && p.contains("segment .git starts with a dot"));
        for (UUID id : bad) {
            assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Set aside note " + id).contains("starts with a dot"));
        }

        SyncClientTest.Device c = device("c");
        List<String> cProblems = new CopyOnWriteArrayList<>();
        c.vault().addListener(problemsInto(cProblems));
        c.sync();
        assertThat(c.vault().notes()).extracting(NoteInfo::name).containsExactlyInAnyOrder("alpha", "omega", "after");
        assertThat(cProblems).filteredOn(p -> p.startsWith("Set aside note")).hasSize(4);
        assertThat(dottedFiles(b)).isEmpty();
        assertThat(dottedFiles(c)).isEmpty();

        // renamed to a valid name on a device that has it, a set-aside note arrives with its text
        Raw wire = new Raw(device("fixer"));
        wire.send(new SyncDocPull(bad.get(0), 0));
        assertThat(wire.next(SyncError.class).code()).isEqualTo(SyncError.NAME_NOT_SENDABLE);
        wire.send(new SyncDocUpsert(bad.get(0), "was hidden", 0, List.of(), List.of())); // replaces the bad name
        wire.next(SyncDocDone.class);
        c.sync();
        assertThat(c.text("was hidden")).isEqualTo("ev");
    }

    /**
     * Issue 11 §7 through a real device: in a session, a rename to a name another note holds (which
     * this device does not know yet) whose " (2)" would break the limit is refused by the server; the
     * device gets its name back, nothing stays pending, the session stays live (a 1011 before).
     */
    @Test
    void aSessionRenameTheServerCannotNumberLeavesTheNameAndTheSessionAlive() throws Exception {
        SyncClientTest.Device a = device("a");
        SyncClientTest.Device b = device("b");
        UUID mine = b.vault().create("mine", "text\n").id();
        b.sync();
        String taken = LongNames.of(1021, "😀");
        a.vault().create(taken, "holder\n");
        a.sync();
        EditingSession session = b.client().openSession(mine, new SessionListener() { });
        Eventually.eventually("the session is live", session::isLive);
        b.vault().rename(mine, taken); // free as far as b knows
        Eventually.eventually("the rename refused and settled", () -> b.vault().note(mine).orElseThrow().name().equals("mine")
                && b.vault().withPendingOps().isEmpty());
        b.vault().replica(mine).insert(0, "still live: ");
        b.sync();
        SyncClientTest.Device c = device("c");
        c.sync();
        assertThat(c.text("mine")).isEqualTo("still live: text\n");
        assertThat(c.text(taken)).isEqualTo("holder\n");
        assertThat(session.isLive()).isTrue();
    }

    private SyncClientTest.Device device(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(500)));
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        return new SyncClientTest.Device(vault, client);
    }

    private static VaultListener problemsInto(List<String> problems) {
        return new VaultListener() {
            @Override
            public void problem(String message) {
                problems.add(message);
            }
        };
    }

    /** Files and folders under the vault, outside .weft, whose name starts with a dot. */
    /** Files whose name starts with a dot, once the vault's pending file writes are done (their temp files gone). */
    private static List<Path> dottedFiles(SyncClientTest.Device d) throws Exception {
        d.vault().flush();
        Path folder = d.vault().folder();
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !p.equals(folder) && !p.startsWith(folder.resolve(".weft")))
                    .filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    static Atom atom(int site, long ident, char c) {
        return new Atom(Pid.single(site, ident), c);
    }

    /** A device's own WebSocket, sending what a buggy or hostile device would. */
    static final class Raw {
        final WebSocket ws;
        final WireTransportTest.Recorder recorder = new WireTransportTest.Recorder();
        final MessageCodec codec = new MessageCodec(Limits.DEFAULT);
        final List<Message> received = new ArrayList<>();
        final int site;

        Raw(SyncClientTest.Device d) throws Exception {
            ServerAddress address = ServerAddress.of(d.vault().device());
            ws = WebSocketClient.connect(address.uri("ws", "/v1/sync"),
                    Map.of("Authorization", "Bearer " + d.vault().device().deviceToken()), HttpClients.tls(address),
                    recorder, Options.DEFAULT).get(10, TimeUnit.SECONDS);
            site = d.vault().device().site();
        }

        void send(Message m) throws Exception {
            ws.sendBinary(codec.encode(List.of(m)));
        }

        /** The next message of {@code type}, skipping others (pushes, 33s). */
        <T extends Message> T next(Class<T> type) throws Exception {
            while (true) {
                if (received.isEmpty()) {
                    byte[] frame = recorder.binary.poll(30, TimeUnit.SECONDS);
                    assertThat(frame).as("an answer within 30 s").isNotNull();
                    received.addAll(codec.decodeFrame(frame));
                }
                Message m = received.remove(0);
                if (type.isInstance(m)) {
                    return type.cast(m);
                }
            }
        }
    }
}
