// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.Refusal;

/** Staging keeps bytes and resumes; whether they are the announced image is install's check (RefusalTest). */
class StagingTest {

    @TempDir
    Path dir;

    private final byte[] bytes = new byte[100_000];
    private final String sha;

    StagingTest() throws Exception {
        new Random(42).nextBytes(bytes);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anUploadResumesWhereItEndedAfterARestart() throws Exception {
        Staging s = new Staging(dir, 1 << 20);
        assertEquals(0, s.begin(sha, bytes.length));
        s.write(sha, 0, Arrays.copyOf(bytes, 30_000));

        Staging restarted = new Staging(dir, 1 << 20);
        long at = restarted.begin(sha, bytes.length);
        assertEquals(30_000, at);
        restarted.write(sha, at, Arrays.copyOfRange(bytes, 30_000, bytes.length));
        assertArrayEquals(bytes, Files.readAllBytes(restarted.complete(sha)));
    }

    @Test
    void chunksMustContinueExactlyWhereTheUploadEnds() throws Exception {
        Staging s = new Staging(dir, 1 << 20);
        s.begin(sha, bytes.length);
        s.write(sha, 0, new byte[10]);
        assertEquals("bad-offset", assertThrows(Refusal.class, () -> s.write(sha, 5, new byte[10])).code());
        assertEquals("bad-offset", assertThrows(Refusal.class, () -> s.write(sha, 20, new byte[10])).code());
        assertEquals(10, s.begin(sha, bytes.length));
    }

    @Test
    void anotherUploadReplacesTheStagedOneAndLimitsHold() throws Exception {
        Staging s = new Staging(dir, 1 << 20);
        s.begin(sha, bytes.length);
        s.write(sha, 0, new byte[10]);
        String other = "00".repeat(32);
        assertEquals(0, s.begin(other, 50));
        assertEquals("no-upload", assertThrows(Refusal.class, () -> s.write(sha, 10, new byte[1])).code());
        assertEquals("too-large", assertThrows(Refusal.class, () -> s.begin(sha, (1 << 20) + 1)).code());
        assertEquals("bad-request", assertThrows(Refusal.class, () -> s.begin(sha, 0)).code());
    }

    @Test
    void aSessionResumedInTheSameProcessCompletes() throws Exception {
        Staging s = new Staging(dir, 1 << 20);
        s.begin(sha, bytes.length);
        s.write(sha, 0, Arrays.copyOf(bytes, 40_000));
        assertEquals(40_000, s.begin(sha, bytes.length)); // a new session of the same client
        s.write(sha, 40_000, Arrays.copyOfRange(bytes, 40_000, bytes.length));
        assertArrayEquals(bytes, Files.readAllBytes(s.complete(sha)));
    }
}
