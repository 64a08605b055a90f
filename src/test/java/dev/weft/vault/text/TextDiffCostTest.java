package dev.weft.vault.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.vault.text.TextDiff.Edit;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a diff of a 1 MB note costs, in what does not depend on the machine's speed: the edits found
 * (a few scattered edits stay a few small edits, not a wholesale replacement) and the ops a merge
 * makes. Its time is {@code VaultTextBench}'s (docs/vault-text.md quotes both):
 * {@code mvn -q -B test -Dtest=TextDiffCostTest}.
 */
@Tag("slow")
class TextDiffCostTest {
    private static final int MEGABYTE = 1 << 20;
    private static final String ONE_MB = Texts.markdown(new SplittableRandom(2024), MEGABYTE);

    @Test
    void aFewScatteredEditsInAMegabyte() {
        String edited = scattered(ONE_MB, 10, new SplittableRandom(1));
        List<Edit> edits = diff("1 MB, 10 scattered edits", ONE_MB, edited);
        assertThat(changed(edits)).isLessThan(2_000); // found the edits, not a wholesale replacement
    }

    @Test
    void aHundredScatteredEditsInAMegabyte() {
        String edited = scattered(ONE_MB, 100, new SplittableRandom(2));
        List<Edit> edits = diff("1 MB, 100 scattered edits", ONE_MB, edited);
        assertThat(changed(edits)).isLessThan(20_000);
    }

    @Test
    void aMegabyteWhoseSecondHalfIsRewritten() {
        String half = ONE_MB.substring(0, ONE_MB.length() / 2)
                + Texts.markdown(new SplittableRandom(7), ONE_MB.length() / 2);
        diff("1 MB, second half rewritten", ONE_MB, half);
    }

    @Test
    void aMegabyteRewrittenWhole() {
        String other = Texts.markdown(new SplittableRandom(99), MEGABYTE);
        diff("1 MB rewritten whole", ONE_MB, other);
    }

    @Test
    void aMegabyteOnOneLineWithAFewEdits() {
        String line = ONE_MB.replace('\n', ' ');
        List<Edit> edits = diff("1 MB on one line, 10 scattered edits", line, scattered(line, 10, new SplittableRandom(3)));
        assertThat(changed(edits)).isLessThan(2_000);
    }

    @Test
    void mergingTheFewEditsIntoAMegabyteReplica() {
        String edited = scattered(ONE_MB, 10, new SplittableRandom(1));
        int ops = merge(ONE_MB, edited);
        System.out.printf("[vault-text] DiffMerge.apply, 1 MB replica, 10 scattered edits: %d ops%n", ops);
        assertThat(ops).isLessThan(2_000); // ops for the edits, not for the megabyte
    }

    @Test
    void mergingAWholeRewriteIntoAMegabyteReplica() {
        String other = Texts.markdown(new SplittableRandom(99), MEGABYTE);
        int ops = merge(ONE_MB, other);
        System.out.printf("[vault-text] DiffMerge.apply, 1 MB replica rewritten whole: %d ops%n", ops);
    }

    private static List<Edit> diff(String what, String from, String to) {
        List<Edit> edits = TextDiff.diff(from, to);
        assertThat(TextDiff.apply(from, edits)).isEqualTo(to);
        System.out.printf("[vault-text] TextDiff.diff, %s: %d edits, %d UTF-16 units changed%n",
                what, edits.size(), changed(edits));
        return edits;
    }

    /** Merges {@code to} into a replica of {@code from}; returns the ops the merge made. */
    private static int merge(String from, String to) {
        SequenceDoc doc = new SequenceDoc(1, new Random(1));
        doc.insert(0, from, OpSink.NONE);
        int[] ops = new int[1];
        DiffMerge.apply(doc, to, new OpSink() {
            @Override
            public void inserted(Pid pid, int codePoint) {
                ops[0]++;
            }

            @Override
            public void deleted(Pid pid) {
                ops[0]++;
            }
        });
        assertThat(doc.text()).isEqualTo(to);
        return ops[0];
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
