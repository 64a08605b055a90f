package dev.weft.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.tls.PinnedTrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS handshakes on 127.0.0.1 between the server's context and a client that pins by fingerprint. */
class ServerTlsTest {
    private static final int TIMEOUT_MILLIS = 60_000;
    private static final String OTHER_FINGERPRINT = "ab".repeat(32);

    @TempDir
    Path data;

    private final ExecutorService server = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopServer() throws InterruptedException {
        server.shutdownNow();
        assertThat(server.awaitTermination(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    }

    private ServerIdentity selfSigned(List<String> names) throws IdentityException {
        return new CertificateStore(data, Clock.systemUTC(), new SecureRandom()).selfSigned(names);
    }

    private static SSLContext pinnedClient(String fingerprint) throws Exception {
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, new TrustManager[] {new PinnedTrustManager(fingerprint)}, null);
        return client;
    }

    /** Serves one connection that answers one byte with its successor; returns the client's protocol. */
    private String handshake(SSLContext serverContext, SSLContext clientContext, SSLParameters clientParameters)
            throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, loopback)) {
            listener.setSoTimeout(TIMEOUT_MILLIS);
            Future<String> served = server.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(TIMEOUT_MILLIS);
                    socket.getOutputStream().write(socket.getInputStream().read() + 1);
                    socket.getOutputStream().flush();
                    return socket.getSession().getProtocol();
                }
            });
            String protocol;
            try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(loopback, listener.getLocalPort()), TIMEOUT_MILLIS);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.setSSLParameters(clientParameters);
                socket.startHandshake();
                socket.getOutputStream().write(41);
                socket.getOutputStream().flush();
                assertThat(socket.getInputStream().read()).isEqualTo(42);
                protocol = socket.getSession().getProtocol();
            } finally {
                listener.close();
            }
            assertThat(served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(protocol);
            return protocol;
        }
    }

    private static SSLParameters parameters(SSLContext client) {
        return client.getDefaultSSLParameters();
    }

    @Test
    void aClientPinningTheFingerprintConnectsWithTls13() throws Exception {
        ServerIdentity identity = selfSigned(SubjectNames.forThisMachine());
        SSLContext client = pinnedClient(identity.fingerprint());

        assertThat(handshake(ServerTls.context(identity), client, parameters(client))).isEqualTo("TLSv1.3");
    }

    @Test
    void aClientLimitedToTls12ConnectsWithTls12() throws Exception {
        ServerIdentity identity = selfSigned(SubjectNames.forThisMachine());
        SSLContext client = pinnedClient(identity.fingerprint());
        SSLParameters tls12 = parameters(client);
        tls12.setProtocols(new String[] {"TLSv1.2"});

        assertThat(handshake(ServerTls.context(identity), client, tls12)).isEqualTo("TLSv1.2");
    }

    @Test
    void aClientPinningAnotherFingerprintIsRefused() throws Exception {
        ServerIdentity identity = selfSigned(SubjectNames.forThisMachine());
        SSLContext client = pinnedClient(OTHER_FINGERPRINT);

        assertThatThrownBy(() -> handshake(ServerTls.context(identity), client, parameters(client)))
                .isInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("has fingerprint " + identity.fingerprint())
                .hasStackTraceContaining("not the paired " + OTHER_FINGERPRINT);
    }

    @Test
    void thePinIsTrustedWhateverHostTheCertificateNames() throws Exception {
        ServerIdentity identity = selfSigned(List.of("weft.example.invalid"));
        SSLContext client = pinnedClient(identity.fingerprint());
        SSLParameters https = parameters(client);
        https.setEndpointIdentificationAlgorithm("HTTPS");

        assertThat(handshake(ServerTls.context(identity), client, https)).isEqualTo("TLSv1.3");
    }

    @Test
    void servesTheOperatorsRsaCertificateChain() throws Exception {
        KeyPair keys = TestCertificates.rsa();
        Path certificate = Files.writeString(data.resolve("cert.pem"),
                TestCertificates.pem(TestCertificates.selfSigned(keys, "weft.example.org")));
        Path key = Files.writeString(data.resolve("key.pem"), TestCertificates.traditional(keys));
        ServerIdentity identity = new CertificateStore(data, Clock.systemUTC(), new SecureRandom())
                .userSupplied(certificate, key);
        SSLContext client = pinnedClient(identity.fingerprint());
        SSLParameters tls12 = parameters(client);
        tls12.setProtocols(new String[] {"TLSv1.2"});

        assertThat(handshake(ServerTls.context(identity), client, parameters(client))).isEqualTo("TLSv1.3");
        assertThat(handshake(ServerTls.context(identity), client, tls12)).isEqualTo("TLSv1.2");
    }

    @Test
    void everyEngineAndServerSocketSpeaksTls13And12WithForwardSecretAeadSuitesOnly() throws Exception {
        SSLContext context = ServerTls.context(selfSigned(SubjectNames.forThisMachine()));
        SSLEngine engine = context.createSSLEngine();

        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(context.createSSLEngine("client.example", 443).getEnabledProtocols())
                .containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(context.getDefaultSSLParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(context.getSupportedSSLParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        try (SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket()) {
            assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
            assertThat(socket.getEnabledCipherSuites()).containsExactly(engine.getEnabledCipherSuites());
        }
        assertThat(engine.getEnabledCipherSuites())
                .contains("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
                .allMatch(suite -> suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")
                        || suite.startsWith("TLS_ECDHE_") && !suite.contains("_CBC_"));
        assertThat(Arrays.asList(context.getServerSocketFactory().getDefaultCipherSuites()))
                .containsExactly(engine.getEnabledCipherSuites());
    }

    @Test
    void theServerContextCannotBeReinitialisedOrMakeClientSockets() throws Exception {
        SSLContext context = ServerTls.context(selfSigned(SubjectNames.forThisMachine()));

        assertThatThrownBy(() -> context.init(null, null, null)).hasMessageContaining("initialised once");
        assertThatThrownBy(context::getSocketFactory).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAClientThatDoesNotSpeakTls() throws Exception {
        SSLContext context = ServerTls.context(selfSigned(SubjectNames.forThisMachine()));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, loopback)) {
            listener.setSoTimeout(TIMEOUT_MILLIS);
            Future<?> served = server.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(TIMEOUT_MILLIS);
                    socket.startHandshake();
                }
                return null;
            });
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(loopback, listener.getLocalPort()), TIMEOUT_MILLIS);
                plain.setSoTimeout(TIMEOUT_MILLIS);
                plain.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThatThrownBy(() -> served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                        .hasCauseInstanceOf(IOException.class);
            }
        }
    }
}
