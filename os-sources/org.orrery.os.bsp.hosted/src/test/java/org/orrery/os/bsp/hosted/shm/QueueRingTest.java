// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.os.config.OverflowPolicy;

class QueueRingTest {
    private static final int MAX = 16;
    private static final int DEPTH = 4;
    private TempBoard board;
    private Path ringFile;
    private Path consumerFile;

    @BeforeEach
    void setUp() throws Exception {
        board = new TempBoard();
        ringFile = board.folder.queue("cmd", 0);
        consumerFile = board.folder.consumer("cmd", 0);
        board.create(ringFile, RegionSpec.queue(MAX, DEPTH));
        board.create(consumerFile, RegionSpec.consumer(MAX, DEPTH));
    }

    @AfterEach
    void tearDown() throws Exception {
        board.close();
    }

    private QueueRing source(OverflowPolicy policy) throws ShmException {
        return QueueRing.source(board.openReadWrite(ringFile, RegionSpec.queue(MAX, DEPTH)),
                board.openReadOnly(consumerFile, RegionSpec.consumer(MAX, DEPTH)), policy);
    }

    private QueueRing destination() throws ShmException {
        return QueueRing.destination(board.openReadOnly(ringFile, RegionSpec.queue(MAX, DEPTH)),
                board.openReadWrite(consumerFile, RegionSpec.consumer(MAX, DEPTH)));
    }

    @Test
    void messagesComeOutInOrderUpToTheDepth() throws Exception {
        QueueRing src = source(OverflowPolicy.BLOCK);
        QueueRing dst = destination();
        byte[] buf = new byte[MAX];
        assertTrue(dst.empty());
        assertEquals(QueueRing.EMPTY, dst.receive(buf));
        for (int i = 1; i <= DEPTH; i++) {
            assertFalse(src.full());
            assertEquals(SendOutcome.SENT, src.send(message(i), i));
        }
        assertTrue(src.full());
        assertTrue(dst.full());
        assertEquals(DEPTH, dst.pending());
        for (int i = 1; i <= DEPTH; i++) {
            assertEquals(i, dst.receive(buf));
            assertMessage(i, buf, i);
            assertFalse(dst.overflowed());
        }
        assertTrue(dst.empty());
        assertEquals(QueueRing.EMPTY, dst.receive(buf));
        // Wrap around the ring a few times.
        for (int i = 1; i <= 3 * DEPTH; i++) {
            assertEquals(SendOutcome.SENT, src.send(message(i), 1 + i % MAX));
            assertEquals(1 + i % MAX, dst.receive(buf));
            assertMessage(i, buf, 1 + i % MAX);
        }
        assertEquals(0, dst.lost());
    }

    @Test
    void blockLeavesAFullRingAloneAndLosesNothing() throws Exception {
        QueueRing src = source(OverflowPolicy.BLOCK);
        QueueRing dst = destination();
        fill(src);
        assertEquals(SendOutcome.FULL, src.send(message(99), 1));
        byte[] buf = new byte[MAX];
        dst.receive(buf);
        assertFalse(dst.overflowed(), "a sender that must wait is no loss for the receiver");
        assertFalse(src.full(), "room again: the kernel wakes the waiting sender");
        assertEquals(SendOutcome.SENT, src.send(message(99), 1));
        assertEquals(0, dst.lost());
    }

    @Test
    void dropNewestRefusesTheNewMessageAndTheReceiverIsTold() throws Exception {
        QueueRing src = source(OverflowPolicy.DROP_NEWEST);
        QueueRing dst = destination();
        fill(src);
        assertEquals(SendOutcome.FULL, src.send(message(5), 5));
        assertEquals(SendOutcome.FULL, src.send(message(6), 6));
        byte[] buf = new byte[MAX];
        assertEquals(1, dst.receive(buf));
        assertMessage(1, buf, 1);
        assertTrue(dst.overflowed(), "messages were lost since the previous receive");
        assertEquals(2, dst.lost());
        assertEquals(2, dst.receive(buf));
        assertFalse(dst.overflowed(), "reported once");
        assertEquals(SendOutcome.SENT, src.send(message(7), 7));
        dst.receive(buf);
        dst.receive(buf);
        assertEquals(7, dst.receive(buf));
        assertMessage(7, buf, 7);
        assertEquals(2, dst.lost());
    }

    @Test
    void dropOldestKeepsTheNewestMessagesAndTheReceiverCountsWhatWasOverwritten() throws Exception {
        QueueRing src = source(OverflowPolicy.DROP_OLDEST);
        QueueRing dst = destination();
        fill(src);
        assertEquals(SendOutcome.SENT_DROPPED_OLDEST, src.send(message(5), 5));
        assertEquals(SendOutcome.SENT_DROPPED_OLDEST, src.send(message(6), 6));
        assertEquals(DEPTH, dst.pending());
        byte[] buf = new byte[MAX];
        for (int i = 3; i <= 6; i++) {
            assertEquals(i, dst.receive(buf));
            assertMessage(i, buf, i);
            assertEquals(i == 3, dst.overflowed());
        }
        assertEquals(QueueRing.EMPTY, dst.receive(buf));
        assertEquals(2, dst.lost());
        assertEquals(6, src.sent());
    }

    @Test
    void dropOldestSurvivesBeingLappedManyTimes() throws Exception {
        QueueRing src = source(OverflowPolicy.DROP_OLDEST);
        QueueRing dst = destination();
        for (int i = 1; i <= 1000; i++) {
            src.send(message(i), 1 + i % MAX);
        }
        byte[] buf = new byte[MAX];
        for (int i = 997; i <= 1000; i++) {
            assertEquals(1 + i % MAX, dst.receive(buf));
            assertMessage(i, buf, 1 + i % MAX);
        }
        assertEquals(996, dst.lost());
    }

    @Test
    void dropOldestWithAConcurrentReaderNeverTearsOrReorders() throws Exception {
        QueueRing src = source(OverflowPolicy.DROP_OLDEST);
        QueueRing dst = destination();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> problem = new AtomicReference<>();
        long[] received = new long[1];
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[MAX];
            long last = 0;
            while (problem.get() == null) {
                boolean finished = done.get();
                int len = dst.receive(buf);
                if (len == QueueRing.EMPTY && finished) {
                    break;
                }
                if (len > 0) {
                    long n = SelfCheckingMessage.check(buf, len, MAX);
                    if (n <= last || n < 0) {
                        problem.set("message " + n + " after " + last);
                    }
                    last = n;
                    received[0]++;
                }
            }
        });
        reader.start();
        byte[] msg = new byte[MAX];
        long deadline = System.nanoTime() + 300_000_000L;
        long sent = 0;
        while (System.nanoTime() < deadline) {
            sent++;
            src.send(msg, SelfCheckingMessage.fill(msg, sent, MAX));
        }
        done.set(true);
        reader.join(10_000);
        assertEquals(null, problem.get());
        assertEquals(sent, received[0] + dst.lost(), "every message is received or counted lost");
        assertTrue(received[0] > 0);
    }

    @Test
    void theConsumerStateSurvivesADestinationRestart() throws Exception {
        QueueRing src = source(OverflowPolicy.DROP_NEWEST);
        QueueRing dst = destination();
        fill(src);
        src.send(message(9), 9); // dropped
        byte[] buf = new byte[MAX];
        dst.receive(buf);
        QueueRing restarted = destination();
        assertEquals(2, restarted.receive(buf), "continues after the last message the first instance took");
        assertEquals(1, restarted.lost());
        assertFalse(restarted.overflowed());
    }

    @Test
    void emptyOversizeAndShortBuffersAreRefusedWithOneLine() throws Exception {
        QueueRing src = source(OverflowPolicy.BLOCK);
        QueueRing dst = destination();
        assertEquals(ringFile + ": message length 0 outside 1..16",
                assertThrows(IllegalArgumentException.class, () -> src.send(new byte[MAX], 0)).getMessage());
        assertEquals(ringFile + ": message length 17 outside 1..16 (maxMessageSize 16)",
                assertThrows(IllegalArgumentException.class, () -> src.send(new byte[40], 17)).getMessage());
        assertEquals(ringFile + ": receive buffer of 8 bytes is smaller than maxMessageSize 16",
                assertThrows(IllegalArgumentException.class, () -> dst.receive(new byte[8])).getMessage());
        assertTrue(dst.empty(), "refused sends queue nothing");
        assertEquals(ringFile + ": the destination side cannot send",
                assertThrows(IllegalStateException.class, () -> dst.send(new byte[1], 1)).getMessage());
        assertEquals(ringFile + ": the source side cannot receive",
                assertThrows(IllegalStateException.class, () -> src.receive(new byte[MAX])).getMessage());
    }

    @Test
    void eachSideMustHoldWritableWhatItWrites() throws Exception {
        PortRegion ringRo = board.openReadOnly(ringFile, RegionSpec.queue(MAX, DEPTH));
        PortRegion consumerRo = board.openReadOnly(consumerFile, RegionSpec.consumer(MAX, DEPTH));
        assertEquals(ringFile + ": mapped read-only, but the source writes it", assertThrows(
                IllegalArgumentException.class, () -> QueueRing.source(ringRo, consumerRo, OverflowPolicy.BLOCK))
                .getMessage());
        assertEquals(consumerFile + ": mapped read-only, but the destination writes it", assertThrows(
                IllegalArgumentException.class, () -> QueueRing.destination(ringRo, consumerRo)).getMessage());
        Path other = board.folder.consumer("cmd", 1);
        PortRegion otherConsumer = board.create(other, RegionSpec.consumer(MAX, DEPTH + 1));
        assertEquals(other + ": sized for another ring than " + ringFile, assertThrows(IllegalArgumentException.class,
                () -> QueueRing.destination(ringRo, otherConsumer)).getMessage());
    }

    @Test
    void sendsAndReceivesAllocateNothing() throws Exception {
        QueueRing src = source(OverflowPolicy.DROP_OLDEST);
        QueueRing dst = destination();
        byte[] msg = new byte[MAX];
        byte[] buf = new byte[MAX];
        assertEquals(0, Allocation.steadyState(() -> {
            for (int i = 0; i < 10_000; i++) {
                src.send(msg, 1 + i % MAX);
                src.send(msg, 1 + i % MAX);
                dst.receive(buf);
                dst.overflowed();
            }
        }));
    }

    private static void fill(QueueRing src) {
        for (int i = 1; i <= DEPTH; i++) {
            assertEquals(SendOutcome.SENT, src.send(message(i), i));
        }
    }

    /** Message i: every byte equal to i. */
    private static byte[] message(int i) {
        byte[] m = new byte[MAX];
        java.util.Arrays.fill(m, (byte) i);
        return m;
    }

    private static void assertMessage(int i, byte[] buf, int len) {
        for (int k = 0; k < len; k++) {
            assertEquals((byte) i, buf[k], "byte " + k + " of message " + i);
        }
    }
}
