package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ui.text.EmojiFont;
import dev.weft.ui.text.EmojiListCellRenderer;
import dev.weft.ui.text.EmojiTreeCellRenderer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JTree;
import javax.swing.text.GlyphView;
import javax.swing.text.JTextComponent;
import javax.swing.text.Position;
import javax.swing.text.View;
import javax.swing.tree.TreePath;
import org.assertj.swing.edt.GuiActionRunner;
import org.fife.ui.rsyntaxtextarea.Token;
import org.junit.jupiter.api.Test;

/**
 * Emoji in the tree, the editor and the preview are drawn (with the bundled Noto Emoji: Java 17
 * draws no colour emoji font), and Left, Right, Backspace and Delete take a flag, a ZWJ family or a
 * skin-toned hand as one character. Writes target/emoji.png.
 */
class EmojiGuiTest extends WindowTestBase {
    private static final String PARTY = "\uD83C\uDF89";
    private static final String MEMO = "\uD83D\uDCDD";
    private static final String CHECK = "\u2705";
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    private static final String FRANCE = "\uD83C\uDDEB\uD83C\uDDF7";
    private static final String THUMB = "\uD83D\uDC4D\uD83C\uDFFD";
    private static final String HEART = "\u2764\uFE0F";
    private static final List<String> EMOJI = List.of(PARTY, MEMO, CHECK, FAMILY, FRANCE, THUMB, HEART);
    private static final String LINE = "Done " + String.join("", EMOJI) + " ok";

    @Test
    void emojiAreDrawnInTheTreeTheEditorAndThePreviewAndEditedAsOneCharacter() throws Exception {
        vault.create("Party " + PARTY, "# Plans " + MEMO + "\n\n" + LINE + "\n");
        UUID id = openNote("Party " + PARTY);
        JTextComponent editor = frame.textBox("editor").target();
        int lineStart = text(id).indexOf(LINE);
        int first = lineStart + "Done ".length();

        // Left and Right: one step per emoji, whatever its code points
        List<Integer> stops = new ArrayList<>();
        int at = first;
        for (String emoji : EMOJI) {
            stops.add(at);
            at += emoji.length();
        }
        stops.add(at);
        frame.textBox("editor").click();
        GuiActionRunner.execute(() -> editor.setCaretPosition(first));
        for (int i = 1; i < stops.size(); i++) {
            frame.textBox("editor").pressAndReleaseKeys(KeyEvent.VK_RIGHT);
            assertThat(onEdt(editor::getCaretPosition)).as("after Right %d", i).isEqualTo(stops.get(i));
        }
        for (int i = stops.size() - 2; i >= 0; i--) {
            frame.textBox("editor").pressAndReleaseKeys(KeyEvent.VK_LEFT);
            assertThat(onEdt(editor::getCaretPosition)).as("after Left to %d", i).isEqualTo(stops.get(i));
        }

        // a click inside the family lands at one of its ends
        java.awt.Point middle = onEdt(() -> {
            Rectangle from = editor.modelToView2D(stops.get(3)).getBounds();
            Rectangle to = editor.modelToView2D(stops.get(4)).getBounds();
            return new java.awt.Point((from.x + to.x) / 2 + 1, from.y + from.height / 2);
        });
        robot.click(editor, middle);
        assertThat(onEdt(editor::getCaretPosition)).isIn(stops.get(3), stops.get(4));

        // typed through an input method (how an emoji picker or IME hands over text), then erased
        int end = stops.get(stops.size() - 1);
        GuiActionRunner.execute(() -> editor.setCaretPosition(end));
        commit(editor, FAMILY + FRANCE);
        waitFor("the typed emoji in the note", () -> text(id).contains(LINE.replace(" ok", FAMILY + FRANCE + " ok")));
        frame.textBox("editor").pressAndReleaseKeys(KeyEvent.VK_BACK_SPACE);
        waitFor("the flag erased whole", () -> text(id).contains(LINE.replace(" ok", FAMILY + " ok")));
        frame.textBox("editor").pressAndReleaseKeys(KeyEvent.VK_BACK_SPACE);
        waitFor("the family erased whole", () -> text(id).contains(LINE));
        GuiActionRunner.execute(() -> editor.setCaretPosition(stops.get(4)));
        frame.textBox("editor").pressAndReleaseKeys(KeyEvent.VK_DELETE);
        waitFor("Delete takes the flag whole", () -> text(id).contains(LINE.replace(FRANCE, "")));
        frame.textBox("editor").pressAndReleaseKeys(KeyEvent.VK_BACK_SPACE);
        waitFor("Backspace takes the family whole", () -> text(id).contains(LINE.replace(FAMILY + FRANCE, "")));
        commit(editor, FAMILY + FRANCE);
        waitFor("both back", () -> text(id).contains(LINE));
        assertThat(text(id)).doesNotContain("\uFFFD");

        // the editor draws each emoji with a font that has it
        GuiActionRunner.execute(() -> editor.setCaretPosition(0));
        List<String> drawnWith = onEdt(() -> emojiTokenFonts(lineStart));
        assertThat(drawnWith).hasSize(1).allMatch(f -> f.startsWith(EmojiFont.FAMILY));
        Font emojiFont = onEdt(() -> window.area.getFontForToken(emojiToken(lineStart)));
        for (String emoji : EMOJI) {
            assertThat(emojiFont.canDisplayUpTo(emoji)).as(emoji).isEqualTo(-1);
        }

        // the preview puts them in the emoji font, with its ligatures (flags, skin tones) on
        waitFor("the preview with the emoji", () -> onEdt(() -> window.preview.pane().getText()).contains("class=\"emoji\""));
        Font previewFont = onEdt(() -> previewFontAt(FAMILY));
        assertThat(previewFont.getFamily()).isEqualTo(EmojiFont.FAMILY);
        assertThat(previewFont.hasLayoutAttributes()).isTrue();

        // the screen shows ink where each emoji is, in all three places
        frame.tree("notes.tree").selectPath("Party " + PARTY);
        GuiActionRunner.execute(() -> editor.setCaretPosition(0));
        robot.waitForIdle();
        BufferedImage screen = screenshot(Path.of("target", "emoji.png"));
        Rectangle frameAt = onEdt(() -> new Rectangle(window.frame.getLocationOnScreen(), window.frame.getSize()));
        int offset = first;
        for (String emoji : EMOJI) {
            int from = offset;
            Rectangle inEditor = onEdt(() -> onScreen(editor, editor.modelToView2D(from)
                    .createUnion(editor.modelToView2D(from + emoji.length() - 1))));
            assertThat(ink(screen, frameAt, inEditor)).as("ink of %s in the editor", emoji).isGreaterThan(15);
            offset += emoji.length();
        }
        Rectangle flagInPreview = onEdt(() -> {
            JTextComponent pane = window.preview.pane();
            int where = pane.getDocument().getText(0, pane.getDocument().getLength()).indexOf(FRANCE);
            return onScreen(pane, pane.modelToView2D(where).createUnion(pane.modelToView2D(where + FRANCE.length())));
        });
        assertThat(ink(screen, frameAt, flagInPreview)).as("ink of the flag in the preview").isGreaterThan(15);
        Rectangle partyInTree = onEdt(() -> {
            JTree tree = window.list.tree();
            TreePath path = tree.getSelectionPath();
            Rectangle row = tree.getPathBounds(path);
            Font font = tree.getFont();
            // the emoji is the row's last character
            return onScreen(tree, new Rectangle(row.x + row.width - font.getSize() - 4, row.y, font.getSize() + 4, row.height));
        });
        assertThat(ink(screen, frameAt, partyInTree)).as("ink of the party popper in the tree").isGreaterThan(15);
        assertThat(onEdt(() -> { // the row is drawn by the emoji renderer (the attachments' icons wrap it)
            JTree t = window.list.tree();
            TreePath selected = t.getSelectionPath();
            return t.getCellRenderer().getTreeCellRendererComponent(t, selected.getLastPathComponent(), true, false, true,
                    t.getRowForPath(selected), false);
        })).isInstanceOf(EmojiTreeCellRenderer.class);
        assertThat(EmojiFont.needed("Party " + PARTY, onEdt(() -> window.list.tree().getFont()))).isTrue();
    }

    @Test
    void quickOpenShowsEmojiInNoteNames() throws Exception {
        vault.create("Party " + PARTY, "cake\n");
        openNote("Reading list");
        frame.pressAndReleaseKey(ctrl(KeyEvent.VK_P));
        org.assertj.swing.fixture.DialogFixture quick = dialog("quickOpen");
        quick.textBox("quickOpen.query").enterText("party");
        javax.swing.JList<?> list = quick.list("quickOpen.list").target();
        waitFor("the party note listed", () -> onEdt(() -> list.getModel().getSize()) == 1);
        robot.waitForIdle();
        Rectangle dialogAt = onEdt(() -> new Rectangle(quick.target().getLocationOnScreen(), quick.target().getSize()));
        BufferedImage screen = new java.awt.Robot().createScreenCapture(dialogAt);
        ImageIO.write(screen, "png", Path.of("target", "emoji-quick-open.png").toFile());
        Rectangle party = onEdt(() -> {
            Rectangle row = list.getCellBounds(0, 0);
            int start = list.getInsets().left + 2 + list.getFontMetrics(list.getFont()).stringWidth("Party ");
            return onScreen(list, new Rectangle(start, row.y, list.getFont().getSize() + 6, row.height));
        });
        assertThat(ink(screen, dialogAt, party)).as("ink of the party popper in the list").isGreaterThan(15);
        // ink alone could be a missing-glyph box: the name goes through the emoji font's renderer
        java.awt.Component cell = onEdt(() -> firstCell(list));
        assertThat(cell).isInstanceOf(EmojiListCellRenderer.class);
        assertThat(EmojiFont.needed("Party " + PARTY, onEdt(list::getFont))).isTrue();
        quick.close();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.awt.Component firstCell(javax.swing.JList<?> list) {
        javax.swing.JList raw = list;
        return raw.getCellRenderer().getListCellRendererComponent(raw, raw.getModel().getElementAt(0), 0, false, false);
    }

    /**
     * Types {@code text} as an emoji picker or input method does: committed whole at the caret (the
     * robot's key events carry one UTF-16 unit each, half an emoji).
     */
    private static void commit(JTextComponent editor, String text) {
        GuiActionRunner.execute(() -> editor.replaceSelection(text));
    }

    /** The fonts of the tokens on the line at {@code lineStart} that hold emoji. */
    private List<String> emojiTokenFonts(int lineStart) throws Exception {
        List<String> fonts = new ArrayList<>();
        int line = window.area.getLineOfOffset(lineStart);
        for (Token t = window.area.getTokenListForLine(line); t != null && t.isPaintable(); t = t.getNextToken()) {
            if (t.getLexeme().codePoints().anyMatch(c -> c > 0x2000)) {
                fonts.add(window.area.getFontForToken(t).getFamily() + " " + t.getLexeme());
            }
        }
        return fonts;
    }

    private Token emojiToken(int lineStart) throws Exception {
        int line = window.area.getLineOfOffset(lineStart);
        for (Token t = window.area.getTokenListForLine(line); t != null && t.isPaintable(); t = t.getNextToken()) {
            if (t.getLexeme().startsWith(PARTY)) {
                return t;
            }
        }
        throw new AssertionError("no token starts with the party popper");
    }

    /** The font the preview's view draws {@code text} with. */
    private Font previewFontAt(String text) throws Exception {
        JTextComponent pane = window.preview.pane();
        int where = pane.getDocument().getText(0, pane.getDocument().getLength()).indexOf(text);
        View view = pane.getUI().getRootView(pane);
        while (view.getViewCount() > 0) {
            view = view.getView(view.getViewIndex(where, Position.Bias.Forward));
        }
        return ((GlyphView) view).getFont();
    }

    private static Rectangle onScreen(JComponent component, Rectangle2D area) {
        Rectangle r = area.getBounds();
        java.awt.Point at = component.getLocationOnScreen();
        r.translate(at.x, at.y);
        return r;
    }

    /** Pixels in {@code area} (on screen) unlike the colour at its top-left corner. */
    private static int ink(BufferedImage screen, Rectangle frame, Rectangle area) {
        Rectangle r = area.intersection(frame);
        int x0 = r.x - frame.x;
        int y0 = r.y - frame.y;
        int background = screen.getRGB(x0, y0);
        int count = 0;
        for (int y = y0; y < y0 + r.height; y++) {
            for (int x = x0; x < x0 + r.width; x++) {
                if (distance(screen.getRGB(x, y), background) > 80) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int distance(int a, int b) {
        Color ca = new Color(a);
        Color cb = new Color(b);
        return Math.abs(ca.getRed() - cb.getRed()) + Math.abs(ca.getGreen() - cb.getGreen())
                + Math.abs(ca.getBlue() - cb.getBlue());
    }

    /** The window as the screen shows it, for a person to look at too. */
    private BufferedImage screenshot(Path file) throws Exception {
        Rectangle area = onEdt(() -> new Rectangle(window.frame.getLocationOnScreen(), window.frame.getSize()));
        BufferedImage image = new java.awt.Robot().createScreenCapture(area);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return image;
    }
}
