package dev.weft.ui.editor;

import java.awt.Dimension;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.text.AbstractDocument;
import javax.swing.text.Document;
import javax.swing.text.View;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextAreaUI;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rtextarea.RTextAreaUI;

/**
 * The note editor: an {@link RSyntaxTextArea} for Markdown, soft-wrapped, whose wrapped layout
 * stays cheap in long notes.
 *
 * <p>Swing's text UI sizes the root view one pixel narrower (its caret margin) when asked for the
 * preferred size than when painting, and RSyntaxTextArea's wrapped view re-measures every line
 * whenever its width changes: in a 1 MB note each keystroke re-tokenized the whole note several
 * times (20–180 ms). Here both use the same width, so a keystroke measures only its own line.
 */
public final class NoteTextArea extends RSyntaxTextArea {
    public NoteTextArea() {
        setSyntaxEditingStyle(SyntaxConstants.SYNTAX_STYLE_MARKDOWN);
        setLineWrap(true);
        setWrapStyleWord(true);
    }

    @Override
    protected RTextAreaUI createRTextAreaUI() {
        return new SameWidthUI(this);
    }

    private static final class SameWidthUI extends RSyntaxTextAreaUI {
        SameWidthUI(JComponent area) {
            super(area);
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
