package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ui.notes.TreeItem;
import dev.weft.vault.NoteInfo;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.fixture.JPopupMenuFixture;
import org.junit.jupiter.api.Test;

/** Delete, F2 and the right-click menu of the note tree act on the row selected there. */
class TreeCommandsGuiTest extends WindowTestBase {
    @Test
    void deleteOnAFolderAsksWithTheCountAndTrashesExactlyItsNotes() {
        UUID open = openNote("Reading list");
        frame.tree("notes.tree").selectPath("Journal");
        frame.tree("notes.tree").pressAndReleaseKeys(KeyEvent.VK_DELETE);
        JOptionPaneFixture confirm = confirm();
        confirm.requireMessage("Move 2 notes in Journal to the trash on every device?");
        press(confirm.buttonWithText("Cancel"));
        settled();
        assertThat(vault.notes()).noneMatch(NoteInfo::trashed);

        frame.textBox("editor").click(); // no window manager under Xvfb hands the focus back after a dialog
        frame.tree("notes.tree").pressAndReleaseKeys(KeyEvent.VK_DELETE);
        press(confirm().buttonWithText("Move to Trash"));
        waitFor("the journal in the trash", () -> trashed().equals(List.of("Journal/2026-11-24", "Journal/2026-11-25")));
        settled();
        assertThat(trashed()).containsExactly("Journal/2026-11-24", "Journal/2026-11-25");
        assertThat(onEdt(() -> window.openNote.current())).isEqualTo(open);
        waitFor("the folder gone from the tree", () -> !onEdt(() -> treeLabels()).contains("Journal"));
    }

    @Test
    void deleteOnASelectedNoteTrashesThatNoteNotTheOneOpenBefore() {
        UUID before = openNote("Reading list");
        UUID soup = DemoVault.note(vault, "Recipes/Lentil soup").id();
        frame.tree("notes.tree").selectPath("Recipes/Lentil soup");
        frame.tree("notes.tree").pressAndReleaseKeys(KeyEvent.VK_DELETE);
        waitFor("the soup in the trash", () -> info(soup).trashed());
        settled();
        assertThat(trashed()).containsExactly("Recipes/Lentil soup");
        assertThat(info(before).trashed()).isFalse();
    }

    @Test
    void f2InTheTreeRenamesTheSelectedNoteAndMovesTheSelectedFolder() {
        UUID open = openNote("Reading list");
        UUID soup = DemoVault.note(vault, "Recipes/Lentil soup").id();
        frame.tree("notes.tree").selectPath("Recipes/Lentil soup");
        frame.tree("notes.tree").pressAndReleaseKeys(KeyEvent.VK_F2);
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").requireText("Recipes/Lentil soup");
        prompt.textBox("name.field").setText("Recipes/Red lentil soup");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the soup renamed", () -> info(soup).name().equals("Recipes/Red lentil soup"));

        GuiActionRunner.execute(() -> window.openNote(open, null));
        waitFor("the list open again", () -> open.equals(onEdt(() -> window.openNote.current())));
        frame.tree("notes.tree").selectPath("Journal");
        frame.tree("notes.tree").pressAndReleaseKeys(KeyEvent.VK_F2);
        prompt = namePrompt();
        prompt.textBox("name.field").requireText("Journal");
        prompt.textBox("name.field").setText("Diary");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("both journal notes moved", () -> vault.notes().stream().filter(n -> n.name().startsWith("Diary/")).count() == 2);
        assertThat(info(open).name()).isEqualTo("Reading list");
    }

    @Test
    void theRightClickMenuMakesANoteInTheFolderUnderTheMouse() throws Exception {
        openNote("Reading list");
        JPopupMenuFixture menu = frame.tree("notes.tree").showPopupMenuAt("Journal");
        assertThat(onEdt(() -> window.list.item().path())).isEqualTo("Journal");
        assertThat(menu.menuLabels()).containsExactly("New Note Here…", "Rename or Move…", "Move to Trash",
                "Reveal in File Manager");
        screenshot(menu, Path.of("target", "tree-menu.png"));
        menu.menuItem("tree.New Note Here…").click();
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").requireText("Journal/");
        robot.enterText("Ideas");
        robot.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the note made in the journal", () -> vault.notes().stream().anyMatch(n -> n.name().equals("Journal/Ideas")));
    }

    @Test
    void theRightClickMenuRenamesAndTrashesTheRowUnderTheMouse() {
        openNote("Reading list");
        frame.tree("notes.tree").showPopupMenuAt("Recipes").menuItem("tree.Rename or Move…").click();
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").requireText("Recipes");
        prompt.textBox("name.field").setText("Kitchen");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the recipes moved", () -> vault.notes().stream().anyMatch(n -> n.name().equals("Kitchen/Lentil soup")));

        UUID launch = DemoVault.note(vault, DemoVault.SHOWN).id();
        frame.textBox("editor").click(); // no window manager under Xvfb hands the focus back after a dialog
        frame.tree("notes.tree").showPopupMenuAt("Projects/Weft launch").menuItem("tree.Move to Trash").click();
        waitFor("the launch note in the trash", () -> info(launch).trashed());
        frame.tree("notes.tree").selectPath("Reading list");

        frame.tree("notes.tree").showPopupMenuAt("Journal").menuItem("tree.Move to Trash").click();
        JOptionPaneFixture confirm = confirm();
        confirm.requireMessage("Move 2 notes in Journal to the trash on every device?");
        press(confirm.buttonWithText("Move to Trash"));
        waitFor("the journal in the trash", () -> trashed().size() == 3);
        settled();
        assertThat(trashed()).containsExactly("Journal/2026-11-24", "Journal/2026-11-25", DemoVault.SHOWN);
    }

    @Test
    void revealIsOnWhereTheDesktopCanShowFilesAndPointsAtTheNoteOrFolder() {
        JPopupMenuFixture menu = frame.tree("notes.tree").showPopupMenuAt("Recipes/Lentil soup");
        boolean enabled = onEdt(() -> menu.menuItem("tree.Reveal in File Manager").target().isEnabled());
        assertThat(enabled).isEqualTo(onEdt(FileReveal::supported));
        GuiActionRunner.execute(() -> menu.target().setVisible(false));
        NoteInfo soup = DemoVault.note(vault, "Recipes/Lentil soup");
        assertThat(FileReveal.target(vault.folder(), new TreeItem.Note(soup, "Lentil soup")))
                .isEqualTo(vault.folder().resolve("Recipes").resolve("Lentil soup.md")).exists();
        assertThat(FileReveal.target(vault.folder(), new TreeItem.Folder("Recipes", "Recipes")))
                .isEqualTo(vault.folder().resolve("Recipes")).isDirectory();
    }

    private JOptionPaneFixture confirm() {
        dialog("confirm");
        return JOptionPaneFinder.findOptionPane().withTimeout(PATIENCE.duration()).using(robot);
    }

    private List<String> trashed() {
        return vault.notes().stream().filter(NoteInfo::trashed).map(NoteInfo::name).sorted().toList();
    }

    private java.util.List<String> treeLabels() {
        List<String> labels = new java.util.ArrayList<>();
        javax.swing.JTree tree = window.list.tree();
        for (int row = 0; row < tree.getRowCount(); row++) {
            labels.add(tree.getPathForRow(row).getLastPathComponent().toString());
        }
        return labels;
    }

    /** Waits until the worker has done every job queued so far. */
    private void settled() {
        AtomicBoolean done = new AtomicBoolean();
        GuiActionRunner.execute(() -> window.jobs.run("", () -> true, d -> done.set(true)));
        waitFor("the worker's queue done", done::get);
    }

    /** The window with the menu open, for a person to look at. */
    private void screenshot(JPopupMenuFixture menu, Path file) throws Exception {
        Rectangle area = onEdt(() -> {
            Rectangle r = new Rectangle(window.frame.getLocationOnScreen(), window.frame.getSize());
            r.add(new Rectangle(menu.target().getLocationOnScreen(), menu.target().getSize()));
            return r;
        });
        Files.createDirectories(file.getParent());
        ImageIO.write(new java.awt.Robot().createScreenCapture(area), "png", file.toFile());
    }
}
