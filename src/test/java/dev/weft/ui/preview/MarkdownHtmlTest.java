package dev.weft.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {
    private final MarkdownHtml markdown = new MarkdownHtml();

    @Test
    void gfmTablesStrikethroughTaskListsAndAutolinks() {
        String html = markdown.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n- [ ] todo\n\nhttps://example.org\n");
        assertThat(html).contains("<table cellspacing=\"0\">", "<td>1</td>", "<s>old</s>", "\u2611", "\u2610",
                "href=\"https://example.org\">https://example.org</a>");
    }

    @Test
    void rawHtmlIsShownAsTextAndImagesAsTheirDescription() {
        String html = markdown.render("<script>x</script>\n\n![a cat](http://example.org/cat.png)\n");
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<img").contains("[image: a cat]");
    }
}
