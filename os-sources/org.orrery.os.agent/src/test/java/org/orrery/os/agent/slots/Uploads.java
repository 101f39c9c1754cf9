// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.orrery.os.agent.BoardControl;
import org.orrery.os.agent.Refusal;
import org.orrery.os.image.ImageFormat;

/** What a client does before {@code install}: announce, then send the bytes in chunks from where the board is. */
final class Uploads {

    private Uploads() {
    }

    /** The digest an image's trailer declares: the name a client announces it by (as {@code AgentClient} does). */
    static String digest(byte[] image) {
        return ImageFormat.digestField(image);
    }

    /** A file's SHA-256, to tell whether its bytes changed. */
    static String sha256(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads {@code bytes} announced as {@code sha}; returns the digest announced. */
    static String upload(BoardControl board, byte[] bytes, String sha, int chunk) throws Refusal {
        long at = board.beginUpload(sha, bytes.length);
        while (at < bytes.length) {
            int n = (int) Math.min(chunk, bytes.length - at);
            board.writeChunk(sha, at, Arrays.copyOfRange(bytes, (int) at, (int) at + n));
            at += n;
        }
        return sha;
    }

    static String upload(BoardControl board, Path image) throws Refusal, IOException {
        byte[] bytes = Files.readAllBytes(image);
        return upload(board, bytes, digest(bytes), 64 * 1024);
    }
}
