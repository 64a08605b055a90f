package dev.weft.bench;

import dev.weft.app.trace.EditingTrace;
import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.TextHistory;
import dev.weft.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Issue 16 §3's figures: a trace's edits stored one upsert per transaction of the trace (a
 * keystroke, mostly), one second apart with a 10-minute pause every 2,000 edits, so the store keeps
 * its deleted text; then the store's size per 1,000 edits, and the time to list the note's versions
 * and to fetch a version's text as the server does it (read the runs, rebuild), median of 21; then
 * {@code --history-days} at the middle version (one commit) and a pull from before it.
 *
 * <pre>
 * mvn -q -B -Pjmh package -DskipTests
 * java -cp target/weft-benchmarks.jar dev.weft.bench.HistoryBench [automerge-paper]
 * </pre>
 */
public final class HistoryBench {
    private static final long SECOND = 1_000_000L;
    private static final int SESSION_EDITS = 2_000;
    private static final int RUNS = 21;

    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "automerge-paper";
        System.out.println("== HistoryBench trace=" + name);
        System.out.println("machine: " + BenchNet.machine());
        EditingTrace trace = BenchTraces.read(name);
        TraceEdits typed = TraceEdits.of(trace);
        List<List<Atom>> txnInserts = typed.inserts();
        List<List<Pid>> txnDeletes = typed.deletes();
        int edits = typed.count();
        Path dir = Files.createTempDirectory("weft-history");
        UUID id = new UUID(8, 8);
        long[] now = {1_765_000_000_000_000L};
        try {
            long t0 = System.nanoTime();
            try (Store store = Store.open(dir, () -> now[0])) {
                for (int from = 0; from < edits; from += 2_000) {
                    int start = from;
                    store.write(batch -> {
                        for (int t = start; t < Math.min(edits, start + 2_000); t++) {
                            now[0] += t % SESSION_EDITS == 0 ? 600 * SECOND : SECOND;
                            batch.upsert(id, t == 0 ? name : null, txnInserts.get(t), txnDeletes.get(t));
                        }
                        return Boolean.TRUE;
                    });
                }
            }
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(dir.resolve("weft.db"));
            try (Store store = Store.open(dir)) {
                TextHistory history = store.textHistory(id).orElseThrow();
                List<TextHistory.Version> versions = history.versions();
                String current = history.textAt(Long.MAX_VALUE).text();
                System.out.printf("edits %,d, atoms %,d, final text %,d chars, versions %d, stored in %.1f s%n",
                        edits, history.size(), current.length(), versions.size(), loadSeconds);
                System.out.printf("weft.db %,d bytes: %,.0f bytes per 1,000 edits (%.1f bytes an atom)%n",
                        bytes, bytes * 1000.0 / edits, (double) bytes / history.size());
                Store.HistorySize kept = store.historySize();
                System.out.printf("deleted characters kept: %,d%n", kept.deletedCharacters());
                long[] list = new long[RUNS];
                long[] fetch = new long[RUNS];
                TextHistory.Version middle = versions.get(versions.size() / 2);
                int length = 0;
                for (int r = 0; r < RUNS; r++) {
                    long a = System.nanoTime();
                    int n = store.textHistory(id).orElseThrow().versions().size();
                    long b = System.nanoTime();
                    length += store.textHistory(id).orElseThrow().textAt(middle.to()).text().length() + n;
                    long c = System.nanoTime();
                    list[r] = b - a;
                    fetch[r] = c - b;
                }
                System.out.printf("list versions: median %.1f ms; fetch version %d (%,d chars): median %.1f ms (%d)%n",
                        median(list) / 1e6, middle.number(), history.textAt(middle.to()).text().length(),
                        median(fetch) / 1e6, length % 10);
                // --history-days at the middle version: deleted text and history entries before it go
                long p0 = System.nanoTime();
                long[] pruned = store.write(batch -> new long[] {batch.forgetDeletedBefore(id, middle.to()),
                        batch.pruneHistoryBefore(id, middle.to())});
                long p1 = System.nanoTime();
                long early = versions.get(1).to();
                int pulled = store.changesSince(id, early, 200).orElseThrow().inserts().size();
                long p2 = System.nanoTime();
                System.out.printf("prune before version %d: %,d characters forgotten, %,d history entries removed,"
                        + " one commit %.0f ms; a pull from version 2 (now from the runs): %,d inserts, %.0f ms%n",
                        middle.number(), pruned[0], pruned[1], (p1 - p0) / 1e6, pulled, (p2 - p1) / 1e6);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
