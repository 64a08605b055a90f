package dev.weft.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {
    @Test
    void findsTagsAndNestedTagsInProse() {
        assertThat(Tags.of("#todo first\nsome #Work/Plans and #ideas, then #a-b_c.")).containsExactly("todo", "work/plans", "ideas", "a-b_c");
    }

    @Test
    void aHeadingCSharpAndIssueNumbersAreNoTags() {
        assertThat(Tags.of("# Heading\n## Sub #real\nI write C# and fixed issue #12 and #2024/11")).containsExactly("real");
    }

    @Test
    void codeSpansAndCodeBlocksHoldNoTags() {
        String text = "Use `#notatag` here, ``a #nor `this` ``\n\n```sh\n#comment\n```\n\n    #indented code\n\n~~~\n#tilde\n~~~\n#after";
        assertThat(Tags.of(text)).containsExactly("after");
    }

    @Test
    void linksAndUrlsHoldNoTags() {
        String text = "See https://example.org/page #ok and https://x.org/#frag, [go #there](Note.md#part), "
                + "[[Note#Heading]], [[Other #x]] <https://a.org/#b> www.site.org/#c";
        assertThat(Tags.of(text)).containsExactly("ok");
    }

    @Test
    void lettersOfAnyScriptAndTrailingSlashes() {
        assertThat(Tags.of("#café #日本 #a/ #a//b #/x #y1984")).containsExactly("café", "日本", "a", "y1984");
    }

    @Test
    void tagsAreCaseInsensitiveAndFoundWhereWritten() {
        List<Tags.Found> found = Tags.find("x #Big\n#big");
        assertThat(found).containsExactly(new Tags.Found("big", 2, 6), new Tags.Found("big", 7, 11));
        assertThat(Tags.of("x #Big\n#big")).containsExactly("big");
    }

    @Test
    void nestedTagsAreWithinTheirParents() {
        assertThat(Tags.within("a/b", "a")).isTrue();
        assertThat(Tags.within("a", "a")).isTrue();
        assertThat(Tags.within("ab", "a")).isFalse();
        assertThat(Tags.within("a", "a/b")).isFalse();
    }

    @Test
    void tagIndexCountsNotesPerTagAndParentIncrementally() {
        TagIndex index = new TagIndex();
        java.util.UUID one = java.util.UUID.randomUUID();
        java.util.UUID two = java.util.UUID.randomUUID();
        index.put(one, java.util.Set.of("work/plans", "work/meetings"));
        index.put(two, java.util.Set.of("work/plans", "home"));
        assertThat(index.counts()).containsExactly(java.util.Map.entry("home", 1), java.util.Map.entry("work", 2),
                java.util.Map.entry("work/meetings", 1), java.util.Map.entry("work/plans", 2));
        index.put(one, java.util.Set.of("home"));
        assertThat(index.counts()).containsExactly(java.util.Map.entry("home", 2), java.util.Map.entry("work", 1),
                java.util.Map.entry("work/plans", 1));
        index.remove(two);
        assertThat(index.counts()).containsExactly(java.util.Map.entry("home", 1));
    }
}
