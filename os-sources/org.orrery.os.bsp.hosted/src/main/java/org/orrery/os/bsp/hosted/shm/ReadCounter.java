// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.lang.foreign.MemorySegment;

/**
 * How often one destination of a sampling channel read a message, in a {@link RegionKind#SAMPLING_READS} region
 * that only this destination writes. The kernel never sees a read served from shared memory, yet its trace shows
 * every receive: it reads these counters (and a slot's {@link SamplingSlot#latest()} for the sends) between slices
 * of board time and traces what happened since. One writer thread at a time; calls allocate nothing.
 */
public final class ReadCounter {
    private final MemorySegment seg;

    private ReadCounter(PortRegion region, boolean writer) {
        if (region.spec().kind() != RegionKind.SAMPLING_READS) {
            throw new IllegalArgumentException(region.file() + ": a " + region.spec().kind()
                    + " region is not a read counter");
        }
        if (writer && !region.writable()) {
            throw new IllegalArgumentException(region.file() + ": mapped read-only, but the destination counts in it");
        }
        this.seg = region.segment();
    }

    /** The destination's side: needs a read-write region. */
    public static ReadCounter writer(PortRegion region) {
        return new ReadCounter(region, true);
    }

    /** The kernel's side (any mapping). */
    public static ReadCounter reader(PortRegion region) {
        return new ReadCounter(region, false);
    }

    /** Counts one read that returned {@code length} bytes. */
    public void counted(int length) {
        Layout.LONG.setOpaque(seg, Layout.R_LENGTH, (long) length);
        Layout.LONG.setRelease(seg, Layout.R_READS, (long) Layout.LONG.getOpaque(seg, Layout.R_READS) + 1);
    }

    /** Reads that returned a message so far. */
    public long reads() {
        return (long) Layout.LONG.getAcquire(seg, Layout.R_READS);
    }

    /** Length of the last counted read (exact when no read is counted meanwhile). */
    public int lastLength() {
        return (int) (long) Layout.LONG.getOpaque(seg, Layout.R_LENGTH);
    }
}
