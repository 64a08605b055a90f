package dev.weft.client;

import dev.weft.protocol.PairingLink;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A big note's sync, measured (docs/benchmarks.md, "Big note"): starts {@code target/weft.jar
 * --server --no-tls} as a child process with the heap given, then in this JVM device {@code a}
 * takes in a {@code BYTES}-byte {@code big.md} and syncs once, then a fresh device {@code b} syncs
 * once. Prints for each: wire bytes sent and received, time, this JVM's peak heap (heap pools'
 * peak usage, reset between the two) and peak RSS (VmHWM, reset); and the server's peak RSS. Not a
 * test; after {@code mvn -q -B package -DskipTests} (and test-compile):
 *
 * <pre>java -Xmx2g -cp target/test-classes:target/weft.jar dev.weft.client.BigNoteMeasure BYTES SERVER_XMX</pre>
 */
public final class BigNoteMeasure {
    public static void main(String[] args) throws Exception {
        int bytes = Integer.parseInt(args[0]);
        String serverXmx = args.length > 1 ? args[1] : "256m";
        Path dir = Files.createTempDirectory("weft-bignote");
        MeasureServer started = MeasureServer.start("target/weft.jar", serverXmx, dir.resolve("s"));
        Process server = started.process();
        try {
            Path a = Files.createDirectories(dir.resolve("a"));
            Files.writeString(a.resolve("big.md"), BigNotes.text(bytes), StandardCharsets.UTF_8);
            System.out.println("note: " + bytes + " bytes; server -Xmx" + serverXmx + ", this JVM -Xmx"
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + "m");
            run("upload (a)", a, started.link(), server);
            Process code = new ProcessBuilder("java", "-jar", "target/weft.jar", "pair-code", "--data",
                    dir.resolve("s").toString()).start();
            String second = new String(code.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow().substring(6);
            code.waitFor();
            Path b = dir.resolve("b");
            run("download (b)", b, PairingLink.parse(second), server);
            System.out.println("files equal: " + (Files.mismatch(a.resolve("big.md"), b.resolve("big.md")) == -1));
            System.out.println("server peak RSS: " + vm(server.pid(), "VmHWM") / 1024 + " MB");
        } finally {
            started.stop();
        }
    }

    private static void run(String what, Path folder, PairingLink link, Process server) throws Exception {
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        long cpu = cpuMillis(ProcessHandle.current().pid());
        long serverCpu = cpuMillis(server.pid());
        try (Vault vault = Vault.open(folder, VaultOptions.defaults());
                SyncClient client = new SyncClient(vault, SyncOptions.defaults())) {
            System.out.printf("%s: vault open (a file taken in: its ops made) after %.1f s%n", what,
                    (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            cpu = cpuMillis(ProcessHandle.current().pid());
            serverCpu = cpuMillis(server.pid());
            client.pair(link, what);
            String outcome = "in sync";
            try {
                client.syncOnce(Duration.ofMinutes(Integer.getInteger("minutes", 30)));
            } catch (SyncException e) {
                outcome = "FAILED: " + e.getMessage();
            }
            vault.flush();
            long ms = (System.nanoTime() - start) / 1_000_000;
            WireStats wire = client.wireStats();
            System.out.printf("%s: CPU time during the sync: this JVM %.1f s, server %.1f s%n", what,
                    (cpuMillis(ProcessHandle.current().pid()) - cpu) / 1000.0, (cpuMillis(server.pid()) - serverCpu) / 1000.0);
            System.out.printf("%s: %s after %.1f s; sent %.2f MB, received %.2f MB (on the wire); peak heap %d MB,"
                    + " peak RSS %d MB (this JVM); server RSS now %d MB%n", what, outcome, ms / 1000.0,
                    wire.wireBytesSent() / 1e6, wire.wireBytesReceived() / 1e6, peakHeap() >> 20,
                    vm(ProcessHandle.current().pid(), "VmHWM") / 1024, vm(server.pid(), "VmRSS") / 1024);
        }
    }

    private static void resetPeaks() throws IOException {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets VmHWM
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** User plus system CPU time of a process (all its threads, GC included), from /proc/PID/stat. */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
    }

    private static long vm(long pid, String field) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith(field)) {
                return Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
