package dev.weft.ui.text;

import java.awt.Font;

/**
 * Puts the emoji of an HTML text in {@code <span class="emoji">} so that Swing's HTML views (the
 * preview, labels) draw them with {@link EmojiFont}: a Swing style sheet gives a run one font and
 * never falls back per character. Only text between tags is touched: the HTML comes from a
 * renderer that escapes {@code <} in text and attributes. Pure, thread-safe.
 */
public final class EmojiHtml {
    /** The style rule for the spans. */
    public static final String CSS = ".emoji { font-family: '" + EmojiFont.FAMILY + "'; }";

    private EmojiHtml() {
    }

    /** {@code html} with each run of emoji that {@code text} would not draw put in a span. */
    public static String wrap(String html, Font text) {
        if (!Emoji.mayContain(html)) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 64);
        int at = 0;
        boolean open = false;
        while (at < html.length()) {
            char c = html.charAt(at);
            if (c == '<') {
                int close = html.indexOf('>', at);
                int end = close < 0 ? html.length() : close + 1;
                if (open) {
                    out.append("</span>");
                    open = false;
                }
                out.append(html, at, end);
                at = end;
                continue;
            }
            int end = Graphemes.next(html, at);
            boolean emoji = EmojiFont.draws(html.subSequence(at, end), text);
            if (emoji != open) {
                out.append(emoji ? "<span class=\"emoji\">" : "</span>");
                open = emoji;
            }
            out.append(html, at, end);
            at = end;
        }
        if (open) {
            out.append("</span>");
        }
        return out.toString();
    }
}
