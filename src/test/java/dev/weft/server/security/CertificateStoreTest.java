package dev.weft.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<String> NAMES = List.of("localhost", "127.0.0.1", "::1", "weft-box");

    @TempDir
    Path data;

    private CertificateStore store() {
        return new CertificateStore(data, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
    }

    private Path tls(String name) {
        return data.resolve(CertificateStore.DIRECTORY).resolve(name);
    }

    @Test
    void makesACertificateOnFirstStartAndLoadsTheSameOneLater() throws Exception {
        ServerIdentity first = store().selfSigned(NAMES);
        ServerIdentity again = store().selfSigned(List.of("other-name"));

        assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(again.serverId()).isEqualTo(first.serverId());
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(again.chain()).containsExactly(first.certificate());
    }

    @Test
    void theSelfSignedCertificateIsAnEcP256ServerCertificateForTenYearsNamingTheGivenHosts() throws Exception {
        X509Certificate certificate = store().selfSigned(NAMES).certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=weft");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getNotBefore().toInstant()).isBefore(NOW);
        assertThat(Duration.between(NOW, certificate.getNotAfter().toInstant())).isEqualTo(Duration.ofDays(3650));
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getSubjectAlternativeNames().stream()
                .map(name -> name.get(0) + " " + name.get(1)).collect(Collectors.toList()))
                .containsExactly("2 localhost", "7 127.0.0.1", "7 0:0:0:0:0:0:0:1", "2 weft-box");
    }

    @Test
    void keepsTheKeyReadableByTheOwnerOnly() throws Exception {
        store().selfSigned(NAMES);
        assumeThat(Files.getFileStore(data).supportsFileAttributeView("posix")).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls("")))).isEqualTo("rwx------");
        for (String file : List.of(CertificateStore.KEY, CertificateStore.CERTIFICATE, CertificateStore.SERVER_ID)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls(file)))).isEqualTo("rw-------");
        }
        try (var files = Files.list(tls(""))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("cert.pem", "key.pem", "server_id");
        }
    }

    @Test
    void tightensAnExistingDirectory() throws Exception {
        Files.createDirectories(tls(""));
        assumeThat(Files.getFileStore(data).supportsFileAttributeView("posix")).isTrue();
        Files.setPosixFilePermissions(tls(""), PosixFilePermissions.fromString("rwxr-xr-x"));

        store().selfSigned(NAMES);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls("")))).isEqualTo("rwx------");
    }

    @Test
    void writesPemThatTheLoaderReadsBack() throws Exception {
        ServerIdentity identity = store().selfSigned(NAMES);

        assertThat(Files.readString(tls("key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(tls("cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(PemFiles.certificates(tls("cert.pem"))).containsExactly(identity.certificate());
        assertThat(PemFiles.privateKey(tls("key.pem"))).isEqualTo(identity.key());
    }

    @Test
    void keepsAStableRandomServerId() throws Exception {
        String id = store().selfSigned(NAMES).serverId();

        assertThat(UUID.fromString(id).version()).isEqualTo(4);
        assertThat(Files.readString(tls("server_id"))).isEqualTo(id + "\n");
        assertThat(new CertificateStore(data.resolve("other"), Clock.systemUTC(), new SecureRandom())
                .selfSigned(NAMES).serverId()).isNotEqualTo(id);
    }

    @Test
    void refusesADamagedServerId() throws Exception {
        store().selfSigned(NAMES);
        Files.writeString(tls("server_id"), "not-an-id\n");

        assertThatThrownBy(() -> store().selfSigned(NAMES))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("server_id does not hold a server id");
    }

    @Test
    void replacesAKeyLeftWithoutItsCertificateByAnInterruptedFirstStart() throws Exception {
        Files.createDirectories(tls(""));
        Files.writeString(tls("key.pem"), TestCertificates.pkcs8(TestCertificates.ec().getPrivate()));

        ServerIdentity identity = store().selfSigned(NAMES);

        assertThat(PemFiles.privateKey(tls("key.pem"))).isEqualTo(identity.key());
    }

    @Test
    void refusesACertificateWhoseKeyIsGone() throws Exception {
        store().selfSigned(NAMES);
        Files.delete(tls("key.pem"));

        assertThatThrownBy(() -> store().selfSigned(NAMES))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("key.pem is missing but")
                .hasMessageContaining("delete the certificate to make a new one");
    }

    @Test
    void refusesAKeyReplacedByAnotherOne() throws Exception {
        store().selfSigned(NAMES);
        Files.writeString(tls("key.pem"), TestCertificates.pkcs8(TestCertificates.ec().getPrivate()));

        assertThatThrownBy(() -> store().selfSigned(NAMES))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("does not belong to the first certificate");
    }

    @Test
    void refusesAGarbledCertificateFile() throws Exception {
        store().selfSigned(NAMES);
        String pem = Files.readString(tls("cert.pem"));
        Files.writeString(tls("cert.pem"), pem.replace(pem.substring(40, 60), "!!!!garbage!!!!!!!!!"));

        assertThatThrownBy(() -> store().selfSigned(NAMES))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("cert.pem is not valid PEM");
    }

    @Test
    void keepsTheSelfSignedCertificateAfterItExpires() throws Exception {
        ServerIdentity identity = store().selfSigned(NAMES);
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(4000)), ZoneOffset.UTC);

        ServerIdentity reloaded = new CertificateStore(data, later, new SecureRandom()).selfSigned(NAMES);

        assertThat(reloaded.fingerprint()).isEqualTo(identity.fingerprint());
    }

    @Test
    void refusesSubjectNamesThatAreNeitherHostsNorAddresses() {
        assertThatThrownBy(() -> store().selfSigned(List.of("localhost", "not a host")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a host");
        assertThatThrownBy(() -> store().selfSigned(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultNamesCoverLoopbackAndThisMachine() {
        List<String> names = SubjectNames.forThisMachine();

        assertThat(names).startsWith("localhost", "127.0.0.1", "::1").doesNotHaveDuplicates();
        assertThat(SubjectNames.generalNames(names).getNames()).hasSize(names.size());
    }

    @Test
    void neverShowsTheKey() throws Exception {
        ServerIdentity identity = store().selfSigned(NAMES);

        assertThat(identity.toString()).contains(identity.fingerprint()).contains(identity.serverId())
                .doesNotContain(identity.key().toString())
                .doesNotContainIgnoringCase("private");
    }
}
