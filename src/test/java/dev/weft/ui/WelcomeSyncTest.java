package dev.weft.ui;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncOptions;
import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.WelcomeNote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New devices joining one account through a real server end with one welcome note between them, not
 * one each ({@code Welcome to Weft (2)}, {@code (3)}…, issue 13): each first run goes as
 * {@code Desktop} makes it, the welcome asked for with the first run's choice.
 */
class WelcomeSyncTest {
    @TempDir
    Path dir;
    private WeftServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent());
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.close();
    }

    @Test
    void devicesThatConnectAtTheirFirstRunShareTheFirstDevicesWelcomeNote() throws Exception {
        // the first device: "Start Writing", then (or at once) hosts or connects from the Sync menu
        Vault laptop = vault("laptop");
        assertThat(Welcome.addTo(laptop, FirstRunDialog.Then.NOTHING)).isPresent();
        SyncClient laptopSync = paired(laptop, "laptop");
        laptopSync.syncOnce(PATIENCE);

        // the second: "Connect to a Server…" at its first run
        Vault desk = vault("desk");
        assertThat(Welcome.addTo(desk, FirstRunDialog.Then.CONNECT)).as("a device that joins an account").isEmpty();
        paired(desk, "desk").syncOnce(PATIENCE);

        // the third: its settings were lost, so a first run again, on a folder paired already
        Vault phone = vault("phone");
        SyncClient phoneSync = paired(phone, "phone");
        assertThat(Welcome.addTo(phone, FirstRunDialog.Then.NOTHING)).as("a paired vault").isEmpty();
        phoneSync.syncOnce(PATIENCE);
        laptopSync.syncOnce(PATIENCE);

        for (Vault vault : List.of(laptop, desk, phone)) {
            assertThat(vault.notes()).as(vault.folder().getFileName().toString()).extracting(NoteInfo::name)
                    .containsExactly(WelcomeNote.NAME);
        }
        assertThat(desk.notes().get(0).id()).isEqualTo(laptop.notes().get(0).id()).isEqualTo(phone.notes().get(0).id());
    }

    private Vault vault(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        open.add(vault);
        return vault;
    }

    private SyncClient paired(Vault vault, String name) throws Exception {
        SyncClient client = new SyncClient(vault, SyncOptions.defaults());
        open.add(client);
        client.pair(server.pairingLink(), name);
        return client;
    }
}
