// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.lang.foreign.MemorySegment;

/**
 * How often one port's partition passed a message through it (reads of a sampling destination, sends of a queuing
 * source, receives of a queuing destination), in a {@link RegionKind#TRAFFIC} region that only that partition
 * writes. The kernel never sees a call served from shared memory, yet its trace shows every message: it reads these
 * counters (and a slot's {@link SamplingSlot#latest()} for sampling sends) between slices of board time and traces
 * what happened since. One writer thread at a time; calls allocate nothing.
 */
public final class TrafficCounter {
    private final MemorySegment seg;

    private TrafficCounter(PortRegion region, boolean writer) {
        if (region.spec().kind() != RegionKind.TRAFFIC) {
            throw new IllegalArgumentException(region.file() + ": a " + region.spec().kind()
                    + " region is not a read counter");
        }
        if (writer && !region.writable()) {
            throw new IllegalArgumentException(region.file() + ": mapped read-only, but its partition counts in it");
        }
        this.seg = region.segment();
    }

    /** The counting partition's side: needs a read-write region. */
    public static TrafficCounter writer(PortRegion region) {
        return new TrafficCounter(region, true);
    }

    /** The kernel's side (any mapping). */
    public static TrafficCounter reader(PortRegion region) {
        return new TrafficCounter(region, false);
    }

    /** Counts one message of {@code length} bytes. */
    public void counted(int length) {
        Layout.LONG.setOpaque(seg, Layout.R_LENGTH, (long) length);
        Layout.LONG.setRelease(seg, Layout.R_READS, (long) Layout.LONG.getOpaque(seg, Layout.R_READS) + 1);
    }

    /** Messages counted so far. */
    public long reads() {
        return (long) Layout.LONG.getAcquire(seg, Layout.R_READS);
    }

    /**
     * The kernel's side, for a sampling destination whose partition restarts or goes idle: messages up to number
     * {@code latest} (the slot's count now) are gone for this destination, as the kernel forgets its copy.
     */
    public void emptied(long latest) {
        Layout.LONG.setRelease(seg, Layout.R_EMPTIED, latest);
    }

    /** Number of the last sampling message the destination lost to a restart (0: none). */
    public long emptiedUpTo() {
        return (long) Layout.LONG.getAcquire(seg, Layout.R_EMPTIED);
    }

    /** Length of the last counted message (exact when none is counted meanwhile). */
    public int lastLength() {
        return (int) (long) Layout.LONG.getOpaque(seg, Layout.R_LENGTH);
    }
}
