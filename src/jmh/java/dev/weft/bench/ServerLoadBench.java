package dev.weft.bench;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.ProtocolException;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionDelete;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocUpsert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * Load benchmark of the sync server (docs/benchmarks.md, "Server"): N editing sessions on M
 * documents, typing at human speed and pasting in bursts, against a real server over TLS
 * WebSockets on 127.0.0.1.
 *
 * <pre>
 * mvn -q -B -Pjmh package -DskipTests
 * java -cp target/weft-benchmarks.jar dev.weft.bench.ServerLoadBench --sessions 1000 --docs 100 --seconds 30
 * </pre>
 *
 * <p>The server runs in a child JVM ({@link BenchServer}) so that its CPU time and heap are its
 * own; the load generator is this JVM, on the same cores, so the figures are pessimistic. Devices
 * are paired over {@code /v1/pair} (at most 251 of them: sites are limited to 254; several sessions
 * share a device, which is allowed), the documents are made with upserts on a global connection,
 * then every session sends {@code 64} and waits for its {@code 68}. Each session then ticks every
 * {@code --type-ms} (uniform, e.g. 150-300 ms): one {@code 65} of one character, or with
 * {@code --delete-ratio} one {@code 66} of its last character, or, with probability
 * tick / {@code --paste-every}, one frame of {@code --paste-chars} {@code 65}s (a paste). Pids are
 * {@code (site, session + 1)(site, counter)}: valid, unique, the last pair the device's site.
 *
 * <p>Measured over the window after {@code --warmup}: ack latency (send of a frame until the
 * {@code 69} whose {@code applied} covers its last op; one sample per frame), forward latency (send
 * until the forwarded {@code 65} decodes at another session of the document; one sample per
 * receiving session, for the first atom of each frame), ops committed per second (the growth of
 * the {@code applied} counts), the load generator's lag behind its own schedule, server and client
 * CPU, CPU per server thread group, and the server's used heap after full GCs with every session
 * open. A run stops by itself after warmup + seconds + a drain of at most 10 s.
 *
 * <p>{@code --no-tls} runs plain WebSockets; {@code --data DIR} keeps the server's data there (a
 * tmpfs dir takes the disk out); {@code --wall} samples the store's writer thread (wall clock) over
 * the window; {@code --jfr FILE} records the window with JFR ({@link JfrTop} reads it);
 * {@code --server-jvm 'ARGS'} passes JVM flags to the server. See {@link #usage}.
 */
public final class ServerLoadBench {
    private static final int RING = 4096;
    private static final int KIND_TYPE = 0;
    private static final int KIND_PASTE = 1;

    private final Options o;
    private final LatencyHistogram ackType = new LatencyHistogram();
    private final LatencyHistogram ackPaste = new LatencyHistogram();
    private final LatencyHistogram fwdType = new LatencyHistogram();
    private final LatencyHistogram fwdPaste = new LatencyHistogram();
    private final LatencyHistogram lag = new LatencyHistogram();
    private final AtomicLong sentOpsInWindow = new AtomicLong();
    private final AtomicLong sentFramesInWindow = new AtomicLong();
    private final AtomicLong ackedOpsInWindow = new AtomicLong();
    private final AtomicLong forwardedOpsInWindow = new AtomicLong();
    private final AtomicLong receivedFramesInWindow = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong brokenFrames = new AtomicLong();
    private volatile boolean running;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private Session[] sessions;
    private ScheduledThreadPoolExecutor scheduler;

    private ServerLoadBench(Options o) {
        this.o = o;
    }

    /** Command-line options; see {@link #usage}. */
    static final class Options {
        int sessions = 1000;
        int docs = 100;
        int devices = -1;
        int seconds = 30;
        int warmup = 10;
        int typeMinMs = 150;
        int typeMaxMs = 300;
        double pasteEverySeconds = 0;
        int pasteMin = 100;
        int pasteMax = 1000;
        double deleteRatio = 0.1;
        boolean tls = true;
        List<String> serverJvm = new ArrayList<>();
        Path data;
        int clientThreads = 4;
        int clients = 2;
        int connectParallel = 32;
        long seed = 42;
        boolean wall;
        Path jfr;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--sessions" -> o.sessions = Integer.parseInt(args[++i]);
                    case "--docs" -> o.docs = Integer.parseInt(args[++i]);
                    case "--devices" -> o.devices = Integer.parseInt(args[++i]);
                    case "--seconds" -> o.seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                    case "--type-ms" -> {
                        int[] r = range(args[++i]);
                        o.typeMinMs = r[0];
                        o.typeMaxMs = r[1];
                    }
                    case "--paste-every" -> o.pasteEverySeconds = Double.parseDouble(args[++i]);
                    case "--paste-chars" -> {
                        int[] r = range(args[++i]);
                        o.pasteMin = r[0];
                        o.pasteMax = r[1];
                    }
                    case "--delete-ratio" -> o.deleteRatio = Double.parseDouble(args[++i]);
                    case "--no-tls" -> o.tls = false;
                    case "--server-jvm" -> o.serverJvm.addAll(List.of(args[++i].trim().split("\\s+")));
                    case "--data" -> o.data = Path.of(args[++i]);
                    case "--client-threads" -> o.clientThreads = Integer.parseInt(args[++i]);
                    case "--clients" -> o.clients = Integer.parseInt(args[++i]);
                    case "--connect-parallel" -> o.connectParallel = Integer.parseInt(args[++i]);
                    case "--seed" -> o.seed = Long.parseLong(args[++i]);
                    case "--wall" -> o.wall = true;
                    case "--jfr" -> o.jfr = Path.of(args[++i]).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
                }
            }
            o.serverJvm.removeIf(String::isEmpty);
            if (o.devices < 0) {
                o.devices = Math.min(o.sessions, 251);
            }
            if (o.sessions < 1 || o.docs < 1 || o.docs > o.sessions || o.devices < 1 || o.devices > 254
                    || o.typeMinMs < 1 || o.typeMaxMs < o.typeMinMs || o.pasteMin < 1 || o.pasteMax < o.pasteMin
                    || o.seconds < 1 || o.warmup < 0) {
                throw new IllegalArgumentException("bad options\n" + usage());
            }
            return o;
        }

        private static int[] range(String s) {
            String[] p = s.split("-");
            int lo = Integer.parseInt(p[0]);
            return new int[] {lo, p.length > 1 ? Integer.parseInt(p[1]) : lo};
        }

        @Override
        public String toString() {
            return "sessions=" + sessions + " docs=" + docs + " devices=" + devices + " tls=" + tls
                    + " type-ms=" + typeMinMs + "-" + typeMaxMs + " delete-ratio=" + deleteRatio
                    + " paste-every=" + (pasteEverySeconds > 0 ? pasteEverySeconds + "s" : "never")
                    + " paste-chars=" + pasteMin + "-" + pasteMax + " warmup=" + warmup + "s seconds=" + seconds
                    + " server-jvm=" + serverJvm + " client-threads=" + clientThreads + " clients=" + clients
                    + (wall ? " wall" : "") + (jfr != null ? " jfr=" + jfr : "");
        }
    }

    static String usage() {
        return "usage: ServerLoadBench [--sessions N] [--docs M] [--devices D] [--seconds S] [--warmup W]\n"
                + "    [--type-ms MIN-MAX] [--delete-ratio R] [--paste-every SECONDS] [--paste-chars MIN-MAX]\n"
                + "    [--no-tls] [--server-jvm 'JVM ARGS'] [--data DIR] [--client-threads T] [--clients C]\n"
                + "    [--connect-parallel P] [--seed S] [--wall] [--jfr FILE]";
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        new ServerLoadBench(o).run();
        System.exit(0);
    }

    private boolean inWindow(long nanos) {
        return nanos >= windowStart && nanos < windowEnd;
    }

    private void run() throws Exception {
        System.out.println("== ServerLoadBench " + o);
        System.out.println("machine: " + BenchNet.machine());
        boolean keep = o.data != null;
        Path data = keep ? o.data : Files.createTempDirectory("weft-load-bench");
        ExecutorService clientPool = Executors.newFixedThreadPool(o.clientThreads, daemon("bench-client-"));
        scheduler = new ScheduledThreadPoolExecutor(2, daemon("bench-tick-"));
        try (BenchServer server = BenchServer.launch(data, o.tls, o.serverJvm)) {
            System.out.println("server: pid " + server.pid() + ", port " + server.port + ", data " + data);
            long heapEmpty = server.heapAfterGc();
            HttpClient[] http = new HttpClient[o.clients];
            for (int i = 0; i < http.length; i++) {
                http[i] = BenchNet.client(server, clientPool);
            }
            URI uri = BenchNet.syncUri(server, server.port);

            long t0 = System.nanoTime();
            BenchNet.Device[] devices = new BenchNet.Device[o.devices];
            for (int d = 0; d < devices.length; d++) {
                devices[d] = BenchNet.pair(http[0], server, "bench device " + (d + 1));
            }
            long t1 = System.nanoTime();
            UUID[] docs = createDocuments(http[0], uri, devices[0]);
            long t2 = System.nanoTime();
            openSessions(http, uri, devices, docs);
            long t3 = System.nanoTime();
            System.out.printf("setup: paired %d devices in %.1f s, created %d documents in %.1f s, "
                    + "opened %d sessions in %.1f s (%.1f ms each at %d in parallel)%n",
                    devices.length, (t1 - t0) / 1e9, docs.length, (t2 - t1) / 1e9, sessions.length,
                    (t3 - t2) / 1e9, (t3 - t2) / 1e6 / sessions.length * Math.min(o.connectParallel, sessions.length),
                    Math.min(o.connectParallel, sessions.length));
            long heapOpen = server.heapAfterGc();

            running = true;
            long start = System.nanoTime();
            for (Session s : sessions) {
                s.firstTick(start);
            }
            long measureFrom = start + TimeUnit.SECONDS.toNanos(o.warmup);
            sleepUntil(measureFrom);
            windowStart = System.nanoTime();
            long serverCpu0 = server.cpuNanos();
            long[] written0 = server.written();
            Map<String, Long> threads0 = server.threadCpuNanos();
            long clientCpu0 = BenchNet.ownCpuNanos();
            double machine0 = BenchNet.machineBusySeconds();
            if (o.wall) {
                server.startWallSampling();
            }
            if (o.jfr != null) {
                jcmd(server.pid(), "JFR.start", "name=bench", "settings=profile", "filename=" + o.jfr);
            }
            sleepUntil(windowStart + TimeUnit.SECONDS.toNanos(o.seconds));
            windowEnd = System.nanoTime();
            long serverCpu1 = server.cpuNanos();
            long[] written1 = server.written();
            Map<String, Long> threads1 = server.threadCpuNanos();
            long clientCpu1 = BenchNet.ownCpuNanos();
            double machine1 = BenchNet.machineBusySeconds();
            Map<String, Long> wall = o.wall ? server.stopWallSampling() : Map.of();
            if (o.jfr != null) {
                jcmd(server.pid(), "JFR.stop", "name=bench");
            }
            running = false;
            double window = (windowEnd - windowStart) / 1e9;

            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (unacked() > 0 && System.nanoTime() < drainUntil) {
                Thread.sleep(50);
            }
            long unacked = unacked();
            long heapLoaded = server.heapAfterGc();
            long closedEarly = Arrays.stream(sessions).filter(s -> s.closed.isDone()).count();
            String firstClose = Arrays.stream(sessions).filter(s -> s.closed.isDone()).findFirst()
                    .map(s -> s.closed.handle((code, e) -> e != null ? e.toString() : code + " " + s.closeReason).join())
                    .orElse("");

            System.out.printf("window: %.1f s%n", window);
            System.out.printf("ops/s committed: %.0f (sent %.0f ops/s in %.0f frames/s; received %.0f forwarded ops/s"
                    + " in %.0f frames/s)%n", ackedOpsInWindow.get() / window, sentOpsInWindow.get() / window,
                    sentFramesInWindow.get() / window, forwardedOpsInWindow.get() / window,
                    receivedFramesInWindow.get() / window);
            System.out.println("ack latency, typing (1 op/frame):   " + ackType.summary());
            System.out.println("ack latency, paste (frame):         " + ackPaste.summary());
            System.out.println("forward latency, typing:            " + fwdType.summary());
            System.out.println("forward latency, paste (1st atom):  " + fwdPaste.summary());
            System.out.println("load generator lag behind schedule: " + lag.summary());
            System.out.printf("server heap after GC: empty %.1f MB, sessions open %.1f MB, after the run %.1f MB%n",
                    heapEmpty / 1e6, heapOpen / 1e6, heapLoaded / 1e6);
            double serverCores = (serverCpu1 - serverCpu0) / 1e9 / window;
            double clientCores = (clientCpu1 - clientCpu0) / 1e9 / window;
            System.out.printf("cpu over the window: server %.2f cores, load generator %.2f cores, "
                    + "rest of the machine %.2f cores (of %d; load average %s)%n", serverCores, clientCores,
                    (machine1 - machine0) / window - serverCores - clientCores,
                    Runtime.getRuntime().availableProcessors(), BenchNet.loadAverage());
            System.out.printf("server writes: %.0f write calls/s, %.1f MB/s through them (sockets included), %.1f MB/s"
                    + " to storage%n", (written1[0] - written0[0]) / window, (written1[1] - written0[1]) / 1e6 / window,
                    (written1[2] - written0[2]) / 1e6 / window);
            StringBuilder perThread = new StringBuilder();
            threads1.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > window * 5e6)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> perThread.append(String.format(" %s=%.2f", e.getKey(), e.getValue() / 1e9 / window)));
            System.out.println("server cpu by thread group (cores):" + perThread);
            if (o.wall) {
                long samples = wall.values().stream().mapToLong(Long::longValue).sum();
                StringBuilder w = new StringBuilder();
                wall.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> w.append(String.format(" %s %.1f%%,", e.getKey(), 100.0 * e.getValue() / samples)));
                System.out.println("store writer thread, wall clock (" + samples + " samples):" + w);
            }
            System.out.printf("errors: send failures %d, broken frames %d, sessions closed by the server %d%s, "
                    + "ops unacknowledged 10 s after the window %d%n", sendFailures.get(), brokenFrames.get(),
                    closedEarly, closedEarly > 0 ? " (first: " + firstClose + ")" : "", unacked);

            for (Session s : sessions) {
                s.close();
            }
            // let the server see every close before it stops (else its close tasks race its shutdown)
            CompletableFuture.allOf(Arrays.stream(sessions).map(s -> s.closed).toArray(CompletableFuture[]::new))
                    .completeOnTimeout(null, 10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        } finally {
            scheduler.shutdownNow();
            clientPool.shutdownNow();
            if (!keep) {
                delete(data);
            }
        }
    }

    private long unacked() {
        long n = 0;
        for (Session s : sessions) {
            n += s.unacked();
        }
        return n;
    }

    /** Makes the documents with upserts on one global connection, 100 to a frame. */
    private UUID[] createDocuments(HttpClient http, URI uri, BenchNet.Device device) throws Exception {
        UUID[] docs = new UUID[o.docs];
        BenchSocket.Queued global = new BenchSocket.Queued();
        global.connect(http, uri, device.token()).get(30, TimeUnit.SECONDS);
        List<Message> frame = new ArrayList<>();
        for (int d = 0; d < docs.length; d++) {
            docs[d] = new UUID(0x5eed_0000_0000_4000L, 0x8000_0000_0000_0000L | d);
            frame.add(new SyncDocUpsert(docs[d], String.format("load/doc-%05d", d), 0, List.of(), List.of()));
            if (frame.size() == 100 || d == docs.length - 1) {
                global.send(BenchSocket.CODEC.encode(frame));
                frame.clear();
            }
        }
        for (int done = 0; done < docs.length; done++) {
            global.expect(SyncDocDone.class, 60);
        }
        global.close();
        return docs;
    }

    /** Opens every session (64, then waits for 68), at most --connect-parallel at a time. */
    private void openSessions(HttpClient[] http, URI uri, BenchNet.Device[] devices, UUID[] docs) throws Exception {
        sessions = new Session[o.sessions];
        for (int i = 0; i < sessions.length; i++) {
            int doc = i % docs.length;
            // i = doc + M·round: with D = 251 (prime) the sessions of one document are on distinct devices
            BenchNet.Device device = devices[i % devices.length];
            sessions[i] = new Session(i, device, docs[doc], new SplittableRandom(o.seed * 1_000_003L + i));
        }
        Semaphore permits = new Semaphore(o.connectParallel);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        for (Session s : sessions) {
            permits.acquire();
            CompletableFuture<Void> open = s.connect(http[s.index % http.length], uri, s.device.token())
                    .thenCompose(ws -> {
                        s.send(BenchSocket.CODEC.encode(new SessionStart(0, s.doc)));
                        return s.ready;
                    })
                    .orTimeout(60, TimeUnit.SECONDS)
                    .whenComplete((v, error) -> {
                        permits.release();
                        if (error != null && failed.getAndIncrement() == 0) {
                            System.err.println("session " + s.index + " did not open: " + error);
                        }
                    });
            all.add(open);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (failed.get() > 0) {
            throw new IOException(failed.get() + " sessions did not open");
        }
    }

    /** One editing session of the load: types, deletes and pastes on its own schedule. */
    private final class Session extends BenchSocket {
        final int index;
        final BenchNet.Device device;
        final int site;
        final UUID doc;
        final SplittableRandom random;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        /** Send time of the first op of recent frames, by counter mod RING, for forward latency. */
        final AtomicLongArray ringCounter = new AtomicLongArray(RING);
        final AtomicLongArray ringTime = new AtomicLongArray(RING);
        /** Frames not acknowledged yet: {cumulative ops through this frame, send nanos, kind}. */
        private final ArrayDeque<long[]> pending = new ArrayDeque<>();
        private long sentOps;
        private long ackedOps;
        private long counter;
        private Pid lastAlive;
        private long nextAt;

        Session(int index, BenchNet.Device device, UUID doc, SplittableRandom random) {
            this.index = index;
            this.device = device;
            this.site = device.site();
            this.doc = doc;
            this.random = random;
        }

        long unacked() {
            synchronized (pending) {
                return sentOps - ackedOps;
            }
        }

        void firstTick(long now) {
            nextAt = now + TimeUnit.MILLISECONDS.toNanos(random.nextInt(o.typeMaxMs) + 1);
            scheduler.schedule(this::tick, nextAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        private void tick() {
            if (!running) {
                return;
            }
            long now = System.nanoTime();
            if (inWindow(nextAt)) {
                lag.recordNanos(now - nextAt);
            }
            double meanTick = (o.typeMinMs + o.typeMaxMs) / 2000.0;
            if (o.pasteEverySeconds > 0 && random.nextDouble() < meanTick / o.pasteEverySeconds) {
                paste(o.pasteMin + random.nextInt(o.pasteMax - o.pasteMin + 1));
            } else if (lastAlive != null && random.nextDouble() < o.deleteRatio) {
                Pid pid = lastAlive;
                lastAlive = null;
                sendOps(List.of(new SessionDelete(site, pid)), 1, KIND_TYPE, -1);
            } else {
                Pid pid = nextPid();
                lastAlive = pid;
                sendOps(List.of(new SessionInsert(site, new Atom(pid, 'a' + random.nextInt(26)))), 1, KIND_TYPE,
                        counter);
            }
            nextAt = Math.max(nextAt, now) + TimeUnit.MILLISECONDS.toNanos(
                    o.typeMinMs + random.nextInt(o.typeMaxMs - o.typeMinMs + 1));
            scheduler.schedule(this::tick, nextAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        private void paste(int chars) {
            List<Message> ops = new ArrayList<>(chars);
            long first = counter + 1;
            for (int c = 0; c < chars; c++) {
                Pid pid = nextPid();
                lastAlive = pid;
                ops.add(new SessionInsert(site, new Atom(pid, 'A' + random.nextInt(26))));
            }
            sendOps(ops, chars, KIND_PASTE, first);
        }

        private Pid nextPid() {
            return Pid.of(Pid.key(site, index + 1L), Pid.key(site, ++counter));
        }

        private void sendOps(List<Message> ops, int count, int kind, long firstCounter) {
            byte[] frame = CODEC.encode(ops);
            long now = System.nanoTime();
            synchronized (pending) {
                sentOps += count;
                pending.add(new long[] {sentOps, now, kind});
            }
            if (firstCounter > 0) {
                int slot = (int) (firstCounter & (RING - 1));
                ringCounter.set(slot, -1);
                ringTime.set(slot, now);
                ringCounter.set(slot, firstCounter);
            }
            if (inWindow(now)) {
                sentOpsInWindow.addAndGet(count);
                sentFramesInWindow.incrementAndGet();
            }
            send(frame);
        }

        @Override
        void sendFailed(Throwable error) {
            if (sendFailures.getAndIncrement() == 0 && running) {
                System.err.println("session " + index + ": send failed: " + error);
            }
        }

        @Override
        void broken(ProtocolException e) {
            if (brokenFrames.getAndIncrement() == 0) {
                System.err.println("session " + index + ": broken frame: " + e.reason());
            }
        }

        @Override
        void frame(List<Message> messages, int bytes, long arrived) {
            if (inWindow(arrived)) {
                receivedFramesInWindow.incrementAndGet();
            }
            for (Message m : messages) {
                if (m instanceof SessionInsert insert) {
                    forwarded(insert.atom(), arrived);
                } else if (m instanceof SessionAck ack) {
                    acked(ack.applied(), arrived);
                } else if (m instanceof SessionDelete) {
                    if (inWindow(arrived)) {
                        forwardedOpsInWindow.incrementAndGet();
                    }
                } else if (m instanceof SessionReady) {
                    ready.complete(null);
                }
            }
        }

        private void forwarded(Atom atom, long arrived) {
            if (inWindow(arrived)) {
                forwardedOpsInWindow.incrementAndGet();
            }
            Pid pid = atom.pid();
            if (pid.depth() != 2) {
                return;
            }
            Session sender = sessions[(int) pid.identAt(0) - 1];
            long c = pid.identAt(1);
            int slot = (int) (c & (RING - 1));
            if (sender.ringCounter.get(slot) != c) {
                return;
            }
            long sent = sender.ringTime.get(slot);
            if (sender.ringCounter.get(slot) == c && inWindow(sent)) {
                (Character.isUpperCase(atom.codePoint()) ? fwdPaste : fwdType).recordNanos(arrived - sent);
            }
        }

        private void acked(long applied, long arrived) {
            long delta;
            synchronized (pending) {
                while (!pending.isEmpty() && pending.peekFirst()[0] <= applied) {
                    long[] p = pending.pollFirst();
                    if (inWindow(p[1])) {
                        (p[2] == KIND_PASTE ? ackPaste : ackType).recordNanos(arrived - p[1]);
                    }
                }
                delta = applied - ackedOps;
                ackedOps = Math.max(ackedOps, applied);
            }
            if (delta > 0 && inWindow(arrived)) {
                ackedOpsInWindow.addAndGet(delta);
            }
        }
    }

    /** Runs the JDK's jcmd against the server's JVM (a flight recording of the window only). */
    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            System.err.println("jcmd " + String.join(" ", command) + ": " + new String(out));
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
