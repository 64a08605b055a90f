package dev.weft.bench;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.SequenceDoc;
import dev.weft.vault.text.DiffMerge;
import dev.weft.vault.text.TextDiff;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a diff of a 1 MB note costs: {@code TextDiff.diff}, and {@code DiffMerge.apply} of the
 * change into a replica of the note (docs/vault-text.md quotes the figures).
 * {@code change}: 10 or 100 scattered edits (a word replaced, a line inserted, a span deleted), the
 * same 10 edits in a note that is one line, the second half rewritten, the whole rewritten.
 */
@State(Scope.Benchmark)
public class VaultTextBench extends BenchDefaults {
    private static final int MEGABYTE = 1 << 20;

    @Param({"scattered-10", "scattered-100", "one-line-10", "half-rewritten", "rewritten"})
    public String change;

    private String from;
    private String to;

    @Setup
    public void texts() {
        String note = MarkdownText.generate(new SplittableRandom(2024), MEGABYTE);
        switch (change) {
            case "scattered-10" -> { from = note; to = scattered(note, 10, new SplittableRandom(1)); }
            case "scattered-100" -> { from = note; to = scattered(note, 100, new SplittableRandom(2)); }
            case "one-line-10" -> {
                from = note.replace('\n', ' ');
                to = scattered(from, 10, new SplittableRandom(3));
            }
            case "half-rewritten" -> {
                from = note;
                to = note.substring(0, note.length() / 2)
                        + MarkdownText.generate(new SplittableRandom(7), note.length() - note.length() / 2);
            }
            case "rewritten" -> { from = note; to = MarkdownText.generate(new SplittableRandom(99), MEGABYTE); }
            default -> throw new IllegalArgumentException(change);
        }
    }

    @Benchmark
    public List<TextDiff.Edit> diff() {
        return TextDiff.diff(from, to);
    }

    /** A fresh replica of {@code from}, built outside the timed part (each merge changes it). */
    @State(Scope.Thread)
    public static class Replica {
        SequenceDoc doc;

        @Setup(Level.Invocation)
        public void build(VaultTextBench bench) {
            doc = new SequenceDoc(1, new Random(1));
            doc.insert(0, bench.from, OpSink.NONE);
        }
    }

    @Benchmark
    public SequenceDoc diffMerge(Replica replica) {
        DiffMerge.apply(replica.doc, to, OpSink.NONE);
        return replica.doc;
    }

    static String scattered(String text, int n, SplittableRandom random) {
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
