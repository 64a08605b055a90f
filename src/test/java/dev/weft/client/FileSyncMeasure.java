package dev.weft.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The first sync of a vault's files through the real jar only (docs/benchmarks.md, "First sync of
 * files"): starts {@code JAR --server} (TLS) as a child, writes random files of 50 KB to 200 MB
 * (sizes log-uniform, seed 17) until {@code MB} megabytes, runs {@code JAR sync --pair} on the folder
 * (device a: upload) and on an empty one (device b: download), each with {@code -Xmx256m} (server
 * too), prints the files' line of each ({@code weft sync}'s own time for the files' round) with MB/s,
 * then {@code cp -r} of the same files for comparison and a rename of the largest file.
 * Not a test; after {@code mvn -q -B package -DskipTests} and {@code test-compile}:
 *
 * <pre>java -cp target/test-classes:target/weft.jar dev.weft.client.FileSyncMeasure MB [--jar JAR]</pre>
 */
public final class FileSyncMeasure {
    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]) * 1_000_000L;
        String jar = args.length > 2 && args[1].equals("--jar") ? args[2] : "target/weft.jar";
        Path dir = Files.createTempDirectory("weft-file-sync");
        int port = dev.weft.testing.WeftChild.freePort();
        Process server = new ProcessBuilder("java", "-Xmx256m", "-jar", jar, "--server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--data", dir.resolve("s").toString()).redirectErrorStream(true).start();
        try {
            CompletableFuture<String> link = MeasureServer.firstPairLink(server);
            Path a = Files.createDirectories(dir.resolve("a"));
            List<Long> sizes = writeFiles(a, total);
            long bytes = sizes.stream().mapToLong(Long::longValue).sum();
            System.out.printf("%d files, %,d B (%,d to %,d B), server on 127.0.0.1 with TLS%n", sizes.size(), bytes,
                    sizes.stream().mapToLong(Long::longValue).min().orElse(0),
                    sizes.stream().mapToLong(Long::longValue).max().orElse(0));
            sync("upload (device a)", jar, a, link.get(), bytes);
            sync("download (device b)", jar, dir.resolve("b"), pairCode(jar, dir.resolve("s")), bytes);
            long start = System.nanoTime();
            new ProcessBuilder("cp", "-r", a.toString(), dir.resolve("copy").toString()).inheritIO().start().waitFor();
            new ProcessBuilder("sync").start().waitFor();
            double cp = (System.nanoTime() - start) / 1e9;
            System.out.printf("cp -r of the same files (and sync): %.2f s, %.1f MB/s%n", cp, bytes / 1e6 / cp);
            Files.move(a.resolve("f-0000.bin"), a.resolve("renamed-0000.bin"));
            sync("rename of f-0000.bin (" + sizes.get(0) + " B, device a)", jar, a, null, sizes.get(0));
            System.out.println("[" + dir + "]");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** The largest first: f-0000.bin is the one renamed. */
    public static List<Long> writeFiles(Path folder, long total) throws IOException {
        SplittableRandom random = new SplittableRandom(17);
        List<Long> sizes = new ArrayList<>();
        long sum = 0;
        while (sum < total) {
            long size = (long) Math.exp(Math.log(50_000) + random.nextDouble() * (Math.log(200_000_000) - Math.log(50_000)));
            size = Math.min(size, total - sum < 50_000 ? 50_000 : Math.max(50_000, total - sum));
            sizes.add(size);
            sum += size;
        }
        sizes.sort((x, y) -> Long.compare(y, x));
        byte[] buffer = new byte[1 << 20];
        for (int i = 0; i < sizes.size(); i++) {
            Path file = folder.resolve(String.format("d%d/f-%04d.bin", i % 7, i));
            if (i == 0) {
                file = folder.resolve("f-0000.bin");
            }
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = sizes.get(i); left > 0; left -= buffer.length) {
                    for (int k = 0; k < buffer.length; k += 8) {
                        long r = random.nextLong();
                        for (int j = 0; j < 8; j++) {
                            buffer[k + j] = (byte) (r >>> (8 * j));
                        }
                    }
                    out.write(buffer, 0, (int) Math.min(buffer.length, left));
                }
            }
        }
        return sizes;
    }

    private static void sync(String what, String jar, Path folder, String link, long bytes) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-jar", jar, "sync", "--vault", folder.toString()));
        if (link != null) {
            command.addAll(List.of("--pair", link, "--name", what.substring(what.indexOf("device ") + 7, what.length() - 1)));
        }
        long start = System.nanoTime();
        Process device = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(device.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = device.waitFor();
        double whole = (System.nanoTime() - start) / 1e9;
        String line = out.lines().filter(l -> l.startsWith("files:")).findFirst()
                .orElseThrow(() -> new IOException(what + " ended " + status + ":\n" + out));
        long ms = Long.parseLong(line.replaceAll(".*, (\\d+) ms$", "$1"));
        System.out.printf("%s: %s%n  files' round %.2f s, %.1f MB/s (process %.2f s, exit %d)%n", what, line, ms / 1e3,
                bytes / 1e6 / (ms / 1e3), whole, status);
    }

    private static String pairCode(String jar, Path data) throws Exception {
        Process code = new ProcessBuilder("java", "-jar", jar, "pair-code", "--data", data.toString()).start();
        String link = new String(code.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow().substring(6);
        code.waitFor();
        return link;
    }
}
