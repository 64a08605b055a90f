package dev.weft.ui.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Which grapheme clusters are emoji, from the code points alone (a close approximation of Unicode's
 * Extended_Pictographic and Emoji_Presentation properties, which Java 17 does not expose). Pure.
 */
public final class Emoji {
    /** Emoji_Presentation code points below U+1F000: shown as emoji even without U+FE0F. */
    private static final int[] PRESENTATION_BMP = {
        0x231A, 0x231B, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
        0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE,
        0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
        0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C,
        0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF,
        0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
    };
    /** Extended_Pictographic below U+1F000 (ranges, inclusive). */
    private static final int[] PICTOGRAPHIC_BMP = {
        0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122, 0x2122, 0x2139, 0x2139,
        0x2194, 0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328, 0x2328, 0x2388, 0x2388, 0x23CF, 0x23CF,
        0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x24C2, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0, 0x25C0,
        0x25FB, 0x25FE, 0x2600, 0x27BF, 0x2934, 0x2935, 0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50,
        0x2B55, 0x2B55, 0x3030, 0x3030, 0x303D, 0x303D, 0x3297, 0x3297, 0x3299, 0x3299,
    };

    /** How a cluster wants to be drawn. */
    public enum Kind {
        /** Not an emoji. */
        TEXT,
        /** A pictograph shown as text by default (©, ↔, ☺): an emoji font only if the text font lacks it. */
        TEXT_STYLE_EMOJI,
        /** An emoji: a pictograph with emoji presentation, U+FE0F, a keycap, a flag, a ZWJ sequence. */
        EMOJI,
    }

    /** One stretch of text: {@code emoji} if each of its clusters is a candidate emoji. */
    public record Run(int start, int end, boolean emoji) {
    }

    private Emoji() {
    }

    public static Kind kind(CharSequence cluster) {
        if (cluster.length() == 0) {
            return Kind.TEXT;
        }
        int first = Character.codePointAt(cluster, 0);
        boolean pictographic = isPictographic(first);
        boolean keycap = first == '#' || first == '*' || (first >= '0' && first <= '9');
        boolean text = false;
        boolean emoji = isRegionalIndicator(first) || hasEmojiPresentation(first);
        for (int i = Character.charCount(first); i < cluster.length(); ) {
            int c = Character.codePointAt(cluster, i);
            if (c == 0xFE0E) {
                text = true;
            } else if (c == 0xFE0F || c == 0x20E3) {
                emoji |= pictographic || keycap;
            } else if (c == 0x200D || isModifier(c) || (c >= 0xE0020 && c <= 0xE007F)) {
                emoji |= pictographic;
            }
            i += Character.charCount(c);
        }
        if (emoji && !text) {
            return Kind.EMOJI;
        }
        return pictographic ? Kind.TEXT_STYLE_EMOJI : Kind.TEXT;
    }

    /** Whether a cluster may need the emoji font. */
    public static boolean isCandidate(CharSequence cluster) {
        return kind(cluster) != Kind.TEXT;
    }

    /** Whether the text has a code point that can start or belong to an emoji (a cheap pre-check). */
    public static boolean mayContain(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xA9 && (c == 0xA9 || c == 0xAE || c >= 0x2000)) {
                return true;
            }
        }
        return false;
    }

    /** The text cut into maximal runs of candidate emoji clusters and of other text. */
    public static List<Run> runs(CharSequence text) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        boolean emoji = false;
        for (int at = 0; at < text.length(); ) {
            int end = Graphemes.next(text, at);
            boolean candidate = isCandidate(text.subSequence(at, end));
            if (candidate != emoji && at > start) {
                runs.add(new Run(start, at, emoji));
                start = at;
            }
            emoji = candidate;
            at = end;
        }
        if (text.length() > start) {
            runs.add(new Run(start, text.length(), emoji));
        }
        return runs;
    }

    public static boolean isRegionalIndicator(int c) {
        return c >= 0x1F1E6 && c <= 0x1F1FF;
    }

    /** A skin-tone modifier. */
    public static boolean isModifier(int c) {
        return c >= 0x1F3FB && c <= 0x1F3FF;
    }

    public static boolean isPictographic(int c) {
        if (c < 0x1F000) {
            return in(PICTOGRAPHIC_BMP, c);
        }
        return (c <= 0x1FAFF || (c >= 0x1FC00 && c <= 0x1FFFD)) && !isRegionalIndicator(c) && !isModifier(c)
                && !(c >= 0x1F100 && c <= 0x1F10C) && !(c >= 0x1F650 && c <= 0x1F67F);
    }

    public static boolean hasEmojiPresentation(int c) {
        if (c < 0x1F000) {
            return in(PRESENTATION_BMP, c);
        }
        return c == 0x1F004 || c == 0x1F0CF || c == 0x1F18E || (c >= 0x1F191 && c <= 0x1F19A)
                || (c >= 0x1F201 && c <= 0x1F251) || (c >= 0x1F300 && c <= 0x1FAFF && isPictographic(c));
    }

    private static boolean in(int[] ranges, int c) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (c >= ranges[i] && c <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
