package dev.weft.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The first sync of a vault of many notes through the real jar only (docs/benchmarks.md, "First sync
 * of many notes"): starts {@code JAR --server} as a child (TLS, or {@code --no-tls}), writes {@code
 * NOTES} varied Markdown notes of about {@code BYTES} each into a folder, runs {@code JAR sync --pair}
 * on it (device a: the folder is imported at open, then uploaded) and then on an empty folder (device
 * b: downloads); prints each sync's own time ({@code weft sync}'s "in sync" line: from connecting to
 * current, the JVM's start and the import not counted), the child's whole time, and bytes each way.
 * Not a test; after {@code mvn -q -B package -DskipTests} and {@code test-compile}:
 *
 * <pre>java -cp target/test-classes:target/weft.jar dev.weft.client.FirstSyncMeasure NOTES BYTES [--tls] [--jar JAR] [--jfr DIR]</pre>
 *
 * {@code --jfr DIR} records the server and both devices with JFR's profile settings into DIR.
 */
public final class FirstSyncMeasure {
    public static void main(String[] args) throws Exception {
        int notes = Integer.parseInt(args[0]);
        int noteBytes = Integer.parseInt(args[1]);
        boolean tls = false;
        String jar = "target/weft.jar";
        Path jfr = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--tls" -> tls = true;
                case "--jar" -> jar = args[++i];
                case "--jfr" -> jfr = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("weft-first-sync");
        int port = dev.weft.testing.WeftChild.freePort();
        List<String> server = new ArrayList<>(java(jar, jfr, "server", "-Xmx1g"));
        server.addAll(List.of("--server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--data",
                dir.resolve("s").toString()));
        if (!tls) {
            server.add("--no-tls");
        }
        Process serverProcess = new ProcessBuilder(server).redirectErrorStream(true).start();
        try {
            CompletableFuture<String> link = MeasureServer.firstPairLink(serverProcess);
            Path a = Files.createDirectories(dir.resolve("a"));
            long text = writeNotes(a, notes, noteBytes);
            System.out.printf("%d notes, %,d B of text, server on 127.0.0.1 %s%n", notes, text, tls ? "TLS" : "no TLS");
            String first = link.get();
            double cpu = cpuSeconds(serverProcess.pid());
            sync("upload (device a)", jar, jfr, a, first, text);
            double afterUpload = cpuSeconds(serverProcess.pid());
            System.out.printf("  server CPU during the upload %.2f s%n", afterUpload - cpu);
            String second = pairCode(jar, dir.resolve("s"));
            double beforeDownload = cpuSeconds(serverProcess.pid());
            sync("download (device b)", jar, jfr, dir.resolve("b"), second, text);
            System.out.printf("  server CPU during the download %.2f s%n", cpuSeconds(serverProcess.pid()) - beforeDownload);
            sizes(dir, text);
            if (jfr != null) {
                new ProcessBuilder("jcmd", Long.toString(serverProcess.pid()), "JFR.dump",
                        "filename=" + jfr.resolve("server.jfr")).redirectErrorStream(true).start().waitFor();
            }
        } finally {
            serverProcess.destroy();
            serverProcess.waitFor();
        }
    }

    /** Notes as {@code RunWireMeasureTest.note} makes them, in 20 folders, seed 14. */
    static long writeNotes(Path folder, int notes, int noteBytes) throws Exception {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(List.of(
                ClientWireMeasureTest.markdown().split("[^\\p{L}\\p{N}'*`_-]+"))));
        words.removeIf(String::isEmpty);
        SplittableRandom random = new SplittableRandom(14);
        long text = 0;
        for (int n = 0; n < notes; n++) {
            String t = RunWireMeasureTest.note(random, words, noteBytes);
            text += t.getBytes(StandardCharsets.UTF_8).length;
            Path file = folder.resolve(String.format("folder-%02d/note-%05d.md", n % 20, n));
            Files.createDirectories(file.getParent());
            Files.writeString(file, t, StandardCharsets.UTF_8);
        }
        return text;
    }

    private static List<String> java(String jar, Path jfr, String name, String xmx) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", xmx));
        if (jfr != null) {
            Files.createDirectories(jfr);
            command.add("-XX:StartFlightRecording=filename=" + jfr.resolve(name + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar));
        return command;
    }

    private static void sync(String what, String jar, Path jfr, Path folder, String link, long text) throws Exception {
        List<String> command = new ArrayList<>(java(jar, jfr, what.substring(what.indexOf("device ") + 7, what.length() - 1),
                "-Xmx2g"));
        command.addAll(List.of("sync", "--vault", folder.toString(), "--pair", link, "--name", what.substring(0, 3)));
        long start = System.nanoTime();
        Process device = new ProcessBuilder(command).redirectErrorStream(true).start();
        double[] cpu = new double[1];
        Thread sampler = new Thread(() -> { // the child's CPU, read until it ends (its /proc entry goes then)
            try {
                while (device.isAlive()) {
                    cpu[0] = cpuSeconds(device.pid());
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                // ended
            }
        });
        sampler.start();
        String out = new String(device.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = device.waitFor();
        sampler.join();
        double whole = (System.nanoTime() - start) / 1e9;
        String line = out.lines().filter(l -> l.startsWith("in sync:")).findFirst()
                .orElseThrow(() -> new IOException(what + " ended " + status + ":\n" + out));
        // "in sync: N notes in DIR (MS ms; sent S B (W B on the wire) in F frames, received R B (V B on the wire) in G frames)"
        long ms = Long.parseLong(line.replaceAll(".*\\((\\d+) ms;.*", "$1"));
        long sent = Long.parseLong(line.replaceAll(".*sent (\\d+) B.*", "$1"));
        long sentWire = Long.parseLong(line.replaceAll(".*sent \\d+ B \\((\\d+) B on the wire.*", "$1"));
        long received = Long.parseLong(line.replaceAll(".*received (\\d+) B.*", "$1"));
        long receivedWire = Long.parseLong(line.replaceAll(".*received \\d+ B \\((\\d+) B on the wire.*", "$1"));
        System.out.printf("%s: sync %.2f s (process %.2f s, CPU %.1f s); sent %,d B (%.2fx, %,d on the wire), received %,d B"
                + " (%.2fx, %,d on the wire)%n", what, ms / 1e3, whole, cpu[0], sent, sent / (double) text, sentWire, received,
                received / (double) text, receivedWire);
    }

    /** The server's {@code weft.db} and each device's {@code .weft}, whole and by kind of file. */
    private static void sizes(Path dir, long text) throws IOException {
        long db = Files.size(dir.resolve("s").resolve("weft.db"));
        System.out.printf("server weft.db %,d B (%.2fx)  [%s]%n", db, db / (double) text, dir);
        for (String device : List.of("a", "b")) {
            java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
            try (var files = Files.walk(dir.resolve(device).resolve(".weft"))) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = f.getFileName().toString();
                    String kind = name.contains(".md.") ? name.substring(name.indexOf(".md.") + 4) : name;
                    kinds.merge(kind, Files.size(f), Long::sum);
                }
            }
            long all = kinds.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("device %s .weft %,d B (%.2fx): %s%n", device, all, all / (double) text, kinds);
        }
    }

    /** User and system CPU of process {@code pid} so far (Linux {@code /proc}), in seconds. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in clock ticks
    }
    private static String pairCode(String jar, Path data) throws Exception {
        Process code = new ProcessBuilder("java", "-jar", jar, "pair-code", "--data", data.toString()).start();
        String link = new String(code.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow().substring(6);
        code.waitFor();
        return link;
    }
}
