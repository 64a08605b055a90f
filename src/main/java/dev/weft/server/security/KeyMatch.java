package dev.weft.server.security;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * Proves that a private key belongs to a certificate: it signs random bytes with the key and
 * checks the signature with the certificate's public key. That works the same for every key type
 * TLS 1.2 and 1.3 can use here (RSA, EC, EdDSA) without comparing key internals.
 */
final class KeyMatch {
    private static final Map<String, String> SIGNATURES = Map.of(
            "RSA", "SHA256withRSA",
            "EC", "SHA256withECDSA",
            "EdDSA", "EdDSA");

    private KeyMatch() {
    }

    /** Throws unless {@code key} (from {@code keyFile}) is the key of {@code certificate} (from {@code certificateFile}). */
    static void require(PrivateKey key, X509Certificate certificate, Path keyFile, Path certificateFile)
            throws IdentityException {
        String algorithm = SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null) {
            throw new IdentityException(keyFile + " holds a " + key.getAlgorithm()
                    + " key; the server needs an RSA, EC or EdDSA key");
        }
        String mismatch = "the private key in " + keyFile + " does not belong to the first certificate in "
                + certificateFile + " (the server's own certificate must come first)";
        if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            throw new IdentityException(mismatch + ": the key is " + key.getAlgorithm() + ", the certificate's key "
                    + certificate.getPublicKey().getAlgorithm());
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new IdentityException(mismatch);
            }
        } catch (GeneralSecurityException e) {
            throw new IdentityException(mismatch + ": " + e.getMessage(), e);
        }
    }
}
