package dev.weft.vault.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.text.TextDiff.Edit;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random texts with emoji, CJK, combining marks and CRLF, and random edits of them. */
class TextDiffPropertiesTest {
    @Property(tries = 2000, seed = "7")
    void theEditsTurnTheOldTextIntoTheNewOneMinimally(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String from = Texts.random(random, 60);
        String to = random.nextInt(10) == 0 ? Texts.random(random, 60) : Texts.edited(from, random, 4);
        List<Edit> edits = TextDiff.diff(from, to);
        assertWellFormed(from, edits);
        assertThat(TextDiff.apply(from, edits)).isEqualTo(to);
        int lcs = Texts.lcs(from, to);
        assertThat(codePointsChanged(from, edits))
                .isEqualTo(from.codePointCount(0, from.length()) + to.codePointCount(0, to.length()) - 2 * lcs);
    }

    @Property(tries = 300, seed = "8")
    void anyBudgetGivesACorrectScript(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int budget) {
        SplittableRandom random = new SplittableRandom(seed);
        String from = Texts.random(random, 200);
        String to = Texts.edited(from, random, 8);
        List<Edit> edits = TextDiff.diff(from, to, budget);
        assertWellFormed(from, edits);
        assertThat(TextDiff.apply(from, edits)).isEqualTo(to);
    }

    @Property(tries = 60, seed = "9")
    void longTextsGoThroughTheLinePass(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40_000_000) int budget) {
        SplittableRandom random = new SplittableRandom(seed);
        String from = Texts.markdown(random, 5_000 + random.nextInt(40_000));
        String to = from;
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            to = Texts.edited(to, random, 3);
        }
        if (random.nextInt(4) == 0) {
            to = to + Texts.markdown(random, 3_000);
        }
        List<Edit> edits = TextDiff.diff(from, to, budget);
        assertWellFormed(from, edits);
        assertThat(TextDiff.apply(from, edits)).isEqualTo(to);
    }

    /** In order, none empty, none touching the next, none splitting a surrogate pair. */
    static void assertWellFormed(String from, List<Edit> edits) {
        String text = from;
        int end = -1;
        for (Edit e : edits) {
            assertThat(e.deleteLength() > 0 || !e.insert().isEmpty()).as("empty edit %s", e).isTrue();
            assertThat(e.offset()).as("edit %s after the one before it", e).isGreaterThan(end);
            assertThat(splitsPair(text, e.offset()) || splitsPair(text, e.offset() + e.deleteLength()))
                    .as("%s splits a pair", e).isFalse();
            assertThat(e.insert().codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isTrue();
            text = text.substring(0, e.offset()) + e.insert() + text.substring(e.offset() + e.deleteLength());
            end = e.offset() + e.insert().length();
        }
    }

    private static boolean splitsPair(String text, int offset) {
        return offset > 0 && offset < text.length()
                && Character.isHighSurrogate(text.charAt(offset - 1)) && Character.isLowSurrogate(text.charAt(offset));
    }

    private static int codePointsChanged(String from, List<Edit> edits) {
        String text = from;
        int n = 0;
        for (Edit e : edits) {
            n += text.codePointCount(e.offset(), e.offset() + e.deleteLength());
            n += e.insert().codePointCount(0, e.insert().length());
            text = text.substring(0, e.offset()) + e.insert() + text.substring(e.offset() + e.deleteLength());
        }
        return n;
    }
}
