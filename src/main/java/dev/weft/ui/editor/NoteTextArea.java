package dev.weft.ui.editor;

import dev.weft.ui.text.EmojiFont;
import dev.weft.ui.text.Graphemes;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Insets;
import java.awt.Point;
import java.awt.geom.Point2D;
import java.nio.CharBuffer;
import javax.swing.JComponent;
import javax.swing.text.AbstractDocument;
import javax.swing.text.Document;
import javax.swing.text.JTextComponent;
import javax.swing.text.Position;
import javax.swing.text.View;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextAreaUI;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rtextarea.RTextAreaUI;

/**
 * The note editor: an {@link RSyntaxTextArea} for Markdown, soft-wrapped, whose wrapped layout
 * stays cheap in long notes.
 *
 * <p>Swing's text UI sizes the root view one pixel narrower (its caret margin) when asked for the
 * preferred size than when painting, and RSyntaxTextArea's wrapped view re-measures every line
 * whenever its width changes: in a 1 MB note each keystroke re-tokenized the whole note several
 * times (20–180 ms). Here both use the same width, so a keystroke measures only its own line.
 *
 * <p>Emoji are drawn with the bundled {@link EmojiFont} (Java 17 draws no colour emoji font), and
 * the caret steps and Backspace/Delete erase whole emoji ({@link GraphemeKeys}).
 */
public final class NoteTextArea extends RSyntaxTextArea {
    public NoteTextArea() {
        setSyntaxEditingStyle(SyntaxConstants.SYNTAX_STYLE_MARKDOWN);
        setLineWrap(true);
        setWrapStyleWord(true);
        GraphemeKeys.install(this);
    }

    /** Markdown is Markdown with emoji as tokens of their own ({@link EmojiTokenMaker}). */
    @Override
    public void setSyntaxEditingStyle(String style) {
        super.setSyntaxEditingStyle(SyntaxConstants.SYNTAX_STYLE_MARKDOWN.equals(style) ? EmojiTokenMaker.style() : style);
    }

    /** An emoji token is drawn and measured with the bundled emoji font, anything else as usual. */
    @Override
    public Font getFontForToken(Token token) {
        Font font = super.getFontForToken(token);
        return isEmoji(token, font) ? EmojiFont.like(font) : font;
    }

    @Override
    public FontMetrics getFontMetricsForToken(Token token) {
        Font font = super.getFontForToken(token);
        return isEmoji(token, font) ? getFontMetrics(EmojiFont.like(font)) : super.getFontMetricsForToken(token);
    }

    private static boolean isEmoji(Token token, Font font) {
        int length = token.length();
        if (length == 0 || token.getTextArray() == null) {
            return false;
        }
        char[] text = token.getTextArray();
        int start = token.getTextOffset();
        char first = text[start];
        if (first < 0xA9 && (length == 1 || text[start + 1] < 0x2000)) {
            return false; // plain text, the common case: no emoji starts like this, keycaps aside
        }
        CharBuffer chars = CharBuffer.wrap(text, start, length);
        return EmojiFont.draws(chars.subSequence(0, Graphemes.next(chars, 0)), font);
    }

    @Override
    protected RTextAreaUI createRTextAreaUI() {
        return new SameWidthUI(this);
    }

    private static final class SameWidthUI extends RSyntaxTextAreaUI {
        SameWidthUI(JComponent area) {
            super(area);
        }

        // a click lands between characters, never inside one; RSyntaxTextArea's caret asks the old forms
        @Override
        @SuppressWarnings("deprecation")
        public int viewToModel(JTextComponent t, Point pt) {
            return GraphemeKeys.nearest(t.getDocument(), super.viewToModel(t, pt));
        }

        @Override
        @SuppressWarnings("deprecation")
        public int viewToModel(JTextComponent t, Point pt, Position.Bias[] bias) {
            return GraphemeKeys.nearest(t.getDocument(), super.viewToModel(t, pt, bias));
        }

        @Override
        public int viewToModel2D(JTextComponent t, Point2D pt, Position.Bias[] bias) {
            return GraphemeKeys.nearest(t.getDocument(), super.viewToModel2D(t, pt, bias));
        }

        @Override
        public Dimension getPreferredSize(JComponent c) {
            if (!textArea.getLineWrap()) {
                return super.getPreferredSize(c);
            }
            Document doc = textArea.getDocument();
            Insets i = c.getInsets();
            Dimension d = c.getSize();
            View root = getRootView(textArea);
            if (doc instanceof AbstractDocument a) {
                a.readLock();
            }
            try {
                if (d.width > i.left + i.right && d.height > i.top + i.bottom) {
                    root.setSize(d.width - i.left - i.right, d.height - i.top - i.bottom);
                } else if (d.width == 0 && d.height == 0) {
                    root.setSize(Integer.MAX_VALUE, Integer.MAX_VALUE);
                }
                d.width = (int) Math.min((long) root.getPreferredSpan(View.X_AXIS) + i.left + i.right, Integer.MAX_VALUE);
                d.height = (int) Math.min((long) root.getPreferredSpan(View.Y_AXIS) + i.top + i.bottom, Integer.MAX_VALUE);
            } finally {
                if (doc instanceof AbstractDocument a) {
                    a.readUnlock();
                }
            }
            return d;
        }
    }
}
