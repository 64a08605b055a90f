package dev.weft.bench;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sync index benchmark (docs/benchmarks.md, "Server"), against a real server in a child JVM over
 * TLS WebSockets on 127.0.0.1:
 *
 * <pre>
 * mvn -q -B -Pjmh package -DskipTests
 * java -cp target/weft-benchmarks.jar dev.weft.bench.SyncIndexBench [--documents 10000] [--atoms 1000000] [--no-tls]
 * </pre>
 *
 * <ol>
 *   <li>Device A makes {@code --documents} documents with upserts (one atom each); its last
 *       {@code 34} makes it current.
 *   <li>A current device's synclist: round-trip time (send of {@code 0} until its {@code 32} has
 *       decoded, one at a time), the answer's payload size, and the bytes on the wire each way
 *       through a counting TCP relay (TLS records and WebSocket headers included). For scale, the
 *       same for a device one change behind and for one at 0.
 *   <li>A makes a document of {@code --atoms} atoms (1,000,000 one-byte atoms: 1 MB of text) in
 *       upserts of 100,000; device B pulls it from 0 (time, bytes); A adds one atom; B pulls with
 *       L = its time from the first pull: time and bytes, against the full pull.
 * </ol>
 */
public final class SyncIndexBench {
    private SyncIndexBench() {
    }

    public static void main(String[] args) throws Exception {
        int documents = 10_000;
        int atoms = 1_000_000;
        int rounds = 2_000;
        boolean tls = true;
        List<String> serverJvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--documents" -> documents = Integer.parseInt(args[++i]);
                case "--atoms" -> atoms = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--no-tls" -> tls = false;
                case "--server-jvm" -> serverJvm.addAll(List.of(args[++i].trim().split("\\s+")));
                default -> throw new IllegalArgumentException("usage: SyncIndexBench [--documents N] [--atoms N] "
                        + "[--rounds N] [--no-tls] [--server-jvm 'JVM ARGS']");
            }
        }
        System.out.println("== SyncIndexBench documents=" + documents + " atoms=" + atoms + " rounds=" + rounds
                + " tls=" + tls + " server-jvm=" + serverJvm);
        System.out.println("machine: " + BenchNet.machine());
        Path data = Files.createTempDirectory("weft-sync-index-bench");
        ExecutorService pool = Executors.newFixedThreadPool(2, ServerLoadBench.daemon("bench-client-"));
        try (BenchServer server = BenchServer.launch(data, tls, serverJvm);
                ByteCountingRelay relay = new ByteCountingRelay(server.port)) {
            HttpClient http = BenchNet.client(server, pool);
            URI direct = BenchNet.syncUri(server, server.port);
            URI counted = BenchNet.syncUri(server, relay.port());
            BenchNet.Device a = BenchNet.pair(http, server, "device A");
            BenchNet.Device b = BenchNet.pair(http, server, "device B");

            BenchSocket.Queued ga = new BenchSocket.Queued();
            ga.connect(http, direct, a.token()).get(30, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            long last = 0;
            List<Message> frame = new ArrayList<>();
            for (int d = 0; d < documents; d++) {
                UUID doc = new UUID(0x1d_0000_0000_4000L, 0x8000_0000_0000_0000L | d);
                frame.add(new SyncDocUpsert(doc, String.format("index/note-%06d", d), 0,
                        List.of(new Atom(Pid.single(a.site(), 1), 'x')), List.of()));
                if (frame.size() == 500 || d == documents - 1) {
                    ga.send(BenchSocket.CODEC.encode(frame));
                    frame.clear();
                }
            }
            for (int d = 0; d < documents; d++) {
                last = Math.max(last, ga.expect(SyncDocDone.class, 120).syncTime());
            }
            System.out.printf("made %d documents with upserts in %.1f s%n", documents, (System.nanoTime() - t0) / 1e9);

            synclist("device current", ga, last, rounds, 0);
            synclist("device one change behind", ga, last - 1, rounds / 4, 1);
            synclist("device at 0", ga, 0, 20, documents);
            BenchSocket.Queued ca = new BenchSocket.Queued();
            ca.connect(http, counted, a.token()).get(30, TimeUnit.SECONDS);
            wire("synclist, device current", relay, ca, new Synclist(last), 1_000, SynclistResponse.class);
            wire("synclist, device at 0", relay, ca, new Synclist(0), 10, SynclistResponse.class);

            // one document of `atoms` atoms, then B pulls it whole, A changes one atom, B pulls the change
            UUID big = new UUID(0xb16_0000_0000_4000L, 0x8000_0000_0000_0001L);
            long t1 = System.nanoTime();
            int part = 100_000;
            long bigTime = 0; // A's time for the document: each part's answer then holds no echo of the earlier parts
            for (int from = 0; from < atoms; from += part) {
                List<Atom> text = new ArrayList<>(part);
                for (int i = from; i < Math.min(atoms, from + part); i++) {
                    // typed in runs of 1000: (site, run)(site, offset)
                    text.add(new Atom(Pid.of(Pid.key(a.site(), i / 1000 + 1), Pid.key(a.site(), i % 1000 + 1)),
                            'a' + i % 26));
                }
                ga.send(BenchSocket.CODEC.encode(new SyncDocUpsert(big, "index/one megabyte", bigTime, text, List.of())));
                bigTime = ga.expect(SyncDocDone.class, 300).syncTime();
            }
            System.out.printf("made a document of %,d atoms in upserts of %,d: %.1f s%n", atoms, part,
                    (System.nanoTime() - t1) / 1e9);

            BenchSocket.Queued gb = new BenchSocket.Queued();
            gb.connect(http, direct, b.token()).get(30, TimeUnit.SECONDS);
            long full = 0;
            long lb = 0;
            for (int r = 0; r < 3; r++) {
                Pull p = pull(gb, big, 0);
                System.out.printf("pull from 0 (%d): %.1f ms, %,d atoms, %,d payload bytes in %d frames%n", r + 1,
                        p.nanos / 1e6, p.inserts, p.bytes, p.frames);
                full = p.bytes;
                lb = p.syncTime;
            }
            ga.send(BenchSocket.CODEC.encode(new SyncDocUpsert(big, "index/one megabyte", lb,
                    List.of(new Atom(Pid.of(Pid.key(a.site(), 500), Pid.key(b.site() == 1 ? 2 : 1, 7), Pid.key(a.site(), 1)),
                            'Z')), List.of())));
            ga.expect(SyncDocDone.class, 60);
            LatencyHistogram times = new LatencyHistogram();
            Pull one = null;
            for (int r = 0; r < 500; r++) {
                one = pull(gb, big, lb);
                if (r >= 100) {
                    times.recordNanos(one.nanos);
                }
            }
            System.out.printf("pull after 1 change (L = previous time): %d atom(s), %,d payload bytes (full pull: %,d),"
                    + " round trip %s%n", one.inserts, one.bytes, full, times.summary());
            BenchSocket.Queued cb = new BenchSocket.Queued();
            cb.connect(http, counted, b.token()).get(30, TimeUnit.SECONDS);
            wire("pull after 1 change", relay, cb, new SyncDocPull(big, lb), 200, SyncDocDone.class);
            wire("pull from 0", relay, cb, new SyncDocPull(big, 0), 2, SyncDocDone.class);
            for (BenchSocket s : List.of(ga, gb, ca, cb)) {
                s.close();
            }
        } finally {
            pool.shutdownNow();
            ServerLoadBench.delete(data);
        }
        System.exit(0);
    }

    private static void synclist(String what, BenchSocket.Queued g, long since, int rounds, int expected)
            throws Exception {
        LatencyHistogram rtt = new LatencyHistogram();
        int bytes = -1;
        for (int r = 0; r < rounds + Math.min(200, rounds); r++) {
            g.frameBytes.clear();
            long t = System.nanoTime();
            g.send(BenchSocket.CODEC.encode(new Synclist(since)));
            SynclistResponse answer = g.expect(SynclistResponse.class, 30);
            long took = System.nanoTime() - t;
            if (answer.entries().size() != expected) {
                throw new IllegalStateException(what + ": " + answer.entries().size() + " entries, not " + expected);
            }
            bytes = g.frameBytes.take();
            if (r >= Math.min(200, rounds)) {
                rtt.recordNanos(took);
            }
        }
        System.out.printf("synclist, %s: answer %d entries, %,d payload bytes; round trip %s%n", what, expected, bytes,
                rtt.summary());
    }

    /** Bytes on the wire each way per exchange, through the counting relay. */
    private static void wire(String what, ByteCountingRelay relay, BenchSocket.Queued g, Message request, int rounds,
            Class<? extends Message> last) throws Exception {
        byte[] frame = BenchSocket.CODEC.encode(request);
        g.send(frame).join();
        g.expect(last, 60);
        long up0 = relay.up.get();
        long down0 = relay.down.get();
        for (int r = 0; r < rounds; r++) {
            g.send(frame).join();
            g.expect(last, 60);
        }
        System.out.printf("on the wire, %s: %.1f bytes up, %.1f bytes down per exchange (request payload %d bytes)%n",
                what, (relay.up.get() - up0) / (double) rounds, (relay.down.get() - down0) / (double) rounds, frame.length);
    }

    private record Pull(long nanos, int inserts, long bytes, int frames, long syncTime) {
    }

    private static Pull pull(BenchSocket.Queued g, UUID doc, long since) throws Exception {
        g.frameBytes.clear();
        long t = System.nanoTime();
        g.send(BenchSocket.CODEC.encode(new SyncDocPull(doc, since)));
        int inserts = 0;
        while (true) {
            Message m = g.next(120);
            if (m instanceof SyncDocResponse r) {
                inserts += r.inserts().size();
            } else if (m instanceof SyncDocDone done) {
                long took = System.nanoTime() - t;
                long bytes = 0;
                int frames = 0;
                Integer b;
                while ((b = g.frameBytes.poll()) != null) {
                    bytes += b;
                    frames++;
                }
                return new Pull(took, inserts, bytes, frames, done.syncTime());
            }
        }
    }
}
