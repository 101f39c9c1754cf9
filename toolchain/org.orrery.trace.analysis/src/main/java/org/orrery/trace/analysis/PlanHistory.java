// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.orrery.os.config.SystemConfig;

/**
 * The frame epoch of a traced run and the plans its cores followed from it: what the schedule check holds a core to
 * where its own windows say nothing (before its first window, or throughout when it ran none).
 *
 * <p>The kernel begins the initial plan on every core at one instant ({@code Kernel.boot} calls
 * {@code CoreRt.begin(plan, now)} for each core), so all cores' frames count from one epoch, whichever core opened
 * a window first: the run's start when the trace says where that is ({@link TraceCoverage#fromBoot()}), else the
 * start of the earliest first frame seen on any core. After that each core takes a new plan at the end of its own
 * frame.
 */
final class PlanHistory {

    /** A plan that a core began to follow at {@code frameStartNs}, the start of its first frame in it. */
    record PlanStart(int plan, long frameStartNs) {
    }

    private final SystemConfig config;
    private final FrameAnchors anchors;
    private final List<List<WindowSpan>> ranByCore;
    private final boolean fromBoot;
    private final long epochNs;
    private List<PlanStart> plans;

    /** @param ranByCore the windows each core ran, indexed by core */
    PlanHistory(SystemConfig config, FrameAnchors anchors, List<List<WindowSpan>> ranByCore, TraceCoverage coverage) {
        this.config = config;
        this.anchors = anchors;
        this.ranByCore = ranByCore;
        this.fromBoot = coverage.fromBoot();
        this.epochNs = fromBoot ? coverage.startNs() : earliestFirstFrame(coverage.startNs());
    }

    /** When every core's frames began, as far as the trace shows. */
    long epochNs() {
        return epochNs;
    }

    private long earliestFirstFrame(long traceStartNs) {
        long earliest = Long.MAX_VALUE;
        for (int core = 0; core < ranByCore.size(); core++) {
            List<WindowSpan> ran = ranByCore.get(core);
            if (!ran.isEmpty()) {
                earliest = Math.min(earliest,
                        anchors.firstFrameStart(core, ran.subList(0, FrameAnchors.runEnd(ran, 0))));
            }
        }
        return earliest == Long.MAX_VALUE ? traceStartNs : earliest;
    }

    /**
     * The plans the cores followed, in time order, as the windows they ran show. Each core takes a new plan at the
     * end of its own frame, so a switch seen on several cores counts once, from the earliest. From the epoch until
     * the first window any core ran, or with no window on any core, the kernel's own rule: every core begins the
     * initial plan at boot. Worked out when first asked for (a silent core, or a core whose first window came late),
     * so a normal trace does not pay for it.
     */
    List<PlanStart> plans() {
        if (plans == null) {
            plans = compute();
        }
        return plans;
    }

    private List<PlanStart> compute() {
        List<PlanStart> starts = new ArrayList<>();
        for (int core = 0; core < ranByCore.size(); core++) {
            List<WindowSpan> ran = ranByCore.get(core);
            for (int i = 0, j; i < ran.size(); i = j) {
                j = FrameAnchors.runEnd(ran, i);
                starts.add(new PlanStart(ran.get(i).planIndex(), anchors.firstFrameStart(core, ran.subList(i, j))));
            }
        }
        starts.sort(Comparator.comparingLong(PlanStart::frameStartNs));
        if (starts.isEmpty() || (fromBoot && starts.getFirst().frameStartNs() > epochNs)) {
            starts.addFirst(new PlanStart(config.planIndex(config.initialPlan()), epochNs));
        }
        List<PlanStart> plans = new ArrayList<>();
        for (PlanStart s : starts) {
            if (plans.isEmpty() || plans.getLast().plan() != s.plan()) {
                plans.add(s);
            }
        }
        return List.copyOf(plans);
    }
}
