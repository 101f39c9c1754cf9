// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.orrery.os.config.SystemConfig;

/**
 * The plans the cores of a traced run followed, in time order, as the windows they ran show them: what the schedule
 * check holds a core to where its own windows say nothing.
 */
final class PlanHistory {

    /** A plan that a core began to follow at {@code frameStartNs}, the start of its first frame in it. */
    record PlanStart(int plan, long frameStartNs) {
    }

    private PlanHistory() {
    }

    /**
     * What a core that ran no window was meant to run: the plans the other cores followed, in time order, as the
     * windows they ran show. Each core takes a new plan at the end of its own frame, so a switch seen on several
     * cores counts once, from the earliest. With no window on any core, the kernel's own rule: every core begins
     * the initial plan at boot (Kernel.boot), taken here as the trace's start. Empty when every core ran windows
     * (their runs anchor themselves), so a normal trace does not pay for it.
     *
     * @param ranByCore the windows each core ran, indexed by core
     */
    static List<PlanStart> forSilentCores(SystemConfig config, FrameAnchors anchors,
            List<List<WindowSpan>> ranByCore, long traceStartNs) {
        if (ranByCore.stream().noneMatch(List::isEmpty)) {
            return List.of();
        }
        List<PlanStart> starts = new ArrayList<>();
        for (int core = 0; core < ranByCore.size(); core++) {
            List<WindowSpan> ran = ranByCore.get(core);
            for (int i = 0, j; i < ran.size(); i = j) {
                j = FrameAnchors.runEnd(ran, i);
                starts.add(new PlanStart(ran.get(i).planIndex(), anchors.firstFrameStart(core, ran.subList(i, j))));
            }
        }
        if (starts.isEmpty()) {
            return List.of(new PlanStart(config.planIndex(config.initialPlan()), traceStartNs));
        }
        starts.sort(Comparator.comparingLong(PlanStart::frameStartNs));
        List<PlanStart> plans = new ArrayList<>();
        for (PlanStart s : starts) {
            if (plans.isEmpty() || plans.getLast().plan() != s.plan()) {
                plans.add(s);
            }
        }
        return plans;
    }
}
