package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.ws.Listener;
import dev.weft.client.ws.Options;
import dev.weft.client.ws.WebSocket;
import dev.weft.client.ws.WebSocketClient;
import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.StoreHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's side of {@code Weft-Store} (docs/protocol.md §7, ext), on the wire of a real server. */
class StoreHeaderServerTest {
    private static final Pattern ANSWER = Pattern.compile("(?i)\r\nWeft-Store: ([^\r\n]+)");

    @TempDir
    Path data;
    WeftServer server;
    String token;

    @BeforeEach
    void start() throws Exception {
        server = start(0);
        token = TestDevice.pair(server.pairingLink(), "laptop").token;
    }

    private WeftServer start(int port) throws Exception {
        return WeftServer.start(new ServerConfig("127.0.0.1", port, data, new ServerConfig.TlsSetting.None(),
                Limits.DEFAULT), ServerLog.silent());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theUpgradeAnswersTheStoreAndWhatItHoldsOfTheRunNamed() throws Exception {
        assertThat(upgrade(null)).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Weft-Store");

        StoreHeader.Answer first = answer(upgrade("- - 0"));
        StoreHeader.Request named = new StoreHeader.Request(Optional.of(first.current()), first.kept());
        assertThat(answer(upgrade(named.format()))).isEqualTo(first);

        int port = server.port();
        server.close();
        server = start(port);
        StoreHeader.Answer second = answer(upgrade(named.format()));
        assertThat(second.current().store()).isEqualTo(first.current().store());
        assertThat(second.current().run()).isNotEqualTo(first.current().run());
        assertThat(second.kept()).isEqualTo(first.kept());

        String other = new StoreHeader.Request(Optional.of(new StoreHeader.Run(UUID.randomUUID(), 1)), 5).format();
        assertThat(answer(upgrade(other)).kept()).isZero();
    }

    @Test
    void aMalformedHeaderIsRefused() throws Exception {
        assertThat(upgrade("yesterday")).startsWith("HTTP/1.1 400");
    }

    @Test
    void onlyADeviceHoldingWhatTheStoreLostMayUpsertAnotherSitesAtomsAndTheirSitesAreNotGivenAgain() throws Exception {
        StoreHeader.Answer now = answer(upgrade("- - 0"));
        SyncDocUpsert others = new SyncDocUpsert(UUID.randomUUID(), "n", 0,
                List.of(new Atom(Pid.single(7, 1), 'x')), List.of());
        // current to what the store holds: its own site only, as always
        Exchange normal = exchange(new StoreHeader.Request(Optional.of(now.current()), now.kept()).format(), others);
        assertThat(normal.closed.get(60, TimeUnit.SECONDS)).isEqualTo(1002);
        // holds more than the store: it puts back what it has, others' atoms too
        Exchange restoring = exchange(new StoreHeader.Request(Optional.of(new StoreHeader.Run(UUID.randomUUID(), 1)), 5)
                .format(), others);
        assertThat(restoring.messages.poll(60, TimeUnit.SECONDS)).isInstanceOf(SyncDocResponse.class);
        assertThat(restoring.messages.poll(60, TimeUnit.SECONDS)).isInstanceOf(SyncDocDone.class);
        restoring.socket.abort();
        // site 7 made ids this store holds now: no device paired from now on gets it
        assertThat(TestDevice.pair(server.pairingLink(), "phone").site).isEqualTo(8);
    }

    private record Exchange(WebSocket socket, BlockingQueue<Message> messages, CompletableFuture<Integer> closed) {
    }

    /** A connection upgraded with {@code store} that sends {@code message}. */
    private Exchange exchange(String store, Message message) throws Exception {
        MessageCodec codec = new MessageCodec();
        BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws = WebSocketClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/v1/sync"),
                Map.of("Authorization", "Bearer " + token, StoreHeader.NAME, store), null, new Listener() {
                    @Override
                    public void onBinary(byte[] frame) {
                        try {
                            messages.addAll(codec.decodeFrame(frame));
                        } catch (Exception e) {
                            closed.completeExceptionally(e);
                        }
                    }

                    @Override
                    public void onText(String text) {
                    }

                    @Override
                    public void onClose(int code, String reason) {
                        closed.complete(code);
                    }

                    @Override
                    public void onError(Throwable error) {
                        closed.completeExceptionally(error);
                    }
                }, Options.DEFAULT).get(60, TimeUnit.SECONDS);
        ws.sendBinary(codec.encode(List.of(message)));
        return new Exchange(ws, messages, closed);
    }

    private static StoreHeader.Answer answer(String head) {
        assertThat(head).startsWith("HTTP/1.1 101");
        Matcher m = ANSWER.matcher(head);
        assertThat(m.find()).as(head).isTrue();
        return StoreHeader.parseAnswer(m.group(1));
    }

    /** The head of the server's answer to an upgrade with {@code store} as {@code Weft-Store} (null: none). */
    private String upgrade(String store) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(10_000);
            byte[] nonce = new byte[16];
            new java.util.Random().nextBytes(nonce);
            String request = "GET /v1/sync HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer " + token + "\r\n" + (store == null ? "" : "Weft-Store: " + store + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }
}
