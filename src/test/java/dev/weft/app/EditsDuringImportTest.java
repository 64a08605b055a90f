package dev.weft.app;

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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 §5: a device watching its vault imports 300 notes dropped into it while another program
 * appends numbered lines to them; the watcher stops as the import ends (its last bursts unhandled),
 * then one more {@code weft sync}: a fresh device must have every appended line. Lines went missing
 * for good when a file was stamped after it was read (docs/vault.md, "Stamps"): the one-shot sync
 * took an append in between for known.
 */
class EditsDuringImportTest {
    private static final int NOTES = 300;
    /** Stops the other program if the import never ends. */
    private static final int MAX_APPENDS = 100_000;

    @TempDir
    Path dir;

    @Test
    void everyLineAppendedWhileNotesAreImportedReachesAFreshDevice() throws Exception {
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent())) {
            Path a = dir.resolve("a");
            assertThat(weft("sync", "--vault", a.toString(), "--pair", server.pairingLink().toString(),
                    "--name", "laptop")).isZero();

            List<Path> dropped = new ArrayList<>();
            int appended = 0;
            // what `weft sync --watch` runs: the watcher and a live connection
            Vault watched = Vault.open(a, VaultOptions.defaults());
            SyncClient live = new SyncClient(watched, SyncOptions.defaults());
            try {
                watched.startWatching();
                live.start();
                Random random = new Random(11);
                for (int i = 0; i < NOTES; i++) {
                    Path file = a.resolve("dropped " + i + ".md");
                    Files.writeString(file, "note " + i + "\n");
                    dropped.add(file);
                }
                // another program appends while the notes are imported (its pace would hold the
                // watcher's burst open before that: a burst ends after 150 ms without events)
                eventually("the import began", () -> !watched.notes().isEmpty());
                while (watched.notes().size() < NOTES && appended < MAX_APPENDS) {
                    Path file = dropped.get(random.nextInt(NOTES));
                    Files.writeString(file, "appended line " + ++appended + "\n", StandardOpenOption.APPEND);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // the other program's pace
                }
                assertThat(watched.notes()).as("notes imported").hasSize(NOTES);
            } finally {
                // stopped at once, like a Ctrl-C at any moment: the watcher's last events go unhandled
                live.close();
                watched.close();
            }

            assertThat(weft("sync", "--vault", a.toString())).isZero();
            Path fresh = dir.resolve("fresh");
            assertThat(weft("sync", "--vault", fresh.toString(), "--pair", server.pairingLink().toString(),
                    "--name", "new phone")).isZero();

            int arrived = 0;
            List<String> differ = new ArrayList<>();
            for (Path file : dropped) {
                Path copy = fresh.resolve(file.getFileName().toString());
                String text = Files.exists(copy) ? Files.readString(copy) : "";
                if (!text.equals(Files.readString(file))) {
                    differ.add(copy.getFileName().toString());
                }
                try (Stream<String> lines = text.lines()) {
                    arrived += (int) lines.filter(l -> l.startsWith("appended line ")).count();
                }
            }
            assertThat(arrived).as("lines appended (%d) that reached the fresh device", appended).isEqualTo(appended);
            assertThat(differ).as("notes the fresh device has otherwise").isEmpty();
        }
    }

    private int weft(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = new Launcher(print, print, new Places(dir.resolve("Weft"), dir.resolve("data"),
                dir.resolve("config")), stop -> { }).run(args);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return exit;
    }
}
