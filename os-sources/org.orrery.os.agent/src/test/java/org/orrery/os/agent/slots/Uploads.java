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

/** What a client does before {@code install}: announce, then send the bytes in chunks from where the board is. */
final class Uploads {

    private Uploads() {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads {@code bytes} announced as {@code sha}; returns the hash announced. */
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
        return upload(board, bytes, sha256(bytes), 64 * 1024);
    }
}
