// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 key pairs in standard PEM files (PKCS#8 private key, X.509 SubjectPublicKeyInfo public key), so
 * {@code openssl pkey} can inspect them. JDK crypto only.
 */
public final class SigningKeys {

    public static final String ALGORITHM = "Ed25519";
    public static final String PRIVATE_FILE = "orrery-signing.key";
    public static final String PUBLIC_FILE = "orrery-signing.pub";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519 provider", e);
        }
    }

    /**
     * Writes {@code dir/orrery-signing.key} (owner-only where the file system allows) and
     * {@code dir/orrery-signing.pub}. Refuses to overwrite either file.
     *
     * @return the private key file
     */
    public static Path writePair(KeyPair pair, Path dir) throws IOException {
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        for (Path p : new Path[] {priv, pub}) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "already exists; refusing to overwrite a key");
            }
        }
        Files.createDirectories(dir);
        Files.write(priv, pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()), StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: rely on the directory's protection.
        }
        Files.write(pub, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()), StandardOpenOption.CREATE_NEW);
        return priv;
    }

    public static PrivateKey readPrivate(Path file) throws IOException {
        byte[] der = readPem(file, PRIVATE_LABEL);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + ": not an Ed25519 PKCS#8 private key");
        }
    }

    public static PublicKey readPublic(Path file) throws IOException {
        byte[] der = readPem(file, PUBLIC_LABEL);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + ": not an Ed25519 X.509 public key");
        }
    }

    /**
     * The public half of an Ed25519 private key. Ed25519 derives the public key from the 32-byte seed, and
     * the JDK generator takes that seed from its random source, so feeding it the seed recomputes the pair;
     * the result is checked, never trusted.
     */
    public static PublicKey publicKeyOf(PrivateKey key) throws IOException {
        if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
            throw new IOException("not an Ed25519 private key");
        }
        byte[] seed = ed.getBytes().get();
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
            g.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            KeyPair pair = g.generateKeyPair();
            if (!java.util.Arrays.equals(pair.getPrivate().getEncoded(), key.getEncoded())) {
                throw new IOException("cannot derive the public key of this private key");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot derive the public key: " + e.getMessage());
        }
    }

    /** SHA-256 of the X.509 encoding: how images name the key that signed them. */
    public static byte[] fingerprint(PublicKey key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fingerprintHex(PublicKey key) {
        return HexFormat.of().formatHex(fingerprint(key));
    }

    private static byte[] pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] readPem(Path file, String label) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such key file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not a PEM key file");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IOException(file + ": expected a PEM '" + label + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": damaged PEM base64");
        }
    }
}
