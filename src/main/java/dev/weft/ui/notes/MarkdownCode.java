package dev.weft.ui.notes;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a Markdown text's code is (fenced blocks, indented blocks after a blank line but not a list
 * item's indented paragraph, code spans that may run over lines of one paragraph), close to CommonMark:
 * links, tags and headings are never found in code. Pure and thread-safe.
 */
public final class MarkdownCode {
    private MarkdownCode() {
    }

    /** Where the text's code is: fenced and indented blocks, code spans; sorted, disjoint {start, end}. */
    public static List<int[]> ranges(String text) {
        return ranges(text, true);
    }

    /** Where the text's fenced and indented code blocks are (their fences included); sorted, disjoint. */
    public static List<int[]> blocks(String text) {
        return ranges(text, false);
    }

    private static List<int[]> ranges(String text, boolean withSpans) {
        List<int[]> ranges = new ArrayList<>();
        int lineStart = 0;
        boolean paragraphBefore = false; // an indented line cannot interrupt a paragraph
        boolean blankBefore = true;
        boolean inList = false; // an indented paragraph after a list item's blank line is the item's, not code
        boolean inIndentedCode = false;
        while (lineStart < text.length()) {
            int lineEnd = lineEnd(text, lineStart);
            String line = text.substring(lineStart, lineEnd);
            String fence = fence(line);
            if (fence != null) {
                int close = lineEnd;
                int next = Math.min(text.length(), lineEnd + 1);
                int end = text.length();
                while (next < text.length()) {
                    close = lineEnd(text, next);
                    String inner = text.substring(next, close).strip();
                    if (inner.length() >= fence.length() && inner.chars().allMatch(ch -> ch == fence.charAt(0))) {
                        end = close;
                        break;
                    }
                    next = close + 1;
                }
                ranges.add(new int[] {lineStart, end});
                lineStart = Math.min(text.length(), end + 1);
                blankBefore = false;
                paragraphBefore = false;
                inIndentedCode = false;
                continue;
            }
            boolean blank = line.isBlank();
            boolean indented = line.startsWith("    ") || line.startsWith("\t");
            if (!blank && indented && (inIndentedCode || !paragraphBefore && !inList)) {
                ranges.add(new int[] {lineStart, lineEnd});
                inIndentedCode = true;
            } else if (!blank) {
                if (!indented) {
                    inList = isListLine(line) || inList && !blankBefore;
                    inIndentedCode = false;
                }
                if (withSpans) {
                    spans(text, lineStart, ranges);
                }
            }
            paragraphBefore = !blank && !inIndentedCode;
            blankBefore = blank;
            if (lineEnd == text.length()) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return merge(ranges);
    }

    /** The code spans that open on the line at {@code lineStart} (they may close on a later line of the paragraph). */
    private static void spans(String text, int lineStart, List<int[]> ranges) {
        int lineEnd = lineEnd(text, lineStart);
        int from = lineStart;
        if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] > lineStart) {
            from = ranges.get(ranges.size() - 1)[1]; // a span from an earlier line ends here
        }
        int j = from;
        while (j < lineEnd) {
            if (text.charAt(j) != '`') {
                j++;
                continue;
            }
            int run = runLength(text, j);
            int close = closingRun(text, j + run, run);
            if (close < 0) {
                j += run;
                continue;
            }
            ranges.add(new int[] {j, close + run});
            j = close + run;
            if (j > lineEnd) {
                return;
            }
        }
    }

    private static int closingRun(String text, int from, int run) {
        int j = from;
        while (j < text.length()) {
            char ch = text.charAt(j);
            if (ch == '\n') {
                int next = lineEnd(text, j + 1);
                if (text.substring(j + 1, next).isBlank()) {
                    return -1; // a paragraph ends
                }
            }
            if (ch == '`') {
                int r = runLength(text, j);
                if (r == run) {
                    return j;
                }
                j += r;
            } else {
                j++;
            }
        }
        return -1;
    }

    private static int runLength(String text, int at) {
        int j = at;
        while (j < text.length() && text.charAt(j) == '`') {
            j++;
        }
        return j - at;
    }

    /** The fence a line opens ({@code ```}, {@code ~~~~}…), or null. */
    private static String fence(String line) {
        int indent = 0;
        while (indent < line.length() && indent < 4 && line.charAt(indent) == ' ') {
            indent++;
        }
        if (indent > 3 || indent >= line.length()) {
            return null;
        }
        char ch = line.charAt(indent);
        if (ch != '`' && ch != '~') {
            return null;
        }
        int j = indent;
        while (j < line.length() && line.charAt(j) == ch) {
            j++;
        }
        if (j - indent < 3 || ch == '`' && line.indexOf('`', j) >= 0) {
            return null;
        }
        return line.substring(indent, j);
    }

    private static boolean isListLine(String line) {
        String s = line.stripLeading();
        return s.matches("([-*+]|\\d{1,9}[.)])(\\s.*)?");
    }

    private static List<int[]> merge(List<int[]> ranges) {
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            if (!merged.isEmpty() && r[0] < merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    private static int lineEnd(String text, int from) {
        int eol = text.indexOf('\n', from);
        return eol < 0 ? text.length() : eol;
    }
}
