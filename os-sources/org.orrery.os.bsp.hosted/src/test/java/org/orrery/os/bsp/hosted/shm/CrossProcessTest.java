// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.os.config.OverflowPolicy;

/** Ports between this JVM and a second one ({@link ShmPeer}), as between the kernel or partitions on the board. */
class CrossProcessTest {
    private static final int MAX = 256;
    private TempBoard board;
    private Peer peer;

    @BeforeEach
    void setUp() throws Exception {
        board = new TempBoard();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (peer != null) {
                peer.close();
            }
        } finally {
            board.close();
        }
    }

    private Path sampling() throws ShmException {
        Path f = board.folder.sampling("nav");
        board.create(f, RegionSpec.sampling(MAX));
        return f;
    }

    private void queue(int depth) throws ShmException {
        board.create(board.folder.queue("cmd", 0), RegionSpec.queue(MAX, depth));
        board.create(board.folder.consumer("cmd", 0), RegionSpec.consumer(MAX, depth));
    }

    @Test
    void aDestinationProcessReadsWhatThisProcessWritesWithAComparableTimestamp() throws Exception {
        Path f = sampling();
        SamplingSlot w = SamplingSlot.writer(board.openReadWrite(f, RegionSpec.sampling(MAX)));
        peer = new Peer("sampling-read", board.board(), "nav", "" + MAX, "10000000000");
        peer.await("READY", 30);
        byte[] msg = ("position from " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
        w.write(msg, msg.length, System.nanoTime());
        assertEquals("READ 1 position from " + ProcessHandle.current().pid(), peer.await("READ", 30));
        // System.nanoTime is CLOCK_MONOTONIC on Linux, one clock for every process: the age is small and positive.
        String[] age = peer.await("AGE", 5).split(" ");
        long ageNs = Long.parseLong(age[1]);
        assertTrue(ageNs >= 0 && ageNs < 10_000_000_000L, "age " + ageNs);
        assertEquals("true", age[3]);
        assertEquals(0, peer.exit(10));
    }

    @Test
    void aDestinationProcessCannotWriteItsPort() throws Exception {
        Path f = sampling();
        SamplingSlot w = SamplingSlot.writer(board.openReadWrite(f, RegionSpec.sampling(MAX)));
        w.write(new byte[] {7, 7, 7}, 3, 1);
        byte before = board.openReadWriteUnchecked(f).get(ValueLayout.JAVA_BYTE, Layout.BODY);
        peer = new Peer("write-attempt", board.board(), "nav", "" + MAX);
        assertEquals("MAPS r--s", peer.await("MAPS", 30), "mapped shared and read-only in the other process");
        assertEquals("JAVA-REFUSED Attempt to write a read-only segment", peer.await("JAVA-", 10));
        int exit = peer.exit(30);
        assertFalse(peer.output().contains("RAW-WRITE-SUCCEEDED"), "" + peer.output());
        assertNotEquals(0, exit, "the write behind Java's back faults (SIGSEGV) and kills the peer");
        assertEquals(before, board.openReadWriteUnchecked(f).get(ValueLayout.JAVA_BYTE, Layout.BODY));
        byte[] buf = new byte[MAX];
        assertEquals(3, SamplingSlot.reader(board.openReadOnly(f, RegionSpec.sampling(MAX))).read(buf));
        assertEquals(7, buf[0]);
    }

    @Test
    void aDestinationProcessReceivesEveryQueuedMessageInOrder() throws Exception {
        queue(8);
        QueueRing src = QueueRing.source(board.openReadWrite(board.folder.queue("cmd", 0), RegionSpec.queue(MAX, 8)),
                board.openReadOnly(board.folder.consumer("cmd", 0), RegionSpec.consumer(MAX, 8)), OverflowPolicy.BLOCK);
        int count = 20_000;
        peer = new Peer("queue-receive", board.board(), "cmd", "" + MAX, "8", "" + count);
        peer.await("READY", 30);
        byte[] buf = new byte[MAX];
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (long n = 1; n <= count && System.nanoTime() < deadline; ) {
            // BLOCK: a full ring is the kernel's cue to wait; here it waits by spinning.
            if (src.send(buf, SelfCheckingMessage.fill(buf, n, MAX)) == SendOutcome.SENT) {
                n++;
            } else {
                Thread.onSpinWait();
            }
        }
        assertEquals("RECEIVED " + count + " LOST 0", peer.await("RECEIVED", 30));
        assertEquals(0, peer.exit(10));
    }

    @Test
    void thisProcessReceivesWhatASourceProcessQueues() throws Exception {
        queue(8);
        QueueRing dst = QueueRing.destination(board.openReadOnly(board.folder.queue("cmd", 0), RegionSpec.queue(MAX, 8)),
                board.openReadWrite(board.folder.consumer("cmd", 0), RegionSpec.consumer(MAX, 8)));
        int count = 2_000; // ordering and no loss; the throughput is the benchmark's, not this test's
        peer = new Peer("queue-send", board.board(), "cmd", "" + MAX, "8", "" + count, "BLOCK", "0");
        byte[] buf = new byte[MAX];
        long deadline = System.nanoTime() + 60_000_000_000L;
        long got = 0;
        while (got < count && System.nanoTime() < deadline) {
            int len = dst.receive(buf);
            if (len > 0) {
                assertEquals(got + 1, SelfCheckingMessage.check(buf, len, MAX));
                got++;
            }
        }
        assertEquals(count, got);
        assertEquals("SENT " + count, peer.await("SENT", 10));
        assertEquals(0, dst.lost());
        assertEquals(0, peer.exit(10));
    }

    @Test
    void aReaderNeverSeesATornSamplingMessageFromAWriterProcess() throws Exception {
        Path f = sampling();
        SamplingSlot r = SamplingSlot.reader(board.openReadOnly(f, RegionSpec.sampling(MAX)));
        peer = new Peer("sampling-write", board.board(), "nav", "" + MAX, "1000");
        peer.await("READY", 30);
        byte[] buf = new byte[MAX];
        long reads = 0;
        long distinct = 0;
        long busy = 0;
        long last = 0;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (peer.isAlive() && System.nanoTime() < deadline) {
            int len = r.read(buf);
            if (len == SamplingSlot.BUSY) {
                busy++;
            } else if (len > 0) {
                long n = SelfCheckingMessage.check(buf, len, MAX);
                assertEquals(r.number(), n, "message " + r.number() + " is torn");
                assertTrue(n >= last, "message " + n + " after " + last);
                distinct += n != last ? 1 : 0;
                last = n;
                reads++;
            }
        }
        long wrote = Long.parseLong(peer.await("WROTE", 10).split(" ")[1]);
        assertEquals(wrote, r.latest());
        // The reader saw the writer's progress, so reads and writes overlapped (on a loaded machine, not often).
        assertTrue(distinct >= 10, "reads " + reads + ", distinct " + distinct + ", busy " + busy + " of " + wrote);
        System.out.println("sampling stress: " + wrote + " written, " + reads + " reads, " + distinct
                + " distinct, " + busy + " busy");
        assertEquals(0, peer.exit(10));
    }

    @Test
    void dropOldestAcrossProcessesNeverTearsAndAccountsForEveryMessage() throws Exception {
        queue(16);
        QueueRing dst = QueueRing.destination(board.openReadOnly(board.folder.queue("cmd", 0), RegionSpec.queue(MAX, 16)),
                board.openReadWrite(board.folder.consumer("cmd", 0), RegionSpec.consumer(MAX, 16)));
        peer = new Peer("queue-send", board.board(), "cmd", "" + MAX, "16", "0", "DROP_OLDEST", "1000");
        peer.await("READY", 30);
        byte[] buf = new byte[MAX];
        long received = 0;
        long last = 0;
        long deadline = System.nanoTime() + 20_000_000_000L;
        boolean drained = false;
        while (!drained && System.nanoTime() < deadline) {
            boolean finished = !peer.isAlive();
            int len = dst.receive(buf);
            if (len > 0) {
                long n = SelfCheckingMessage.check(buf, len, MAX);
                assertTrue(n > last, "message " + n + " (-1: torn) after " + last);
                last = n;
                received++;
            }
            drained = finished && len == QueueRing.EMPTY;
        }
        long sent = Long.parseLong(peer.await("SENT", 10).split(" ")[1]);
        assertEquals(sent, received + dst.lost(), "received " + received + " + lost " + dst.lost());
        assertEquals(sent, last, "the last message is never dropped");
        // Both paths ran: messages were taken while the writer kept lapping the reader.
        assertTrue(received > 100 && dst.lost() > 0, "received " + received + ", lost " + dst.lost());
        System.out.println("drop-oldest stress: " + sent + " sent, " + received + " received, " + dst.lost() + " lost");
        assertEquals(0, peer.exit(10));
    }
}
