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
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.awt.Component;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A window on a vault that syncs with a real server on 127.0.0.1: the status bar counts the notes of
 * a first sync ("n of m notes", uploads and pulls), and the Connect dialog shows the name the server
 * gave the device when its own was taken. Screenshots go to {@code target/}.
 */
class SyncStatusGuiTest {
    private static final Pattern COUNT = Pattern.compile("(\\d+) of (\\d+) notes");

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
    void aFirstSyncShowsNotesDoneOfTotalUploadsAndPullsAlike() throws Exception {
        Vault other = vault("other");
        SyncClient otherClient = client(other);
        otherClient.pair(server.pairingLink(), "other");
        for (int i = 0; i < 6; i++) {
            other.create("Journal/day " + i, "# Day " + i + "\n\nWritten on the other device.\n");
        }
        otherClient.syncOnce(PATIENCE);

        Vault vault = vault("laptop");
        for (int i = 0; i < 3; i++) {
            vault.create("Ideas/idea " + i, "# Idea " + i + "\n\nWritten here before pairing.\n");
        }
        SyncClient client = client(vault);
        client.pair(server.pairingLink(), "laptop");
        window = window(vault, Optional.of(client), Optional.empty());
        JLabel count = robot.finder().findByName(window.frame, "status.progressText", JLabel.class, false);
        List<String> shown = new CopyOnWriteArrayList<>();
        Path screenshot = Path.of("target", "sync-progress.png");
        Files.deleteIfExists(screenshot);
        GuiActionRunner.execute(() -> count.addPropertyChangeListener("text", e -> {
            String text = (String) e.getNewValue();
            shown.add(text);
            Matcher m = COUNT.matcher(text);
            if (m.matches() && m.group(2).equals("9") && Integer.parseInt(m.group(1)) >= 5 && count.isVisible()
                    && !Files.exists(screenshot)) {
                save(window.frame.getRootPane(), screenshot); // while pulling: what the user sees then
            }
        }));

        JLabel connection = robot.finder().findByName(window.frame, "status.connection", JLabel.class, false);
        client.start();
        eventually("all nine notes here and synced", () -> vault.notes().size() == 9
                && onEdt(connection::getText).equals("Synced"));
        eventually("the count ended", () -> shown.contains("9 of 9 notes"));
        assertThat(shown).as("the uploads counted, then the pulls added once listed, then each pull done")
                .contains("0 of 3 notes", "3 of 3 notes", "3 of 9 notes", "5 of 9 notes", "8 of 9 notes");
        assertThat(shown.stream().filter(t -> t.endsWith(" of 9 notes")).map(t -> Integer.parseInt(t.split(" ")[0])))
                .as("the count only goes up").isSorted();
        assertThat(onEdt(count::isVisible)).as("hidden once all are done").isFalse();
        assertThat(screenshot).exists();
    }

    @Test
    void theConnectDialogShowsTheNameTheServerGaveWhenTheAskedOneWasTaken() throws Exception {
        Vault first = vault("first");
        client(first).pair(server.pairingLink(), "vm");

        Vault vault = vault("second");
        SyncClient client = client(vault);
        window = window(vault, Optional.of(client), Optional.of(new PairingConnector(client)));
        // the Sync menu's item, clicked without its pop-up (which a loaded Xvfb now and then never shows)
        javax.swing.JMenuItem connect = onEdt(() -> menuItem(window.frame.getJMenuBar(), "Sync", "Connect to Server…"));
        javax.swing.SwingUtilities.invokeLater(connect::doClick);
        DialogFixture dialog = WindowFinder.findDialog("connect").withTimeout(PATIENCE.toMillis()).using(robot);
        dialog.textBox("connect.link").setText(server.pairingLink().toString());
        dialog.textBox("connect.name").setText("vm");
        WindowTestBase.press(dialog.button("connect.go"));

        eventually("the dialog says which name the device got", () -> onEdt(() -> dialog.label("connect.message")
                .target().getText()).contains("<b>vm (2)</b>"));
        assertThat(onEdt(() -> dialog.textBox("connect.name").target().getText())).isEqualTo("vm (2)");
        assertThat(onEdt(() -> dialog.button("connect.go").target().getText())).isEqualTo("Close");
        save(((javax.swing.JDialog) dialog.target()).getRootPane(), Path.of("target", "paired-name.png"));
        JLabel status = robot.finder().findByName(window.frame, "status.message", JLabel.class, false);
        assertThat(onEdt(status::getText)).isEqualTo("Paired with the server as vm (2); syncing");
        WindowTestBase.press(dialog.button("connect.go"));
        eventually("the dialog closed", () -> !onEdt(() -> dialog.target().isShowing()));
        assertThat(vault.device().isPaired()).isTrue();
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

    private MainWindow window(Vault vault, Optional<SyncClient> sync, Optional<Connector> connector) {
        Path config = dir.resolve(vault.folder().getFileName() + "-config");
        return GuiActionRunner.execute(() -> {
            Looks.install(false);
            MainWindow w = new MainWindow(new Workspace(vault, sync, connector),
                    new SettingsKeeper(new SettingsFile(config), Settings.defaults()), () -> { });
            w.show();
            w.frame.setBounds(0, 0, 900, 560);
            return w;
        });
    }

    /** Paints {@code c} as it is now, laid out, into a PNG (on the event thread). */
    private static void save(Component c, Path file) {
        Runnable paint = () -> {
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
        };
        if (javax.swing.SwingUtilities.isEventDispatchThread()) {
            paint.run();
        } else {
            GuiActionRunner.execute(paint::run);
        }
    }

    private static <T> T onEdt(Callable<T> read) {
        return GuiActionRunner.execute(read);
    }

    private static javax.swing.JMenuItem menuItem(javax.swing.JMenuBar bar, String menu, String item) {
        for (int m = 0; m < bar.getMenuCount(); m++) {
            javax.swing.JMenu candidate = bar.getMenu(m);
            if (candidate != null && candidate.getText().equals(menu)) {
                for (int i = 0; i < candidate.getItemCount(); i++) {
                    javax.swing.JMenuItem it = candidate.getItem(i);
                    if (it != null && it.getText().equals(item)) {
                        return it;
                    }
                }
            }
        }
        throw new AssertionError("no menu item " + menu + " › " + item);
    }
}
