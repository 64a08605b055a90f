package dev.weft.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import org.junit.jupiter.api.Test;

class EmojiHtmlTest {
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    @Test
    void emojiBetweenTagsGoInSpansAndTagsAreLeftAlone() {
        String html = "<p><a href=\"x" + GraphemesTest.PARTY + "\">Done " + GraphemesTest.CHECK + GraphemesTest.FAMILY
                + "</a> &amp; " + GraphemesTest.FRANCE + "</p>";
        assertThat(EmojiHtml.wrap(html, TEXT)).isEqualTo("<p><a href=\"x" + GraphemesTest.PARTY + "\">Done "
                + "<span class=\"emoji\">" + GraphemesTest.CHECK + GraphemesTest.FAMILY + "</span></a> &amp; "
                + "<span class=\"emoji\">" + GraphemesTest.FRANCE + "</span></p>");
    }

    @Test
    void textWithoutEmojiIsUnchanged() {
        assertThat(EmojiHtml.wrap("<p>caf\u00E9 \u00A9 2026</p>", TEXT)).isEqualTo("<p>caf\u00E9 \u00A9 2026</p>");
    }

    @Test
    void theBundledFontDrawsTheIssuesEmoji() {
        assertThat(EmojiFont.available()).isTrue();
        for (String emoji : new String[] {GraphemesTest.PARTY, GraphemesTest.MEMO, GraphemesTest.CHECK,
                GraphemesTest.FAMILY, GraphemesTest.FRANCE, GraphemesTest.THUMB_MEDIUM}) {
            assertThat(EmojiFont.draws(emoji, TEXT)).as(emoji).isTrue();
            assertThat(EmojiFont.like(TEXT).canDisplayUpTo(emoji)).as(emoji).isEqualTo(-1);
        }
    }
}
