package dev.weft.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void isTheSha256OfTheDerCertificateInLowercaseHex() throws Exception {
        X509Certificate certificate = TestCertificates.selfSigned(TestCertificates.ec(), "weft");
        StringBuilder expected = new StringBuilder();
        for (byte b : MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())) {
            expected.append(String.format("%02x", b));
        }

        assertThat(Fingerprint.of(certificate)).isEqualTo(expected.toString()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void differsBetweenCertificatesOfTheSameKey() {
        var keys = TestCertificates.ec();

        assertThat(Fingerprint.of(TestCertificates.selfSigned(keys, "weft")))
                .isNotEqualTo(Fingerprint.of(TestCertificates.selfSigned(keys, "weft")));
    }
}
