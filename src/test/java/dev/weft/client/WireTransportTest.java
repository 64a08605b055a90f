package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.ws.HandshakeException;
import dev.weft.client.ws.Listener;
import dev.weft.client.ws.Options;
import dev.weft.client.ws.WebSocket;
import dev.weft.client.ws.WebSocketClient;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sync transport ({@link WireConnection} over {@code client.ws}) against a real {@link WeftServer}. */
class WireTransportTest {
    @TempDir
    Path dir;
    WeftServer server;
    final List<AutoCloseable> open = new ArrayList<>();

    WeftServer start(boolean tls, boolean deflate) throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                tls ? new ServerConfig.TlsSetting.SelfSigned() : new ServerConfig.TlsSetting.None(), Limits.DEFAULT).withDeflate(deflate),
                ServerLog.silent());
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (server != null) {
            server.close();
        }
    }

    record Device(Vault vault, SyncClient client) {
        void sync() throws Exception {
            client.syncOnce(PATIENCE);
        }
    }

    Device device(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(500)));
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        return new Device(vault, client);
    }

    static String englishNote(int bytes) {
        String[] words = ("the quick note about weft sync explains how a device keeps its vault current with the server "
                + "while another device edits the same text and nothing is lost because every character has its own id")
                .split(" ");
        StringBuilder s = new StringBuilder("# A note\n\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        while (s.length() < bytes) {
            s.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? ".\n" : " ");
        }
        return s.substring(0, bytes);
    }

    @ParameterizedTest(name = "tls={0} deflate={1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void aFirstSyncWorksWithAndWithoutTlsAndDeflate(boolean tls, boolean deflate) throws Exception {
        start(tls, deflate);
        Device a = device("a");
        Device b = device("b");
        String text = englishNote(5000);
        UUID id = a.vault().create("note", "").id();
        var replica = a.vault().replica(id);
        for (int at = 0; at < text.length(); at += 7) {
            replica.insert(at, text.substring(at, Math.min(text.length(), at + 7))); // typed a few letters at a time
        }
        a.sync();
        b.sync();
        assertThat(b.vault().replica(id).text()).isEqualTo(text);
        WireStats up = a.client().wireStats();
        WireStats down = b.client().wireStats();
        // runs (docs/protocol.md §8): ~4 bytes a character where today's allocator steps idents at random, not ~9
        assertThat(up.bytesSent()).isBetween((long) text.length(), 5L * text.length());
        if (deflate) {
            // measured ~0.7 with runs: the text compresses, the ident steps hardly (docs/benchmarks.md, Client wire)
            assertThat(up.wireBytesSent()).isLessThan(up.bytesSent() * 4 / 5);
            assertThat(down.wireBytesReceived()).isLessThan(down.bytesReceived() * 4 / 5);
        } else {
            assertThat(up.wireBytesSent()).isGreaterThan(up.bytesSent());
            assertThat(down.wireBytesReceived()).isGreaterThan(down.bytesReceived());
        }
    }

    @Test
    void aLiveSessionWorksOverTheCompressedTransport() throws Exception {
        start(true, true);
        Device a = device("a");
        Device b = device("b");
        a.client().start();
        b.client().start();
        UUID id = a.vault().create("live", "first").id();
        eventually(() -> assertThat(b.vault().note(id).isPresent() ? b.vault().replica(id).text() : null).isEqualTo("first"));
        for (int i = 0; i < 50; i++) {
            a.vault().replica(id).insert(a.vault().replica(id).length(), " " + i);
        }
        String expected = a.vault().replica(id).text();
        eventually(() -> assertThat(b.vault().replica(id).text()).isEqualTo(expected));
    }

    static final class Recorder implements Listener {
        final CompletableFuture<int[]> closed = new CompletableFuture<>();
        final CompletableFuture<String> reason = new CompletableFuture<>();
        final java.util.concurrent.BlockingQueue<byte[]> binary = new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public void onBinary(byte[] message) {
            binary.add(message);
        }

        @Override
        public void onText(String message) {
        }

        @Override
        public void onClose(int code, String why) {
            reason.complete(why);
            closed.complete(new int[] {code});
        }

        @Override
        public void onError(Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    CompletableFuture<WebSocket> raw(Device d, Listener listener) {
        ServerAddress address = ServerAddress.of(d.vault().device());
        return WebSocketClient.connect(address.uri("ws", "/v1/sync"),
                Map.of("Authorization", "Bearer " + d.vault().device().deviceToken()), HttpClients.tls(address), listener,
                Options.DEFAULT);
    }

    @Test
    void aRevokedDeviceIsClosedWith1008AndItsNextUpgradeGets401() throws Exception {
        start(true, true);
        Device a = device("a");
        Recorder r = new Recorder();
        WebSocket ws = raw(a, r).get(60, TimeUnit.SECONDS);
        assertThat(ws.extension()).isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
        MessageCodec codec = new MessageCodec(Limits.DEFAULT);
        ws.sendBinary(codec.encode(List.of(new Synclist(0))));
        List<Message> answer = codec.decodeFrame(r.binary.poll(60, TimeUnit.SECONDS));
        assertThat(answer).first().isInstanceOf(SynclistResponse.class);
        server.revoke("a");
        assertThat(r.closed.get(60, TimeUnit.SECONDS)[0]).isEqualTo(1008);
        assertThatThrownBy(() -> raw(a, new Recorder()).get(60, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(401))
                .satisfies(e -> {
                    assertThat(ConnectFailures.isPermanent(e)).isTrue();
                    assertThat(ConnectFailures.describe(ServerAddress.of(a.vault().device()), e)).contains("no longer accepts");
                });
        assertThatThrownBy(a::sync).isInstanceOf(SyncException.class);
    }

    @Test
    void aServerShutdownClosesWith1001() throws Exception {
        start(false, true);
        Device a = device("a");
        Recorder r = new Recorder();
        WebSocket ws = raw(a, r).get(60, TimeUnit.SECONDS);
        MessageCodec codec = new MessageCodec(Limits.DEFAULT);
        ws.sendBinary(codec.encode(List.of(new Synclist(0)))); // a connection is global once it asked
        assertThat(r.binary.poll(60, TimeUnit.SECONDS)).isNotNull();
        server.close();
        server = null;
        assertThat(r.closed.get(60, TimeUnit.SECONDS)[0]).isEqualTo(1001);
    }

    @Test
    void theJdkWebSocketStillWorksAgainstADeflatingServer() throws Exception {
        start(false, true);
        Device a = device("a");
        MessageCodec codec = new MessageCodec(Limits.DEFAULT);
        CompletableFuture<byte[]> got = new CompletableFuture<>();
        java.net.http.WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + a.vault().device().deviceToken())
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/v1/sync"), new java.net.http.WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(java.net.http.WebSocket w, ByteBuffer data, boolean last) {
                        byte[] b = new byte[data.remaining()];
                        data.get(b);
                        got.complete(b);
                        return null;
                    }
                }).get(60, TimeUnit.SECONDS);
        ws.sendBinary(ByteBuffer.wrap(codec.encode(List.of(new Synclist(0)))), true);
        assertThat(codec.decodeFrame(got.get(60, TimeUnit.SECONDS))).first().isInstanceOf(SynclistResponse.class);
        ws.abort();
    }
}
