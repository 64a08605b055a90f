package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices that speak runs (docs/protocol.md §8) and devices that speak only the seed's messages
 * ({@link WireConnection#announceRuns} off: they never send {@code Weft-Runs}) sync one vault
 * through a real server on 127.0.0.1, and the runs cost fewer bytes each way.
 */
class RunWireClientTest {
    @TempDir
    Path dir;
    WeftServer server;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT).withDeflate(false), ServerLog.silent());
    }

    @AfterEach
    void stop() throws Exception {
        WireConnection.announceRuns = true;
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.close();
    }

    private record Device(Vault vault, SyncClient client, boolean runs) {
        void sync() throws Exception {
            WireConnection.announceRuns = runs; // read when the connection opens
            try {
                client.syncOnce(PATIENCE);
            } finally {
                WireConnection.announceRuns = true;
            }
        }
    }

    private Device device(String name, boolean runs) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults());
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        return new Device(vault, client, runs);
    }

    private static UUID typed(Device d, String name, String text) throws Exception {
        UUID id = d.vault().create(name, "").id();
        var replica = d.vault().replica(id);
        for (int at = 0; at < text.length(); at += 9) {
            replica.insert(at, text.substring(at, Math.min(text.length(), at + 9)));
        }
        return id;
    }

    @Test
    void seedDevicesAndRunDevicesSyncOneVaultAndRunsCostLess() throws Exception {
        Device modern = device("modern", true);
        Device seed = device("seed", false);
        Device modern2 = device("modern2", true);
        Device seed2 = device("seed2", false);
        String text = WireTransportTest.englishNote(4000);

        UUID byModern = typed(modern, "by modern", text);
        UUID bySeed = typed(seed, "by seed", text);
        long modernUp = modern.client().wireStats().bytesSent();
        long seedUp = seed.client().wireStats().bytesSent();
        modern.sync();
        seed.sync();
        modernUp = modern.client().wireStats().bytesSent() - modernUp;
        seedUp = seed.client().wireStats().bytesSent() - seedUp;

        modern2.sync();
        seed2.sync();
        for (Device d : List.of(modern2, seed2)) {
            assertThat(d.vault().replica(byModern).text()).isEqualTo(text);
            assertThat(d.vault().replica(bySeed).text()).isEqualTo(text);
        }
        assertThat(modernUp).as("upload with runs against the seed's").isLessThan(seedUp * 2 / 3);
        assertThat(modern2.client().wireStats().bytesReceived())
                .as("download with runs against the seed's").isLessThan(seed2.client().wireStats().bytesReceived() * 2 / 3);

        // edits both ways: a seed device's deletes and inserts reach a run device and back
        var seedReplica = seed2.vault().replica(byModern);
        seedReplica.delete(0, 10);
        seedReplica.insert(0, "Edited by a seed peer. ");
        seed2.sync();
        modern.sync();
        assertThat(modern.vault().replica(byModern).text()).isEqualTo(seedReplica.text());
        var modernReplica = modern.vault().replica(bySeed);
        modernReplica.delete(100, 50);
        modernReplica.insert(5, "and runs ");
        modern.sync();
        seed.sync();
        assertThat(seed.vault().replica(bySeed).text()).isEqualTo(modernReplica.text());
    }
}
