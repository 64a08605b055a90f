package dev.weft.app;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.WelcomeNote;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft sync --pair} in-process against a real server, on vaults the window gave a welcome note
 * (issue 13 §4): an unchanged, never-sent one gives way to the account's, comes back if the account has
 * none, and an edited one syncs.
 */
class WelcomePairCommandTest {
    @TempDir
    Path dir;
    WeftServer server;
    ByteArrayOutputStream err;

    @BeforeEach
    void start() throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Places places = new Places(dir.resolve("Weft"), dir.resolve("data"), dir.resolve("config"));
        return new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                places, stop -> { }).run(args);
    }

    private int pair(Path vault, String name) {
        return run("sync", "--vault", vault.toString(), "--pair", server.pairingLink().toString(), "--name", name);
    }

    /** A vault as the window's "Start Writing" leaves it: the welcome note and one note of the user's. */
    private Path startedAlone(String name, String note) throws Exception {
        Path folder = dir.resolve(name);
        try (Vault vault = Vault.open(folder, VaultOptions.defaults())) {
            WelcomeNote.create(vault);
            vault.create(note, "# " + note + "\n");
        }
        return folder;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Vault vault = Vault.open(folder, VaultOptions.defaults())) {
            return vault.notes().stream().filter(n -> !n.trashed()).map(NoteInfo::name).sorted().toList();
        }
    }

    private static UUID welcomeId(Path folder) throws Exception {
        try (Vault vault = Vault.open(folder, VaultOptions.defaults())) {
            return vault.notes().stream().filter(n -> n.name().equals(WelcomeNote.NAME)).findFirst().orElseThrow().id();
        }
    }

    @Test
    void anUnchangedWelcomeNoteGivesWayToTheAccounts() throws Exception {
        Path laptop = startedAlone("laptop", "Journal");
        assertThat(pair(laptop, "laptop")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(names(laptop)).as("the account had none: the laptop's stays")
                .containsExactly("Journal", WelcomeNote.NAME);
        UUID accounts = welcomeId(laptop);

        Path desk = startedAlone("desk", "Ideas");
        assertThat(pair(desk, "desk")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(names(desk)).containsExactly("Ideas", "Journal", WelcomeNote.NAME);
        assertThat(welcomeId(desk)).as("the account's welcome note").isEqualTo(accounts);

        assertThat(run("sync", "--vault", laptop.toString())).isZero();
        assertThat(names(laptop)).as("no Welcome to Weft (2) went up").containsExactly("Ideas", "Journal", WelcomeNote.NAME);
        assertThat(Files.list(desk).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Welcome")))
                .containsExactly(WelcomeNote.NAME + ".md");
    }

    @Test
    void theAccountWithoutAWelcomeNoteGetsTheJoiningDevicesAndTheOtherDeviceSeesIt() throws Exception {
        Path laptop = dir.resolve("laptop");
        Files.createDirectories(laptop);
        Files.writeString(laptop.resolve("Journal.md"), "# Journal\n");
        assertThat(pair(laptop, "laptop")).isZero();

        Path desk = startedAlone("desk", "Ideas");
        assertThat(pair(desk, "desk")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(names(desk)).containsExactly("Ideas", "Journal", WelcomeNote.NAME);

        assertThat(run("sync", "--vault", laptop.toString())).isZero();
        assertThat(names(laptop)).as("sent by the same --pair run").containsExactly("Ideas", "Journal", WelcomeNote.NAME);
    }

    @Test
    void watchTakesItsOwnBackWhenTheAccountHasNone() throws Exception {
        Path laptop = dir.resolve("laptop");
        Files.createDirectories(laptop);
        Files.writeString(laptop.resolve("Journal.md"), "# Journal\n");
        assertThat(pair(laptop, "laptop")).isZero();

        Path desk = startedAlone("desk", "Ideas");
        List<Runnable> stops = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Launcher launcher = new Launcher(print, print, new Places(dir.resolve("Weft"), dir.resolve("data"), dir.resolve("config")),
                stops::add);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread watching = new Thread(() -> exit.set(launcher.run(new String[] {"sync", "--vault", desk.toString(),
                "--pair", server.pairingLink().toString(), "--name", "desk", "--watch"})));
        watching.start();
        try {
            eventually(() -> {
                assertThat(run("sync", "--vault", laptop.toString())).isZero();
                assertThat(names(laptop)).as("the desk's welcome note in the account")
                        .containsExactly("Ideas", "Journal", WelcomeNote.NAME);
            });
        } finally {
            stops.forEach(Runnable::run);
            watching.join(60_000);
        }
        assertThat(exit.get()).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void anEditedWelcomeNoteIsTheUsersAndSyncs() throws Exception {
        Path laptop = startedAlone("laptop", "Journal");
        assertThat(pair(laptop, "laptop")).isZero();

        Path desk = startedAlone("desk", "Ideas");
        Files.writeString(desk.resolve(WelcomeNote.NAME + ".md"), "# Mine now\n", StandardCharsets.UTF_8);
        assertThat(pair(desk, "desk")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(names(desk)).containsExactly("Ideas", "Journal", WelcomeNote.NAME, WelcomeNote.NAME + " (2)");

        assertThat(run("sync", "--vault", laptop.toString())).isZero();
        assertThat(names(laptop)).containsExactly("Ideas", "Journal", WelcomeNote.NAME, WelcomeNote.NAME + " (2)");
    }
}
