// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.Verdict;

/**
 * Every refusal on a board running a confirmed image (security counter 2): the stable code, one clear line,
 * and the running image, the slots and their files exactly as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalTest {

    TestImages images;
    Path dir;
    SlotBoard board;
    BoardStatus before;
    Map<String, String> filesBefore;

    @BeforeAll
    void bootConfirmed(@TempDir Path tmp) throws Exception {
        images = new TestImages(Files.createDirectories(tmp.resolve("images")));
        dir = tmp.resolve("board");
        images.trust(dir);
        board = SlotBoard.open(dir, SlotBoardTest.options().withMaxImageBytes(4L << 20));
        String sha = Uploads.upload(board, images.good("demo", 2));
        board.install(sha, false, "test");
        Verdict v = board.awaitVerdict(sha, Duration.ofSeconds(40));
        assertEquals(Verdict.Outcome.CONFIRMED, v.outcome(), v.reason());
    }

    @AfterAll
    void shutDown() {
        board.close();
    }

    @BeforeEach
    void remember() throws Exception {
        before = board.status();
        filesBefore = slotFiles();
    }

    @AfterEach
    void nothingChanged() throws Exception {
        assertEquals(before, board.status(), "a refusal leaves the slots and the running image alone");
        assertEquals(filesBefore, slotFiles());
        assertNotNull(board.status().running());
    }

    private Map<String, String> slotFiles() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.walk(dir.resolve("slots"))) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(dir.relativize(p).toString(), Uploads.sha256(p));
            }
        }
        return out;
    }

    private static void refused(String code, String mentions, Executable request) {
        Refusal r = assertThrows(Refusal.class, request);
        assertEquals(code, r.code(), r.getMessage());
        assertFalse(r.getMessage().isBlank());
        assertFalse(r.getMessage().contains("\n"), "one line: " + r.getMessage());
        assertTrue(r.getMessage().contains(mentions), r.getMessage());
    }

    private void refusedInstall(String code, String mentions, byte[] bytes, String announced) throws Exception {
        Uploads.upload(board, bytes, announced, 32 * 1024);
        refused(code, mentions, () -> board.install(announced, false, "test"));
    }

    @Test
    void unsigned() throws Exception {
        byte[] b = Files.readAllBytes(images.unsigned("demo", 3));
        refusedInstall("unsigned", "not signed", b, Uploads.digest(b));
    }

    @Test
    void wrongKey() throws Exception {
        byte[] b = Files.readAllBytes(images.signedBy(images.stranger, "demo", 3));
        refusedInstall("wrong-key", "not by the trusted key", b, Uploads.digest(b));
    }

    @Test
    void tamperedImage() throws Exception {
        byte[] b = Files.readAllBytes(images.good("demo", 3));
        b[b.length / 2] ^= 0x40;
        refusedInstall("tampered", "modified after it was built", b, Uploads.digest(b));
    }

    @Test
    void tamperedInTransit() throws Exception {
        byte[] b = Files.readAllBytes(images.good("demo", 3));
        String announced = Uploads.digest(b);
        b[100] ^= 1;
        refusedInstall("tampered", "modified after it was built", b, announced);
        assertEquals(0, board.beginUpload(announced, b.length), "the refused upload is dropped: a retry sends it all");
    }

    @Test
    void anotherSignedImageThanTheOneAnnounced() throws Exception {
        String announced = Uploads.digest(Files.readAllBytes(images.good("demo", 3)));
        byte[] other = Files.readAllBytes(images.good("other", 3));
        refusedInstall("tampered", "was announced, but the bytes are the signed image " + Uploads.digest(other).substring(0, 12),
                other, announced);
        assertEquals(0, board.beginUpload(announced, other.length), "the refused upload is dropped");
    }

    @Test
    void stagedBytesDamagedOnDiskAreCaughtAtInstall() throws Exception {
        // Chunks are not fsynced one by one: after a power cut the staged tail may be garbage, and the upload
        // resumes after it. The image's verification at install is what catches it.
        byte[] b = Files.readAllBytes(images.good("demo", 3));
        String sha = Uploads.digest(b);
        board.beginUpload(sha, b.length);
        board.writeChunk(sha, 0, Arrays.copyOf(b, 60_000));
        Path part = dir.resolve("staging/upload.part");
        byte[] onDisk = Files.readAllBytes(part);
        onDisk[59_999] ^= 1;
        Files.write(part, onDisk);
        assertEquals(60_000, board.beginUpload(sha, b.length));
        board.writeChunk(sha, 60_000, Arrays.copyOfRange(b, 60_000, b.length));
        refused("tampered", "modified after it was built", () -> board.install(sha, false, "test"));
    }

    @Test
    void truncatedImage() throws Exception {
        byte[] whole = Files.readAllBytes(images.good("demo", 3));
        refusedInstall("truncated", "truncated", Arrays.copyOf(whole, 5000), Uploads.digest(whole));
    }

    @Test
    void incompleteUpload() throws Exception {
        byte[] b = Files.readAllBytes(images.good("demo", 3));
        String sha = Uploads.digest(b);
        board.beginUpload(sha, b.length);
        board.writeChunk(sha, 0, Arrays.copyOf(b, b.length / 2));
        refused("truncated", "incomplete", () -> board.install(sha, false, "test"));
        assertEquals(b.length / 2, board.beginUpload(sha, b.length), "the upload resumes where it ended");
    }

    @Test
    void downgrade() throws Exception {
        byte[] b = Files.readAllBytes(images.good("demo", 1));
        refusedInstall("downgrade", "below the board's 2", b, Uploads.digest(b));
    }

    @Test
    void tooLargeBadOffsetAndNoUpload() throws Exception {
        String sha = "ab".repeat(32);
        refused("too-large", "limit", () -> board.beginUpload(sha, 5L << 20));
        board.beginUpload(sha, 1000);
        refused("bad-offset", "ends at 0", () -> board.writeChunk(sha, 10, new byte[10]));
        refused("too-large", "announced size", () -> board.writeChunk(sha, 0, new byte[1001]));
        refused("no-upload", "no upload", () -> board.install("cd".repeat(32), false, "test"));
        refused("bad-request", "64 lower-case hex", () -> board.beginUpload("XYZ", 10));
    }
}
