// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Response-time analysis for fixed-priority preemptive scheduling inside a partition's windows: the
 * classic busy-period recurrence, where time only advances while one of the partition's windows is open.
 * Every job of equal or higher priority is released together with the analysed one (critical instant),
 * and that instant is placed at each window end, where the supply gap is longest.
 * Round robin is analysed the same way with every other process interfering.
 */
public final class ResponseTimeAnalysis {

    private ResponseTimeAnalysis() {
    }

    public static List<Verdict> fixedPriority(List<Task> tasks, Supply supply) {
        return analyse(tasks, supply, false);
    }

    public static List<Verdict> roundRobin(List<Task> tasks, Supply supply) {
        return analyse(tasks, supply, true);
    }

    private static List<Verdict> analyse(List<Task> tasks, Supply supply, boolean everyoneInterferes) {
        List<Verdict> verdicts = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            List<Task> interfering = new ArrayList<>();
            for (Task o : tasks) {
                if (o != t && (everyoneInterferes || o.priority() >= t.priority())) {
                    interfering.add(o);
                }
            }
            long worst = 0;
            for (long offset : supply.criticalOffsets()) {
                worst = Math.max(worst, responseFrom(t, interfering, supply, offset));
                if (worst > t.deadline()) {
                    break;
                }
            }
            verdicts.add(new Verdict(t, worst));
        }
        return verdicts;
    }

    private static long responseFrom(Task t, List<Task> interfering, Supply supply, long offset) {
        long demand = t.wcet();
        for (Task o : interfering) {
            demand = saturatingAdd(demand, o.wcet());
        }
        long response = elapsed(supply, offset, demand);
        // The recurrence grows monotonically; stop at the fixed point or once the deadline is lost.
        while (response != Long.MAX_VALUE) {
            long next = t.wcet();
            for (Task o : interfering) {
                next = saturatingAdd(next, saturatingMultiply(ceilDiv(response, o.period()), o.wcet()));
            }
            long r = elapsed(supply, offset, next);
            if (r == response) {
                return response;
            }
            response = r;
            if (response > t.deadline()) {
                return response;
            }
        }
        return response;
    }

    private static long elapsed(Supply supply, long offset, long demand) {
        long end = supply.finish(offset, demand);
        return end == Long.MAX_VALUE ? Long.MAX_VALUE : end - offset;
    }

    static long ceilDiv(long a, long b) {
        return b <= 0 ? 1 : Math.floorDiv(a + b - 1, b);
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }
}
