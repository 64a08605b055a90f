package dev.weft.client.files;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The device's share of a first upload without the network (docs/benchmarks.md, "Files"): writes
 * {@code MB} megabytes of random files of 50 KB to 200 MB as FileSyncMeasure does, then chunks and
 * hashes them all ({@link ContentScan}) and prints MB/s and the heap's peak. Not a test; after
 * {@code mvn -q -B test-compile}:
 *
 * <pre>java -Xmx256m -cp target/classes:target/test-classes dev.weft.client.files.ContentScanMeasure MB</pre>
 */
public final class ContentScanMeasure {
    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]) * 1_000_000L;
        Path dir = Files.createTempDirectory("weft-scan");
        List<Long> sizes = dev.weft.client.FileSyncMeasure.writeFiles(dir, total);
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        for (int run = 0; run < 2; run++) { // the first run warms the JIT up
            long bytes = 0;
            long chunks = 0;
            long start = System.nanoTime();
            for (Path f : files) {
                FileContent c = ContentScan.of(f);
                bytes += c.size();
                chunks += c.chunks().size();
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %d files, %,d B, %d chunks (average %,d B): %.2f s, %.1f MB/s%n", run + 1,
                    files.size(), bytes, chunks, bytes / Math.max(1, chunks), s, bytes / 1e6 / s);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("heap peak %.1f MB (of %d files totalling %,d B)  [%s]%n", peak / 1e6, sizes.size(),
                sizes.stream().mapToLong(Long::longValue).sum(), dir);
    }
}
