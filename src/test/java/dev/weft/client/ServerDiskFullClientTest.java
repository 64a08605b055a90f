package dev.weft.client;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.WeftServer;
import dev.weft.testing.SmallDisk;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices of a server whose disk (a real small tmpfs) fills up: a one-shot sync ends with "the
 * server's disk is full", the edits stay pending on the device, other devices still pull, a kept
 * connection shows {@link SyncState#SERVER_DISK_FULL} and sends the edits by itself once the
 * server has space again. A full disk under a vault ends a one-shot sync with that, and the next
 * sync, once there is space, brings everything.
 */
class ServerDiskFullClientTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    record Device(Vault vault, SyncClient client) {
    }

    private Device device(WeftServer server, String name) throws Exception {
        return device(server, dir.resolve(name), name);
    }

    private Device device(WeftServer server, Path folder, String name) throws Exception {
        Vault vault = Vault.open(folder, VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50),
                Duration.ofMillis(500)));
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        return new Device(vault, client);
    }

    @Test
    void editsWaitOnTheDeviceWhileTheServersDiskIsFullAndGoOnceItHasSpace() throws Exception {
        SmallDisk disk = SmallDisk.mount(dir, 16);
        open.add(disk);
        WeftServer server = LoopbackServer.start(disk.dir().resolve("server"));
        open.add(server);
        Device da = device(server, "a");
        Device db = device(server, "b");
        SyncClient a = da.client();
        SyncClient b = db.client();
        Vault va = da.vault();
        Vault vb = db.vault();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.addListener(new SyncListener() {
            @Override
            public void problem(String message) {
                problems.add(message);
            }
        });
        UUID id = va.create("n", "before").id();
        a.syncOnce(TIMEOUT);

        disk.fill();
        va.replica(id).insert(6, ", typed while the server's disk is full");
        assertThatThrownBy(() -> a.syncOnce(TIMEOUT)).isInstanceOf(SyncException.class)
                .hasMessageStartingWith("the server's disk is full");
        assertThat(va.replica(id).log().pendingCount()).isPositive();
        b.syncOnce(TIMEOUT); // reads go on
        assertThat(vb.replica(id).text()).isEqualTo("before");

        a.start();
        eventually("a shows the server's full disk", () -> a.state() == SyncState.SERVER_DISK_FULL);
        assertThat(problems).contains(SyncClient.SERVER_DISK_FULL);
        disk.free();
        eventually("a sends its edits once the server has space", () -> a.state() == SyncState.SYNCED);
        assertThat(va.replica(id).log().pendingCount()).isZero();
        b.syncOnce(TIMEOUT);
        assertThat(vb.replica(id).text()).isEqualTo("before, typed while the server's disk is full");
    }


    @Test
    void aFullDiskUnderTheVaultEndsAOneShotSyncAndTheNextOneBringsEverything() throws Exception {
        WeftServer server = LoopbackServer.start(dir.resolve("server"));
        open.add(server);
        SmallDisk disk = SmallDisk.mount(dir, 4);
        open.add(disk);
        Device a = device(server, "a");
        Device b = device(server, disk.dir().resolve("b"), "b");
        UUID id = a.vault().create("n", "first").id();
        a.client().syncOnce(TIMEOUT);
        b.client().syncOnce(TIMEOUT);

        disk.fill();
        a.vault().replica(id).insert(5, " and a long second part".repeat(200));
        a.client().syncOnce(TIMEOUT);
        assertThatThrownBy(() -> b.client().syncOnce(TIMEOUT)).isInstanceOf(SyncException.class)
                .hasMessageStartingWith("the disk under the vault is full");
        assertThat(b.vault().replica(id).text()).isEqualTo("first");

        disk.free();
        b.client().syncOnce(TIMEOUT);
        assertThat(b.vault().replica(id).text()).isEqualTo(a.vault().replica(id).text());
    }
}
