package dev.weft.ui;

import java.util.regex.Pattern;

/**
 * A note name made from the first line of its text, for a note created without one: Markdown's
 * block marks ({@code # }, {@code > }, {@code - }, {@code 1. }, {@code [ ] }) and link targets go,
 * a slash becomes a dash (it must not make folders), the characters a name may not hold become
 * spaces, and at most {@value #MAX} characters stay, cut at a space where there is one. Never a
 * path: one segment, without a leading or trailing dot or space. The vault's own rules
 * ({@code NotePaths.validate}) still have the last word (a Windows device name, say).
 */
final class FirstLineName {
    /** Longest name made, in characters (code points). */
    static final int MAX = 60;

    private static final Pattern BLOCK_MARKS = Pattern.compile(
            "^(?:>\\s*|#{1,6}(?=\\s|$)\\s*|[-*+](?=\\s|$)\\s*|\\d{1,9}[.)](?=\\s|$)\\s*|\\[[ xX]](?=\\s|$)\\s*)+");
    private static final Pattern CLOSING_HASHES = Pattern.compile("\\s+#+$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern SLASHES = Pattern.compile("\\s*[/\\\\]+\\s*");
    private static final Pattern NOT_IN_NAMES = Pattern.compile("[<>:\"|?*\\p{Cc}\\p{Cs}]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern ENDS = Pattern.compile("^[\\s.]+|[\\s.]+$");

    private FirstLineName() {
    }

    /** The name the first line of {@code text} gives, or "" if it gives none (an empty line, marks only). */
    static String of(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        line = SPACES.matcher(line).replaceAll(" ").strip();
        line = BLOCK_MARKS.matcher(line).replaceFirst("");
        line = CLOSING_HASHES.matcher(line).replaceFirst("");
        line = LINK.matcher(line).replaceAll("$1");
        line = SLASHES.matcher(line).replaceAll("-");
        line = NOT_IN_NAMES.matcher(line).replaceAll(" ");
        line = SPACES.matcher(line).replaceAll(" ");
        line = ENDS.matcher(line).replaceAll("");
        if (line.codePointCount(0, line.length()) > MAX) {
            String cut = line.substring(0, line.offsetByCodePoints(0, MAX));
            int space = cut.lastIndexOf(' ');
            line = space >= MAX / 2 ? cut.substring(0, space) : cut;
            line = ENDS.matcher(line).replaceAll("");
        }
        return line;
    }
}
