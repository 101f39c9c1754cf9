// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import org.orrery.os.agent.Refusal;

/**
 * The one upload in progress, under {@code DIR/staging}: {@code upload.part} (the bytes so far) and
 * {@code upload.info} (announced hash and size). Bytes append at exactly where the file ends, so a client that
 * lost its connection, or an agent that restarted, resumes from {@link #begin}'s answer. Chunks are not
 * fsynced one by one (that would halve the flash rate): after a real power cut the tail may be lost or
 * garbage, which the hash check at install catches, and the client starts over.
 * <p>
 * The hash is computed as the bytes arrive, so install does not read the upload back to hash it: the running
 * digest covers exactly what this process appended. When it does not (an agent restarted with a partial upload
 * staged, or a write failed half way) the file is hashed again from its start, once.
 */
public final class Staging {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final long maxBytes;
    /** The hash of {@code upload.part}'s first {@link #hashedTo} bytes, for the upload of {@link #hashedSha}; or null. */
    private MessageDigest running;
    private String hashedSha;
    private long hashedTo;

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
                if (!sha256.equals(hashedSha) || hashedTo != have) {
                    catchUp(sha256);
                }
                return have;
            }
        }
        discard();
        Files.write(partFile(), new byte[0]);
        AtomicFiles.writeProperties(infoFile(), Map.of("sha256", sha256, "size", Long.toString(size)));
        running = newDigest();
        hashedSha = sha256;
        hashedTo = 0;
        return 0;
    }

    /** Hashes what an earlier process staged, so the resumed upload's hash goes on from there. */
    private void catchUp(String sha256) throws IOException {
        running = null;
        MessageDigest d = newDigest();
        long n = 0;
        try (InputStream in = Files.newInputStream(partFile())) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; n += r) {
                d.update(buf, 0, r);
            }
        }
        running = d;
        hashedSha = sha256;
        hashedTo = n;
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
        boolean hashing = running != null && sha256.equals(hashedSha) && hashedTo == offset;
        running = hashing ? running : null; // until the next begin, install hashes the file instead
        try (FileChannel ch = FileChannel.open(partFile(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            running = null; // some of the bytes may be in the file: the digest no longer says what it holds
            throw e;
        }
        if (hashing) {
            running.update(data);
            hashedTo += data.length;
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
     * Checks the complete upload: its length, then its hash against the announced one.
     *
     * @return the staged file, ready to be moved into a slot
     */
    public Path complete(String sha256) throws Refusal, IOException {
        long size = announcedSize(sha256);
        long have = Files.size(partFile());
        if (have < size) {
            throw new Refusal("truncated", "upload is incomplete: " + have + " of " + size + " bytes staged; resume it");
        }
        String actual = running != null && sha256.equals(hashedSha) && hashedTo == have
                ? HexFormat.of().formatHex(running.digest())
                : sha256(partFile());
        running = null;
        if (!actual.equals(sha256)) {
            discard();
            throw new Refusal("tampered", "uploaded bytes hash to " + actual.substring(0, 12) + "..., not to the announced "
                    + sha256.substring(0, 12) + "...; upload dropped, send it again");
        }
        return partFile();
    }

    public void discard() throws IOException {
        running = null;
        Files.deleteIfExists(infoFile());
        Files.deleteIfExists(partFile());
        AtomicFiles.syncDirectory(dir);
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = newDigest();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static void checkSha(String sha256) throws Refusal {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new Refusal("bad-request", "image hash must be 64 lower-case hex digits (SHA-256), was '" + sha256 + "'");
        }
    }
}
