package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ui.links.LinkIndex;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.event.HyperlinkEvent;
import org.assertj.swing.core.MouseButton;
import org.assertj.swing.core.matcher.JButtonMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.JListFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.junit.jupiter.api.Test;

/** The Backlinks panel, completion after [[, Ctrl+click and preview clicks, and links kept by a rename. */
class LinksGuiTest extends WindowTestBase {
    private UUID ideas;
    private UUID plans;

    private void linkedNotes() throws Exception {
        ideas = vault.create("Ideas", "# Ideas\n\nSee [[Ideas#Top]].\n").id();
        plans = vault.create("Journal/Plans", "Read [[Ideas|my ideas]] today.\nMore ideas later.\n`[[Ideas]]` in code.\n").id();
    }

    @Test
    void theBacklinksPanelFollowsTheNotesAndOpensAMentionAtItsPlace() throws Exception {
        linkedNotes();
        openNote("Ideas");
        JListFixture linked = frame.list("backlinks.linked");
        JListFixture unlinked = frame.list("backlinks.unlinked");
        waitFor("Plans' link listed", () -> onEdt(() -> linked.target().getModel().getSize() == 1
                && ((LinkIndex.Mention) linked.target().getModel().getElementAt(0)).note().equals(plans)));
        waitFor("unlinked mentions listed", () -> onEdt(() -> contexts(unlinked).containsAll(
                List.of("More ideas later.", "Long walk by the river. Ideas for the garden."))));
        assertThat(onEdt(() -> contexts(unlinked))).doesNotContain("`[[Ideas]]` in code.");
        screenshot(Path.of("target", "backlinks.png"));

        linked.clickItem(0);
        waitFor("Plans open", () -> plans.equals(onEdt(() -> window.openNote.current())));
        waitFor("the link selected", () -> "[[Ideas|my ideas]]".equals(onEdt(() -> window.area.getSelectedText())));

        // completion after [[, typed in Plans: Enter writes the shortest name and closes the link
        JTextComponentFixture editor = frame.textBox("editor");
        GuiActionRunner.execute(() -> window.area.setCaretPosition(window.area.getDocument().getLength()));
        editor.enterText("Also [[jou");
        LinkCompletionProbe probe = new LinkCompletionProbe();
        waitFor("completion shown", probe::showing);
        assertThat(probe.first()).isEqualTo("Journal/Plans");
        editor.pressAndReleaseKeys(KeyEvent.VK_DOWN, KeyEvent.VK_UP, KeyEvent.VK_ENTER);
        waitFor("the link written", () -> text(plans).endsWith("Also [[Plans]]"));

        // the index follows the typing: Plans now links to itself, not a backlink; Ideas still has one
        openNote("Ideas");
        waitFor("Ideas' backlinks", () -> onEdt(() -> linked.target().getModel().getSize() == 1));
    }

    @Test
    void ctrlClickAndThePreviewOpenNotesAndARenameRewritesTheirLinks() throws Exception {
        linkedNotes();
        openNote("Journal/Plans");
        ctrlClick(window.area.getText().indexOf("my ideas"));
        waitFor("Ideas opened by Ctrl+click", () -> ideas.equals(onEdt(() -> window.openNote.current())));

        // the preview's wikilink
        openNote("Journal/Plans");
        GuiActionRunner.execute(() -> window.setPreviewVisible(true));
        JEditorPane pane = window.preview.pane();
        waitFor("the wikilink rendered as a link", () -> onEdt(pane::getText).contains("#wikilink/Ideas"));
        GuiActionRunner.execute(() -> pane.fireHyperlinkUpdate(new HyperlinkEvent(pane, HyperlinkEvent.EventType.ACTIVATED,
                null, "#wikilink/Ideas")));
        waitFor("Ideas opened from the preview", () -> ideas.equals(onEdt(() -> window.openNote.current())));

        // rename Ideas (open): Plans' link and Ideas' own link follow; the code span does not
        frame.textBox("editor").pressAndReleaseKeys(KeyEvent.VK_F2); // F2 in the editor renames the open note
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").setText("Archive/Thoughts");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("Plans' link rewritten", () -> text(plans).startsWith("Read [[Thoughts|my ideas]] today.\nMore ideas later.\n`[[Ideas]]` in code."));
        waitFor("the open note's own link rewritten", () -> text(ideas).equals("# Ideas\n\nSee [[Thoughts#Top]].\n"));
        waitFor("the count said", () -> status().equals("Renamed to “Archive/Thoughts”; 2 links in 2 notes updated"));
        // Edit › Undo (the window has no focus owner after the prompt under Xvfb: no robot keys)
        GuiActionRunner.execute(() -> window.openNote.undoAction().actionPerformed(null));
        waitFor("Undo takes the open note's rewrite back", () -> text(ideas).equals("# Ideas\n\nSee [[Ideas#Top]].\n"));

        // a link to a missing note: created once the user agrees
        openNote("Journal/Plans");
        GuiActionRunner.execute(() -> window.area.append("\n[[Brand new]]"));
        waitFor("the new link saved", () -> text(plans).endsWith("[[Brand new]]"));
        ctrlClick(onEdt(() -> window.area.getText().indexOf("Brand new")));
        press(dialog("confirm").button(JButtonMatcher.withText("Create")));
        waitFor("Brand new created and open", () -> vault.notes().stream().anyMatch(n -> n.name().equals("Brand new")
                && n.id().equals(onEdt(() -> window.openNote.current()))));
    }

    private void ctrlClick(int offset) {
        Point at = onEdt(() -> {
            Rectangle2D r = window.area.modelToView2D(offset + 1);
            return new Point((int) r.getCenterX(), (int) r.getCenterY());
        });
        robot.pressKey(KeyEvent.VK_CONTROL);
        try {
            robot.click(window.area, at, MouseButton.LEFT_BUTTON, 1);
        } finally {
            robot.releaseKey(KeyEvent.VK_CONTROL);
        }
    }

    private String status() {
        return onEdt(() -> ((JLabel) window.status.component().getComponent(0)).getText());
    }

    private static java.util.List<String> contexts(JListFixture list) {
        var model = list.target().getModel();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < model.getSize(); i++) {
            out.add(((LinkIndex.Mention) model.getElementAt(i)).context());
        }
        return out;
    }

    private void screenshot(Path file) throws Exception {
        Rectangle area = onEdt(() -> new Rectangle(window.frame.getLocationOnScreen(), window.frame.getSize()));
        Files.createDirectories(file.getParent());
        ImageIO.write(new java.awt.Robot().createScreenCapture(area), "png", file.toFile());
    }

    /** The completion list, found among the windows (it is a focus-less window of its own). */
    private static final class LinkCompletionProbe {
        boolean showing() {
            return onEdt(() -> list() != null && list().isShowing() && list().getModel().getSize() > 0);
        }

        String first() {
            return onEdt(() -> ((dev.weft.vault.NoteInfo) list().getModel().getElementAt(0)).name());
        }

        private static javax.swing.JList<?> list() {
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if ("links.completion.popup".equals(w.getName()) && w.isShowing()) {
                    return (javax.swing.JList<?>) find(w);
                }
            }
            return null;
        }

        private static java.awt.Component find(java.awt.Container c) {
            for (java.awt.Component child : c.getComponents()) {
                if ("links.completion".equals(child.getName())) {
                    return child;
                }
                if (child instanceof java.awt.Container inner) {
                    java.awt.Component found = find(inner);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
