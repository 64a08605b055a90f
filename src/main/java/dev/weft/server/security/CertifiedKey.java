package dev.weft.server.security;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key and its certificate chain, the key's own certificate first. */
record CertifiedKey(List<X509Certificate> chain, PrivateKey key) {
    CertifiedKey {
        chain = List.copyOf(chain);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "CertifiedKey[" + chain.get(0).getSubjectX500Principal() + "]";
    }
}
