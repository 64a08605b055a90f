package dev.weft.bench;

import dev.weft.app.trace.EditingTrace;
import dev.weft.app.trace.PatchList;
import dev.weft.app.trace.Txn;
import dev.weft.client.SyncClient;
import dev.weft.client.SyncOptions;
import dev.weft.client.WireStats;
import dev.weft.protocol.PairingLink;
import dev.weft.vault.ConfigDir;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A vault's first sync each way (issue 14, docs/benchmarks.md "First sync of a vault"): device A
 * opens a folder of Markdown (the import), pairs and uploads; a fresh device B pairs and downloads.
 * The server is a child JVM ({@link BenchServer}) on 127.0.0.1, with and without TLS.
 *
 * <pre>
 * mvn -q -B -Pjmh package -DskipTests
 * java -cp target/weft-benchmarks.jar dev.weft.bench.FirstSyncBench [--cases 500,10000,1mb,traces] [--tls on,off]
 *     [--deflate on,off] [--server-jvm 'ARGS']
 * </pre>
 *
 * <p>Cases: {@code 500} notes of 2,920 characters (1.46 MB, {@link MarkdownVault}), {@code 10000}
 * notes of 2,500 to 7,500 (50 MB), {@code 1mb}: one note of 1,000,000 characters, {@code traces}:
 * automerge-paper, seph-blog1 and sveltecomponent as notes with their whole history, each patch
 * one edit of the note's replica on device A (so "import" is that replay). Prints the import (with
 * {@code cat} of the same files, page cache warm for both), upload and download times, messages
 * and WebSocket frames (after permessage-deflate) each way, the server's {@code weft.db}, each
 * device's {@code .weft} and the server's heap after GC; checks that B's files equal A's.
 * {@code --deflate off} starts the server without permessage-deflate (the devices then send plain
 * frames too).
 */
public final class FirstSyncBench {
    private static final Duration LONG = Duration.ofMinutes(60);

    private FirstSyncBench() {
    }

    /** One result line's figures. */
    private record Figures(String name, boolean tls, boolean deflate, int notes, long textBytes, double importSeconds,
            double catSeconds, double upSeconds, WireStats up, double downSeconds, WireStats down, long weftDb,
            long weftA, long weftB, long serverHeap) {
    }

    public static void main(String[] args) throws Exception {
        List<String> cases = List.of("500", "10000", "1mb", "traces");
        List<Boolean> tls = List.of(true, false);
        List<Boolean> deflate = List.of(true);
        List<String> serverJvm = List.of("-Xmx2g");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = List.of(args[++i].split(","));
                case "--tls" -> tls = Arrays.stream(args[++i].split(",")).map("on"::equals).toList();
                case "--deflate" -> deflate = Arrays.stream(args[++i].split(",")).map("on"::equals).toList();
                case "--server-jvm" -> serverJvm = List.of(args[++i].trim().split("\\s+"));
                default -> {
                    System.err.println("usage: FirstSyncBench [--cases 500,10000,1mb,traces] [--tls on,off]"
                            + " [--deflate on,off] [--server-jvm 'ARGS']");
                    System.exit(2);
                }
            }
        }
        System.out.println("== FirstSyncBench cases=" + cases + " tls=" + tls + " deflate=" + deflate + " server-jvm="
                + serverJvm);
        System.out.println("machine: " + BenchNet.machine() + "; load average " + BenchNet.loadAverage());
        Path root = Files.createTempDirectory("weft-first-sync");
        if (System.getProperty(ConfigDir.PROPERTY) == null) { // the devices' tokens: not the real home's
            System.setProperty(ConfigDir.PROPERTY, root.resolve("config").toString());
        }
        List<Figures> all = new ArrayList<>();
        try {
            for (String c : cases) {
                for (boolean t : tls) {
                    for (boolean d : deflate) {
                        Figures f = run(root.resolve(c + (t ? "-tls" : "-plain") + (d ? "" : "-no-deflate")), c, t, d,
                                serverJvm);
                        all.add(f);
                        print(f);
                    }
                }
            }
        } finally {
            delete(root);
        }
        System.out.println();
        System.out.println("| case | tls | deflate | text | import (cat) | upload | up: messages / frames | download"
                + " | down: messages / frames | weft.db | .weft A / B | server heap |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Figures f : all) {
            System.out.printf("| %s | %s | %s | %s | %.2f s (%.3f s) | %.2f s | %s / %s | %.2f s | %s / %s | %s | %s / %s | %s |%n",
                    f.name, f.tls ? "on" : "off", f.deflate ? "on" : "off", mb(f.textBytes), f.importSeconds, f.catSeconds, f.upSeconds,
                    mb(f.up.bytesSent()), mb(f.up.wireBytesSent()), f.downSeconds, mb(f.down.bytesReceived()),
                    mb(f.down.wireBytesReceived()), mb(f.weftDb), mb(f.weftA), mb(f.weftB), mb(f.serverHeap));
        }
        System.exit(0);
    }

    private static Figures run(Path dir, String name, boolean tls, boolean deflate, List<String> serverJvm)
            throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        long text = switch (name) {
            case "500" -> new MarkdownVault().write(a, 500, 2_920, false);
            case "10000" -> new MarkdownVault().write(a, 10_000, 5_000, true);
            case "1mb" -> {
                String note = new MarkdownVault().note(new java.util.SplittableRandom(14), 1_000_000);
                Files.writeString(a.resolve("one big note.md"), note, StandardCharsets.UTF_8);
                yield note.getBytes(StandardCharsets.UTF_8).length;
            }
            case "traces" -> 0;
            default -> throw new IllegalArgumentException("no case " + name);
        };
        double cat = name.equals("traces") ? 0 : cat(a);
        try (BenchServer server = BenchServer.launch(dir.resolve("server"), tls, deflate, serverJvm)) {
            long t0 = System.nanoTime();
            Vault va = Vault.open(a, VaultOptions.defaults());
            if (name.equals("traces")) {
                text = replayTraces(va);
            }
            double imported = seconds(t0);
            SyncClient ca = new SyncClient(va, SyncOptions.defaults());
            ca.pair(link(server), "device A");
            t0 = System.nanoTime();
            ca.syncOnce(LONG);
            double up = seconds(t0);

            Vault vb = Vault.open(dir.resolve("b"), VaultOptions.defaults());
            SyncClient cb = new SyncClient(vb, SyncOptions.defaults());
            cb.pair(link(server), "device B");
            t0 = System.nanoTime();
            cb.syncOnce(LONG);
            double down = seconds(t0);
            long heap = server.heapAfterGc();
            va.flush();
            vb.flush();
            int notes = va.notes().size();
            if (vb.notes().size() != notes) {
                throw new AssertionError("device B has " + vb.notes().size() + " notes, A " + notes);
            }
            sameFiles(a, dir.resolve("b"));
            long weftA = size(a.resolve(".weft"));
            long weftB = size(dir.resolve("b").resolve(".weft"));
            long weftDb = Files.size(dir.resolve("server").resolve("store").resolve("weft.db"));
            ca.close();
            cb.close();
            va.close();
            vb.close();
            return new Figures(name, tls, deflate, notes, text, imported, cat, up, ca.wireStats(), down, cb.wireStats(), weftDb,
                    weftA, weftB, heap);
        }
    }

    /** Each trace as a note of its own, every patch one edit of device A's replica. Returns the text's bytes. */
    private static long replayTraces(Vault vault) throws IOException {
        long bytes = 0;
        for (String trace : List.of("automerge-paper", "seph-blog1", "sveltecomponent")) {
            EditingTrace t = BenchTraces.read(trace);
            NoteInfo note = vault.create("traces/" + trace, t.startContent());
            NoteReplica r = vault.replica(note.id());
            for (Txn txn : t.txns()) {
                PatchList patches = txn.patches();
                for (int i = 0; i < patches.size(); i++) {
                    if (patches.deleteCount(i) > 0) {
                        r.delete(patches.position(i), patches.deleteCount(i));
                    }
                    if (!patches.insert(i).isEmpty()) {
                        r.insert(patches.position(i), patches.insert(i));
                    }
                }
            }
            if (!r.text().equals(t.endContent())) {
                throw new AssertionError(trace + ": the note's text is not the trace's end");
            }
            bytes += t.endContent().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    /** Seconds {@code cat} takes to read every {@code .md} under {@code folder} (page cache warm). */
    static double cat(Path folder) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("sh", "-c", "find . -name '*.md' -print0 | xargs -0 cat > /dev/null")
                    .directory(folder.toFile()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("cat failed");
            }
            best = Math.min(best, seconds(t0));
        }
        return best;
    }

    private static void sameFiles(Path a, Path b) throws IOException {
        try (Stream<Path> files = Files.walk(a)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md") && !a.relativize(p).startsWith(".weft")).toList()) {
                Path other = b.resolve(a.relativize(f));
                if (!Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(other))) {
                    throw new AssertionError(other + " differs from " + f);
                }
            }
        }
    }

    private static void print(Figures f) {
        System.out.printf("%s tls=%s deflate=%s: %,d notes, %,d B of text%n", f.name, f.tls, f.deflate, f.notes,
                f.textBytes);
        System.out.printf("  import (Vault.open of the folder%s): %.2f s = %.1f MB/s; cat of the same files %.3f s%n",
                f.name.equals("traces") ? ", then every patch of the traces" : "", f.importSeconds,
                f.textBytes / 1e6 / f.importSeconds, f.catSeconds);
        System.out.printf("  upload (A): %.2f s; sent messages %,d B (%.2f x text), frames %,d B (%.2f x);"
                + " received %,d B, frames %,d B%n", f.upSeconds, f.up.bytesSent(), ratio(f.up.bytesSent(), f.textBytes),
                f.up.wireBytesSent(), ratio(f.up.wireBytesSent(), f.textBytes), f.up.bytesReceived(),
                f.up.wireBytesReceived());
        System.out.printf("  download (B): %.2f s; received messages %,d B (%.2f x text), frames %,d B (%.2f x);"
                + " sent %,d B, frames %,d B%n", f.downSeconds, f.down.bytesReceived(),
                ratio(f.down.bytesReceived(), f.textBytes), f.down.wireBytesReceived(),
                ratio(f.down.wireBytesReceived(), f.textBytes), f.down.bytesSent(), f.down.wireBytesSent());
        System.out.printf("  server weft.db %,d B (%.1f x text); .weft A %,d B (%.1f x), B %,d B (%.1f x);"
                + " server heap after GC %,d B%n", f.weftDb, ratio(f.weftDb, f.textBytes), f.weftA,
                ratio(f.weftA, f.textBytes), f.weftB, ratio(f.weftB, f.textBytes), f.serverHeap);
    }

    private static double ratio(long bytes, long text) {
        return bytes / (double) text;
    }

    private static String mb(long bytes) {
        return String.format("%.2f MB", bytes / 1e6);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static PairingLink link(BenchServer server) throws Exception {
        return new PairingLink("127.0.0.1", server.port, server.pairingCode(), server.fingerprint);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
