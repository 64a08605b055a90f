package dev.weft.server.security;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** Keys and certificates made in a test, the way an operator's CA or openssl would make them. */
public final class TestCertificates {
    private static final AtomicLong SERIALS = new AtomicLong(1);

    private TestCertificates() {
    }

    public static KeyPair rsa() {
        return keys("RSA", null);
    }

    public static KeyPair ec() {
        return keys("EC", new ECGenParameterSpec("secp256r1"));
    }

    public static KeyPair ed25519() {
        return keys("Ed25519", null);
    }

    /** A certificate for {@code keys} signed by itself, valid from a day ago for a year. */
    public static X509Certificate selfSigned(KeyPair keys, String commonName) {
        Instant now = Instant.now();
        return issue(keys.getPublic(), commonName, keys, commonName, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)));
    }

    /** A certificate for {@code subjectKey} signed by {@code issuerKeys}, valid from {@code notBefore} to {@code notAfter}. */
    public static X509Certificate issue(PublicKey subjectKey, String subject, KeyPair issuerKeys,
            String issuer, Instant notBefore, Instant notAfter) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer), BigInteger.valueOf(SERIALS.getAndIncrement()),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + subject), subjectKey);
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, subject)));
            String algorithm = Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "Ed25519")
                    .get(issuerKeys.getPrivate().getAlgorithm());
            var signer = new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Certificates as PEM blocks, in order. */
    public static String pem(X509Certificate... certificates) {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append(write(certificate));
        }
        return text.toString();
    }

    /** {@code key} as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public static String pkcs8(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code keys}' private key in OpenSSL's traditional form: PKCS#1 {@code BEGIN RSA PRIVATE KEY},
     * or SEC 1 {@code BEGIN EC PRIVATE KEY} with the curve and the public key, as openssl writes it.
     */
    public static String traditional(KeyPair keys) {
        if (!(keys.getPrivate() instanceof ECPrivateKey)) {
            return write(keys.getPrivate());
        }
        ECPrivateKey key = (ECPrivateKey) keys.getPrivate();
        ASN1Encodable curve = PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getParameters();
        var publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData();
        try {
            byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(key.getParams().getOrder().bitLength(), key.getS(),
                    publicKey, curve).getEncoded();
            return write(new PemObject("EC PRIVATE KEY", sec1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code key} encrypted with a password, as PKCS#8 or in the traditional form with a Proc-Type
     * header. Encrypting needs ciphers that only BouncyCastle's provider has; the test hands it an
     * instance without registering it, as the server never does.
     */
    public static String encrypted(PrivateKey key, boolean pkcs8) {
        char[] password = "secret".toCharArray();
        try {
            if (pkcs8) {
                var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setProvider(new BouncyCastleProvider()).setPassword(password).build();
                return write(new JcaPKCS8Generator(key, encryptor));
            }
            return write(new JcaMiscPEMGenerator(key, new JcePEMEncryptorBuilder("AES-128-CBC")
                    .setProvider(new BouncyCastleProvider()).build(password)));
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static KeyPair keys(String algorithm, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            } else if (curve != null) {
                generator.initialize(curve);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
