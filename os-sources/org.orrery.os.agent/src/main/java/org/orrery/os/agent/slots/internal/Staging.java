// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Pattern;

import org.orrery.os.agent.Refusal;

/**
 * The one upload in progress, under {@code DIR/staging}: {@code upload.part} (the bytes so far) and
 * {@code upload.info} (the image's announced digest and size). Bytes append at exactly where the file ends, so a
 * client that lost its connection, or an agent that restarted, resumes from {@link #begin}'s answer. Chunks are
 * not fsynced one by one (that would halve the flash rate): after a real power cut the tail may be lost or
 * garbage, which the image's verification at install catches (its digest no longer matches), and the upload is
 * dropped.
 * <p>
 * Staging does not hash: an upload is named by the digest its image declares, and install's verification of the
 * image (digest, then signature over it) is the one pass that proves the bytes are that image.
 */
public final class Staging {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final long maxBytes;

    public Staging(Path dir, long maxBytes) throws IOException {
        this.dir = dir.resolve("staging");
        this.maxBytes = maxBytes;
        Files.createDirectories(this.dir);
        AtomicFiles.removeTemporaries(this.dir);
    }

    public Path partFile() {
        return dir.resolve("upload.part");
    }

    private Path infoFile() {
        return dir.resolve("upload.info");
    }

    /** Starts or resumes; any other staged upload is dropped (one upload at a time). */
    public long begin(String sha256, long size) throws Refusal, IOException {
        checkSha(sha256);
        if (size <= 0) {
            throw new Refusal("bad-request", "image size must be positive, was " + size);
        }
        if (size > maxBytes) {
            throw new Refusal("too-large", "image of " + size + " bytes exceeds the board's limit of " + maxBytes + " bytes");
        }
        Map<String, String> info = AtomicFiles.readProperties(infoFile());
        if (sha256.equals(info.get("sha256")) && Long.toString(size).equals(info.get("size")) && Files.exists(partFile())) {
            long have = Files.size(partFile());
            if (have <= size) {
                return have;
            }
        }
        discard();
        Files.write(partFile(), new byte[0]);
        AtomicFiles.writeProperties(infoFile(), Map.of("sha256", sha256, "size", Long.toString(size)));
        return 0;
    }

    public void write(String sha256, long offset, byte[] data) throws Refusal, IOException {
        long size = announcedSize(sha256);
        long have = Files.size(partFile());
        if (offset != have) {
            throw new Refusal("bad-offset", "chunk at offset " + offset + " but the staged upload ends at " + have);
        }
        if (offset + data.length > size) {
            throw new Refusal("too-large", "chunk ends at " + (offset + data.length) + ", past the announced size " + size);
        }
        try (FileChannel ch = FileChannel.open(partFile(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    /** The announced size of the upload of {@code sha256}; refused when there is none. */
    public long announcedSize(String sha256) throws Refusal, IOException {
        checkSha(sha256);
        Map<String, String> info = AtomicFiles.readProperties(infoFile());
        if (!sha256.equals(info.get("sha256")) || !Files.exists(partFile())) {
            throw new Refusal("no-upload", "no upload of image " + sha256.substring(0, 12) + "... is staged; begin one first");
        }
        return Long.parseLong(info.get("size"));
    }

    /**
     * Checks that the upload is complete (its length); the caller verifies the image in it.
     *
     * @return the staged file, ready to be verified and moved into a slot
     */
    public Path complete(String sha256) throws Refusal, IOException {
        long size = announcedSize(sha256);
        long have = Files.size(partFile());
        if (have < size) {
            throw new Refusal("truncated", "upload is incomplete: " + have + " of " + size + " bytes staged; resume it");
        }
        return partFile();
    }

    public void discard() throws IOException {
        Files.deleteIfExists(infoFile());
        Files.deleteIfExists(partFile());
        AtomicFiles.syncDirectory(dir);
    }

    private static void checkSha(String sha256) throws Refusal {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new Refusal("bad-request", "image digest must be 64 lower-case hex digits (SHA-256), was '" + sha256 + "'");
        }
    }
}
