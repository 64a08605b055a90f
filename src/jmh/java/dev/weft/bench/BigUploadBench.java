package dev.weft.bench;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocUpsert;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One device's big upload against everyone else (issue 11 §8, docs/benchmarks.md "Big upload"): a
 * real server in a child JVM ({@link BenchServer}, {@code -Xmx256m} unless told otherwise) on
 * 127.0.0.1; device A sends one {@code sync_doc_upsert} of a new note with N inserted atoms (or N
 * deletes of pids it never inserted); as soon as the frame is on the socket, device B opens a new
 * connection (timed) and pulls a small unrelated note over and over, one request at a time, with a
 * one-atom upsert of another note every fifth round and a fresh connection every 25th, until A's
 * {@code 34} arrives.
 *
 * <pre>
 * mvn -q -B -Pjmh package -DskipTests
 * java -cp target/weft-benchmarks.jar dev.weft.bench.BigUploadBench --inserts 200000
 * java -cp target/weft-benchmarks.jar dev.weft.bench.BigUploadBench --deletes 400000
 * </pre>
 *
 * <p>Prints the pull, small-write and connect latencies (p50/p99/max), the time until A's
 * {@code 34}, and the server's heap: the most in use after any GC during the upload and the most
 * committed. Options: {@code --server-jvm 'ARGS'} (default {@code -Xmx256m}), {@code --no-tls}.
 */
public final class BigUploadBench {
    private BigUploadBench() {
    }

    public static void main(String[] args) throws Exception {
        int inserts = 0;
        int deletes = 0;
        boolean tls = true;
        List<String> serverJvm = List.of("-Xmx256m");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inserts" -> inserts = Integer.parseInt(args[++i]);
                case "--deletes" -> deletes = Integer.parseInt(args[++i]);
                case "--no-tls" -> tls = false;
                case "--server-jvm" -> serverJvm = List.of(args[++i].trim().split("\\s+"));
                default -> {
                    System.err.println("usage: BigUploadBench (--inserts N | --deletes N) [--no-tls] [--server-jvm 'ARGS']");
                    System.exit(2);
                }
            }
        }
        if (inserts == 0 && deletes == 0) {
            inserts = 200_000;
        }
        run(inserts, deletes, tls, serverJvm);
        System.exit(0);
    }

    private static void run(int inserts, int deletes, boolean tls, List<String> serverJvm) throws Exception {
        System.out.println("== BigUploadBench inserts=" + inserts + " deletes=" + deletes + " tls=" + tls
                + " server-jvm=" + serverJvm);
        System.out.println("machine: " + BenchNet.machine() + "; load average " + BenchNet.loadAverage());
        Path data = Files.createTempDirectory("weft-big-upload");
        ExecutorService clientPool = Executors.newFixedThreadPool(4, ServerLoadBench.daemon("bench-client-"));
        try (BenchServer server = BenchServer.launch(data, tls, serverJvm)) {
            HttpClient http = BenchNet.client(server, clientPool);
            URI uri = BenchNet.syncUri(server, server.port);
            BenchNet.Device uploader = BenchNet.pair(http, server, "uploader");
            BenchNet.Device reader = BenchNet.pair(http, server, "reader");

            UUID small = UUID.randomUUID();
            UUID written = UUID.randomUUID();
            BenchSocket.Queued b = connect(http, uri, reader);
            upsert(b, small, "small note", reader.site(), 0, 40);
            upsert(b, written, "small writes", reader.site(), 0, 1);
            LatencyHistogram idle = new LatencyHistogram();
            LatencyHistogram idleConnects = new LatencyHistogram();
            for (int i = 0; i < 50; i++) {
                idle.recordNanos(pull(b, small));
                if (i % 10 == 0) {
                    long k = System.nanoTime();
                    connect(http, uri, reader).close();
                    idleConnects.recordNanos(System.nanoTime() - k);
                }
            }

            BenchSocket.Queued a = connect(http, uri, uploader);
            byte[] frame = BenchSocket.CODEC.encode(bigUpsert(uploader.site(), inserts, deletes));
            server.heapPeak(); // from here on
            long cpu0 = server.cpuNanos();
            java.util.Map<String, Long> alloc0 = server.threadAllocations();
            long sent = System.nanoTime();
            a.send(frame).get(600, TimeUnit.SECONDS);
            long onSocket = System.nanoTime();
            CompletableFuture<Long> acked = CompletableFuture.supplyAsync(() -> {
                try {
                    a.expect(SyncDocDone.class, 600);
                    return System.nanoTime();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            LatencyHistogram pulls = new LatencyHistogram();
            LatencyHistogram writes = new LatencyHistogram();
            LatencyHistogram connects = new LatencyHistogram();
            long t = System.nanoTime();
            BenchSocket.Queued c = connect(http, uri, reader);
            long firstConnect = System.nanoTime() - t;
            connects.recordNanos(firstConnect);
            b.close();
            int next = 2;
            for (int round = 1; !acked.isDone(); round++) {
                pulls.recordNanos(pull(c, small));
                if (round % 5 == 0) {
                    long w = System.nanoTime();
                    upsert(c, written, "small writes", reader.site(), next++, 1);
                    writes.recordNanos(System.nanoTime() - w);
                }
                if (round % 25 == 0) {
                    long k = System.nanoTime();
                    BenchSocket.Queued fresh = connect(http, uri, reader);
                    connects.recordNanos(System.nanoTime() - k);
                    fresh.close();
                }
            }
            long done = acked.get();
            long cpu1 = server.cpuNanos();
            java.util.Map<String, Long> alloc1 = server.threadAllocations();
            long[] peak = server.heapPeak();

            System.out.printf("upload: %,d bytes in one frame; on the socket after %.2f s, 34 after %.2f s"
                    + " (server cpu %.1f s)%n", frame.length, (onSocket - sent) / 1e9, (done - sent) / 1e9,
                    (cpu1 - cpu0) / 1e9);
            int ops = inserts + deletes;
            StringBuilder perOp = new StringBuilder();
            alloc1.forEach((group, bytes) -> {
                long grown = bytes - alloc0.getOrDefault(group, 0L);
                if (grown > 10L * ops) {
                    perOp.append(String.format(" %s %.0f,", group, (double) grown / ops));
                }
            });
            System.out.println("server heap allocated per op, by thread group (bytes):" + perOp);
            System.out.println("pull of a 40-atom note, idle server:   " + idle.summary());
            System.out.println("pull of a 40-atom note, during upload: " + pulls.summary());
            System.out.println("one-atom upsert, during upload:        " + writes.summary());
            System.out.println("connect (upgrade), idle server:        " + idleConnects.summary());
            System.out.println("connect (upgrade), during upload:      " + connects.summary()
                    + " (first " + LatencyHistogram.ms(firstConnect / 1000) + ")");
            System.out.printf("server heap during upload: at most %.1f MB in use after a GC, %.1f MB committed%n",
                    peak[0] / 1e6, peak[1] / 1e6);
            c.close();
            a.close();
        } finally {
            clientPool.shutdownNow();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A new note with {@code inserts} atoms, or {@code deletes} deletes of pids never inserted. */
    static SyncDocUpsert bigUpsert(int site, int inserts, int deletes) {
        List<Atom> atoms = new ArrayList<>(inserts);
        for (int i = 0; i < inserts; i++) {
            atoms.add(new Atom(Pid.single(site, i + 1), 'a' + i % 26));
        }
        List<Pid> pids = new ArrayList<>(deletes);
        for (int i = 0; i < deletes; i++) {
            pids.add(Pid.single(site, i + 1));
        }
        return new SyncDocUpsert(UUID.randomUUID(), "big import", 0, atoms, pids);
    }

    private static BenchSocket.Queued connect(HttpClient http, URI uri, BenchNet.Device device) throws Exception {
        BenchSocket.Queued s = new BenchSocket.Queued();
        s.connect(http, uri, device.token()).get(120, TimeUnit.SECONDS);
        return s;
    }

    /** Nanoseconds from sending a pull from 0 until its {@code 34}. */
    private static long pull(BenchSocket.Queued s, UUID doc) throws Exception {
        long t = System.nanoTime();
        s.send(BenchSocket.CODEC.encode(new SyncDocPull(doc, 0)));
        awaitDone(s, doc);
        return System.nanoTime() - t;
    }

    private static void upsert(BenchSocket.Queued s, UUID doc, String name, int site, int from, int atoms)
            throws Exception {
        List<Atom> list = new ArrayList<>();
        for (int i = 0; i < atoms; i++) {
            list.add(new Atom(Pid.single(site, from + i + 1), 'x'));
        }
        s.send(BenchSocket.CODEC.encode(new SyncDocUpsert(doc, name, Long.MAX_VALUE >>> 1, list, List.of())));
        awaitDone(s, doc);
    }

    private static void awaitDone(BenchSocket.Queued s, UUID doc) throws Exception {
        while (true) {
            Message m = s.next(600);
            if (m instanceof SyncDocDone d && d.documentId().equals(doc)) {
                return;
            }
        }
    }
}
