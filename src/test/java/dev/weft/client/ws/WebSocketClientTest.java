package dev.weft.client.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a real Undertow server ({@link EchoServer}) and against {@link RawServer}. */
class WebSocketClientTest {
    static WebSocket connect(java.net.URI uri, Listener listener, Options options) throws Exception {
        return WebSocketClient.connect(uri, Map.of(), null, listener, options).get(60, TimeUnit.SECONDS);
    }

    /** Markdown-like text: compresses like notes do. */
    static byte[] prose(int n, long seed) {
        String[] words = {"the ", "weft ", "note ", "sync ", "of ", "a ", "server ", "text ", "and ", "## ", "- ", "\n"};
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 16);
        while (out.size() < n) {
            out.writeBytes(words[random.nextInt(words.length)].getBytes(StandardCharsets.UTF_8));
        }
        byte[] b = out.toByteArray();
        return java.util.Arrays.copyOf(b, n);
    }

    static byte[] noise(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void echoesMessagesFromOneByteTo16MiB(boolean serverDeflates) throws Exception {
        AtomicLong wire = new AtomicLong();
        AtomicLong payload = new AtomicLong();
        Options.Meter meter = new Options.Meter() {
            @Override
            public void sent(int p, long w) {
                payload.addAndGet(p);
                wire.addAndGet(w);
            }

            @Override
            public void received(int p, long w) {
            }
        };
        try (EchoServer server = new EchoServer(serverDeflates)) {
            Recorder r = new Recorder();
            WebSocket ws = connect(server.uri(), r, Options.DEFAULT.withMaxMessageBytes(EchoServer.MAX).withMeter(meter));
            assertThat(ws.extension()).isEqualTo(serverDeflates ? "permessage-deflate; server_no_context_takeover; client_no_context_takeover" : null);
            int[] sizes = {0, 1, 125, 126, 65535, 65536, 1 << 20, 16 << 20};
            for (int size : sizes) {
                for (byte[] message : new byte[][] {prose(size, size), noise(size, size)}) {
                    ws.sendBinary(message);
                    assertThat(r.nextBinary()).as("echo of %d bytes", size).isEqualTo(message);
                }
            }
            if (serverDeflates) {
                assertThat(wire.get()).isLessThan(payload.get() * 3 / 4);
            } else {
                assertThat(wire.get()).isGreaterThan(payload.get());
            }
            ws.close(1000, "done");
            assertThat(r.awaitClose().code()).isEqualTo(1000);
        }
    }

    @Test
    void aClientThatDoesNotOfferDeflateSendsPlainFrames() throws Exception {
        try (EchoServer server = new EchoServer(true)) {
            Recorder r = new Recorder();
            WebSocket ws = connect(server.uri(), r, Options.DEFAULT.withDeflate(false));
            assertThat(ws.extension()).isNull();
            byte[] message = prose(100_000, 1);
            ws.sendBinary(message);
            assertThat(r.nextBinary()).isEqualTo(message);
            ws.abort();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void fragmentedSendsAreReassembledByTheServer(boolean deflate) throws Exception {
        try (EchoServer server = new EchoServer(deflate)) {
            Recorder r = new Recorder();
            WebSocket ws = connect(server.uri(), r, Options.DEFAULT.withFragmentBytes(1000));
            for (byte[] message : new byte[][] {prose(300_000, 2), noise(5_000, 3), noise(999, 4), noise(1000, 5)}) {
                ws.sendBinary(message);
                assertThat(r.nextBinary()).isEqualTo(message);
            }
            ws.abort();
        }
    }

    @Test
    void aServerPingIsAnsweredWithItsPayload() throws Exception {
        try (EchoServer server = new EchoServer(true)) {
            Recorder r = new Recorder();
            WebSocket ws = connect(server.uri(), r, Options.DEFAULT);
            ws.sendText("ping");
            assertThat(r.nextText()).isEqualTo("pong:p1");
            ws.abort();
        }
    }

    @Test
    void keepalivePingsKeepAQuietConnectionOpen() throws Exception {
        try (EchoServer server = new EchoServer(true)) {
            Recorder r = new Recorder();
            WebSocket ws = connect(server.uri(), r,
                    Options.DEFAULT.withKeepalive(Duration.ofMillis(100), Duration.ofSeconds(2)));
            // quiet for longer than the idle timeout; the timeout is long enough that a busy machine's
            // stalls do not reach it, so only unanswered pings would drop the connection
            Thread.sleep(3000);
            assertThat(r.error).isNotDone();
            assertThat(r.closed).isNotDone();
            byte[] message = noise(10, 1);
            ws.sendBinary(message);
            assertThat(r.nextBinary()).isEqualTo(message);
            ws.abort();
        }
    }

    @Test
    void aSilentServerIsDroppedAfterTheIdleTimeout() throws Exception {
        try (RawServer server = new RawServer()) {
            Recorder r = new Recorder();
            var pending = WebSocketClient.connect(server.uri(), Map.of(), null, r,
                    Options.DEFAULT.withKeepalive(Duration.ofMillis(100), Duration.ofMillis(400)));
            server.upgrade(null);
            pending.get(60, TimeUnit.SECONDS);
            RawServer.Frame ping = server.read(); // the keepalive's ping, never answered
            assertThat(ping.opcode()).isEqualTo(Inbound.PING);
            assertThat(r.awaitError()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1008, 4000})
    void theServersCloseCodeReachesTheListenerOnce(int code) throws Exception {
        try (EchoServer server = new EchoServer(true)) {
            Recorder r = new Recorder();
            WebSocket ws = connect(server.uri(), r, Options.DEFAULT);
            ws.sendText("close " + code);
            assertThat(r.awaitClose()).isEqualTo(new Recorder.Closed(code, "as asked"));
            Thread.sleep(200);
            assertThat(r.terminalCalls).isEqualTo(1);
            assertThat(ws.isOutputClosed()).isTrue();
            assertThatThrownBy(() -> ws.sendBinary(new byte[1]).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void ourCloseIsAnsweredByTheServer() throws Exception {
        try (EchoServer server = new EchoServer(true)) {
            Recorder r = new Recorder();
            WebSocket ws = connect(server.uri(), r, Options.DEFAULT);
            ws.close(1000, "bye").get(60, TimeUnit.SECONDS);
            assertThat(r.awaitClose().code()).isEqualTo(1000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "héllo", "a longer text message that the client compresses, as it is over 64 bytes long"})
    void textFramesReachTheListener(String text) throws Exception {
        try (EchoServer server = new EchoServer(true)) {
            Recorder r = new Recorder();
            WebSocket ws = connect(server.uri(), r, Options.DEFAULT);
            ws.sendText(text);
            assertThat(r.nextText()).isEqualTo("text:" + text);
            ws.abort();
        }
    }

    @Test
    void aCompressedMessageOverTheLimitFromUndertowClosesWith1009() throws Exception {
        try (EchoServer server = new EchoServer(true)) {
            Recorder r = new Recorder();
            WebSocket ws = connect(server.uri(), r, Options.DEFAULT.withMaxMessageBytes(1 << 20));
            // Undertow compresses 8 MiB of zeros to a few KiB: under the limit on the wire, not once inflated
            ws.sendText("zeros " + (8 << 20));
            assertThat(r.awaitClose().code()).isEqualTo(1009);
            assertThat(r.binary).isEmpty();
        }
    }

    @Test
    void aDeflateBombIsRefusedWith1009() throws Exception {
        byte[] bomb = deflate(new byte[64 << 20], new Deflater(9, true));
        assertThat(bomb.length).isLessThan(100_000);
        try (RawServer server = new RawServer()) {
            Recorder r = new Recorder();
            var pending = WebSocketClient.connect(server.uri(), Map.of(), null, r,
                    Options.DEFAULT.withMaxMessageBytes(1 << 20));
            server.upgrade("permessage-deflate");
            pending.get(60, TimeUnit.SECONDS);
            server.send(true, true, Inbound.BINARY, bomb);
            assertThat(r.awaitClose().code()).isEqualTo(1009);
            RawServer.Frame close = server.read();
            assertThat(close.opcode()).isEqualTo(Inbound.CLOSE);
            assertThat(((close.payload()[0] & 0xff) << 8) | (close.payload()[1] & 0xff)).isEqualTo(1009);
            assertThat(r.binary).isEmpty();
        }
    }

    @Test
    void anUncompressedMessageOverTheLimitClosesWith1009BeforeItIsRead() throws Exception {
        try (RawServer server = new RawServer()) {
            Recorder r = new Recorder();
            var pending = WebSocketClient.connect(server.uri(), Map.of(), null, r, Options.DEFAULT.withMaxMessageBytes(1000));
            server.upgrade(null);
            pending.get(60, TimeUnit.SECONDS);
            // a header announcing 2^62 bytes: refused from the length alone
            server.write(new byte[] {(byte) 0x82, 127, 0x40, 0, 0, 0, 0, 0, 0, 0});
            assertThat(r.awaitClose().code()).isEqualTo(1009);
        }
    }

    static byte[] deflate(byte[] data, Deflater d) {
        d.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        byte[] b = out.toByteArray();
        return java.util.Arrays.copyOf(b, b.length - 4); // RFC 7692 §7.2.1: drop 00 00 ff ff
    }

    static byte[] inflate(byte[] data, Inflater inflater) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        for (byte[] input : new byte[][] {data, {0, 0, (byte) 0xff, (byte) 0xff}}) {
            inflater.setInput(input);
            int n;
            while ((n = inflater.inflate(buf)) > 0) {
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    @Test
    void fragmentsWithAPingBetweenAreReassembledCompressedOrNot() throws Exception {
        try (RawServer server = new RawServer()) {
            Recorder r = new Recorder();
            var pending = WebSocketClient.connect(server.uri(), Map.of(), null, r, Options.DEFAULT);
            server.upgrade("permessage-deflate");
            pending.get(60, TimeUnit.SECONDS);
            byte[] message = prose(10_000, 9);
            server.send(false, false, Inbound.BINARY, java.util.Arrays.copyOfRange(message, 0, 10));
            server.send(true, false, Inbound.PING, "hi".getBytes(StandardCharsets.UTF_8));
            server.send(false, false, Inbound.CONTINUATION, java.util.Arrays.copyOfRange(message, 10, 5000));
            server.send(true, false, Inbound.CONTINUATION, java.util.Arrays.copyOfRange(message, 5000, 10_000));
            RawServer.Frame pong = server.read();
            assertThat(pong.opcode()).isEqualTo(Inbound.PONG);
            assertThat(new String(pong.payload(), StandardCharsets.UTF_8)).isEqualTo("hi");
            assertThat(r.nextBinary()).isEqualTo(message);

            byte[] compressed = deflate(message, new Deflater(6, true));
            server.send(false, true, Inbound.BINARY, java.util.Arrays.copyOfRange(compressed, 0, 7));
            server.send(true, false, Inbound.CONTINUATION, java.util.Arrays.copyOfRange(compressed, 7, compressed.length));
            assertThat(r.nextBinary()).isEqualTo(message);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"permessage-deflate", "permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover", "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; client_max_window_bits=15; server_max_window_bits=12"})
    void contextTakeoverIsHonouredBothWays(String extensions) throws Exception {
        boolean clientReset = extensions.contains("client_no_context_takeover");
        boolean serverReset = extensions.contains("server_no_context_takeover");
        try (RawServer server = new RawServer()) {
            Recorder r = new Recorder();
            var pending = WebSocketClient.connect(server.uri(), Map.of(), null, r, Options.DEFAULT);
            server.upgrade(extensions);
            WebSocket ws = pending.get(60, TimeUnit.SECONDS);
            assertThat(server.request).contains("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits");
            byte[] message = prose(5_000, 11);
            Inflater shared = new Inflater(true);
            for (int i = 0; i < 3; i++) {
                ws.sendBinary(message);
                RawServer.Frame f = server.read();
                assertThat(f.rsv1()).isTrue();
                // without client context takeover every message decodes alone; with it, through one inflater
                byte[] decoded = clientReset ? inflate(f.payload(), new Inflater(true)) : inflate(f.payload(), shared);
                assertThat(decoded).isEqualTo(message);
                if (i > 0 && !clientReset) {
                    assertThat(f.payload().length).as("the second copy refers back to the first").isLessThan(100);
                }
            }
            Deflater sharedDeflater = new Deflater(6, true);
            for (int i = 0; i < 3; i++) {
                byte[] compressed = deflate(message, serverReset ? new Deflater(6, true) : sharedDeflater);
                server.send(true, true, Inbound.BINARY, compressed);
                assertThat(r.nextBinary()).isEqualTo(message);
            }
        }
    }

    @Test
    void aWindowBelow15BitsMeansTheClientSendsUncompressed() throws Exception {
        try (RawServer server = new RawServer()) {
            Recorder r = new Recorder();
            var pending = WebSocketClient.connect(server.uri(), Map.of(), null, r, Options.DEFAULT);
            server.upgrade("permessage-deflate; client_max_window_bits=10");
            WebSocket ws = pending.get(60, TimeUnit.SECONDS);
            byte[] message = prose(5_000, 12);
            ws.sendBinary(message);
            RawServer.Frame f = server.read();
            assertThat(f.rsv1()).isFalse();
            assertThat(f.payload()).isEqualTo(message);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"permessage-deflate; foo", "x-webkit-deflate-frame", "permessage-deflate; server_max_window_bits=7",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover", "permessage-deflate, permessage-deflate",
        "permessage-deflate; client_max_window_bits"})
    void anInvalidExtensionAnswerFailsTheHandshake(String extensions) throws Exception {
        try (RawServer server = new RawServer()) {
            var pending = WebSocketClient.connect(server.uri(), Map.of(), null, new Recorder(), Options.DEFAULT);
            server.upgrade(extensions);
            assertThatThrownBy(() -> pending.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(HandshakeException.class);
        }
    }

    @Test
    void aNon101AnswerCarriesItsStatus() throws Exception {
        try (RawServer server = new RawServer()) {
            var pending = WebSocketClient.connect(server.uri(), Map.of("Authorization", "Bearer x"), null, new Recorder(),
                    Options.DEFAULT);
            server.readRequest();
            assertThat(server.request).contains("Authorization: Bearer x").contains("Sec-WebSocket-Version: 13");
            server.answer("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\nContent-Length: 0\r\n\r\n");
            assertThatThrownBy(() -> pending.get(60, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void aWrongAcceptFailsTheHandshake() throws Exception {
        try (RawServer server = new RawServer()) {
            var pending = WebSocketClient.connect(server.uri(), Map.of(), null, new Recorder(), Options.DEFAULT);
            server.readRequest();
            server.answer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n");
            assertThatThrownBy(() -> pending.get(60, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(101));
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (RawServer server = new RawServer()) {
            var pending = WebSocketClient.connect(server.uri(), Map.of(), null, new Recorder(),
                    new Options(Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(5),
                            1000, true, 6, 64, 0, Options.Meter.NONE));
            server.readRequest();
            assertThatThrownBy(() -> pending.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(SocketTimeoutException.class);
        }
    }
}
