package dev.weft.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The figures of docs/record-log.md; not a test. Needs nothing but the compiled classes:
 * {@code mvn -q -B test-compile && java -cp target/classes:target/test-classes
 * dev.weft.vault.RecordLogFigures [DIR]} (DIR: where to put the files, default a temporary folder).
 */
public final class RecordLogFigures {
    private static final int RECORDS = 100_000;

    private RecordLogFigures() {
    }

    public static void main(String[] args) throws IOException {
        Path base = args.length > 0 ? Files.createDirectories(Path.of(args[0]))
                : Files.createTempDirectory("weft-figures");
        try {
            appendLatency(base.resolve("append"), ReplicaOptions.DEFAULT_FSYNC_INTERVAL, 20_000);
            appendLatency(base.resolve("append-fsync"), Duration.ZERO, 2_000);
            markSentLatency(base.resolve("sent"));
            reopenAndCompaction(base.resolve("big"));
        } finally {
            deleteTree(base);
        }
    }

    private static ReplicaOptions options(Duration fsync) {
        return new ReplicaOptions(1, new SplittableRandom(1), TestReplicas.CLOCK, Long.MAX_VALUE, fsync);
    }

    private static void appendLatency(Path vault, Duration fsync, int n) throws IOException {
        try (NoteReplica r = NoteReplica.open(new VaultPaths(vault), UUID.randomUUID(), options(fsync))) {
            long[] t = new long[n];
            for (int i = -n / 10; i < n; i++) {
                long start = System.nanoTime();
                r.insert(r.length(), "x");
                if (i >= 0) {
                    t[i] = System.nanoTime() - start;
                }
            }
            print("append of one typed character, fsync " + (fsync.isZero() ? "every append" : "within " + fsync), t);
        }
    }

    private static void markSentLatency(Path vault) throws IOException {
        try (NoteReplica r = NoteReplica.open(new VaultPaths(vault), UUID.randomUUID(),
                options(ReplicaOptions.DEFAULT_FSYNC_INTERVAL))) {
            int n = 1_000;
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                r.insert(r.length(), "ab");
                long start = System.nanoTime();
                r.log().markSent(r.log().lastSeq());
                t[i] = System.nanoTime() - start;
            }
            print("markSent (append + fdatasync barrier before sending)", t);
        }
    }

    private static void reopenAndCompaction(Path vault) throws IOException {
        VaultPaths paths = new VaultPaths(vault);
        UUID id = UUID.randomUUID();
        SplittableRandom random = new SplittableRandom(7);
        try (NoteReplica r = NoteReplica.open(paths, id, options(ReplicaOptions.DEFAULT_FSYNC_INTERVAL))) {
            for (int i = 0; i < RECORDS; i++) {
                int at = random.nextInt(8) == 0 ? random.nextInt(r.length() + 1) : r.length();
                r.insert(at, Character.toString('a' + random.nextInt(26)));
            }
        }
        long logBytes = Files.size(paths.latestOps(id));
        long[] reopen = new long[5];
        for (int i = 0; i < reopen.length; i++) {
            long start = System.nanoTime();
            NoteReplica r = NoteReplica.open(paths, id, options(ReplicaOptions.DEFAULT_FSYNC_INTERVAL));
            reopen[i] = System.nanoTime() - start;
            r.close();
        }
        print("reopen: replay a log of " + RECORDS + " local inserts (" + logBytes / 1024 + " KiB)", reopen);
        long[] pendingAll = new long[5];
        long[] pendingNone = new long[5];
        for (int i = 0; i < 5; i++) {
            Path copy = vault.resolveSibling("big-" + i);
            copyTree(vault, copy);
            VaultPaths copyPaths = new VaultPaths(copy);
            try (NoteReplica r = NoteReplica.open(copyPaths, id, options(ReplicaOptions.DEFAULT_FSYNC_INTERVAL))) {
                long start = System.nanoTime();
                r.compact();
                pendingAll[i] = System.nanoTime() - start;
                r.log().acknowledge(r.log().lastSeq());
                start = System.nanoTime();
                r.compact();
                pendingNone[i] = System.nanoTime() - start;
            }
            if (i == 0) {
                long[] load = new long[5];
                for (int j = 0; j < load.length; j++) {
                    long start = System.nanoTime();
                    NoteReplica r = NoteReplica.open(copyPaths, id, options(ReplicaOptions.DEFAULT_FSYNC_INTERVAL));
                    load[j] = System.nanoTime() - start;
                    r.close();
                }
                print("reopen after compaction: structure of " + RECORDS + " atoms ("
                        + Files.size(copyPaths.structure(id)) / 1024 + " KiB), empty log", load);
            }
            deleteTree(copy);
        }
        print("compaction of a " + RECORDS + "-atom note, all " + RECORDS + " ops pending", pendingAll);
        print("compaction of a " + RECORDS + "-atom note, nothing pending", pendingNone);
    }

    private static void print(String what, long[] nanos) {
        long[] t = nanos.clone();
        Arrays.sort(t);
        System.out.printf("%-80s median %9.3f ms  p99 %9.3f ms  max %9.3f ms%n", what, t[t.length / 2] / 1e6,
                t[Math.min(t.length - 1, t.length * 99 / 100)] / 1e6, t[t.length - 1] / 1e6);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
