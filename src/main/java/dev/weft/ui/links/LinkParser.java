package dev.weft.ui.links;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the links in a note's text, never inside code: fenced blocks ({@code ```} or {@code ~~~}),
 * indented blocks after a blank line, and code spans ({@code `…`}, a run of n backticks closed by
 * the next run of n in the same paragraph). A Markdown link counts only if it is relative: no
 * scheme ({@code https:}), not only an anchor ({@code #x}). Pure and thread-safe.
 */
public final class LinkParser {
    private LinkParser() {
    }

    /** The links of {@code text}, in order. */
    public static List<Link> parse(String text) {
        List<Link> links = new ArrayList<>();
        List<int[]> code = codeRanges(text);
        int c = 0;
        int i = 0;
        while (i < text.length()) {
            while (c < code.size() && code.get(c)[1] <= i) {
                c++;
            }
            if (c < code.size() && code.get(c)[0] <= i) {
                i = code.get(c)[1];
                continue;
            }
            int limit = c < code.size() ? code.get(c)[0] : text.length();
            char ch = text.charAt(i);
            Link link = null;
            if (ch == '[' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                link = wiki(text, i, limit);
            } else if (ch == '[') {
                link = markdown(text, i, limit);
            }
            if (link != null) {
                links.add(link);
                i = link.end();
            } else {
                i++;
            }
        }
        return links;
    }

    /** {@code [[target#heading|label]]} at {@code open}, on one line, before {@code limit}. */
    private static Link wiki(String text, int open, int limit) {
        int from = open + 2;
        int close = text.indexOf("]]", from);
        int eol = lineEnd(text, from);
        if (close < 0 || close > eol || close + 2 > limit || close == from) {
            return null;
        }
        if (text.substring(from, close).contains("[")) {
            return null;
        }
        int pipe = text.indexOf('|', from);
        int targetPartEnd = pipe >= 0 && pipe < close ? pipe : close;
        String label = targetPartEnd < close ? text.substring(targetPartEnd + 1, close).strip() : "";
        if (targetPartEnd > from && text.charAt(targetPartEnd - 1) == '\\') {
            targetPartEnd--; // [[Note\|label]] in a table
        }
        int hash = text.indexOf('#', from);
        int targetEnd = hash >= 0 && hash < targetPartEnd ? hash : targetPartEnd;
        String heading = targetEnd < targetPartEnd ? text.substring(targetEnd + 1, targetPartEnd).strip() : "";
        int targetStart = from;
        while (targetStart < targetEnd && Character.isWhitespace(text.charAt(targetStart))) {
            targetStart++;
        }
        while (targetEnd > targetStart && Character.isWhitespace(text.charAt(targetEnd - 1))) {
            targetEnd--;
        }
        if (targetStart == targetEnd) {
            return null; // [[#Heading]]: a place in this note, not another one
        }
        boolean embed = open > 0 && text.charAt(open - 1) == '!';
        return new Link(Link.Kind.WIKI, embed, embed ? open - 1 : open, close + 2, targetStart, targetEnd,
                text.substring(targetStart, targetEnd), heading, label);
    }

    /** {@code [label](url)} or {@code [label](<url>)} at {@code open}, relative URLs only. */
    private static Link markdown(String text, int open, int limit) {
        int eol = lineEnd(text, open);
        int depth = 0;
        int close = -1;
        for (int j = open; j < eol && j < limit; j++) {
            char ch = text.charAt(j);
            if (ch == '\\') {
                j++;
            } else if (ch == '[') {
                depth++;
            } else if (ch == ']' && --depth == 0) {
                close = j;
                break;
            }
        }
        if (close < 0 || close + 1 >= limit || text.charAt(close + 1) != '(') {
            return null;
        }
        int urlStart = close + 2;
        int urlEnd;
        int end;
        boolean angled = urlStart < limit && text.charAt(urlStart) == '<';
        if (angled) {
            urlStart++;
            urlEnd = text.indexOf('>', urlStart);
            if (urlEnd < 0 || urlEnd >= Math.min(eol, limit)) {
                return null;
            }
            end = text.indexOf(')', urlEnd);
        } else {
            int parens = 0;
            urlEnd = urlStart;
            while (urlEnd < Math.min(eol, limit)) {
                char ch = text.charAt(urlEnd);
                if (Character.isWhitespace(ch) || ch == ')' && parens == 0) {
                    break;
                }
                parens += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                urlEnd++;
            }
            end = text.indexOf(')', urlEnd);
        }
        if (end < 0 || end >= Math.min(eol, limit)) {
            return null;
        }
        String url = text.substring(urlStart, urlEnd);
        int hash = url.indexOf('#');
        int pathEnd = hash >= 0 ? urlStart + hash : urlEnd;
        if (pathEnd == urlStart || hasScheme(url)) {
            return null;
        }
        String target = decode(text.substring(urlStart, pathEnd));
        if (target == null) {
            return null;
        }
        String heading = hash >= 0 ? decode(url.substring(hash + 1)) : "";
        boolean embed = open > 0 && text.charAt(open - 1) == '!';
        return new Link(Link.Kind.MARKDOWN, embed, embed ? open - 1 : open, end + 1, urlStart, pathEnd, target,
                heading == null ? "" : heading, text.substring(open + 1, close));
    }

    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int j = 0; j < colon; j++) {
            char ch = url.charAt(j);
            if (ch == '/' || ch == '#' || ch == '?') {
                return false;
            }
        }
        return true;
    }

    /** Percent-decodes a URL path ({@code +} stays {@code +}); null if it is malformed. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int j = 0; j < s.length(); j++) {
            char ch = s.charAt(j);
            if (ch == '%') {
                if (j + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(j + 1), 16);
                int lo = Character.digit(s.charAt(j + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi * 16 + lo);
                j += 2;
            } else {
                byte[] bytes = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(ch) && j + 1 < s.length()) {
                    bytes = s.substring(j, j + 2).getBytes(StandardCharsets.UTF_8);
                    j++;
                }
                System.arraycopy(bytes, 0, out, n, bytes.length);
                n += bytes.length;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** Where the text's code is: fenced and indented blocks, code spans; sorted, disjoint {start, end}. */
    static List<int[]> codeRanges(String text) {
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
                spans(text, lineStart, ranges);
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
