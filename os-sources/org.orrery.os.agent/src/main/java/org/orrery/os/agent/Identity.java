// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.orrery.os.agent.internal.tls.Fingerprints;
import org.orrery.os.agent.internal.tls.SelfSignedCertificate;

/**
 * A board's or a user's identity: an Ed25519 key pair and a self-signed certificate carrying it, kept in one
 * owner-only directory ({@code key.pem}, {@code cert.pem}) and created on first use. Peers know it by its
 * {@link #fingerprint()}.
 */
public final class Identity {

    public static final String KEY_FILE = "key.pem";
    public static final String CERT_FILE = "cert.pem";

    private final PrivateKey key;
    private final X509Certificate certificate;

    private Identity(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** Reads the identity in {@code dir}, or creates it there (as {@code commonName}) when the directory has none. */
    public static Identity loadOrCreate(Path dir, String commonName) throws IOException {
        Path keyFile = dir.resolve(KEY_FILE);
        Path certFile = dir.resolve(CERT_FILE);
        if (!Files.exists(keyFile) && !Files.exists(certFile)) {
            create(dir, commonName);
        }
        return load(keyFile, certFile);
    }

    private static void create(Path dir, String commonName) throws IOException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            X509Certificate cert = SelfSignedCertificate.create(pair, commonName);
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            // The key is written to a private temporary name first so a crash never leaves a key without its
            // certificate under the real names.
            Path tmpKey = Files.createTempFile(dir, "key", ".tmp");
            ownerOnly(tmpKey, "rw-------");
            Files.write(tmpKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardOpenOption.TRUNCATE_EXISTING);
            Files.write(dir.resolve(CERT_FILE), pem("CERTIFICATE", cert.getEncoded()));
            Files.move(tmpKey, dir.resolve(KEY_FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create an identity in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Identity load(Path keyFile, Path certFile) throws IOException {
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(readPem(keyFile, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(keyFile + ": not an Ed25519 PKCS#8 private key");
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(readPem(certFile, "CERTIFICATE")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(certFile + ": not an X.509 certificate");
        }
        return new Identity(key, cert);
    }

    private static void ownerOnly(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the user's profile directory protects it.
        }
    }

    private static byte[] pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] readPem(Path file, String label) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": missing (the identity directory is incomplete; remove it to start afresh)");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IOException(file + ": no " + label + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException x) {
            throw new IOException(file + ": bad base64 in the " + label + " block");
        }
    }

    public PrivateKey privateKey() {
        return key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** {@code SHA256:} + unpadded base64 of the public key's SubjectPublicKeyInfo hash, as ssh prints keys. */
    public String fingerprint() {
        return Fingerprints.of(certificate.getPublicKey());
    }
}
