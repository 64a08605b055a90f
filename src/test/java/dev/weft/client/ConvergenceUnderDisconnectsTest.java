package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.PairingLink;
import dev.weft.server.WeftServer;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three devices, live, edit the same notes (text, new notes, renames; some through sessions)
 * while a relay cuts their connections and the server restarts at random moments. Whatever the
 * schedule (one seed per case), once the network settles every device shows the same notes with
 * the same names and texts, and nothing is pending.
 */
class ConvergenceUnderDisconnectsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void devicesConvergeWhateverTheDisconnects(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Path data = dir.resolve("server");
        WeftServer server = start(data, 0);
        int port = server.port();
        List<Vault> vaults = new ArrayList<>();
        List<SyncClient> clients = new ArrayList<>();
        try (CuttingRelay relay = new CuttingRelay(port)) {
            for (int i = 0; i < 3; i++) {
                Vault vault = Vault.open(dir.resolve("d" + i), VaultOptions.defaults());
                SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(10), Duration.ofMillis(100)));
                int device = i;
                client.addListener(new SyncListener() {
                    @Override
                    public void problem(String message) {
                        System.err.println("seed " + seed + " device " + device + ": " + message);
                    }
                });
                PairingLink direct = server.pairingLink();
                client.pair(new PairingLink(direct.host(), relay.port(), direct.code(), direct.fingerprint()), "d" + i);
                vaults.add(vault);
                clients.add(client);
            }
            UUID shared = vaults.get(0).create("shared", "the quick brown fox").id();
            clients.get(0).syncOnce(PATIENCE);
            clients.forEach(SyncClient::start);
            for (int i = 1; i < 3; i++) {
                clients.get(i).syncOnce(PATIENCE);
            }
            if (random.nextBoolean()) {
                clients.get(1).openSession(shared, new SessionListener() { });
            }
            for (int step = 0; step < 60; step++) {
                int d = random.nextInt(3);
                Vault vault = vaults.get(d);
                int action = random.nextInt(20);
                if (action == 0) {
                    relay.cutAll();
                } else if (action == 1 && step % 3 == 0) {
                    server.close();
                    Thread.sleep(random.nextInt(50));
                    server = start(data, port);
                } else if (action == 2) {
                    vault.create("note " + d + "-" + step, "made on " + d);
                } else if (action == 3) {
                    List<NoteInfo> notes = vault.notes();
                    NoteInfo note = notes.get(random.nextInt(notes.size()));
                    vault.rename(note.id(), "renamed by " + d + " at " + step);
                } else {
                    List<NoteInfo> notes = vault.notes();
                    NoteReplica replica = vault.replica(random.nextInt(3) == 0 ? notes.get(random.nextInt(notes.size())).id() : shared);
                    int length = replica.length();
                    if (length > 0 && random.nextInt(3) == 0) {
                        int at = random.nextInt(length);
                        replica.delete(at, 1 + random.nextInt(Math.min(3, length - at)));
                    } else {
                        replica.insert(random.nextInt(length + 1), "<" + d + ":" + step + ">");
                    }
                }
                Thread.sleep(random.nextInt(15));
            }
            for (int round = 0; round < 2; round++) {
                for (SyncClient client : clients) {
                    client.syncOnce(PATIENCE);
                }
            }
            Map<UUID, String> first = snapshot(vaults.get(0));
            for (int d = 0; d < vaults.size(); d++) {
                Vault vault = vaults.get(d);
                assertThat(snapshot(vault)).as("seed %d, device %d", seed, d).isEqualTo(first);
                for (NoteInfo note : vault.notes()) {
                    assertThat(vault.replica(note.id()).log().pendingCount()).isZero();
                }
            }
        } finally {
            clients.forEach(SyncClient::close);
            for (Vault vault : vaults) {
                vault.close();
            }
            server.close();
        }
    }

    private static Map<UUID, String> snapshot(Vault vault) throws Exception {
        Map<UUID, String> notes = new TreeMap<>();
        for (NoteInfo note : vault.notes()) {
            notes.put(note.id(), note.name() + (note.trashed() ? " [trash]" : "") + ": " + vault.replica(note.id()).text());
        }
        return notes;
    }

    private static WeftServer start(Path data, int port) throws Exception {
        return LoopbackServer.start(data, port);
    }
}
