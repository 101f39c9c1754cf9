// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/** Windows of one plan on one core, sorted by start; built at boot so the scheduler only indexes arrays. */
final class PlanTable {
    final int plan;
    /** Major frame, 0 when the core idles in this plan. */
    final long frame;
    final long[] start;
    final long[] duration;
    final int[] partition;
    /** Index of each window in the plan's window list (trace payload). */
    final int[] windowId;

    private PlanTable(int plan, long frame, List<int[]> order, PlanConfig config, SystemConfig system) {
        this.plan = plan;
        this.frame = frame;
        int n = order.size();
        start = new long[n];
        duration = new long[n];
        partition = new int[n];
        windowId = new int[n];
        for (int i = 0; i < n; i++) {
            WindowConfig w = config.windows().get(order.get(i)[0]);
            start[i] = w.startNs();
            duration[i] = w.durationNs();
            partition[i] = system.partitionIndex(w.partition());
            windowId[i] = order.get(i)[0];
        }
    }

    int size() {
        return start.length;
    }

    /** tables[plan][core]. */
    static PlanTable[][] build(SystemConfig c) {
        int cores = c.board().cores();
        PlanTable[][] tables = new PlanTable[c.plans().size()][cores];
        for (int p = 0; p < c.plans().size(); p++) {
            PlanConfig plan = c.plans().get(p);
            for (int core = 0; core < cores; core++) {
                long frame = 0;
                for (CoreFrame f : plan.frames()) {
                    if (f.core() == core) {
                        frame = f.majorFrameNs();
                    }
                }
                List<int[]> order = new ArrayList<>();
                for (int w = 0; w < plan.windows().size(); w++) {
                    if (plan.windows().get(w).core() == core) {
                        order.add(new int[] {w});
                    }
                }
                order.sort(Comparator.comparingLong(o -> plan.windows().get(o[0]).startNs()));
                tables[p][core] = new PlanTable(p, frame, order, plan, c);
            }
        }
        return tables;
    }
}
