package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ui.notes.TreeItem;
import dev.weft.vault.NoteInfo;
import java.awt.event.KeyEvent;
import java.util.UUID;
import javax.swing.tree.DefaultMutableTreeNode;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;

class MainWindowTest extends WindowTestBase {
    @Test
    void aNewNoteIsNamedFromThePromptAndTakesTyping() {
        frame.menuItemWithPath("File", "New Note…").click();
        JOptionPaneFixture prompt = namePrompt();
        // the open note's folder is proposed in a focused field, the caret after it: typing adds the name
        prompt.textBox("name.field").requireFocused().requireText("Journal/");
        robot.enterText("Ideas/First thoughts");
        robot.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the new note open", () -> onEdt(() -> window.openNote.current()) != null
                && onEdt(() -> window.frame.getTitle()).startsWith("Journal/Ideas/First thoughts"));
        UUID id = onEdt(() -> window.openNote.current());
        frame.textBox("editor").click(); // no window manager under Xvfb hands the focus back after the prompt
        frame.textBox("editor").enterText("Hello, Weft");
        waitFor("the typing in the note", () -> text(id).equals("Hello, Weft"));
        assertThat(info(id).name()).isEqualTo("Journal/Ideas/First thoughts");
        waitFor("the note in the tree", () -> onEdt(() -> treeLabels()).containsAll(java.util.List.of("Journal", "Ideas", "First thoughts")));
        waitFor("the preview showing the typing", () -> onEdt(() -> window.preview.pane().getText()).contains("Hello, Weft"));
    }

    @Test
    void aNoteLeftUnnamedTakesItsFirstLineAsItsNameUntilRenamedByHand() {
        frame.pressAndReleaseKey(ctrl(KeyEvent.VK_N));
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").setText("");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        UUID id = untitledNoteOpen("Untitled");
        frame.textBox("editor").click(); // no window manager under Xvfb hands the focus back after the prompt
        frame.textBox("editor").enterText("# Shopping list\nmilk");
        waitFor("the typing in the note", () -> text(id).equals("# Shopping list\nmilk"));
        waitFor("the note named from its first line", () -> info(id).name().equals("Shopping list"));
        waitFor("the title following", () -> onEdt(() -> window.frame.getTitle()).startsWith("Shopping list"));

        frame.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F2));
        prompt = namePrompt();
        prompt.textBox("name.field").setText("Groceries");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the note renamed by hand", () -> info(id).name().equals("Groceries"));
        frame.textBox("editor").click();
        GuiActionRunner.execute(() -> window.area.setCaretPosition(2));
        frame.textBox("editor").enterText("Weekly ");
        waitFor("the typing in the note", () -> text(id).equals("# Weekly Shopping list\nmilk"));
        settled();
        assertThat(info(id).name()).isEqualTo("Groceries");
    }

    @Test
    void aNoteNamedAtThePromptKeepsThatNameWhateverItsFirstLine() {
        frame.pressAndReleaseKey(ctrl(KeyEvent.VK_N));
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").setText("Groceries");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        UUID id = untitledNoteOpen("Groceries");
        frame.textBox("editor").click();
        frame.textBox("editor").enterText("# Shopping list\nmilk");
        waitFor("the typing in the note", () -> text(id).equals("# Shopping list\nmilk"));
        settled();
        assertThat(info(id).name()).isEqualTo("Groceries");
        assertThat(onEdt(() -> window.frame.getTitle())).startsWith("Groceries");
    }

    @Test
    void openingAnotherNoteEndsTheNamingFromTheFirstLineAfterALastRename() {
        frame.pressAndReleaseKey(ctrl(KeyEvent.VK_N));
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").setText("");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        UUID id = untitledNoteOpen("Untitled");
        frame.textBox("editor").click();
        frame.textBox("editor").enterText("Plans");
        openNote("Reading list"); // most likely before the typing has been quiet long enough: renamed at once
        waitFor("the note named from its first line", () -> info(id).name().equals("Plans"));
        GuiActionRunner.execute(() -> window.openNote(id, null));
        waitFor("the note open again", () -> id.equals(onEdt(() -> window.openNote.current())));
        frame.textBox("editor").click();
        GuiActionRunner.execute(() -> window.area.setCaretPosition(0));
        frame.textBox("editor").enterText("Old ");
        waitFor("the typing in the note", () -> text(id).equals("Old Plans"));
        settled();
        assertThat(info(id).name()).isEqualTo("Plans");
    }

    /** Waits for the new note {@code name} in the editor, ready for typing. */
    private UUID untitledNoteOpen(String name) {
        waitFor("the new note " + name + " open", () -> {
            UUID open = onEdt(() -> window.openNote.current());
            return open != null && info(open).name().equals(name) && onEdt(() -> window.area.isEditable());
        });
        return onEdt(() -> window.openNote.current());
    }

    /** Waits until no rename from a first line waits for the typing to stop, and the worker has done what it was given. */
    private void settled() {
        waitFor("no rename waiting", () -> !onEdt(() -> window.namer.waiting()));
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        GuiActionRunner.execute(() -> window.jobs.run("", () -> true, d -> done.set(true)));
        waitFor("the worker's queue done", done::get);
    }

    @Test
    void renameMovesANoteAndAFolderMovesWithItsNotes() {
        UUID soup = openNote("Recipes/Lentil soup");
        frame.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F2));
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").setText("Kitchen/Soups/Lentil");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the note renamed", () -> info(soup).name().equals("Kitchen/Soups/Lentil"));
        waitFor("the title following", () -> onEdt(() -> window.frame.getTitle()).startsWith("Kitchen/Soups/Lentil"));

        frame.tree("notes.tree").selectPath("Journal");
        frame.tree("notes.tree").pressAndReleaseKeys(KeyEvent.VK_F2); // F2 in the editor renames the open note
        prompt = namePrompt();
        prompt.textBox("name.field").setText("Diary");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("both journal notes moved", () -> vault.notes().stream().filter(n -> n.name().startsWith("Diary/")).count() == 2);
        assertThat(vault.notes()).extracting(NoteInfo::name).noneMatch(n -> n.startsWith("Journal/"));
    }

    @Test
    void trashedNotesComeBackFromTheTrash() {
        UUID list = openNote("Reading list");
        frame.menuItemWithPath("File", "Move to Trash").click();
        waitFor("the note in the trash", () -> info(list).trashed());
        waitFor("the editor empty", () -> onEdt(() -> window.openNote.current()) == null);
        waitFor("the note gone from the tree", () -> !onEdt(() -> treeLabels()).contains("Reading list"));

        frame.menuItemWithPath("File", "Trash…").click();
        DialogFixture trash = dialog("trash");
        javax.swing.JTable rows = trash.table("trash.table").target();
        // on the event thread: the robot's click on a dialog just shown is now and then lost under load
        GuiActionRunner.execute(() -> rows.setRowSelectionInterval(0, 0)); // the first (only) note
        waitFor("restore enabled", () -> onEdt(() -> trash.button("trash.restore").target().isEnabled()));
        press(trash.button("trash.restore"));
        waitFor("the note restored", () -> !info(list).trashed());
        waitFor("and open again", () -> list.equals(onEdt(() -> window.openNote.current())));
        waitFor("the note back in the tree", () -> onEdt(() -> treeLabels()).contains("Reading list"));
        press(trash.button("trash.close"));
    }

    @Test
    void quickOpenFindsANoteByLettersInOrder() {
        frame.pressAndReleaseKey(ctrl(KeyEvent.VK_P));
        DialogFixture quick = dialog("quickOpen");
        quick.textBox("quickOpen.query").enterText("lntl");
        waitFor("the soup first", () -> onEdt(() -> quick.list("quickOpen.list").target().getModel().getSize()) > 0
                && onEdt(() -> quick.list("quickOpen.list").target().getSelectedValue().toString()).contains("Lentil"));
        quick.textBox("quickOpen.query").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        UUID soup = DemoVault.note(vault, "Recipes/Lentil soup").id();
        waitFor("the soup open", () -> soup.equals(onEdt(() -> window.openNote.current())));
        assertThat(onEdt(() -> window.area.getText())).startsWith("# Lentil soup");
    }

    @Test
    void theEditorsMenuUndoesTypingAndUndoIsOnTheKeysToo() {
        UUID id = openNote("Reading list");
        String before = text(id);
        frame.textBox("editor").click();
        GuiActionRunner.execute(() -> window.area.setCaretPosition(0));
        frame.textBox("editor").enterText("Later: ");
        waitFor("the typing in the note", () -> text(id).equals("Later: " + before));
        frame.textBox("editor").showPopupMenu().menuItem("popup.Undo").click();
        waitFor("the typing undone", () -> text(id).equals(before));
        frame.textBox("editor").pressAndReleaseKey(ctrlShift(KeyEvent.VK_Z));
        waitFor("and redone", () -> text(id).equals("Later: " + before));
        frame.textBox("editor").pressAndReleaseKey(ctrl(KeyEvent.VK_Z));
        waitFor("and undone by key", () -> text(id).equals(before));
    }

    @Test
    void anotherProgramsEditToTheFileShowsInPlaceAndKeepsWhatTheUserTyped() throws Exception {
        vault.startWatching();
        UUID id = openNote("Reading list");
        String before = text(id);
        frame.textBox("editor").click();
        GuiActionRunner.execute(() -> window.area.setCaretPosition(window.area.getDocument().getLength()));
        frame.textBox("editor").enterText("\nmine");
        waitFor("the typing in the note", () -> text(id).equals(before + "\nmine"));
        waitFor("the typing in the file", () -> fileText("Reading list").equals(before + "\nmine"));
        java.nio.file.Files.writeString(vault.folder().resolve("Reading list.md"), "From the other editor\n" + before + "\nmine");
        waitFor("the other program's line in the editor",
                () -> onEdt(() -> window.area.getText()).equals("From the other editor\n" + before + "\nmine"));
        frame.textBox("editor").enterText(" too");
        waitFor("typing goes on where the caret was",
                () -> text(id).equals("From the other editor\n" + before + "\nmine too"));
    }

    private String fileText(String name) {
        try {
            return java.nio.file.Files.readString(vault.folder().resolve(name + ".md"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void thePreviewRendersAndCanBeHiddenAndShownAgain() {
        openNote(DemoVault.SHOWN);
        waitFor("the table rendered", () -> onEdt(() -> window.preview.pane().getText()).contains("<table"));
        assertThat(onEdt(() -> window.preview.pane().getText())).contains("<s>").contains("task done").contains("<pre");
        frame.menuItemWithPath("View", "Show Preview").click();
        assertThat(onEdt(() -> window.previewVisible())).isFalse();
        frame.pressAndReleaseKey(ctrl(KeyEvent.VK_E));
        waitFor("the preview back", () -> onEdt(() -> window.previewVisible()));
    }

    @Test
    void findSelectsTheNextMatchAndReplaceAllReplacesEveryOne() {
        UUID id = openNote("Projects/Weft launch");
        frame.pressAndReleaseKey(ctrl(KeyEvent.VK_F));
        frame.textBox("find.text").requireFocused().enterText("synced");
        frame.textBox("find.text").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the match selected", () -> "synced".equals(onEdt(() -> window.area.getSelectedText())));
        frame.textBox("find.replace").enterText("in sync");
        frame.button("find.replaceAll").click();
        javax.swing.JLabel result = frame.label("find.result").target();
        waitFor("two replaced", () -> onEdt(result::getText).equals("2 replaced"));
        waitFor("the replacement in the note", () -> text(id).contains("| Desktop | hosts       | in sync  |") && !text(id).contains("synced"));
        frame.textBox("find.text").pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        assertThat(onEdt(() -> window.findBar.component().isVisible())).isFalse();
    }

    @Test
    void searchAcrossNotesOpensTheNoteWithTheMatchSelected() {
        openNote("Reading list");
        frame.pressAndReleaseKey(ctrlShift(KeyEvent.VK_F));
        DialogFixture search = dialog("search");
        search.textBox("search.query").enterText("LENTILS\n");
        waitFor("one match", () -> onEdt(() -> search.table("search.results").target().getRowCount()) == 1);
        search.label("search.summary").requireText("1 match in 1 note");
        search.table("search.results").requireCellValue(org.assertj.swing.data.TableCell.row(0).column(1), "1");
        search.table("search.results").requireSelectedRows(0).pressAndReleaseKeys(KeyEvent.VK_ENTER);
        UUID soup = DemoVault.note(vault, "Recipes/Lentil soup").id();
        waitFor("the soup open at the match", () -> soup.equals(onEdt(() -> window.openNote.current()))
                && "Lentils".equals(onEdt(() -> window.area.getSelectedText())));
    }

    @Test
    void filteringTheListKeepsMatchingNotesAndTheirFolders() {
        frame.textBox("notes.filter").enterText("2026");
        waitFor("only the journal", () -> onEdt(() -> treeLabels()).equals(java.util.List.of("Journal", "2026-11-24", "2026-11-25")));
        frame.textBox("notes.filter").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        UUID first = DemoVault.note(vault, "Journal/2026-11-24").id();
        waitFor("the first match open", () -> first.equals(onEdt(() -> window.openNote.current())));
    }

    @Test
    void aFailureIsASentenceInTheStatusBar() {
        frame.menuItemWithPath("File", "New Note…").click();
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").setText("bad/../name");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        javax.swing.JLabel message = frame.label("status.message").target();
        waitFor("the problem shown", () -> onEdt(message::getText).startsWith("Could not create “bad/../name”"));
        assertThat(onEdt(message::getText)).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** The labels of the visible tree rows, top to bottom. */
    private java.util.List<String> treeLabels() {
        javax.swing.JTree tree = window.list.tree();
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int row = 0; row < tree.getRowCount(); row++) {
            Object item = ((DefaultMutableTreeNode) tree.getPathForRow(row).getLastPathComponent()).getUserObject();
            labels.add(((TreeItem) item).toString());
        }
        return labels;
    }
}
