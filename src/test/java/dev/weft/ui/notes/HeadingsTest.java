package dev.weft.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ui.notes.Headings.Heading;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadingsTest {
    @Test
    void atxAndSetextHeadingsButNotInCode() {
        String text = "# Title\n\nIntro\n\n## Part one ##\ntext\n\nSecond\npart\n------\n\n```\n# not a heading\n```\n\n"
                + "    # indented code\n\nBig\n===\n#nospace\n- item\n---\n";
        List<Heading> headings = Headings.of(text);
        assertThat(headings).extracting(Heading::level, Heading::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "Title"),
                org.assertj.core.groups.Tuple.tuple(2, "Part one"),
                org.assertj.core.groups.Tuple.tuple(2, "Second part"),
                org.assertj.core.groups.Tuple.tuple(1, "Big"));
        assertThat(headings.get(2).start()).isEqualTo(text.indexOf("Second"));
    }

    @Test
    void theSectionOfAnOffsetIsTheLastHeadingBeforeIt() {
        String text = "before\n# A\ntext\n## B\nmore";
        List<Heading> headings = Headings.of(text);
        assertThat(Headings.sectionAt(headings, 0)).isEqualTo(-1);
        assertThat(Headings.sectionAt(headings, text.indexOf("text"))).isZero();
        assertThat(Headings.sectionAt(headings, text.indexOf("## B"))).isEqualTo(1);
        assertThat(Headings.sectionAt(headings, text.length())).isEqualTo(1);
    }
}
