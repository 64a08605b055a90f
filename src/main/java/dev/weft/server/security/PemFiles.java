package dev.weft.server.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM files in and out, parsed by BouncyCastle and turned into keys and certificates by the JDK's
 * own providers. A certificate file holds one or more {@code CERTIFICATE} blocks, the server's own
 * first; a key file one unencrypted private key, as PKCS#8 ({@code PRIVATE KEY}) or in the
 * traditional OpenSSL forms ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}). Each ignores the
 * other's blocks (and {@code EC PARAMETERS}), so one combined file may serve as both.
 */
final class PemFiles {
    private static final long MAX_BYTES = 1 << 20;

    private PemFiles() {
    }

    /** The certificates in {@code file}, in file order. */
    static List<X509Certificate> certificates(Path file) throws IdentityException {
        List<X509Certificate> certificates = new ArrayList<>();
        boolean sawKey = false;
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object block : blocks(file)) {
            if (block instanceof X509CertificateHolder) {
                try {
                    certificates.add(converter.getCertificate((X509CertificateHolder) block));
                } catch (CertificateException e) {
                    throw new IdentityException(file + ": a certificate cannot be read: " + e.getMessage(), e);
                }
            } else {
                sawKey |= isKey(block);
            }
        }
        if (certificates.isEmpty()) {
            throw new IdentityException(file + " holds no certificate (-----BEGIN CERTIFICATE-----)"
                    + (sawKey ? "; it holds a private key, which belongs in the key file" : ""));
        }
        return certificates;
    }

    /** The one private key in {@code file}. */
    static PrivateKey privateKey(Path file) throws IdentityException {
        List<PrivateKeyInfo> keys = new ArrayList<>();
        for (Object block : blocks(file)) {
            if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new IdentityException(file + " holds an encrypted private key; the server needs it "
                        + "unencrypted (openssl pkey -in " + file + " -out PLAIN.pem decrypts it)");
            } else if (block instanceof PEMKeyPair) {
                keys.add(((PEMKeyPair) block).getPrivateKeyInfo());
            } else if (block instanceof PrivateKeyInfo) {
                keys.add((PrivateKeyInfo) block);
            }
        }
        if (keys.size() != 1) {
            throw new IdentityException(file + (keys.isEmpty()
                    ? " holds no private key (-----BEGIN PRIVATE KEY----- or the RSA or EC form)"
                    : " holds " + keys.size() + " private keys; it must hold exactly one"));
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(keys.get(0));
        } catch (IOException e) {
            throw new IdentityException(file + ": the private key's type is not supported: " + e.getMessage(), e);
        }
    }

    /** {@code certificate} as one PEM block. */
    static byte[] pem(X509Certificate certificate) throws IOException {
        return write(certificate);
    }

    /** {@code key} as one unencrypted PKCS#8 PEM block. */
    static byte[] pem(PrivateKey key) throws IOException {
        return write(new JcaPKCS8Generator(key, null));
    }

    private static byte[] write(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Object> blocks(Path file) throws IdentityException {
        String text = read(file);
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports broken base64 and DER with runtime exceptions as well as IOException
            throw new IdentityException(file + " is not valid PEM: " + e.getMessage(), e);
        }
        if (blocks.isEmpty()) {
            throw new IdentityException(file + " is not a PEM file (no -----BEGIN ...----- block)");
        }
        return blocks;
    }

    private static String read(Path file) throws IdentityException {
        try {
            if (Files.isDirectory(file)) {
                throw new IdentityException(file + " is a directory, not a PEM file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IdentityException(file + " is larger than 1 MiB, too large for a PEM file");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IdentityException(file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IdentityException(file + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new IdentityException(file + " cannot be read: " + e, e);
        }
    }

    private static boolean isKey(Object block) {
        return block instanceof PEMKeyPair || block instanceof PrivateKeyInfo
                || block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo;
    }
}
