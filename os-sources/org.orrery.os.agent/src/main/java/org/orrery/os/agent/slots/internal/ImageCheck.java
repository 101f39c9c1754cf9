// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.orrery.os.agent.ImageId;
import org.orrery.os.agent.Refusal;
import org.orrery.os.image.Image;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageFormat;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.LoadedImage;
import org.orrery.os.image.SigningKeys;

/**
 * Verifies an image file against the board's trusted signers ({@code DIR/trust/signers/*.pub}) and the digest it
 * was announced by, and turns the image library's reasons into the protocol's refusal codes. The security counter
 * is checked by the caller (it needs the override and who asked).
 */
public final class ImageCheck {

    private final Path signersDir;

    /** A verified image: who it is and the key that vouched for it (the boot child verifies with it again). */
    public record Verified(ImageId id, Path signerKey, java.util.Map<String, byte[]> kernelModules) {
    }

    public ImageCheck(Path dir) {
        this.signersDir = dir.resolve("trust").resolve("signers");
    }

    public Verified verify(Path file, String sha256) throws Refusal {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refusal("io", file + ": cannot read the image (" + e.getMessage() + ")");
        }
        String name = "image " + sha256.substring(0, 12) + "...";
        try {
            // The trailer names the signing key; verification checks the structure first whatever the key, and
            // words an unsigned image or another signer against the first trusted key: one pass over the bytes.
            int fingerprintAt = bytes.length - ImageFormat.TRAILER_BYTES + 8;
            String signer = fingerprintAt >= 0
                    ? HexFormat.of().formatHex(bytes, fingerprintAt, fingerprintAt + ImageFormat.FINGERPRINT_BYTES) : "";
            List<Path> keys = signers();
            if (keys.isEmpty()) {
                throw new Refusal("wrong-key", "the board trusts no signer: put the signing public key in " + signersDir);
            }
            Path keyFile = null;
            PublicKey key = null;
            for (Path k : keys) {
                PublicKey candidate = SigningKeys.readPublic(k);
                if (SigningKeys.fingerprintHex(candidate).equals(signer)) {
                    keyFile = k;
                    key = candidate;
                }
            }
            if (key == null) {
                key = SigningKeys.readPublic(keys.get(0));
                keyFile = keys.get(0);
            }
            Image verified = ImageVerifier.verify(bytes, name, key, 0);
            // The digest is vouched for now; it must be the one the upload (or the slot) was announced as.
            String digest = ImageFormat.digestField(bytes);
            if (!digest.equals(sha256)) {
                throw new Refusal("tampered", name + " was announced, but the bytes are the signed image "
                        + digest.substring(0, 12) + "...");
            }
            LoadedImage.of(verified, name);
            var m = verified.manifest();
            java.util.Map<String, byte[]> kernel = new java.util.TreeMap<>();
            for (String bundle : verified.kernelModules()) {
                kernel.put(bundle, verified.kernelModule(bundle));
            }
            return new Verified(new ImageId(m.systemName(), m.orreryVersion(), sha256, m.securityCounter()), keyFile, kernel);
        } catch (ImageException e) {
            throw new Refusal(Refusal.code(e.reason()), e.getMessage());
        } catch (IOException e) {
            throw new Refusal("io", "cannot read the board's trusted signers: " + e.getMessage());
        }
    }

    private List<Path> signers() throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(signersDir)) {
            try (var files = Files.list(signersDir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".pub")).sorted().forEach(out::add);
            }
        }
        return out;
    }
}
