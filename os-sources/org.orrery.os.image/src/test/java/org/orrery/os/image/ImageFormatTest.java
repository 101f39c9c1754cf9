// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.image.ImageException.Reason;

class ImageFormatTest {

    private static final KeyPair KEYS = SigningKeys.generate();
    private static final KeyPair OTHER = SigningKeys.generate();

    private static Map<String, byte[]> contents() {
        Map<String, byte[]> c = new LinkedHashMap<>(); // deliberately unsorted: the writer sorts
        c.put("kernel/org.orrery.os.kernel.jar", "kernel classes".getBytes(StandardCharsets.UTF_8));
        c.put(Image.CONFIG_ENTRY, new byte[] {1, 2, 3, 4, 5});
        c.put("apps/nav.jar", "nav app".getBytes(StandardCharsets.UTF_8));
        c.put("apps/sensor.jar", "sensor app".getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private static byte[] signed() {
        return ImageWriter.write("0.1.0", "demo", 3, contents(), KEYS.getPrivate(), KEYS.getPublic());
    }

    private static ImageException refused(byte[] image) {
        return assertThrows(ImageException.class, () -> ImageVerifier.verify(image, "x.oimg", KEYS.getPublic(), 0));
    }

    @Test
    void roundTrips() throws ImageException {
        Image img = ImageVerifier.verify(signed(), "x.oimg", KEYS.getPublic(), 3);
        assertEquals("demo", img.manifest().systemName());
        assertEquals("0.1.0", img.manifest().orreryVersion());
        assertEquals(3, img.manifest().securityCounter());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, img.config());
        assertEquals(java.util.List.of("nav", "sensor"), img.applicationPartitions());
        assertEquals(java.util.List.of("org.orrery.os.kernel"), img.kernelModules());
        assertArrayEquals("nav app".getBytes(StandardCharsets.UTF_8), img.applicationJar("nav"));
        assertEquals(SigningKeys.fingerprintHex(KEYS.getPublic()), img.signer());
        assertEquals(4, img.manifest().entries().size());
        assertEquals("apps/nav.jar", img.manifest().entries().get(0).name(), "entries are sorted");
    }

    @Test
    void sameInputsGiveSameBytes() {
        assertArrayEquals(signed(), signed());
        byte[] other = ImageWriter.write("0.1.0", "demo", 4, contents(), KEYS.getPrivate(), KEYS.getPublic());
        assertFalse(Arrays.equals(signed(), other));
    }

    @Test
    void everyFlippedByteIsRefusedAsTampered() {
        byte[] good = signed();
        int manifestLen = java.nio.ByteBuffer.wrap(good).getInt(20);
        int payloads = ImageFormat.HEADER_BYTES + manifestLen;
        int trailer = good.length - ImageFormat.TRAILER_BYTES;
        // One probe per section: header, manifest, each payload, trailer magic, algorithm, fingerprint,
        // digest, signature.
        Map<String, Integer> probes = new LinkedHashMap<>();
        probes.put("header", 9);
        probes.put("manifest", ImageFormat.HEADER_BYTES + 20);
        probes.put("apps/nav.jar", payloads);
        probes.put(Image.CONFIG_ENTRY, payloads + "nav app".length() + "sensor app".length() + 2);
        probes.put("trailer magic", trailer + 1);
        probes.put("algorithm", trailer + 5);
        probes.put("fingerprint", trailer + 8 + 3);
        probes.put("digest", trailer + ImageFormat.TRAILER_SIGNED_BYTES + 1);
        probes.put("signature", good.length - 1);
        for (var p : probes.entrySet()) {
            byte[] bad = good.clone();
            bad[p.getValue()] ^= 0x40;
            ImageException e = refused(bad);
            assertEquals(Reason.TAMPERED, e.reason(), p.getKey() + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith("x.oimg: image was modified after it was built"), e.getMessage());
        }
        // Entry damage is pinned to the entry.
        byte[] bad = good.clone();
        bad[payloads] ^= 1;
        assertTrue(refused(bad).getMessage().contains("entry apps/nav.jar does not match its manifest hash"));
        // Every single byte, not just the probes: nothing slips through or gets another reason wrongly.
        for (int i = ImageFormat.MAGIC.length; i < good.length; i++) {
            byte[] any = good.clone();
            any[i] ^= 0x01;
            Reason r = refused(any).reason();
            assertTrue(r == Reason.TAMPERED || (i >= 8 && i < 10 && r == Reason.UNSUPPORTED_VERSION)
                    || (i >= 12 && i < 20 && r == Reason.TRUNCATED), "byte " + i + ": " + r);
        }
    }

    @Test
    void appendedBytesAreTampering() {
        byte[] good = signed();
        ImageException e = refused(Arrays.copyOf(good, good.length + 1));
        assertEquals(Reason.TAMPERED, e.reason());
        assertTrue(e.getMessage().contains("1 bytes were appended"), e.getMessage());
    }

    @Test
    void truncatedImagesAreRefusedAsTruncated() {
        byte[] good = signed();
        for (int len : new int[] {3, ImageFormat.HEADER_BYTES - 1, ImageFormat.HEADER_BYTES, 100, good.length - 1}) {
            ImageException e = refused(Arrays.copyOf(good, len));
            assertEquals(Reason.TRUNCATED, e.reason(), len + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("image is truncated (" + len + " of "), e.getMessage());
        }
    }

    @Test
    void unsignedImagesAreRefused() {
        byte[] unsigned = ImageWriter.write("0.1.0", "demo", 3, contents(), null, null);
        ImageException e = refused(unsigned);
        assertEquals(Reason.UNSIGNED, e.reason());
        assertEquals("x.oimg: image is not signed; refusing to load it (build it with a signing key: orrery keygen,"
                + " then orrery build --key)", e.getMessage());
    }

    @Test
    void wrongKeyIsRefused() {
        byte[] byOther = ImageWriter.write("0.1.0", "demo", 3, contents(), OTHER.getPrivate(), OTHER.getPublic());
        ImageException e = refused(byOther);
        assertEquals(Reason.WRONG_KEY, e.reason());
        assertTrue(e.getMessage().contains("image is signed by key "
                + SigningKeys.fingerprintHex(OTHER.getPublic()).substring(0, 16)), e.getMessage());
    }

    @Test
    void forgedDigestWithoutTheKeyIsRefused() throws Exception {
        // An attacker who edits an entry and recomputes manifest hash and digest still lacks the signature.
        byte[] good = signed();
        Map<String, byte[]> c = contents();
        c.put("apps/nav.jar", "evil app".getBytes(StandardCharsets.UTF_8));
        byte[] forged = ImageWriter.write("0.1.0", "demo", 3, c, OTHER.getPrivate(), OTHER.getPublic());
        int fp = forged.length - ImageFormat.TRAILER_BYTES + 8;
        System.arraycopy(good, good.length - ImageFormat.TRAILER_BYTES + 8, forged, fp, ImageFormat.FINGERPRINT_BYTES);
        int digestAt = forged.length - ImageFormat.TRAILER_BYTES + ImageFormat.TRAILER_SIGNED_BYTES;
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(forged, digestAt));
        System.arraycopy(digest, 0, forged, digestAt, digest.length);
        ImageException e = refused(forged);
        assertEquals(Reason.TAMPERED, e.reason());
        assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
    }

    @Test
    void otherFilesAreNotImages() {
        ImageException e = refused("PK\3\4 a zip".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Reason.NOT_AN_IMAGE, e.reason());
        assertEquals(Reason.NOT_AN_IMAGE, refused(new byte[0]).reason());
    }

    @Test
    void theDeclaredDigestIsTheSignedBytesHashReadFromTheFileWithItsFrameChecked(@TempDir Path dir) throws Exception {
        byte[] good = signed();
        int digestAt = good.length - ImageFormat.TRAILER_BYTES + ImageFormat.TRAILER_SIGNED_BYTES;
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(good, digestAt)));
        assertEquals(expected, ImageVerifier.declaredDigest(write(dir, "good.oimg", good)));
        assertEquals(expected, ImageFormat.digestField(good));

        // It names the image without vouching for it: a changed payload still declares the built digest.
        byte[] changed = good.clone();
        changed[ImageFormat.HEADER_BYTES + java.nio.ByteBuffer.wrap(good).getInt(20)] ^= 1;
        assertEquals(expected, ImageVerifier.declaredDigest(write(dir, "changed.oimg", changed)));

        // What it can tell without hashing, it words as verification does.
        Map<byte[], Reason> refused = new LinkedHashMap<>();
        refused.put(Arrays.copyOf(good, good.length - 1), Reason.TRUNCATED);
        refused.put(Arrays.copyOf(good, 5), Reason.TRUNCATED);
        refused.put(Arrays.copyOf(good, good.length + 1), Reason.TAMPERED);
        refused.put("PK\3\4 a zip".getBytes(StandardCharsets.US_ASCII), Reason.NOT_AN_IMAGE);
        refused.put(new byte[0], Reason.NOT_AN_IMAGE);
        for (var e : refused.entrySet()) {
            Path f = write(dir, "bad.oimg", e.getKey());
            ImageException declared = assertThrows(ImageException.class, () -> ImageVerifier.declaredDigest(f));
            assertEquals(e.getValue(), declared.reason(), declared.getMessage());
            assertEquals(refused(e.getKey()).getMessage().replace("x.oimg", f.toString()), declared.getMessage());
        }
        byte[] badMagic = good.clone();
        badMagic[good.length - ImageFormat.TRAILER_BYTES] ^= 1;
        Path f = write(dir, "bad.oimg", badMagic);
        ImageException e = assertThrows(ImageException.class, () -> ImageVerifier.declaredDigest(f));
        assertEquals(Reason.TAMPERED, e.reason()); // verification finds the digest wrong first: no hash here
        assertEquals(f + ": image was modified after it was built (its signature block is malformed); refusing to load it",
                e.getMessage());
        ImageException missing = assertThrows(ImageException.class,
                () -> ImageVerifier.declaredDigest(dir.resolve("none.oimg")));
        assertEquals(Reason.IO, missing.reason());
    }

    private static Path write(Path dir, String name, byte[] bytes) throws java.io.IOException {
        return java.nio.file.Files.write(dir.resolve(name), bytes);
    }

    @Test
    void rollbackBelowMinimumCounterIsRefused() {
        ImageException e = assertThrows(ImageException.class,
                () -> ImageVerifier.verify(signed(), "x.oimg", KEYS.getPublic(), 4));
        assertEquals(Reason.ROLLBACK, e.reason());
        assertTrue(e.getMessage().contains("security counter 3 is below the minimum 4"), e.getMessage());
    }

    @Test
    void manifestRejectsBadNamesAndNonCanonicalText() {
        assertThrows(IllegalArgumentException.class, () -> new ImageEntry("../etc/passwd", 1, "0".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> new ImageEntry("a b", 1, "0".repeat(64)));
        ImageManifest m = new ImageManifest("1", "s", 0, java.util.List.of(new ImageEntry("b", 1, "a".repeat(64)),
                new ImageEntry("a", 2, "b".repeat(64))));
        assertEquals(m, ImageManifest.parse(m.toBytes()));
        byte[] spaced = new String(m.toBytes(), StandardCharsets.UTF_8).replace("system s", "system  s")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> ImageManifest.parse(spaced));
    }
}
