package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ui.notes.Headings;
import dev.weft.ui.notes.TextCounts;
import java.awt.Component;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JListFixture;
import org.junit.jupiter.api.Test;

/** The Tags and Outline panels, search as you type, the counts in the status bar and the shortcuts sheet, on a real window. */
class NotePanelsGuiTest extends WindowTestBase {

    @Test
    void theTagsPanelCountsTagsFollowsEditsAndSearchesByTag() throws Exception {
        vault.create("Work/Plans", "# Plans\n\nQ1 #work/plans and #todo, not `#code` nor issue #12\n");
        vault.create("Work/Meetings", "Monday #work/meetings #todo\n");
        waitFor("the tags counted", () -> onEdt(this::tagRows).equals(List.of("todo  (2)", "work  (2)")));
        UUID plans = openNote("Work/Plans");
        GuiActionRunner.execute(() -> window.side.show("Tags"));
        // typing a tag in the open note shows in the panel without a save or a reopen
        frame.textBox("editor").click();
        GuiActionRunner.execute(() -> window.area.setCaretPosition(window.area.getDocument().getLength()));
        frame.textBox("editor").enterText("#idea ");
        waitFor("the typed tag", () -> onEdt(this::tagRows).equals(List.of("idea  (1)", "todo  (2)", "work  (2)")));
        GuiActionRunner.execute(() -> window.tags.tree().expandRow(2));
        waitFor("nested tags under their parent", () -> onEdt(this::tagRows).equals(
                List.of("idea  (1)", "todo  (2)", "work  (2)", "meetings  (1)", "plans  (1)")));
        frame.tree("tags.tree").clickRow(4);
        DialogFixture search = dialog("search");
        search.textBox("search.query").requireText("tag:work/plans");
        waitFor("the tagged note found", () -> onEdt(() -> search.table("search.results").target().getRowCount()) == 1
                && "Work/Plans".equals(onEdt(() -> search.table("search.results").target().getValueAt(0, 0))));
        shoot(window.frame, Path.of("target", "tags-panel.png"));
        assertThat(text(plans)).contains("#idea");
    }

    @Test
    void theOutlineFollowsTheCaretAndJumpsToAHeading() throws Exception {
        openNote(DemoVault.SHOWN);
        GuiActionRunner.execute(() -> window.side.show("Outline"));
        JListFixture outline = frame.list("outline.list");
        waitFor("the headings listed", () -> List.of(outline.contents()).equals(List.of("Weft launch", "Checklist")));
        GuiActionRunner.execute(() -> window.area.setCaretPosition(window.area.getText().indexOf("Tell the book club")));
        waitFor("the caret's section chosen", () -> onEdt(() -> outline.target().getSelectedIndex()) == 1);
        GuiActionRunner.execute(() -> window.area.setCaretPosition(5));
        waitFor("the first section chosen", () -> onEdt(() -> outline.target().getSelectedIndex()) == 0);
        outline.clickItem(1);
        int heading = onEdt(() -> window.area.getText().indexOf("## Checklist"));
        waitFor("the caret at the heading", () -> onEdt(() -> window.area.getCaretPosition()) == heading);
        assertThat(onEdt(() -> window.area.isFocusOwner())).isTrue();
        // a heading typed in shows once the typing stops
        frame.textBox("editor").enterText("## Later\n");
        waitFor("the new heading", () -> List.of(outline.contents()).equals(List.of("Weft launch", "Later", "Checklist")));
        assertThat(onEdt(() -> Headings.of(window.area.getText()).size())).isEqualTo(3);
        shoot(window.frame, Path.of("target", "outline-panel.png"));
    }

    @Test
    void searchFindsAsYouTypeOneRowPerNoteIgnoringAccents() throws Exception {
        UUID naive = vault.create("Words/Naïve", "A naïve idea.\nStill NAIVE, and naive once more.\n").id();
        vault.create("Words/Other", "Nothing here but a naive line\n");
        openNote("Reading list");
        frame.pressAndReleaseKey(ctrlShift(KeyEvent.VK_F));
        DialogFixture search = dialog("search");
        search.textBox("search.query").enterText("naive"); // no Enter: results come as you type
        JTable results = search.table("search.results").target();
        waitFor("one row per note, most matches first", () -> onEdt(results::getRowCount) == 2
                && "Words/Naïve".equals(onEdt(() -> results.getValueAt(0, 0))));
        assertThat(onEdt(() -> results.getValueAt(0, 1))).isEqualTo("3");
        assertThat(onEdt(() -> (String) results.getValueAt(0, 2))).contains(">naïve</b> idea.");
        search.label("search.summary").requireText("4 matches in 2 notes");
        shoot(search.target(), Path.of("target", "search-as-you-type.png"));
        search.textBox("search.query").deleteText().enterText("\"naive once\" path:words");
        waitFor("the phrase in one note", () -> onEdt(results::getRowCount) == 1);
        search.textBox("search.query").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the note open at the phrase", () -> naive.equals(onEdt(() -> window.openNote.current()))
                && "naive once".equals(onEdt(() -> window.area.getSelectedText())));
    }

    @Test
    void theStatusBarCountsTheNoteAndTheSelection() {
        openNote("Recipes/Lentil soup");
        JLabel counts = frame.label("status.counts").target();
        String whole = onEdt(() -> TextCounts.of(window.area.getText()).describe());
        waitFor("the note's counts", () -> onEdt(counts::getText).equals(whole));
        assertThat(whole).isEqualTo("11 words, 64 characters");
        GuiActionRunner.execute(() -> window.area.select(2, 13)); // "Lentil soup"
        waitFor("the selection's counts", () -> onEdt(counts::getText).equals("Selected: 2 words, 11 characters"));
        GuiActionRunner.execute(() -> window.area.setCaretPosition(0));
        waitFor("the note's counts again", () -> onEdt(counts::getText).equals(whole));
        frame.textBox("editor").enterText("Red ");
        waitFor("the typing counted", () -> onEdt(counts::getText).equals("12 words, 68 characters"));
    }

    @Test
    void theShortcutsSheetListsTheBindingsTheWindowHas() throws Exception {
        frame.menuItemWithPath("Help", "Keyboard Shortcuts").click();
        DialogFixture sheet = dialog("shortcuts");
        JTable table = sheet.table("shortcuts.table").target();
        List<String> rows = onEdt(() -> {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < table.getRowCount(); i++) {
                all.add(table.getValueAt(i, 0) + " | " + table.getValueAt(i, 1) + " | " + table.getValueAt(i, 2));
            }
            return all;
        });
        assertThat(rows).contains("Window | Search All Notes… | Ctrl+Shift+F", "Window | Redo | Ctrl+Y",
                "Window | Redo | Ctrl+Shift+Z", "Window | Paste | Ctrl+V", "Note list | Move to Trash | Delete");
        shoot(sheet.target(), Path.of("target", "shortcuts.png"));
        press(sheet.button("shortcuts.close"));
    }

    private List<String> tagRows() {
        JTree tree = window.tags.tree();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < tree.getRowCount(); i++) {
            rows.add(String.valueOf(((DefaultMutableTreeNode) tree.getPathForRow(i).getLastPathComponent()).getUserObject()));
        }
        return rows;
    }

    private static void shoot(Component component, Path file) throws Exception {
        Rectangle area = onEdt(() -> new Rectangle(component.getLocationOnScreen(), component.getSize()));
        BufferedImage image = new java.awt.Robot().createScreenCapture(area);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
