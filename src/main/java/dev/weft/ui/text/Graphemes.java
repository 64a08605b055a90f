package dev.weft.ui.text;

/**
 * Boundaries of user-perceived characters (extended grapheme clusters, Unicode UAX #29) in UTF-16
 * text: a base with its combining marks, variation selectors and skin-tone modifiers, emoji joined
 * by ZWJ, a pair of regional indicators (a flag), a tag sequence, CR LF. Java 17's
 * {@code BreakIterator} splits ZWJ sequences and flags (JDK 20 follows the current rules); Hangul
 * jamo and prepended marks are not joined here. Pure functions, offsets in UTF-16 units.
 */
public final class Graphemes {
    private static final int ZWJ = 0x200D;

    private Graphemes() {
    }

    /** The end of the cluster that starts at {@code offset} (the length at the end). */
    public static int next(CharSequence text, int offset) {
        int length = text.length();
        if (offset >= length) {
            return length;
        }
        int first = Character.codePointAt(text, offset);
        int end = offset + Character.charCount(first);
        if (first == '\r' && end < length && text.charAt(end) == '\n') {
            return end + 1;
        }
        if (Character.getType(first) == Character.CONTROL) {
            return end;
        }
        boolean pictographic = Emoji.isPictographic(first);
        boolean flagOpen = Emoji.isRegionalIndicator(first);
        boolean afterZwj = false;
        while (end < length) {
            int c = Character.codePointAt(text, end);
            if (c == ZWJ || isExtend(c)) {
                afterZwj = c == ZWJ;
            } else if (afterZwj && pictographic && Emoji.isPictographic(c)) {
                afterZwj = false;
            } else if (flagOpen && Emoji.isRegionalIndicator(c)) {
                flagOpen = false;
            } else {
                break;
            }
            flagOpen = false;
            end += Character.charCount(c);
        }
        return end;
    }

    /** The start of the cluster that ends at or contains {@code offset - 1} (0 at the start). */
    public static int previous(CharSequence text, int offset) {
        if (offset <= 0) {
            return 0;
        }
        int boundary = safeStartBefore(text, Math.min(offset, text.length()));
        while (true) {
            int end = next(text, boundary);
            if (end >= offset) {
                return boundary;
            }
            boundary = end;
        }
    }

    /** {@code offset} if a cluster starts there, else the start of the cluster it falls in. */
    public static int floor(CharSequence text, int offset) {
        if (offset <= 0 || offset >= text.length()) {
            return Math.max(0, Math.min(offset, text.length()));
        }
        int start = previous(text, offset);
        return next(text, start) == offset ? offset : start;
    }

    /** Whether the cluster ending at {@code offset} is an emoji (Backspace takes it whole). */
    public static boolean isEmojiBefore(CharSequence text, int offset) {
        int start = previous(text, offset);
        return Emoji.isCandidate(text.subSequence(start, offset));
    }

    /**
     * A position before {@code offset} where a cluster surely starts: one whose code point cannot
     * join what came before (no mark, joiner, regional indicator, pictograph after a ZWJ or LF
     * after CR).
     */
    private static int safeStartBefore(CharSequence text, int offset) {
        int at = offset;
        while (at > 0) {
            int c = Character.codePointBefore(text, at);
            at -= Character.charCount(c);
            if (at == 0) {
                return 0;
            }
            int before = Character.codePointBefore(text, at);
            boolean joins = c == ZWJ || isExtend(c) || Emoji.isRegionalIndicator(c)
                    || (before == ZWJ && Emoji.isPictographic(c)) || (c == '\n' && before == '\r');
            if (!joins) {
                return at;
            }
        }
        return 0;
    }

    static boolean isExtend(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || c == 0x200C
                || Emoji.isModifier(c) || (c >= 0xE0020 && c <= 0xE007F);
    }
}
