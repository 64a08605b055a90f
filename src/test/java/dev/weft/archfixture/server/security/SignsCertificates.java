package dev.weft.archfixture.server.security;

import org.bouncycastle.cert.X509CertificateHolder;

/** Obeys the server rules: BouncyCastle inside server.security. */
public final class SignsCertificates {
    public X509CertificateHolder certificate;
}
