package dev.weft.app;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncOptions;
import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft sync --watch}: edits another program makes to a .md file reach the other devices. */
class SyncWatchTest {
    @TempDir
    Path dir;

    @Test
    void watchSyncsEditsOtherProgramsMakeUntilStopped() throws Exception {
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent())) {
            Path a = dir.resolve("a");
            Files.createDirectories(a);
            Files.writeString(a.resolve("journal.md"), "day one\n");
            List<Runnable> stops = new CopyOnWriteArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            Launcher launcher = new Launcher(print, print, new Places(dir.resolve("Weft"), dir.resolve("data"), dir.resolve("config")), stops::add);
            AtomicInteger exit = new AtomicInteger(-1);
            Thread watching = new Thread(() -> exit.set(launcher.run(new String[] {"sync", "--vault", a.toString(),
                    "--pair", server.pairingLink().toString(), "--name", "laptop", "--watch"})));
            watching.start();
            eventually(() -> assertThat(out.toString(StandardCharsets.UTF_8)).contains("sync: synced"));

            try (Vault b = Vault.open(dir.resolve("b"), VaultOptions.defaults());
                    SyncClient client = new SyncClient(b, SyncOptions.defaults())) {
                client.pair(server.pairingLink(), "phone");
                client.syncOnce(PATIENCE);
                assertThat(b.notes()).singleElement().satisfies(n -> assertThat(n.name()).isEqualTo("journal"));
                Files.writeString(a.resolve("journal.md"), "day one\nday two, written in another editor\n");
                eventually(() -> {
                    client.syncOnce(PATIENCE);
                    assertThat(b.replica(b.notes().get(0).id()).text()).isEqualTo("day one\nday two, written in another editor\n");
                });
            }
            stops.forEach(Runnable::run);
            watching.join(PATIENCE.toMillis());
            assertThat(exit.get()).isZero();
        }
    }
}
