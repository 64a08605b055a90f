package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose peer stops reading while another device writes a lot into the same document:
 * once more than the configured bytes wait unsent, that connection alone is closed with 4008 (ext: "too slow", reconnect; 1008 is for revoked devices) and
 * one log line; the writer and a reading watcher are served on, and the watcher gets every op.
 */
class SlowReaderTest {
    private static final long LIMIT = 1 << 20;
    private static final int PID_DEPTH = 24;

    @TempDir
    Path data;

    @Test
    void aPeerThatStopsReadingIsClosedAndTheOthersAreServed() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        UUID doc = UUID.randomUUID();
        ServerConfig config = new ServerConfig("127.0.0.1", 0, data, new ServerConfig.TlsSetting.None(),
                Limits.DEFAULT).withMaxUnsentBytes(LIMIT);
        try (WeftServer server = WeftServer.start(config, new ServerLog(new PrintStream(logged, true, StandardCharsets.UTF_8)))) {
            TestDevice writer = TestDevice.pair(server.pairingLink(), "writer");
            TestDevice watcher = TestDevice.pair(server.pairingLink(), "watcher");
            TestDevice sleeper = TestDevice.pair(server.pairingLink(), "sleeper");

            TestDevice.Connection w = writer.connect();
            w.send(new SessionStart(0, doc));
            w.until(m -> m instanceof SessionReady);
            TestDevice.Connection v = watcher.connect();
            v.send(new SessionStart(0, doc));
            v.until(m -> m instanceof SessionReady);
            RawWebSocket slow = RawWebSocket.connect(server.port(), sleeper.token, 4096);
            slow.sendBinary(new MessageCodec().encode(new SessionStart(0, doc)));

            // ~130 bytes per forwarded insert: write until the sleeper is closed, at most 64 MiB
            int perFrame = 2000;
            long ident = 0;
            Set<Long> written = new HashSet<>();
            while (!logged.toString(StandardCharsets.UTF_8).contains("does not read")) {
                assertThat(ident).as("inserts written before the sleeper was closed").isLessThan(500_000);
                Message[] frame = new Message[perFrame];
                for (int i = 0; i < perFrame; i++) {
                    ident++;
                    frame[i] = new SessionInsert(writer.site, new Atom(deepPid(writer.site, ident), 'a' + (int) (ident % 26)));
                    written.add(ident);
                }
                w.send(frame);
                long last = ident;
                w.until(m -> m instanceof SessionAck a && a.applied() >= last); // the writer is served throughout
            }
            String log = logged.toString(StandardCharsets.UTF_8);
            assertThat(log.lines().filter(l -> l.contains("does not read"))).as(log).hasSize(1)
                    .allMatch(l -> l.contains("sleeper") && l.contains("(4008)"));

            // the writer and the watcher are still served: one more op reaches the watcher, and all before it
            ident++;
            w.send(new SessionInsert(writer.site, new Atom(deepPid(writer.site, ident), 'z')));
            written.add(ident);
            Set<Long> seen = new HashSet<>();
            long last = ident;
            v.until(m -> {
                if (m instanceof SessionInsert i) {
                    seen.add(i.atom().pid().identAt(PID_DEPTH - 1));
                }
                return seen.contains(last);
            });
            assertThat(seen).isEqualTo(written);
            assertThat(v.closed).isNotDone();
            assertThat(w.closed).isNotDone();

            // the sleeper, reading again, finds its close frame after what was queued before it
            assertThat(slow.readUntilClose()).isEqualTo(4008);
            slow.close();
        }
    }

    /** A pid {@value #PID_DEPTH} pairs deep, so that each forwarded insert is about 130 bytes. */
    private static Pid deepPid(int site, long ident) {
        long[] keys = new long[PID_DEPTH];
        for (int i = 0; i < PID_DEPTH - 1; i++) {
            keys[i] = Pid.key(site, i + 1);
        }
        keys[PID_DEPTH - 1] = Pid.key(site, ident);
        return Pid.of(keys);
    }
}
