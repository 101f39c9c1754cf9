// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.orrery.os.config.OverflowPolicy;

/**
 * The other process in the cross-process tests: a JVM of its own, started on the class path, that opens regions
 * of a board folder the test created, as a partition would, and reports on stdout, one line per fact.
 * Arguments: mode, board, channel, then mode-specific values.
 */
public final class ShmPeer {
    private static final long TIMEOUT_NS = 20_000_000_000L;
    /**
     * Stress writers run for the given time and at least this many messages (at most 10 s): on a loaded
     * machine a writer can get little of its second.
     */
    private static final long MIN_STRESS_MESSAGES = 50_000;
    private static final long MAX_STRESS_NS = 10_000_000_000L;

    private ShmPeer() {
    }

    public static void main(String[] args) throws Exception {
        ShmFolder folder = ShmFolder.open(ShmFolder.DEV_SHM, args[1]);
        String channel = args[2];
        int max = Integer.parseInt(args[3]);
        switch (args[0]) {
            case "sampling-read" -> samplingRead(folder.sampling(channel), max, Long.parseLong(args[4]));
            case "write-attempt" -> writeAttempt(folder.sampling(channel), max);
            case "sampling-write" -> samplingWrite(folder.sampling(channel), max, Long.parseLong(args[4]));
            case "queue-receive" -> queueReceive(folder, channel, max, Integer.parseInt(args[4]), Long.parseLong(args[5]));
            case "queue-send" -> queueSend(folder, channel, max, Integer.parseInt(args[4]), Long.parseLong(args[5]),
                    OverflowPolicy.valueOf(args[6]), Long.parseLong(args[7]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.out.flush();
    }

    /** Waits for the first message and prints its text, its age and whether it is valid for {@code refreshNs}. */
    private static void samplingRead(Path file, int max, long refreshNs) throws Exception {
        try (PortRegion r = PortRegion.openReadOnly(file, RegionSpec.sampling(max))) {
            SamplingSlot slot = SamplingSlot.reader(r);
            byte[] buf = new byte[max];
            System.out.println("READY");
            long deadline = System.nanoTime() + TIMEOUT_NS;
            while (slot.latest() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            int len = slot.read(buf);
            long now = System.nanoTime();
            System.out.println("READ " + slot.number() + " " + new String(buf, 0, Math.max(len, 0), StandardCharsets.UTF_8));
            System.out.println("AGE " + (now - slot.timestampNs()) + " VALID " + slot.valid(now, refreshNs));
        }
    }

    /** Tries to write a read-only mapping through Java, then behind Java's back. */
    private static void writeAttempt(Path file, int max) throws Exception {
        PortRegion r = PortRegion.openReadOnly(file, RegionSpec.sampling(max));
        MemorySegment seg = r.segment();
        System.out.println("MAPS " + MapsLine.permissions(file, seg.address()));
        try {
            seg.set(ValueLayout.JAVA_BYTE, Layout.BODY, (byte) 0x55);
            System.out.println("JAVA-WRITE-SUCCEEDED");
        } catch (RuntimeException e) {
            System.out.println("JAVA-REFUSED " + e.getMessage());
        }
        System.out.flush();
        // A raw segment over the same address has no read-only flag: only the page protection can stop this.
        MemorySegment raw = MemorySegment.ofAddress(seg.address()).reinterpret(seg.byteSize());
        raw.set(ValueLayout.JAVA_BYTE, Layout.BODY, (byte) 0x55);
        System.out.println("RAW-WRITE-SUCCEEDED");
    }

    /** Writes self-checking messages as fast as it can for {@code millis} (see above), then prints how many. */
    private static void samplingWrite(Path file, int max, long millis) throws Exception {
        try (PortRegion r = PortRegion.openReadWrite(file, RegionSpec.sampling(max))) {
            SamplingSlot slot = SamplingSlot.writer(r);
            byte[] buf = new byte[max];
            System.out.println("READY");
            long start = System.nanoTime();
            long n = 0;
            while (stressing(start, millis, n)) {
                n++;
                slot.write(buf, SelfCheckingMessage.fill(buf, n, max), System.nanoTime());
            }
            System.out.println("WROTE " + n);
        }
    }

    private static boolean stressing(long start, long millis, long n) {
        long ran = System.nanoTime() - start;
        return ran < MAX_STRESS_NS && (ran < millis * 1_000_000 || n < MIN_STRESS_MESSAGES);
    }

    /** Receives {@code count} messages numbered 1..count and prints what it got. */
    private static void queueReceive(ShmFolder folder, String channel, int max, int depth, long count)
            throws Exception {
        try (PortRegion ring = PortRegion.openReadOnly(folder.queue(channel, 0), RegionSpec.queue(max, depth));
                PortRegion consumer = PortRegion.openReadWrite(folder.consumer(channel, 0), RegionSpec.consumer(max, depth))) {
            QueueRing q = QueueRing.destination(ring, consumer);
            byte[] buf = new byte[max];
            System.out.println("READY");
            long deadline = System.nanoTime() + TIMEOUT_NS;
            long got = 0;
            while (got < count && System.nanoTime() < deadline) {
                int len = q.receive(buf);
                if (len > 0) {
                    long n = SelfCheckingMessage.check(buf, len, max);
                    if (n != got + 1) {
                        System.out.println("BAD message " + n + " after " + got);
                        return;
                    }
                    got = n;
                }
            }
            System.out.println("RECEIVED " + got + " LOST " + q.lost());
        }
    }

    /**
     * Sends messages 1..count (count 0: as a stress writer for {@code millis}), waiting while the ring is full as a BLOCK
     * sender's kernel would, then prints how many were sent.
     */
    private static void queueSend(ShmFolder folder, String channel, int max, int depth, long count,
            OverflowPolicy policy, long millis) throws Exception {
        try (PortRegion ring = PortRegion.openReadWrite(folder.queue(channel, 0), RegionSpec.queue(max, depth));
                PortRegion consumer = PortRegion.openReadOnly(folder.consumer(channel, 0), RegionSpec.consumer(max, depth))) {
            QueueRing q = QueueRing.source(ring, consumer, policy);
            byte[] buf = new byte[max];
            System.out.println("READY");
            long start = System.nanoTime();
            long n = 0;
            while (count == 0 ? stressing(start, millis, n) : n < count && System.nanoTime() - start < TIMEOUT_NS) {
                int len = SelfCheckingMessage.fill(buf, n + 1, max);
                if (q.send(buf, len) == SendOutcome.FULL) {
                    Thread.onSpinWait();
                } else {
                    n++;
                }
            }
            System.out.println("SENT " + n);
        }
    }
}
