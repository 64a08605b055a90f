package dev.weft.ui.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkIndexTest {
    private final LinkIndex index = new LinkIndex();
    private final UUID plan = UUID.randomUUID();
    private final UUID today = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void linkedAndUnlinkedMentionsFollowEachChange() {
        index.put(plan, "Work/Plan", "# Plan\n");
        index.put(today, "Today", "Read [[Plan|the plan]].\nThe plan is long. `Plan` in code.\nexplanation");
        index.put(other, "Other", "[p](Work/Plan.md) and [[Planet]]");

        LinkIndex.Backlinks links = index.backlinks(plan);
        assertThat(links.linked()).extracting(LinkIndex.Mention::noteName).containsExactly("Other", "Today");
        assertThat(links.linked().get(1).context()).isEqualTo("Read [[Plan|the plan]].");
        assertThat(links.unlinked()).extracting(LinkIndex.Mention::context).containsExactly("The plan is long. `Plan` in code.");
        assertThat(links.unlinked().get(0).start()).isEqualTo("Read [[Plan|the plan]].\nThe ".length());

        index.put(today, "Today", "Nothing now.");
        assertThat(index.backlinks(plan).linked()).extracting(LinkIndex.Mention::noteName).containsExactly("Other");
        assertThat(index.backlinks(plan).unlinked()).isEmpty();

        index.put(other, "Elsewhere/Other", "[p](Plan.md)"); // leads to Elsewhere/Plan.md, which is not there
        assertThat(index.backlinks(plan).linked()).isEmpty();

        index.remove(other);
        index.put(today, "Today", "[[Work/Plan]]");
        assertThat(index.backlinks(plan).linked()).extracting(LinkIndex.Mention::note).containsExactly(today);
    }

    @Test
    void aNameSharedByTwoNotesLinksTheShortestPath() {
        UUID archived = UUID.randomUUID();
        index.put(plan, "Work/Plan", "");
        index.put(archived, "Archive/Old/Plan", "");
        index.put(today, "Today", "[[Plan]] [[Old/Plan]]");
        assertThat(index.backlinks(plan).linked()).hasSize(1);
        assertThat(index.backlinks(archived).linked()).extracting(LinkIndex.Mention::context).containsExactly("[[Plan]] [[Old/Plan]]");
        assertThat(index.mayLinkTo(List.of("Work/Plan.md"))).isEqualTo(Set.of(today));
    }
}
