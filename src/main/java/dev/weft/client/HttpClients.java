package dev.weft.client;

import dev.weft.client.tls.PinnedTrustManager;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** HTTP clients that trust exactly the pinned certificate of one server. */
final class HttpClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private HttpClients() {
    }

    static HttpClient forServer(ServerAddress server) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (server.tls()) {
            try {
                SSLContext tls = SSLContext.getInstance("TLSv1.3");
                tls.init(null, new TrustManager[] {new PinnedTrustManager(server.fingerprint())}, new SecureRandom());
                builder.sslContext(tls);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this Java has no TLS 1.3", e);
            }
        }
        return builder.build();
    }
}
