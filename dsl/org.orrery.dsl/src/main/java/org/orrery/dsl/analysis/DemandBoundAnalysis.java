// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Demand-bound analysis for EDF inside a partition's windows: at every absolute deadline {@code t} up to
 * the analysis horizon, the work due by {@code t} (dbf) must not exceed the least window time any
 * interval of length {@code t} receives (sbf). For the first deadline that fails, the process owning it
 * gets a response time: its deadline plus the extra time the supply needs to serve the demand.
 */
public final class DemandBoundAnalysis {

    /** Bound on the deadlines examined, so a pathological hyperperiod cannot stall validation. */
    public static final int MAX_CHECKPOINTS = 200_000;

    private DemandBoundAnalysis() {
    }

    public static List<Verdict> edf(List<Task> tasks, Supply supply) {
        List<Verdict> verdicts = new ArrayList<>();
        if (tasks.isEmpty()) {
            return verdicts;
        }
        long horizon = horizon(tasks, supply);
        TreeSet<Long> checkpoints = new TreeSet<>();
        for (Task t : tasks) {
            for (long d = t.deadline(); d <= horizon && checkpoints.size() < MAX_CHECKPOINTS; d += t.period()) {
                checkpoints.add(d);
                if (t.period() <= 0) {
                    break;
                }
            }
        }
        Task failing = null;
        long failingResponse = 0;
        for (long t : checkpoints) {
            long demand = demand(tasks, t);
            if (demand > supply.minimumSupply(t)) {
                failing = ownerOf(tasks, t);
                long served = supply.minimumIntervalFor(demand);
                failingResponse = served == Long.MAX_VALUE ? Long.MAX_VALUE
                        : ResponseTimeAnalysis.saturatingAdd(failing.deadline(), served - t);
                break;
            }
        }
        for (Task t : tasks) {
            // Under EDF a passing demand test bounds every response by the deadline itself.
            verdicts.add(t == failing ? new Verdict(t, failingResponse) : new Verdict(t, t.deadline()));
        }
        return verdicts;
    }

    static long demand(List<Task> tasks, long t) {
        long sum = 0;
        for (Task task : tasks) {
            if (t >= task.deadline()) {
                long jobs = task.period() > 0 ? (t - task.deadline()) / task.period() + 1 : 1;
                sum = ResponseTimeAnalysis.saturatingAdd(sum, ResponseTimeAnalysis.saturatingMultiply(jobs, task.wcet()));
            }
        }
        return sum;
    }

    /**
     * The process whose deadline falls at {@code t}; when several do, the one with the longest relative
     * deadline, whose whole job lies inside the failing interval.
     */
    private static Task ownerOf(List<Task> tasks, long t) {
        Task owner = null;
        for (Task task : tasks) {
            boolean due = t == task.deadline()
                    || t > task.deadline() && task.period() > 0 && (t - task.deadline()) % task.period() == 0;
            if (due && (owner == null || task.deadline() > owner.deadline())) {
                owner = task;
            }
        }
        return owner != null ? owner : tasks.get(0);
    }

    /** One hyperperiod of the tasks and the supply frame plus the longest deadline, capped. */
    private static long horizon(List<Task> tasks, Supply supply) {
        long h = supply.frame();
        long maxDeadline = 0;
        long cap = ResponseTimeAnalysis.saturatingMultiply(supply.frame(), 1_000);
        for (Task t : tasks) {
            if (t.period() > 0) {
                h = lcm(h, t.period(), cap);
            }
            maxDeadline = Math.max(maxDeadline, t.deadline());
        }
        return ResponseTimeAnalysis.saturatingAdd(Math.min(h, cap), maxDeadline);
    }

    private static long lcm(long a, long b, long cap) {
        long g = gcd(a, b);
        long r = ResponseTimeAnalysis.saturatingMultiply(a / g, b);
        return Math.min(r, cap);
    }

    public static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }
}
