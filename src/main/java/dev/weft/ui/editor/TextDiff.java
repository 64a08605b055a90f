package dev.weft.ui.editor;

import dev.weft.vault.TextChange;
import java.util.ArrayList;
import java.util.List;

/** Fewer, larger changes for the area to show: a run of changes joined, or two texts' difference. */
final class TextDiff {
    private TextDiff() {
    }

    /** The one change that turns {@code from} into {@code to}: everything between their common ends. */
    static TextChange between(String from, String to) {
        int prefix = 0;
        int max = Math.min(from.length(), to.length());
        while (prefix < max && from.charAt(prefix) == to.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && from.charAt(from.length() - 1 - suffix) == to.charAt(to.length() - 1 - suffix)) {
            suffix++;
        }
        return new TextChange(prefix, from.length() - prefix - suffix, to.substring(prefix, to.length() - suffix));
    }

    /**
     * {@code changes}, applied in order, with each run of typing (characters inserted one after
     * another) or erasing (backwards or forwards from one place) joined into one change.
     */
    static List<TextChange> joined(List<TextChange> changes) {
        List<TextChange> out = new ArrayList<>();
        StringBuilder typed = null;
        TextChange last = null;
        for (TextChange c : changes) {
            if (last != null && typed != null && c.removedLength() == 0
                    && c.offset() == last.offset() + typed.length()) {
                typed.append(c.inserted());
                continue;
            }
            if (last != null && typed == null && c.inserted().isEmpty() && last.inserted().isEmpty()) {
                if (c.offset() == last.offset()) {
                    last = new TextChange(last.offset(), last.removedLength() + c.removedLength(), "");
                    continue;
                }
                if (c.offset() + c.removedLength() == last.offset()) {
                    last = new TextChange(c.offset(), last.removedLength() + c.removedLength(), "");
                    continue;
                }
            }
            if (last != null) {
                out.add(typed == null ? last : new TextChange(last.offset(), 0, typed.toString()));
            }
            last = c;
            typed = c.removedLength() == 0 ? new StringBuilder(c.inserted()) : null;
        }
        if (last != null) {
            out.add(typed == null ? last : new TextChange(last.offset(), 0, typed.toString()));
        }
        return out;
    }
}
