package dev.weft.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserSuppliedPemTest {
    @TempDir
    Path dir;

    private ServerIdentity load(String certificatePem, String keyPem) throws Exception {
        return store(Clock.systemUTC()).userSupplied(write("cert.pem", certificatePem), write("key.pem", keyPem));
    }

    private CertificateStore store(Clock clock) {
        return new CertificateStore(dir.resolve("data"), clock, new SecureRandom());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static Stream<Arguments> keyForms() {
        Function<KeyPair, String> pkcs8 = keys -> TestCertificates.pkcs8(keys.getPrivate());
        Function<KeyPair, String> traditional = TestCertificates::traditional;
        return Stream.of(
                Arguments.of("RSA", TestCertificates.rsa(), pkcs8, "-----BEGIN PRIVATE KEY-----"),
                Arguments.of("RSA", TestCertificates.rsa(), traditional, "-----BEGIN RSA PRIVATE KEY-----"),
                Arguments.of("EC", TestCertificates.ec(), pkcs8, "-----BEGIN PRIVATE KEY-----"),
                Arguments.of("EC", TestCertificates.ec(), traditional, "-----BEGIN EC PRIVATE KEY-----"),
                Arguments.of("EdDSA", TestCertificates.ed25519(), pkcs8, "-----BEGIN PRIVATE KEY-----"));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("keyForms")
    void acceptsRsaAndEcKeysAsPkcs8AndInTheTraditionalFormAndEd25519(String type, KeyPair keys,
            Function<KeyPair, String> form, String header) throws Exception {
        X509Certificate certificate = TestCertificates.selfSigned(keys, "weft.example.org");
        String keyPem = form.apply(keys);
        assertThat(keyPem).startsWith(header);

        ServerIdentity identity = load(TestCertificates.pem(certificate), keyPem);

        assertThat(identity.certificate()).isEqualTo(certificate);
        assertThat(identity.key().getAlgorithm()).isEqualTo(type);
        assertThat(secret(identity.key())).isEqualTo(secret(keys.getPrivate()));
        assertThat(identity.fingerprint()).isEqualTo(Fingerprint.of(certificate));
        assertThat(identity.serverId()).isNotEmpty();
    }

    private static BigInteger secret(PrivateKey key) {
        if (key instanceof EdECPrivateKey) {
            return new BigInteger(1, ((EdECPrivateKey) key).getBytes().orElseThrow());
        }
        return key instanceof ECPrivateKey ? ((ECPrivateKey) key).getS() : ((RSAPrivateKey) key).getPrivateExponent();
    }

    @Test
    void acceptsAChainWithTheServerCertificateFirst() throws Exception {
        KeyPair ca = TestCertificates.rsa();
        KeyPair server = TestCertificates.ec();
        X509Certificate root = TestCertificates.selfSigned(ca, "Home CA");
        Instant now = Instant.now();
        X509Certificate leaf = TestCertificates.issue(server.getPublic(), "weft.example.org", ca, "Home CA",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));

        ServerIdentity identity = load(TestCertificates.pem(leaf, root), TestCertificates.pkcs8(server.getPrivate()));

        assertThat(identity.chain()).containsExactly(leaf, root);
        assertThat(identity.fingerprint()).isEqualTo(Fingerprint.of(leaf));
    }

    @Test
    void refusesAChainWithTheServerCertificateNotFirst() {
        KeyPair ca = TestCertificates.rsa();
        KeyPair server = TestCertificates.ec();
        X509Certificate root = TestCertificates.selfSigned(ca, "Home CA");
        Instant now = Instant.now();
        X509Certificate leaf = TestCertificates.issue(server.getPublic(), "weft.example.org", ca, "Home CA",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));

        assertThatThrownBy(() -> load(TestCertificates.pem(root, leaf), TestCertificates.pkcs8(server.getPrivate())))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("does not belong to the first certificate")
                .hasMessageContaining("must come first");
    }

    @Test
    void acceptsOneFileHoldingKeyAndCertificate() throws Exception {
        KeyPair keys = TestCertificates.ec();
        X509Certificate certificate = TestCertificates.selfSigned(keys, "weft.example.org");
        Path both = write("both.pem", "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + TestCertificates.traditional(keys) + TestCertificates.pem(certificate));

        ServerIdentity identity = store(Clock.systemUTC()).userSupplied(both, both);

        assertThat(identity.certificate()).isEqualTo(certificate);
    }

    @Test
    void refusesAKeyThatDoesNotMatchTheCertificate() {
        X509Certificate certificate = TestCertificates.selfSigned(TestCertificates.ec(), "weft.example.org");

        assertThatThrownBy(() -> load(TestCertificates.pem(certificate),
                TestCertificates.pkcs8(TestCertificates.ec().getPrivate())))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("the private key in " + dir.resolve("key.pem"))
                .hasMessageContaining("does not belong to the first certificate in " + dir.resolve("cert.pem"));
    }

    @Test
    void refusesAKeyOfAnotherTypeThanTheCertificate() {
        X509Certificate certificate = TestCertificates.selfSigned(TestCertificates.ec(), "weft.example.org");

        assertThatThrownBy(() -> load(TestCertificates.pem(certificate),
                TestCertificates.pkcs8(TestCertificates.rsa().getPrivate())))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("does not belong to the first certificate")
                .hasMessageContaining("the key is RSA, the certificate's key EC");
    }

    @Test
    void refusesAnExpiredCertificateSayingWhen() {
        KeyPair keys = TestCertificates.ec();
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        X509Certificate expired = TestCertificates.issue(keys.getPublic(), "weft.example.org", keys,
                "weft.example.org", now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(10)));

        assertThatThrownBy(() -> store(Clock.fixed(now, ZoneOffset.UTC)).userSupplied(
                write("cert.pem", TestCertificates.pem(expired)), write("key.pem", TestCertificates.pkcs8(keys.getPrivate()))))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("expired on 2026-11-15T10:00:00Z")
                .hasMessageContaining("renew it");
    }

    @Test
    void refusesACertificateNotValidYet() {
        KeyPair keys = TestCertificates.ec();
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        X509Certificate future = TestCertificates.issue(keys.getPublic(), "weft.example.org", keys,
                "weft.example.org", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));

        assertThatThrownBy(() -> store(Clock.fixed(now, ZoneOffset.UTC)).userSupplied(
                write("cert.pem", TestCertificates.pem(future)), write("key.pem", TestCertificates.pkcs8(keys.getPrivate()))))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("is not valid before 2026-11-26T10:00:00Z");
    }

    static Stream<Arguments> badFiles() {
        KeyPair keys = TestCertificates.ec();
        String certificate = TestCertificates.pem(TestCertificates.selfSigned(keys, "weft.example.org"));
        String key = TestCertificates.pkcs8(keys.getPrivate());
        String otherKey = TestCertificates.pkcs8(TestCertificates.ec().getPrivate());
        return Stream.of(
                Arguments.of("hello, world\n", key, "cert.pem is not a PEM file"),
                Arguments.of("", key, "cert.pem is not a PEM file"),
                Arguments.of(certificate, "hello, world\n", "key.pem is not a PEM file"),
                Arguments.of("-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n", key,
                        "cert.pem is not valid PEM"),
                Arguments.of("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", key,
                        "cert.pem is not valid PEM"),
                Arguments.of("-----BEGIN CERTIFICATE-----\nMIIB\n", key, "cert.pem is not valid PEM"),
                Arguments.of("-----BEGIN WIDGET-----\nAAAA\n-----END WIDGET-----\n", key, "cert.pem is not valid PEM"),
                Arguments.of(key, key, "cert.pem holds no certificate (-----BEGIN CERTIFICATE-----); it holds a private key"),
                Arguments.of(certificate, certificate, "key.pem holds no private key"),
                Arguments.of(certificate, key + otherKey, "key.pem holds 2 private keys"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void refusesFilesThatAreNotWhatTheyShouldBe(String certificate, String key, String reason) {
        assertThatThrownBy(() -> load(certificate, key))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusesAnEncryptedKeySayingHowToDecryptIt(boolean pkcs8) throws Exception {
        KeyPair keys = TestCertificates.rsa();
        String encrypted = TestCertificates.encrypted(keys.getPrivate(), pkcs8);
        assertThat(encrypted).contains(pkcs8 ? "BEGIN ENCRYPTED PRIVATE KEY" : "Proc-Type: 4,ENCRYPTED");

        assertThatThrownBy(() -> load(TestCertificates.pem(TestCertificates.selfSigned(keys, "h")), encrypted))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("holds an encrypted private key")
                .hasMessageContaining("openssl pkey");
    }

    @Test
    void refusesMissingFilesAndDirectories() throws Exception {
        Path key = write("key.pem", TestCertificates.pkcs8(TestCertificates.ec().getPrivate()));
        CertificateStore store = store(Clock.systemUTC());

        assertThatThrownBy(() -> store.userSupplied(dir.resolve("nope.pem"), key))
                .isInstanceOf(IdentityException.class)
                .hasMessage(dir.resolve("nope.pem") + " does not exist");
        assertThatThrownBy(() -> store.userSupplied(dir, key))
                .isInstanceOf(IdentityException.class)
                .hasMessage(dir + " is a directory, not a PEM file");
    }

    @Test
    void refusesAFileItMayNotRead() throws Exception {
        KeyPair keys = TestCertificates.ec();
        Path certificate = write("cert.pem", TestCertificates.pem(TestCertificates.selfSigned(keys, "h")));
        Path key = write("key.pem", TestCertificates.pkcs8(keys.getPrivate()));
        assumeThat(Files.getFileStore(dir).supportsFileAttributeView("posix")).isTrue();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(key)).as("root reads every file").isFalse();

        assertThatThrownBy(() -> store(Clock.systemUTC()).userSupplied(certificate, key))
                .isInstanceOf(IdentityException.class)
                .hasMessage(key + " cannot be read: permission denied");
    }

    @Test
    void refusesAHugeFile() throws Exception {
        Path big = write("big.pem", "x".repeat((1 << 20) + 1));

        assertThatThrownBy(() -> store(Clock.systemUTC()).userSupplied(big, big))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("larger than 1 MiB");
    }
}
