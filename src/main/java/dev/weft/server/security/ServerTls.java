package dev.weft.server.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The server's {@link SSLContext}, from the JDK's own providers: it presents the identity's
 * certificate chain and speaks TLS 1.3 and 1.2 only, with forward-secret AEAD cipher suites
 * (the TLS 1.3 suites, and ECDHE with AES-GCM or ChaCha20-Poly1305 for TLS 1.2). Every
 * {@code SSLEngine} and {@code SSLServerSocket} it makes has exactly those enabled, whoever
 * makes it; it makes no client sockets. The suites are those the JDK enables for a server that pass
 * that filter, so the JDK's security settings still apply.
 */
public final class ServerTls {
    /** The protocols the server speaks, most preferred first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private ServerTls() {
    }

    /** A server context for {@code identity}. */
    public static SSLContext context(ServerIdentity identity) throws IdentityException {
        // the key store lives in memory only, so its password protects nothing
        char[] password = "weft".toCharArray();
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("weft", identity.key(), password,
                    identity.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext base = SSLContext.getInstance("TLS");
            base.init(keyManagers.getKeyManagers(), null, null);
            SSLEngine serverSide = base.createSSLEngine();
            serverSide.setUseClientMode(false);
            String[] suites = Arrays.stream(serverSide.getEnabledCipherSuites())
                    .filter(ServerTls::forwardSecretAead)
                    .toArray(String[]::new);
            if (suites.length == 0) {
                throw new IdentityException("this Java runtime enables no forward-secret AEAD cipher suite");
            }
            return RestrictedSslContext.of(base, PROTOCOLS.toArray(new String[0]), suites);
        } catch (GeneralSecurityException | IOException e) {
            throw new IdentityException("cannot make the TLS context from " + identity + ": " + e, e);
        }
    }

    private static boolean forwardSecretAead(String suite) {
        return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")
                || suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_"));
    }
}
