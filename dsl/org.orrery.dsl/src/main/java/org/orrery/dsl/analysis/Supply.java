// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The processor time a partition receives: its windows, repeating every {@code frame} nanoseconds.
 * Overlapping or touching windows are merged, so the supply is exact for a partition that never runs on
 * two cores at once.
 */
public final class Supply {

    /** Frames whose common multiple is more than this many times the shortest are not analysed. */
    private static final long MAX_REPEATS = 1_000;

    private final long frame;
    private final long[] starts;
    private final long[] ends;
    private final long perFrame;

    /** @param intervals {start, end} pairs inside {@code [0, frame]} */
    public Supply(long frame, List<long[]> intervals) {
        if (frame <= 0) {
            throw new IllegalArgumentException("frame must be positive");
        }
        List<long[]> sorted = new ArrayList<>(intervals.stream()
                .map(i -> new long[] {Math.max(0, i[0]), Math.min(frame, i[1])})
                .filter(i -> i[1] > i[0])
                .toList());
        sorted.sort(Comparator.comparingLong(i -> i[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] i : sorted) {
            if (!merged.isEmpty() && i[0] <= merged.get(merged.size() - 1)[1]) {
                long[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], i[1]);
            } else {
                merged.add(i.clone());
            }
        }
        this.frame = frame;
        this.starts = merged.stream().mapToLong(i -> i[0]).toArray();
        this.ends = merged.stream().mapToLong(i -> i[1]).toArray();
        long total = 0;
        for (int k = 0; k < starts.length; k++) {
            total += ends[k] - starts[k];
        }
        this.perFrame = total;
    }

    /**
     * The supply of windows on cores with different major frames, over the common multiple of those frames:
     * {@code byFrame} maps each frame to its windows' {start, end} offsets. Null when a frame is not positive
     * or the common multiple is too long to analyse.
     */
    public static Supply repeating(Map<Long, List<long[]>> byFrame) {
        long hyper = 1;
        long smallest = Long.MAX_VALUE;
        for (long f : byFrame.keySet()) {
            if (f <= 0) {
                return null;
            }
            smallest = Math.min(smallest, f);
            hyper = hyper / DemandBoundAnalysis.gcd(hyper, f) * f;
            if (hyper / smallest > MAX_REPEATS) {
                return null;
            }
        }
        List<long[]> intervals = new ArrayList<>();
        for (Map.Entry<Long, List<long[]>> e : byFrame.entrySet()) {
            for (long offset = 0; offset < hyper; offset += e.getKey()) {
                for (long[] i : e.getValue()) {
                    intervals.add(new long[] {offset + i[0], offset + Math.min(i[1], e.getKey())});
                }
            }
        }
        return new Supply(hyper, intervals);
    }

    public long frame() {
        return frame;
    }

    /** Window time per frame. */
    public long perFrame() {
        return perFrame;
    }

    /** Window time in {@code [0, t)}. */
    public long cumulative(long t) {
        long full = Math.floorDiv(t, frame);
        long rest = t - full * frame;
        long partial = 0;
        for (int k = 0; k < starts.length && starts[k] < rest; k++) {
            partial += Math.min(rest, ends[k]) - starts[k];
        }
        return full * perFrame + partial;
    }

    /**
     * The earliest instant {@code t >= from} by which {@code amount} nanoseconds of window time have been
     * supplied since {@code from}; {@link Long#MAX_VALUE} if the partition never runs.
     */
    public long finish(long from, long amount) {
        if (amount <= 0) {
            return from;
        }
        if (perFrame == 0) {
            return Long.MAX_VALUE;
        }
        // Saturating: an amount whose finish lies beyond a long's nanoseconds counts as never served (it wrapped
        // to a negative instant before, and an overloaded partition passed as schedulable).
        long target = ResponseTimeAnalysis.saturatingAdd(cumulative(from), amount);
        if (target == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long full = target / perFrame;
        long rest = target % perFrame;
        long frames = ResponseTimeAnalysis.saturatingMultiply(rest == 0 ? full - 1 : full, frame);
        if (frames == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        if (rest == 0) {
            return ResponseTimeAnalysis.saturatingAdd(frames, ends[ends.length - 1]);
        }
        long acc = 0;
        for (int k = 0; k < starts.length; k++) {
            long len = ends[k] - starts[k];
            if (acc + len >= rest) {
                return ResponseTimeAnalysis.saturatingAdd(frames, starts[k] + (rest - acc));
            }
            acc += len;
        }
        throw new IllegalStateException("unreachable: rest below supply per frame");
    }

    /**
     * Release instants worth analysing: a job released just as a window closes waits longest. With no
     * gap at all every instant is alike, so 0 suffices.
     */
    public long[] criticalOffsets() {
        if (starts.length == 0) {
            return new long[] {0};
        }
        long[] offsets = new long[ends.length];
        for (int k = 0; k < ends.length; k++) {
            offsets[k] = ends[k] % frame;
        }
        return offsets;
    }

    /** Least window time any interval of length {@code t} receives (the supply bound function). */
    public long minimumSupply(long t) {
        long min = Long.MAX_VALUE;
        for (long a : criticalOffsets()) {
            min = Math.min(min, cumulative(a + t) - cumulative(a));
        }
        return min;
    }

    /** Shortest interval length that is guaranteed {@code demand} window time, wherever it starts. */
    public long minimumIntervalFor(long demand) {
        long worst = 0;
        for (long a : criticalOffsets()) {
            long f = finish(a, demand);
            if (f == Long.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            worst = Math.max(worst, f - a);
        }
        return worst;
    }
}
