package dev.weft.bench;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncOptions;
import dev.weft.client.WireStats;
import dev.weft.protocol.PairingLink;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Client sync figures (issue: client): a generated vault of N notes is uploaded by device A; a
 * fresh device B pairs and does its first sync; B re-syncs while current; A types and erases
 * offline. Reports times, wire bytes (WebSocket payload) per text byte and the server's heap.
 *
 * <pre>
 * java -Xmx12g -cp target/weft-benchmarks.jar dev.weft.bench.ClientSyncBench [--notes 10000] [--note-bytes 5000]
 *     [--server-jvm 'JVM ARGS']
 * </pre>
 */
public final class ClientSyncBench {
    private static final Duration LONG = Duration.ofMinutes(30);

    private ClientSyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int notes = 10_000;
        int noteBytes = 5_000;
        List<String> serverJvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--notes" -> notes = Integer.parseInt(args[++i]);
                case "--note-bytes" -> noteBytes = Integer.parseInt(args[++i]);
                case "--server-jvm" -> serverJvm.addAll(List.of(args[++i].trim().split("\\s+")));
                default -> throw new IllegalArgumentException(
                        "usage: ClientSyncBench [--notes N] [--note-bytes B] [--server-jvm 'JVM ARGS']");
            }
        }
        System.out.println("== ClientSyncBench notes=" + notes + " note-bytes=" + noteBytes);
        System.out.println("machine: " + BenchNet.machine());
        Path dir = Files.createTempDirectory("weft-client-bench");
        if (System.getProperty(dev.weft.vault.ConfigDir.PROPERTY) == null) { // the devices' tokens: not the real home's
            System.setProperty(dev.weft.vault.ConfigDir.PROPERTY, dir.resolve("config").toString());
        }
        try (BenchServer server = BenchServer.launch(dir.resolve("server"), true, serverJvm)) {
            Vault a = Vault.open(dir.resolve("a"), VaultOptions.defaults());
            SyncClient clientA = new SyncClient(a, SyncOptions.defaults());
            clientA.pair(link(server), "device A");
            SplittableRandom random = new SplittableRandom(1);
            long textBytes = 0;
            long t0 = System.nanoTime();
            for (int n = 0; n < notes; n++) {
                String text = MarkdownText.generate(random, noteBytes);
                textBytes += text.getBytes(StandardCharsets.UTF_8).length;
                a.create(String.format("folder-%02d/note-%05d", n % 100, n), text);
            }
            double made = seconds(t0);
            System.out.printf("A: made %,d notes, %,d bytes of text in %.1f s%n", notes, textBytes, made);
            t0 = System.nanoTime();
            clientA.syncOnce(LONG);
            System.out.printf("A: first upload %.1f s, %s%n", seconds(t0), clientA.wireStats());

            Vault b = Vault.open(dir.resolve("b"), VaultOptions.defaults());
            SyncClient clientB = new SyncClient(b, SyncOptions.defaults());
            clientB.pair(link(server), "device B");
            WireStats wire = clientB.wireStats();
            t0 = System.nanoTime();
            clientB.syncOnce(LONG);
            double first = seconds(t0);
            System.out.printf("B: first sync of %,d notes (%,d text bytes) in %.2f s; received %,d B of messages = %.2f x text,"
                    + " %,d B of WebSocket frames (permessage-deflate) = %.2f x text; sent %,d B%n", b.notes().size(), textBytes,
                    first, wire.bytesReceived(), wire.bytesReceived() / (double) textBytes, wire.wireBytesReceived(),
                    wire.wireBytesReceived() / (double) textBytes, wire.bytesSent());
            System.out.printf("server heap after GC: %,d B%n", server.heapAfterGc());

            long[] resync = new long[21];
            long sentBefore = wire.bytesSent();
            long receivedBefore = wire.bytesReceived();
            for (int i = 0; i < resync.length; i++) {
                long s = System.nanoTime();
                clientB.syncOnce(LONG);
                resync[i] = System.nanoTime() - s;
            }
            Arrays.sort(resync);
            System.out.printf("B: re-sync of a current vault (connect, TLS, synclist, answer): median %.1f ms, max %.1f ms;"
                    + " %d B sent, %d B received per re-sync%n", resync[resync.length / 2] / 1e6,
                    resync[resync.length - 1] / 1e6, (wire.bytesSent() - sentBefore) / resync.length,
                    (wire.bytesReceived() - receivedBefore) / resync.length);

            NoteInfo target = a.notes().get(0);
            NoteReplica replica = a.replica(target.id());
            String typed = MarkdownText.generate(random, 1_000);
            int at = replica.length();
            int typedLength = typed.codePointCount(0, typed.length());
            replica.insert(at, typed);
            replica.delete(at + typedLength / 2, typedLength - typedLength / 2);
            long sent = clientA.wireStats().bytesSent();
            clientA.syncOnce(LONG);
            long kept = typed.substring(0, typed.offsetByCodePoints(0, typedLength / 2)).getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("A: typed %,d chars offline and erased the last half: sync sent %,d B for the %,d text bytes"
                    + " kept (%.2f x; the erased half cost 0 B)%n", typedLength, clientA.wireStats().bytesSent() - sent, kept,
                    (clientA.wireStats().bytesSent() - sent) / (double) kept);
            clientA.close();
            clientB.close();
            a.close();
            b.close();
        }
    }

    private static PairingLink link(BenchServer server) throws Exception {
        return new PairingLink("127.0.0.1", server.port, server.pairingCode(), server.fingerprint);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
