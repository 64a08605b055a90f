package dev.weft.ui.notes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of a Markdown note for its outline: ATX ({@code ## Title}, closing {@code #}s dropped)
 * and setext (a paragraph underlined with {@code ===} or {@code ---}), never inside code blocks.
 */
public final class Headings {
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern NOT_PARAGRAPH = Pattern.compile("^ {0,3}(?:[-+*>]|\\d{1,9}[.)]|#{1,6}(?:\\s|$)|`{3}|~{3})");

    private Headings() {
    }

    /**
     * One heading.
     *
     * @param level 1 to 6
     * @param text its text, trimmed
     * @param start offset of the line where it starts (a setext heading's first paragraph line)
     */
    public record Heading(int level, String text, int start) {
    }

    public static List<Heading> of(String text) {
        List<Heading> headings = new ArrayList<>();
        BitSet code = MarkdownMask.codeBlocks(text);
        int paragraphStart = -1;
        StringBuilder paragraph = new StringBuilder();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            boolean inCode = !line.isEmpty() && code.get(start);
            Matcher atx = ATX.matcher(line);
            Matcher setext = SETEXT.matcher(line);
            if (inCode || line.isBlank()) {
                paragraphStart = -1;
            } else if (atx.matches()) {
                String title = atx.group(2) == null ? "" : atx.group(2).strip();
                headings.add(new Heading(atx.group(1).length(), title, start));
                paragraphStart = -1;
            } else if (paragraphStart >= 0 && setext.matches()) {
                headings.add(new Heading(setext.group(1).charAt(0) == '=' ? 1 : 2, paragraph.toString().strip(), paragraphStart));
                paragraphStart = -1;
            } else if (paragraphStart >= 0 && NOT_PARAGRAPH.matcher(line).find()) {
                paragraphStart = -1; // a list item or quote interrupts the paragraph
            } else if (paragraphStart >= 0) {
                paragraph.append(' ').append(line.strip());
            } else if (!NOT_PARAGRAPH.matcher(line).find()) {
                paragraphStart = start;
                paragraph.setLength(0);
                paragraph.append(line.strip());
            }
            start = end + 1;
        }
        return headings;
    }

    /** The index of the heading whose section holds {@code offset}, or -1 before the first. */
    public static int sectionAt(List<Heading> headings, int offset) {
        int found = -1;
        for (int i = 0; i < headings.size() && headings.get(i).start() <= offset; i++) {
            found = i;
        }
        return found;
    }
}
