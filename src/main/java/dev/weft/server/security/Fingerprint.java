package dev.weft.server.security;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The fingerprint a pairing link pins ({@code fp=}): SHA-256 of the certificate's DER encoding,
 * as 64 lowercase hex digits without separators.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** The fingerprint of {@code certificate}. */
    public static String of(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(Digests.of(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate has no DER encoding", e);
        }
    }
}
