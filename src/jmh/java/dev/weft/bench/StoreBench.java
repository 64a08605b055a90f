package dev.weft.bench;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.store.DocumentChanges;
import dev.weft.store.Store;
import dev.weft.store.SyncEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Store figures for docs/store.md, on a real file (fsync included):
 *
 * <pre>
 * mvn -q -B -Pjmh package -DskipTests
 * java -cp target/weft-benchmarks.jar dev.weft.bench.StoreBench [DIR]
 * </pre>
 *
 * DIR (default: a temporary dir, deleted after) should be on the disk the server will use.
 */
public final class StoreBench {
    private StoreBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("weft-store-bench");
        try {
            bigUpsert(dir.resolve("big"));
            open(dir.resolve("big"));
            smallCommits(dir.resolve("small"));
            synclist(dir.resolve("synclist"));
            pullAfterOneChange(dir.resolve("pull"));
        } finally {
            if (args.length == 0) {
                delete(dir);
            }
        }
    }

    /** Opening the store the big upserts left (every page is checked against its checksum). */
    private static void open(Path dir) throws IOException {
        long[] ms = new long[5];
        for (int r = 0; r < ms.length; r++) {
            long t0 = System.nanoTime();
            Store.open(dir).close();
            ms[r] = (System.nanoTime() - t0) / 1_000_000;
        }
        System.out.printf("open and close of that %.1f MB file: %s ms (5 runs)%n",
                Files.size(dir.resolve("weft.db")) / 1e6, Arrays.toString(ms));
    }

    private static void bigUpsert(Path dir) {
        try (Store store = Store.open(dir)) {
            long[] ms = new long[5];
            for (int r = 0; r < ms.length; r++) {
                List<Atom> atoms = text(1, 100_000, r * 1_000L);
                UUID doc = UUID.randomUUID();
                long t0 = System.nanoTime();
                store.write(b -> b.upsert(doc, "big " + doc, atoms, List.of()));
                ms[r] = (System.nanoTime() - t0) / 1_000_000;
            }
            System.out.printf("upsert of 100,000 atoms in one batch, committed: %s ms (5 runs), file %.1f MB%n",
                    Arrays.toString(ms), Files.size(dir.resolve("weft.db")) / 1e6);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void smallCommits(Path dir) {
        try (Store store = Store.open(dir)) {
            UUID doc = UUID.randomUUID();
            store.write(b -> b.upsert(doc, "small", List.of(), List.of()));
            long[] us = new long[300];
            for (int i = 0; i < us.length; i++) {
                Atom atom = new Atom(Pid.single(1, i + 1), 'x');
                long t0 = System.nanoTime();
                store.write(b -> b.upsert(doc, null, List.of(atom), List.of()));
                us[i] = (System.nanoTime() - t0) / 1_000;
            }
            Arrays.sort(us);
            System.out.printf("one small write (1 atom), alone in its commit: median %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                    us[us.length / 2] / 1e3, us[us.length * 9 / 10] / 1e3, us[us.length * 99 / 100] / 1e3);

            int writers = 64;
            int each = 50;
            long t0 = System.nanoTime();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int site = w + 2;
                all.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < each; i++) {
                        Atom atom = new Atom(Pid.single(site, i + 1), 'y');
                        store.write(b -> b.upsert(doc, null, List.of(atom), List.of()));
                    }
                }, runnable -> new Thread(runnable).start()));
            }
            all.forEach(CompletableFuture::join);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("group commit: %d writers x %d small writes: %.0f writes/s (%.2f ms per write alone)%n",
                    writers, each, writers * each / seconds, us[us.length / 2] / 1e3);
        }
    }

    private static void synclist(Path dir) {
        try (Store store = Store.open(dir)) {
            for (int batch = 0; batch < 20; batch++) {
                store.write(b -> {
                    for (int i = 0; i < 500; i++) {
                        UUID doc = UUID.randomUUID();
                        b.upsert(doc, "note " + doc, List.of(new Atom(Pid.single(1, 1), 'a')), List.of());
                    }
                    return null;
                });
            }
            long last = store.lastSyncTime();
            double current = nanosPerSynclist(store, last);
            double behind = nanosPerSynclist(store, last - 1);
            long t1 = System.nanoTime();
            List<SyncEntry> all = store.changedSince(0, 65_536);
            double allMs = (System.nanoTime() - t1) / 1e6;
            System.out.printf("synclist of 10,000 documents: device current %.2f us (empty), one change behind %.1f us"
                    + " (answer 1), device at 0 %.1f ms (answer %d)%n", current / 1e3, behind / 1e3, allMs, all.size());
        }
    }

    private static double nanosPerSynclist(Store store, long since) {
        int sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += store.changedSince(since, 65_536).size();
        }
        int runs = 200_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            sink += store.changedSince(since, 65_536).size();
        }
        double ns = (System.nanoTime() - t0) / (double) runs;
        if (sink < 0) {
            throw new AssertionError();
        }
        return ns;
    }

    private static void pullAfterOneChange(Path dir) {
        try (Store store = Store.open(dir)) {
            UUID doc = UUID.randomUUID();
            for (int part = 0; part < 10; part++) {
                List<Atom> atoms = text(1, 100_000, part * 100L);
                store.write(b -> b.upsert(doc, "one megabyte", atoms, List.of()));
            }
            long before = store.document(doc).orElseThrow().syncTime();
            Atom one = new Atom(Pid.of(Pid.key(1, 500), Pid.key(2, 7)), 'z');
            store.write(b -> b.upsert(doc, null, List.of(one), List.of()));
            int sink = 0;
            for (int i = 0; i < 20_000; i++) {
                sink += store.changesSince(doc, before, 3).orElseThrow().inserts().size();
            }
            int runs = 100_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                sink += store.changesSince(doc, before, 3).orElseThrow().inserts().size();
            }
            double us = (System.nanoTime() - t0) / 1e3 / runs;
            long t1 = System.nanoTime();
            DocumentChanges whole = store.changesSince(doc, 0, 3).orElseThrow();
            double wholeMs = (System.nanoTime() - t1) / 1e6;
            System.out.printf("pull after 1 change in a 1,000,000-atom document: %.1f us (%d inserts); pull from 0: %.0f ms (%d atoms)%n",
                    us, sink / (runs + 20_000), wholeMs, whole.inserts().size());
        }
    }

    /** {@code n} atoms typed in order: pids {@code (prefix + i / 1000, 1)(i % 1000 + 1, site)}. */
    private static List<Atom> text(int site, int n, long prefix) {
        List<Atom> atoms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            atoms.add(new Atom(Pid.of(Pid.key(1, prefix + i / 1000), Pid.key(site, i % 1000 + 1)), 'a' + i % 26));
        }
        return atoms;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
