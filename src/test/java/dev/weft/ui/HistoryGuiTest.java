package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.NoteHistory;
import dev.weft.client.NoteHistory.AuthorSpan;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextPane;
import javax.swing.text.AttributeSet;
import javax.swing.text.Element;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

/**
 * The History panel on a hand-made history of the demo's reading list: versions listed, a
 * version's text with who wrote it, its difference from now, Restore and one Undo, and the line
 * it shows without a server.
 */
class HistoryGuiTest extends WindowTestBase {
    private static final String NOTE = "Reading list";
    private static final String FIRST = "- *The Mythical Man-Month*\n";
    private static final String SECOND = FIRST + "- *Dune*\n- *Gödel, Escher, Bach*\n";
    private static final String NOW = "- *The Mythical Man-Month*\n- *A Pattern Language*\n";

    private final FakeNoteHistory history = new FakeNoteHistory(NOTE)
            .version("2026-12-01T09:00:00Z", "2026-12-01T09:04:00Z", List.of("laptop"), FIRST.length(), 0, FIRST,
                    new AuthorSpan(0, FIRST.length(), "laptop"))
            .version("2026-12-03T18:10:00Z", "2026-12-03T18:12:30Z", List.of("laptop", "phone"),
                    SECOND.length() - FIRST.length(), 0, SECOND,
                    new AuthorSpan(0, FIRST.length(), "laptop"), new AuthorSpan(FIRST.length(), SECOND.length(), "phone"))
            .version("2026-12-05T07:30:00Z", "2026-12-05T07:31:00Z", List.of("laptop"), 22, 31, NOW,
                    new AuthorSpan(0, FIRST.length(), "laptop"), new AuthorSpan(FIRST.length(), NOW.length(), "laptop"));

    @Override
    Supplier<NoteHistory> history(Workspace workspace) {
        return () -> history;
    }

    @Test
    void showsAVersionWithItsAuthorsAndChangesRestoresItAndOneUndoTakesItBack() throws Exception {
        UUID id = openNote(NOTE);
        frame.textBox("editor").pressAndReleaseKey(ctrlShift(KeyEvent.VK_H));
        DialogFixture panel = dialog("history");
        JTable table = panel.table("history.versions").target();
        waitFor("three versions, newest first", () -> onEdt(() -> table.getRowCount() == 3
                && table.getValueAt(0, 0).equals(3) && table.getValueAt(2, 0).equals(1)));
        assertThat(onEdt(() -> table.getValueAt(1, 2))).isEqualTo("laptop, phone");
        assertThat(onEdt(() -> table.getValueAt(1, 3))).isEqualTo("+" + (SECOND.length() - FIRST.length()) + " −0");

        JTextPane text = (JTextPane) panel.textBox("history.text").target();
        JTextPane diff = robot.finder().findByName(panel.target(), "history.diff", JTextPane.class, false); // another tab
        waitFor("the newest version's text", () -> onEdt(text::getText).equals(NOW));
        select(table, 1);
        waitFor("version 2's text", () -> onEdt(text::getText).equals(SECOND));
        assertThat(onEdt(() -> panel.label("history.status").target().getText())).startsWith("Version 2 · ");
        assertThat(onEdt(() -> panel.label("history.author.laptop").target().isShowing())).isTrue();
        assertThat(onEdt(() -> panel.label("history.author.phone").target().isShowing())).isTrue();
        int inDune = SECOND.indexOf("Dune");
        assertThat(onEdt(() -> text.getToolTipText(mouseAt(text, inDune)))).isEqualTo("Written on phone");
        assertThat(onEdt(() -> text.getToolTipText(mouseAt(text, 4)))).isEqualTo("Written on laptop");
        assertThat(onEdt(() -> background(text, inDune))).isNotEqualTo(onEdt(() -> background(text, 4)));

        waitFor("the difference from now", () -> onEdt(diff::getText).contains("Dune"));
        assertThat(onEdt(() -> runs(diff, true))).as("removed since version 2").containsExactly("- *Dune*\n- *Gödel, Escher, Bach*\n");
        assertThat(onEdt(() -> runs(diff, false))).as("added since").containsExactly("- *A Pattern Language*\n");
        screenshot(panel, Path.of("target", "history.png"));
        JTabbedPane tabs = robot.finder().findByName(panel.target(), "history.tabs", JTabbedPane.class, true);
        GuiActionRunner.execute(() -> tabs.setSelectedIndex(1));
        waitFor("the changes shown", () -> onEdt(diff::isShowing));
        screenshot(panel, Path.of("target", "history-diff.png"));
        GuiActionRunner.execute(() -> tabs.setSelectedIndex(0));

        press(panel.button("history.restore"));
        waitFor("the editor holds version 2", () -> onEdt(() -> window.area.getText()).equals(SECOND));
        assertThat(text(id)).as("made in the note, so it syncs").isEqualTo(SECOND);
        waitFor("nothing left to tell apart", () -> onEdt(() -> runs(diff, true).isEmpty() && runs(diff, false).isEmpty()));
        assertThat(onEdt(() -> window.status.component().getComponent(0) instanceof javax.swing.JLabel l ? l.getText() : ""))
                .isEqualTo("Restored version 2 of “Reading list” (Undo takes it back)");

        press(panel.button("history.close"));
        frame.textBox("editor").click(); // no window manager under Xvfb hands the focus back
        frame.textBox("editor").pressAndReleaseKey(ctrl(KeyEvent.VK_Z));
        waitFor("one undo brings the text back", () -> onEdt(() -> window.area.getText()).equals(NOW));
        assertThat(text(id)).isEqualTo(NOW);

        GuiActionRunner.execute(() -> window.restyle(true));
        frame.textBox("editor").pressAndReleaseKey(ctrlShift(KeyEvent.VK_H));
        DialogFixture dark = dialog("history");
        JTable again = dark.table("history.versions").target();
        waitFor("three versions again", () -> onEdt(again::getRowCount) == 3);
        JTextPane shown = (JTextPane) dark.textBox("history.text").target();
        select(again, 1);
        waitFor("version 2's text", () -> onEdt(shown::getText).equals(SECOND));
        JTextPane changes = robot.finder().findByName(dark.target(), "history.diff", JTextPane.class, false);
        waitFor("its changes", () -> onEdt(changes::getText).contains("Dune"));
        screenshot(dark, Path.of("target", "history-dark.png"));
        JTabbedPane darkTabs = robot.finder().findByName(dark.target(), "history.tabs", JTabbedPane.class, true);
        GuiActionRunner.execute(() -> darkTabs.setSelectedIndex(1));
        waitFor("the changes shown", () -> onEdt(changes::isShowing));
        screenshot(dark, Path.of("target", "history-diff-dark.png"));
        GuiActionRunner.execute(() -> window.restyle(false));
        press(dark.button("history.close"));
    }

    @Test
    void withoutTheServerThePanelSaysSoInOneLine() {
        history.reachable = false;
        openNote(NOTE);
        frame.menuItemWithPath("File", "History…").click();
        DialogFixture panel = dialog("history");
        waitFor("the line", () -> onEdt(() -> panel.label("history.status").target().getText())
                .equals("History needs the server: not connected"));
        assertThat(onEdt(() -> panel.table("history.versions").target().getRowCount())).isZero();
        assertThat(onEdt(() -> panel.button("history.restore").target().isEnabled())).isFalse();
        press(panel.button("history.close"));
    }

    /** Chooses a row on the event thread and waits for it (a robot click on a dialog is now and then lost). */
    private void select(JTable table, int row) {
        GuiActionRunner.execute(() -> table.setRowSelectionInterval(row, row));
        waitFor("row " + row + " chosen", () -> onEdt(table::getSelectedRow) == row);
    }

    private static MouseEvent mouseAt(JTextPane pane, int offset) throws Exception {
        Rectangle at = pane.modelToView2D(offset).getBounds();
        return new MouseEvent(pane, MouseEvent.MOUSE_MOVED, 0, 0, at.x + 1, at.y + at.height / 2, 0, false);
    }

    private static Object background(JTextPane pane, int offset) {
        return StyleConstants.getBackground(((StyledDocument) pane.getDocument()).getCharacterElement(offset).getAttributes());
    }

    /** The highlighted runs of the difference (across paragraphs): struck through (removed) or not (added). */
    private static List<String> runs(JTextPane pane, boolean struck) throws Exception {
        StyledDocument doc = (StyledDocument) pane.getDocument();
        List<String> out = new ArrayList<>();
        int lastEnd = -1;
        for (int at = 0; at < doc.getLength(); ) {
            Element run = doc.getCharacterElement(at);
            AttributeSet attrs = run.getAttributes();
            int end = Math.min(run.getEndOffset(), doc.getLength());
            if (attrs.isDefined(StyleConstants.Background) && StyleConstants.isStrikeThrough(attrs) == struck) {
                String text = doc.getText(run.getStartOffset(), end - run.getStartOffset());
                if (run.getStartOffset() == lastEnd) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + text);
                } else {
                    out.add(text);
                }
                lastEnd = end;
            }
            at = run.getEndOffset();
        }
        return out;
    }

    private static void screenshot(DialogFixture dialog, Path file) throws Exception {
        Rectangle area = onEdt(() -> new Rectangle(dialog.target().getLocationOnScreen(), dialog.target().getSize()));
        BufferedImage image = new java.awt.Robot().createScreenCapture(area);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
