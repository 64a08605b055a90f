package dev.weft.bench;

import dev.weft.protocol.Limits;
import dev.weft.protocol.PairingLink;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real Weft server in a child JVM of its own, so that the server's CPU and heap are measured
 * apart from the load generator's (both still share the machine's cores). The parent talks to it
 * over the child's standard input and output, one line per command:
 *
 * <ul>
 *   <li>at start the child prints {@code ready PORT FINGERPRINT} ({@code none} without TLS);
 *   <li>{@code pair} prints {@code pair CODE}, a fresh pairing code;
 *   <li>{@code heap} prints {@code heap USED COMMITTED}: heap bytes after full GCs;
 *   <li>{@code peak} prints {@code peak AFTER_GC COMMITTED}: the most heap bytes in use after any
 *       GC, and the most committed, since the last {@code peak} (the live set's high-water mark);
 *   <li>{@code alloc} prints {@code alloc NAME=BYTES;...}: heap bytes allocated so far per thread
 *       group, as {@code threads} groups them;
 *   <li>{@code cpu} prints {@code cpu NANOS}: the process's CPU time;
 *   <li>{@code threads} prints {@code threads NAME=NANOS;...}: CPU time per thread group (a
 *       thread's name without its trailing number);
 *   <li>{@code wall} starts sampling the store's writer thread every 2 ms (wall clock, whatever its
 *       state); {@code wallstop} stops and prints {@code wallstop WHAT=SAMPLES;...}: where the
 *       writer's time went (waiting for work, fsync, file reads, applying works, completions, ...);
 *   <li>{@code quit} closes the server (commits what is queued) and prints {@code bye}.
 * </ul>
 *
 * The server listens on 127.0.0.1 on a free port and logs to {@code DATA/server.log}.
 */
final class BenchServer implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    final int port;
    final String fingerprint;

    private BenchServer(Process process, BufferedReader out, PrintWriter in, int port, String fingerprint) {
        this.process = process;
        this.out = out;
        this.in = in;
        this.port = port;
        this.fingerprint = fingerprint;
    }

    boolean tls() {
        return !fingerprint.equals(PairingLink.PLAIN);
    }

    long pid() {
        return process.pid();
    }

    /** Starts the child JVM with {@code jvmArgs} on this JVM's class path and waits until it listens. */
    static BenchServer launch(Path dataDir, boolean tls, List<String> jvmArgs) throws IOException {
        return launch(dataDir, tls, true, jvmArgs);
    }

    /** {@link #launch}, with permessage-deflate on or off. */
    static BenchServer launch(Path dataDir, boolean tls, boolean deflate, List<String> jvmArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchServer.class.getName());
        command.add(dataDir.toString());
        command.add(tls ? "tls" : "plain");
        command.add(deflate ? "deflate" : "no-deflate");
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = out.readLine();
        while (ready != null && !ready.startsWith("ready ")) {
            System.err.println("server: " + ready); // the JVM's own lines (JFR's, say)
            ready = out.readLine();
        }
        if (ready == null) {
            process.destroyForcibly();
            throw new IOException("the bench server did not start: " + ready);
        }
        String[] parts = ready.split(" ");
        return new BenchServer(process, out, in, Integer.parseInt(parts[1]), parts[2]);
    }

    private synchronized String ask(String command) throws IOException {
        in.println(command);
        String line = out.readLine();
        while (line != null && !line.startsWith(command + " ")) {
            System.err.println("server: " + line);
            line = out.readLine();
        }
        if (line == null) {
            throw new IOException("bench server answered '" + line + "' to " + command);
        }
        return line.substring(command.length() + 1);
    }

    String pairingCode() throws IOException {
        return ask("pair");
    }

    /** Used heap bytes after full GCs. */
    long heapAfterGc() throws IOException {
        return Long.parseLong(ask("heap").split(" ")[0]);
    }

    /** {most heap in use after any GC, most committed} since the last call. */
    long[] heapPeak() throws IOException {
        String[] parts = ask("peak").split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    void startWallSampling() throws IOException {
        ask("wall");
    }

    /** Samples of the writer thread by activity, since {@link #startWallSampling}. */
    Map<String, Long> stopWallSampling() throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (String entry : ask("wallstop").split(";")) {
            int eq = entry.lastIndexOf('=');
            if (eq > 0) {
                counts.put(entry.substring(0, eq), Long.parseLong(entry.substring(eq + 1)));
            }
        }
        return counts;
    }

    /**
     * What the server process has written so far, from Linux's {@code /proc/PID/io}: {write calls,
     * bytes through them (sockets included), bytes sent to storage (write_bytes less
     * cancelled_write_bytes: pages dirtied and then truncated away never reach the disk)}; -1 each
     * elsewhere.
     */
    long[] written() {
        long[] out = {-1, -1, -1};
        long cancelled = 0;
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "io"))) {
                String[] kv = line.split(":\\s*");
                switch (kv[0]) {
                    case "syscw" -> out[0] = Long.parseLong(kv[1].trim());
                    case "wchar" -> out[1] = Long.parseLong(kv[1].trim());
                    case "write_bytes" -> out[2] = Long.parseLong(kv[1].trim());
                    case "cancelled_write_bytes" -> cancelled = Long.parseLong(kv[1].trim());
                    default -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1, -1};
        }
        out[2] -= cancelled;
        return out;
    }

    long cpuNanos() throws IOException {
        return Long.parseLong(ask("cpu"));
    }

    /** Heap bytes allocated so far by each thread group (threads that ended are not counted). */
    Map<String, Long> threadAllocations() throws IOException {
        Map<String, Long> bytes = new TreeMap<>();
        for (String entry : ask("alloc").split(";")) {
            int eq = entry.lastIndexOf('=');
            if (eq > 0) {
                bytes.put(entry.substring(0, eq), Long.parseLong(entry.substring(eq + 1)));
            }
        }
        return bytes;
    }

    Map<String, Long> threadCpuNanos() throws IOException {
        Map<String, Long> cpu = new TreeMap<>();
        String line = ask("threads");
        for (String entry : line.split(";")) {
            int eq = entry.lastIndexOf('=');
            if (eq > 0) {
                cpu.put(entry.substring(0, eq), Long.parseLong(entry.substring(eq + 1)));
            }
        }
        return cpu;
    }

    @Override
    public void close() {
        try {
            ask("quit");
        } catch (IOException e) {
            // it is gone already
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the child

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        boolean tls = args[1].equals("tls");
        Files.createDirectories(data);
        PrintStream logFile = new PrintStream(Files.newOutputStream(data.resolve("server.log")), true,
                StandardCharsets.UTF_8);
        ServerConfig config = new ServerConfig("127.0.0.1", 0, data.resolve("store"),
                tls ? new ServerConfig.TlsSetting.SelfSigned() : new ServerConfig.TlsSetting.None(), Limits.DEFAULT)
                .withDeflate(args.length < 3 || !args[2].equals("no-deflate"));
        WeftServer server = WeftServer.start(config, new ServerLog(logFile));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("ready " + server.port() + " " + server.fingerprint());
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        HeapPeak peak = new HeapPeak();
        WallSampler sampler = null;
        String line;
        while ((line = commands.readLine()) != null) {
            switch (line.trim()) {
                case "pair" -> out.println("pair " + server.pairingLink().code());
                case "heap" -> {
                    long[] heap = ownHeapAfterGc();
                    out.println("heap " + heap[0] + " " + heap[1]);
                }
                case "peak" -> out.println("peak " + peak.takeAndReset());
                case "cpu" -> out.println("cpu " + ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
                case "threads" -> out.println("threads " + threadCpu());
                case "alloc" -> out.println("alloc " + ownThreadAllocations());
                case "wall" -> {
                    sampler = new WallSampler("weft-store-writer");
                    out.println("wall started");
                }
                case "wallstop" -> out.println("wallstop " + (sampler == null ? "" : sampler.stop()));
                case "quit" -> {
                    server.close();
                    out.println("quit bye");
                    System.exit(0);
                }
                default -> out.println("unknown " + line);
            }
        }
        server.close();
    }

    /**
     * Samples one thread's stack every 2 ms and counts what it is doing, by the first frame that
     * tells: a wall-clock view (JFR's execution samples see only threads running Java code).
     */
    private static final class WallSampler {
        private final Map<String, Long> counts = new TreeMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        WallSampler(String threadName) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long id = -1;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().equals(threadName)) {
                    id = info.getThreadId();
                }
            }
            long target = id;
            thread = new Thread(() -> {
                while (running) {
                    ThreadInfo info = threads.getThreadInfo(target, 128);
                    if (info != null) {
                        String what = classify(info.getStackTrace());
                        synchronized (counts) {
                            counts.merge(what, 1L, Long::sum);
                        }
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-wall-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        String stop() throws InterruptedException {
            running = false;
            thread.join();
            StringBuilder s = new StringBuilder();
            synchronized (counts) {
                counts.forEach((k, v) -> s.append(k).append('=').append(v).append(';'));
            }
            return s.toString();
        }

        private static String classify(StackTraceElement[] stack) {
            for (StackTraceElement f : stack) {
                String m = f.getClassName() + "." + f.getMethodName();
                if (m.endsWith("force0") || m.equals("java.io.FileDescriptor.sync")) {
                    return "fsync";
                }
                if (m.endsWith("truncate0")) {
                    return "truncate";
                }
                if (m.startsWith("java.io.RandomAccessFile.read") || m.startsWith("java.io.RandomAccessFile.seek")
                        || m.startsWith("java.io.RandomAccessFile.length")) {
                    return "file read (syscall)";
                }
                if (m.startsWith("java.io.RandomAccessFile.write") || m.endsWith("pwrite0") || m.endsWith("write0")) {
                    return "file write (syscall)";
                }
                if (m.equals("dev.weft.store.GroupCommitter.loop")) {
                    return "waiting for work";
                }
                if (m.equals("dev.weft.store.GroupCommitter$Job.complete")) {
                    return "completions (forwards, acks)";
                }
                if (m.equals("dev.weft.store.Store$1.commit")) {
                    return "commit (cpu)";
                }
                if (m.equals("dev.weft.store.GroupCommitter$Job.run")) {
                    return "applying works (cpu)";
                }
            }
            return "other";
        }
    }

    /** The most heap in use after a GC, and the most committed, from the collectors' notifications. */
    private static final class HeapPeak {
        private final java.util.concurrent.atomic.AtomicLong afterGc = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();

        HeapPeak() {
            java.util.Set<String> heapPools = new java.util.HashSet<>();
            for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!notification.getType().equals(
                            com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo
                            .from((javax.management.openmbean.CompositeData) notification.getUserData());
                    long used = 0;
                    long held = 0;
                    for (Map.Entry<String, java.lang.management.MemoryUsage> pool
                            : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(pool.getKey())) {
                            used += pool.getValue().getUsed();
                            held += pool.getValue().getCommitted();
                        }
                    }
                    long u = used;
                    long h = held;
                    afterGc.accumulateAndGet(u, Math::max);
                    committed.accumulateAndGet(h, Math::max);
                }, null, null);
            }
        }

        String takeAndReset() {
            return afterGc.getAndSet(0) + " " + committed.getAndSet(0);
        }
    }

    /** Used and committed heap after System.gc() repeated until used stops shrinking. */
    static long[] ownHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used * 0.99) {
                used = Math.min(used, now);
                break;
            }
            used = now;
        }
        return new long[] {used, memory.getHeapMemoryUsage().getCommitted()};
    }

    private static String ownThreadAllocations() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long bytes = threads.getThreadAllocatedBytes(info.getThreadId());
                if (bytes > 0) {
                    groups.merge(info.getThreadName().replaceAll("[0-9]+$", "#").replace(';', ',').replace('=', '-'),
                            bytes, Long::sum);
                }
            }
        }
        StringBuilder s = new StringBuilder();
        groups.forEach((name, bytes) -> s.append(name).append('=').append(bytes).append(';'));
        return s.toString();
    }

    private static String threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                String group = info.getThreadName().replaceAll("[0-9]+$", "#").replace(';', ',').replace('=', '-');
                groups.merge(group, cpu, Long::sum);
            }
        }
        StringBuilder s = new StringBuilder();
        groups.forEach((name, cpu) -> s.append(name).append('=').append(cpu).append(';'));
        return s.toString();
    }
}
