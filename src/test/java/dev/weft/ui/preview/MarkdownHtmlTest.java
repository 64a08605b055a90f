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

    @Test
    void imagesAndObsidianEmbedsAreWhatTheSourceFinds() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        ImageSource source = (target, embed) -> {
            asked.add((embed ? "embed " : "link ") + target);
            return java.util.Optional.of(target.startsWith("gone") ? new ImageSource.Missing("image not found: " + target)
                    : new ImageSource.Picture("file:/v/" + target));
        };
        String html = markdown.render("""
                ![a cat](cat%20one.png) and ![small|120](s.png) ![[pic.png|300]] then ![[big.jpg|200x100]] ![[gone.gif]]

                `![[code.png]]` ![[Some note]] ![[doc.pdf]]
                """, source);
        assertThat(asked).containsExactly("link cat%20one.png", "link s.png", "embed pic.png", "embed big.jpg", "embed gone.gif");
        assertThat(html).contains("<img src=\"file:/v/cat%20one.png\" />", "<img src=\"file:/v/pic.png\" width=\"300\" />", "<img src=\"file:/v/s.png\" width=\"120\" />",
                "<img src=\"file:/v/big.jpg\" width=\"200\" height=\"100\" />",
                "<span class=\"image\">image not found: gone.gif</span>", "<code>![[code.png]]</code>",
                "![[Some note]] ![[doc.pdf]]");
    }
}
