// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/**
 * Where the frames of a run of one plan's windows on a core begin, as the windows themselves show it, and the
 * configuration look-ups the schedule check makes on the way. Shared by {@link ConformanceChecker} and
 * {@link PlanHistory}, which must anchor a run the same way.
 */
final class FrameAnchors {

    private final SystemConfig config;

    FrameAnchors(SystemConfig config) {
        this.config = config;
    }

    /** The index after the run of windows of one plan that starts at {@code i}. */
    static int runEnd(List<WindowSpan> ran, int i) {
        int j = i;
        while (j < ran.size() && ran.get(j).planIndex() == ran.get(i).planIndex()) {
            j++;
        }
        return j;
    }

    /**
     * Start of the first frame of a run of one plan's windows on {@code core}: its first window's start less that
     * window's configured offset, corrected by the run's typical lateness; the first window's start if the plan
     * gives the core no frame.
     */
    long firstFrameStart(int core, List<WindowSpan> ran) {
        WindowSpan anchor = ran.get(0);
        Optional<PlanConfig> plan = plan(anchor.planIndex());
        Optional<CoreFrame> frame = plan.flatMap(p -> frameOf(p, core));
        if (frame.isEmpty()) {
            return anchor.startNs();
        }
        List<WindowConfig> table = plan.get().windows();
        long epoch = validIndex(table, anchor.windowIndex())
                ? anchor.startNs() - table.get(anchor.windowIndex()).startNs()
                : anchor.startNs();
        return epoch + medianOffset(core, ran, table, epoch, frame.get().majorFrameNs());
    }

    /**
     * A real-time board records measured window starts, each a little late, its first one included: anchored on the
     * first window alone, frames whose windows opened less late than it would shift by up to half a frame and be
     * matched to the wrong frame. The median offset of all the segment's windows from the anchored frames is the
     * board's typical lateness; 0 for a simulated board, whatever a few early or late windows do.
     */
    private static long medianOffset(int core, List<WindowSpan> ran, List<WindowConfig> table, long epoch, long major) {
        long[] offsets = new long[ran.size()];
        int n = 0;
        for (WindowSpan w : ran) {
            if (validIndex(table, w.windowIndex()) && table.get(w.windowIndex()).core() == core) {
                long d = w.startNs() - epoch - table.get(w.windowIndex()).startNs();
                offsets[n++] = Math.floorMod(d + major / 2, major) - major / 2;
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(offsets, 0, n);
        return offsets[n / 2];
    }

    /** The plan of that index, empty for an index the configuration does not have (a trace of another system). */
    Optional<PlanConfig> plan(int index) {
        return index >= 0 && index < config.plans().size() ? Optional.of(config.plans().get(index)) : Optional.empty();
    }

    /** The major frame {@code plan} gives {@code core}; empty when the plan idles the core. */
    static Optional<CoreFrame> frameOf(PlanConfig plan, int core) {
        return plan.frames().stream().filter(f -> f.core() == core).findFirst();
    }

    static boolean validIndex(List<?> list, int index) {
        return index >= 0 && index < list.size();
    }
}
