package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.protocol.PairingLink;
import dev.weft.protocol.Synclist;
import dev.weft.store.Device;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft pair-code}, {@code devices} and {@code revoke} as they reach a running server. */
class ControlChannelTest {
    @TempDir
    Path data;
    private WeftServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ControlClient client() {
        return new ControlClient(data);
    }

    @Test
    void pairCodeGivesAWorkingLinkAndDevicesListsTheDevice() throws Exception {
        server = ServerEndToEndTest.start(data);
        PairingLink link = client().pairingLink();
        assertThat(link.port()).isEqualTo(server.port());
        assertThat(link.fingerprint()).isEqualTo(server.fingerprint());
        TestDevice laptop = TestDevice.pair(link, "laptop");
        assertThat(client().devices()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("laptop");
            assertThat(d.site()).isEqualTo(laptop.site);
            assertThat(d.revoked()).isFalse();
            assertThat(d.lastSeenMicros()).isZero();
        });
        long before = System.currentTimeMillis() * 1000;
        laptop.connect();
        assertThat(client().devices().get(0).lastSeenMicros()).isGreaterThanOrEqualTo(before);
        assertThat(TestDevice.pairRequest(link, "code=" + link.code() + "&device_name=again").statusCode())
                .as("a link pairs once").isEqualTo(403);
    }

    @Test
    void revokeClosesTheDevicesConnectionsAndItsNextUpgradeGets401() throws Exception {
        server = ServerEndToEndTest.start(data);
        TestDevice laptop = TestDevice.pair(client().pairingLink(), "laptop");
        TestDevice.Connection global = laptop.connect();
        global.send(new Synclist(0));
        global.next();

        Device revoked = client().revoke("LAPTOP");
        assertThat(revoked).isEqualTo(new Device("laptop", laptop.site, true, revoked.lastSeenMicros()));
        assertThat(global.awaitClose()).isEqualTo(1008);
        assertThatThrownBy(laptop::connect).hasStackTraceContaining("401");
        assertThat(client().devices()).singleElement().extracting(Device::revoked).isEqualTo(true);
        assertThatThrownBy(() -> client().revoke("laptop")).isInstanceOf(ControlException.class)
                .hasMessage("no device named 'laptop' has access (see 'weft devices')");
    }

    @Test
    void theDataDirIsOwnerOnlyAndSoIsTheSocket() throws Exception {
        assumeTrue(Files.getFileStore(data).supportsFileAttributeView(PosixFileAttributeView.class));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        server = ServerEndToEndTest.start(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("control.sock"))))
                .isEqualTo("rw-------");
        Path fresh = data.resolve("nested").resolve("data");
        ServerEndToEndTest.start(fresh).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
    }

    @Test
    void withoutARunningServerTheClientSaysSo() throws Exception {
        assertThatThrownBy(() -> client().devices()).isInstanceOf(ControlException.class)
                .hasMessage("no Weft server is running with data dir " + data);
        staleSocket();
        assertThatThrownBy(() -> client().pairingLink()).isInstanceOf(ControlException.class)
                .hasMessage("no Weft server is running with data dir " + data);
    }

    @Test
    void aSocketLeftByAKilledServerIsReplacedAndCloseRemovesIt() throws Exception {
        staleSocket();
        server = ServerEndToEndTest.start(data);
        assertThat(client().devices()).isEmpty();
        server.close();
        server = null;
        assertThat(data.resolve("control.sock")).doesNotExist();
    }

    @Test
    void anUnknownOrOverlongRequestGetsAnError() throws Exception {
        server = ServerEndToEndTest.start(data);
        assertThat(ask("hello\n")).isEqualTo("error: unknown request 'hello'\n");
        assertThat(ask("revoke " + "x".repeat(5000) + "\n"))
                .isEqualTo("error: a request is one line of at most 4096 bytes\n");
        assertThatThrownBy(() -> client().revoke("two\nlines")).isInstanceOf(ControlException.class);
    }

    /** What a socket file looks like after its server was killed: nobody listens on it. */
    private void staleSocket() throws IOException {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(data.resolve("control.sock")));
        }
    }

    private String ask(String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(data.resolve("control.sock")))) {
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
