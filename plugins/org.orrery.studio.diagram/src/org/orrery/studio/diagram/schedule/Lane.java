// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One core of one plan: its major frame and its windows in text order. */
public record Lane(int core, long majorFrameNs, List<WindowBlock> windows) {

    /** The window covering {@code timeNs}, the last one in text order when windows overlap; null if none. */
    public WindowBlock windowAt(long timeNs) {
        WindowBlock hit = null;
        for (WindowBlock w : windows) {
            if (w.contains(timeNs)) {
                hit = w;
            }
        }
        return hit;
    }

    /**
     * The empty stretch around {@code timeNs} within the major frame, as {@code [start, end)}; null when a
     * window covers that time.
     */
    public long[] gapAt(long timeNs) {
        if (timeNs < 0 || timeNs >= majorFrameNs || windowAt(timeNs) != null) {
            return null;
        }
        long from = 0;
        long to = majorFrameNs;
        for (WindowBlock w : windows) {
            if (w.endNs() <= timeNs) {
                from = Math.max(from, w.endNs());
            } else if (w.startNs() > timeNs) {
                to = Math.min(to, w.startNs());
            }
        }
        return new long[] { from, to };
    }

    /** True when {@code [start, end)} lies in the frame and touches no window. */
    public boolean isFree(long start, long end) {
        if (start < 0 || end > majorFrameNs || end <= start) {
            return false;
        }
        return windows.stream().noneMatch(w -> w.startNs() < end && start < w.endNs());
    }

    /** Busy time per owner on this core, in first-appearance order. */
    public Map<String, Long> busyByOwner() {
        Map<String, Long> busy = new LinkedHashMap<>();
        for (WindowBlock w : windows) {
            busy.merge(w.owner(), w.durationNs(), Long::sum);
        }
        return busy;
    }
}
