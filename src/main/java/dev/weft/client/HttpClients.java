package dev.weft.client;

import dev.weft.client.tls.PinnedTrustManager;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** HTTP clients and TLS contexts that trust exactly the pinned certificate of one server. */
final class HttpClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private HttpClients() {
    }

    static HttpClient forServer(ServerAddress server) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        SSLContext tls = tls(server);
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    /** TLS 1.3 trusting exactly the server's pinned certificate, or null for a plain ({@code fp=none}) server. */
    static SSLContext tls(ServerAddress server) {
        if (!server.tls()) {
            return null;
        }
        try {
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(null, new TrustManager[] {new PinnedTrustManager(server.fingerprint())}, new SecureRandom());
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no TLS 1.3", e);
        }
    }
}
