package dev.weft.server.security;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who the server is: its certificate chain (its own certificate first), the matching private key,
 * and its stable id. {@link #toString()} never shows the key.
 *
 * @param chain the certificate chain, never empty
 * @param key the private key of {@code chain.get(0)}
 * @param serverId the server's stable id, sent as {@code server_id=} when a device pairs
 */
public record ServerIdentity(List<X509Certificate> chain, PrivateKey key, String serverId) {
    /** Copies the chain; refuses an empty one. */
    public ServerIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty() || key == null || serverId == null) {
            throw new IllegalArgumentException("an identity needs a certificate, its key and a server id");
        }
    }

    /** The server's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The fingerprint of {@link #certificate()}, the {@code fp=} of pairing links. */
    public String fingerprint() {
        return Fingerprint.of(certificate());
    }

    @Override
    public String toString() {
        return "ServerIdentity[fingerprint=" + fingerprint() + ", serverId=" + serverId + "]";
    }
}
