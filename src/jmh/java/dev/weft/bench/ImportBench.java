package dev.weft.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.weft.vault.ConfigDir;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Opening a folder of Markdown no Weft has seen (issue 14, docs/benchmarks.md "Import"): what
 * {@code weft sync --vault DIR} and the window do first, {@code Vault.open}, which takes every
 * {@code .md} in as a note with its ops pending. Each run copies a {@link MarkdownVault} folder
 * afresh, reads it once with {@code cat} (page cache warm for both), then opens it.
 *
 * <pre>
 * java -cp target/weft-benchmarks.jar dev.weft.bench.ImportBench [--notes 500] [--chars 2920] [--varied] [--runs 3]
 * </pre>
 *
 * <p>Prints per run the wall time, the process's CPU time (the fsync threads, JIT and GC included),
 * the importing thread's CPU time and MB/s by it, against {@code cat}'s wall time.
 */
public final class ImportBench {
    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int notes = 500;
        int chars = 2_920;
        boolean varied = false;
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--notes" -> notes = Integer.parseInt(args[++i]);
                case "--chars" -> chars = Integer.parseInt(args[++i]);
                case "--varied" -> varied = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: ImportBench [--notes N] [--chars C] [--varied] [--runs R]");
                    System.exit(2);
                }
            }
        }
        Path root = Files.createTempDirectory("weft-import");
        if (System.getProperty(ConfigDir.PROPERTY) == null) {
            System.setProperty(ConfigDir.PROPERTY, root.resolve("config").toString());
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            Path source = root.resolve("source");
            long bytes = new MarkdownVault().write(source, notes, chars, varied);
            System.out.printf("== ImportBench: %,d notes, %,d bytes; %s; load average %s%n", notes, bytes,
                    BenchNet.machine(), BenchNet.loadAverage());
            for (int run = 1; run <= runs; run++) {
                Path folder = root.resolve("run-" + run);
                copy(source, folder);
                double cat = FirstSyncBench.cat(folder);
                long cpu0 = os.getProcessCpuTime();
                long thread0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try (Vault vault = Vault.open(folder, VaultOptions.defaults())) {
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                    double thread = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
                    if (vault.notes().size() != notes) {
                        throw new AssertionError(vault.notes().size() + " notes, not " + notes);
                    }
                    System.out.printf("run %d: import %.2f s wall (%.1f MB/s), %.2f s CPU, %.2f s of it the importing thread's"
                            + " (%.1f MB/s); cat %.3f s (%.0f MB/s)%n", run, wall, bytes / 1e6 / wall, cpu, thread,
                            bytes / 1e6 / thread, cat, bytes / 1e6 / cat);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
