package dev.weft.bench;

import dev.weft.app.trace.EditingTrace;
import dev.weft.crdt.Atom;
import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.store.Store;
import dev.weft.store.StoreCompaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The size of the server's {@code weft.db} (issue 14), through the store's own API on a real file:
 * a vault of N generated Markdown notes, each pasted in one go and uploaded in steps of 1,024 ops as
 * the server stores a big upsert (pids as today's allocator makes them, and again with every
 * note's pids at one fixed stride, as a run allocator makes them); and a trace's whole history,
 * one upsert per transaction (a keystroke each), 2,000 to a commit.
 *
 * <pre>
 * mvn -q -B -Pjmh package -DskipTests
 * java -cp target/weft-benchmarks.jar dev.weft.bench.StoreSizeBench [--notes 500] [--note-bytes 2920] [--trace automerge-paper]
 * </pre>
 */
public final class StoreSizeBench {
    private static final int STEP_OPS = 1_024;

    private StoreSizeBench() {
    }

    public static void main(String[] args) throws Exception {
        int notes = 500;
        int noteBytes = 2_920;
        String traceName = "automerge-paper";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--notes" -> notes = Integer.parseInt(args[++i]);
                case "--note-bytes" -> noteBytes = Integer.parseInt(args[++i]);
                case "--trace" -> traceName = args[++i];
                default -> throw new IllegalArgumentException(
                        "usage: StoreSizeBench [--notes N] [--note-bytes B] [--trace NAME]");
            }
        }
        System.out.println("== StoreSizeBench notes=" + notes + " note-bytes=" + noteBytes + " trace=" + traceName);
        System.out.println("machine: " + BenchNet.machine());
        Path dir = Files.createTempDirectory("weft-store-size");
        try {
            vault(dir.resolve("allocator"), notes, noteBytes, false);
            vault(dir.resolve("stride"), notes, noteBytes, true);
            trace(dir.resolve("trace"), traceName);
        } finally {
            delete(dir);
        }
    }

    private static void vault(Path dir, int notes, int noteBytes, boolean fixedStride) {
        SplittableRandom random = new SplittableRandom(1);
        long textBytes = 0;
        long atoms = 0;
        long t0 = System.nanoTime();
        try (Store store = Store.open(dir)) {
            for (int n = 0; n < notes; n++) {
                String text = MarkdownText.generate(random, noteBytes);
                textBytes += text.getBytes(StandardCharsets.UTF_8).length;
                SequenceDoc doc = new SequenceDoc(1, new SplittableRandom(n));
                List<Atom> inserts = new ArrayList<>();
                doc.insert(0, text, new OpSink() {
                    @Override
                    public void inserted(Pid pid, int codePoint) {
                        inserts.add(new Atom(fixedStride ? Pid.single(1, 1 + 16L * inserts.size()) : pid, codePoint));
                    }

                    @Override
                    public void deleted(Pid pid) {
                    }
                });
                atoms += inserts.size();
                UUID id = new UUID(7, n);
                String name = String.format("folder-%02d/note-%05d", n % 100, n);
                for (int from = 0; from < inserts.size(); from += STEP_OPS) {
                    List<Atom> step = inserts.subList(from, Math.min(inserts.size(), from + STEP_OPS));
                    boolean first = from == 0;
                    store.write(batch -> batch.upsert(id, first ? name : null, step, List.of()));
                }
            }
        }
        report((fixedStride ? "vault, pids at a fixed stride (runs)" : "vault, pids of today's allocator")
                + String.format(": %,d notes, %,d atoms", notes, atoms), dir, textBytes, t0);
    }

    private static void trace(Path dir, String name) throws IOException {
        EditingTrace trace = BenchTraces.read(name);
        UUID id = new UUID(8, 8);
        TraceEdits typed = TraceEdits.of(trace);
        List<List<Atom>> txnInserts = typed.inserts();
        List<List<Pid>> txnDeletes = typed.deletes();
        long t0 = System.nanoTime();
        try (Store store = Store.open(dir)) {
            for (int from = 0; from < txnInserts.size(); from += 2_000) {
                int start = from;
                store.write(batch -> {
                    for (int t = start; t < Math.min(txnInserts.size(), start + 2_000); t++) {
                        batch.upsert(id, t == 0 ? name : null, txnInserts.get(t), txnDeletes.get(t));
                    }
                    return Boolean.TRUE;
                });
            }
        }
        SequenceDoc doc = typed.doc();
        long textBytes = doc.text().getBytes(StandardCharsets.UTF_8).length;
        report(String.format("%s history: %,d transactions, %,d atoms with tombstones, %,d chars", name,
                trace.txns().size(), doc.atomCount(), doc.length()), dir, textBytes, t0);
    }

    private static void report(String what, Path dir, long textBytes, long t0) {
        try {
            long size = Files.size(dir.resolve("weft.db"));
            System.out.printf("%s: %,d text bytes; weft.db %,d B = %.1f x the text; written in %.1f s%n", what,
                    textBytes, size, size / (double) textBytes, (System.nanoTime() - t0) / 1e9);
            long start = System.nanoTime();
            StoreCompaction.compactIfWasteful(dir).ifPresentOrElse(sizes -> System.out.printf(
                    "  compacted as at the server's start: weft.db %,d B = %.1f x the text, in %.1f s%n", sizes[1],
                    sizes[1] / (double) textBytes, (System.nanoTime() - start) / 1e9),
                    () -> System.out.println("  not compacted at the server's start (little free space)"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
