package dev.weft.server.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * The server's TLS identity in its data dir, in {@value #DIRECTORY}/ ({@code 0700}):
 * {@value #SERVER_ID}, and for the self-signed default {@value #CERTIFICATE} and {@value #KEY}
 * (PEM, {@code 0600}, each written atomically).
 *
 * <p><b>Self-signed</b> ({@link #selfSigned}): made on first start, loaded on every later one.
 * The key is written before the certificate, so a certificate on disk means a complete identity;
 * a key without one is the remains of an interrupted first start, never shown to any device, and
 * is replaced. Its validity dates are not checked on load: devices trust it by fingerprint, and a
 * new certificate would make every device pair again.
 *
 * <p><b>The operator's PEM files</b> ({@link #userSupplied}): a certificate chain and its key,
 * loaded on every start and never copied. An expired or not yet valid certificate is refused:
 * an operator supplies one for the clients that check it against a CA and its dates (browsers,
 * proxies, monitoring), for which an expired certificate fails anyway, so the server says so at
 * start, with the date, instead of serving it.
 */
public final class CertificateStore {
    /** The identity's folder inside the data dir. */
    public static final String DIRECTORY = "tls";
    /** The self-signed certificate. */
    public static final String CERTIFICATE = "cert.pem";
    /** The self-signed certificate's private key. */
    public static final String KEY = "key.pem";
    /** The server id. */
    public static final String SERVER_ID = "server_id";

    private final Path directory;
    private final Clock clock;
    private final SecureRandom random;

    /** The identity kept under {@code dataDir}, dated by {@code clock}, keys drawn from {@code random}. */
    public CertificateStore(Path dataDir, Clock clock, SecureRandom random) {
        this.directory = dataDir.resolve(DIRECTORY);
        this.clock = clock;
        this.random = random;
    }

    /**
     * The self-signed identity, made now for {@code subjectNames} (DNS names and IP addresses,
     * see {@link SubjectNames#forThisMachine()}) if there is none yet.
     *
     * @throws IllegalArgumentException if a new certificate is needed and a subject name is neither
     *     a DNS name nor an IP address
     */
    public ServerIdentity selfSigned(List<String> subjectNames) throws IdentityException {
        String serverId = serverId();
        Path certificate = directory.resolve(CERTIFICATE);
        Path key = directory.resolve(KEY);
        if (Files.exists(certificate)) {
            if (!Files.exists(key)) {
                throw new IdentityException(key + " is missing but " + certificate + " exists: restore the key, "
                        + "or delete the certificate to make a new one (every device must then pair again)");
            }
            return load(certificate, key, serverId);
        }
        CertifiedKey made = SelfSignedCertificate.create(subjectNames, clock.instant(), random);
        try {
            PrivateFiles.write(key, PemFiles.pem(made.key()));
            PrivateFiles.write(certificate, PemFiles.pem(made.chain().get(0)));
        } catch (IOException e) {
            throw new IdentityException("cannot write the new certificate to " + directory + ": " + e, e);
        }
        return new ServerIdentity(made.chain(), made.key(), serverId);
    }

    /** The identity of the operator's PEM certificate chain and private key. */
    public ServerIdentity userSupplied(Path certificateFile, Path keyFile) throws IdentityException {
        String serverId = serverId();
        ServerIdentity identity = load(certificateFile, keyFile, serverId);
        Date now = Date.from(clock.instant());
        for (X509Certificate certificate : identity.chain()) {
            try {
                certificate.checkValidity(now);
            } catch (CertificateExpiredException e) {
                throw new IdentityException(certificateFile + ": certificate " + certificate.getSubjectX500Principal()
                        + " expired on " + certificate.getNotAfter().toInstant() + "; renew it", e);
            } catch (CertificateNotYetValidException e) {
                throw new IdentityException(certificateFile + ": certificate " + certificate.getSubjectX500Principal()
                        + " is not valid before " + certificate.getNotBefore().toInstant()
                        + "; check the clock or wait", e);
            }
        }
        return identity;
    }

    private static ServerIdentity load(Path certificateFile, Path keyFile, String serverId) throws IdentityException {
        List<X509Certificate> chain = PemFiles.certificates(certificateFile);
        PrivateKey key = PemFiles.privateKey(keyFile);
        KeyMatch.require(key, chain.get(0), keyFile, certificateFile);
        return new ServerIdentity(chain, key, serverId);
    }

    /** The server's stable random id ({@code server_id} of the pairing answer), made on first use. */
    public String serverId() throws IdentityException {
        try {
            PrivateFiles.directory(directory);
        } catch (IOException e) {
            throw new IdentityException("cannot make " + directory + " private to this user: " + e, e);
        }
        return ServerIdFile.loadOrCreate(directory.resolve(SERVER_ID));
    }
}
