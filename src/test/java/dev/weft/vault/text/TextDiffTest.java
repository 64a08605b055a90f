package dev.weft.vault.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.vault.text.TextDiff.Edit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextDiffTest {
    @Test
    void byLineALineDeletedIsDeletedEvenWhereItsCharactersRecurInALongerLine() {
        String held = "line 0\nline 1\nline 2\n";
        String file = "line 0\nline 2\nline 10\nline 12\n";
        assertThat(TextDiff.diff(held, file)).noneMatch(e -> e.deleteLength() > 0); // line 1 inside line 10
        List<Edit> byLine = TextDiff.diffByLine(held, file);
        assertThat(byLine.stream().mapToInt(Edit::deleteLength).sum()).isEqualTo("line 1\n".length());
        assertThat(TextDiff.apply(held, byLine)).isEqualTo(file);
    }

    @Test
    void equalTextsNeedNoEdit() {
        assertThat(TextDiff.diff("", "")).isEmpty();
        assertThat(TextDiff.diff("same 😀", "same 😀")).isEmpty();
    }

    @Test
    void fromAndToNothing() {
        assertThat(TextDiff.diff("", "hello")).containsExactly(new Edit(0, 0, "hello"));
        assertThat(TextDiff.diff("hello", "")).containsExactly(new Edit(0, 5, ""));
    }

    @Test
    void anEmojiIsOneUnitAndNoEditSplitsItsSurrogatePair() {
        // 😀 U+1F600 and 😁 U+1F601 share their high surrogate: a UTF-16 diff would replace the low one only
        assertThat(TextDiff.diff("a😀b", "a😁b")).containsExactly(new Edit(1, 2, "😁"));
        assertThat(TextDiff.diff("😀", "😀😀")).containsExactly(new Edit(2, 0, "😀"));
        assertThat(TextDiff.diff("x😀", "x😁")).containsExactly(new Edit(1, 2, "😁"));
        assertThat(TextDiff.diff("😀x", "😁x")).containsExactly(new Edit(0, 2, "😁"));
    }

    @Test
    void aCombiningMarkIsItsOwnCodePoint() {
        assertThat(TextDiff.diff("cafe", "cafe\u0301")).containsExactly(new Edit(4, 0, "\u0301"));
        assertThat(TextDiff.diff("cafe\u0301!", "cafe!")).containsExactly(new Edit(4, 1, ""));
    }

    @Test
    void adjacentDeleteAndInsertBecomeOneReplacement() {
        assertThat(TextDiff.diff("the cat sat", "the dog sat")).containsExactly(new Edit(4, 3, "dog"));
    }

    @Test
    void offsetsCountTheTextAsTheEditsBeforeLeftIt() {
        List<Edit> edits = TextDiff.diff("aXbXc", "aYYYbc");
        assertThat(edits).containsExactly(new Edit(1, 1, "YYY"), new Edit(5, 1, ""));
        assertThat(TextDiff.apply("aXbXc", edits)).isEqualTo("aYYYbc");
    }

    @Test
    void theScriptIsMinimal() {
        // the shortest script keeps "abc" whole: 2 deletes, 1 insert
        List<Edit> edits = TextDiff.diff("xabcy", "abcz");
        int changed = edits.stream().mapToInt(e -> e.deleteLength() + e.insert().length()).sum();
        assertThat(changed).isEqualTo(3);
    }

    @Test
    void aWholeLineInsertedOrDeletedIsOneLineNotTheEndOfOneAndTheStartOfAnother() {
        // "\nc" before the last "\n" would be as short, but would split the line "b"
        assertThat(TextDiff.diff("a\nb\n", "A\nb\nc\n")).containsExactly(new Edit(0, 1, "A"), new Edit(4, 0, "c\n"));
        assertThat(TextDiff.diff("a\nb\nc\n", "A\nb\n")).containsExactly(new Edit(0, 1, "A"), new Edit(4, 2, ""));
        assertThat(TextDiff.diff("x\n- one\n- two\n", "y\n- one\n- new\n- two\n"))
                .containsExactly(new Edit(0, 1, "y"), new Edit(8, 0, "- new\n"));
        assertThat(TextDiff.diff("see the cat", "see the the cat")).containsExactly(new Edit(8, 0, "the ")); // a tie: stays
    }

    @Test
    void crlfAndLoneCrAreOrdinaryCharacters() {
        assertThat(TextDiff.diff("a\r\nb", "a\nb")).containsExactly(new Edit(1, 1, ""));
        assertThat(TextDiff.diff("a\rb", "a\r\nb")).containsExactly(new Edit(2, 0, "\n"));
    }

    @Test
    void aLineLevelPassFindsEditsSpreadOverALongText() {
        String from = Texts.markdown(new SplittableRandom(1), 50_000);
        String to = from.replaceFirst("note", "NOTE").replace("café", "cafe\u0301");
        List<Edit> edits = TextDiff.diff(from, to);
        assertThat(TextDiff.apply(from, edits)).isEqualTo(to);
        int changed = edits.stream().mapToInt(e -> e.deleteLength() + e.insert().length()).sum();
        long cafes = from.split("café", -1).length - 1;
        assertThat(changed).isLessThanOrEqualTo(8 + (int) cafes * 3);
    }

    @Test
    void withoutBudgetTheRangeIsReplacedWholeButStillCorrectly() {
        String from = "keep this, change that, keep this";
        String to = "keep this, alter those, keep this";
        List<Edit> edits = TextDiff.diff(from, to, 0);
        assertThat(edits).containsExactly(new Edit(11, 11, "alter those"));
        assertThat(TextDiff.apply(from, edits)).isEqualTo(to);
    }

    @Test
    void applyTakesEditsInAnyOrder() {
        assertThat(TextDiff.apply("abcdef", List.of(new Edit(4, 1, "E"), new Edit(0, 1, "A")))).isEqualTo("AbcdEf");
        assertThatThrownBy(() -> TextDiff.apply("abc", List.of(new Edit(2, 5, ""))))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anEditRejectsNegativeValues() {
        assertThatThrownBy(() -> new Edit(-1, 0, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Edit(0, -1, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
