package dev.weft.ui.links;

import dev.weft.ui.notes.MarkdownCode;
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
        List<int[]> code = MarkdownCode.ranges(text);
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

    private static int lineEnd(String text, int from) {
        int eol = text.indexOf('\n', from);
        return eol < 0 ? text.length() : eol;
    }
}
