// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.nio.charset.StandardCharsets;

/**
 * Byte layout of an {@code .oimg} file, shared by writer and verifier. All integers are big-endian.
 *
 * <pre>
 * header     magic[8] "\u0089OIMG\r\n\u001a" | u16 format version | u16 flags (0)
 *            | u64 total file length | u32 manifest length | u32 CRC-32 of the preceding 24 bytes
 * manifest   UTF-8 text, see {@link ImageManifest}
 * payloads   the entries' bytes, concatenated in manifest order (entries sorted by name)
 * trailer    magic[4] "OSIG" | u16 algorithm (0 unsigned, 1 Ed25519) | u16 reserved (0)
 *            | key fingerprint[32] (SHA-256 of the X.509 public key; zeros when unsigned)
 *            | digest[32] (SHA-256 of every byte before it, fingerprint included)
 *            | signature[64] (Ed25519 over the same bytes as the digest; zeros when unsigned)
 * </pre>
 *
 * The header CRC makes its length fields trustworthy (a flipped length reads as tampering, not truncation);
 * the digest separates "modified" from "signed by someone else".
 */
public final class ImageFormat {

    public static final byte[] MAGIC = {(byte) 0x89, 'O', 'I', 'M', 'G', '\r', '\n', 0x1a};
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 8 + 2 + 2 + 8 + 4 + 4;
    public static final byte[] TRAILER_MAGIC = "OSIG".getBytes(StandardCharsets.US_ASCII);
    public static final int ALG_NONE = 0;
    public static final int ALG_ED25519 = 1;
    public static final int FINGERPRINT_BYTES = 32;
    public static final int DIGEST_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    /** Trailer bytes covered by digest and signature: magic, algorithm, reserved, fingerprint. */
    public static final int TRAILER_SIGNED_BYTES = 4 + 2 + 2 + FINGERPRINT_BYTES;
    public static final int TRAILER_BYTES = TRAILER_SIGNED_BYTES + DIGEST_BYTES + SIGNATURE_BYTES;
    /** The file extension tools use. */
    public static final String EXTENSION = ".oimg";

    private ImageFormat() {
    }

    /**
     * The digest field at the end of a whole image's bytes (lower-case hex), as it stands: only verification vouches
     * for it ({@link ImageVerifier#declaredDigest} reads it from a file after checking the frame).
     */
    public static String digestField(byte[] image) {
        int at = image.length - SIGNATURE_BYTES - DIGEST_BYTES;
        return java.util.HexFormat.of().formatHex(image, at, at + DIGEST_BYTES);
    }
}
