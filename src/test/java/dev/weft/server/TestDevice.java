package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.tls.PinnedTrustManager;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.PairingLink;
import dev.weft.protocol.ProtocolException;
import dev.weft.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * A device as the tests see one: pairs over HTTPS with a pinned certificate, opens WebSocket
 * connections to {@code /v1/sync} on 127.0.0.1, and collects decoded messages.
 */
final class TestDevice {
    private static final MessageCodec CODEC = new MessageCodec();
    private final HttpClient http;
    private final String base;
    final String token;
    final int site;

    private TestDevice(HttpClient http, String base, String token, int site) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.site = site;
    }

    static HttpClient client(PairingLink link) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Eventually.PATIENCE);
        if (link.tls()) {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new PinnedTrustManager(link.fingerprint())}, new SecureRandom());
            builder.sslContext(tls);
        }
        return builder.build();
    }

    static String base(PairingLink link, String scheme) {
        return scheme + (link.tls() ? "s" : "") + "://127.0.0.1:" + link.port();
    }

    /** POSTs to /v1/pair; returns the HTTP response. */
    static HttpResponse<String> pairRequest(PairingLink link, String body) throws Exception {
        return client(link).send(HttpRequest.newBuilder(URI.create(base(link, "http") + "/v1/pair"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static TestDevice pair(PairingLink link, String name) throws Exception {
        HttpResponse<String> response = pairRequest(link, "code=" + link.code() + "&device_name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> fields = new java.util.HashMap<>();
        for (String line : response.body().split("\n")) {
            int eq = line.indexOf('=');
            fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return new TestDevice(client(link), base(link, "ws"), fields.get("token"), Integer.parseInt(fields.get("site")));
    }

    Connection connect() throws Exception {
        return connect(token);
    }

    Connection connect(String bearer) throws Exception {
        return connect(bearer, Map.of());
    }

    /** A connection that announces run messages (docs/protocol.md §8), as a device of today does. */
    Connection connectWithRuns() throws Exception {
        return connect(token, Map.of(dev.weft.protocol.RunForm.HEADER, dev.weft.protocol.RunForm.VERSION));
    }

    Connection connect(String bearer, Map<String, String> headers) throws Exception {
        Connection c = new Connection();
        WebSocket.Builder builder = http.newWebSocketBuilder().header("Authorization", "Bearer " + bearer);
        headers.forEach(builder::header);
        c.socket = builder
                .connectTimeout(Eventually.PATIENCE)
                .buildAsync(URI.create(base + "/v1/sync"), c).get(60, TimeUnit.SECONDS);
        return c;
    }

    /** One WebSocket connection: sends frames, collects decoded messages and the close. */
    static final class Connection implements WebSocket.Listener {
        final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        /** Every frame received, as its bytes. */
        final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        volatile String closeReason;
        WebSocket socket;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        void send(Message... messages) {
            sendRaw(CODEC.encode(messages));
        }

        void sendRaw(byte[] frame) {
            socket.sendBinary(ByteBuffer.wrap(frame), true).join();
        }

        /** The next message, waiting up to 60 s. */
        Message next() throws InterruptedException {
            Message m = received.poll(60, TimeUnit.SECONDS);
            assertThat(m).as("a message within 60 s").isNotNull();
            return m;
        }

        /** The next message of {@code type}, skipping unsolicited {@code 32} pushes before it. */
        <T extends Message> T expect(Class<T> type) throws InterruptedException {
            while (true) {
                Message m = next();
                if (type.isInstance(m)) {
                    return type.cast(m);
                }
                assertThat(m).as("only pushes may come before the expected %s", type.getSimpleName())
                        .isInstanceOf(dev.weft.protocol.SynclistResponse.class);
            }
        }

        /** The {@code 34} that ends an answer, skipping its {@code 33}s and any pushes. */
        dev.weft.protocol.SyncDocDone done() throws InterruptedException {
            while (true) {
                Message m = next();
                if (m instanceof dev.weft.protocol.SyncDocDone d) {
                    return d;
                }
                assertThat(m).isInstanceOfAny(dev.weft.protocol.SynclistResponse.class, dev.weft.protocol.SyncDocResponse.class);
            }
        }

        /** Messages up to and including the first that matches. */
        List<Message> until(Predicate<Message> last) throws InterruptedException {
            List<Message> got = new ArrayList<>();
            while (true) {
                Message m = next();
                got.add(m);
                if (last.test(m)) {
                    return got;
                }
            }
        }

        int awaitClose() throws Exception {
            return closed.get(60, TimeUnit.SECONDS);
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partial.writeBytes(bytes);
            if (last) {
                try {
                    frames.add(partial.toByteArray());
                    received.addAll(CODEC.decodeFrame(partial.toByteArray()));
                } catch (ProtocolException e) {
                    throw new AssertionError("the server sent a broken frame: " + e.reason(), e);
                }
                partial.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
