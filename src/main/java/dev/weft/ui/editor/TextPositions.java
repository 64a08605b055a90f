package dev.weft.ui.editor;

import dev.weft.vault.TextChange;

/** Where a position in the text ends up after a change made by someone else. */
final class TextPositions {
    private TextPositions() {
    }

    /**
     * {@code position} after {@code change}: text inserted at the position goes after it (a caret
     * stays behind the character it follows, whoever types there), text removed around it pulls it
     * to the start of the removal.
     */
    static int after(int position, TextChange change) {
        int start = change.offset();
        if (position <= start) {
            return position;
        }
        int end = start + change.removedLength();
        if (position < end) {
            return start;
        }
        return position - change.removedLength() + change.inserted().length();
    }
}
