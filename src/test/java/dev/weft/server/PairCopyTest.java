package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.PairingLink;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import dev.weft.store.Device;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/pair-copy} and the {@code Weft-Instance} header (docs/protocol.md §7, ext), on a
 * real server over TLS: a copy of a vault gets a device of its own, the original keeps its own.
 */
class PairCopyTest {
    @TempDir
    Path data;
    WeftServer server;
    PairingLink link;

    @BeforeEach
    void start() throws Exception {
        server = ServerEndToEndTest.start(data);
        link = server.pairingLink();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCopyGetsADeviceOfItsOwnAndTheOriginalKeepsItsToken() throws Exception {
        TestDevice laptop = TestDevice.pair(link, "laptop");

        HttpResponse<String> first = pairCopy(laptop.token);
        HttpResponse<String> second = pairCopy(laptop.token);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(first.body()).matches("token=[A-Za-z0-9_-]{43}\nsite=2\nserver_id=[^\n]+\n");
        assertThat(second.body()).contains("site=3\n");
        assertThat(server.devices()).extracting(Device::name).containsExactly("laptop", "laptop (copy)", "laptop (copy 2)");
        // every token works, the original's too
        assertThat(synclist(laptop, laptop.token)).isNotNull();
        assertThat(synclist(laptop, field(first.body(), "token"))).isNotNull();
    }

    @Test
    void anUnknownOrRevokedTokenAndAGetAreRefused() throws Exception {
        TestDevice laptop = TestDevice.pair(link, "laptop");
        assertThat(pairCopy("not-a-token-of-this-server-0123456789").statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/v1/pair-copy")).header("Authorization", "Bearer " + laptop.token)
                .GET().build()).statusCode()).isEqualTo(405);
        server.revoke("laptop");
        assertThat(pairCopy(laptop.token).statusCode()).isEqualTo(401);
    }

    @Test
    void aSecondInstanceOnOneTokenIsRefusedWith409AndAPeerWithoutTheHeaderIsNotChecked() throws Exception {
        TestDevice laptop = TestDevice.pair(link, "laptop");
        UUID original = UUID.randomUUID();
        assertThat(upgradeStatus(laptop.token, original.toString())).isEqualTo(101);
        assertThat(upgradeStatus(laptop.token, original.toString())).isEqualTo(101); // a reconnect
        assertThat(upgradeStatus(laptop.token, UUID.randomUUID().toString())).isEqualTo(409);
        assertThat(upgradeStatus(laptop.token, null)).isEqualTo(101);
        assertThat(upgradeStatus(laptop.token, "not-a-uuid")).isEqualTo(400);
    }

    private int upgradeStatus(String token, String instance) throws Exception {
        var builder = TestDevice.client(link).newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(5));
        if (instance != null) {
            builder.header("Weft-Instance", instance);
        }
        try {
            var socket = builder.buildAsync(URI.create(TestDevice.base(link, "ws") + "/v1/sync"),
                    new java.net.http.WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static SynclistResponse synclist(TestDevice via, String token) throws Exception {
        TestDevice.Connection c = via.connect(token);
        c.send(new Synclist(0));
        return (SynclistResponse) c.next();
    }

    private HttpResponse<String> pairCopy(String token) throws Exception {
        return send(HttpRequest.newBuilder(uri("/v1/pair-copy")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return TestDevice.client(link).send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(TestDevice.base(link, "http") + path);
    }

    private static String field(String body, String name) {
        return body.lines().filter(l -> l.startsWith(name + "=")).findFirst().orElseThrow().substring(name.length() + 1);
    }
}
