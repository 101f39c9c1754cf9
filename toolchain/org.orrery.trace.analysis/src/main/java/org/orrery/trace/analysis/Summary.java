// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

/**
 * What a range of timeline items looks like from far away: how many there are, the time they cover, the longest
 * one, and which colours (partitions, process states or marker types, one bit each) occur among them. Summaries
 * merge, so a level of detail is the merge of the level below. Mutable and reused: drawing a frame allocates none.
 */
public final class Summary {

    private int count;
    private long minStartNs;
    private long maxEndNs;
    private long maxDurationNs;
    private long colours;

    public Summary() {
        clear();
    }

    public void clear() {
        count = 0;
        minStartNs = Long.MAX_VALUE;
        maxEndNs = Long.MIN_VALUE;
        maxDurationNs = Long.MIN_VALUE;
        colours = 0;
    }

    void add(int n, long minStart, long maxEnd, long maxDuration, long colourBits) {
        count += n;
        minStartNs = Math.min(minStartNs, minStart);
        maxEndNs = Math.max(maxEndNs, maxEnd);
        maxDurationNs = Math.max(maxDurationNs, maxDuration);
        colours |= colourBits;
    }

    public int count() {
        return count;
    }

    public long minStartNs() {
        return minStartNs;
    }

    public long maxEndNs() {
        return maxEndNs;
    }

    public long maxDurationNs() {
        return maxDurationNs;
    }

    /** Bit {@code k} set when an item of colour {@code k} is in the range. */
    public long colours() {
        return colours;
    }

    @Override
    public String toString() {
        return count == 0 ? "empty" : count + " items [" + minStartNs + ", " + maxEndNs + "] longest " + maxDurationNs
                + " colours 0x" + Long.toHexString(colours);
    }
}
