package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.ws.Options;
import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes on the wire for the first sync of a note, with and without permessage-deflate: upload
 * (device a's first sync of a note it wrote) and download (device b's first sync of it), against
 * a real server over TLS. Prints one line per case (docs/benchmarks.md, "Client wire"):
 *
 * <pre>mvn -q -B test -Dtest=ClientWireMeasureTest -Dweft.measure=true [-Dweft.traces=traces]</pre>
 *
 * Off in the normal build: typing 1 MiB into a vault takes minutes ({@link WireTransportTest}
 * checks the 5 KB case on every build).
 *
 * The texts: a ~5 KB English note and a 1 MiB Markdown text, from the Markdown blog post in the
 * seph-blog1 editing trace when the traces are there, else generated prose. Each note is written
 * the way a person types: runs of 1-12 characters at the end, now and then a run in the middle.
 */
@EnabledIfSystemProperty(named = "weft.measure", matches = "true")
class ClientWireMeasureTest {
    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        WireConnection.options = Options.DEFAULT;
    }

    static String markdown() throws Exception {
        Path trace = Path.of(System.getProperty("weft.traces", "traces"), "seph-blog1.json.gz");
        if (Files.isReadable(trace)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(trace))) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int key = json.indexOf("\"endContent\"");
                int start = json.indexOf('"', json.indexOf(':', key) + 1) + 1;
                int end = start;
                while (json.charAt(end) != '"') {
                    end += json.charAt(end) == '\\' ? 2 : 1;
                }
                return unescape(json.substring(start, end));
            }
        }
        return WireTransportTest.englishNote(60_000);
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** {@code text} cut to about {@code bytes} UTF-8 bytes, repeated when shorter. */
    static String sized(String text, int bytes) {
        StringBuilder s = new StringBuilder();
        int part = 0;
        while (s.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            s.append(part++ == 0 ? "" : "\n\n## Part " + part + "\n\n").append(text);
            if (s.length() > bytes) {
                break;
            }
        }
        String cut = s.length() > bytes ? s.substring(0, bytes) : s.toString();
        if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }

    record Figures(int textBytes, long upProtocol, long upWire, long downProtocol, long downWire) {
    }

    Figures firstSync(String name, String text, boolean deflate) throws Exception {
        Path base = dir.resolve(name + (deflate ? "-on" : "-off"));
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, base.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT).withDeflate(deflate), ServerLog.silent())) {
            Vault va = Vault.open(base.resolve("a"), VaultOptions.defaults());
            Vault vb = Vault.open(base.resolve("b"), VaultOptions.defaults());
            SyncClient a = new SyncClient(va, SyncOptions.defaults());
            SyncClient b = new SyncClient(vb, SyncOptions.defaults());
            try {
                a.pair(server.pairingLink(), "a");
                b.pair(server.pairingLink(), "b");
                UUID id = va.create("note", "").id();
                var replica = va.replica(id);
                SplittableRandom random = new SplittableRandom(3);
                int typed = 0;
                int[] cps = text.codePoints().toArray();
                StringBuilder run = new StringBuilder();
                while (typed < cps.length) {
                    int n = Math.min(cps.length - typed, 1 + random.nextInt(12));
                    run.setLength(0);
                    for (int i = 0; i < n; i++) {
                        run.appendCodePoint(cps[typed + i]);
                    }
                    replica.insert(typed, run);
                    typed += n;
                }
                assertThat(replica.text()).isEqualTo(text);
                WireStats sa = a.wireStats();
                long up0 = sa.bytesSent();
                long upWire0 = sa.wireBytesSent();
                long t0 = System.nanoTime();
                a.syncOnce(Duration.ofMinutes(10));
                long t1 = System.nanoTime();
                WireStats sb = b.wireStats();
                b.syncOnce(Duration.ofMinutes(10));
                System.out.printf("client-wire %s deflate=%s: upload sync %d ms, download sync %d ms%n", name, deflate,
                        (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
                String received = vb.replica(id).text();
                if (!received.equals(text)) { // no AssertJ diff of two megabytes
                    throw new AssertionError("device b has " + received.length() + " chars, not the " + text.length() + " typed");
                }
                return new Figures(text.getBytes(StandardCharsets.UTF_8).length, sa.bytesSent() - up0,
                        sa.wireBytesSent() - upWire0, sb.bytesReceived(), sb.wireBytesReceived());
            } finally {
                a.close();
                b.close();
                va.close();
                vb.close();
            }
        }
    }

    @Test
    void firstSyncWireBytes() throws Exception {
        String source = markdown();
        int big = Integer.getInteger("weft.measure.bytes", 1 << 20);
        String[][] cases = {{"note-5KB", sized(source, 5_000)}, {"markdown-" + big + "B", sized(source, big)}};
        for (String[] c : cases) {
            for (boolean deflate : new boolean[] {false, true}) {
                long t0 = System.nanoTime();
                Figures f = firstSync(c[0], c[1], deflate);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("client-wire %-14s deflate=%-5s text=%8d B  up: protocol=%9d wire=%9d (%.2fx text)"
                        + "  down: protocol=%9d wire=%9d (%.2fx text)  %d ms%n", c[0], deflate, f.textBytes(),
                        f.upProtocol(), f.upWire(), (double) f.upWire() / f.textBytes(), f.downProtocol(), f.downWire(),
                        (double) f.downWire() / f.textBytes(), ms);
                if (deflate) {
                    // with runs (protocol.md §8) the random ident steps are left: deflate takes ~30% off
                    assertThat(f.upWire()).isLessThan(f.upProtocol() * 4 / 5);
                    assertThat(f.downWire()).isLessThan(f.downProtocol() * 4 / 5);
                }
            }
        }
    }

    /**
     * The final state of each editing trace (real typing, pids of depth ~3.9) as the one
     * {@code 33} frame a server sends on a first sync, deflated as permessage-deflate does it
     * (raw, SYNC_FLUSH, tail removed) at the server's level 1 and the client's level 6.
     */
    @Test
    void traceFramesDeflated() throws Exception {
        for (String name : new String[] {"seph-blog1", "automerge-paper", "sveltecomponent"}) {
            Path file = Path.of(System.getProperty("weft.traces", "traces"), name + ".json.gz");
            if (!Files.isReadable(file)) {
                continue;
            }
            var doc = dev.weft.app.trace.TraceReplayer.replay(dev.weft.app.trace.TraceReader.read(file),
                    new dev.weft.app.trace.OpLog(1 << 20)).first();
            List<dev.weft.protocol.Message> seed = List.of(dev.weft.app.trace.ReplicaMessages.wholeDocument(doc));
            int text = doc.text().getBytes(StandardCharsets.UTF_8).length;
            for (boolean runs : new boolean[] {false, true}) {
                var codec = new dev.weft.protocol.MessageCodec();
                byte[] frame = codec.encode(runs ? new dev.weft.protocol.RunForm(Limits.DEFAULT).compact(seed) : seed);
                StringBuilder line = new StringBuilder(String.format(
                        "client-wire trace %-16s runs=%-5s text=%7d B protocol=%8d (%.2fx text)",
                        name, runs, text, frame.length, (double) frame.length / text));
                for (int level : new int[] {1, 6}) {
                    long cpu = System.nanoTime();
                    int n = deflated(frame, level);
                    line.append(String.format("  level %d: %7d (%.2fx text, %.1f ms)", level, n, (double) n / text,
                            (System.nanoTime() - cpu) / 1e6));
                }
                System.out.println(line);
            }
        }
    }

    static int deflated(byte[] frame, int level) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(level, true);
        d.setInput(frame);
        byte[] out = new byte[64 * 1024];
        int total = 0;
        int n;
        do {
            n = d.deflate(out, 0, out.length, java.util.zip.Deflater.SYNC_FLUSH);
            total += n;
        } while (n == out.length || !d.needsInput());
        d.end();
        return total - 4;
    }
}
