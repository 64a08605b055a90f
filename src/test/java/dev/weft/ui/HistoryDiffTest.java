package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ui.HistoryDiff.Kind;
import dev.weft.ui.HistoryDiff.Segment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistoryDiffTest {
    @Test
    void equalTextsAreOneRunOfTheSame() {
        assertThat(HistoryDiff.between("a\nb\n", "a\nb\n")).containsExactly(new Segment(Kind.SAME, "a\nb\n"));
        assertThat(HistoryDiff.between("", "")).isEmpty();
    }

    @Test
    void aChangedWordIsRemovedThenAddedAndTheRestIsTheSame() {
        List<Segment> runs = HistoryDiff.between("# Plans\nbuy milk\nwalk\n", "# Plans\nbuy bread\nwalk\nrest\n");
        assertThat(runs).extracting(Segment::kind).contains(Kind.SAME, Kind.REMOVED, Kind.ADDED);
        assertThat(runs).containsExactly(new Segment(Kind.SAME, "# Plans\nbuy "), new Segment(Kind.REMOVED, "milk"),
                new Segment(Kind.ADDED, "bread"), new Segment(Kind.SAME, "\nwalk\n"), new Segment(Kind.ADDED, "rest\n"));
        assertThat(older(runs)).isEqualTo("# Plans\nbuy milk\nwalk\n");
        assertThat(newer(runs)).isEqualTo("# Plans\nbuy bread\nwalk\nrest\n");
    }

    @Test
    void aRewrittenLineShowsWholeNotLetterByLetter() {
        List<Segment> runs = HistoryDiff.between("- *Dune*\n- *Gödel, Escher, Bach*\n", "- *A Pattern Language*\n");
        assertThat(runs).containsExactly(new Segment(Kind.REMOVED, "- *Dune*\n- *Gödel, Escher, Bach*\n"),
                new Segment(Kind.ADDED, "- *A Pattern Language*\n"));
    }

    @Test
    void wordsAreLettersAndDigitsSpacesAndEachOtherCharacter() {
        assertThat(HistoryDiff.words("a1 🎉,  b\n")).containsExactly("a1", " ", "🎉", ",", "  ", "b", "\n");
        assertThat(HistoryDiff.lines("a\nb")).containsExactly("a\n", "b");
    }

    @Test
    void everythingAddedOrEverythingRemoved() {
        assertThat(HistoryDiff.between("", "new")).containsExactly(new Segment(Kind.ADDED, "new"));
        assertThat(HistoryDiff.between("old 🎉", "")).containsExactly(new Segment(Kind.REMOVED, "old 🎉"));
    }

    private static String text(List<Segment> runs, Kind kind) {
        return runs.stream().filter(s -> s.kind() == kind).map(Segment::text).collect(Collectors.joining());
    }

    private static String older(List<Segment> runs) {
        return runs.stream().filter(s -> s.kind() != Kind.ADDED).map(Segment::text).collect(Collectors.joining());
    }

    private static String newer(List<Segment> runs) {
        return runs.stream().filter(s -> s.kind() != Kind.REMOVED).map(Segment::text).collect(Collectors.joining());
    }
}
