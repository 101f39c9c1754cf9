// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Serializes and signs an image. Deterministic: entries are sorted, nothing time-dependent is written and
 * Ed25519 signatures are deterministic, so the same inputs and key give the same bytes.
 */
public final class ImageWriter {

    private ImageWriter() {
    }

    /**
     * @param key private key, or {@code null} for an unsigned image (which loaders refuse)
     * @param publicKey the matching public key (its fingerprint goes into the trailer); ignored when unsigned
     */
    public static byte[] write(String orreryVersion, String systemName, long securityCounter,
            Map<String, byte[]> contents, PrivateKey key, PublicKey publicKey) {
        TreeMap<String, byte[]> sorted = new TreeMap<>(contents);
        List<ImageEntry> entries = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            entries.add(new ImageEntry(e.getKey(), e.getValue().length, sha256Hex(e.getValue())));
        }
        byte[] manifest = new ImageManifest(orreryVersion, systemName, securityCounter, entries).toBytes();
        long payloadBytes = sorted.values().stream().mapToLong(b -> b.length).sum();
        long total = ImageFormat.HEADER_BYTES + manifest.length + payloadBytes + ImageFormat.TRAILER_BYTES;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("image would be " + total + " bytes; the limit is 2 GiB");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
        ByteBuffer header = ByteBuffer.allocate(ImageFormat.HEADER_BYTES);
        header.put(ImageFormat.MAGIC).putShort((short) ImageFormat.VERSION).putShort((short) 0).putLong(total)
                .putInt(manifest.length);
        CRC32 crc = new CRC32();
        crc.update(header.array(), 0, header.position());
        header.putInt((int) crc.getValue());
        out.writeBytes(header.array());
        out.writeBytes(manifest);
        sorted.values().forEach(out::writeBytes);
        ByteBuffer trailer = ByteBuffer.allocate(ImageFormat.TRAILER_SIGNED_BYTES);
        trailer.put(ImageFormat.TRAILER_MAGIC).putShort((short) (key == null ? ImageFormat.ALG_NONE
                : ImageFormat.ALG_ED25519)).putShort((short) 0);
        trailer.put(key == null ? new byte[ImageFormat.FINGERPRINT_BYTES] : SigningKeys.fingerprint(publicKey));
        out.writeBytes(trailer.array());
        byte[] signed = out.toByteArray();
        out.writeBytes(sha256(signed));
        out.writeBytes(key == null ? new byte[ImageFormat.SIGNATURE_BYTES] : sign(key, publicKey, signed));
        return out.toByteArray();
    }

    private static byte[] sign(PrivateKey key, PublicKey publicKey, byte[] data) {
        try {
            Signature s = Signature.getInstance(SigningKeys.ALGORITHM);
            s.initSign(key);
            s.update(data);
            byte[] sig = s.sign();
            // Catch a mismatched key pair at build time instead of shipping an image nobody can verify.
            Signature v = Signature.getInstance(SigningKeys.ALGORITHM);
            v.initVerify(publicKey);
            v.update(data);
            if (!v.verify(sig)) {
                throw new IllegalArgumentException("the public key does not belong to the signing key");
            }
            return sig;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }
}
