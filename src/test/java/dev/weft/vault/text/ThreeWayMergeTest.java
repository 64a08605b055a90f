package dev.weft.vault.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * An {@code .md} file edited by another program while the replica moved on: the edits base→theirs
 * carried over base→ours. Texts are made of characters that occur once in all three, so the diffs
 * are unambiguous and the expected result can be computed from the edits themselves.
 */
class ThreeWayMergeTest {
    /** Replace base[from, to) with insert. */
    private record Change(int from, int to, String insert, boolean ours) {
    }

    @Test
    void nonOverlappingEditsOfBothSidesLandExactly() {
        String base = "one two three four\n";
        String ours = "one 2 three four\n";          // a remote op the file does not have yet
        String theirs = "one two three four five\n"; // the user's external edit
        assertThat(ThreeWayMerge.merge(base, ours, theirs)).isEqualTo("one 2 three four five\n");
    }

    @Test
    void staleFileNeverRevertsOurs() {
        assertThat(ThreeWayMerge.merge("abc", "abcXYZ", "abc")).isEqualTo("abcXYZ");
        assertThat(ThreeWayMerge.merge("abc", "abcXYZ", "Qabc")).isEqualTo("QabcXYZ");
    }

    @Test
    void overlappingEditsKeepBothInsertionsAndUnionTheDeletions() {
        // ours replaced "bcd" by "X", theirs replaced "cde" by "Y": b..e all gone, X before Y
        assertThat(ThreeWayMerge.merge("abcdef", "aXef", "abYf")).isEqualTo("aXYf");
        // both inserted at one place: ours first
        assertThat(ThreeWayMerge.merge("ab", "aXb", "aYb")).isEqualTo("aXYb");
        // ours typed inside a stretch theirs deleted: ours' typing survives
        assertThat(ThreeWayMerge.merge("abcdef", "abcZdef", "af")).isEqualTo("aZf");
    }

    @Test
    void aChangeBothSidesMadeIsAppliedOnce() {
        assertThat(ThreeWayMerge.merge("hello", "hello world", "hello world!")).isEqualTo("hello world!");
        assertThat(ThreeWayMerge.merge("abc", "aXc", "aXc")).isEqualTo("aXc");
    }

    @Test
    void surrogatePairsStayWhole() {
        assertThat(ThreeWayMerge.merge("a😀b", "a😀bX", "Ya😀b")).isEqualTo("Ya😀bX");
        assertThat(ThreeWayMerge.merge("a😀b", "a😀🙂b", "ab")).isEqualTo("a🙂b");
    }

    @Property(tries = 2000, seed = "20261125")
    void disjointEditsMergeExactlyAndDeterministically(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Alphabet alphabet = new Alphabet();
        String base = alphabet.next(random.nextInt(0, 40));
        List<Change> changes = disjointChanges(base.length(), random, alphabet);
        String ours = apply(base, changes.stream().filter(Change::ours).toList());
        String theirs = apply(base, changes.stream().filter(c -> !c.ours()).toList());

        String merged = ThreeWayMerge.merge(base, ours, theirs);

        assertThat(merged).isEqualTo(apply(base, changes));
        assertThat(ThreeWayMerge.merge(base, ours, theirs)).isEqualTo(merged);
    }

    @Property(tries = 2000, seed = "7")
    void overlappingEditsKeepEveryInsertionAndNoDeletedCharacter(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Alphabet alphabet = new Alphabet();
        String base = alphabet.next(random.nextInt(1, 30));
        List<Change> mine = anyChanges(base.length(), random, alphabet, true);
        List<Change> theirs = anyChanges(base.length(), random, alphabet, false);
        String oursText = apply(base, mine);
        String theirsText = apply(base, theirs);

        String merged = ThreeWayMerge.merge(base, oursText, theirsText);

        for (Change c : concat(mine, theirs)) {
            assertThat(merged).contains(c.insert());
            for (int i = c.from(); i < c.to(); i++) {
                assertThat(merged).doesNotContain(base.substring(i, i + 1));
            }
        }
        // base characters nobody deleted stay, in their order
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < base.length(); i++) {
            String ch = base.substring(i, i + 1);
            if (oursText.contains(ch) && theirsText.contains(ch)) {
                kept.append(ch);
            }
        }
        assertThat(merged.chars().filter(ch -> base.indexOf(ch) >= 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .isEqualTo(kept.toString());
        assertThat(ThreeWayMerge.merge(base, oursText, theirsText)).isEqualTo(merged);
    }

    /** Characters never used twice in one case. */
    private static final class Alphabet {
        private char next = 0x4E00;

        String next(int length) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append(next++);
            }
            return sb.toString();
        }
    }

    /** Edits of both sides, each at least one base character away from every other. */
    private static List<Change> disjointChanges(int length, SplittableRandom random, Alphabet alphabet) {
        List<Change> changes = new ArrayList<>();
        int at = 0;
        while (at <= length && changes.size() < 8) {
            int from = at + random.nextInt(0, 4);
            if (from > length) {
                break;
            }
            int to = Math.min(length, from + random.nextInt(0, 3));
            String insert = alphabet.next(random.nextInt(to == from ? 1 : 0, 3));
            changes.add(new Change(from, to, insert, random.nextBoolean()));
            at = to + 1;
        }
        return changes;
    }

    /** One side's edits, not touching one another; the other side's may overlap them anywhere. */
    private static List<Change> anyChanges(int length, SplittableRandom random, Alphabet alphabet, boolean ours) {
        List<Change> changes = new ArrayList<>();
        int at = random.nextInt(0, 3);
        while (at <= length && changes.size() < 4) {
            int to = Math.min(length, at + random.nextInt(0, 6));
            String insert = alphabet.next(random.nextInt(to == at ? 1 : 0, 3));
            changes.add(new Change(at, to, insert, ours));
            at = to + 1 + random.nextInt(0, 5);
        }
        return changes;
    }

    /** base with changes applied; at one position ours goes first. */
    private static String apply(String base, List<Change> changes) {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingInt(Change::from).thenComparing(c -> !c.ours()));
        StringBuilder out = new StringBuilder();
        int read = 0;
        for (Change c : sorted) {
            out.append(base, read, c.from()).append(c.insert());
            read = c.to();
        }
        return out.append(base, read, base.length()).toString();
    }

    private static List<Change> concat(List<Change> a, List<Change> b) {
        List<Change> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
