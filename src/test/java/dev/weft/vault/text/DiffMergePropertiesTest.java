package dev.weft.vault.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.vault.text.TextDiff.Edit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** A file edited by another program, merged into a replica as local ops. */
class DiffMergePropertiesTest {
    /** The ops a replica made, to hand to another replica. */
    private static final class Ops implements OpSink {
        final List<Pid> pids = new ArrayList<>();
        final List<Integer> codePoints = new ArrayList<>(); // -1: a delete

        @Override
        public void inserted(Pid pid, int codePoint) {
            pids.add(pid);
            codePoints.add(codePoint);
        }

        @Override
        public void deleted(Pid pid) {
            pids.add(pid);
            codePoints.add(-1);
        }

        int size() {
            return pids.size();
        }

        void applyTo(SequenceDoc doc) {
            for (int i = 0; i < pids.size(); i++) {
                if (codePoints.get(i) < 0) {
                    doc.applyDelete(pids.get(i));
                } else {
                    doc.applyInsert(pids.get(i), codePoints.get(i));
                }
            }
        }
    }

    private static SequenceDoc docWith(String text, int site, long seed) {
        SequenceDoc doc = new SequenceDoc(site, new Random(seed));
        doc.insert(0, text, OpSink.NONE);
        return doc;
    }

    @Property(tries = 2500, seed = "11")
    void afterApplyTheReplicaHoldsTheFileTextAndASecondApplyDoesNothing(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String before = Texts.random(random, 80);
        SequenceDoc doc = docWith(before, 1 + random.nextInt(254), seed);
        if (random.nextBoolean()) { // history: tombstones between the atoms
            doc.insert(random.nextInt(doc.length() + 1), Texts.random(random, 5), OpSink.NONE);
            DiffMerge.apply(doc, before, OpSink.NONE);
        }
        String after = random.nextInt(8) == 0 ? Texts.random(random, 80) : Texts.edited(before, random, 5);

        SequenceDoc replica = doc.copy(200, new Random(seed));
        Ops ops = new Ops();
        List<Edit> edits = DiffMerge.apply(doc, after, ops);
        doc.checkInvariants();
        assertThat(doc.text()).isEqualTo(after);
        assertThat(edits).isEqualTo(TextDiff.diff(before, after));
        ops.applyTo(replica); // the ops the sink heard are the whole change
        assertThat(replica.text()).isEqualTo(after);

        Ops again = new Ops();
        assertThat(DiffMerge.apply(doc, after, again)).isEmpty();
        assertThat(again.size()).isZero();
    }

    @Property(tries = 2000, seed = "12")
    void anExternalEditAndConcurrentTypingConvergeAndKeepBothWhereTheyDoNotOverlap(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String base = Texts.random(random, 60);
        SequenceDoc origin = docWith(base, 3, seed);
        SequenceDoc fileSide = origin.copy(1, new Random(seed + 1));
        SequenceDoc typist = origin.copy(2, new Random(seed + 2));

        // another program edits the .md; the device that watches it merges the file
        String file = Texts.edited(base, random, 3);
        Ops fromFile = new Ops();
        List<Edit> edits = DiffMerge.apply(fileSide, file, fromFile);

        // meanwhile someone types on another device: a delete, then characters one by one
        int cps = base.codePointCount(0, base.length());
        int at = base.offsetByCodePoints(0, random.nextInt(cps + 1));
        int deleteTo = base.offsetByCodePoints(at, random.nextInt(Math.min(3, base.codePointCount(at, base.length())) + 1));
        String typed = Texts.random(random, 4);
        Ops fromTyping = new Ops();
        typist.deleteUtf16(at, deleteTo - at, fromTyping);
        for (int i = 0, offset = at; i < typed.length(); ) {
            int cp = typed.codePointAt(i);
            String one = new String(Character.toChars(cp));
            typist.insertUtf16(offset, one, fromTyping);
            offset += one.length();
            i += one.length();
        }

        fromFile.applyTo(typist);
        fromTyping.applyTo(fileSide);
        fromFile.applyTo(typist); // again: idempotent
        fileSide.checkInvariants();
        typist.checkInvariants();
        assertThat(fileSide.text()).isEqualTo(typist.text());

        List<int[]> fileRanges = rangesInBase(edits);
        boolean apart = fileRanges.stream().allMatch(r -> r[1] < at || deleteTo < r[0]);
        Statistics.label("edits").collect(apart ? "apart" : "overlapping");
        Statistics.label("edits").coverage(c -> c.check("apart").percentage(p -> p > 30));
        if (apart) {
            List<int[]> all = new ArrayList<>(fileRanges);
            all.add(new int[] {at, deleteTo, -1});
            String expected = applyInBase(base, all, edits, typed);
            assertThat(fileSide.text()).isEqualTo(expected);
        }
    }

    /** Each edit as {start, end, index} in the coordinates of the text before all of them. */
    private static List<int[]> rangesInBase(List<Edit> edits) {
        List<int[]> ranges = new ArrayList<>();
        int shift = 0;
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            int start = e.offset() - shift;
            ranges.add(new int[] {start, start + e.deleteLength(), i});
            shift += e.insert().length() - e.deleteLength();
        }
        return ranges;
    }

    /** {@code base} with every range replaced, from the last to the first (index -1: the typing). */
    private static String applyInBase(String base, List<int[]> ranges, List<Edit> edits, String typed) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort((x, y) -> Integer.compare(x[0], y[0]));
        Collections.reverse(sorted);
        StringBuilder text = new StringBuilder(base);
        for (int[] r : sorted) {
            text.replace(r[0], r[1], r[2] < 0 ? typed : edits.get(r[2]).insert());
        }
        return text.toString();
    }

    @Test
    void aTextWithAnUnpairedSurrogateIsRefusedBeforeAnythingChanges() {
        SequenceDoc doc = docWith("abc", 1, 1);
        Ops ops = new Ops();
        assertThatThrownBy(() -> DiffMerge.apply(doc, "ab\uD83Dc", ops))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate at UTF-16 offset 2");
        assertThat(doc.text()).isEqualTo("abc");
        assertThat(ops.size()).isZero();
    }

    @Test
    void aReplacementDeletesThenInsertsAndReportsEveryOp() {
        SequenceDoc doc = docWith("the cat sat", 1, 1);
        Ops ops = new Ops();
        DiffMerge.apply(doc, "the dog sat 😀", ops);
        assertThat(doc.text()).isEqualTo("the dog sat 😀");
        assertThat(ops.codePoints).containsExactly(-1, -1, -1, (int) 'd', (int) 'o', (int) 'g', (int) ' ', 0x1F600);
    }
}
