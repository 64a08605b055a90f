package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.text.NotePaths;
import org.junit.jupiter.api.Test;

class FirstLineNameTest {
    @Test
    void markdownMarksGoAndOnlyTheFirstLineCounts() {
        assertThat(FirstLineName.of("# Shopping list\nmilk")).isEqualTo("Shopping list");
        assertThat(FirstLineName.of("  ### Plans ###  \r\nmore")).isEqualTo("Plans");
        assertThat(FirstLineName.of("- [ ] call Anna")).isEqualTo("call Anna");
        assertThat(FirstLineName.of("12. twelfth")).isEqualTo("twelfth");
        assertThat(FirstLineName.of("> quoted **words**")).isEqualTo("quoted words");
        assertThat(FirstLineName.of("See [the docs](https://example.com/a/b)")).isEqualTo("See the docs");
        assertThat(FirstLineName.of("#hashtag")).isEqualTo("#hashtag");
    }

    @Test
    void aSlashMakesNoFolderAndForbiddenCharactersGo() {
        assertThat(FirstLineName.of("Milk / eggs")).isEqualTo("Milk-eggs");
        assertThat(FirstLineName.of("a\\b")).isEqualTo("a-b");
        assertThat(FirstLineName.of("Q3: what? <draft> \"x\" | y\tz")).isEqualTo("Q3 what draft x y z");
        assertThat(FirstLineName.of("...hidden.")).isEqualTo("hidden");
    }

    @Test
    void anEmptyFirstLineOrMarksOnlyGiveNoName() {
        assertThat(FirstLineName.of("")).isEmpty();
        assertThat(FirstLineName.of("\nsecond line")).isEmpty();
        assertThat(FirstLineName.of("#   ")).isEmpty();
        assertThat(FirstLineName.of("- ")).isEmpty();
    }

    @Test
    void aLongLineIsCutAtASpaceWithinSixtyCharacters() {
        String words = "word ".repeat(30);
        String name = FirstLineName.of(words);
        assertThat(name).hasSizeLessThanOrEqualTo(FirstLineName.MAX).startsWith("word word").endsWith("word");
        String letters = "x".repeat(100);
        assertThat(FirstLineName.of(letters)).isEqualTo("x".repeat(FirstLineName.MAX));
        String emoji = "😀".repeat(70);
        assertThat(FirstLineName.of(emoji).codePointCount(0, FirstLineName.of(emoji).length())).isEqualTo(FirstLineName.MAX);
    }

    @Test
    void whatItMakesTheVaultAccepts() {
        for (String line : new String[] {"# Shopping list", "a/b\\c:d*e?f\"g<h>i|j", " . x . ", "\u0001ctl", "😀 " + "y".repeat(80)}) {
            String name = FirstLineName.of(line);
            assertThat(name).isNotEmpty();
            assertThat(NotePaths.validate(name)).as(name).isEmpty();
        }
    }
}
