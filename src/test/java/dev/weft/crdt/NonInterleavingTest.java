package dev.weft.crdt;

import static dev.weft.crdt.ConcurrentTyping.applyAll;
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

/** Devices typing concurrently at the same place end with one run after the other. */
class NonInterleavingTest {
    @Test
    void twoDevicesTypingIntoAnEmptyNoteDoNotMix() {
        SequenceDoc a = new SequenceDoc(1, new SplittableRandom(1));
        SequenceDoc b = new SequenceDoc(2, new SplittableRandom(2));
        List<Op> fromA = new ArrayList<>();
        List<Op> fromB = new ArrayList<>();
        type(a, 0, "hello", fromA);
        type(b, 0, "world", fromB);
        applyAll(a, fromB);
        applyAll(b, fromA);
        assertThat(a.text()).isEqualTo(b.text()).isIn("helloworld", "worldhello");
    }

    @Property(tries = 600, seed = "99")
    void concurrentRunsAtOnePlaceStayWhole(@ForAll @IntRange(min = 2, max = 4) int devices,
            @ForAll @IntRange(min = 0, max = 40) int baseLength, @ForAll @IntRange(min = 1, max = 60) int runLength,
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
    }

    @Test
    void typingAfterAnotherDevicesGrowingRunLandsAfterAllOfIt() {
        SequenceDoc a = new SequenceDoc(5, new SplittableRandom(5));
        SequenceDoc b = new SequenceDoc(3, new SplittableRandom(3));
        List<Op> early = new ArrayList<>();
        type(a, 0, "The cat", early);
        applyAll(b, early);
        List<Op> late = new ArrayList<>();
        type(a, 7, " sat on the mat.", late); // a keeps typing...
        List<Op> fromB = new ArrayList<>();
        type(b, 7, "!!", fromB); // ...while b, who saw "The cat", types after it
        applyAll(a, fromB);
        applyAll(b, late);
        assertThat(a.text()).isEqualTo(b.text()).isEqualTo("The cat sat on the mat.!!");
    }

    @Test
    void typingIntoAnotherDevicesTextAndItsCorrectionDoNotMix() {
        SequenceDoc a = new SequenceDoc(200, new SplittableRandom(1));
        SequenceDoc b = new SequenceDoc(7, new SplittableRandom(2));
        List<Op> base = new ArrayList<>();
        type(a, 0, "one two", base);
        applyAll(b, base);
        List<Op> fromA = new ArrayList<>();
        List<Op> fromB = new ArrayList<>();
        type(a, 3, " and a half", fromA);
        type(b, 3, " or so", fromB);
        applyAll(a, fromB);
        applyAll(b, fromA);
        assertThat(a.text()).isEqualTo(b.text()).isIn("one and a half or so two", "one or so and a half two");
    }
}
