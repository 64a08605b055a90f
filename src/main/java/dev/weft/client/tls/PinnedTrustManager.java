package dev.weft.client.tls;

import dev.weft.protocol.PairingLink;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server exactly when its own certificate (the first of the chain it presents) has the
 * pinned SHA-256 fingerprint, the {@code fp=} of its pairing link. The TLS handshake then proves
 * that the server holds that certificate's key.
 *
 * <p>Nothing else is checked, on purpose: not a CA, not the certificate's dates (a self-signed
 * server certificate would otherwise break every pairing when it expires), and not the host name
 * (a device reaches its server under a LAN address or a name the certificate does not list).
 * Being an {@link X509ExtendedTrustManager}, it keeps the JDK from adding a host name check of its
 * own, even when the connection asks for HTTPS endpoint identification. It trusts no client.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final byte[] pinned;

    /**
     * Pins {@code fingerprint}: 64 lowercase hex digits.
     *
     * @throws IllegalArgumentException if it is not a fingerprint
     */
    public PinnedTrustManager(String fingerprint) {
        PairingLink.validateFingerprint(fingerprint).ifPresent(problem -> {
            throw new IllegalArgumentException("fingerprint " + problem);
        });
        this.pinned = HexFormat.of().parseHex(fingerprint);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        requirePinned(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        requirePinned(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        requirePinned(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a pinned trust manager trusts one server, no client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private void requirePinned(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        byte[] actual = sha256(chain[0].getEncoded());
        if (!MessageDigest.isEqual(actual, pinned)) {
            throw new CertificateException("the server's certificate has fingerprint "
                    + HexFormat.of().formatHex(actual) + ", not the paired " + HexFormat.of().formatHex(pinned)
                    + ": this is not the server this device paired with");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
