package dev.weft.client.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.security.TestCertificates;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinnedTrustManagerTest {
    private static final X509Certificate SERVER = TestCertificates.selfSigned(TestCertificates.ec(), "weft");
    private static final X509Certificate OTHER = TestCertificates.selfSigned(TestCertificates.ec(), "weft");

    private static String fingerprint(X509Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    @Test
    void trustsTheServerWhoseCertificateHasThePinnedFingerprint() throws Exception {
        PinnedTrustManager trust = new PinnedTrustManager(fingerprint(SERVER));

        assertThatCode(() -> trust.checkServerTrusted(new X509Certificate[] {SERVER}, "ECDHE_ECDSA"))
                .doesNotThrowAnyException();
        assertThatCode(() -> trust.checkServerTrusted(new X509Certificate[] {SERVER, OTHER}, "UNKNOWN"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnyOtherCertificateEvenLaterInTheChain() throws Exception {
        PinnedTrustManager trust = new PinnedTrustManager(fingerprint(SERVER));

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {OTHER}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("has fingerprint " + fingerprint(OTHER))
                .hasMessageContaining("not the paired " + fingerprint(SERVER));
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {OTHER, SERVER}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "ECDHE_ECDSA"))
                .hasMessageContaining("no certificate");
        assertThatThrownBy(() -> trust.checkServerTrusted(null, "ECDHE_ECDSA"))
                .hasMessageContaining("no certificate");
    }

    @Test
    void trustsNoClientAndNamesNoIssuer() throws Exception {
        PinnedTrustManager trust = new PinnedTrustManager(fingerprint(SERVER));

        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {SERVER}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {SERVER}, "ECDHE_ECDSA",
                (java.net.Socket) null)).isInstanceOf(CertificateException.class);
        assertThat(trust.getAcceptedIssuers()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "AB0000000000000000000000000000000000000000000000000000000000000000",
        "zz00000000000000000000000000000000000000000000000000000000000000",
        "00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff"})
    void refusesAPinThatIsNotAFingerprint(String pin) {
        assertThatThrownBy(() -> new PinnedTrustManager(pin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lowercase hex digits");
    }
}
