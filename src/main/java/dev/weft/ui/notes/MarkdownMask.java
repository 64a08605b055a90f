package dev.weft.ui.notes;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Markdown text that are not prose, where a {@code #} is never a tag: fenced and
 * indented code blocks, code spans, links (text and destination), wiki links, autolinks and bare
 * URLs. Close to CommonMark where it matters for tags and headings, not a full parser.
 */
public final class MarkdownMask {
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern LINKS = Pattern.compile(
            "\\[\\[[^\\]\\n]*]]" // [[wiki link]]
                    + "|!?\\[[^\\]\\n]*]\\([^)\\n]*\\)" // [text](destination)
                    + "|<[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^>\\s]*>" // <scheme:autolink>
                    + "|\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+"); // bare URL

    private MarkdownMask() {
    }

    /** Which characters of {@code text} are code, links or URLs. */
    public static BitSet of(String text) {
        BitSet masked = new BitSet(text.length());
        codeBlocks(text, masked);
        codeSpans(text, masked);
        Matcher links = LINKS.matcher(text);
        while (links.find()) {
            masked.set(links.start(), links.end());
        }
        return masked;
    }

    /** Which lines of {@code text} are fenced or indented code blocks (their fences included). */
    public static BitSet codeBlocks(String text) {
        BitSet masked = new BitSet(text.length());
        codeBlocks(text, masked);
        return masked;
    }

    private static void codeBlocks(String text, BitSet masked) {
        String fence = null;
        boolean previousBlank = true;
        boolean previousCode = false;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String line = text.substring(start, end);
            boolean blank = line.isBlank();
            if (fence != null) {
                masked.set(start, end);
                if (closes(line, fence)) {
                    fence = null;
                }
                previousCode = false;
            } else {
                Matcher open = FENCE.matcher(line);
                if (open.find()) {
                    fence = open.group(1);
                    masked.set(start, end);
                    previousCode = false;
                } else if (!blank && leadingSpaces(line) >= 4 && (previousBlank || previousCode)) {
                    masked.set(start, end);
                    previousCode = true;
                } else if (!blank) {
                    previousCode = false;
                }
            }
            previousBlank = blank;
            start = end + 1;
        }
    }

    /** A closing fence: at least as long as the opening one, of its character only, indented less than 4. */
    private static boolean closes(String line, String fence) {
        String mark = line.strip();
        return mark.startsWith(fence) && mark.chars().allMatch(c -> c == fence.charAt(0)) && leadingSpaces(line) < 4;
    }

    /** Backtick runs closed by a run of the same length in the same paragraph. */
    private static void codeSpans(String text, BitSet masked) {
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '`' || masked.get(i)) {
                i++;
                continue;
            }
            int run = runLength(text, i);
            int close = findClosing(text, i + run, run, masked);
            if (close < 0) {
                i += run;
                continue;
            }
            masked.set(i, close + run);
            i = close + run;
        }
    }

    private static int findClosing(String text, int from, int run, BitSet masked) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' && blankLineFollows(text, i)) {
                return -1; // a code span does not cross paragraphs
            }
            if (c == '`' && !masked.get(i)) {
                int length = runLength(text, i);
                if (length == run) {
                    return i;
                }
                i += length;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean blankLineFollows(String text, int newline) {
        int end = text.indexOf('\n', newline + 1);
        return text.substring(newline + 1, end < 0 ? text.length() : end).isBlank();
    }

    private static int runLength(String text, int at) {
        int end = at;
        while (end < text.length() && text.charAt(end) == '`') {
            end++;
        }
        return end - at;
    }

    static int leadingSpaces(String line) {
        int spaces = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                spaces++;
            } else if (c == '\t') {
                spaces += 4 - spaces % 4;
            } else {
                break;
            }
        }
        return spaces;
    }
}
