package dev.weft.client;

import com.sun.management.OperatingSystemMXBean;
import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes on the wire each way and CPU for the first sync of a 500-note, ~1.46 MB vault (issue 14),
 * with and without run messages and permessage-deflate, against a real server on 127.0.0.1 with
 * TLS (docs/benchmarks.md, "Runs on the wire"):
 *
 * <pre>mvn -q -B test -Dtest=RunWireMeasureTest -Dweft.measure=true [-Dweft.measure.notes=500]</pre>
 *
 * Device A opens the notes as a folder would bring them (one {@code Vault.create} each) and uploads
 * them; a fresh device B does its first sync. CPU is the whole JVM's (server and both devices).
 */
@EnabledIfSystemProperty(named = "weft.measure", matches = "true")
class RunWireMeasureTest {
    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        WireConnection.announceRuns = true;
    }

    /** Varied Markdown of about {@code bytes}: headings, lists and prose of the blog trace's words. */
    static String note(SplittableRandom random, List<String> words, int bytes) {
        StringBuilder s = new StringBuilder("# ").append(words.get(random.nextInt(words.size()))).append("\n\n");
        while (s.length() < bytes) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                s.append("\n## ");
            } else if (kind < 3) {
                s.append("- ");
            }
            int n = 4 + random.nextInt(kind < 3 ? 10 : 40);
            for (int i = 0; i < n; i++) {
                s.append(words.get(random.nextInt(words.size()))).append(i + 1 < n ? " " : kind < 3 ? "\n" : ".\n\n");
            }
        }
        return s.substring(0, bytes);
    }

    /**
     * The same vault's notes as the {@code 37} frames a first sync sends when each note is one run
     * (what an allocator of fixed-stride runs makes of an imported note), deflated as
     * permessage-deflate does it at the server's level 1 and the client's level 6, with the CPU of
     * deflating.
     */
    @Test
    void oneRunPerNoteFrames() throws Exception {
        int notes = Integer.getInteger("weft.measure.notes", 500);
        List<String> words = new ArrayList<>(new LinkedHashSet<>(List.of(
                ClientWireMeasureTest.markdown().split("[^\\p{L}\\p{N}'*`_-]+"))));
        words.removeIf(String::isEmpty);
        SplittableRandom random = new SplittableRandom(14);
        dev.weft.protocol.MessageCodec codec = new dev.weft.protocol.MessageCodec();
        dev.weft.protocol.RunForm form = new dev.weft.protocol.RunForm(Limits.DEFAULT);
        List<byte[]> frames = new ArrayList<>();
        long text = 0;
        for (int n = 0; n < notes; n++) {
            String t = note(random, words, 2_920);
            text += t.getBytes(StandardCharsets.UTF_8).length;
            int[] cps = t.codePoints().toArray();
            List<dev.weft.crdt.Atom> atoms = new ArrayList<>(cps.length);
            for (int k = 0; k < cps.length; k++) {
                atoms.add(new dev.weft.crdt.Atom(dev.weft.crdt.Pid.of(dev.weft.crdt.Pid.key(1, 77 + n),
                        dev.weft.crdt.Pid.key(2, 1_000 + 16L * k)), cps[k]));
            }
            frames.add(codec.encode(form.compact(List.of(new dev.weft.protocol.SyncDocResponse(java.util.UUID.randomUUID(),
                    String.format("folder-%02d/note-%03d", n % 20, n), atoms, List.of()),
                    new dev.weft.protocol.SyncDocDone(java.util.UUID.randomUUID(), 1, false)))));
        }
        long bytes = frames.stream().mapToLong(f -> f.length).sum();
        StringBuilder line = new StringBuilder(String.format("runs-wire one-run-per-note notes=%d text=%,d B messages %,d B (%.3fx)",
                notes, text, bytes, bytes / (double) text));
        for (int level : new int[] {1, 6}) {
            long deflated = 0;
            long t0 = System.nanoTime();
            for (byte[] f : frames) {
                deflated += ClientWireMeasureTest.deflated(f, level);
            }
            line.append(String.format(" | level %d: %,d B (%.3fx) %.0f ms", level, deflated, deflated / (double) text,
                    (System.nanoTime() - t0) / 1e6));
        }
        System.out.println(line);
    }

    @Test
    void firstSyncOfAVault() throws Exception {
        int notes = Integer.getInteger("weft.measure.notes", 500);
        List<String> words = new ArrayList<>(new LinkedHashSet<>(List.of(
                ClientWireMeasureTest.markdown().split("[^\\p{L}\\p{N}'*`_-]+"))));
        words.removeIf(String::isEmpty);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (boolean runs : new boolean[] {false, true}) {
            for (boolean deflate : new boolean[] {false, true}) {
                Path base = dir.resolve("runs-" + runs + "-deflate-" + deflate);
                WireConnection.announceRuns = runs;
                try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, base.resolve("server"),
                        new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT).withDeflate(deflate), ServerLog.silent());
                        Vault va = Vault.open(base.resolve("a"), VaultOptions.defaults());
                        Vault vb = Vault.open(base.resolve("b"), VaultOptions.defaults());
                        SyncClient a = new SyncClient(va, SyncOptions.defaults());
                        SyncClient b = new SyncClient(vb, SyncOptions.defaults())) {
                    a.pair(server.pairingLink(), "a");
                    b.pair(server.pairingLink(), "b");
                    SplittableRandom random = new SplittableRandom(14);
                    long text = 0;
                    for (int n = 0; n < notes; n++) {
                        String t = note(random, words, 2_920);
                        text += t.getBytes(StandardCharsets.UTF_8).length;
                        va.create(String.format("folder-%02d/note-%03d", n % 20, n), t);
                    }
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    a.syncOnce(Duration.ofMinutes(20));
                    long cpu1 = os.getProcessCpuTime();
                    long t1 = System.nanoTime();
                    b.syncOnce(Duration.ofMinutes(20));
                    long cpu2 = os.getProcessCpuTime();
                    long t2 = System.nanoTime();
                    if (vb.notes().size() != notes) {
                        throw new AssertionError("device b has " + vb.notes().size() + " notes");
                    }
                    WireStats up = a.wireStats();
                    WireStats down = b.wireStats();
                    System.out.printf("runs-wire notes=%d text=%,d B runs=%-5s deflate=%-5s"
                            + " | up: messages %,d B (%.2fx) frames %,d B (%.2fx) %.1f s cpu %.1f s"
                            + " | down: messages %,d B (%.2fx) frames %,d B (%.2fx) %.1f s cpu %.1f s%n",
                            notes, text, runs, deflate, up.bytesSent(), up.bytesSent() / (double) text,
                            up.wireBytesSent(), up.wireBytesSent() / (double) text, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9,
                            down.bytesReceived(), down.bytesReceived() / (double) text, down.wireBytesReceived(),
                            down.wireBytesReceived() / (double) text, (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9);
                }
            }
        }
    }
}
