package dev.weft.ui.editor;

import dev.weft.ui.text.Graphemes;
import java.awt.event.ActionEvent;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.ActionMap;
import javax.swing.SwingConstants;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultEditorKit;
import javax.swing.text.Document;
import javax.swing.text.Element;
import javax.swing.text.JTextComponent;
import javax.swing.text.NavigationFilter;
import javax.swing.text.Position;
import javax.swing.text.Segment;

/**
 * Left and Right (with or without Shift) step over one user-perceived character ({@link Graphemes}):
 * a flag, a ZWJ family, a thumbs-up with its skin tone, a letter with its accents. Delete erases that
 * character whole; Backspace erases a whole emoji but only the last code point of other text (an
 * accent typed after its letter goes first), as the desktop platforms do. The text looked at is the
 * caret's line. A click between the code points of one character lands at its nearer end.
 */
final class GraphemeKeys extends NavigationFilter {
    private GraphemeKeys() {
    }

    static void install(JTextComponent area) {
        area.setNavigationFilter(new GraphemeKeys());
        ActionMap actions = area.getActionMap();
        actions.put(DefaultEditorKit.deletePrevCharAction, new Erase(actions.get(DefaultEditorKit.deletePrevCharAction), true));
        actions.put(DefaultEditorKit.deleteNextCharAction, new Erase(actions.get(DefaultEditorKit.deleteNextCharAction), false));
    }

    @Override
    public int getNextVisualPositionFrom(JTextComponent text, int pos, Position.Bias bias, int direction,
            Position.Bias[] biasRet) throws BadLocationException {
        Document doc = text.getDocument();
        if (direction == SwingConstants.WEST && pos > 0 && pos <= doc.getLength()) {
            biasRet[0] = Position.Bias.Forward;
            return before(doc, pos);
        }
        if (direction == SwingConstants.EAST && pos >= 0 && pos < doc.getLength()) {
            biasRet[0] = Position.Bias.Forward;
            return after(doc, pos);
        }
        return super.getNextVisualPositionFrom(text, pos, bias, direction, biasRet);
    }

    /** The start of the character before {@code pos}. */
    static int before(Document doc, int pos) throws BadLocationException {
        Element line = line(doc, pos - 1);
        int start = line.getStartOffset();
        Segment text = new Segment();
        doc.getText(start, pos - start, text);
        return start + Graphemes.previous(text, pos - start);
    }

    /** The end of the character that starts at {@code pos}. */
    static int after(Document doc, int pos) throws BadLocationException {
        Element line = line(doc, pos);
        int end = Math.min(line.getEndOffset(), doc.getLength());
        Segment text = new Segment();
        doc.getText(pos, end - pos, text);
        return pos + Math.max(1, Graphemes.next(text, 0));
    }

    /** {@code pos}, or the nearer end of the character it falls inside (a click between code points). */
    static int nearest(Document doc, int pos) {
        if (pos <= 0 || pos >= doc.getLength()) {
            return pos;
        }
        try {
            Element line = line(doc, pos);
            int start = line.getStartOffset();
            Segment text = new Segment();
            doc.getText(start, Math.min(line.getEndOffset(), doc.getLength()) - start, text);
            int floor = start + Graphemes.floor(text, pos - start);
            if (floor == pos) {
                return pos;
            }
            int ceiling = start + Graphemes.next(text, floor - start);
            return pos - floor <= ceiling - pos ? floor : ceiling;
        } catch (BadLocationException e) {
            return pos;
        }
    }

    private static Element line(Document doc, int offset) {
        Element root = doc.getDefaultRootElement();
        return root.getElement(root.getElementIndex(offset));
    }

    /** Backspace or Delete over a whole character; with a selection, or read-only, the editor's own. */
    private static final class Erase extends AbstractAction {
        private final Action own;
        private final boolean backward;

        Erase(Action own, boolean backward) {
            this.own = own;
            this.backward = backward;
        }

        @Override
        public void actionPerformed(ActionEvent e) {
            if (e.getSource() instanceof JTextComponent area && area.isEditable() && area.isEnabled()
                    && area.getSelectionStart() == area.getSelectionEnd() && erased(area)) {
                return;
            }
            if (own != null) {
                own.actionPerformed(e);
            }
        }

        private boolean erased(JTextComponent area) {
            Document doc = area.getDocument();
            int dot = area.getCaretPosition();
            try {
                if (backward) {
                    if (dot == 0) {
                        return false;
                    }
                    int start = before(doc, dot);
                    if (dot - start <= 1 || !Graphemes.isEmojiBefore(doc.getText(start, dot - start), dot - start)) {
                        return false;
                    }
                    doc.remove(start, dot - start);
                    return true;
                }
                if (dot >= doc.getLength()) {
                    return false;
                }
                int end = after(doc, dot);
                if (end - dot <= 1) {
                    return false;
                }
                doc.remove(dot, end - dot);
                return true;
            } catch (BadLocationException e) {
                return false;
            }
        }
    }
}
