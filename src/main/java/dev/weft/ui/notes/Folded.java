package dev.weft.ui.notes;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A text made for matching: lower case and without accents ({@code Naïve} reads {@code naive}):
 * each character decomposed (NFD), its combining marks dropped, the rest lower-cased. Remembers
 * where each folded character came from, so a match in the folded text maps back to the original.
 * Most text folds one character to one, and then no map is kept.
 *
 * @param text the folded text
 * @param origin the original offset of each folded character and one past the end, or null when
 *     folding kept every offset
 * @param length the original text's length
 */
public record Folded(String text, int[] origin, int length) {

    public static Folded of(String original) {
        int n = original.length();
        int i = 0;
        while (i < n && isPlainFolded(original.charAt(i))) {
            i++;
        }
        if (i == n) {
            return new Folded(original, null, n); // already lower-case ASCII
        }
        StringBuilder out = new StringBuilder(n);
        int[] map = null;
        for (int at = 0; at < n; ) {
            char c = original.charAt(at);
            if (c < 0x80) {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                if (map != null) {
                    map = put(map, out.length() - 1, at);
                }
                at++;
                continue;
            }
            int cp = original.codePointAt(at);
            int width = Character.charCount(cp);
            String folded = fold(cp);
            if (map == null && (folded.length() != width)) {
                map = identity(out.length(), n);
            }
            for (int k = 0; k < folded.length(); k++) {
                out.append(folded.charAt(k));
                if (map != null) {
                    map = put(map, out.length() - 1, at + Math.min(k, width - 1));
                }
            }
            at += width;
        }
        if (map == null) {
            return new Folded(out.toString(), null, n);
        }
        map = put(map, out.length(), n);
        return new Folded(out.toString(), java.util.Arrays.copyOf(map, out.length() + 1), n);
    }

    /** A query's words folded the same way (no map needed). */
    public static String text(String original) {
        return of(original).text();
    }

    /** Where folded offset {@code at} (0..text.length()) starts in the original text. */
    public int originalOffset(int at) {
        return origin == null ? at : origin[at];
    }

    /** The original offset just after folded {@code [.., end)}: the whole original character it ends in. */
    public int originalEnd(int end) {
        if (origin == null) {
            return end;
        }
        if (end == 0) {
            return 0;
        }
        int last = origin[end - 1];
        int next = origin[end];
        return Math.max(next, last + 1);
    }

    private static boolean isPlainFolded(char c) {
        return c < 0x80 && !(c >= 'A' && c <= 'Z');
    }

    private static String fold(int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length(); k++) {
            char d = decomposed.charAt(k);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                kept.append(d);
            }
        }
        if (kept.length() == 0) {
            return ""; // a combining mark of decomposed text
        }
        String lower = kept.toString().toLowerCase(Locale.ROOT);
        // a marks-free base that lower-cases to a mark-bearing form (İ) loses the mark again
        return lower.length() == kept.length() ? lower : lower.codePoints()
                .filter(p -> Character.getType(p) != Character.NON_SPACING_MARK)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static int[] identity(int upTo, int capacity) {
        int[] map = new int[Math.max(16, capacity + 1)];
        for (int k = 0; k < upTo; k++) {
            map[k] = k;
        }
        return map;
    }

    private static int[] put(int[] map, int index, int value) {
        if (index >= map.length) {
            map = java.util.Arrays.copyOf(map, map.length * 2);
        }
        map[index] = value;
        return map;
    }
}
