// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A sampling channel in shared memory: one writer (the source partition), any number of readers (the
 * destinations, each in its own process with a read-only mapping, each with its own {@code SamplingSlot}).
 *
 * <p>Protocol. The region holds the count of complete messages and two buffers; message {@code n} (1-based)
 * goes into buffer {@code n & 1}. Each buffer has its own sequence word: odd ({@code 2n-1}) while message
 * {@code n} is being written, even ({@code 2n}) once it is complete, stored with release ordering after the
 * timestamp, length and bytes; the count is then released as {@code n}. A reader acquires the count, picks
 * that buffer, acquires its sequence, copies, fences and reads the sequence again: equal and even means the
 * copy is one whole message, otherwise it retries. Two buffers matter on this board because the writer's
 * partition can be frozen at a window edge in the middle of a write: the half-written buffer is never the one
 * the count points at, so readers keep getting the previous message instead of spinning until the writer's
 * next window. A reader only retries when the writer completes a message and starts the next one during its
 * copy; after {@link #MAX_ATTEMPTS} attempts {@link #read} gives up with {@link #BUSY}.
 *
 * <p>Calls allocate nothing. A {@code SamplingSlot} is used by one thread at a time (the partition runtime
 * serialises port calls); the last message read (length, timestamp, number) is kept in the object.
 */
public final class SamplingSlot {
    /** {@link #read} result: nothing was ever written. */
    public static final int NEVER_WRITTEN = -1;
    /** {@link #read} result: the writer kept overwriting during every attempt. */
    public static final int BUSY = -2;
    public static final int MAX_ATTEMPTS = 64;

    private static final VarHandle LONG = Layout.LONG;
    private static final VarHandle INT = Layout.INT;

    private final PortRegion region;
    private final MemorySegment seg;
    private final int max;
    private final long stride;
    private long lastTime;
    private long lastNumber;

    private SamplingSlot(PortRegion region, boolean writer) {
        if (region.spec().kind() != RegionKind.SAMPLING) {
            throw new IllegalArgumentException(region.file() + ": a " + region.spec().kind()
                    + " region is not a sampling slot");
        }
        if (writer && !region.writable()) {
            throw new IllegalArgumentException(region.file() + ": mapped read-only, cannot be a sampling source");
        }
        this.region = region;
        this.seg = region.segment();
        this.max = region.spec().maxMessageSize();
        this.stride = region.spec().stride();
    }

    /** The source's side: needs a read-write region. */
    public static SamplingSlot writer(PortRegion region) {
        return new SamplingSlot(region, true);
    }

    /** A destination's side (any mapping; destinations map read-only). */
    public static SamplingSlot reader(PortRegion region) {
        return new SamplingSlot(region, false);
    }

    public int maxMessageSize() {
        return max;
    }

    private long buffer(long n) {
        return Layout.BODY + (n & 1) * stride;
    }

    /**
     * Publishes {@code src[0..len)} stamped with {@code nowNs} (CLOCK_MONOTONIC, e.g. {@link System#nanoTime()},
     * which is system-wide on Linux so readers in other processes can compare). One writer only.
     *
     * @throws IllegalArgumentException if {@code len} is outside 1..maxMessageSize or beyond {@code src}
     */
    public void write(byte[] src, int len, long nowNs) {
        if (src == null || len < 1 || len > max || len > src.length) {
            throw new IllegalArgumentException(refusal(src, len));
        }
        long n = (long) LONG.getOpaque(seg, Layout.S_COUNT) + 1;
        long b = buffer(n);
        LONG.setOpaque(seg, b + Layout.SB_SEQ, 2 * n - 1);
        // The odd sequence must be visible before any byte of the new message.
        VarHandle.releaseFence();
        LONG.set(seg, b + Layout.SB_TIME, nowNs);
        INT.set(seg, b + Layout.SB_LENGTH, len);
        MemorySegment.copy(src, 0, seg, ValueLayout.JAVA_BYTE, b + Layout.SAMPLING_DATA, len);
        LONG.setRelease(seg, b + Layout.SB_SEQ, 2 * n);
        LONG.setRelease(seg, Layout.S_COUNT, n);
    }

    private String refusal(byte[] src, int len) {
        if (src == null) {
            return region.file() + ": null message";
        }
        return region.file() + ": message length " + len + " outside 1.." + Math.min(max, src.length)
                + (len > max ? " (maxMessageSize " + max + ")" : "");
    }

    /**
     * Copies the latest complete message into {@code dst}.
     *
     * @return its length, {@link #NEVER_WRITTEN}, or {@link #BUSY}; after a message, {@link #timestampNs()} and
     *         {@link #number()} describe it
     * @throws IllegalArgumentException if {@code dst} is shorter than the maximum message size
     */
    public int read(byte[] dst) {
        if (dst == null || dst.length < max) {
            throw new IllegalArgumentException(region.file() + ": receive buffer of "
                    + (dst == null ? "null" : dst.length + " bytes") + " is smaller than maxMessageSize " + max);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long n = (long) LONG.getAcquire(seg, Layout.S_COUNT);
            if (n == 0) {
                return NEVER_WRITTEN;
            }
            long b = buffer(n);
            long s1 = (long) LONG.getAcquire(seg, b + Layout.SB_SEQ);
            if (s1 != 2 * n) {
                continue; // the writer has moved on to n + 1 and n + 2 since we read the count
            }
            long time = (long) LONG.get(seg, b + Layout.SB_TIME);
            int len = (int) INT.get(seg, b + Layout.SB_LENGTH);
            if (len < 1 || len > max) {
                continue; // a length from a buffer being rewritten: the next attempt sees its new sequence
            }
            MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, b + Layout.SAMPLING_DATA, dst, 0, len);
            // Every load of the message must happen before the sequence is read again.
            VarHandle.acquireFence();
            if ((long) LONG.getOpaque(seg, b + Layout.SB_SEQ) == s1) {
                lastTime = time;
                lastNumber = n;
                return len;
            }
        }
        return BUSY;
    }

    /** Number of messages written so far (1 for the first): a cheap poll for "something new". */
    public long latest() {
        return (long) LONG.getAcquire(seg, Layout.S_COUNT);
    }

    /** Length of the latest complete message (0 before any); exact unless the writer moves on meanwhile. */
    public int latestLength() {
        long n = latest();
        return n == 0 ? 0 : (int) INT.getOpaque(seg, buffer(n) + Layout.SB_LENGTH);
    }

    /** Write time of the message the last successful {@link #read} returned. */
    public long timestampNs() {
        return lastTime;
    }

    /** Number of the message the last successful {@link #read} returned (1-based, 0 before any). */
    public long number() {
        return lastNumber;
    }

    /** Whether the message the last successful read returned is still valid at {@code nowNs}. */
    public boolean valid(long nowNs, long refreshPeriodNs) {
        return lastNumber != 0 && isValid(nowNs, lastTime, refreshPeriodNs);
    }

    /**
     * The sampling validity rule (same as the simulator): a message is valid while its age is at most the
     * destination's refresh period; a refresh period of 0 means always valid.
     */
    public static boolean isValid(long nowNs, long writtenNs, long refreshPeriodNs) {
        return refreshPeriodNs == 0 || nowNs - writtenNs <= refreshPeriodNs;
    }
}
