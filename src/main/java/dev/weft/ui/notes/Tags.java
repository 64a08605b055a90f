package dev.weft.ui.notes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tags of a note: {@code #tag} and {@code #nested/tag} after a space or at a line's start, in
 * prose only ({@link MarkdownMask}: not in code, links or URLs), made of letters, digits, {@code _},
 * {@code -} and {@code /}, not all digits ({@code issue #12} is no tag), so {@code C#} and a heading's
 * {@code # } are none either. Tags are case-insensitive: they are kept lower-case.
 */
public final class Tags {
    private Tags() {
    }

    /** One tag where it is written: {@code [start, end)} covers the {@code #} and the name. */
    public record Found(String tag, int start, int end) {
    }

    /** The distinct tags of {@code text}, lower-case, in order of first appearance. */
    public static Set<String> of(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (Found found : find(text)) {
            tags.add(found.tag());
        }
        return tags;
    }

    /** Every tag of {@code text}, where it is. */
    public static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        BitSet masked = null;
        for (int at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
            if (at > 0 && !Character.isWhitespace(text.charAt(at - 1))) {
                continue;
            }
            int end = nameEnd(text, at + 1);
            if (end == at + 1) {
                continue;
            }
            String name = trimmed(text.substring(at + 1, end));
            if (name.isEmpty() || name.chars().allMatch(c -> Character.isDigit(c) || c == '/')) {
                continue;
            }
            if (masked == null) {
                masked = MarkdownMask.of(text); // only for a text with a tag-like word
            }
            if (!masked.get(at)) {
                found.add(new Found(name.toLowerCase(Locale.ROOT), at, at + 1 + name.length()));
            }
        }
        return found;
    }

    /** Whether {@code tag} is {@code wanted} or nested in it ({@code a/b} is in {@code a}). */
    public static boolean within(String tag, String wanted) {
        return tag.equals(wanted) || tag.length() > wanted.length() && tag.startsWith(wanted)
                && tag.charAt(wanted.length()) == '/';
    }

    private static int nameEnd(String text, int from) {
        int end = from;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '/'
                    || Character.getType(cp) == Character.NON_SPACING_MARK)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return end;
    }

    /** A name cut before an empty segment ({@code a//b} is {@code a}) and without a trailing slash. */
    private static String trimmed(String name) {
        if (name.startsWith("/")) {
            return "";
        }
        int empty = name.indexOf("//");
        if (empty >= 0) {
            name = name.substring(0, empty);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }
}
