package dev.weft.server;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile devices against a real server (issue 12 §5): connections that hold half-sent frames of
 * the largest size, frame headers that claim more than the limit (up to 2^63 bytes), a sender that
 * stalls mid-message. The server holds no more than its receive budget, refuses oversized headers
 * before reading their payload, closes stalled senders at the deadline, and an honest device keeps
 * syncing throughout.
 */
class HostileClientTest {
    private static final int MAX_MESSAGE = Limits.DEFAULT_MAX_MESSAGE_BYTES;
    private static final long BUDGET = 32L << 20;
    private static final long PER_DEVICE = MAX_MESSAGE + (256L << 10);

    @TempDir
    Path data;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    private WeftServer start(Duration deadline) throws Exception {
        ReceiveLimits receive = new ReceiveLimits(BUDGET, PER_DEVICE, ReceiveLimits.DEFAULT_GUARANTEED_BYTES, deadline);
        return WeftServer.start(new ServerConfig("127.0.0.1", 0, data, new ServerConfig.TlsSetting.None(), Limits.DEFAULT)
                .withReceive(receive), new ServerLog(new PrintStream(logged, true, StandardCharsets.UTF_8)));
    }

    @Test
    void connectionsHoldingHalfSentBigFramesGetNoMoreThanTheBudget() throws Exception {
        long directBefore = directBytes();
        try (WeftServer server = start(Duration.ofMinutes(10))) {
            TestDevice honest = TestDevice.pair(server.pairingLink(), "honest");
            List<RawWebSocket> hostile = new ArrayList<>();
            List<Thread> senders = new ArrayList<>();
            for (int d = 0; d < 4; d++) {
                TestDevice attacker = TestDevice.pair(server.pairingLink(), "attacker " + d);
                for (int c = 0; c < 8; c++) {
                    RawWebSocket ws = RawWebSocket.connect(server.port(), attacker.token, 4096);
                    hostile.add(ws);
                    Thread sender = new Thread(() -> halfSend(ws), "hostile sender");
                    sender.setDaemon(true);
                    sender.start();
                    senders.add(sender);
                }
            }
            // 32 connections offer 256 MiB; the server takes the shared budget and waits
            ReceiveBudget budget = server.receiveBudget();
            eventually("the hostile connections fill the shared budget", () -> budget.shared() == BUDGET);

            syncs(honest, 1);

            assertThat(budget.shared()).isEqualTo(BUDGET);
            assertThat(budget.held()).isLessThanOrEqualTo(BUDGET + 5 * ReceiveLimits.DEFAULT_GUARANTEED_BYTES);
            // Undertow's pooled direct buffers hold a few frames' pieces, not the messages (256 MiB before)
            assertThat(directBytes() - directBefore).as("direct memory taken while attacked")
                    .isLessThan(32L << 20);
            syncs(honest, 2);
            for (RawWebSocket ws : hostile) {
                ws.close();
            }
        } // and the server stops with the attackers' messages in flight
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("stopped");
    }

    @Test
    void frameHeadersOverTheLimitAreRefusedBeforeTheirPayload() throws Exception {
        try (WeftServer server = start(Duration.ofMinutes(10))) {
            TestDevice attacker = TestDevice.pair(server.pairingLink(), "attacker");
            TestDevice honest = TestDevice.pair(server.pairingLink(), "honest");
            for (long claimed : new long[] {MAX_MESSAGE + 1L, Long.MAX_VALUE}) {
                try (RawWebSocket ws = raw(server, attacker)) {
                    ws.sendHeader(true, claimed); // and not one byte of payload
                    assertThat(ws.readUntilClose()).as("close code for a header claiming %s bytes",
                            Long.toUnsignedString(claimed)).isEqualTo(1009);
                }
            }
            // fragments within the limit make one message
            try (RawWebSocket ws = raw(server, honest)) {
                byte[] synclist = new MessageCodec().encode(new Synclist(0));
                ws.sendHeader(false, 4);
                ws.sendRaw(Arrays.copyOf(synclist, 4));
                ws.sendContinuationHeader(true, synclist.length - 4);
                ws.sendRaw(Arrays.copyOfRange(synclist, 4, synclist.length));
                assertThat(new MessageCodec().decodeFrame(ws.readBinary())).singleElement().isInstanceOf(SynclistResponse.class);
            }
            // fragments: the second header brings the message over the limit
            try (RawWebSocket ws = raw(server, attacker)) {
                ws.sendHeader(false, 1 << 20);
                ws.sendRaw(new byte[1 << 20]);
                ws.sendContinuationHeader(true, MAX_MESSAGE);
                assertThat(ws.readUntilClose()).isEqualTo(1009);
            }
            syncs(honest, 1);
            eventually("every refused message gave its budget back", () -> server.receiveBudget().held() == 0);
        }
    }

    @Test
    void aSenderThatStallsMidMessageIsClosedAtTheDeadline() throws Exception {
        try (WeftServer server = start(Duration.ofSeconds(3))) {
            TestDevice attacker = TestDevice.pair(server.pairingLink(), "slow");
            TestDevice honest = TestDevice.pair(server.pairingLink(), "honest");
            try (RawWebSocket ws = raw(server, attacker)) {
                ws.sendHeader(true, 1 << 20);
                ws.sendRaw(new byte[1000]);
                syncs(honest, 1);
                // docs/protocol.md §3's vector: 4408, then the reason
                assertThat(HexFormat.of().formatHex(ws.readClosePayload())).startsWith("1138746f6f20736c6f773a");
            }
            // a length with its top bit set (2^63, which RFC 6455 forbids) Undertow reads as 0:
            // no message of that size starts, and the one that does never ends
            try (RawWebSocket ws = raw(server, attacker)) {
                ws.sendHeader(true, Long.MIN_VALUE);
                assertThat(ws.readUntilClose()).isEqualTo(ReceiveLimits.TOO_SLOW);
            }
            String log = logged.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("(" + ReceiveLimits.TOO_SLOW + "): too slow");
            eventually("the stalled message gave its budget back", () -> server.receiveBudget().held() == 0);
            syncs(honest, 2);
        }
    }

    private static RawWebSocket raw(WeftServer server, TestDevice device) throws IOException {
        return RawWebSocket.connect(server.port(), device.token, 65536).readTimeout(60_000);
    }

    /** A session of {@code device} writes one op and has it acknowledged. */
    private static void syncs(TestDevice device, long ident) throws Exception {
        TestDevice.Connection c = device.connect();
        UUID doc = UUID.nameUUIDFromBytes("hostile".getBytes(StandardCharsets.UTF_8));
        c.send(new SessionStart(0, doc));
        c.until(m -> m instanceof SessionReady);
        c.send(new SessionInsert(device.site, new Atom(Pid.of(new long[] {Pid.key(device.site, ident)}), 'x')));
        c.until(m -> m instanceof SessionAck a && a.applied() >= 1);
        c.close();
    }

    /** Declares a 16 MiB frame and sends half of it, then holds; blocks while the server does not read. */
    private static void halfSend(RawWebSocket ws) {
        try {
            ws.sendHeader(true, MAX_MESSAGE);
            byte[] piece = new byte[1 << 20];
            for (int i = 0; i < 8; i++) {
                ws.sendRaw(piece);
            }
        } catch (IOException e) {
            // closed by the test or the server
        }
    }

    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }
}
