// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import static org.orrery.os.image.ImageException.Reason.IO;
import static org.orrery.os.image.ImageException.Reason.NOT_AN_IMAGE;
import static org.orrery.os.image.ImageException.Reason.ROLLBACK;
import static org.orrery.os.image.ImageException.Reason.TAMPERED;
import static org.orrery.os.image.ImageException.Reason.TRUNCATED;
import static org.orrery.os.image.ImageException.Reason.UNSIGNED;
import static org.orrery.os.image.ImageException.Reason.UNSUPPORTED_VERSION;
import static org.orrery.os.image.ImageException.Reason.WRONG_KEY;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Checks an image before anything in it is used, in an order that gives each failure its own message:
 * magic → header CRC → length (truncated) → digest (tampered, naming the damaged entry when it can) →
 * algorithm (unsigned) → key fingerprint (wrong key) → signature (tampered) → security counter (rollback).
 */
public final class ImageVerifier {

    private ImageVerifier() {
    }

    /** Reads and verifies a file. */
    public static Image verify(Path file, PublicKey trusted, long minimumSecurityCounter) throws ImageException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageException(IO, file + ": cannot read image (" + e.getMessage() + ")");
        }
        return verify(bytes, file.toString(), trusted, minimumSecurityCounter);
    }

    /**
     * @param name   how to call the image in messages (usually its path)
     * @param trusted the public key images must be signed with
     */
    public static Image verify(byte[] b, String name, PublicKey trusted, long minimumSecurityCounter)
            throws ImageException {
        java.util.Objects.requireNonNull(trusted, "trusted public key");
        Parsed p = parse(b, name);
        int trailer = p.trailer();
        int algorithm = Short.toUnsignedInt(ByteBuffer.wrap(b).getShort(trailer + 4));
        if (algorithm == ImageFormat.ALG_NONE) {
            throw new ImageException(UNSIGNED, name + ": image is not signed; refusing to load it "
                    + "(build it with a signing key: orrery keygen, then orrery build --key)");
        }
        if (algorithm != ImageFormat.ALG_ED25519) {
            throw tampered(name, "its signature algorithm " + algorithm + " is unknown");
        }
        int fpAt = trailer + 8;
        byte[] expected = SigningKeys.fingerprint(trusted);
        if (!Arrays.equals(expected, 0, expected.length, b, fpAt, fpAt + ImageFormat.FINGERPRINT_BYTES)) {
            String signer = HexFormat.of().formatHex(b, fpAt, fpAt + ImageFormat.FINGERPRINT_BYTES);
            throw new ImageException(WRONG_KEY, name + ": image is signed by key " + signer.substring(0, 16)
                    + "..., not by the trusted key " + HexFormat.of().formatHex(expected).substring(0, 16) + "...");
        }
        int digestAt = trailer + ImageFormat.TRAILER_SIGNED_BYTES;
        try {
            Signature s = Signature.getInstance(SigningKeys.ALGORITHM);
            s.initVerify(trusted);
            s.update(b, 0, digestAt);
            int sigAt = digestAt + ImageFormat.DIGEST_BYTES;
            if (!s.verify(Arrays.copyOfRange(b, sigAt, sigAt + ImageFormat.SIGNATURE_BYTES))) {
                throw tampered(name, "its signature does not verify");
            }
        } catch (GeneralSecurityException e) {
            throw tampered(name, "its signature does not verify");
        }
        if (p.manifest().securityCounter() < minimumSecurityCounter) {
            throw new ImageException(ROLLBACK, name + ": security counter " + p.manifest().securityCounter()
                    + " is below the minimum " + minimumSecurityCounter + " (an older image; rollback refused)");
        }
        return new Image(p.manifest(), p.contents(), HexFormat.of().formatHex(expected));
    }

    /**
     * Reads an image's structure (header, digest, manifest, entry hashes) WITHOUT checking who signed it: for
     * an image this process has just built in memory, or to show a manifest. Never boot an image from disk
     * read this way; use {@link #verify}.
     */
    public static Image inspect(byte[] b, String name) throws ImageException {
        Parsed p = parse(b, name);
        int trailer = p.trailer();
        boolean signed = Short.toUnsignedInt(ByteBuffer.wrap(b).getShort(trailer + 4)) != ImageFormat.ALG_NONE;
        String signer = signed ? HexFormat.of().formatHex(b, trailer + 8, trailer + 8 + ImageFormat.FINGERPRINT_BYTES) : "";
        return new Image(p.manifest(), p.contents(), signer);
    }

    private record Parsed(ImageManifest manifest, Map<String, byte[]> contents, int trailer) {}

    /**
     * The digest an image file declares in its trailer (lower-case hex), after checking its header, its length and
     * its trailer's magic, without hashing it: the name boards know an image by. Only {@link #verify} proves that
     * the bytes hash to it.
     */
    public static String declaredDigest(Path file) throws ImageException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return declaredDigest(ch, file.toString());
        } catch (IOException e) {
            throw new ImageException(IO, file + ": cannot read image (" + e.getMessage() + ")");
        }
    }

    /** {@link #declaredDigest(Path)} of an image file the caller has open (and reads on from). */
    public static String declaredDigest(FileChannel ch, String name) throws ImageException, IOException {
        long size = ch.size();
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, ImageFormat.HEADER_BYTES));
        readFully(ch, head, 0);
        long total = checkHeader(head.array(), size, name).total();
        ByteBuffer trailer = ByteBuffer.allocate(ImageFormat.TRAILER_BYTES);
        readFully(ch, trailer, total - ImageFormat.TRAILER_BYTES);
        checkTrailerMagic(trailer.array(), 0, name);
        return HexFormat.of().formatHex(trailer.array(), ImageFormat.TRAILER_SIGNED_BYTES,
                ImageFormat.TRAILER_SIGNED_BYTES + ImageFormat.DIGEST_BYTES);
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("it shrank while it was read");
            }
        }
    }

    private record Header(long total, long manifestLength) {}

    /**
     * Magic, header CRC, version and the length the header records against the file's, from the header's bytes
     * ({@code head} may be shorter than a header when the file is).
     */
    private static Header checkHeader(byte[] head, long fileLength, String name) throws ImageException {
        int magicLen = ImageFormat.MAGIC.length;
        int have = (int) Math.min(head.length, magicLen);
        if (head.length == 0 || !Arrays.equals(head, 0, have, ImageFormat.MAGIC, 0, have)) {
            throw new ImageException(NOT_AN_IMAGE, name + ": not an Orrery image (no .oimg signature at the start)");
        }
        if (fileLength < ImageFormat.HEADER_BYTES) {
            throw truncated(name, ImageFormat.HEADER_BYTES, fileLength);
        }
        ByteBuffer h = ByteBuffer.wrap(head);
        CRC32 crc = new CRC32();
        crc.update(head, 0, ImageFormat.HEADER_BYTES - 4);
        if ((int) crc.getValue() != h.getInt(ImageFormat.HEADER_BYTES - 4)) {
            throw tampered(name, "its header was modified");
        }
        int version = Short.toUnsignedInt(h.getShort(8));
        if (version != ImageFormat.VERSION) {
            throw new ImageException(UNSUPPORTED_VERSION, name + ": image format version " + version
                    + " is not supported (this tool reads version " + ImageFormat.VERSION + ")");
        }
        long total = h.getLong(12);
        long manifestLen = Integer.toUnsignedLong(h.getInt(20));
        if (fileLength < total) {
            throw truncated(name, total, fileLength);
        }
        if (fileLength > total) {
            throw tampered(name, (fileLength - total) + " bytes were appended");
        }
        if (total < ImageFormat.HEADER_BYTES + manifestLen + ImageFormat.TRAILER_BYTES) {
            throw tampered(name, "its header sizes are inconsistent");
        }
        return new Header(total, manifestLen);
    }

    private static void checkTrailerMagic(byte[] b, int trailer, String name) throws ImageException {
        if (!Arrays.equals(b, trailer, trailer + 4, ImageFormat.TRAILER_MAGIC, 0, 4)) {
            throw tampered(name, "its signature block is malformed");
        }
    }

    /** Everything that does not need a key: magic, header, length, digest, manifest and entry hashes. */
    private static Parsed parse(byte[] b, String name) throws ImageException {
        Header header = checkHeader(b, b.length, name);
        long total = header.total();
        long manifestLen = header.manifestLength();
        int trailer = (int) total - ImageFormat.TRAILER_BYTES;
        int digestAt = trailer + ImageFormat.TRAILER_SIGNED_BYTES;
        byte[] digest = sha256(b, 0, digestAt);
        if (!Arrays.equals(digest, 0, digest.length, b, digestAt, digestAt + ImageFormat.DIGEST_BYTES)) {
            throw tampered(name, locateDamage(b, (int) manifestLen, trailer));
        }
        checkTrailerMagic(b, trailer, name);
        ImageManifest manifest;
        try {
            manifest = ImageManifest.parse(Arrays.copyOfRange(b, ImageFormat.HEADER_BYTES,
                    ImageFormat.HEADER_BYTES + (int) manifestLen));
        } catch (IllegalArgumentException e) {
            throw tampered(name, "its manifest is malformed (" + e.getMessage() + ")");
        }
        return new Parsed(manifest, contents(b, manifest, (int) manifestLen, trailer, name), trailer);
    }

    /** Splits payloads by the manifest; only called once the digest vouches for the bytes. */
    private static Map<String, byte[]> contents(byte[] b, ImageManifest m, int manifestLen, int trailer,
            String name) throws ImageException {
        Map<String, byte[]> out = new TreeMap<>();
        long at = ImageFormat.HEADER_BYTES + (long) manifestLen;
        for (ImageEntry e : m.entries()) {
            if (at + e.size() > trailer) {
                throw tampered(name, "its manifest sizes exceed the image");
            }
            byte[] data = Arrays.copyOfRange(b, (int) at, (int) (at + e.size()));
            if (!ImageWriter.sha256Hex(data).equals(e.sha256())) {
                throw tampered(name, "entry " + e.name() + " does not match its manifest hash");
            }
            out.put(e.name(), data);
            at += e.size();
        }
        if (at != trailer) {
            throw tampered(name, "its manifest sizes do not add up to the image");
        }
        return out;
    }

    /** Best-effort explanation of a digest mismatch: which part no longer matches what the manifest says. */
    private static String locateDamage(byte[] b, int manifestLen, int trailer) {
        try {
            ImageManifest m = ImageManifest.parse(Arrays.copyOfRange(b, ImageFormat.HEADER_BYTES,
                    ImageFormat.HEADER_BYTES + manifestLen));
            long at = ImageFormat.HEADER_BYTES + (long) manifestLen;
            for (ImageEntry e : m.entries()) {
                if (at + e.size() > trailer) {
                    return "its manifest was modified";
                }
                if (!ImageWriter.sha256Hex(Arrays.copyOfRange(b, (int) at, (int) (at + e.size()))).equals(e.sha256())) {
                    return "entry " + e.name() + " does not match its manifest hash";
                }
                at += e.size();
            }
            return at == trailer ? "its manifest or signature block was modified" : "its manifest was modified";
        } catch (IllegalArgumentException e) {
            return "its manifest was modified";
        }
    }

    private static byte[] sha256(byte[] b, int from, int to) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(b, from, to - from);
            return d.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImageException truncated(String name, long expected, long actual) {
        return new ImageException(TRUNCATED, name + ": image is truncated (" + actual + " of " + expected
                + " bytes); copy or rebuild it");
    }

    private static ImageException tampered(String name, String detail) {
        return new ImageException(TAMPERED, name + ": image was modified after it was built (" + detail
                + "); refusing to load it");
    }
}
