package dev.weft.ui.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTargetsTest {
    private final LinkTargets targets = new LinkTargets(List.of("Ideas.md", "Work/Plan.md", "Archive/Old/Plan.md",
            "Projects/Work/Plan 2024.md", "attachments/image.png", "Work/Notes/Ideas.md", "My.Note.md"));

    @Test
    void wikilinksByExactPathElseShortestPathEndingWithIt() {
        assertThat(targets.resolveWiki("Ideas")).contains("Ideas.md");
        assertThat(targets.resolveWiki("ideas")).contains("Ideas.md");
        assertThat(targets.resolveWiki("Plan")).contains("Work/Plan.md");
        assertThat(targets.resolveWiki("old/plan")).contains("Archive/Old/Plan.md");
        assertThat(targets.resolveWiki("Work/Plan 2024")).contains("Projects/Work/Plan 2024.md");
        assertThat(targets.resolveWiki("Notes/Ideas")).contains("Work/Notes/Ideas.md");
        assertThat(targets.resolveWiki("image.png")).contains("attachments/image.png");
        assertThat(targets.resolveWiki("My.Note")).contains("My.Note.md");
        assertThat(targets.resolveWiki("lan")).isEmpty();
        assertThat(targets.resolveWiki("Missing")).isEmpty();
    }

    @Test
    void markdownLinksRelativeToTheNoteElseFromTheTop() {
        assertThat(targets.resolveMarkdown("Plan.md", "Work/Today.md")).contains("Work/Plan.md");
        assertThat(targets.resolveMarkdown("../Ideas.md", "Work/Today.md")).contains("Ideas.md");
        assertThat(targets.resolveMarkdown("Work/Plan.md", "Ideas.md")).contains("Work/Plan.md");
        assertThat(targets.resolveMarkdown("../attachments/image.png", "Work/Today.md")).contains("attachments/image.png");
        assertThat(targets.resolveMarkdown("Projects/Work/Plan 2024.md", "Work/Today.md")).contains("Projects/Work/Plan 2024.md");
        assertThat(targets.resolveMarkdown("Plan", "Work/Today.md")).contains("Work/Plan.md");
        assertThat(targets.resolveMarkdown("../../x.md", "Work/Today.md")).isEmpty();
    }

    @Test
    void theShortestWikiTargetThatLeadsToAPath() {
        assertThat(targets.wikiTarget("Work/Plan.md", false)).isEqualTo("Plan");
        assertThat(targets.wikiTarget("Archive/Old/Plan.md", false)).isEqualTo("Old/Plan");
        assertThat(targets.wikiTarget("Work/Notes/Ideas.md", false)).isEqualTo("Notes/Ideas");
        assertThat(targets.wikiTarget("attachments/image.png", false)).isEqualTo("image.png");
        assertThat(targets.wikiTarget("Work/Plan.md", true)).isEqualTo("Work/Plan");
    }
}
