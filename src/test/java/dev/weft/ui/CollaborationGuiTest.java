package dev.weft.ui;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncOptions;
import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.ui.settings.Settings;
import dev.weft.ui.settings.SettingsFile;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.swing.JLabel;
import javax.swing.text.Highlighter;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two main windows on two vaults, paired with one real server on 127.0.0.1, editing one note live:
 * the robot types into each window as a person would.
 */
class CollaborationGuiTest {

    @TempDir
    Path dir;
    private WeftServer server;
    private Robot robot;
    private final List<Side> sides = new ArrayList<>();

    /** One person: a vault, its sync client and its window. */
    private record Side(Vault vault, SyncClient client, MainWindow window, FrameFixture frame) {
    }

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
        for (Side side : sides) {
            GuiActionRunner.execute(() -> side.window().close());
        }
        robot.cleanUp();
        for (Side side : sides) {
            side.client().close();
            side.vault().close();
        }
        server.close();
    }

    @Test
    void eachWindowSeesTheOthersTypingAndCaretAndUndoKeepsTheCollaboratorsText() throws Exception {
        Side alice = side("alice", 0);
        UUID id = alice.vault().create("Shared", "hello world").id();
        alice.client().syncOnce(PATIENCE);
        Side bob = side("bob", 660);
        bob.client().syncOnce(PATIENCE);
        open(alice, id);
        open(bob, id);
        eventually("each sees the other in the note", () -> peers(alice).contains("bob") && peers(bob).contains("alice"));

        // alice's caret after "hello"; bob types at the start, before it
        GuiActionRunner.execute(() -> alice.window().area.setCaretPosition(5));
        focus(bob);
        GuiActionRunner.execute(() -> bob.window().area.setCaretPosition(0));
        bob.frame().textBox("editor").enterText(">> ");
        eventually("bob's typing in alice's window", () -> areaText(alice).equals(">> hello world"));
        assertThat(onEdt(() -> alice.window().area.getCaretPosition())).as("alice's caret stays after hello").isEqualTo(8);
        eventually("bob's caret drawn in alice's window after his typing", () -> caretsShown(alice).contains(3));

        // alice types at the end, bob adds after it; alice's undo takes back only her text
        focus(alice);
        GuiActionRunner.execute(() -> alice.window().area.setCaretPosition(alice.window().area.getDocument().getLength()));
        alice.frame().textBox("editor").enterText(" A1");
        eventually("alice's typing in bob's window", () -> areaText(bob).equals(">> hello world A1"));
        focus(bob);
        GuiActionRunner.execute(() -> bob.window().area.setCaretPosition(bob.window().area.getDocument().getLength()));
        bob.frame().textBox("editor").enterText(" B2");
        eventually("bob's second typing in alice's window", () -> areaText(alice).equals(">> hello world A1 B2"));
        focus(alice);
        alice.frame().textBox("editor").pressAndReleaseKey(WindowTestBase.ctrl(KeyEvent.VK_Z));
        eventually("alice's text gone on both sides, bob's kept",
                () -> areaText(alice).equals(">> hello world B2") && areaText(bob).equals(">> hello world B2"));
        assertThat(text(alice, id)).isEqualTo(">> hello world B2");
        assertThat(text(bob, id)).isEqualTo(">> hello world B2");
    }

    private Side side(String name, int x) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults());
        client.pair(server.pairingLink(), name);
        client.start();
        Path config = dir.resolve(name + "-config");
        MainWindow window = GuiActionRunner.execute(() -> {
            Looks.install(false);
            MainWindow w = new MainWindow(new Workspace(vault, Optional.of(client), Optional.empty()),
                    new SettingsKeeper(new SettingsFile(config), Settings.defaults()), () -> { });
            w.show();
            w.frame.setBounds(x, 0, 640, 560);
            return w;
        });
        Side side = new Side(vault, client, window, new FrameFixture(robot, window.frame));
        sides.add(side);
        return side;
    }

    /**
     * Gives the side's editor the keyboard focus. Xvfb has no window manager to move the focus
     * between two windows on a click, so the window is brought to the front and asked for it.
     */
    private static void focus(Side side) {
        GuiActionRunner.execute(() -> {
            side.window().frame.toFront();
            side.window().area.requestFocus();
        });
        eventually("the editor focused", () -> onEdt(() -> side.window().area.isFocusOwner()));
    }

    private static void open(Side side, UUID id) {
        GuiActionRunner.execute(() -> side.window().openNote(id, null));
        eventually("the note open in the editor", () -> id.equals(onEdt(() -> side.window().openNote.current()))
                && onEdt(() -> side.window().area.isEditable()));
    }

    /** The status bar's "Here too: …" (hidden while nobody else is in the note). */
    private String peers(Side side) {
        JLabel label = robot.finder().findByName(side.window().frame, "status.peers", JLabel.class, false);
        return onEdt(label::getText);
    }

    private static String areaText(Side side) {
        return onEdt(() -> side.window().area.getText());
    }

    /** Offsets of the collaborators' carets drawn in the side's editor (zero-width highlights). */
    private static List<Integer> caretsShown(Side side) {
        return onEdt(() -> {
            List<Integer> offsets = new ArrayList<>();
            for (Highlighter.Highlight h : side.window().area.getHighlighter().getHighlights()) {
                if (h.getStartOffset() == h.getEndOffset()) {
                    offsets.add(h.getStartOffset());
                }
            }
            return offsets;
        });
    }

    private static String text(Side side, UUID id) {
        try {
            return side.vault().withReplica(id, NoteReplica::text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T onEdt(Callable<T> read) {
        return GuiActionRunner.execute(read);
    }
}
