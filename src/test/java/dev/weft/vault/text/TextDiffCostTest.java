package dev.weft.vault.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.SequenceDoc;
import dev.weft.vault.text.TextDiff.Edit;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a diff of a 1 MB note costs (docs/vault-text.md quotes these figures). Prints the median of
 * 5 timed runs after 3 warm-ups, in CPU time of the test's thread (so a busy machine does not
 * blur it); the bounds asserted are loose, for a slow CI machine:
 * {@code mvn -q -B test -Dtest=TextDiffCostTest}.
 */
@Tag("slow")
class TextDiffCostTest {
    private static final int MEGABYTE = 1 << 20;
    private static final String ONE_MB = Texts.markdown(new SplittableRandom(2024), MEGABYTE);

    @Test
    void aFewScatteredEditsInAMegabyte() {
        String edited = scattered(ONE_MB, 10, new SplittableRandom(1));
        List<Edit> edits = measure("1 MB, 10 scattered edits", ONE_MB, edited);
        assertThat(changed(edits)).isLessThan(2_000); // found the edits, not a wholesale replacement
    }

    @Test
    void aHundredScatteredEditsInAMegabyte() {
        String edited = scattered(ONE_MB, 100, new SplittableRandom(2));
        List<Edit> edits = measure("1 MB, 100 scattered edits", ONE_MB, edited);
        assertThat(changed(edits)).isLessThan(20_000);
    }

    @Test
    void aMegabyteWhoseSecondHalfIsRewritten() {
        String half = ONE_MB.substring(0, ONE_MB.length() / 2)
                + Texts.markdown(new SplittableRandom(7), ONE_MB.length() / 2);
        measure("1 MB, second half rewritten", ONE_MB, half);
    }

    @Test
    void aMegabyteRewrittenWhole() {
        String other = Texts.markdown(new SplittableRandom(99), MEGABYTE);
        measure("1 MB rewritten whole", ONE_MB, other);
    }

    @Test
    void aMegabyteOnOneLineWithAFewEdits() {
        String line = ONE_MB.replace('\n', ' ');
        measure("1 MB on one line, 10 scattered edits", line, scattered(line, 10, new SplittableRandom(3)));
    }

    @Test
    void mergingTheFewEditsIntoAMegabyteReplica() {
        String edited = scattered(ONE_MB, 10, new SplittableRandom(1));
        long ms = median(() -> {
            SequenceDoc doc = new SequenceDoc(1, new Random(1));
            doc.insert(0, ONE_MB, OpSink.NONE);
            long start = cpuNanos();
            DiffMerge.apply(doc, edited, OpSink.NONE);
            long took = cpuNanos() - start;
            assertThat(doc.text()).isEqualTo(edited);
            return took;
        });
        System.out.printf("[vault-text] DiffMerge.apply, 1 MB replica, 10 scattered edits: %d ms CPU%n", ms);
        assertThat(ms).isLessThan(3_000);
    }

    @Test
    void mergingAWholeRewriteIntoAMegabyteReplica() {
        String other = Texts.markdown(new SplittableRandom(99), MEGABYTE);
        long ms = median(() -> {
            SequenceDoc doc = new SequenceDoc(1, new Random(1));
            doc.insert(0, ONE_MB, OpSink.NONE);
            long start = cpuNanos();
            DiffMerge.apply(doc, other, OpSink.NONE);
            long took = cpuNanos() - start;
            assertThat(doc.text()).isEqualTo(other);
            return took;
        });
        System.out.printf("[vault-text] DiffMerge.apply, 1 MB replica rewritten whole: %d ms CPU%n", ms);
        assertThat(ms).isLessThan(10_000);
    }

    private static List<Edit> measure(String what, String from, String to) {
        AtomicReference<List<Edit>> last = new AtomicReference<>();
        long ms = median(() -> {
            long start = cpuNanos();
            last.set(TextDiff.diff(from, to));
            return cpuNanos() - start;
        });
        List<Edit> edits = last.get();
        assertThat(TextDiff.apply(from, edits)).isEqualTo(to);
        System.out.printf("[vault-text] TextDiff.diff, %s: %d ms CPU, %d edits, %d UTF-16 units changed%n",
                what, ms, edits.size(), changed(edits));
        assertThat(ms).isLessThan(3_000);
        return edits;
    }

    /** This thread's CPU time: what the work costs, whatever else the machine is busy with. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The median of 5 runs after 3 warm-ups, in milliseconds. */
    private static long median(Supplier<Long> nanos) {
        long[] runs = new long[8];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = nanos.get();
        }
        long[] timed = Arrays.copyOfRange(runs, 3, 8);
        Arrays.sort(timed);
        return timed[2] / 1_000_000;
    }

    private static int changed(List<Edit> edits) {
        return edits.stream().mapToInt(e -> e.deleteLength() + e.insert().length()).sum();
    }

    /** {@code text} with {@code n} small edits (a word replaced, a line inserted, a span deleted) spread over it. */
    private static String scattered(String text, int n, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(sb.length() - 100);
            if (Character.isLowSurrogate(sb.charAt(at))) {
                at++;
            }
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, "inserted words 漢字 😀\n");
                case 1 -> sb.delete(at, safeEnd(sb, at + 1 + random.nextInt(40)));
                default -> sb.replace(at, safeEnd(sb, at + 5), "REPLACED");
            }
        }
        return sb.toString();
    }

    private static int safeEnd(StringBuilder sb, int end) {
        return Character.isLowSurrogate(sb.charAt(end)) ? end + 1 : end;
    }
}
