package dev.weft.ui;

import dev.weft.testing.Eventually;
import dev.weft.ui.settings.Settings;
import dev.weft.ui.settings.SettingsFile;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import java.awt.event.InputEvent;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real main window on a real demo vault in a temporary folder, driven by AssertJ-Swing's robot
 * under Xvfb. Waits are conditions on the window or the vault, never sleeps.
 */
abstract class WindowTestBase {
    static final Timeout PATIENCE = Timeout.timeout(Eventually.PATIENCE.toMillis());

    @TempDir
    Path dir;
    Vault vault;
    Robot robot;
    MainWindow window;
    FrameFixture frame;
    final CountDownLatch closed = new CountDownLatch(1);
    private final java.util.List<MainWindow> opened = new java.util.ArrayList<>();

    @BeforeAll
    static void checkThreads() {
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void openWindow() throws Exception {
        vault = DemoVault.create(dir.resolve("vault"));
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(20);
        window = open(Settings.defaults());
    }

    MainWindow open(Settings settings) {
        MainWindow opened = GuiActionRunner.execute(() -> {
            Looks.install(false);
            Workspace workspace = Workspace.local(vault);
            MainWindow w = new MainWindow(workspace, new SettingsKeeper(new SettingsFile(config()), settings),
                    history(workspace), closed::countDown);
            w.show();
            return w;
        });
        frame = new FrameFixture(robot, opened.frame);
        this.opened.add(opened);
        return opened;
    }

    /** Where the window's History panel reads (a test may give its own). */
    java.util.function.Supplier<dev.weft.client.NoteHistory> history(Workspace workspace) {
        return HistorySource.of(workspace);
    }

    Path config() {
        return dir.resolve("config");
    }

    @AfterEach
    void closeWindow() throws Exception {
        // a failed test may leave a modal dialog up, which would swallow the next test's input
        GuiActionRunner.execute(() -> {
            for (java.awt.Window open : java.awt.Window.getWindows()) {
                if (open instanceof java.awt.Dialog && open.isShowing()) {
                    open.dispose();
                }
            }
        });
        if (closed.getCount() > 0 && window.frame.isDisplayable()) {
            GuiActionRunner.execute(() -> window.close());
        }
        robot.cleanUp();
        opened.forEach(w -> w.settings.flush()); // its last write must not race the temp folder's deletion
        vault.close();
    }

    /** Opens a demo note and waits until the editor shows it. */
    UUID openNote(String name) {
        UUID id = DemoVault.note(vault, name).id();
        GuiActionRunner.execute(() -> window.openNote(id, null));
        waitFor("note " + name + " in the editor", () -> id.equals(onEdt(() -> window.openNote.current()))
                && onEdt(() -> window.area.isEditable()));
        return id;
    }

    String text(UUID id) {
        try {
            return vault.withReplica(id, NoteReplica::text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    NoteInfo info(UUID id) {
        return vault.note(id).orElseThrow();
    }

    static <T> T onEdt(java.util.concurrent.Callable<T> read) {
        return GuiActionRunner.execute(read);
    }

    /** The dialog named {@code name}, once it has the focus (so the robot's input reaches it). */
    DialogFixture dialog(String name) {
        DialogFixture dialog = WindowFinder.findDialog(name).withTimeout(PATIENCE.duration()).using(robot);
        waitFor("dialog " + name + " focused", () -> onEdt(() -> dialog.target().isFocused()));
        return dialog;
    }

    /**
     * Presses a button of a dialog. The robot's click on a dialog just shown is now and then lost
     * under Xvfb without a window manager (the dialog stays up, focused, its button never pressed),
     * while keys reach the focused window reliably: buttons are pressed on the event thread.
     */
    static void press(org.assertj.swing.fixture.JButtonFixture button) {
        javax.swing.JButton target = button.target();
        GuiActionRunner.execute(() -> target.doClick());
    }

    /** The name prompt, once its field has the focus. */
    JOptionPaneFixture namePrompt() {
        JOptionPaneFixture prompt = JOptionPaneFinder.findOptionPane().withTimeout(PATIENCE.duration()).using(robot);
        javax.swing.text.JTextComponent field = prompt.textBox("name.field").target();
        waitFor("the name field focused", () -> onEdt(field::isFocusOwner));
        return prompt;
    }

    /** Waits for {@code condition}; a timeout says what the window and the vault showed then. */
    void waitFor(String what, BooleanSupplier condition) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return condition.getAsBoolean();
            }

            @Override
            protected String descriptionAddendum() {
                return " (notes " + vault.notes().stream().map(n -> n.name() + (n.trashed() ? " [trash]" : "")).toList()
                        + ", open " + onEdt(() -> window.frame.getTitle()) + ", status '"
                        + onEdt(() -> window.status.component().getComponent(0) instanceof javax.swing.JLabel l
                                ? l.getText() : "") + "', windows " + onEdt(() -> java.util.Arrays.stream(
                                        java.awt.Window.getWindows()).filter(java.awt.Window::isShowing)
                                .map(w -> w.getName() + (w.isFocused() ? "*" : "")).toList()) + ")";
            }
        }, PATIENCE);
    }

    @SuppressWarnings("deprecation") // AssertJ-Swing maps the old InputEvent masks to modifier keys
    static KeyPressInfo ctrl(int keyCode) {
        return KeyPressInfo.keyCode(keyCode).modifiers(InputEvent.CTRL_MASK);
    }

    @SuppressWarnings("deprecation")
    static KeyPressInfo ctrlShift(int keyCode) {
        return KeyPressInfo.keyCode(keyCode).modifiers(InputEvent.CTRL_MASK, InputEvent.SHIFT_MASK);
    }
}
