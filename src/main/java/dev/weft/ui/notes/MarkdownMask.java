package dev.weft.ui.notes;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Markdown text that are not prose, where a {@code #} is never a tag: fenced and
 * indented code blocks, code spans, links (text and destination), wiki links, autolinks and bare
 * URLs. Close to CommonMark where it matters for tags and headings, not a full parser.
 */
public final class MarkdownMask {
    private static final Pattern LINKS = Pattern.compile(
            "\\[\\[[^\\]\\n]*]]" // [[wiki link]]
                    + "|!?\\[[^\\]\\n]*]\\([^)\\n]*\\)" // [text](destination)
                    + "|<[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^>\\s]*>" // <scheme:autolink>
                    + "|\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+"); // bare URL

    private MarkdownMask() {
    }

    /** Which characters of {@code text} are code, links or URLs. */
    public static BitSet of(String text) {
        BitSet masked = set(MarkdownCode.ranges(text), text.length());
        Matcher links = LINKS.matcher(text);
        while (links.find()) {
            masked.set(links.start(), links.end());
        }
        return masked;
    }

    /** Which lines of {@code text} are fenced or indented code blocks (their fences included). */
    public static BitSet codeBlocks(String text) {
        return set(MarkdownCode.blocks(text), text.length());
    }

    private static BitSet set(List<int[]> ranges, int length) {
        BitSet masked = new BitSet(length);
        for (int[] r : ranges) {
            masked.set(r[0], r[1]);
        }
        return masked;
    }
}
