package dev.weft.crdt;

import static dev.weft.crdt.ConcurrentTyping.applyAll;
import static dev.weft.crdt.ConcurrentTyping.into;
import static dev.weft.crdt.ConcurrentTyping.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.ConcurrentTyping.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Text typed or pasted in one go is one run (one {@link PidRange}) or a few, and concurrent runs
 * stay runs after a merge (issue 14).
 */
class RunAllocationTest {
    private static List<Run> runs(SequenceDoc doc) {
        List<Run> runs = new ArrayList<>();
        RunCollector collector = new RunCollector(runs::add, Integer.MAX_VALUE);
        doc.forEachAtom(collector);
        collector.flush();
        return runs;
    }

    private static String text(int length, SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        String alphabet = "abcdefghij klmnopqrst uvwxyzé漢字\uD83C\uDF89\n";
        while (text.codePointCount(0, text.length()) < length) {
            int i = random.nextInt(alphabet.codePointCount(0, alphabet.length()));
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, i)));
        }
        return text.toString();
    }

    @Test
    void typingFiveThousandCharactersIntoAnEmptyNoteIsOneRun() {
        SequenceDoc doc = new SequenceDoc(9, new SplittableRandom(1));
        String text = text(5000, new SplittableRandom(2));
        type(doc, 0, text, new ArrayList<>());
        List<Run> runs = runs(doc);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).count()).isEqualTo(5000);
        assertThat(new String(runs.get(0).codePoints(), 0, 5000)).isEqualTo(text);
    }

    @Test
    void pastingIsOneRunAndItsPidsAreThoseOfTheRange() {
        SequenceDoc doc = new SequenceDoc(200, new SplittableRandom(3));
        doc.insert(0, "# Title", OpSink.NONE);
        doc.insert(0, "> ", OpSink.NONE); // the cursor moved: a new run, and the paste another
        List<Op> ops = new ArrayList<>();
        doc.insert(doc.length(), text(5000, new SplittableRandom(4)), into(ops));
        List<Run> runs = runs(doc);
        assertThat(runs).extracting(Run::count).containsExactly(2, 7, 5000);
        PidRange pasted = runs.get(2).pids();
        for (int k = 0; k < ops.size(); k++) {
            assertThat(pasted.pidAt(k)).isEqualTo(ops.get(k).pid());
        }
    }

    @Test
    void textPastedRightAfterTypedTextContinuesItsRun() {
        SequenceDoc doc = new SequenceDoc(200, new SplittableRandom(3));
        type(doc, 0, "# Title", new ArrayList<>());
        doc.insert(doc.length(), text(5000, new SplittableRandom(4)), OpSink.NONE);
        assertThat(runs(doc)).extracting(Run::count).containsExactly(7 + 5000);
    }

    @Test
    void aBigPasteTakesAFewRunsPerLevel() {
        SequenceDoc doc = new SequenceDoc(17, new SplittableRandom(5));
        doc.insert(0, "x".repeat(1_000_000), OpSink.NONE);
        // Each level holds one long run, then ~12 shorter ones as its room runs out.
        assertThat(runs(doc)).hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void aCorrectionStartsOneNewRunThatTypingThenContinues() {
        SequenceDoc doc = new SequenceDoc(4, new SplittableRandom(6));
        type(doc, 0, "The quick brwn", new ArrayList<>());
        assertThat(runs(doc)).hasSize(1);
        doc.delete(12, 2, OpSink.NONE); // backspace twice: "The quick br"
        type(doc, 12, "own fox", new ArrayList<>());
        assertThat(doc.text()).isEqualTo("The quick brown fox");
        // Typed after its own tombstone the correction jumps ahead (room for inserts after the
        // retyped atoms), so it is a second run, and the rest of the typing continues that one.
        List<Run> runs = runs(doc);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).pids().count()).isEqualTo(7);
    }

    @Test
    void textTypedIntoTextIsAFewRunsOnTheGapsLevel() {
        SequenceDoc doc = new SequenceDoc(6, new SplittableRandom(7));
        type(doc, 0, "ab", new ArrayList<>());
        type(doc, 1, text(200, new SplittableRandom(8)), new ArrayList<>());
        List<Run> runs = runs(doc);
        // a, then the typed text as runs of shrinking strides in the gap (then beneath), then b.
        // Typed in front of the run's last atom, the text starts just below it (boundary-), with
        // ~180 idents of room: strides 2 and 1 hold 105 characters, then it goes a level down.
        assertThat(runs).hasSizeLessThanOrEqualTo(6);
        assertThat(doc.pidAt(100).depth()).isEqualTo(doc.pidAt(0).depth());
    }

    @Property(tries = 200, seed = "14")
    void concurrentRunsAtOnePlaceStayRunsAfterTheMerge(@ForAll @IntRange(min = 2, max = 4) int devices,
            @ForAll @IntRange(min = 0, max = 30) int baseLength, @ForAll @IntRange(min = 2, max = 400) int runLength,
            @ForAll long seed) {
        ConcurrentTyping.RunsAtOnePlace typed = ConcurrentTyping.runsAtOnePlace(devices, baseLength, runLength, seed);
        List<SequenceDoc> docs = typed.docs();
        int at = typed.at();
        List<String> texts = typed.runs();
        String merged = docs.get(0).text();
        docs.forEach(doc -> assertThat(doc.text()).isEqualTo(merged));
        String inserted = merged.substring(at, at + devices * runLength);
        for (String run : texts) {
            assertThat(inserted).as("runs in %s", inserted).contains(run);
        }
        // Each device's text is a few runs of its own, whatever the others typed around it:
        // the base text's runs, split at most once by the insert point, plus the typed runs.
        int typedRuns = 0;
        for (Run run : runs(docs.get(0))) {
            if (run.codePointAt(0) != '~') {
                typedRuns++;
                assertThat(run.codePoints()).as("a run holds one device's text").containsOnly(run.codePointAt(0));
            }
        }
        assertThat(typedRuns).isLessThanOrEqualTo(devices * 8);
    }
}
