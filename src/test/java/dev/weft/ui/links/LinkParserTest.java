package dev.weft.ui.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkParserTest {
    private static List<String> targets(String text) {
        return LinkParser.parse(text).stream().map(Link::target).toList();
    }

    @Test
    void wikilinksWithFoldersLabelsHeadingsAndEmbeds() {
        String text = "See [[Ideas]], [[Projects/Work/Plan 2024|the plan]], [[Note#Heading]] and ![[image.png]].";
        List<Link> links = LinkParser.parse(text);
        assertThat(links).extracting(Link::target).containsExactly("Ideas", "Projects/Work/Plan 2024", "Note", "image.png");
        assertThat(links.get(1).label()).isEqualTo("the plan");
        assertThat(links.get(2).heading()).isEqualTo("Heading");
        assertThat(links.get(3).embed()).isTrue();
        assertThat(text.substring(links.get(3).start(), links.get(3).end())).isEqualTo("![[image.png]]");
        assertThat(text.substring(links.get(1).targetStart(), links.get(1).targetEnd())).isEqualTo("Projects/Work/Plan 2024");
    }

    @Test
    void relativeMarkdownLinksAreDecodedAndOthersSkipped() {
        String text = "[x](Folder/My%20Note.md) [y](<Other Note.md#Part>) ![pic](img/a.png) [w](https://e.org/a.md) [z](#top)";
        List<Link> links = LinkParser.parse(text);
        assertThat(links).extracting(Link::target).containsExactly("Folder/My Note.md", "Other Note.md", "img/a.png");
        assertThat(links.get(0).label()).isEqualTo("x");
        assertThat(links.get(1).heading()).isEqualTo("Part");
        assertThat(links.get(2).embed()).isTrue();
        assertThat(links).extracting(Link::kind).containsOnly(Link.Kind.MARKDOWN);
    }

    @Test
    void nothingInsideCode() {
        String text = """
                [[A]] `[[B]]` ``x [[C]] ` y``
                ```
                [[D]] [d](D.md)
                ```
                ~~~~markdown
                [[E]]
                ~~~~

                    [[F]] indented code

                - item

                    [[G]] continues the item
                [[H]]""";
        assertThat(targets(text)).containsExactly("A", "G", "H");
    }

    @Test
    void anUnclosedBacktickIsText() {
        assertThat(targets("a ` b [[A]]")).containsExactly("A");
    }

    @Test
    void aTableCellsEscapedPipe() {
        String text = "| [[Note\\|label]] |";
        Link link = LinkParser.parse(text).get(0);
        assertThat(link.target()).isEqualTo("Note");
        assertThat(link.label()).isEqualTo("label");
    }

    @Test
    void notLinks() {
        assertThat(targets("[[]] [[#Heading]] [[a\nb]] [x] (y) [[ok]]")).containsExactly("ok");
    }
}
