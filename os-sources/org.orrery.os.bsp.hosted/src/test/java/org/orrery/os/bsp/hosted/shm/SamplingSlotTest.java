// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SamplingSlotTest {
    private static final int MAX = 32;
    private TempBoard board;
    private Path file;
    private SamplingSlot writer;
    private SamplingSlot reader;

    @BeforeEach
    void setUp() throws Exception {
        board = new TempBoard();
        file = board.folder.sampling("attitude");
        board.create(file, RegionSpec.sampling(MAX));
        writer = SamplingSlot.writer(board.openReadWrite(file, RegionSpec.sampling(MAX)));
        reader = SamplingSlot.reader(board.openReadOnly(file, RegionSpec.sampling(MAX)));
    }

    @AfterEach
    void tearDown() throws Exception {
        board.close();
    }

    @Test
    void aSlotNeverWrittenReadsAsNeverWritten() {
        assertEquals(SamplingSlot.NEVER_WRITTEN, reader.read(new byte[MAX]));
        assertEquals(0, reader.latest());
        assertFalse(reader.valid(0, 0), "nothing read, nothing valid");
    }

    @Test
    void aReaderGetsTheLatestMessageWithItsTimestamp() {
        byte[] dst = new byte[MAX];
        writer.write(bytes("first"), 5, 1_000);
        writer.write(bytes("second!"), 7, 2_000);
        assertEquals(2, reader.latest());
        assertEquals(7, reader.read(dst));
        assertEquals("second!", new String(dst, 0, 7, StandardCharsets.US_ASCII));
        assertEquals(2_000, reader.timestampNs());
        assertEquals(2, reader.number());
        // Reading again returns the same message: sampling ports do not consume.
        Arrays.fill(dst, (byte) 0);
        assertEquals(7, reader.read(dst));
        assertEquals(2, reader.number());
        writer.write(bytes("3"), 1, 3_000);
        assertEquals(1, reader.read(dst));
        assertEquals('3', dst[0]);
        assertEquals(3, reader.number());
    }

    @Test
    void everyReaderSeesTheSameMessage() throws Exception {
        SamplingSlot other = SamplingSlot.reader(board.openReadOnly(file, RegionSpec.sampling(MAX)));
        writer.write(bytes("abc"), 3, 10);
        byte[] a = new byte[MAX];
        byte[] b = new byte[MAX];
        assertEquals(3, reader.read(a));
        assertEquals(3, other.read(b));
        assertArrayEquals(a, b);
    }

    @Test
    void validityIsAgeAtMostTheRefreshPeriod() {
        writer.write(bytes("x"), 1, 1_000_000);
        reader.read(new byte[MAX]);
        assertTrue(reader.valid(1_500_000, 500_000), "age == refresh period is still valid");
        assertFalse(reader.valid(1_500_001, 500_000));
        assertTrue(reader.valid(Long.MAX_VALUE, 0), "refresh period 0 means always valid");
        assertTrue(SamplingSlot.isValid(10, 10, 1));
        assertFalse(SamplingSlot.isValid(12, 10, 1));
    }

    @Test
    void messagesOfExactlyTheMaximumSizeRoundTrip() {
        byte[] src = new byte[MAX];
        for (int i = 0; i < MAX; i++) {
            src[i] = (byte) (i * 7 + 1);
        }
        writer.write(src, MAX, 5);
        byte[] dst = new byte[MAX + 10];
        assertEquals(MAX, reader.read(dst));
        assertArrayEquals(src, Arrays.copyOf(dst, MAX));
    }

    @Test
    void emptyOversizeAndInconsistentMessagesAreRefusedWithOneLine() {
        assertEquals(file + ": message length 0 outside 1..32",
                assertThrows(IllegalArgumentException.class, () -> writer.write(new byte[MAX], 0, 0)).getMessage());
        assertEquals(file + ": message length 33 outside 1..32 (maxMessageSize 32)",
                assertThrows(IllegalArgumentException.class, () -> writer.write(new byte[64], 33, 0)).getMessage());
        assertEquals(file + ": message length 5 outside 1..4",
                assertThrows(IllegalArgumentException.class, () -> writer.write(new byte[4], 5, 0)).getMessage());
        assertEquals(file + ": null message",
                assertThrows(IllegalArgumentException.class, () -> writer.write(null, 1, 0)).getMessage());
        assertEquals(file + ": receive buffer of 31 bytes is smaller than maxMessageSize 32",
                assertThrows(IllegalArgumentException.class, () -> reader.read(new byte[31])).getMessage());
        assertEquals(0, reader.latest(), "refused writes publish nothing");
    }

    @Test
    void aWriterFrozenInTheMiddleOfAWriteLeavesReadersThePreviousMessage() {
        writer.write(bytes("old"), 3, 100);
        // What a writer stopped at a window edge halfway through message 2 leaves behind: its buffer's sequence
        // is odd and its bytes half new; the count still says 1.
        var seg = board.openReadWriteUnchecked(file);
        long buffer2 = Layout.BODY; // message n goes to buffer n & 1
        seg.set(ValueLayout.JAVA_LONG, buffer2 + Layout.SB_SEQ, 3);
        seg.set(ValueLayout.JAVA_BYTE, buffer2 + Layout.SAMPLING_DATA, (byte) 'N');
        byte[] dst = new byte[MAX];
        assertEquals(3, reader.read(dst));
        assertEquals("old", new String(dst, 0, 3, StandardCharsets.US_ASCII));
        assertEquals(100, reader.timestampNs());
    }

    @Test
    void aReaderThatKeepsSeeingTheBufferChangeGivesUpWithBusy() {
        writer.write(bytes("one"), 3, 1);
        // Count says 1 but buffer 1 carries message 3's sequence: the writer lapped the reader; if that is what
        // the reader sees on every attempt it reports BUSY instead of spinning forever.
        var seg = board.openReadWriteUnchecked(file);
        long buffer1 = Layout.BODY + Layout.align(Layout.SAMPLING_DATA + MAX);
        seg.set(ValueLayout.JAVA_LONG, buffer1 + Layout.SB_SEQ, 5);
        assertEquals(SamplingSlot.BUSY, reader.read(new byte[MAX]));
    }

    @Test
    void writesAndReadsAllocateNothing() {
        byte[] src = new byte[MAX];
        byte[] dst = new byte[MAX];
        assertEquals(0, Allocation.steadyState(() -> {
            for (int i = 0; i < 10_000; i++) {
                writer.write(src, 1 + i % MAX, i);
                reader.read(dst);
                reader.valid(i, 5);
            }
        }));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
