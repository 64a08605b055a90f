package dev.weft.ui.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkRewriteTest {
    private static final List<String> VAULT = List.of("Ideas.md", "Work/Plan.md", "Today.md", "Work/Today.md",
            "attachments/image.png");

    /** {@code text} of the note at {@code note} after {@code from} moved to {@code to}. */
    private static String moved(String text, String note, String from, String to) {
        List<String> after = new ArrayList<>(VAULT);
        after.replaceAll(p -> p.equals(from) ? to : p);
        String noteAfter = note.equals(from) ? to : note;
        List<LinkRewrite.Edit> edits = LinkRewrite.afterMove(text, note, noteAfter, from, to,
                new LinkTargets(VAULT), new LinkTargets(after));
        return LinkRewrite.apply(text, edits);
    }

    @Test
    void wikilinksFollowARenameKeepingLabelsAndHeadings() {
        String text = "[[Ideas]] [[ideas|my ideas]] [[Ideas#Top]] ![[Ideas]] [[Work/Plan]] [[Plan]]";
        assertThat(moved(text, "Today.md", "Ideas.md", "Archive/Thoughts.md"))
                .isEqualTo("[[Thoughts]] [[Thoughts|my ideas]] [[Thoughts#Top]] ![[Thoughts]] [[Work/Plan]] [[Plan]]");
    }

    @Test
    void aWikilinkWrittenWithAFolderGetsTheWholeNewPath() {
        assertThat(moved("[[Work/Plan|p]]", "Ideas.md", "Work/Plan.md", "Projects/Plan.md")).isEqualTo("[[Projects/Plan|p]]");
        assertThat(moved("[[Plan]]", "Ideas.md", "Work/Plan.md", "Projects/Plan.md")).isEqualTo("[[Plan]]");
    }

    @Test
    void aNameNowSharedIsWrittenLongEnoughToLeadWhereItDid() {
        // Today.md and Work/Today.md: [[Today]] is Today.md; moved to Archive/ Work/Today.md is the shorter path
        assertThat(moved("[[Today]]", "Ideas.md", "Today.md", "Archive/Today.md")).isEqualTo("[[Archive/Today]]");
    }

    @Test
    void markdownLinksAreWrittenRelativeAndEncoded() {
        assertThat(moved("[i](Ideas.md) [p](<Work/Plan.md>)", "Today.md", "Ideas.md", "Work/Big Ideas.md"))
                .isEqualTo("[i](Work/Big%20Ideas.md) [p](<Work/Plan.md>)");
        assertThat(moved("[i](../Ideas.md#Top)", "Work/Today.md", "Ideas.md", "Work/Big Ideas.md"))
                .isEqualTo("[i](Big%20Ideas.md#Top)");
        assertThat(moved("[i](<Ideas.md>)", "Today.md", "Ideas.md", "My Ideas.md")).isEqualTo("[i](<My Ideas.md>)");
    }

    @Test
    void theMovedNotesOwnRelativeLinksStillLeadWhereTheyDid() {
        assertThat(moved("[p](Plan.md) [[Plan]]", "Work/Today.md", "Work/Today.md", "Archive/Today.md"))
                .isEqualTo("[p](../Work/Plan.md) [[Plan]]");
    }

    @Test
    void anAttachmentMovedToAFolder() {
        List<String> vault = List.of("Ideas.md", "image.png");
        List<String> after = List.of("Ideas.md", "attachments/image.png");
        String text = "![[image.png]] ![pic](image.png) `![[image.png]]`";
        String now = LinkRewrite.apply(text, LinkRewrite.afterMove(text, "Ideas.md", "Ideas.md", "image.png",
                "attachments/image.png", new LinkTargets(vault), new LinkTargets(after)));
        assertThat(now).isEqualTo("![[image.png]] ![pic](attachments/image.png) `![[image.png]]`");
    }

    @Test
    void linksInCodeStayAsTheyAre() {
        String text = "[[Ideas]] `[[Ideas]]`\n```\n[[Ideas]] [i](Ideas.md)\n```\n    [[Ideas]]\n";
        assertThat(moved(text, "Today.md", "Ideas.md", "Thoughts.md"))
                .isEqualTo("[[Thoughts]] `[[Ideas]]`\n```\n[[Ideas]] [i](Ideas.md)\n```\n    [[Ideas]]\n");
    }

    @Test
    void brokenLinksAndOtherNotesLinksStay() {
        String text = "[[Missing]] [[Plan]] [x](Nope.md)";
        assertThat(moved(text, "Today.md", "Ideas.md", "Thoughts.md")).isEqualTo(text);
    }
}
