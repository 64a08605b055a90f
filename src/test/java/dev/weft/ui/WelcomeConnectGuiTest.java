package dev.weft.ui;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncException;
import dev.weft.client.SyncOptions;
import dev.weft.protocol.Limits;
import dev.weft.protocol.PairingLink;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.ui.settings.Settings;
import dev.weft.ui.settings.SettingsFile;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.WelcomeNote;
import java.awt.Component;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device that chose "Start Writing" at its first run (so it got the welcome note) and joins an
 * account later through Sync → Connect to Server…, in a real window, with a real server and a device
 * already in the account (issue 13 §4): the account ends with one welcome note, not
 * {@code Welcome to Weft (2)}; an edited welcome note is the user's and syncs; an account without one
 * gets this device's. The tree after connecting is saved to {@code target/welcome-joined.png}.
 */
class WelcomeConnectGuiTest {
    @TempDir
    Path dir;
    private WeftServer server;
    private Robot robot;
    private final List<AutoCloseable> open = new ArrayList<>();
    private MainWindow window;

    @BeforeAll
    static void checkThreads() {
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void start() throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent());
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(20);
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            GuiActionRunner.execute(() -> window.close());
        }
        robot.cleanUp();
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.close();
    }

    @Test
    void anUnchangedWelcomeNoteIsLeftOutWhenTheAccountHasOne() throws Exception {
        Vault laptop = vault("laptop");
        UUID accounts = Welcome.addTo(laptop, FirstRunDialog.Then.NOTHING).orElseThrow().id();
        laptop.create("Journal/Monday", "# Monday\n\nWritten on the laptop.\n");
        SyncClient laptopSync = client(laptop);
        laptopSync.pair(server.pairingLink(), "laptop");
        laptopSync.syncOnce(PATIENCE);

        Vault desk = firstRunThenWrite("desk", "Ideas", "# Ideas\n\nWritten on the desk before connecting.\n");
        UUID own = WelcomeNote.untouched(desk).orElseThrow();
        connect(desk);

        eventually("the account's notes here, the desk's own welcome note gone", () -> names(desk)
                .equals(List.of("Ideas", "Journal/Monday", WelcomeNote.NAME)));
        assertThat(desk.note(own)).isEmpty();
        assertThat(desk.notes().stream().filter(n -> n.name().equals(WelcomeNote.NAME)).findFirst().orElseThrow().id())
                .isEqualTo(accounts);
        assertThat(Files.exists(desk.folder().resolve(".weft/docs/" + own + ".md.latest_ops"))).isFalse();
        laptopSync.syncOnce(PATIENCE);
        assertThat(names(laptop)).as("nothing went up twice").containsExactly("Ideas", "Journal/Monday", WelcomeNote.NAME);
        eventually("the account's welcome note in the editor in place of the one set aside",
                () -> accounts.equals(onEdt(window.openNote::current)));
        save(window.frame.getRootPane(), Path.of("target", "welcome-joined.png"));
    }

    @Test
    void anEditedWelcomeNoteIsTheUsersAndSyncs() throws Exception {
        Vault laptop = vault("laptop");
        Welcome.addTo(laptop, FirstRunDialog.Then.NOTHING).orElseThrow();
        SyncClient laptopSync = client(laptop);
        laptopSync.pair(server.pairingLink(), "laptop");
        laptopSync.syncOnce(PATIENCE);

        Vault desk = vault("desk");
        UUID own = Welcome.addTo(desk, FirstRunDialog.Then.NOTHING).orElseThrow().id();
        desk.replica(own).insertUtf16(0, "My own notes on Weft.\n\n");
        assertThat(WelcomeNote.untouched(desk)).isEmpty();
        connect(desk);

        eventually("both welcome notes here", () -> names(desk).equals(List.of(WelcomeNote.NAME, WelcomeNote.NAME + " (2)")));
        laptopSync.syncOnce(PATIENCE);
        NoteInfo edited = laptop.notes().stream().filter(n -> n.id().equals(own)).findFirst().orElseThrow();
        assertThat(laptop.withReplica(edited.id(), NoteReplica::text)).startsWith("My own notes on Weft.");
    }

    @Test
    void anAccountWithoutAWelcomeNoteGetsThisDevicesAfterTheFirstSync() throws Exception {
        Vault laptop = vault("laptop");
        laptop.create("Journal/Monday", "# Monday\n\nWritten on the laptop.\n");
        SyncClient laptopSync = client(laptop);
        laptopSync.pair(server.pairingLink(), "laptop");
        laptopSync.syncOnce(PATIENCE);

        Vault desk = firstRunThenWrite("desk", "Ideas", "# Ideas\n");
        connect(desk);

        eventually("the welcome note back after the first sync", () -> names(desk)
                .equals(List.of("Ideas", "Journal/Monday", WelcomeNote.NAME)));
        eventually(() -> {
            laptopSync.syncOnce(PATIENCE);
            assertThat(names(laptop)).as("in the account").containsExactly("Ideas", "Journal/Monday", WelcomeNote.NAME);
        });
    }

    /** A first run's "Start Writing": the welcome note, open in the window, then a note of the user's. */
    private Vault firstRunThenWrite(String name, String note, String text) throws IOException {
        Vault vault = vault(name);
        Welcome.addTo(vault, FirstRunDialog.Then.NOTHING).orElseThrow();
        vault.create(note, text);
        return vault;
    }

    /** Opens the window on the welcome note and connects with the Connect to Server dialog. */
    private void connect(Vault vault) throws Exception {
        SyncClient client = client(vault);
        window = window(vault, client);
        UUID welcome = vault.notes().stream().filter(n -> n.name().equals(WelcomeNote.NAME)).findFirst().orElseThrow().id();
        GuiActionRunner.execute(() -> window.openNote(welcome, null));
        eventually("the welcome note open", () -> welcome.equals(onEdt(window.openNote::current)));
        // what Sync → Connect to Server… runs (the menu's pop-up is flaky under a bare Xvfb; the dialog is driven)
        javax.swing.SwingUtilities.invokeLater(() -> new ConnectActions(window).connect());
        DialogFixture dialog = WindowFinder.findDialog("connect").withTimeout(PATIENCE.toMillis()).using(robot);
        dialog.textBox("connect.link").setText(server.pairingLink().toString());
        dialog.textBox("connect.name").setText(vault.folder().getFileName().toString());
        WindowTestBase.press(dialog.button("connect.go"));
        eventually("the dialog closed", () -> !onEdt(() -> dialog.target().isShowing()));
        JLabel connection = robot.finder().findByName(window.frame, "status.connection", JLabel.class, false);
        eventually("synced", () -> onEdt(connection::getText).equals("Synced"));
    }

    private static List<String> names(Vault vault) {
        return vault.notes().stream().filter(n -> !n.trashed()).map(NoteInfo::name).sorted().toList();
    }

    /** Pairs as the app's connector does ({@code app.HostedServer#pair}, which this package cannot reach). */
    private record PairingConnector(SyncClient client) implements Connector {
        @Override
        public String pair(String link, String deviceName) throws ConnectFailure {
            try {
                return client.pair(PairingLink.parse(link), deviceName);
            } catch (SyncException | IOException e) {
                throw new ConnectFailure(e.getMessage(), e);
            }
        }

        @Override
        public String host(String deviceName) {
            throw new UnsupportedOperationException("not hosted in this test");
        }

        @Override
        public void close() {
        }
    }

    private Vault vault(String name) throws IOException {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        open.add(vault);
        return vault;
    }

    private SyncClient client(Vault vault) {
        SyncClient client = new SyncClient(vault, SyncOptions.defaults());
        open.add(client);
        return client;
    }

    private MainWindow window(Vault vault, SyncClient sync) {
        Path config = dir.resolve(vault.folder().getFileName() + "-config");
        return GuiActionRunner.execute(() -> {
            Looks.install(false);
            MainWindow w = new MainWindow(new Workspace(vault, Optional.of(sync), Optional.of(new PairingConnector(sync))),
                    new SettingsKeeper(new SettingsFile(config), Settings.defaults()), () -> { });
            w.show();
            w.frame.setBounds(0, 0, 900, 560);
            return w;
        });
    }

    /** Paints {@code c} as it is now, laid out, into a PNG (on the event thread). */
    private static void save(Component c, Path file) {
        GuiActionRunner.execute(() -> {
            c.validate();
            BufferedImage image = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            c.printAll(g);
            g.dispose();
            try {
                Files.createDirectories(file.getParent());
                ImageIO.write(image, "png", file.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static <T> T onEdt(Callable<T> read) {
        return GuiActionRunner.execute(read);
    }
}
