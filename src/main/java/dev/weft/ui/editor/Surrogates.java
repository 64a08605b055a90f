package dev.weft.ui.editor;

import javax.swing.text.BadLocationException;
import javax.swing.text.Document;

/**
 * Swing counts UTF-16 units, an atom is one code point: offsets that would split a surrogate pair
 * are widened to whole characters, and text with a lone surrogate is refused.
 */
final class Surrogates {
    private Surrogates() {
    }

    /** {@code offset}, or one before it if it falls inside a surrogate pair. */
    static int wholeCharStart(Document doc, int offset) {
        return splitsPair(doc, offset) ? offset - 1 : offset;
    }

    /** {@code offset}, or one after it if it falls inside a surrogate pair. */
    static int wholeCharEnd(Document doc, int offset) {
        return splitsPair(doc, offset) ? offset + 1 : offset;
    }

    static boolean hasLone(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean splitsPair(Document doc, int offset) {
        return offset > 0 && offset < doc.getLength() && Character.isLowSurrogate(charAt(doc, offset))
                && Character.isHighSurrogate(charAt(doc, offset - 1));
    }

    private static char charAt(Document doc, int offset) {
        try {
            return doc.getText(offset, 1).charAt(0);
        } catch (BadLocationException e) {
            throw new IllegalStateException("offset " + offset + " checked against the length", e);
        }
    }
}
